package stance_test

import (
	"os/exec"
	"strings"
	"testing"
)

// TestNoStorageBelowDomain keeps the packages that only need the domain
// types and the store interface free of the Badger store: they import
// stance, not graph, so a second store implementation can serve them.
func TestNoStorageBelowDomain(t *testing.T) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("the go command is not on PATH")
	}
	for _, pkg := range []string{"extract", "extract/eval", "jsonl", "events", "ingest", "export", "resolvers", "schema", "stance"} {
		out, err := exec.Command(goTool, "list", "-deps", "../"+pkg).CombinedOutput()
		if err != nil {
			t.Fatalf("go list -deps %s: %v\n%s", pkg, err, out)
		}
		for _, dep := range strings.Fields(string(out)) {
			if strings.Contains(dep, "badger") || strings.HasSuffix(dep, "stancegraph/graph") {
				t.Errorf("%s depends on %s; import stance instead of graph", pkg, dep)
				break
			}
		}
	}
}
