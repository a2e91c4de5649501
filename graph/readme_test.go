package graph_test

import (
	"os"
	"strings"
	"testing"
)

// TestReadmeExample keeps the README's embedding program equal to Example:
// the same imports and the same statements, so the README shows code that
// compiles and whose output Example checks.
func TestReadmeExample(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile("example_test.go")
	if err != nil {
		t.Fatal(err)
	}
	block := section(t, string(readme), "## Embedding in Go\n", "```go\n", "```\n")
	if got, want := section(t, block, "", "import (", ")"), section(t, string(src), "", "import (", ")"); got != want {
		t.Errorf("README imports\n%s\nexample_test.go imports\n%s", got, want)
	}
	got := section(t, block, "", "func main() {\n", "\n}\n")
	want := section(t, string(src), "", "func Example() {\n", "\n\t// Output:")
	if got != want {
		t.Errorf("the README's main differs from Example; copy the body of Example (up to // Output:) into it.\nREADME:\n%s\nExample:\n%s", got, want)
	}
}

// section returns the text between start and end that follows after in s.
func section(t *testing.T, s, after, start, end string) string {
	t.Helper()
	_, s, ok1 := strings.Cut(s, after)
	_, s, ok2 := strings.Cut(s, start)
	s, _, ok3 := strings.Cut(s, end)
	if !ok1 || !ok2 || !ok3 {
		t.Fatalf("no %q ... %q after %q", start, end, after)
	}
	return s
}
