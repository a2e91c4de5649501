// Package dgraphtest starts a throwaway Dgraph for tests: one zero and one
// alpha on loopback, in a temporary directory, with telemetry off and
// ports moved by an offset so that it does not meet another Dgraph on the
// machine. Tests call Require, which skips without a binary unless
// STANCEGRAPH_DGRAPH=require (as `make test-dgraph` sets) makes that a
// failure, and always under STANCEGRAPH_DGRAPH=skip (as `make test` sets).
package dgraphtest

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/dgraph-io/dgo/v250"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

// Dgraph's base ports; -o adds the offset to each.
const (
	zeroGRPC      = 5080
	zeroHTTP      = 6080
	alphaInternal = 7080
	alphaHTTP     = 8080
	alphaGRPC     = 9080
)

// Common flags: listen on loopback only, send nothing home.
var common = []string{"--bindall=false", "--telemetry", "reports=false; sentry=false;"}

// Cluster is a running zero and alpha.
type Cluster struct {
	// Addr is the alpha's gRPC address, host:port, what dgo and
	// dgraphstore.Open take.
	Addr string
	// HTTP is the alpha's HTTP address (/health, /alter, /query).
	HTTP        string
	dir         string
	zero, alpha *proc
}

// proc is a started process; done closes when it exits.
type proc struct {
	cmd  *exec.Cmd
	done chan struct{}
}

func (p *proc) exited() bool {
	select {
	case <-p.done:
		return true
	default:
		return false
	}
}

// Binary returns the dgraph binary to run: $DGRAPH_BIN, else bin/dgraph of
// the repository holding the working directory (where scripts/dgraph.sh
// builds it).
func Binary() (string, error) {
	if b := os.Getenv("DGRAPH_BIN"); b != "" {
		if _, err := os.Stat(b); err != nil {
			return "", fmt.Errorf("dgraphtest: DGRAPH_BIN=%s: %w", b, err)
		}
		return b, nil
	}
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		b := filepath.Join(dir, "bin", "dgraph")
		if _, err := os.Stat(filepath.Join(dir, "scripts", "dgraph.sh")); err == nil {
			if _, err := os.Stat(b); err != nil {
				return "", fmt.Errorf("dgraphtest: %s is absent: build it with scripts/dgraph.sh (or make test-dgraph)", b)
			}
			return b, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("dgraphtest: no bin/dgraph: set DGRAPH_BIN or run inside the stancegraph repository")
		}
		dir = parent
	}
}

// Require starts a cluster for t and stops it when t ends. Without a
// binary it skips t, or fails it when STANCEGRAPH_DGRAPH=require.
func Require(t testing.TB) *Cluster {
	t.Helper()
	bin := Available(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	c, err := Start(ctx, bin, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := c.Stop(); err != nil {
			t.Error(err)
		}
	})
	return c
}

// Available returns the dgraph binary, or skips t when there is none
// (fails it when STANCEGRAPH_DGRAPH=require) or when
// STANCEGRAPH_DGRAPH=skip (as `make test` sets: it tests the embedded
// store, and `make test-dgraph` the cluster): for tests that share one
// cluster among themselves and start it with Start.
func Available(t testing.TB) string {
	t.Helper()
	if os.Getenv("STANCEGRAPH_DGRAPH") == "skip" {
		t.Skip("skipping the Dgraph tests: STANCEGRAPH_DGRAPH=skip (make test-dgraph runs them)")
	}
	bin, err := Binary()
	if err != nil {
		if os.Getenv("STANCEGRAPH_DGRAPH") == "require" {
			t.Fatalf("%v (STANCEGRAPH_DGRAPH=require)", err)
		}
		t.Skipf("skipping the Dgraph tests: %v", err)
	}
	return bin
}

