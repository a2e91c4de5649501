package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"strings"

	"github.com/stancegraph/stancegraph/events"
	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/seed"
)

// httpClient sends a command to a running graphd serve: queries to
// /graphql, files to POST /load (event files converted here against the
// server's vocabulary and actors), exports, backups and checks to their
// routes. The server runs the same code on its store as localClient does
// on one it opens, so the answers are the same.
type httpClient struct {
	rf     *remoteFlags
	e      *env
	lookup *remoteLookup // built for the first event file
}

func (c *httpClient) Query(ctx context.Context, q string, vars map[string]any) ([]byte, error) {
	return c.rf.graphQL(ctx, q, vars)
}

// Stats asks GraphQL's stats, retracted included, for the table a local
// store prints.
func (c *httpClient) Stats(ctx context.Context) (graph.Stats, error) {
	var s graph.Stats
	raw, err := c.rf.graphQL(ctx, `{stats{actors stances retracted documents}}`, nil)
	if err != nil {
		return s, err
	}
	var res struct {
		Data struct {
			Stats *struct{ Actors, Stances, Retracted, Documents int }
		}
	}
	if err := json.Unmarshal(raw, &res); err != nil || res.Data.Stats == nil {
		return s, fmt.Errorf("the server's answer holds no stats: %.300s", raw)
	}
	r := res.Data.Stats
	s.Actors, s.Stances, s.Retracted, s.Documents = r.Actors, r.Stances, r.Retracted, r.Documents
	return s, nil
}

// Seed sends the seed's JSON Lines to POST /load.
func (c *httpClient) Seed(ctx context.Context) (graph.LoadResult, error) {
	data, err := seed.Inline()
	if err != nil {
		return graph.LoadResult{}, err
	}
	return postLoad(ctx, c.rf, "seed.jsonl", bytes.NewReader(data), false)
}

func (c *httpClient) Export(ctx context.Context, w io.Writer, format string) error {
	return c.copy(ctx, w, "/export?"+url.Values{"format": {format}}.Encode())
}

func (c *httpClient) Backup(ctx context.Context, w io.Writer) error {
	return c.copy(ctx, w, "/backup")
}

// copy streams the body of GET path to w.
func (c *httpClient) copy(ctx context.Context, w io.Writer, path string) error {
	body, err := c.rf.do(ctx, http.MethodGet, path, "", nil)
	if err != nil {
		return err
	}
	defer body.Close()
	_, err = io.Copy(w, body)
	return err
}

func (c *httpClient) Check(ctx context.Context) (graph.CheckReport, error) {
	var rep graph.CheckReport
	body, err := c.rf.do(ctx, http.MethodGet, "/check", "", nil)
	if err != nil {
		return rep, err
	}
	defer body.Close()
	err = decodeJSON(body, &rep)
	return rep, err
}

// Load sends JSON Lines in bulk and articles through the ingestDocument
// mutation; it converts event files here first.
func (c *httpClient) Load(ctx context.Context, name, kind string, opts importOptions) (graph.LoadResult, error) {
	if !events.IsEvent(kind) {
		return loadRemote(ctx, c.rf, c.e.stdin, name, kind, opts.upsert)
	}
	if c.lookup == nil {
		var err error
		if c.lookup, err = newRemoteLookup(ctx, c.rf); err != nil {
			return graph.LoadResult{}, err
		}
	}
	return loadRemoteEvents(ctx, c.e, c.rf, c.lookup, name, kind, opts.events, opts.upsert)
}

// Import does nothing: a server loads file by file.
func (c *httpClient) Import(context.Context, []string, []string, importOptions) (bool, error) {
	return false, nil
}

func (c *httpClient) StateDir() string { return "" }

func (c *httpClient) Where() string { return strings.TrimRight(c.rf.url, "/") }

func (c *httpClient) Close(err error) error { return err }

// remoteFlags let a command talk to a running server instead of a store.
type remoteFlags struct {
	url       string
	tokenFile string
}

func (r *remoteFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&r.url, "url", "", "act on the running server at this base URL (e.g. http://127.0.0.1:8080) instead of --data")
	fs.StringVar(&r.tokenFile, "token-file", "", "file holding the server's bearer token (default: $GRAPHD_TOKEN)")
}

