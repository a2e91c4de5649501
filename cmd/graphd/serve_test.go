package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// snapshot lists every file under dir with its size, mode and
// modification time, to show that a command wrote nothing there.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		files[p] = fmt.Sprintf("%d %v %s", info.Size(), info.Mode(), info.ModTime().Format(time.RFC3339Nano))
		return nil
	})
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		t.Fatal(err)
	}
	return files
}

// TestReadOnlyWritesNothing serves stores with --read-only: nothing is
// seeded or created, queries answer what is there (an empty graph for an
// empty store), mutations are refused, and no file in --data changes.
func TestReadOnlyWritesNothing(t *testing.T) {
	emptyStore := t.TempDir()
	mustGraphd(t, "load", "--data", emptyStore, "--import=false", writeFile(t, "none.jsonl", "# nothing\n"))
	seeded := t.TempDir()
	mustGraphd(t, "seed", "--data", seeded)
	tests := []struct {
		name    string
		dir     string
		stances string
	}{
		{"missing directory", filepath.Join(t.TempDir(), "absent"), `"stances":0`},
		{"empty directory", t.TempDir(), `"stances":0`},
		{"empty store", emptyStore, `"stances":0`},
		{"seeded store", seeded, `"stances":14`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := snapshot(t, tt.dir)
			url, stop := serve(t, tt.dir, "--read-only")
			stats := jsonString(post(t, url, `{ stats { stances } }`, nil))
			if !strings.Contains(stats, tt.stances) {
				t.Errorf("stats %s, want %s", stats, tt.stances)
			}
			res := jsonString(post(t, url, `mutation { upsertActor(input: {name: "Oman", kind: STATE}) { id } }`, nil))
			if !strings.Contains(res, "FORBIDDEN") {
				t.Errorf("mutation on a read-only server: %s", res)
			}
			stop()
			after := snapshot(t, tt.dir)
			if a, b := jsonString(after), jsonString(before); a != b {
				t.Errorf("--read-only changed --data:\nbefore %s\nafter  %s", b, a)
			}
		})
	}
}

// writeFile writes content to name in a new temporary directory.
func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// get sends GET url with headers (alternating names and values; "Host"
// sets the Host header) and returns the status and body.
func get(t *testing.T, url string, headers ...string) (int, string) {
	t.Helper()
	return request(t, "GET", url, "", headers...)
}

