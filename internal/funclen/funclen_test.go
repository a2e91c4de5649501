package funclen

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestOver(t *testing.T) {
	dir := t.TempDir()
	body := func(n int) string { return strings.Repeat("\t_ = 1\n", n) }
	files := map[string]string{
		"a.go": "package p\n\nfunc short() {\n" + body(1) + "}\n\nfunc long() {\n" + body(8) + "}\n",
		"b.go": "package p\n\ntype T[X any] struct{}\n\nfunc (t *T[X]) method() {\n" + body(5) + "}\n",
		// Tests are not held to the length.
		"a_test.go": "package p\n\nfunc helper() {\n" + body(50) + "}\n",
	}
	for name, src := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		max  int
		want []Func
	}{
		{100, nil},
		{9, such("a.go:7 long 10")},
		{6, such("a.go:7 long 10", "b.go:5 T.method 7")},
		{2, such("a.go:7 long 10", "b.go:5 T.method 7", "a.go:3 short 3")},
	}
	for _, tt := range tests {
		got, err := Over(dir, tt.max)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Over(%d) = %v, want %v", tt.max, got, tt.want)
		}
	}
}

// such makes Funcs of "file:line name lines" strings.
func such(specs ...string) []Func {
	var out []Func
	for _, s := range specs {
		var f Func
		parts := strings.Fields(s)
		f.Pos, f.Name = parts[0], parts[1]
		for _, c := range parts[2] {
			f.Lines = f.Lines*10 + int(c-'0')
		}
		out = append(out, f)
	}
	return out
}
