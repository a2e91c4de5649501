package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/stancegraph/stancegraph/graph"
)

// concClient posts GraphQL requests to one server over loopback.
type concClient struct {
	url string
	hc  *http.Client
}

func concNewClient(url string) *concClient {
	// Enough idle connections for every goroutine of a test, so requests
	// reuse connections instead of churning through ephemeral ports.
	tr := &http.Transport{MaxIdleConns: 64, MaxIdleConnsPerHost: 64}
	return &concClient{url: url, hc: &http.Client{Timeout: time.Minute, Transport: tr}}
}

// concAnswer is one GraphQL response and its HTTP status.
type concAnswer struct {
	Status int             `json:"-"`
	Data   json.RawMessage `json:"data"`
	Errors []struct {
		Message string `json:"message"`
	} `json:"errors"`
}

func (a concAnswer) errorText() string {
	msgs := make([]string, len(a.Errors))
	for i, e := range a.Errors {
		msgs[i] = e.Message
	}
	return strings.Join(msgs, "; ")
}

// post sends one request; the error is for transport and decoding
// failures only, GraphQL errors are in the answer.
func (c *concClient) post(ctx context.Context, query string, vars map[string]any) (concAnswer, error) {
	body, err := json.Marshal(map[string]any{"query": query, "variables": vars})
	if err != nil {
		return concAnswer{}, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.url, bytes.NewReader(body))
	if err != nil {
		return concAnswer{}, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/json")
	resp, err := c.hc.Do(req)
	if err != nil {
		return concAnswer{}, err
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		return concAnswer{Status: resp.StatusCode}, err
	}
	ans := concAnswer{Status: resp.StatusCode}
	if err := json.Unmarshal(raw, &ans); err != nil {
		return ans, fmt.Errorf("HTTP %d with a body that is not JSON: %.200s", resp.StatusCode, raw)
	}
	return ans, nil
}

// must sends one request that has to succeed and decodes its data into out.
func (c *concClient) must(ctx context.Context, query string, vars map[string]any, out any) error {
	ans, err := c.post(ctx, query, vars)
	if err != nil {
		return err
	}
	if ans.Status != http.StatusOK || len(ans.Errors) > 0 {
		return fmt.Errorf("HTTP %d: %s (query %.80q)", ans.Status, ans.errorText(), query)
	}
	if out != nil {
		if err := json.Unmarshal(ans.Data, out); err != nil {
			return fmt.Errorf("decoding %s: %w", ans.Data, err)
		}
	}
	return nil
}

// concURLWriter is the server's stdout: it hands over the URL line that
// graphd serve prints once it listens.
type concURLWriter struct {
	mu   sync.Mutex
	buf  bytes.Buffer
	url  chan string
	sent bool
}

func (w *concURLWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.buf.Write(p)
	if !w.sent {
		for _, l := range strings.Split(w.buf.String(), "\n") {
			if u, ok := strings.CutPrefix(l, "graphd: serving "); ok && strings.HasSuffix(u, "/graphql") {
				w.url <- u
				w.sent = true
				break
			}
		}
	}
	return len(p), nil
}

// concBuffer is a writer safe for the server's concurrent request logs.
type concBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *concBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *concBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// concTally counts outcomes per operation and keeps the first failures.
type concTally struct {
	mu       sync.Mutex
	ok       map[string]int
	designed map[string]int // failures the request was built to provoke
	failures []string
	failed   int
}

func (c *concTally) success(op string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.ok[op]++
}

func (c *concTally) refused(op string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.designed[op]++
}

func (c *concTally) fail(op string, err error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.failed++
	if len(c.failures) < 10 {
		c.failures = append(c.failures, op+": "+err.Error())
	}
}

func (c *concTally) summary() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	var ops []string
	for op := range c.ok {
		ops = append(ops, op)
	}
	for op := range c.designed {
		if _, ok := c.ok[op]; !ok {
			ops = append(ops, op)
		}
	}
	sort.Strings(ops)
	var b strings.Builder
	for _, op := range ops {
		fmt.Fprintf(&b, "\n  %-22s %6d ok", op, c.ok[op])
		if n := c.designed[op]; n > 0 {
			fmt.Fprintf(&b, " %6d refused by design", n)
		}
	}
	return b.String()
}

