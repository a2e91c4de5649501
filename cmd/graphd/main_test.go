package main

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a bytes.Buffer safe to read while a command writes to it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// graphd runs one command in process and returns its output.
func graphd(t *testing.T, args ...string) (string, error) {
	t.Helper()
	var out, errOut bytes.Buffer
	err := run(context.Background(), args, strings.NewReader(""), &out, &errOut)
	return out.String() + errOut.String(), err
}

func mustGraphd(t *testing.T, args ...string) string {
	t.Helper()
	out, err := graphd(t, args...)
	if err != nil {
		t.Fatalf("graphd %v: %v\n%s", args, err, out)
	}
	return out
}

// serve starts graphd serve on a free port and returns its base URL and a
// stop function that waits for a clean shutdown.
func serve(t *testing.T, dir string, extra ...string) (string, func()) {
	t.Helper()
	return serveWith(t, append([]string{"--data", dir}, extra...)...)
}

// serveWith is serve with the store's flags in args (--data DIR, or
// --store dgraph://HOST:PORT).
func serveWith(t *testing.T, args ...string) (string, func()) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	var out, errOut syncBuffer
	done := make(chan error, 1)
	args = append([]string{"serve", "--addr", "127.0.0.1:0"}, args...)
	go func() { done <- run(ctx, args, strings.NewReader(""), &out, &errOut) }()
	re := regexp.MustCompile(`serving (http://[0-9.:]+)/graphql`)
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		if m := re.FindStringSubmatch(out.String()); m != nil {
			stopped := false
			return m[1], func() {
				if stopped {
					return
				}
				stopped = true
				cancel()
				if err := <-done; err != nil {
					t.Errorf("serve returned %v\n%s", err, errOut.String())
				}
			}
		}
		select {
		case err := <-done:
			t.Fatalf("serve exited: %v\n%s", err, errOut.String())
		case <-time.After(20 * time.Millisecond):
		}
	}
	cancel()
	t.Fatalf("serve did not start:\n%s", errOut.String())
	return "", nil
}

