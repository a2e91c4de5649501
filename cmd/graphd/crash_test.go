package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/stancegraph/stancegraph/graph"
)

// The crash tests run the real binary and kill it, because only a separate
// process can die without running deferred closes: an in-process test would
// always shut Badger down cleanly and prove nothing about recovery.

// crashTypes are the default stance types the generated files use.
var crashTypes = []string{"SUPPORTS", "REJECTS", "DEMANDS", "ACCUSES", "OFFERS", "ENGAGES"}

// crashBuild compiles graphd into a temporary directory. Without -race:
// the subprocess is the thing being crashed, not the thing being raced, and
// an instrumented binary would make the load several times slower.
func crashBuild(t *testing.T) string {
	t.Helper()
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skipf("go tool not found to build graphd: %v", err)
	}
	bin := filepath.Join(t.TempDir(), "graphd")
	cmd := exec.Command(goTool, "build", "-o", bin, ".")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// crashCorpus is a generated set of load files and what each must add.
type crashCorpus struct {
	files  []string          // paths, in load order
	docID  map[string]string // file -> ID of its one document
	per    int               // stances per file, all distinct
	actors int
}

// crashActorName gives actor i a name unique after normalization.
func crashActorName(i int) string {
	regions := []string{"Northern", "Southern", "Eastern", "Western", "Central", "Coastal", "Highland", "Lowland", "Riverine", "Desert"}
	bodies := []string{"Federation", "Council", "Front", "Assembly", "Movement", "League", "Union", "Coalition", "Directorate", "Commission", "Alliance", "Authority", "Brigade", "Party", "Ministry"}
	return fmt.Sprintf("%s %s %d", regions[i%len(regions)], bodies[(i/len(regions))%len(bodies)], i)
}

// crashAlias is the alias every third actor carries; stances sometimes
// name their subject by it, so loads resolve aliases as well as names.
func crashAlias(i int) string { return fmt.Sprintf("Actor No. %03d", i) }

// crashGenerate writes nFiles JSON Lines files of per stances each over
// nActors actors, each file with its own document (inline text in odd
// files, text_file in even ones; the third one 1.5 MiB long) that every
// stance quotes exactly.
func crashGenerate(t *testing.T, dir string, nFiles, per, nActors int) *crashCorpus {
	t.Helper()
	c := &crashCorpus{docID: map[string]string{}, per: per, actors: nActors}
	const sentences = 40
	for f := 0; f < nFiles; f++ {
		rng := rand.New(rand.NewPCG(uint64(f)+1, 0x5eed))
		var text strings.Builder
		quotes := make([]string, sentences)
		for s := range sentences {
			a, b := rng.IntN(nActors), rng.IntN(nActors)
			// The curly apostrophe and the dash make code-point offsets
			// differ from byte offsets, which check verifies.
			fmt.Fprintf(&text, "Round %d—session %d: ", f, s)
			quotes[s] = fmt.Sprintf("the envoy of %s said %s’s position on item %d was unchanged", crashActorName(a), crashActorName(b), s)
			text.WriteString(quotes[s])
			text.WriteString(". ")
		}
		if f == 2 {
			// One document over Badger's 1 MiB value threshold goes to
			// the value log rather than the LSM tree: a second write path
			// for the kills to interrupt.
			for p := 0; text.Len() < 3<<19; p++ {
				fmt.Fprintf(&text, "Annex paragraph %d — no further business. ", p)
			}
		}
		body := text.String()
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		line := func(v any) {
			if err := enc.Encode(v); err != nil {
				t.Fatal(err)
			}
		}
		for i := range nActors {
			a := map[string]any{"record": "actor", "name": crashActorName(i), "kind": string(graph.ActorKinds()[i%len(graph.ActorKinds())])}
			if i%3 == 0 {
				a["aliases"] = []string{crashAlias(i)}
			}
			line(a)
		}
		name := filepath.Join(dir, fmt.Sprintf("part%02d.jsonl", f))
		doc := map[string]any{"record": "document", "key": "d", "title": fmt.Sprintf("Round %d minutes", f), "source": "crash test", "date": fmt.Sprintf("2018-%02d-%02d", f%12+1, f%28+1)}
		if f%2 == 0 {
			txt := fmt.Sprintf("part%02d.txt", f)
			if err := os.WriteFile(filepath.Join(dir, txt), []byte(body), 0o644); err != nil {
				t.Fatal(err)
			}
			doc["text_file"] = txt
		} else {
			doc["text"] = body
		}
		line(doc)
		seen := map[[3]int]bool{}
		for k := 0; k < per; {
			s, o, ty := rng.IntN(nActors), rng.IntN(nActors-1), rng.IntN(len(crashTypes))
			if o >= s {
				o++
			}
			if seen[[3]int{s, o, ty}] {
				continue
			}
			seen[[3]int{s, o, ty}] = true
			subj := crashActorName(s)
			if s%3 == 0 && k%2 == 0 {
				subj = crashAlias(s)
			}
			line(map[string]any{
				"record": "stance", "subject": subj, "type": crashTypes[ty], "object": crashActorName(o),
				"topic": fmt.Sprintf("item %d", k%sentences), "confidence": 0.5 + float64(k%5)/10,
				"evidence": []map[string]string{{"document": "d", "quote": quotes[k%sentences]}},
			})
			k++
		}
		if err := os.WriteFile(name, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		c.files = append(c.files, name)
		c.docID[name] = graph.DocumentID(body)
	}
	return c
}

// crashProc is a running graphd whose stderr is watched for acknowledgements.
type crashProc struct {
	cmd     *exec.Cmd
	stdout  *crashLines
	stderr  *crashLines
	started time.Time
	exited  chan struct{} // closed once Wait has returned
	waitErr error
	acks    chan time.Time // when each "load: FILE:" line arrived
}

// crashLines collects a pipe's lines as they arrive.
type crashLines struct {
	mu    sync.Mutex
	lines []string
	done  chan struct{}
}

func (l *crashLines) all() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]string(nil), l.lines...)
}

