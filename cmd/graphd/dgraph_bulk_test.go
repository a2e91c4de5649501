package main

import (
	"fmt"
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"

	"github.com/stancegraph/stancegraph/dgraphstore/dgraphtest"
)

// bulkFile is a JSON Lines file of actors actors, one document and
// stances stances, some quoting the document, deterministic. bad, when
// positive, is the stance whose type is unknown. It returns the file and
// the line of stance bad.
func bulkFile(actors, stances, bad int) (string, int) {
	r := rand.New(rand.NewPCG(3, 4))
	var b strings.Builder
	for i := range actors {
		fmt.Fprintf(&b, `{"record":"actor","name":"Actor %d","kind":"STATE","aliases":["A%d"]}`+"\n", i, i)
	}
	text := "Talks went well. Talks failed. Aid arrived."
	fmt.Fprintf(&b, `{"record":"document","key":"d","title":"D","date":"2020-01-01","text":%q}`+"\n", text)
	types := []string{"SUPPORTS", "REJECTS", "DEMANDS", "ACCUSES", "OFFERS", "ENGAGES"}
	quotes := []string{"Talks went well.", "Talks failed.", "Aid arrived."}
	line := 0
	for i := range stances {
		s, o := r.IntN(actors), r.IntN(actors-1)
		if o >= s {
			o++
		}
		typ := types[r.IntN(len(types))]
		if i == bad {
			typ, line = "LIKES", actors+2+i
		}
		fmt.Fprintf(&b, `{"record":"stance","subject":"Actor %d","type":%q,"object":"A%d","date":"2020-%02d-%02d","confidence":0.5`, s, typ, o, 1+r.IntN(12), 1+r.IntN(28))
		if i%4 == 0 {
			fmt.Fprintf(&b, `,"evidence":[{"document":"d","quote":%q}]`, quotes[r.IntN(len(quotes))])
		}
		b.WriteString("}\n")
	}
	return b.String(), line
}

// TestDgraphLoadInBatches loads a file into a cluster in batches with
// graphd load --batch: a bad line in a later batch stops the load naming
// the line and the batch, with the batches before it stored; the fixed
// file loaded again finishes the load, and once more adds nothing. The
// cluster then exports the JSON Lines of an embedded store that loaded
// the file once, so no record was stored twice; an upsert file merging
// into stored actors and stances by alias, in batches, keeps them equal.
func TestDgraphLoadInBatches(t *testing.T) {
	c := dgraphtest.Require(t)
	store := "dgraph://" + c.Addr
	good, _ := bulkFile(30, 450, -1)
	badText, badLine := bulkFile(30, 450, 300)
	goodPath, badPath := writeFile(t, "bulk.jsonl", good), writeFile(t, "bad.jsonl", badText)

	code, out, stderr := graphdExit(t, "load", "--store", store, "--batch", "100", badPath)
	wantErr := regexp.MustCompile(fmt.Sprintf(`bad\.jsonl:%d: .*"LIKES"[^\n]*\n.*batch 4 of 5 \(lines 301-400\) is not stored, batches 1-3 are stored; run the same load again`, badLine))
	if code != exitFailure || !wantErr.MatchString(stderr) {
		t.Fatalf("load of a file with a bad line %d: exit %d\n%s%s\nwant it named with its batch", badLine, code, out, stderr)
	}
	if !regexp.MustCompile(`load: .*bad\.jsonl: batch 3/5 \(lines 201-300\): \+0 actors, \+0 documents, \+\d+ stances \(\d+ records/s, eta \d+s\)`).MatchString(stderr) {
		t.Errorf("progress of the stored batches:\n%s", stderr)
	}
	// The cluster holds batches 1-3 whole, as an embedded store that
	// loaded the file's first 300 lines.
	lines := strings.SplitAfter(good, "\n")
	partial := t.TempDir()
	mustGraphd(t, "load", "--data", partial, writeFile(t, "first.jsonl", strings.Join(lines[:300], "")))
	if got, want := mustGraphd(t, "stats", "--store", store), mustGraphd(t, "stats", "--data", partial); got != want {
		t.Errorf("after the failed load the cluster holds\n%s\nwant batches 1-3:\n%s", got, want)
	}

	mustGraphd(t, "load", "--store", store, "--batch", "100", goodPath)
	if out := mustGraphd(t, "load", "--store", store, "--batch", "100", goodPath); !strings.Contains(out, "+0 actors, +0 documents, +0 stances (1/1 files") {
		t.Errorf("the file loaded a third time added something:\n%s", out)
	}
	dir := t.TempDir()
	mustGraphd(t, "load", "--data", dir, goodPath)
	same := func(step string) {
		t.Helper()
		want := mustGraphd(t, "export", "--data", dir, "--format", "jsonl")
		if got := mustGraphd(t, "export", "--store", store, "--format", "jsonl"); got != want {
			t.Errorf("%s: the cluster exports\n%.2000s\nthe embedded store\n%.2000s", step, got, want)
		}
	}
	same("loaded in batches, one failed, then again")

	// Names new to the store that the file's actor lines give stored
	// actors, and stances naming them that are stored already.
	var more strings.Builder
	for i := range 30 {
		fmt.Fprintf(&more, `{"record":"actor","name":"New name %d","aliases":["Actor %d"]}`+"\n", i, i)
	}
	for _, l := range strings.Split(good, "\n") {
		if strings.Contains(l, `"document"`) {
			more.WriteString(l + "\n")
		}
		if strings.Contains(l, `"stance"`) {
			more.WriteString(strings.NewReplacer(`"subject":"Actor `, `"subject":"New name `, `"confidence":0.5`, `"confidence":0.9`).Replace(l) + "\n")
		}
	}
	morePath := writeFile(t, "more.jsonl", more.String())
	mustGraphd(t, "load", "--data", dir, "--upsert", morePath)
	mustGraphd(t, "load", "--store", store, "--upsert", "--batch", "100", morePath)
	same("an upsert file naming stored actors by new aliases, in batches")
}