func post(t *testing.T, url, query string, vars map[string]any) map[string]any {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	resp, err := http.Post(url+"/graphql", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var res map[string]any
	if err := json.NewDecoder(resp.Body).Decode(&res); err != nil {
		t.Fatal(err)
	}
	return res
}

// TestServeSeedStances starts graphd on an empty store, queries every
// stance the seed must hold by actor names over HTTP, restarts it and
// finds the same graph.
func TestServeSeedStances(t *testing.T) {
	dir := t.TempDir()
	url, stop := serve(t, dir)
	tests := []struct{ subject, typ, object string }{
		{"U.S.", "DEMANDS", "Taliban"}, {"Washington", "SUPPORTS", "Afghan government"},
		{"Ghani", "OFFERS", "Taliban"}, {"Kabul government", "DEMANDS", "Taliban"},
		{"Taliban", "REJECTS", "Kabul government"}, {"Taliban", "DEMANDS", "United States"},
		{"Taliban", "ACCUSES", "us"}, {"Taliban", "DEMANDS", "NATO"},
		{"United States", "REJECTS", "Taliban"}, {"United States", "ACCUSES", "Islamabad"},
		{"Kabul government", "ACCUSES", "Pakistan"}, {"United States", "DEMANDS", "Pakistan"},
		{"Russia", "ENGAGES", "Taliban"}, {"Iran", "ENGAGES", "Taliban"},
	}
	q := `query($s: ID, $o: ID, $t: [StanceType!]) { stances(filter: {subject: $s, object: $o, types: $t}) { totalCount nodes { evidence { quote } } } }`
	for _, tt := range tests {
		t.Run(tt.subject+" "+tt.typ+" "+tt.object, func(t *testing.T) {
			res := post(t, url, q, map[string]any{"s": tt.subject, "o": tt.object, "t": []string{tt.typ}})
			conn := res["data"].(map[string]any)["stances"].(map[string]any)
			if conn["totalCount"].(float64) != 1 {
				t.Fatalf("answer %v", res)
			}
		})
	}
	statsQ := `{ stats { actors stances documents } }`
	before := post(t, url, statsQ, nil)
	// The hint names the address the server listens on (a free port here).
	if _, err := graphd(t, "stats", "--data", dir); err == nil || !strings.Contains(err.Error(), "in use by the graphd serving "+url+";") || !strings.Contains(err.Error(), "--url "+url) {
		t.Fatalf("stats on a held store: %v", err)
	}
	stop()
	url, stop = serve(t, dir)
	defer stop()
	after := post(t, url, statsQ, nil)
	if b, a := jsonString(before), jsonString(after); a != b || !strings.Contains(a, `"stances":14`) {
		t.Fatalf("after restart %s, before %s", a, b)
	}
}

func jsonString(v any) string { b, _ := json.Marshal(v); return string(b) }

func TestSeedIsIdempotent(t *testing.T) {
	dir := t.TempDir()
	mustGraphd(t, "seed", "--data", dir)
	first := mustGraphd(t, "stats", "--data", dir)
	out := mustGraphd(t, "seed", "--data", dir)
	if !strings.Contains(out, "added 0 actors, 0 documents, 0 stances") {
		t.Fatalf("second seed: %s", out)
	}
	if again := mustGraphd(t, "stats", "--data", dir); again != first {
		t.Fatalf("stats changed:\n%s\n%s", first, again)
	}
	if !strings.Contains(first, "stances    14") {
		t.Fatalf("stats: %s", first)
	}
}

func TestLoadReportsBadLine(t *testing.T) {
	dir := t.TempDir()
	mustGraphd(t, "seed", "--data", dir)
	before := mustGraphd(t, "stats", "--data", dir)
	file := filepath.Join(t.TempDir(), "bad.jsonl")
	lines := `{"record":"actor","name":"Qatar","kind":"STATE","aliases":["Doha"]}
{"record":"stance","subject":"Qatar","type":"ENGAGES","object":"Taliban","topic":"political office"}
{"record":"stance","subject":"Qatar","type":"HOSTS","object":"Taliban"}
`
	os.WriteFile(file, []byte(lines), 0o644)
	_, err := graphd(t, "load", "--data", dir, file)
	if err == nil || !strings.Contains(err.Error(), "bad.jsonl:3") || !strings.Contains(err.Error(), `"HOSTS"`) {
		t.Fatalf("err = %v", err)
	}
	if after := mustGraphd(t, "stats", "--data", dir); after != before {
		t.Fatalf("a bad file changed the store:\n%s\n%s", before, after)
	}
	os.WriteFile(file, []byte(strings.Join(strings.Split(lines, "\n")[:2], "\n")), 0o644)
	out := mustGraphd(t, "load", "--data", dir, file)
	if !strings.Contains(out, "+1 actors, +0 documents, +1 stances") {
		t.Fatalf("load: %s", out)
	}
}

// TestImportIntoEmptyStore loads JSON Lines files into an empty store,
// which imports them: the good file before a bad one is stored and
// acknowledged after the import ends, the bad one is reported by line and
// stored not at all, and the store then takes ordinary loads.
func TestImportIntoEmptyStore(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "store")
	files := t.TempDir()
	good := filepath.Join(files, "good.jsonl")
	bad := filepath.Join(files, "bad.jsonl")
	later := filepath.Join(files, "later.jsonl")
	os.WriteFile(good, []byte(`{"record":"actor","name":"Qatar","kind":"STATE"}
{"record":"actor","name":"Taliban","kind":"ARMED_GROUP"}
{"record":"document","key":"d1","title":"Wire","date":"2020-02-29","text":"Qatar hosted the Taliban for talks."}
{"record":"stance","subject":"Qatar","type":"ENGAGES","object":"Taliban","evidence":[{"document":"d1","quote":"Qatar hosted the Taliban"}]}
`), 0o644)
	os.WriteFile(bad, []byte(`{"record":"actor","name":"Pakistan","kind":"STATE"}
{"record":"stance","subject":"Pakistan","type":"HOSTS","object":"Taliban"}
`), 0o644)
	os.WriteFile(later, []byte(`{"record":"stance","subject":"Taliban","type":"REJECTS","object":"Qatar","topic":"a ceasefire","date":"2020-03-01"}
`), 0o644)
	out, err := graphd(t, "load", "--data", dir, good, bad)
	if err == nil || !strings.Contains(err.Error(), "bad.jsonl:2") || !strings.Contains(err.Error(), `"HOSTS"`) {
		t.Fatalf("err = %v\n%s", err, out)
	}
	if !strings.Contains(out, "import: "+good) || !strings.Contains(out, "load: "+good+": +2 actors, +1 documents, +1 stances (imported)") {
		t.Fatalf("the good file was not read, then acknowledged after the import:\n%s", out)
	}
	if strings.Contains(out, "load: "+bad) {
		t.Fatalf("the bad file was acknowledged:\n%s", out)
	}
	stats := mustGraphd(t, "stats", "--data", dir)
	if !strings.Contains(stats, "actors     2") || !strings.Contains(stats, "stances    1") {
		t.Fatalf("after the import: %s", stats)
	}
	// The store is no longer empty: this load commits as Load does.
	out = mustGraphd(t, "load", "--data", dir, later)
	if strings.Contains(out, "import:") || !strings.Contains(out, "+0 actors, +0 documents, +1 stances") {
		t.Fatalf("a load into the imported store: %s", out)
	}
	if _, err := graphd(t, "check", "--data", dir); err != nil {
		t.Fatalf("check: %v", err)
	}
}

