package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/resolvers"
	"github.com/stancegraph/stancegraph/schema"
	"github.com/stancegraph/stancegraph/server"
)

// notebookQuery is the typical notebook request: an actor by name with a
// page of 20 stances, their objects and evidence. The stance selection is
// the one examples/notebook/stances.ipynb makes.
const notebookQuery = `query Stances($name: String!) {
  actor(name: $name) {
    name
    stances(first: 20) {
      nodes { date type topic subject { name } object { name } evidence { quote } }
    }
  }
}`

// newHandler wires the real handler on the store as graphd serve does
// (cmd/graphd/serve.go newHandler), without the parts no query here
// reaches: extraction, the explorer UI and export.
func newHandler(st *graph.Store) (http.Handler, error) {
	sch, err := schema.New(resolvers.New(resolvers.Config{Store: st}))
	if err != nil {
		return nil, err
	}
	e, err := schema.NewEngine(sch, schema.Config{})
	if err != nil {
		return nil, err
	}
	return server.New(server.Config{Engine: e})
}

func measureHTTP(ctx context.Context, c *config, d *dataset, st *graph.Store, res *results, logf func(string, ...any)) error {
	h, err := newHandler(st)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(ln)
	defer srv.Close()
	url := "http://" + ln.Addr().String() + "/graphql"

	// Actors busy enough to fill a page of 20.
	var names []string
	for k := 0; k < d.nActors && len(names) < 2000; k++ {
		if d.expectedDegree(k) < 30 {
			break
		}
		names = append(names, d.actors[d.byRank[k]].Name)
	}
	if len(names) == 0 {
		names = append(names, d.actors[d.byRank[0]].Name)
	}
	bodies := make([][]byte, len(names))
	for i, n := range names {
		bodies[i], _ = json.Marshal(map[string]any{"query": notebookQuery, "variables": map[string]string{"name": n}})
	}
	tr := &http.Transport{MaxIdleConns: c.httpClients * 2, MaxIdleConnsPerHost: c.httpClients * 2, DisableCompression: true}
	defer tr.CloseIdleConnections()
	client := &http.Client{Transport: tr, Timeout: 30 * time.Second}
	do := func(body []byte) error {
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
		if err != nil {
			return err
		}
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Accept", "application/graphql-response+json, application/json")
		resp, err := client.Do(req)
		if err != nil {
			return err
		}
		b, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil {
			return err
		}
		if resp.StatusCode != http.StatusOK || bytes.Contains(b, []byte(`"errors"`)) {
			return fmt.Errorf("HTTP %d: %.300s", resp.StatusCode, b)
		}
		return nil
	}
	// Check one answer in full before timing: it must name the actor and
	// carry 20 stances with evidence.
	if err := checkAnswer(url, client, bodies[0], names[0]); err != nil {
		return err
	}
	for i := 0; i < 200; i++ {
		if err := do(bodies[i%len(bodies)]); err != nil {
			return fmt.Errorf("graphql warm-up: %w", err)
		}
	}
	lat := make([]time.Duration, c.httpN)
	var next, errs atomic.Int64
	var firstErr atomic.Value
	var wg sync.WaitGroup
	t0 := time.Now()
	for w := 0; w < c.httpClients; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= c.httpN {
					return
				}
				t := time.Now()
				err := do(bodies[(i*7919)%len(bodies)])
				lat[i] = time.Since(t)
				if err != nil {
					errs.Add(1)
					firstErr.CompareAndSwap(nil, err)
				}
			}
		}()
	}
	wg.Wait()
	wall := time.Since(t0)
	l := summarize(lat)
	res.HTTP.RPS = float64(c.httpN) / wall.Seconds()
	res.HTTP.P50, res.HTTP.P99, res.HTTP.N, res.HTTP.Errors = l.P50us, l.P99us, c.httpN, int(errs.Load())
	logf("graphql/http %0.f req/s, p50 %.0f us, p99 %.0f us, %d errors (%d clients, %d requests)", res.HTTP.RPS, l.P50us, l.P99us, res.HTTP.Errors, c.httpClients, c.httpN)
	if e := firstErr.Load(); e != nil {
		return fmt.Errorf("graphql over http: %d of %d requests failed, first: %w", errs.Load(), c.httpN, e.(error))
	}
	return nil
}

func checkAnswer(url string, client *http.Client, body []byte, name string) error {
	resp, err := client.Post(url, "application/json", bytes.NewReader(body))
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	var out struct {
		Data struct {
			Actor *struct {
				Name    string
				Stances struct {
					Nodes []struct {
						Type     string
						Object   struct{ Name string }
						Evidence []struct{ Quote string }
					}
				}
			}
		}
		Errors []json.RawMessage
	}
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		return fmt.Errorf("graphql answer: %w", err)
	}
	a := out.Data.Actor
	switch {
	case len(out.Errors) > 0:
		return fmt.Errorf("graphql answer has errors: %s", out.Errors[0])
	case a == nil || a.Name != name:
		return fmt.Errorf("graphql answer does not name %q", name)
	case len(a.Stances.Nodes) != 20:
		return fmt.Errorf("graphql answer for %q has %d stances, want 20", name, len(a.Stances.Nodes))
	case a.Stances.Nodes[0].Object.Name == "" || len(a.Stances.Nodes[0].Evidence) == 0 || a.Stances.Nodes[0].Evidence[0].Quote == "":
		return errors.New("graphql answer lacks object names or evidence")
	}
	return nil
}