func (l *crashLines) String() string { return strings.Join(l.all(), "\n") }

func crashWatch(r io.Reader, onLine func(string)) *crashLines {
	l := &crashLines{done: make(chan struct{})}
	go func() {
		defer close(l.done)
		sc := bufio.NewScanner(r)
		sc.Buffer(make([]byte, 64<<10), 1<<20)
		for sc.Scan() {
			l.mu.Lock()
			l.lines = append(l.lines, sc.Text())
			l.mu.Unlock()
			if onLine != nil {
				onLine(sc.Text())
			}
		}
	}()
	return l
}

// crashStart starts bin with args; stdout and stderr are collected.
func crashStart(t *testing.T, bin string, args ...string) *crashProc {
	t.Helper()
	p := &crashProc{cmd: exec.Command(bin, args...), exited: make(chan struct{}), acks: make(chan time.Time, 1024)}
	outPipe, err := p.cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	errPipe, err := p.cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	p.stdout = crashWatch(outPipe, nil)
	p.stderr = crashWatch(errPipe, func(s string) {
		if strings.HasPrefix(s, "load: ") {
			select {
			case p.acks <- time.Now():
			default:
			}
		}
	})
	p.started = time.Now()
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() {
		// Pipes must be drained before Wait closes them.
		<-p.stdout.done
		<-p.stderr.done
		p.waitErr = p.cmd.Wait()
		close(p.exited)
	}()
	t.Cleanup(func() {
		select {
		case <-p.exited:
		default:
			p.cmd.Process.Kill()
			<-p.exited
		}
	})
	return p
}

// signal sends sig unless the process has already exited, and waits up to
// limit for it to exit. It reports whether the signal was sent.
func (p *crashProc) signal(t *testing.T, sig syscall.Signal, limit time.Duration) bool {
	t.Helper()
	select {
	case <-p.exited:
		return false
	default:
	}
	if err := p.cmd.Process.Signal(sig); err != nil && !errors.Is(err, os.ErrProcessDone) {
		t.Fatalf("signal %v: %v", sig, err)
	}
	select {
	case <-p.exited:
	case <-time.After(limit):
		p.cmd.Process.Kill()
		<-p.exited
		t.Fatalf("graphd did not exit within %s of %v; stderr:\n%s", limit, sig, p.stderr)
	}
	return true
}

// acked lists the files whose "load: FILE: ..." line was printed: graphd
// prints it only after the file's last transaction committed.
func (p *crashProc) acked() []string {
	var out []string
	for _, l := range p.stderr.all() {
		rest, ok := strings.CutPrefix(l, "load: ")
		if !ok {
			continue
		}
		if i := strings.Index(rest, ": +"); i > 0 {
			out = append(out, rest[:i])
		}
	}
	return out
}

// crashRun runs bin to completion and returns its stdout; a non-zero exit
// fails the test with everything it printed.
func crashRun(t *testing.T, bin string, args ...string) string {
	t.Helper()
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(bin, args...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("graphd %s: %v\nstdout:\n%s\nstderr:\n%s", strings.Join(args, " "), err, stdout.String(), stderr.String())
	}
	return stdout.String()
}