func TestLoadArticle(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(t.TempDir(), "note.txt")
	article := "Title: A test note\nSource: stancegraph tests\nDate: 2024-05-02\n\n" +
		"Pakistan on Thursday accused India of violating the ceasefire along the border.\n"
	os.WriteFile(file, []byte(article), 0o644)
	out := mustGraphd(t, "extract", file)
	if !strings.Contains(out, `"ACCUSES"`) || !strings.Contains(out, `"India"`) {
		t.Fatalf("extract printed %s", out)
	}
	mustGraphd(t, "load", "--data", dir, file)
	stats := mustGraphd(t, "stats", "--data", dir)
	if !strings.Contains(stats, "documents  1") || strings.Contains(stats, "stances    0") {
		t.Fatalf("after loading an article: %s", stats)
	}
	mustGraphd(t, "load", "--data", dir, file)
	if again := mustGraphd(t, "stats", "--data", dir); again != stats {
		t.Fatalf("loading the article twice changed the store:\n%s\n%s", stats, again)
	}
}

func TestBackupRestoreCheck(t *testing.T) {
	dir := t.TempDir()
	mustGraphd(t, "seed", "--data", dir)
	backup := filepath.Join(t.TempDir(), "g.backup")
	mustGraphd(t, "backup", "--data", dir, "--to", backup)
	restored := t.TempDir()
	mustGraphd(t, "restore", "--data", restored, "--from", backup)
	a := mustGraphd(t, "export", "--data", dir, "--format", "jsonl")
	b := mustGraphd(t, "export", "--data", restored, "--format", "jsonl")
	if a != b {
		t.Fatal("restored export differs from the original")
	}
	if out := mustGraphd(t, "check", "--data", restored); !strings.Contains(out, "0 violations") {
		t.Fatalf("check: %s", out)
	}
	if _, err := graphd(t, "restore", "--data", restored, "--from", backup); err == nil {
		t.Fatal("restore into a non-empty store succeeded")
	}
}

func TestQueryFormats(t *testing.T) {
	dir := t.TempDir()
	mustGraphd(t, "seed", "--data", dir)
	q := `query($n: String) { actor(name: $n) { stances { nodes { type object { name } } } } }`
	out := mustGraphd(t, "query", "--data", dir, "--var", "n=Taliban", "--format", "csv", q)
	if !strings.HasPrefix(out, "object.name,type\n") || !strings.Contains(out, "Kabul government,REJECTS") {
		t.Fatalf("csv: %s", out)
	}
	out = mustGraphd(t, "query", "--data", dir, "--var", "n=Taliban", q)
	if !strings.Contains(out, "\n  \"data\"") && !strings.Contains(out, "\"data\": {") {
		t.Fatalf("json not indented: %s", out)
	}
	if _, err := graphd(t, "query", "--data", dir, `{ stances(filter: {subject: "Atlantis"}) { totalCount } }`); err == nil || !strings.Contains(err.Error(), "Atlantis") {
		t.Fatalf("unknown actor: %v", err)
	}
}

func TestUsage(t *testing.T) {
	out := mustGraphd(t, "help")
	for _, c := range order {
		if !strings.Contains(out, "  "+c) {
			t.Errorf("help does not list %s", c)
		}
	}
	if _, err := graphd(t, "frobnicate"); err == nil || !strings.Contains(err.Error(), "frobnicate") {
		t.Fatalf("unknown command: %v", err)
	}
	if _, err := graphd(t, "export", "--data", t.TempDir(), "--format", "xlsx"); err == nil || !strings.Contains(err.Error(), "xlsx") {
		t.Fatalf("bad format: %v", err)
	}
}

