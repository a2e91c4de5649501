package main

import (
	"io"
	"net/http"
	"strings"
	"testing"
	"time"
)

// TestServeEndsStreamsOnShutdown: an open subscription must not hold up
// the shutdown of graphd serve, and ends with its complete event.
func TestServeEndsStreamsOnShutdown(t *testing.T) {
	url, stop := serve(t, t.TempDir(), "--no-seed")
	defer stop()
	req, _ := http.NewRequest(http.MethodPost, url+"/graphql/stream", strings.NewReader(`{"query":"subscription { stanceRetracted { id } }"}`))
	req.Header.Set("Accept", "text/event-stream")
	req.Header.Set("Content-Type", "application/json")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		t.Fatalf("status %d", res.StatusCode)
	}
	stopped := make(chan struct{})
	go func() { stop(); close(stopped) }()
	select {
	case <-stopped:
	case <-time.After(5 * time.Second):
		res.Body.Close() // the client goes, so the shutdown can end
		<-stopped
		t.Fatal("the shutdown waited for an open stream")
	}
	body, _ := io.ReadAll(res.Body)
	if !strings.HasSuffix(string(body), "event: complete\ndata:\n\n") {
		t.Errorf("the stream ended with %q, want its complete event", body)
	}
}