// concActor is a seed actor with its outgoing degree.
type concActor struct {
	ID     string `json:"id"`
	Name   string `json:"name"`
	Degree int    `json:"degree"`
}

// concStanceIDs pages through stances(filter: {subject}) with a small
// page size and returns the IDs in listing order.
func concStanceIDs(ctx context.Context, cl *concClient, subject string, first int) ([]string, error) {
	var ids []string
	after := any(nil)
	for pages := 0; ; pages++ {
		if pages > 100000 {
			return ids, errors.New("pagination does not end")
		}
		var out struct {
			Stances struct {
				Edges []struct {
					Cursor string `json:"cursor"`
					Node   struct {
						ID      string `json:"id"`
						Subject struct {
							ID string `json:"id"`
						} `json:"subject"`
					} `json:"node"`
				} `json:"edges"`
				PageInfo struct {
					HasNextPage bool   `json:"hasNextPage"`
					EndCursor   string `json:"endCursor"`
				} `json:"pageInfo"`
			} `json:"stances"`
		}
		err := cl.must(ctx, `query($s: ID!, $n: Int!, $a: String) {
			stances(filter: {subject: $s}, first: $n, after: $a) {
				edges { cursor node { id subject { id } } } pageInfo { hasNextPage endCursor } } }`,
			map[string]any{"s": subject, "n": first, "a": after}, &out)
		if err != nil {
			return ids, err
		}
		for _, e := range out.Stances.Edges {
			if e.Node.Subject.ID != subject {
				return ids, fmt.Errorf("stances(filter: {subject: %s}) listed stance %s of subject %s", subject, e.Node.ID, e.Node.Subject.ID)
			}
			ids = append(ids, e.Node.ID)
		}
		pi := out.Stances.PageInfo
		if !pi.HasNextPage {
			return ids, nil
		}
		if len(out.Stances.Edges) == 0 || pi.EndCursor != out.Stances.Edges[len(out.Stances.Edges)-1].Cursor {
			return ids, fmt.Errorf("a page with hasNextPage has %d edges and endCursor %q", len(out.Stances.Edges), pi.EndCursor)
		}
		after = pi.EndCursor
	}
}