// TestRemoteCommands loads, queries, exports and backs up through a running
// server with a token, as a user with a live server would.
func TestRemoteCommands(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("GRAPHD_TOKEN", "tok-123")
	url, stop := serve(t, dir)
	defer stop()
	file := filepath.Join(t.TempDir(), "qatar.jsonl")
	os.WriteFile(file, []byte(`{"record":"actor","name":"Qatar","kind":"STATE","aliases":["Doha"]}
{"record":"stance","subject":"Doha","type":"ENGAGES","object":"Taliban","topic":"political office"}
`), 0o644)
	out := mustGraphd(t, "load", "--url", url, file)
	if !strings.Contains(out, "+1 stances") {
		t.Fatalf("remote load: %s", out)
	}
	t.Setenv("GRAPHD_TOKEN", "wrong")
	if _, err := graphd(t, "load", "--url", url, file); err == nil || !strings.Contains(err.Error(), "401") {
		t.Fatalf("remote load with a wrong token: %v", err)
	}
	t.Setenv("GRAPHD_TOKEN", "tok-123")
	if out := mustGraphd(t, "stats", "--url", url); !strings.Contains(out, "stances    15\n") {
		t.Fatalf("remote stats: %s", out)
	}
	if out := mustGraphd(t, "export", "--url", url, "--format", "csv"); !strings.Contains(out, "Qatar,ENGAGES,Taliban") {
		t.Fatalf("remote export: %s", out)
	}
	if out := mustGraphd(t, "check", "--url", url); !strings.Contains(out, "15 stances") || !strings.Contains(out, "0 violations") {
		t.Fatalf("remote check: %s", out)
	}
	if out := mustGraphd(t, "seed", "--url", url); !strings.Contains(out, "added 0 actors, 0 documents, 0 stances") {
		t.Fatalf("remote seed of a seeded server: %s", out)
	}
	backup := filepath.Join(t.TempDir(), "live.backup")
	mustGraphd(t, "backup", "--url", url, "--to", backup)
	restored := t.TempDir()
	mustGraphd(t, "restore", "--data", restored, "--from", backup)
	if out := mustGraphd(t, "stats", "--data", restored); !strings.Contains(out, "stances    15") {
		t.Fatalf("restored online backup: %s", out)
	}
}

// TestWhoMayWrite checks the serve flags that decide whether mutations are
// accepted: read-only mode, and a non-loopback address without a token.
func TestWhoMayWrite(t *testing.T) {
	mutation := `mutation { upsertActor(input: {name: "Oman", kind: STATE}) { id } }`
	tests := []struct {
		name   string
		args   []string
		status int
	}{
		{"loopback without token writes", nil, 200},
		{"read-only refuses", []string{"--read-only"}, 403},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			url, stop := serve(t, t.TempDir(), tt.args...)
			defer stop()
			body, _ := json.Marshal(map[string]any{"query": mutation})
			resp, err := http.Post(url+"/graphql", "application/json", bytes.NewReader(body))
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != tt.status {
				t.Fatalf("status %d, want %d", resp.StatusCode, tt.status)
			}
		})
	}
	// Beyond loopback with no token, mutations are refused and the log says why.
	ctx, cancel := context.WithCancel(context.Background())
	var out, errOut syncBuffer
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"serve", "--data", t.TempDir(), "--addr", "0.0.0.0:0"}, strings.NewReader(""), &out, &errOut)
	}()
	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(errOut.String(), "mutations refused") && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	cancel()
	<-done
	if !strings.Contains(errOut.String(), "mutations refused") || !strings.Contains(out.String(), "serving") {
		t.Fatalf("non-loopback without a token: log %s", errOut.String())
	}
}

// TestLoadUpsert checks that a load changing an actor's kind is refused
// with the line and both kinds, locally and through a server, and applied
// with --upsert, which lists the change with its line.
func TestLoadUpsert(t *testing.T) {
	file := filepath.Join(t.TempDir(), "kind.jsonl")
	os.WriteFile(file, []byte("# the seed has the Taliban as ARMED_GROUP\n"+`{"record":"actor","name":"Taliban","kind":"STATE"}`+"\n"), 0o644)
	for _, how := range []string{"local", "remote"} {
		t.Run(how, func(t *testing.T) {
			dir := t.TempDir()
			mustGraphd(t, "seed", "--data", dir)
			target := []string{"--data", dir}
			if how == "remote" {
				base, stop := serve(t, dir)
				defer stop()
				target = []string{"--url", base}
			}
			_, err := graphd(t, append(append([]string{"load"}, target...), file)...)
			if err == nil || !strings.Contains(err.Error(), ":2:") || !strings.Contains(err.Error(), `kind would change from`) || !strings.Contains(err.Error(), "ARMED_GROUP") {
				t.Fatalf("load without --upsert: %v", err)
			}
			out := mustGraphd(t, append(append([]string{"load", "--upsert"}, target...), file)...)
			if !strings.Contains(out, `line 2: actor "Taliban": kind changed from "ARMED_GROUP" to "STATE"`) {
				t.Fatalf("load --upsert printed:\n%s", out)
			}
		})
	}
}