var crashStatsLine = regexp.MustCompile(`(?m)^(actors|stances|retracted|documents)\s+(\d+)$`)

// crashStats runs graphd stats and parses its table.
func crashStats(t *testing.T, bin, dir string) map[string]int {
	t.Helper()
	out := crashRun(t, bin, "stats", "--data", dir)
	got := map[string]int{}
	for _, m := range crashStatsLine.FindAllStringSubmatch(out, -1) {
		got[m[1]], _ = strconv.Atoi(m[2])
	}
	if len(got) != 4 {
		t.Fatalf("graphd stats printed an unexpected table:\n%s", out)
	}
	return got
}

// crashDocCounts asks graphd query, in one request, how many stances cite
// each file's document; a document not stored yet counts 0.
func crashDocCounts(t *testing.T, bin, dir string, c *crashCorpus) map[string]int {
	t.Helper()
	var q strings.Builder
	q.WriteString("{")
	for i, f := range c.files {
		fmt.Fprintf(&q, " d%d: document(id: %q) { stances(first: 1) { totalCount } }", i, c.docID[f])
	}
	q.WriteString(" }")
	out := crashRun(t, bin, "query", "--data", dir, q.String())
	var res struct {
		Data map[string]*struct {
			Stances struct {
				TotalCount int `json:"totalCount"`
			} `json:"stances"`
		} `json:"data"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("graphd query answer: %v\n%s", err, out)
	}
	got := map[string]int{}
	for i, f := range c.files {
		if d := res.Data[fmt.Sprintf("d%d", i)]; d != nil {
			got[f] = d.Stances.TotalCount
		}
	}
	return got
}

// crashVerify checks a store after a crash: check passes, every
// acknowledged file is whole, every other file is whole or absent (the
// whole ones it returns), no file holds more than it should, and the
// stance counter equals the stances found through the documents.
func crashVerify(t *testing.T, bin, dir string, c *crashCorpus, acked map[string]bool) (partial []string) {
	t.Helper()
	out := crashRun(t, bin, "check", "--data", dir)
	if !strings.Contains(out, "; 0 violations") {
		t.Fatalf("graphd check exited 0 but printed:\n%s", out)
	}
	counts := crashDocCounts(t, bin, dir, c)
	sum := 0
	for _, f := range c.files {
		n := counts[f]
		sum += n
		switch {
		case acked[f] && n != c.per:
			t.Errorf("%s was acknowledged but its document has %d of %d stances", filepath.Base(f), n, c.per)
		case n > c.per:
			t.Errorf("%s: its document has %d stances, more than the %d in the file", filepath.Base(f), n, c.per)
		case !acked[f] && n > 0 && n < c.per:
			// Store.Load journals a file it commits in parts, and
			// opening the store finishes it.
			t.Errorf("%s is stored in part after the kill: %d of %d stances", filepath.Base(f), n, c.per)
			partial = append(partial, fmt.Sprintf("%s %d/%d", filepath.Base(f), n, c.per))
		case !acked[f] && n > 0:
			partial = append(partial, fmt.Sprintf("%s %d/%d", filepath.Base(f), n, c.per))
		}
	}
	if st := crashStats(t, bin, dir); st["stances"] != sum {
		t.Errorf("stats counts %d stances, the documents cite %d", st["stances"], sum)
	}
	return partial
}

// TestCrashDuringLoad kills graphd load with SIGKILL at random points, then
// checks the store and resumes with the files not yet acknowledged, until
// everything is loaded exactly once. Its serve subtests stop a server while
// a client writes, gracefully (SIGTERM) and not (SIGKILL), and look for
// every acknowledged write after a restart.
func TestCrashDuringLoad(t *testing.T) {
	bin := crashBuild(t)
	seed := uint64(time.Now().UnixNano())
	if s := os.Getenv("CRASH_SEED"); s != "" {
		seed, _ = strconv.ParseUint(s, 10, 64)
	}
	t.Logf("random kill points from seed %d (set CRASH_SEED to repeat)", seed)
	rng := rand.New(rand.NewPCG(seed, 1))

	t.Run("load", func(t *testing.T) {
		start := time.Now()
		nFiles, per, nActors, kills, window := 20, 5000, 300, 5, 1500*time.Millisecond
		if testing.Short() {
			nFiles, per, nActors, kills, window = 4, 1000, 60, 2, 300*time.Millisecond
		}
		c := crashGenerate(t, t.TempDir(), nFiles, per, nActors)
		t.Logf("generated %d files of %d stances in %s", nFiles, per, time.Since(start).Round(time.Millisecond))
		dir := filepath.Join(t.TempDir(), "store")
		// Small write buffers make Badger's transaction limit small, so
		// each file commits in several transactions (graph.Store.Load
		// splits at half the limit) and memtables flush to disk during the
		// load: both give a kill more places to land.
		// --import=false: this test is about Load's transactions; the
		// import subtest below kills imports.
		loadArgs := []string{"load", "--data", dir, "--memtable-mb", "8", "--import=false"}
		acked := map[string]bool{}
		remaining := c.files
		killed := 0
		for round := 1; round <= kills && len(remaining) > 0; round++ {
			p := crashStart(t, bin, append(loadArgs, remaining...)...)
			// Odd rounds die at any moment, even while the store opens
			// and replays its log or a file is validated. Even rounds let
			// one or two more files through, so the load progresses, then
			// die within what the last file took: inside the next file,
			// often between two of its transactions.
			if round%2 == 1 {
				select {
				case <-time.After(time.Duration(rng.Int64N(int64(window)))):
				case <-p.exited:
				}
			} else {
				prev, gap := p.started, time.Duration(0)
			acks:
				for range 1 + rng.IntN(2) {
					select {
					case at := <-p.acks:
						gap, prev = at.Sub(prev), at
					case <-p.exited:
						break acks
					case <-time.After(time.Minute):
						t.Fatalf("no file acknowledged within a minute; stderr:\n%s", p.stderr)
					}
				}
				select {
				case <-time.After(time.Duration(rng.Int64N(int64(gap) + 1))):
				case <-p.exited:
				}
			}
			elapsed := time.Since(p.started)
			end := "finished"
			if p.signal(t, syscall.SIGKILL, 10*time.Second) {
				killed++
				end = "killed"
			} else if p.waitErr != nil {
				t.Fatalf("load exited on its own with %v; stderr:\n%s", p.waitErr, p.stderr)
			}
			newly := p.acked()
			for _, f := range newly {
				acked[f] = true
			}
			vstart := time.Now()
			partial := crashVerify(t, bin, dir, c, acked)
			t.Logf("run %d %s after %s: %d files acknowledged in this run, %d in all; caught midway: %v; verified in %s",
				round, end, elapsed.Round(time.Millisecond), len(newly), len(acked), partial, time.Since(vstart).Round(time.Millisecond))
			var rest []string
			for _, f := range remaining {
				if !acked[f] {
					rest = append(rest, f)
				}
			}
			remaining = rest
		}
		if len(remaining) > 0 {
			crashRun(t, bin, append(loadArgs, remaining...)...)
		}
		for _, f := range c.files {
			acked[f] = true
		}
		crashVerify(t, bin, dir, c, acked)
		st := crashStats(t, bin, dir)
		want := map[string]int{"actors": c.actors, "stances": nFiles * per, "retracted": 0, "documents": nFiles}
		for k, v := range want {
			if st[k] != v {
				t.Errorf("stats %s = %d after loading everything, want %d", k, st[k], v)
			}
		}
		// Loading files again must add nothing; two stand for all, since
		// revalidating 100k stances would double the test's time.
		again := []string{c.files[0], c.files[len(c.files)-1]}
		p := crashStart(t, bin, append(loadArgs, again...)...)
		<-p.exited
		if p.waitErr != nil {
			t.Fatalf("reload: %v\n%s", p.waitErr, p.stderr)
		}
		if acks := p.acked(); len(acks) != len(again) {
			t.Errorf("reloading %d files acknowledged %d:\n%s", len(again), len(acks), p.stderr)
		}
		for _, l := range p.stderr.all() {
			if strings.HasPrefix(l, "load: ") && !strings.Contains(l, "+0 actors, +0 documents, +0 stances") {
				t.Errorf("reloading added records: %s", l)
			}
		}
		if st := crashStats(t, bin, dir); st["stances"] != nFiles*per {
			t.Errorf("stats stances = %d after reloading, want %d", st["stances"], nFiles*per)
		}
		if killed == 0 {
			t.Error("every load finished before its kill: the test crashed nothing")
		}
		t.Logf("%d stances in %d files loaded across %d kills in %s", nFiles*per, nFiles, killed, time.Since(start).Round(time.Millisecond))
	})

	t.Run("import", func(t *testing.T) {
		crashImport(t, bin, rng)
	})
	t.Run("serve/load-SIGKILL", func(t *testing.T) {
		crashServeLoad(t, bin, rng)
	})
	t.Run("open/empty-memtable", func(t *testing.T) {
		crashEmptyMemtable(t, bin)
	})
	t.Run("restore/killed", func(t *testing.T) {
		crashRestoreKilled(t, bin, rng)
	})
	t.Run("restore/truncated", func(t *testing.T) {
		crashRestoreTruncated(t, bin)
	})

	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGKILL} {
		t.Run("serve/"+crashSignalName(sig), func(t *testing.T) {
			crashServeWrites(t, bin, sig, time.Duration(300+rng.IntN(900))*time.Millisecond)
		})
	}
}

func crashSignalName(sig syscall.Signal) string {
	if sig == syscall.SIGKILL {
		return "SIGKILL"
	}
	return "SIGTERM"
}

// crashServe starts graphd serve on a free port and returns it with its URL.
func crashServe(t *testing.T, bin, dir string, extra ...string) (*crashProc, *concClient) {
	t.Helper()
	p := crashStart(t, bin, append([]string{"serve", "--data", dir, "--addr", "127.0.0.1:0", "--gc-interval", "100ms"}, extra...)...)
	deadline := time.After(30 * time.Second)
	for {
		for _, l := range p.stdout.all() {
			if u, ok := strings.CutPrefix(l, "graphd: serving "); ok {
				return p, concNewClient(u)
			}
		}
		select {
		case <-p.exited:
			t.Fatalf("graphd serve exited: %v\n%s", p.waitErr, p.stderr)
		case <-deadline:
			t.Fatalf("graphd serve printed no URL within 30s; stderr:\n%s", p.stderr)
		case <-time.After(20 * time.Millisecond):
		}
	}
}

// crashServeWrites has clients add stances through GraphQL while the
// server gets sig after delay; every write answered 200 without errors
// must be present after a restart, and check must pass.
func crashServeWrites(t *testing.T, bin string, sig syscall.Signal, delay time.Duration) {
	dir := filepath.Join(t.TempDir(), "store")
	p, cl := crashServe(t, bin, dir)
	ctx := context.Background()
	var before struct {
		Stats  struct{ Stances int } `json:"stats"`
		Actors struct {
			Nodes []struct{ ID string } `json:"nodes"`
		} `json:"actors"`
	}
	if err := cl.must(ctx, `{ stats { stances } actors(first: 100) { nodes { id } } }`, nil, &before); err != nil {
		t.Fatal(err)
	}
	ids := before.Actors.Nodes
	if len(ids) < 2 {
		t.Fatalf("the seeded store has %d actors", len(ids))
	}

	type write struct{ id, topic string }
	var (
		mu       sync.Mutex
		acked    []write
		attempts int
		signaled = make(chan struct{})
		early    []string // failures before the signal: never by design
	)
	var wg sync.WaitGroup
	for w := range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := 0; ; n++ {
				topic := fmt.Sprintf("%s writer %d op %d", crashSignalName(sig), w, n)
				s, o := ids[(w+n)%len(ids)].ID, ids[(w+n+1+n/len(ids))%len(ids)].ID
				if s == o {
					o = ids[(w+n+1)%len(ids)].ID
				}
				mu.Lock()
				attempts++
				mu.Unlock()
				var out struct {
					AddStance struct{ ID, Topic string } `json:"addStance"`
				}
				err := cl.must(ctx, `mutation($in: StanceInput!) { addStance(input: $in) { id topic } }`,
					map[string]any{"in": map[string]any{"subject": s, "type": crashTypes[n%len(crashTypes)], "object": o, "topic": topic}}, &out)
				select {
				case <-signaled:
					if err != nil {
						return // the server is going away; this write was not acknowledged
					}
				default:
					if err != nil {
						mu.Lock()
						early = append(early, err.Error())
						mu.Unlock()
						return
					}
				}
				if out.AddStance.ID == "" || out.AddStance.Topic != topic {
					mu.Lock()
					early = append(early, fmt.Sprintf("addStance answered %+v for topic %q", out.AddStance, topic))
					mu.Unlock()
					return
				}
				mu.Lock()
				acked = append(acked, write{out.AddStance.ID, topic})
				mu.Unlock()
			}
		}()
	}
	time.Sleep(delay)
	close(signaled)
	p.signal(t, sig, 30*time.Second)
	wg.Wait()
	if len(early) > 0 {
		t.Fatalf("%d writes failed before the signal, first: %s", len(early), early[0])
	}
	if sig == syscall.SIGTERM && p.waitErr != nil {
		t.Errorf("graphd serve exited with %v after SIGTERM, want status 0; stderr tail:\n%s", p.waitErr, crashTail(p.stderr.all(), 20))
	}
	if len(acked) == 0 {
		t.Fatalf("no write was acknowledged in %s", delay)
	}

	out := crashRun(t, bin, "check", "--data", dir)
	if !strings.Contains(out, "; 0 violations") {
		t.Fatalf("graphd check after %s:\n%s", crashSignalName(sig), out)
	}
	p2, cl2 := crashServe(t, bin, dir)
	defer p2.signal(t, syscall.SIGTERM, 30*time.Second)
	missing := 0
	for _, w := range acked {
		var got struct {
			Stance *struct{ ID, Topic string } `json:"stance"`
		}
		if err := cl2.must(ctx, `query($id: ID!) { stance(id: $id) { id topic } }`, map[string]any{"id": w.id}, &got); err != nil {
			t.Fatal(err)
		}
		if got.Stance == nil || got.Stance.Topic != w.topic {
			if missing++; missing <= 5 {
				t.Errorf("acknowledged stance %s (%q) is missing after %s and restart: %+v", w.id, w.topic, crashSignalName(sig), got.Stance)
			}
		}
	}
	var after struct {
		Stats struct{ Stances int } `json:"stats"`
	}
	if err := cl2.must(ctx, `{ stats { stances } }`, nil, &after); err != nil {
		t.Fatal(err)
	}
	// A write cut off by the signal may have committed without its answer
	// arriving, so the count lies between the acknowledged and attempted.
	lo, hi := before.Stats.Stances+len(acked), before.Stats.Stances+attempts
	if after.Stats.Stances < lo || after.Stats.Stances > hi {
		t.Errorf("after restart stats counts %d stances, want between %d (seed + acknowledged) and %d (seed + attempted)", after.Stats.Stances, lo, hi)
	}
	t.Logf("%s after %s: %d of %d writes acknowledged, %d missing; %d stances after restart", crashSignalName(sig), delay, len(acked), attempts, missing, after.Stats.Stances)
}

func crashTail(lines []string, n int) string {
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

// crashBackup loads a generated graph into a fresh store and backs it up;
// it returns the backup file and the store's stats.
func crashBackup(t *testing.T, bin string) (string, map[string]int) {
	t.Helper()
	tmp := t.TempDir()
	c := crashGenerate(t, tmp, 4, 5000, 100)
	src := filepath.Join(tmp, "src")
	crashRun(t, bin, append([]string{"load", "--data", src}, c.files...)...)
	backup := filepath.Join(tmp, "graph.backup")
	crashRun(t, bin, "backup", "--data", src, "--to", backup)
	return backup, crashStats(t, bin, src)
}

// crashRestoreKilled kills graphd restore midway; running the same restore
// again must then finish the job, leaving a store that passes check and
// holds everything.
func crashRestoreKilled(t *testing.T, bin string, rng *rand.Rand) {
	backup, want := crashBackup(t, bin)
	tmp := t.TempDir()
	// A full restore's duration places the kill inside the next one.
	begin := time.Now()
	crashRun(t, bin, "restore", "--data", filepath.Join(tmp, "timed"), "--from", backup)
	took := time.Since(begin)
	dir := filepath.Join(tmp, "restored")
	p := crashStart(t, bin, "restore", "--data", dir, "--from", backup)
	at := took/10 + time.Duration(rng.Int64N(int64(took*8/10)+1))
	select {
	case <-time.After(at):
	case <-p.exited:
	}
	if !p.signal(t, syscall.SIGKILL, 10*time.Second) {
		t.Logf("restore finished within %s, before its kill", at)
	}
	// Again: it must finish the restore, or refuse because the killed
	// one had finished; either way the store is then whole.
	var stderr bytes.Buffer
	again := exec.Command(bin, "restore", "--data", dir, "--from", backup)
	again.Stderr = &stderr
	if err := again.Run(); err != nil {
		t.Logf("restore again: %v: %s", err, bytes.TrimSpace(stderr.Bytes()))
	}
	var out bytes.Buffer
	check := exec.Command(bin, "check", "--data", dir)
	check.Stdout, check.Stderr = &out, &out
	if err := check.Run(); err != nil || !strings.Contains(out.String(), "; 0 violations") {
		t.Fatalf("graphd check after a restore killed at %s and run again: %v\n%s", at, err, crashTail(strings.Split(out.String(), "\n"), 10))
	}
	if got := crashStats(t, bin, dir); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("after a killed and repeated restore stats are %v, want %v", got, want)
	}
}

// crashRestoreTruncated restores a backup cut short at a frame boundary,
// as a copy interrupted there would be: restore must refuse it rather than
// report success over a partial graph, and leave no store behind.
func crashRestoreTruncated(t *testing.T, bin string) {
	backup, _ := crashBackup(t, bin)
	b, err := os.ReadFile(backup)
	if err != nil {
		t.Fatal(err)
	}
	// After the header line, a format 2 backup is a sequence of frames (a
	// uvarint length, then that many bytes), then a zero-length frame and
	// a SHA-256: cut it at a frame boundary in the middle.
	nl := bytes.IndexByte(b, '\n')
	if nl < 0 || string(b[:nl]) != "stancegraph-backup 2" {
		t.Fatal("the backup has no format 2 header line")
	}
	var ends []int
	for pos := nl + 1; pos < len(b); {
		n, w := binary.Uvarint(b[pos:])
		if w <= 0 {
			t.Fatalf("bad frame header at %d", pos)
		}
		pos += w + int(n)
		if n == 0 {
			pos += 32
		}
		ends = append(ends, pos)
	}
	if len(ends) < 2 || ends[len(ends)-1] != len(b) {
		t.Fatalf("the backup does not parse as %d frames ending at %d bytes", len(ends), len(b))
	}
	cut := filepath.Join(t.TempDir(), "cut.backup")
	if err := os.WriteFile(cut, b[:ends[len(ends)/2-1]], 0o644); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "restored")
	var out bytes.Buffer
	cmd := exec.Command(bin, "restore", "--data", dir, "--from", cut)
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err == nil {
		t.Errorf("restore of a backup cut after frame %d of %d succeeded: %s", len(ends)/2, len(ends), bytes.TrimSpace(out.Bytes()))
	}
	if ents, _ := os.ReadDir(dir); len(ents) > 0 {
		t.Errorf("a refused restore left %d files in %s", len(ents), dir)
	}
}

// crashEmptyMemtable recreates what a kill leaves when it lands between
// Badger creating a memtable file and sizing it, an empty NNNNN.mem file
// (seen once in the load subtest): the store must still open.
func crashEmptyMemtable(t *testing.T, bin string) {
	dir := filepath.Join(t.TempDir(), "store")
	crashRun(t, bin, "seed", "--data", dir)
	if err := os.WriteFile(filepath.Join(dir, "00042.mem"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	cmd := exec.Command(bin, "check", "--data", dir)
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		t.Fatalf("graphd check on a store with an empty memtable file: %v\n%s", err, bytes.TrimSpace(out.Bytes()))
	}
}

// crashImport kills graphd load while it imports files into an empty store,
// after it has read at least one of them (so the sorter holds records and
// may have spilled runs) and at a random point after that, up to the end
// of its table writing. Whatever the kill interrupted, the store must read
// as empty, with no file acknowledged, and the same load must then complete.
func crashImport(t *testing.T, bin string, rng *rand.Rand) {
	nFiles, per, nActors := 8, 5000, 200
	if testing.Short() {
		nFiles, per, nActors = 3, 1000, 60
	}
	c := crashGenerate(t, t.TempDir(), nFiles, per, nActors)
	dir := filepath.Join(t.TempDir(), "store")
	args := append([]string{"load", "--data", dir}, c.files...)
	// Time a whole import once to place the kills inside it.
	start := time.Now()
	crashRun(t, bin, args...)
	whole := time.Since(start)
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	killed := 0
	for round := 1; round <= 3; round++ {
		p := crashStart(t, bin, args...)
		deadline := time.Now().Add(time.Minute)
	wait:
		for {
			for _, l := range p.stderr.all() {
				if strings.HasPrefix(l, "import: ") {
					break wait
				}
			}
			select {
			case <-p.exited:
				t.Fatalf("import finished before reading a file was reported; stderr:\n%s", p.stderr)
			case <-time.After(5 * time.Millisecond):
			}
			if time.Now().After(deadline) {
				t.Fatalf("no file read within a minute; stderr:\n%s", p.stderr)
			}
		}
		time.Sleep(time.Duration(rng.Int64N(int64(whole)/2 + 1)))
		if !p.signal(t, syscall.SIGKILL, 10*time.Second) {
			if p.waitErr != nil {
				t.Fatalf("import exited on its own with %v; stderr:\n%s", p.waitErr, p.stderr)
			}
			if err := os.RemoveAll(dir); err != nil { // finished: start again
				t.Fatal(err)
			}
			continue
		}
		killed++
		if acks := p.acked(); len(acks) > 0 {
			t.Fatalf("a killed import acknowledged %v", acks)
		}
		// A reader sees the empty store; the next writer empties it.
		if st := crashStats(t, bin, dir); st["stances"] != 0 || st["actors"] != 0 || st["documents"] != 0 {
			t.Fatalf("round %d: a killed import left %v", round, st)
		}
	}
	if killed == 0 {
		t.Fatal("every import finished before its kill: the test crashed nothing")
	}
	crashRun(t, bin, args...)
	acked := map[string]bool{}
	for _, f := range c.files {
		acked[f] = true
	}
	if partial := crashVerify(t, bin, dir, c, acked); len(partial) > 0 {
		t.Fatalf("after the import completed, files are partial: %v", partial)
	}
	if st := crashStats(t, bin, dir); st["stances"] != nFiles*per {
		t.Fatalf("after the import completed: %d stances, want %d", st["stances"], nFiles*per)
	}
	t.Logf("import of %d stances (%s) killed %d times, then completed", nFiles*per, whole.Round(time.Millisecond), killed)
}

// crashServeLoad posts one file of many stances to POST /load and kills
// the server with SIGKILL while it loads, on a fresh store each round;
// after a restart the store must hold none of the file or all of it, and
// check must pass. Small memtables make Load commit the file in many
// transactions, which a kill used to leave half stored.
func crashServeLoad(t *testing.T, bin string, rng *rand.Rand) {
	per, rounds := 100000, 3
	if testing.Short() {
		per, rounds = 20000, 2
	}
	// The second file carries its document inline, as a POST needs.
	c := crashGenerate(t, t.TempDir(), 2, per, 300)
	body, err := os.ReadFile(c.files[1])
	if err != nil {
		t.Fatal(err)
	}
	post := func(cl *concClient) (int, error) {
		req, err := http.NewRequest(http.MethodPost, strings.TrimSuffix(cl.url, "/graphql")+"/load?name=big.jsonl", bytes.NewReader(body))
		if err != nil {
			return 0, err
		}
		req.Header.Set("Content-Type", "application/jsonl")
		resp, err := cl.hc.Do(req)
		if err != nil {
			return 0, err
		}
		defer resp.Body.Close()
		io.Copy(io.Discard, resp.Body)
		return resp.StatusCode, nil
	}
	// An uncut load first, to learn how long one takes.
	dir := filepath.Join(t.TempDir(), "whole")
	p, cl := crashServe(t, bin, dir, "--memtable-mb", "8", "--no-seed")
	start := time.Now()
	if code, err := post(cl); err != nil || code != http.StatusOK {
		t.Fatalf("POST /load: %d %v\n%s", code, err, p.stderr)
	}
	whole := time.Since(start)
	p.signal(t, syscall.SIGTERM, 30*time.Second)
	if st := crashStats(t, bin, dir); st["stances"] != per {
		t.Fatalf("an uncut load stored %d stances, want %d", st["stances"], per)
	}
	cut := 0
	for round := range rounds {
		dir := filepath.Join(t.TempDir(), fmt.Sprintf("round%d", round))
		p, cl := crashServe(t, bin, dir, "--memtable-mb", "8", "--no-seed")
		answered := make(chan int, 1)
		go func() {
			code, _ := post(cl)
			answered <- code
		}()
		// Early kills land while the file is read and validated, later
		// ones between its transactions.
		delay := whole/10 + time.Duration(rng.Int64N(int64(whole*85/100)))
		select {
		case <-time.After(delay):
		case code := <-answered:
			t.Logf("round %d: answered %d before the kill at %s", round, code, delay.Round(time.Millisecond))
		}
		p.signal(t, syscall.SIGKILL, 10*time.Second)
		select {
		case code := <-answered:
			if code == http.StatusOK {
				break
			}
			cut++
		default:
			cut++
		}
		st := crashStats(t, bin, dir) // opening the store finishes a journaled load
		out := crashRun(t, bin, "check", "--data", dir)
		if !strings.Contains(out, "; 0 violations") {
			t.Fatalf("round %d: graphd check exited 0 but printed:\n%s", round, out)
		}
		if st["stances"] != 0 && st["stances"] != per {
			t.Errorf("round %d: killed after %s of a %s load, the store holds %d of %d stances: neither none nor all",
				round, delay.Round(time.Millisecond), whole.Round(time.Millisecond), st["stances"], per)
		}
		t.Logf("round %d: killed after %s of %s; the store holds %d of %d stances", round, delay.Round(time.Millisecond), whole.Round(time.Millisecond), st["stances"], per)
	}
	if cut == 0 {
		t.Error("every load was answered before its kill: the test interrupted nothing")
	}
}
