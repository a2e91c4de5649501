package main

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"
)

// TestDualCommands runs every command that takes both --url and --data
// against the same seeded store, through a server and in process, and
// wants the same output and the same outcome. The writing commands are
// given what the store holds already, so both runs find the same graph.
func TestDualCommands(t *testing.T) {
	dir := t.TempDir()
	store := filepath.Join(dir, "store")
	mustGraphd(t, "seed", "--data", store)
	again := filepath.Join(dir, "again.jsonl")
	mustGraphd(t, "export", "--data", store, "--format", "jsonl", "--out", again)
	article := writeFile(t, "article.txt", "Title: Nothing\n\nThe weather was mild.\n")

	// Outputs that rightly differ: how long a check took and the size of
	// a backup (which records when it was made).
	normalize := regexp.MustCompile(`in [0-9.]+[µnm]?s;|\([0-9]+ bytes\)`)
	tests := []struct {
		name string
		args []string
	}{
		{"stats", []string{"stats"}},
		{"query", []string{"query", `{ stats { actors stances documents } actor(name: "Taliban") { name kind } }`}},
		{"query table", []string{"query", "--format", "table", `{ actors(first: 5) { nodes { name kind } } }`}},
		{"query error", []string{"query", `{ stances(filter: {subject: "Atlantis"}) { totalCount } }`}},
		{"export json", []string{"export", "--format", "json"}},
		{"export jsonl", []string{"export", "--format", "jsonl"}},
		{"export graphml", []string{"export", "--format", "graphml"}},
		{"export csv", []string{"export", "--format", "csv"}},
		{"export nquads", []string{"export", "--format", "nquads"}},
		{"export plover", []string{"export", "--format", "plover"}},
		{"check", []string{"check"}},
		{"seed again", []string{"seed"}},
		{"load again", []string{"load", again}},
		{"load article", []string{"load", article}},
		{"backup", []string{"backup", "--to", filepath.Join(dir, "backup")}},
	}
	run := func(where ...string) (out []string, errs []error) {
		for _, tt := range tests {
			o, err := graphd(t, append(append([]string{}, tt.args...), where...)...)
			out = append(out, normalize.ReplaceAllString(o, "$$"))
			errs = append(errs, err)
		}
		return out, errs
	}
	url, stop := serve(t, store)
	remote, remoteErrs := run("--url", url)
	stop()
	os.Remove(filepath.Join(dir, "backup"))
	local, localErrs := run("--data", store)
	for i, tt := range tests {
		if local[i] != remote[i] || (localErrs[i] == nil) != (remoteErrs[i] == nil) {
			t.Errorf("%s:\n--data (%v):\n%s\n--url (%v):\n%s", tt.name, localErrs[i], local[i], remoteErrs[i], remote[i])
		}
	}
	if local[0] == "" {
		t.Error("stats printed nothing")
	}
}
