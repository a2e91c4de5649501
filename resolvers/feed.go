package resolvers

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"

	"github.com/graphql-go/graphql"

	"github.com/stancegraph/stancegraph/stance"
)

// DefaultFeedBuffer is the number of stance changes a subscriber may have
// waiting when Config.FeedBuffer is 0.
const DefaultFeedBuffer = 1024

// CodeSubscriberDropped is the code of the last answer of a subscription
// whose reader fell too far behind: the writers did not wait for it, and
// it missed what followed.
const CodeSubscriberDropped = "SUBSCRIBER_DROPPED"

// ErrSubscriberDropped is wrapped by the error a dropped subscription ends
// with.
var ErrSubscriberDropped = errors.New("subscription dropped")

// ErrNoFeed means a subscription was asked of a store that is not a
// stance.Notifier.
var ErrNoFeed = errors.New("the store announces no changes")

// dropped is the last item of a subscription's channel when it was dropped.
type dropped struct{ reason string }

// feedFields resolve each item a subscription's channel delivers; the
// items are the stances the Subscribe functions (subscribers) send.
func (r *Resolver) feedFields() fieldMap {
	return fieldMap{
		"Subscription": {
			"stanceAdded":     resolver(r.feedItem),
			"stanceRetracted": resolver(r.feedItem),
		},
	}
}

// subscribers lists the Subscribe function of each Subscription field.
func (r *Resolver) subscribers() map[string]graphql.FieldResolveFn {
	return map[string]graphql.FieldResolveFn{
		"stanceAdded":     r.subStanceAdded,
		"stanceRetracted": r.subStanceRetracted,
	}
}

// FieldSubscribers returns the Subscribe function of every Subscription
// field, by field name. Each registers with the store and returns a
// channel (chan interface{}, as graphql-go's ExecuteSubscription reads it)
// of the changes that field reports, closed when the subscription's
// context ends or when its reader falls Config.FeedBuffer changes behind.
func (r *Resolver) FieldSubscribers() map[string]graphql.FieldResolveFn {
	return r.subscribers()
}

func (r *Resolver) subStanceAdded(p graphql.ResolveParams) (interface{}, error) {
	match, err := r.stanceMatcher(p.Context, args(p.Args).obj("filter"))
	if err != nil {
		return nil, err
	}
	return r.follow(p.Context, stance.StanceAdded, match)
}

func (r *Resolver) subStanceRetracted(p graphql.ResolveParams) (interface{}, error) {
	return r.follow(p.Context, stance.StanceRetracted, func(stance.Stance) bool { return true })
}

// feedItem resolves a Subscription field from the item its channel
// delivered: a stance, or the notice that the subscriber was dropped.
func (r *Resolver) feedItem(p graphql.ResolveParams) (interface{}, error) {
	switch v := p.Source.(type) {
	case stance.Stance:
		return r.newScope().stanceValues([]stance.Stance{v})[0], nil
	case dropped:
		return nil, &Error{Code: CodeSubscriberDropped, Message: v.reason, Err: ErrSubscriberDropped}
	}
	return nil, errSource
}

// follow subscribes to the store's changes of kind that match, and returns
// the channel the subscription reads. The store calls the observer with
// its writer lock held, so the observer never waits: when the buffer is
// full it sends the dropped notice into the slot kept for it, closes the
// channel and unsubscribes.
func (r *Resolver) follow(ctx context.Context, kind stance.ChangeKind, match func(stance.Stance) bool) (interface{}, error) {
	n, ok := r.store.(stance.Notifier)
	if !ok {
		return nil, &Error{Code: CodeUnavailable, Message: "this store does not announce changes: subscriptions need a store that implements stance.Notifier", Err: ErrNoFeed}
	}
	f := &feed{ch: make(chan interface{}, r.feedBuffer+1), size: r.feedBuffer}
	f.cancel = n.Subscribe(func(c stance.StanceChanges) { f.offer(kind, match, c) })
	go func() {
		<-ctx.Done()
		f.close(nil)
	}()
	return f.ch, nil
}

// feed is one subscription's buffer of changes.
type feed struct {
	mu     sync.Mutex
	ch     chan interface{} // size items, plus one slot for the dropped notice
	size   int
	closed bool
	cancel func()
}

// offer queues the changes of kind that match, or drops the subscriber
// when they do not fit.
func (f *feed) offer(kind stance.ChangeKind, match func(stance.Stance) bool, c stance.StanceChanges) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.closed {
		return
	}
	if c.Missed > 0 {
		f.dropLocked(fmt.Sprintf("one write changed %d stances, more than the feed holds (%d); query the stances instead and subscribe again", len(c.List)+c.Missed, stance.MaxStanceChanges))
		return
	}
	for _, ch := range c.List {
		if ch.Kind != kind || !match(ch.Stance) {
			continue
		}
		if len(f.ch) >= f.size {
			f.dropLocked(fmt.Sprintf("the subscriber fell %d changes behind, the most the feed holds, so it was dropped and missed what followed; query the stances since the last one received and subscribe again", f.size))
			return
		}
		f.ch <- ch.Stance
	}
}

// close ends the feed, after last when not nil.
func (f *feed) close(last interface{}) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.closeLocked(last)
}

func (f *feed) dropLocked(reason string) { f.closeLocked(dropped{reason: reason}) }

func (f *feed) closeLocked(last interface{}) {
	if f.closed {
		return
	}
	f.closed = true
	if last != nil {
		f.ch <- last // the slot kept free for it
	}
	close(f.ch)
	f.cancel()
}

// stanceMatcher decodes a StanceFilter argument into a test of one stance,
// resolving its actor references once.
func (r *Resolver) stanceMatcher(ctx context.Context, f args) (func(stance.Stance) bool, error) {
	q, err := r.stanceQuery(ctx, f, r.newScope())
	if err != nil {
		return nil, err
	}
	return func(s stance.Stance) bool {
		switch {
		case q.Subject != "" && s.Subject != q.Subject,
			q.Object != "" && s.Object != q.Object,
			len(q.Types) > 0 && !slices.Contains(q.Types, s.Type),
			s.Confidence < q.MinConfidence,
			q.Document != "" && !slices.ContainsFunc(s.Evidence, func(e stance.Evidence) bool { return e.DocumentID == q.Document }):
			return false
		case q.From.IsZero() && q.To.IsZero():
			return true
		}
		d := r.effectiveDate(s)
		return !d.IsZero() && (q.From.IsZero() || d >= q.From) && (q.To.IsZero() || d <= q.To)
	}, nil
}

// effectiveDate is the stance's date, else its first document's, as the
// Stance.date field answers.
func (r *Resolver) effectiveDate(s stance.Stance) stance.Date {
	if !s.Date.IsZero() || len(s.Evidence) == 0 {
		return s.Date
	}
	d, err := r.store.DocumentInfo(context.Background(), s.Evidence[0].DocumentID)
	if err != nil {
		return 0
	}
	return d.Date
}