// graphdExit runs one command line as main does and returns its exit
// status, standard output and standard error.
func graphdExit(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = runExit(context.Background(), args, strings.NewReader(""), &out, &errOut)
	return code, out.String(), errOut.String()
}

// TestExitCodes pins what each kind of command line prints where, and its
// exit status: help on stdout with 0, a usage error as one line and the
// command's usage on stderr with 2, a failure as one line with 1.
func TestExitCodes(t *testing.T) {
	store := t.TempDir()
	mustGraphd(t, "seed", "--data", store)
	type want struct {
		code      int
		stdout    string // a part of standard output, "" for empty
		firstLine string // the first line of standard error, "" for empty
		usage     string // a part of standard error after that line
	}
	tests := []struct {
		args string
		want
	}{
		{"help", want{0, "Commands:\n  serve", "", ""}},
		{"--help", want{0, "Commands:", "", ""}},
		{"-h", want{0, "Commands:", "", ""}},
		{"help serve", want{0, "SIGINT or SIGTERM", "", ""}},
		{"serve --help", want{0, "SIGINT or SIGTERM", "", ""}},
		{"stats -h", want{0, "Usage:\n  graphd stats", "", ""}},
		{"version", want{0, "graphd ", "", ""}},
		{"--version", want{0, "graphd ", "", ""}},
		{"stats --data " + store, want{0, "stances    14", "", ""}},
		{"", want{2, "", "graphd: no command given", "Commands:"}},
		{"frobnicate", want{2, "", `graphd: unknown command "frobnicate"`, "Commands:"}},
		{"help foo", want{2, "", `graphd: unknown help topic "foo": want one of the commands below`, "Commands:"}},
		{"help serve load", want{2, "", "graphd: help takes one command, got 2: serve load", "Commands:"}},
		{"serve --bogus", want{2, "", "graphd: flag provided but not defined: -bogus", "Usage:\n  graphd serve [--data DIR]"}},
		{"stats --sync", want{2, "", "graphd: flag provided but not defined: -sync", "Usage:\n  graphd stats"}},
		{"stats extra", want{2, "", `graphd: stats takes no arguments, got "extra"`, "Usage:\n  graphd stats"}},
		{"load", want{2, "", "graphd: load needs at least one FILE", "Usage:\n  graphd load"}},
		{"query", want{2, "", "graphd: query needs exactly one GRAPHQL argument", "Usage:\n  graphd query"}},
		{"export --format xlsx --data " + store, want{2, "", `graphd: --format "xlsx": want one of`, "Usage:\n  graphd export"}},
		{"stats --data " + store + " --url http://127.0.0.1:1", want{2, "", "graphd: --data and --url cannot be used together", "Usage:\n  graphd stats"}},
		{"load --url http://127.0.0.1:1 --import=false x.jsonl", want{2, "", "graphd: --import and --url cannot be used together", "Usage:\n  graphd load"}},
		{"seed --url http://127.0.0.1:1 --sync", want{2, "", "graphd: --sync and --url cannot be used together", "Usage:\n  graphd seed"}},
		{"serve --memtable-mb 2", want{2, "", "graphd: --memtable-mb must be at least 8", "Usage:\n  graphd serve"}},
		{"stats --data " + filepath.Join(store, "absent"), want{1, "", "graphd: no store at " + filepath.Join(store, "absent"), ""}},
	}
	for _, name := range order {
		tests = append(tests, struct {
			args string
			want
		}{name + " --help", want{0, "Usage:\n  graphd " + name, "", ""}})
	}
	for _, tt := range tests {
		t.Run(tt.args, func(t *testing.T) {
			code, stdout, stderr := graphdExit(t, strings.Fields(tt.args)...)
			first, rest, _ := strings.Cut(stderr, "\n")
			switch {
			case code != tt.code:
				t.Errorf("exit status %d, want %d", code, tt.code)
			case tt.stdout == "" && stdout != "", tt.stdout != "" && !strings.Contains(stdout, tt.stdout):
				t.Errorf("stdout does not hold %q", tt.stdout)
			case tt.firstLine == "" && stderr != "", tt.firstLine != "" && !strings.HasPrefix(first, tt.firstLine):
				t.Errorf("first line of stderr %q, want %q", first, tt.firstLine)
			case !strings.Contains(rest, tt.usage):
				t.Errorf("stderr after the first line does not hold %q", tt.usage)
			default:
				return
			}
			t.Logf("stdout:\n%s\nstderr:\n%s", stdout, stderr)
		})
	}
}
