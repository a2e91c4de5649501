package schema

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// TestExpensiveSlots fills the expensive slots and wants an expensive query
// to wait for one until its deadline, then be refused as busy, while cheap
// queries go on; with a slot free the expensive query runs.
func TestExpensiveSlots(t *testing.T) {
	srv := seededEngine(t, Config{Timeout: 200 * time.Millisecond})
	const (
		cheap     = `{ stats { actors } }`
		expensive = `{ stances(first: 5000) { nodes { id type topic date } } }` // 1+5000*5
	)
	for range cap(srv.expensive) {
		srv.expensive <- struct{}{}
	}
	tests := []struct {
		name, query string
		err         error
		want        string
	}{
		{"cheap while the slots are taken", cheap, nil, `"data"`},
		{"expensive while the slots are taken", expensive, ErrBusy, "busy with other expensive queries"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			res := execute(srv, map[string]interface{}{"query": tt.query})
			if !errors.Is(res.Err, tt.err) || tt.err == nil && res.Err != nil || !strings.Contains(string(res.JSON), tt.want) {
				t.Fatalf("%v after %v: %.300s; want %v with %q", res.Err, time.Since(start), res.JSON, tt.err, tt.want)
			}
		})
	}
	<-srv.expensive
	if res := execute(srv, map[string]interface{}{"query": expensive}); res.Err != nil {
		t.Fatalf("with a free slot: %v: %.300s", res.Err, res.JSON)
	}
	if len(srv.expensive) != cap(srv.expensive)-1 {
		t.Errorf("%d slots taken after the query, want %d: the slot was not released", len(srv.expensive), cap(srv.expensive)-1)
	}
}
