// Command hostile measures how a graphd binary withstands the hostile
// queries of issue 11 (points 5 and 7): for each, on a freshly started
// server, the status and time of the answer, the CPU the server spends on
// it (also after the client gave up), its peak RSS, and the slowest answer
// to a cheap query sent meanwhile.
//
//	go build -o /tmp/gql-graphd ./cmd/graphd
//	cd bench && go run ./hostile -graphd /tmp/gql-graphd
//
// The store is generated once under -dir: -actors actors, -stances stances
// between them (no evidence, each its own topic), and one actor "Big" with
// -aliases aliases. Builds that limit aliases per actor (graph.MaxAliases,
// 256) refuse more; the README's "before" figures used 100,000 on a build
// without the limit.
package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

func main() {
	graphd := flag.String("graphd", "/tmp/gql-graphd", "graphd binary to measure")
	dir := flag.String("dir", "/tmp/hostile-store", "store directory, generated when missing")
	actors := flag.Int("actors", 1000, "actors in the generated store")
	stances := flag.Int("stances", 100_000, "stances in the generated store")
	aliases := flag.Int("aliases", 256, "aliases of the actor Big (at most 256 on builds with the alias limit)")
	timeout := flag.Duration("timeout", 2*time.Second, "graphd serve --timeout")
	client := flag.Duration("client", 30*time.Second, "how long the client waits for an answer")
	only := flag.String("only", "", "run only the scenarios whose name contains this")
	flag.Parse()
	if err := ensureStore(*graphd, *dir, *actors, *stances, *aliases); err != nil {
		fmt.Fprintln(os.Stderr, "hostile:", err)
		os.Exit(1)
	}
	fmt.Printf("graphd %s, store %s (%d actors, %d stances, Big with %d aliases), --timeout %v, client waits %v\n",
		*graphd, *dir, *actors, *stances, *aliases, *timeout, *client)
	fmt.Printf("%-34s %6s %9s %9s %10s %9s %10s %11s\n", "scenario", "status", "answer", "cpu", "busy until", "peak RSS", "body", "cheap max")
	for _, sc := range scenarios() {
		if *only != "" && !strings.Contains(sc.name, *only) {
			continue
		}
		r, err := measure(*graphd, *dir, *timeout, *client, sc)
		if err != nil {
			fmt.Printf("%-34s error: %v\n", sc.name, err)
			continue
		}
		fmt.Printf("%-34s %6s %9s %9s %10s %7d MB %10s %11s\n", sc.name, r.status, r.answer.Round(time.Millisecond),
			r.cpu.Round(10*time.Millisecond), r.busy.Round(100*time.Millisecond), r.peakKB/1024, size(r.bytes), r.cheap.Round(time.Millisecond))
	}
}

// scenario is one hostile request body.
type scenario struct {
	name string
	body func() []byte
}

func query(q string) []byte {
	b, _ := json.Marshal(map[string]string{"query": q})
	return b
}

func repeat(n int, format string) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		if strings.Contains(format, "%d") {
			fmt.Fprintf(&b, format, i)
		} else {
			b.WriteString(format)
		}
		b.WriteByte(' ')
	}
	return b.String()
}

// introspection is graphql-js's introspection query as one aliasable
// selection and its fragments.
const introspection = `__schema { queryType { name } mutationType { name } types { ...FullType } directives { name description locations args { ...InputValue } } }`

const introFragments = `fragment FullType on __Type { kind name description fields(includeDeprecated: true) { name description args { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason } inputFields { ...InputValue } interfaces { ...TypeRef } enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason } possibleTypes { ...TypeRef } }
fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }
fragment TypeRef on __Type { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } }`

func scenarios() []scenario {
	return []scenario{
		{"50 aliases of matrix{count}", func() []byte { return query("{ " + repeat(50, "m%d: matrix { count }") + "}") }},
		{"2,000 aliases of Big's aliases", func() []byte { return query("{ " + repeat(2000, `a%d: actor(name: "Big") { aliases }`) + "}") }},
		{"400 aliases of Big's aliases", func() []byte { return query("{ " + repeat(400, `a%d: actor(name: "Big") { aliases }`) + "}") }},
		{"1,000 aliased introspections", func() []byte { return query("{ " + repeat(1000, "i%d: "+introspection) + "} " + introFragments) }},
		{"32,000 repeated fields (224 KB)", func() []byte { return query("{ stats { " + repeat(32_000, "actors") + "} }") }},
		{"1 MB body of repeated fields", func() []byte {
			q := "{ stats { " + repeat((1<<20-64)/7, "actors") + "} }"
			return query(q[:min(len(q), 1<<20-32)])
		}},
		{"admitted: 6 x 499 same fields", func() []byte { return query("{ " + repeat(6, "stats { "+repeat(499, "actors")+"}") + "}") }},
		{"admitted: 54 x 54 nested same", func() []byte { return query("{ " + repeat(54, "stats { "+repeat(54, "actors")+"}") + "}") }},
		{"one introspection (control)", func() []byte { return query("{ " + introspection + " } " + introFragments) }},
		{"one matrix{count} (control)", func() []byte { return query("{ matrix { count } }") }},
	}
}

// result is what measure saw of one scenario.
type result struct {
	status       string
	answer, busy time.Duration // until the answer; until the server is idle again
	cpu          time.Duration // server CPU from the request to idle
	peakKB       int
	bytes        int64
	cheap        time.Duration // slowest cheap query meanwhile
}