// TestConcurrentReadersWriters serves a seeded store in process and runs
// readers (actor stances, paginated stances, paths, matrix, stats) against
// writers (addStance with distinct topics and with shared ones,
// ingestDocument without extraction followed by a stance quoting it, and
// with extraction) for a bounded time. Nothing may fail except the requests
// built to be refused; afterwards check passes and the store holds the
// seed's stances plus every distinct acknowledged one.
func TestConcurrentReadersWriters(t *testing.T) {
	dur := 5 * time.Second
	if testing.Short() {
		dur = 2 * time.Second
	}
	dir := filepath.Join(t.TempDir(), "store")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	stdout := &concURLWriter{url: make(chan string, 1)}
	stderr := &concBuffer{}
	var serveErr error
	serveDone := make(chan struct{})
	go func() {
		defer close(serveDone)
		// Value-log GC every 100ms runs alongside the writers and the shutdown.
		serveErr = run(ctx, []string{"serve", "--data", dir, "--addr", "127.0.0.1:0", "--gc-interval", "100ms"}, strings.NewReader(""), stdout, stderr)
	}()
	// Registered after TempDir, so the store is closed before its
	// directory is removed, even when the test stops early.
	t.Cleanup(func() {
		cancel()
		select {
		case <-serveDone:
		case <-time.After(time.Minute):
			t.Error("serve still running a minute after cancellation")
		}
	})
	var url string
	select {
	case url = <-stdout.url:
	case <-serveDone:
		t.Fatalf("serve returned before listening: %v\n%s", serveErr, stderr)
	case <-time.After(30 * time.Second):
		t.Fatalf("serve printed no URL within 30s\n%s", stderr)
	}
	cl := concNewClient(url)
	bg := context.Background()

	var seed struct {
		Stats  struct{ Stances, Documents int } `json:"stats"`
		Actors struct {
			Nodes []concActor `json:"nodes"`
		} `json:"actors"`
	}
	if err := cl.must(bg, `{ stats { stances documents } actors(first: 200) { nodes { id name degree(direction: OUT) } } }`, nil, &seed); err != nil {
		t.Fatal(err)
	}
	actors := seed.Actors.Nodes
	if len(actors) < 4 || seed.Stats.Stances == 0 {
		t.Fatalf("the seeded store has %d actors and %d stances; the test needs a seeded graph", len(actors), seed.Stats.Stances)
	}
	busiest := slices.Clone(actors)
	sort.Slice(busiest, func(i, j int) bool { return busiest[i].Degree > busiest[j].Degree })
	busiest = busiest[:3]
	// Stances listed before the writers start must stay listed: writers
	// only add, so a pagination walk that loses one has skipped it.
	baseline := map[string][]string{}
	for _, a := range busiest {
		ids, err := concStanceIDs(bg, cl, a.ID, 1000)
		if err != nil {
			t.Fatal(err)
		}
		baseline[a.ID] = ids
	}
	// A document for the mutation refused by design: a quote it lacks.
	var fixed struct {
		IngestDocument struct {
			Document struct{ ID string } `json:"document"`
		} `json:"ingestDocument"`
	}
	if err := cl.must(bg, `mutation($t: String!) { ingestDocument(input: {text: $t, title: "fixture", extract: false}) { document { id } } }`,
		map[string]any{"t": "A fixture note: the envoy met nobody."}, &fixed); err != nil {
		t.Fatal(err)
	}
	seed.Stats.Documents++

	tally := &concTally{ok: map[string]int{}, designed: map[string]int{}}
	var (
		mu         sync.Mutex
		ackStances = map[string]string{} // stance ID -> topic sent, "" when none was
		ackDocs    int
		stop       = make(chan struct{})
		wg         sync.WaitGroup
		stopped    = func() bool {
			select {
			case <-stop:
				return true
			default:
				return false
			}
		}
		acknowledge = func(id, topic string) error {
			mu.Lock()
			defer mu.Unlock()
			if prev, dup := ackStances[id]; dup && !(prev == topic && strings.HasPrefix(topic, "shared ")) {
				return fmt.Errorf("stance %s acknowledged twice, for %q and %q", id, ackStances[id], topic)
			}
			ackStances[id] = topic
			return nil
		}
	)
	loops := 0
	loop := func(name string, body func(rng *rand.Rand, i int) error) {
		loops++
		rng := rand.New(rand.NewPCG(uint64(loops), 0xc0c))
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; !stopped(); i++ {
				if err := body(rng, i); err != nil {
					tally.fail(name, err)
				}
			}
		}()
	}
	pick := func(rng *rand.Rand) (concActor, concActor) {
		a := rng.IntN(len(actors))
		b := (a + 1 + rng.IntN(len(actors)-1)) % len(actors)
		return actors[a], actors[b]
	}

	// Writers.
	for w := range 2 {
		name := fmt.Sprintf("addStance#%d", w)
		loop(name, func(rng *rand.Rand, i int) error {
			s, o := pick(rng)
			typ := crashTypes[rng.IntN(len(crashTypes))]
			topic := fmt.Sprintf("concurrency writer %d op %d", w, i)
			if i%8 == 0 {
				// Both writers add these same stances, often at the same
				// moment: each must come out as one stance, one ID.
				s, o, typ, topic = actors[0], actors[1], "SUPPORTS", fmt.Sprintf("shared %d", i/8)
			}
			var out struct {
				AddStance struct {
					ID      string              `json:"id"`
					Topic   string              `json:"topic"`
					Subject struct{ ID string } `json:"subject"`
				} `json:"addStance"`
			}
			err := cl.must(bg, `mutation($in: StanceInput!) { addStance(input: $in) { id topic subject { id } } }`,
				map[string]any{"in": map[string]any{"subject": s.ID, "type": typ, "object": o.Name, "topic": topic, "date": "2018-03-10"}}, &out)
			if err != nil {
				return err
			}
			if out.AddStance.Topic != topic || out.AddStance.Subject.ID != s.ID {
				return fmt.Errorf("addStance answered %+v, want topic %q and subject %s", out.AddStance, topic, s.ID)
			}
			if err := acknowledge(out.AddStance.ID, topic); err != nil {
				return err
			}
			tally.success(name)
			return nil
		})
	}
	loop("ingestDocument+quote", func(rng *rand.Rand, i int) error {
		s, o := pick(rng)
		quote := fmt.Sprintf("%s urged %s to resume talks", s.Name, o.Name)
		text := fmt.Sprintf("Bulletin nº %d — %s on Tuesday. Officials declined to comment.", i, quote)
		var doc struct {
			IngestDocument struct {
				Document struct{ ID string }   `json:"document"`
				Stances  []struct{ ID string } `json:"stances"`
			} `json:"ingestDocument"`
		}
		if err := cl.must(bg, `mutation($t: String!) { ingestDocument(input: {text: $t, title: "bulletin", date: "2018-03-11", extract: false}) { document { id } stances { id } } }`,
			map[string]any{"t": text}, &doc); err != nil {
			return err
		}
		if n := len(doc.IngestDocument.Stances); n != 0 {
			return fmt.Errorf("ingestDocument with extract: false stored %d stances", n)
		}
		mu.Lock()
		ackDocs++
		mu.Unlock()
		var out struct {
			AddStance struct {
				ID       string `json:"id"`
				Evidence []struct {
					Quote      string `json:"quote"`
					Start, End int
				} `json:"evidence"`
			} `json:"addStance"`
		}
		err := cl.must(bg, `mutation($in: StanceInput!) { addStance(input: $in) { id evidence { quote start end } } }`,
			map[string]any{"in": map[string]any{"subject": s.ID, "type": "DEMANDS", "object": o.ID,
				"evidence": []map[string]any{{"document": doc.IngestDocument.Document.ID, "quote": quote}}}}, &out)
		if err != nil {
			return err
		}
		start := utf8.RuneCountInString(text[:strings.Index(text, quote)])
		if ev := out.AddStance.Evidence; len(ev) != 1 || ev[0].Start != start || ev[0].End != start+utf8.RuneCountInString(quote) {
			return fmt.Errorf("evidence %+v, want [%d:%d] in code points", ev, start, start+utf8.RuneCountInString(quote))
		}
		if err := acknowledge(out.AddStance.ID, ""); err != nil {
			return err
		}
		tally.success("ingestDocument+quote")
		return nil
	})

	loop("ingestDocument extract", func(_ *rand.Rand, i int) error {
		// Extraction runs the shared extractor and stores what it finds:
		// documents differ, so every stance it returns is new.
		text := fmt.Sprintf("Bulletin %d.\n\nIran urged the Taliban to join peace talks in round %d. "+
			"Pakistan accused the Kabul government of harboring militants in round %d, officials said.", i, i, i)
		var out struct {
			IngestDocument struct {
				Document struct{ ID string } `json:"document"`
				Stances  []struct {
					ID       string `json:"id"`
					Evidence []struct {
						Document struct{ ID string } `json:"document"`
					} `json:"evidence"`
				} `json:"stances"`
			} `json:"ingestDocument"`
		}
		if err := cl.must(bg, `mutation($t: String!) { ingestDocument(input: {text: $t, title: "extracted"}) {
			document { id } stances { id evidence { document { id } } } } }`, map[string]any{"t": text}, &out); err != nil {
			return err
		}
		mu.Lock()
		ackDocs++
		mu.Unlock()
		for _, st := range out.IngestDocument.Stances {
			if len(st.Evidence) != 1 || st.Evidence[0].Document.ID != out.IngestDocument.Document.ID {
				return fmt.Errorf("extracted stance %s does not cite only its document %s", st.ID, out.IngestDocument.Document.ID)
			}
			if err := acknowledge(st.ID, ""); err != nil {
				return err
			}
		}
		tally.success("ingestDocument extract")
		return nil
	})

	// Readers.
	loop("actor stances", func(rng *rand.Rand, _ int) error {
		a := actors[rng.IntN(len(actors))]
		var out struct {
			Actor struct {
				ID      string `json:"id"`
				Degree  int    `json:"degree"`
				Stances struct {
					TotalCount int `json:"totalCount"`
					Nodes      []struct {
						Subject struct{ ID string } `json:"subject"`
						Object  struct{ ID string } `json:"object"`
					} `json:"nodes"`
				} `json:"stances"`
			} `json:"actor"`
		}
		err := cl.must(bg, `query($n: String) { actor(name: $n) { id degree stances(direction: BOTH, first: 20) {
			totalCount nodes { id type subject { id } object { id } evidence { quote start end } } } } }`,
			map[string]any{"n": a.Name}, &out)
		if err != nil {
			return err
		}
		if out.Actor.ID != a.ID {
			return fmt.Errorf("actor(name: %q) answered %s, want %s", a.Name, out.Actor.ID, a.ID)
		}
		// Only the page size is checked against: totalCount may disagree
		// with the page under writes (TestConcurrentPageTotals).
		if n := len(out.Actor.Stances.Nodes); n > 20 {
			return fmt.Errorf("actor %s: %d nodes on a page of 20", a.Name, n)
		}
		for _, s := range out.Actor.Stances.Nodes {
			if s.Subject.ID != a.ID && s.Object.ID != a.ID {
				return fmt.Errorf("actor %s lists a stance between %s and %s", a.Name, s.Subject.ID, s.Object.ID)
			}
		}
		tally.success("actor stances")
		return nil
	})
	loop("stances pagination", func(rng *rand.Rand, _ int) error {
		a := busiest[rng.IntN(len(busiest))]
		ids, err := concStanceIDs(bg, cl, a.ID, 10+rng.IntN(40))
		if err != nil {
			return err
		}
		seen := make(map[string]bool, len(ids))
		for _, id := range ids {
			if seen[id] {
				return fmt.Errorf("paging through %s's stances listed %s twice", a.Name, id)
			}
			seen[id] = true
		}
		for _, id := range baseline[a.ID] {
			if !seen[id] {
				return fmt.Errorf("paging through %s's stances skipped %s, listed before the writers started", a.Name, id)
			}
		}
		tally.success("stances pagination")
		return nil
	})
	loop("paths", func(rng *rand.Rand, _ int) error {
		from, to := busiest[0], busiest[1+rng.IntN(2)]
		var out struct {
			Paths []struct {
				Actors  []struct{ ID string } `json:"actors"`
				Stances []struct {
					Subject struct{ ID string } `json:"subject"`
					Object  struct{ ID string } `json:"object"`
				} `json:"stances"`
			} `json:"paths"`
		}
		err := cl.must(bg, `query($f: ID!, $t: ID!) { paths(from: $f, to: $t, maxHops: 3, limit: 5) {
			actors { id } stances { id type subject { id } object { id } } } }`,
			map[string]any{"f": from.ID, "t": to.ID}, &out)
		if err != nil {
			return err
		}
		for _, p := range out.Paths {
			if len(p.Actors) != len(p.Stances)+1 || p.Actors[0].ID != from.ID || p.Actors[len(p.Actors)-1].ID != to.ID {
				return fmt.Errorf("path from %s to %s is malformed: %+v", from.Name, to.Name, p)
			}
			for i, s := range p.Stances {
				a, b := p.Actors[i].ID, p.Actors[i+1].ID
				if !(s.Subject.ID == a && s.Object.ID == b || s.Subject.ID == b && s.Object.ID == a) {
					return fmt.Errorf("hop %d of a path from %s to %s does not join its actors", i, from.Name, to.Name)
				}
			}
		}
		tally.success("paths")
		return nil
	})
	loop("matrix", func(_ *rand.Rand, _ int) error {
		var out struct {
			Matrix []struct {
				Type  string `json:"type"`
				Count int    `json:"count"`
			} `json:"matrix"`
		}
		if err := cl.must(bg, `{ matrix(types: [ACCUSES, DEMANDS]) { subject { name } object { name } type count } }`, nil, &out); err != nil {
			return err
		}
		for _, c := range out.Matrix {
			if c.Count <= 0 || (c.Type != "ACCUSES" && c.Type != "DEMANDS") {
				return fmt.Errorf("matrix cell %+v", c)
			}
		}
		tally.success("matrix")
		return nil
	})
	last := seed.Stats
	loop("stats", func(_ *rand.Rand, _ int) error {
		var out struct {
			Stats struct{ Stances, Documents int } `json:"stats"`
		}
		if err := cl.must(bg, `{ stats { actors stances documents } }`, nil, &out); err != nil {
			return err
		}
		// Writers only add, so one reader must never see counts fall.
		if out.Stats.Stances < last.Stances || out.Stats.Documents < last.Documents {
			return fmt.Errorf("stats went from %+v to %+v", last, out.Stats)
		}
		last = out.Stats
		tally.success("stats")
		return nil
	})
	// Requests the server must refuse, concurrently with everything else.
	refusals := []struct {
		query string
		vars  map[string]any
		want  string // in the error message
	}{
		{`{ stances(first: 5000) { totalCount } }`, nil, "first"},
		{`{ stances(filter: {subject: "No Such Actor Qx"}) { totalCount } }`, nil, "No Such Actor Qx"},
		{`mutation($d: ID!) { addStance(input: {subject: "` + actors[0].ID + `", type: ACCUSES, object: "` + actors[1].ID + `",
			evidence: [{document: $d, quote: "a sentence that is not there"}]}) { id } }`,
			map[string]any{"d": fixed.IngestDocument.Document.ID}, "not there"},
	}
	loop("refused", func(_ *rand.Rand, i int) error {
		r := refusals[i%len(refusals)]
		ans, err := cl.post(bg, r.query, r.vars)
		if err != nil {
			return err
		}
		if len(ans.Errors) == 0 || !strings.Contains(ans.errorText(), r.want) {
			return fmt.Errorf("HTTP %d with errors %q, want an error mentioning %q for %.60q", ans.Status, ans.errorText(), r.want, r.query)
		}
		if ans.Status >= 500 {
			return fmt.Errorf("HTTP %d for a request refused by design: %s", ans.Status, ans.errorText())
		}
		tally.refused("refused")
		return nil
	})

	time.Sleep(dur)
	close(stop)
	wg.Wait()
	cancel()
	select {
	case <-serveDone:
		if serveErr != nil {
			t.Errorf("serve returned %v after cancellation", serveErr)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("serve did not return within 30s of cancellation")
	}
	t.Logf("in %s:%s", dur, tally.summary())
	if tally.failed > 0 {
		t.Errorf("%d requests failed that should not have; first ones:\n  %s", tally.failed, strings.Join(tally.failures, "\n  "))
	}
	if tally.ok["addStance#0"] == 0 || tally.ok["ingestDocument+quote"] == 0 || tally.ok["stances pagination"] == 0 {
		t.Errorf("an operation never succeeded:%s", tally.summary())
	}

	var out, errOut bytes.Buffer
	if err := run(bg, []string{"check", "--data", dir}, strings.NewReader(""), &out, &errOut); err != nil {
		t.Fatalf("graphd check: %v\n%s%s", err, out.String(), errOut.String())
	}
	st, err := graph.Open(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	stats, err := st.Stats(bg)
	if err != nil {
		t.Fatal(err)
	}
	if want := seed.Stats.Stances + len(ackStances); stats.Stances != want {
		t.Errorf("the store holds %d stances, want %d (seed %d + %d distinct acknowledged)", stats.Stances, want, seed.Stats.Stances, len(ackStances))
	}
	if want := seed.Stats.Documents + ackDocs; stats.Documents != want {
		t.Errorf("the store holds %d documents, want %d (seed and fixture %d + %d acknowledged)", stats.Documents, want, seed.Stats.Documents, ackDocs)
	}
	for id, topic := range ackStances {
		s, err := st.Stance(bg, id)
		if err != nil || topic != "" && s.Topic != topic {
			t.Errorf("acknowledged stance %s (topic %q): %+v, %v", id, topic, s, err)
		}
	}
}

// TestConcurrentPageTotals reads one actor's stances as a single page while
// a writer adds stances to that actor: a connection's totalCount and nodes
// come from one read, so on a last page they must agree.
func TestConcurrentPageTotals(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "store")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	stdout := &concURLWriter{url: make(chan string, 1)}
	serveDone := make(chan struct{})
	go func() {
		defer close(serveDone)
		run(ctx, []string{"serve", "--data", dir, "--addr", "127.0.0.1:0"}, strings.NewReader(""), stdout, &concBuffer{})
	}()
	t.Cleanup(func() { cancel(); <-serveDone })
	var url string
	select {
	case url = <-stdout.url:
	case <-serveDone:
		t.Fatal("serve returned before listening")
	}
	cl := concNewClient(url)
	bg := context.Background()
	var seed struct {
		Actors struct {
			Nodes []concActor `json:"nodes"`
		} `json:"actors"`
	}
	if err := cl.must(bg, `{ actors(first: 2) { nodes { id name } } }`, nil, &seed); err != nil {
		t.Fatal(err)
	}
	if len(seed.Actors.Nodes) < 2 {
		t.Fatal("the seeded store has fewer than two actors")
	}
	a, b := seed.Actors.Nodes[0], seed.Actors.Nodes[1]
	stop := make(chan struct{})
	writerErr := make(chan error, 1)
	go func() {
		for i := 0; ; i++ {
			select {
			case <-stop:
				writerErr <- nil
				return
			default:
			}
			err := cl.must(bg, `mutation($in: StanceInput!) { addStance(input: $in) { id } }`,
				map[string]any{"in": map[string]any{"subject": a.ID, "type": "ENGAGES", "object": b.ID, "topic": fmt.Sprintf("totals %d", i)}}, nil)
			if err != nil {
				writerErr <- err
				return
			}
		}
	}()
	reads, bad := 0, 0
	for deadline := time.Now().Add(3 * time.Second); time.Now().Before(deadline); reads++ {
		var out struct {
			Actor struct {
				Stances struct {
					TotalCount int                   `json:"totalCount"`
					Nodes      []struct{ ID string } `json:"nodes"`
					PageInfo   struct {
						HasNextPage bool `json:"hasNextPage"`
					} `json:"pageInfo"`
				} `json:"stances"`
			} `json:"actor"`
		}
		if err := cl.must(bg, `query($id: ID) { actor(id: $id) { stances(direction: OUT, first: 1000) {
			totalCount nodes { id } pageInfo { hasNextPage } } } }`, map[string]any{"id": a.ID}, &out); err != nil {
			t.Fatal(err)
		}
		c := out.Actor.Stances
		if !c.PageInfo.HasNextPage && c.TotalCount != len(c.Nodes) {
			if bad++; bad <= 3 {
				t.Errorf("%s's only page lists %d stances with totalCount %d", a.Name, len(c.Nodes), c.TotalCount)
			}
		}
	}
	close(stop)
	if err := <-writerErr; err != nil {
		t.Fatal(err)
	}
	if bad > 0 {
		t.Errorf("%d of %d pages disagreed with their totalCount", bad, reads)
	}
}
