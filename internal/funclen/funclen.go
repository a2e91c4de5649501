// Package funclen measures the functions of a package's source files, so
// that a package's tests can hold its functions to a length: a long
// function is a sign of steps that want names.
package funclen

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Func is a function or method and its length in lines, from the func
// keyword to the closing brace.
type Func struct {
	Name  string // Recv.Name for a method
	Pos   string // file:line
	Lines int
}

func (f Func) String() string { return fmt.Sprintf("%s %s: %d lines", f.Pos, f.Name, f.Lines) }

// Over returns the functions of the non-test .go files in dir longer than
// max lines, longest first.
func Over(dir string, max int) ([]Func, error) {
	names, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		return nil, err
	}
	fset := token.NewFileSet()
	var out []Func
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		src, err := os.ReadFile(name)
		if err != nil {
			return nil, err
		}
		f, err := parser.ParseFile(fset, name, src, 0)
		if err != nil {
			return nil, err
		}
		out = append(out, longFuncs(fset, f, max)...)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Lines > out[j].Lines })
	return out, nil
}

// longFuncs returns the functions of f longer than max lines.
func longFuncs(fset *token.FileSet, f *ast.File, max int) []Func {
	var out []Func
	for _, d := range f.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || fd.Body == nil {
			continue
		}
		start, end := fset.Position(fd.Pos()), fset.Position(fd.End())
		n := end.Line - start.Line + 1
		if n <= max {
			continue
		}
		name := fd.Name.Name
		if fd.Recv != nil && len(fd.Recv.List) > 0 {
			name = recvName(fd.Recv.List[0].Type) + "." + name
		}
		out = append(out, Func{Name: name, Pos: fmt.Sprintf("%s:%d", filepath.Base(start.Filename), start.Line), Lines: n})
	}
	return out
}

// recvName is the type name of a method's receiver, without * or type
// parameters.
func recvName(e ast.Expr) string {
	switch t := e.(type) {
	case *ast.StarExpr:
		return recvName(t.X)
	case *ast.IndexExpr:
		return recvName(t.X)
	case *ast.IndexListExpr:
		return recvName(t.X)
	case *ast.Ident:
		return t.Name
	}
	return "?"
}
