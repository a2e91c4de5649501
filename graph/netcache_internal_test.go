package graph

import (
	"context"
	"reflect"
	"testing"
	"time"

	"github.com/stancegraph/stancegraph/stance"
)

// TestAlignmentIndexDroppedWhenIdle: the alignment index stays while it
// is used, is dropped once idle, and the index rebuilt after gives the
// same answers.
func TestAlignmentIndexDroppedWhenIdle(t *testing.T) {
	ctx := context.Background()
	s := randomStore(t, 7, 40, 400)
	s.nets.idle = 50 * time.Millisecond
	held := func() bool {
		s.nets.mu.Lock()
		defer s.nets.mu.Unlock()
		return s.nets.ix != nil
	}
	q := stance.AlignmentQuery{Actor: "actor 1", First: 10}
	first, err := s.Alignment(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	// Used every 10 ms, it outlives its idle time several times over.
	for i := 0; i < 15; i++ {
		time.Sleep(10 * time.Millisecond)
		if _, err := s.Alignment(ctx, q); err != nil {
			t.Fatal(err)
		}
		if !held() {
			t.Fatalf("the index was dropped while in use (after %d uses)", i+1)
		}
	}
	deadline := time.Now().Add(5 * time.Second)
	for held() && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if held() {
		t.Fatal("the index is still held after 5 s idle")
	}
	again, err := s.Alignment(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(first, again) {
		t.Errorf("rebuilt index answers %v, want %v", again, first)
	}
	if len(first) == 0 {
		t.Error("no alignment to compare: the test store is too sparse")
	}
}

// TestAlignmentIndexStoppedOnClose: Close drops the index and its timer.
func TestAlignmentIndexStoppedOnClose(t *testing.T) {
	s := randomStore(t, 8, 20, 100)
	if _, err := s.Alignment(context.Background(), stance.AlignmentQuery{Actor: "actor 1"}); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s.nets.mu.Lock()
	defer s.nets.mu.Unlock()
	if s.nets.ix != nil || s.nets.timer != nil {
		t.Error("Close left the alignment index or its timer")
	}
}