// Start runs a zero and an alpha of bin with their data under dir, and
// returns once the alpha accepts a schema change.
func Start(ctx context.Context, bin, dir string) (*Cluster, error) {
	off, err := freeOffset()
	if err != nil {
		return nil, err
	}
	c := &Cluster{dir: dir, Addr: hostPort(alphaGRPC + off), HTTP: hostPort(alphaHTTP + off)}
	c.zero, err = run(bin, dir, "zero", append([]string{"zero", "-o", strconv.Itoa(off),
		"--my", hostPort(zeroGRPC + off), "--wal", filepath.Join(dir, "zw")}, common...))
	if err != nil {
		return nil, err
	}
	c.alpha, err = run(bin, dir, "alpha", append([]string{"alpha", "-o", strconv.Itoa(off),
		"--my", hostPort(alphaInternal + off), "--zero", hostPort(zeroGRPC + off),
		"-p", filepath.Join(dir, "p"), "-w", filepath.Join(dir, "w"), "--tmp", filepath.Join(dir, "t"),
		"--security", "whitelist=127.0.0.1", "--cache", "size-mb=256"}, common...))
	if err != nil {
		c.Stop()
		return nil, err
	}
	if err := c.waitReady(ctx); err != nil {
		c.Stop()
		return nil, err
	}
	return c, nil
}

func hostPort(p int) string { return net.JoinHostPort("127.0.0.1", strconv.Itoa(p)) }

// run starts one Dgraph process, its output in dir/name.log.
func run(bin, dir, name string, args []string) (*proc, error) {
	log, err := os.Create(filepath.Join(dir, name+".log"))
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(bin, args...)
	cmd.Dir, cmd.Stdout, cmd.Stderr = dir, log, log
	cmd.SysProcAttr = dieWithParent()
	if err := cmd.Start(); err != nil {
		log.Close()
		return nil, fmt.Errorf("dgraphtest: starting %s: %w", name, err)
	}
	p := &proc{cmd: cmd, done: make(chan struct{})}
	go func() { cmd.Wait(); log.Close(); close(p.done) }()
	return p, nil
}

// freeOffset picks a port offset whose five ports are all free.
func freeOffset() (int, error) {
	for try := 0; try < 50; try++ {
		off := 10000 + (os.Getpid()*7+try*131)%20000
		free := true
		for _, p := range []int{zeroGRPC, zeroHTTP, alphaInternal, alphaHTTP, alphaGRPC} {
			l, err := net.Listen("tcp", hostPort(p+off))
			if err != nil {
				free = false
				break
			}
			l.Close()
		}
		if free {
			return off, nil
		}
	}
	return 0, errors.New("dgraphtest: no free port offset for Dgraph")
}

// waitReady retries a schema change until it succeeds: the alpha answers
// /health several seconds before it accepts one.
func (c *Cluster) waitReady(ctx context.Context) error {
	for {
		err := c.alter(ctx)
		if err == nil {
			return nil
		}
		if c.alpha.exited() || c.zero.exited() {
			return fmt.Errorf("dgraphtest: Dgraph exited while starting; see %s", c.logTails())
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("dgraphtest: alpha at %s not ready: %w (last error %v); %s", c.Addr, ctx.Err(), err, c.logTails())
		case <-time.After(500 * time.Millisecond):
		}
	}
}

// alter connects (dgo pings on connecting) and changes the schema.
func (c *Cluster) alter(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	dg, err := dgo.NewClient(c.Addr, dgo.WithGrpcOption(grpc.WithTransportCredentials(insecure.NewCredentials())))
	if err != nil {
		return err
	}
	defer dg.Close()
	return dg.SetSchema(ctx, "dgraphtest.ready: bool .")
}

// logTails quotes the end of each process's log.
func (c *Cluster) logTails() string {
	var b strings.Builder
	for _, name := range []string{"zero", "alpha"} {
		data, _ := os.ReadFile(filepath.Join(c.dir, name+".log"))
		if len(data) > 2000 {
			data = data[len(data)-2000:]
		}
		fmt.Fprintf(&b, "\n--- %s.log ---\n%s", name, data)
	}
	return b.String()
}

// Stop ends the alpha, then the zero, by PID: SIGTERM, then SIGKILL after a
// few seconds (a zero whose alpha is gone may ignore SIGTERM).
func (c *Cluster) Stop() error {
	var errs []error
	for _, p := range []*proc{c.alpha, c.zero} {
		if p != nil {
			errs = append(errs, p.stop(5*time.Second))
		}
	}
	return errors.Join(errs...)
}

func (p *proc) stop(grace time.Duration) error {
	if err := p.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		return nil // already gone
	}
	select {
	case <-p.done:
		return nil
	case <-time.After(grace):
	}
	if err := p.cmd.Process.Kill(); err != nil && !errors.Is(err, os.ErrProcessDone) {
		return fmt.Errorf("dgraphtest: killing pid %d: %w", p.cmd.Process.Pid, err)
	}
	<-p.done
	return nil
}
