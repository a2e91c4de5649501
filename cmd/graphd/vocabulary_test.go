package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestPLOVERStoreServedWithoutFlag creates a store with the PLOVER
// vocabulary and reads it with plain commands: serve answers its types in
// matrix and stance lists, check passes, and a vocabulary meant for
// another store is refused.
func TestPLOVERStoreServedWithoutFlag(t *testing.T) {
	data := filepath.Join(t.TempDir(), "store")
	out := mustGraphd(t, "load", "--data", data, "--vocabulary", "plover", "../../events/testdata/gdelt2-20150218230000.export.CSV")
	// PLOVER types cover more CAMEO roots than the six defaults (36 stances).
	if !strings.Contains(out, "gdelt: 300 rows read, 65 stances made, 65 stored") {
		t.Fatalf("load with the PLOVER vocabulary:\n%s", out)
	}
	if out := mustGraphd(t, "check", "--data", data); !strings.Contains(out, "0 violations") {
		t.Errorf("check: %s", out)
	}
	url, stop := serve(t, data)
	res := post(t, url, `{vocabulary{type} matrix{type count} stances(first: 100){totalCount edges{node{type}}}}`, nil)
	stop()
	if res["errors"] != nil {
		t.Fatalf("plain serve of a PLOVER store: %v", res["errors"])
	}
	d := res["data"].(map[string]any)
	if v := d["vocabulary"].([]any); len(v) != 16 || v[0].(map[string]any)["type"] != "AGREE" {
		t.Errorf("vocabulary %v, want PLOVER's 16 types", v)
	}
	st := d["stances"].(map[string]any)
	if n := len(st["edges"].([]any)); st["totalCount"] != float64(65) || n != 65 {
		t.Errorf("stances: totalCount %v, %d listed; want 65 and 65", st["totalCount"], n)
	}
	cells := 0.0
	for _, c := range d["matrix"].([]any) {
		cells += c.(map[string]any)["count"].(float64)
	}
	if cells != 65 {
		t.Errorf("matrix counts %v stances, want 65", cells)
	}
	if _, err := graphd(t, "query", "--data", data, "--vocabulary", "default", "{ stats { stances } }"); err == nil || !strings.Contains(err.Error(), "lacks SUPPORTS") || !strings.Contains(err.Error(), "needs no --vocabulary") {
		t.Errorf("the default vocabulary asked of a PLOVER store: %v", err)
	}
}

// TestVocabularyExtend adds a type to a store's vocabulary, finds it
// recorded and kept, and refuses an extension changing a stored type.
func TestVocabularyExtend(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "store")
	mustGraphd(t, "seed", "--data", data)
	ext := writeFile(t, "ext.json", `[{"type":"THREATENS","description":"threatens the object","plover":"THREATEN","cameo":["13"],"weight":-4.4}]`)
	out := mustGraphd(t, "vocabulary", "--data", data, "extend", ext)
	if !strings.Contains(out, "THREATENS  THREATEN  -4.4    13") || !strings.Contains(out, "extended: THREATENS") {
		t.Errorf("vocabulary extend:\n%s", out)
	}
	if out := mustGraphd(t, "vocabulary", "--data", data); !strings.Contains(out, "THREATENS") || !strings.Contains(out, "recorded: SUPPORTS") {
		t.Errorf("vocabulary after extending:\n%s", out)
	}
	changed := writeFile(t, "changed.json", `[{"type":"SUPPORTS","description":"backs","cameo":["05"],"weight":3}]`)
	if _, err := graphd(t, "vocabulary", "--data", data, "extend", changed); err == nil || !strings.Contains(err.Error(), "SUPPORTS") {
		t.Errorf("an extension changing SUPPORTS: %v", err)
	}
	if _, err := graphd(t, "vocabulary", "--data", data, "extend"); err == nil {
		t.Error("extend without a file was taken")
	}
}