func (r *remoteFlags) bearer() (string, error) {
	if r.tokenFile != "" {
		b, err := os.ReadFile(r.tokenFile)
		if err != nil {
			return "", fmt.Errorf("token file: %w", err)
		}
		return strings.TrimSpace(string(b)), nil
	}
	return os.Getenv("GRAPHD_TOKEN"), nil
}

// send sends an HTTP request to the server with the bearer token, if any.
func (r *remoteFlags) send(ctx context.Context, method, path, contentType string, body io.Reader) (*http.Response, error) {
	base := strings.TrimRight(r.url, "/")
	req, err := http.NewRequestWithContext(ctx, method, base+path, body)
	if err != nil {
		return nil, fmt.Errorf("--url: %w", err)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	req.Header.Set("Accept", "application/json")
	tok, err := r.bearer()
	if err != nil {
		return nil, err
	}
	if tok != "" {
		req.Header.Set("Authorization", "Bearer "+tok)
	}
	// No overall timeout: exports, loads and backups stream for as long as
	// the graph needs; ctx (Ctrl-C) ends them.
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, fmt.Errorf("server at %s: %w", base, err)
	}
	return resp, nil
}

// do sends a request and returns the body of a 2xx answer.
func (r *remoteFlags) do(ctx context.Context, method, path, contentType string, body io.Reader) (io.ReadCloser, error) {
	resp, err := r.send(ctx, method, path, contentType, body)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode/100 != 2 {
		defer resp.Body.Close()
		body, _ := io.ReadAll(io.LimitReader(resp.Body, 4096))
		answer := "server at " + strings.TrimRight(r.url, "/") + " answered " + resp.Status
		if msg := serverMessage(body, resp.Status); msg != "" {
			answer += ": " + msg
		}
		return nil, errors.New(answer)
	}
	return resp.Body, nil
}

// serverMessage returns the explanation in an error body: the message of
// graphd's {"error": ...} or of GraphQL errors, or the text itself; ""
// when the body only repeats the status, as Go's server does for a
// request it cannot parse.
func serverMessage(body []byte, status string) string {
	var res struct {
		Error  string `json:"error"`
		Errors []struct {
			Message string `json:"message"`
		} `json:"errors"`
	}
	if json.Unmarshal(body, &res) == nil {
		msgs := []string{}
		if res.Error != "" {
			msgs = append(msgs, res.Error)
		}
		for _, e := range res.Errors {
			msgs = append(msgs, e.Message)
		}
		if len(msgs) > 0 {
			return strings.Join(msgs, "; ")
		}
	}
	msg := strings.TrimSpace(string(body))
	if strings.EqualFold(msg, status) {
		return ""
	}
	if len(msg) > 300 {
		msg = msg[:300] + "..."
	}
	return msg
}

// graphQL posts a request and returns the raw JSON answer. GraphQL errors
// in the answer become a Go error listing their messages.
func (r *remoteFlags) graphQL(ctx context.Context, query string, vars map[string]any) (json.RawMessage, error) {
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	resp, err := r.send(ctx, http.MethodPost, "/graphql", "application/json", bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(io.LimitReader(resp.Body, 256<<20))
	if err != nil {
		return nil, err
	}
	var res struct {
		Errors []struct {
			Message string `json:"message"`
		} `json:"errors"`
	}
	if err := json.Unmarshal(raw, &res); err != nil {
		return nil, fmt.Errorf("server at %s answered %s: %s", strings.TrimRight(r.url, "/"), resp.Status, bytes.TrimSpace(raw[:min(len(raw), 300)]))
	}
	msgs := make([]string, len(res.Errors))
	for i, e := range res.Errors {
		msgs[i] = e.Message
	}
	return raw, joinMessages(msgs)
}

// joinMessages makes one error of GraphQL error messages, or nil for none.
func joinMessages(msgs []string) error {
	if len(msgs) == 0 {
		return nil
	}
	return errors.New(strings.Join(msgs, "; "))
}
