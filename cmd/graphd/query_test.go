package main

import (
	"encoding/json"
	"os"
	"regexp"
	"strings"
	"testing"
)

// readmeQueries returns the queries of the README's GraphQL examples, less
// the mutations (they would change the store between the two runs).
func readmeQueries(t *testing.T) []string {
	t.Helper()
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, m := range regexp.MustCompile(`(?m)^q '(.*)'$`).FindAllStringSubmatch(string(b), -1) {
		var body struct{ Query string }
		if err := json.Unmarshal([]byte(m[1]), &body); err != nil {
			t.Fatalf("README example %s: %v", m[1], err)
		}
		if !strings.HasPrefix(body.Query, "mutation") {
			out = append(out, body.Query)
		}
	}
	if len(out) < 5 {
		t.Fatalf("found %d query examples in the README, want at least 5", len(out))
	}
	return out
}

// TestQueryLocalMatchesRemote runs every README query through a server
// (--url) and in process (--data) on the same store and wants the same
// bytes, with the fields in query order.
func TestQueryLocalMatchesRemote(t *testing.T) {
	dir := t.TempDir()
	mustGraphd(t, "seed", "--data", dir)
	queries := append(readmeQueries(t),
		`{ stances(filter: {subject: "Atlantis"}) { totalCount } }`, // an error
		`{ nope }`, // invalid
	)
	url, stop := serve(t, dir)
	remote := make([]string, len(queries))
	remoteErr := make([]error, len(queries))
	for i, q := range queries {
		remote[i], remoteErr[i] = graphd(t, "query", "--url", url, q)
	}
	stop()
	for i, q := range queries {
		local, err := graphd(t, "query", "--data", dir, q)
		if local != remote[i] || (err == nil) != (remoteErr[i] == nil) {
			t.Errorf("%s:\n--data (%v):\n%s\n--url (%v):\n%s", q, err, local, remoteErr[i], remote[i])
		}
	}
	// The first example asks for id, name, aliases: in that order, not
	// sorted.
	if i, j, k := strings.Index(remote[0], `"id"`), strings.Index(remote[0], `"name"`), strings.Index(remote[0], `"aliases"`); !(0 < i && i < j && j < k) {
		t.Errorf("fields not in query order:\n%s", remote[0])
	}
}