// measure starts graphd on dir, sends sc, and watches the process.
func measure(graphd, dir string, timeout, client time.Duration, sc scenario) (result, error) {
	var r result
	cmd := exec.Command(graphd, "serve", "--data", dir, "--addr", "127.0.0.1:0", "--timeout", timeout.String(), "--no-seed")
	out, err := cmd.StdoutPipe()
	if err != nil {
		return r, err
	}
	cmd.Stderr = io.Discard
	if err := cmd.Start(); err != nil {
		return r, err
	}
	defer func() { cmd.Process.Kill(); cmd.Wait() }()
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		return r, fmt.Errorf("reading the URL line: %v", err)
	}
	url := strings.TrimSpace(line[strings.Index(line, "http://"):])
	go io.Copy(io.Discard, out)
	pid := cmd.Process.Pid
	cheap := make(chan time.Duration, 1)
	stop := make(chan struct{})
	go watchCheap(url, stop, cheap)
	cpu0 := cpuTime(pid)
	start := time.Now()
	ctx, cancel := context.WithTimeout(context.Background(), client)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(sc.body()))
	req.Header.Set("Content-Type", "application/json")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		r.status = "gone"
	} else {
		r.bytes, _ = io.Copy(io.Discard, res.Body)
		res.Body.Close()
		r.status = strconv.Itoa(res.StatusCode)
	}
	r.answer = time.Since(start)
	r.busy = waitIdle(pid, start, 3*time.Minute)
	r.cpu = cpuTime(pid) - cpu0
	close(stop)
	r.cheap = <-cheap
	r.peakKB = peakRSS(pid)
	return r, nil
}

// watchCheap sends a cheap query every 50 ms until stop and reports the
// slowest answer.
func watchCheap(url string, stop chan struct{}, out chan<- time.Duration) {
	var worst time.Duration
	defer func() { out <- worst }()
	c := &http.Client{Timeout: time.Minute}
	for {
		select {
		case <-stop:
			return
		case <-time.After(50 * time.Millisecond):
		}
		t := time.Now()
		res, err := c.Post(url, "application/json", strings.NewReader(`{"query":"{ stats { actors } }"}`))
		if err == nil {
			io.Copy(io.Discard, res.Body)
			res.Body.Close()
		}
		worst = max(worst, time.Since(t))
	}
}

// waitIdle waits until pid used less than 20 ms of CPU in 500 ms, and
// returns the time since start.
func waitIdle(pid int, start time.Time, limit time.Duration) time.Duration {
	prev := cpuTime(pid)
	for time.Since(start) < limit {
		time.Sleep(500 * time.Millisecond)
		now := cpuTime(pid)
		if now-prev < 20*time.Millisecond {
			return time.Since(start) - 500*time.Millisecond
		}
		prev = now
	}
	return time.Since(start)
}

// cpuTime reads the user and system time of pid from /proc.
func cpuTime(pid int) time.Duration {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0
	}
	f := strings.Fields(string(b[bytes.LastIndexByte(b, ')')+2:]))
	ut, _ := strconv.Atoi(f[11])
	st, _ := strconv.Atoi(f[12])
	return time.Duration(ut+st) * time.Second / 100
}

// peakRSS reads VmHWM of pid, in kB.
func peakRSS(pid int) int {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	for _, l := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(l, "VmHWM:"); ok {
			n, _ := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(v), " kB"))
			return n
		}
	}
	return 0
}

func size(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}

// ensureStore generates and loads the store unless dir exists.
func ensureStore(graphd, dir string, actors, stances, aliases int) error {
	if _, err := os.Stat(dir); err == nil {
		return nil
	}
	file := filepath.Join(os.TempDir(), "hostile.jsonl")
	if err := writeData(file, actors, stances, aliases); err != nil {
		return err
	}
	defer os.Remove(file)
	cmd := exec.Command(graphd, "load", "--data", dir, file)
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	return cmd.Run()
}

// writeData writes the JSON Lines file of the generated store.
func writeData(file string, actors, stances, aliases int) error {
	f, err := os.Create(file)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	names := make([]string, aliases)
	for i := range names {
		names[i] = fmt.Sprintf("Big alias %d", i)
	}
	enc.Encode(map[string]any{"record": "actor", "name": "Big", "kind": "OTHER", "aliases": names})
	for i := 0; i < actors; i++ {
		enc.Encode(map[string]any{"record": "actor", "name": fmt.Sprintf("Actor %d", i), "kind": "STATE"})
	}
	types := []string{"SUPPORTS", "REJECTS", "DEMANDS", "ACCUSES", "OFFERS", "ENGAGES"}
	for i := 0; i < stances; i++ {
		s, o := (i*7919)%actors, (i*104729+1)%actors
		if s == o {
			o = (o + 1) % actors
		}
		enc.Encode(map[string]any{"record": "stance", "subject": fmt.Sprintf("Actor %d", s), "object": fmt.Sprintf("Actor %d", o),
			"type": types[i%len(types)], "topic": fmt.Sprintf("topic %d", i), "date": fmt.Sprintf("20%02d-%02d-%02d", 10+i%15, 1+i%12, 1+i%28)})
	}
	if err := w.Flush(); err != nil {
		return err
	}
	return f.Close()
}
