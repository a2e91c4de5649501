package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestDualCommands runs every command that takes both --url and --data,
// through a server on one seeded store and in process on a copy of it, and
// wants the same output and the same outcome, step by step: the writing
// commands leave both stores alike, which the stats and exports after
// them check.
func TestDualCommands(t *testing.T) {
	dir := t.TempDir()
	served, local := filepath.Join(dir, "served"), filepath.Join(dir, "local")
	mustGraphd(t, "seed", "--data", served)
	if err := os.CopyFS(local, os.DirFS(served)); err != nil {
		t.Fatal(err)
	}
	again := filepath.Join(dir, "again.jsonl")
	mustGraphd(t, "export", "--data", served, "--format", "jsonl", "--out", again)
	article := writeFile(t, "article.txt", "Title: Ceasefire\nDate: 2024-05-02\n\n"+
		"Pakistan on Thursday accused India of violating the ceasefire along the border. Iran urged the Taliban to talk.\n")
	bad := writeFile(t, "bad.jsonl", `{"record":"actor","name":"Oz","kind":"STATE"}`+"\n"+`{"record":"stance","subject":"Oz"}`+"\n")
	quiet := writeFile(t, "quiet.txt", "Title: Nothing\n\nThe weather was mild.\n")
	gdelt := "../../events/testdata/gdelt2-20150218230000.export.CSV"
	plover := "../../events/testdata/plover-gsr.jsonl"

	// Outputs that rightly differ: how long a check or a load took and
	// the size of a backup (which records when it was made).
	normalize := regexp.MustCompile(`in [0-9.]+[µnm]?s;|\([0-9]+ bytes\)|[0-9]+ stances/s, eta [^)]*`)
	// want is a piece of the output, so that two empty or failed runs
	// cannot pass for agreement.
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"stats", []string{"stats"}, `stances    14
`},
		{"query", []string{"query", `{ stats { actors stances documents } actor(name: "Taliban") { name kind } }`}, `"name": "Taliban"`},
		{"query table", []string{"query", "--format", "table", `{ actors(first: 5) { nodes { name kind } } }`}, `NAME`},
		{"query error", []string{"query", `{ stances(filter: {subject: "Atlantis"}) { totalCount } }`}, `Atlantis`},
		{"export json", []string{"export", "--format", "json"}, `"stances"`},
		{"export jsonl", []string{"export", "--format", "jsonl"}, `"record":"stance"`},
		{"export graphml", []string{"export", "--format", "graphml"}, `<graphml`},
		{"export csv", []string{"export", "--format", "csv"}, `Taliban`},
		{"export nquads", []string{"export", "--format", "nquads"}, `> .`},
		{"export plover", []string{"export", "--format", "plover"}, `"event":`},
		{"check", []string{"check"}, `0 violations`},
		{"seed again", []string{"seed"}, `added 0 actors, 0 documents, 0 stances`},
		{"load again", []string{"load", again}, `+0 stances`},
		{"load article", []string{"load", article}, `+2 stances`},
		{"load quiet article", []string{"load", quiet}, `+0 stances`},
		{"load gdelt", []string{"load", "--skip-bad", gdelt}, `stored (new)`},
		{"load plover", []string{"load", plover}, `stored (new)`},
		{"load bad", []string{"load", bad}, `bad.jsonl:2: jsonl: bad record: stance: type is required`},
		{"mutation", []string{"query", `mutation { upsertActor(input: {name: "Atlantis", kind: STATE, aliases: ["Atlantida"]}) { name kind aliases } }`}, `"Atlantida"`},
		{"mutation error", []string{"query", `mutation { addAlias(actor: "Nobody", alias: "x") { name } }`}, `Nobody`},
		{"stats after", []string{"stats"}, `actors `},
		{"export after", []string{"export", "--format", "jsonl"}, `Atlantida`},
		{"check after", []string{"check"}, `0 violations`},
		{"backup", []string{"backup", "--to", filepath.Join(dir, "backup")}, `backup: wrote`},
	}
	run := func(where ...string) (out []string, errs []error) {
		for _, tt := range tests {
			// The flags of where come first: flags end at the first argument.
			args := append(append([]string{tt.args[0]}, where...), tt.args[1:]...)
			o, err := graphd(t, args...)
			out = append(out, normalize.ReplaceAllString(o, "$$"))
			errs = append(errs, err)
		}
		return out, errs
	}
	url, stop := serve(t, served)
	remote, remoteErrs := run("--url", url)
	stop()
	os.Remove(filepath.Join(dir, "backup"))
	locals, localErrs := run("--data", local)
	for i, tt := range tests {
		if locals[i] != remote[i] || (localErrs[i] == nil) != (remoteErrs[i] == nil) {
			t.Errorf("%s:\n--data (%v):\n%s\n--url (%v):\n%s", tt.name, localErrs[i], locals[i], remoteErrs[i], remote[i])
		}
		if !strings.Contains(remote[i], tt.want) && (remoteErrs[i] == nil || !strings.Contains(remoteErrs[i].Error(), tt.want)) {
			t.Errorf("%s --url: want %q in the output or error, got %v\n%s", tt.name, tt.want, remoteErrs[i], remote[i])
		}
	}
}
