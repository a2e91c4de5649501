package dgraphstore

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/dgraph-io/dgo/v250"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"

	"github.com/stancegraph/stancegraph/stance"
)

// Store is a stance.Store kept in a Dgraph cluster. It holds no data of
// its own: every call reads what it needs from Dgraph, so any number of
// Stores (graphd processes) on one cluster answer alike. It is safe for
// concurrent use; Close is idempotent.
type Store struct {
	dg    *dgraph
	vocab atomic.Pointer[stance.Vocabulary] // the cluster's; DropAll may change it
	// want is Options.Vocabulary, which DropAll keeps afresh.
	want *stance.Vocabulary
	// wmu serializes this process's writes: each reads the records it
	// changes, checks them with package graph's rules and writes them
	// back, and two of them on the same records must not interleave.
	wmu       sync.Mutex
	closeOnce sync.Once
}

var _ stance.Store = (*Store)(nil)

// Options configure Open; nil means the defaults.
type Options struct {
	// Vocabulary is the set of stance types a new store is created with
	// and keeps in the cluster (nil means stance.DefaultVocabulary()). A
	// store that keeps one is read with it: then Vocabulary, when set, may
	// only hold types it has, unchanged (else ErrVocabularyConflict).
	Vocabulary *stance.Vocabulary
	// Timeout bounds each call to Dgraph whose context has no deadline;
	// 0 means 30 seconds.
	Timeout time.Duration
}

// DefaultBatch is how many records a bulk load sends a cluster per
// transaction (graphd load --batch): a write reads its working set and
// writes back what changed in one transaction, so one of millions of
// records would be held whole on both sides, while much smaller ones pay
// a round trip and a commit each for little work.
const DefaultBatch = 5000

// ErrUnavailable means Dgraph could not be reached or did not answer in
// time; the call may succeed later. It is stance.ErrUnavailable, so that
// graphd answers it as any store's unavailability (503, UNAVAILABLE).
var ErrUnavailable = stance.ErrUnavailable

// Open connects to the Dgraph alpha at addr ("dgraph://host:port" or
// "host:port", its gRPC port) and creates or migrates the store's schema
// there. The schema change is retried until ctx ends, since a freshly
// started alpha refuses it for several seconds.
func Open(ctx context.Context, addr string, opts *Options) (*Store, error) {
	if opts == nil {
		opts = &Options{}
	}
	host, err := parseAddr(addr)
	if err != nil {
		return nil, err
	}
	c, err := connect(ctx, host)
	if err != nil {
		return nil, err
	}
	timeout := opts.Timeout
	if timeout == 0 {
		timeout = 30 * time.Second
	}
	s := &Store{dg: &dgraph{c: c, timeout: timeout}, want: opts.Vocabulary}
	if err := s.dg.migrate(ctx); err != nil {
		c.Close()
		return nil, err
	}
	if err := s.dg.indexIdentities(ctx); err != nil {
		c.Close()
		return nil, err
	}
	v, err := s.dg.settleVocabulary(ctx, opts.Vocabulary)
	if err != nil {
		c.Close()
		return nil, err
	}
	s.vocab.Store(v)
	return s, nil
}

// connect dials the alpha, retrying until ctx ends: dgo pings on
// connecting, and an alpha that is starting refuses.
func connect(ctx context.Context, host string) (*dgo.Dgraph, error) {
	for {
		c, err := dgo.NewClient(host,
			dgo.WithGrpcOption(grpc.WithTransportCredentials(insecure.NewCredentials())),
			dgo.WithGrpcOption(grpc.WithDefaultCallOptions(grpc.MaxCallRecvMsgSize(1<<30), grpc.MaxCallSendMsgSize(1<<30))))
		if err == nil {
			return c, nil
		}
		select {
		case <-ctx.Done():
			return nil, fmt.Errorf("%w: %s: %w", ErrUnavailable, host, err)
		case <-time.After(250 * time.Millisecond):
		}
	}
}

// parseAddr accepts dgraph://host:port or host:port.
func parseAddr(addr string) (string, error) {
	host := addr
	if strings.Contains(addr, "://") {
		u, err := url.Parse(addr)
		if err != nil || u.Scheme != "dgraph" {
			return "", fmt.Errorf("%w: store address %q: want dgraph://HOST:PORT", stance.ErrInvalidInput, addr)
		}
		host = u.Host
	}
	if i := strings.LastIndexByte(host, ':'); i <= 0 || i == len(host)-1 {
		return "", fmt.Errorf("%w: store address %q: want dgraph://HOST:PORT (the alpha's gRPC port, 9080 by default)", stance.ErrInvalidInput, addr)
	}
	return host, nil
}

// Close ends the connection.
func (s *Store) Close() error {
	s.closeOnce.Do(s.dg.c.Close)
	return nil
}

// Vocabulary returns the stance types the store accepts.
func (s *Store) Vocabulary() *stance.Vocabulary { return s.vocab.Load() }

// DropAll deletes every record of the store and its vocabulary, then
// keeps the vocabulary the store was opened with (Options.Vocabulary): for
// tests, which share one cluster, and for reloading from scratch.
func (s *Store) DropAll(ctx context.Context) error {
	if err := s.dg.c.DropAll(ctx); err != nil {
		return s.dg.fail(err)
	}
	if err := s.dg.migrate(ctx); err != nil {
		return err
	}
	v, err := s.dg.settleVocabulary(ctx, s.want)
	if err == nil {
		s.vocab.Store(v)
	}
	return err
}
