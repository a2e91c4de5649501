package server

import (
	"net/http"
	"strings"
	"testing"
	"time"
)

// TestExpensiveSlots fills the expensive slots and wants an expensive query
// to wait for one until its deadline, then get 503, while cheap queries go
// on; with a slot free the expensive query runs.
func TestExpensiveSlots(t *testing.T) {
	srv := seededServer(t)
	srv.cfg.Timeout = 200 * time.Millisecond
	const (
		cheap     = `{ stats { actors } }`
		expensive = `{ stances(first: 5000) { nodes { id type topic date } } }` // 1+5000*5
	)
	for range cap(srv.expensive) {
		srv.expensive <- struct{}{}
	}
	tests := []struct {
		name, query string
		status      int
		want        string
	}{
		{"cheap while the slots are taken", cheap, http.StatusOK, `"data"`},
		{"expensive while the slots are taken", expensive, http.StatusServiceUnavailable, "busy with other expensive queries"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			status, _, body := post(srv, map[string]interface{}{"query": tt.query})
			if status != tt.status || !strings.Contains(body, tt.want) {
				t.Fatalf("status %d after %v: %.300s; want %d with %q", status, time.Since(start), body, tt.status, tt.want)
			}
		})
	}
	<-srv.expensive
	if status, _, body := post(srv, map[string]interface{}{"query": expensive}); status != http.StatusOK {
		t.Fatalf("with a free slot: status %d: %.300s", status, body)
	}
	if len(srv.expensive) != cap(srv.expensive)-1 {
		t.Errorf("%d slots taken after the query, want %d: the slot was not released", len(srv.expensive), cap(srv.expensive)-1)
	}
}