func request(t *testing.T, method, url, body string, headers ...string) (int, string) {
	t.Helper()
	req, err := http.NewRequest(method, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(headers); i += 2 {
		if headers[i] == "Host" {
			req.Host = headers[i+1]
			continue
		}
		req.Header.Set(headers[i], headers[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// TestServeAnswersHosts checks the Host allow-list of a loopback server,
// which stops DNS rebinding, and --allowed-hosts.
func TestServeAnswersHosts(t *testing.T) {
	dir := t.TempDir()
	url, stop := serve(t, dir, "--no-seed", "--allowed-hosts", "graphd.lan,.corp.example")
	defer stop()
	port := url[strings.LastIndex(url, ":"):]
	tests := []struct {
		host   string
		status int
	}{
		{"127.0.0.1" + port, 200},
		{"localhost" + port, 200},
		{"viewer.localhost" + port, 200},
		{"[::1]" + port, 200},
		{"graphd.lan" + port, 200},
		{"a.corp.example" + port, 200},
		{"evil.example" + port, 403},
		{"localhost.evil.example" + port, 403},
	}
	for _, tt := range tests {
		t.Run(tt.host, func(t *testing.T) {
			for _, path := range []string{"/healthz", "/export?format=csv", "/"} {
				status, body := get(t, url+path, "Host", tt.host)
				if status != tt.status {
					t.Fatalf("GET %s: %d %s, want %d", path, status, body, tt.status)
				}
				if status == 403 && !strings.Contains(body, "--allowed-hosts") {
					t.Fatalf("the refusal does not name the flag: %s", body)
				}
			}
		})
	}
}

// TestServeWildcardCORSNeedsToken checks that --cors '*' is refused at
// startup, before the store is created, unless a token is set.
func TestServeWildcardCORSNeedsToken(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	t.Setenv("GRAPHD_TOKEN", "")
	_, err := graphd(t, "serve", "--data", dir, "--addr", "127.0.0.1:0", "--cors", "http://localhost:8888,*")
	if err == nil || !strings.Contains(err.Error(), "--cors '*' needs a token") {
		t.Fatalf("--cors '*' without a token: %v", err)
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Fatalf("the refused start created %s: %v", dir, err)
	}
	t.Setenv("GRAPHD_TOKEN", "tok-123")
	url, stop := serve(t, dir, "--cors", "*")
	defer stop()
	if status, body := request(t, "POST", url+"/load", `{"record":"actor","name":"Oman"}`,
		"Content-Type", "application/jsonl", "Origin", "http://anyone.example", "Authorization", "Bearer tok-123"); status != 200 {
		t.Fatalf("a load with the token from any origin: %d %s", status, body)
	}
}

// TestServeRefusesCrossSiteLoads sends what a web page elsewhere can send
// to a loopback server without a token: nothing is written.
func TestServeRefusesCrossSiteLoads(t *testing.T) {
	url, stop := serve(t, t.TempDir(), "--no-seed")
	defer stop()
	line := `{"record":"actor","name":"Oman"}`
	tests := []struct {
		name    string
		headers []string
		status  int
	}{
		{"form enctype text/plain", []string{"Content-Type", "text/plain", "Origin", "http://evil.example"}, 403},
		{"fetch text/plain without Origin", []string{"Content-Type", "text/plain"}, 415},
		{"jsonl from another origin", []string{"Content-Type", "application/jsonl", "Origin", "http://evil.example"}, 403},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if status, body := request(t, "POST", url+"/load", line, tt.headers...); status != tt.status {
				t.Fatalf("%d %s, want %d", status, body, tt.status)
			}
		})
	}
	if s := jsonString(post(t, url, `{ stats { actors } }`, nil)); !strings.Contains(s, `"actors":0`) {
		t.Fatalf("a refused load wrote: %s", s)
	}
}

// TestLoadURLMessages sends files to a server with load --url: names with
// characters that mean something in a URL, text_file references, and a
// quote mentioning "text_file" all work, and the server's refusals read as
// sentences naming the file and line.
func TestLoadURLMessages(t *testing.T) {
	url, stop := serve(t, t.TempDir())
	defer stop()
	dir := t.TempDir()
	write := func(name, content string) string {
		t.Helper()
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	write("texts/oman.txt", "Oman urged the Taliban to talk.")
	const badLine = `{"record":"stance","subject":"Oman","type":"LIKES","object":"Taliban"}`
	tests := []struct {
		name, file, content string
		want                string // in the output, or in the error when fail
		fail                bool
	}{
		{"ampersand", "q&a.jsonl", `{"record":"actor","name":"Oman"}`, "q&a.jsonl: +1 actors", false},
		{"hash and space", "notes #2.jsonl", `{"record":"actor","name":"Qatar"}`, "notes #2.jsonl: +1 actors", false},
		{"percent", "100%.jsonl", `{"record":"actor","name":"Oman"}`, "100%.jsonl: +0 actors", false},
		{"bad line names the file", "a&b #3.jsonl", `{"record":"actor","name":"Oman"}` + "\n" + badLine,
			`answered 400 Bad Request: a&b #3.jsonl:2: `, true},
		{"text_file is sent inline", "docs.jsonl",
			`{"record":"document","key":"d","text_file":"texts/oman.txt"}` + "\n" +
				`{"record":"stance","subject":"Oman","type":"DEMANDS","object":"Taliban","evidence":[{"document":"d","quote":"urged the Taliban"}]}`,
			"docs.jsonl: +0 actors, +1 documents, +1 stances", false},
		{"quote mentioning text_file", "quote.jsonl",
			`{"record":"document","key":"q","text":"Oman said the text_file field was empty."}` + "\n" +
				`{"record":"stance","subject":"Oman","type":"ACCUSES","object":"Taliban","topic":"text_file","evidence":[{"document":"q","quote":"text_file"}]}`,
			"quote.jsonl: +0 actors, +1 documents, +1 stances", false},
		{"missing text file", "missing.jsonl", `{"record":"document","text_file":"texts/none.txt"}`,
			`missing.jsonl:1: jsonl: bad record: document: text_file "texts/none.txt"`, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := graphd(t, "load", "--url", url, write(tt.file, tt.content+"\n"))
			switch {
			case tt.fail && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Fatalf("error %v, want one containing %q\n%s", err, tt.want, out)
			case tt.fail && strings.Contains(err.Error(), `{"error"`):
				t.Fatalf("the error shows the raw JSON body: %v", err)
			case !tt.fail && (err != nil || !strings.Contains(out, tt.want)):
				t.Fatalf("%v\n%s\nwant %q", err, out, tt.want)
			}
		})
	}
}

// TestLoadStdinTextFileMessage checks the server's message for a text_file
// it cannot read, sent on standard input.
func TestLoadStdinTextFileMessage(t *testing.T) {
	url, stop := serve(t, t.TempDir())
	defer stop()
	var out, errOut strings.Builder
	in := strings.NewReader(`{"record":"document","text_file":"texts/a.txt"}` + "\n")
	err := run(t.Context(), []string{"load", "--url", url, "-"}, in, &out, &errOut)
	if err == nil || !strings.Contains(err.Error(), "without its folder") || !strings.Contains(err.Error(), `"text"`) {
		t.Fatalf("error %v does not say why and what to do", err)
	}
}
