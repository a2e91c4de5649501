package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
	"text/tabwriter"
)

func cmdQuery(ctx context.Context, e *env, args []string) (err error) {
	fs := newFlags(e, "query", "query [--data DIR | --url URL | --store dgraph://HOST:PORT] [--var k=v]... [--format json|table|csv] 'GRAPHQL'", `
Runs one GraphQL query or mutation against the store (in process) or a
running server (--url) and prints the answer as indented JSON, fields in
query order. Both run the same engine with the same limits, so --data and
--url print the same bytes for the same store. With --format
table or csv, the first list in the answer is printed as rows, nested
objects flattened into dotted column names. "-" reads the query from
standard input. Example:

  graphd query --var name=Taliban 'query($name: String){actor(name: $name){stances{nodes{type object{name}}}}}'`)
	var sf storeFlags
	var rf remoteFlags
	sf.register(fs)
	rf.register(fs)
	vars := map[string]any{}
	fs.Func("var", "a variable as name=value; the value is parsed as JSON when it can be, else taken as a string (repeatable)", func(s string) error {
		k, v, ok := strings.Cut(s, "=")
		if !ok || k == "" {
			return fmt.Errorf("want name=value, got %q", s)
		}
		var j any
		if err := json.Unmarshal([]byte(v), &j); err == nil {
			vars[k] = j
		} else {
			vars[k] = v
		}
		return nil
	})
	format := fs.String("format", "json", "json, table or csv")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usageError{"query needs exactly one GRAPHQL argument"}
	}
	if *format != "json" && *format != "table" && *format != "csv" {
		return usageError{fmt.Sprintf("--format %q: want json, table or csv", *format)}
	}
	q := fs.Arg(0)
	if q == "-" {
		b, err := io.ReadAll(e.stdin)
		if err != nil {
			return err
		}
		q = string(b)
	}
	a := reads
	if strings.HasPrefix(strings.TrimSpace(q), "mutation") {
		a = writes
	}
	c, err := dial(e, &sf, &rf, a)
	if err != nil {
		return err
	}
	defer closeClient(c, &err)
	raw, qerr := c.Query(ctx, q, vars)
	if raw == nil {
		return qerr
	}
	if *format == "json" || qerr != nil {
		if err := printJSON(e.stdout, raw, ""); err != nil {
			return err
		}
		return qerr
	}
	var doc any
	if err := json.Unmarshal(raw, &doc); err != nil {
		return err
	}
	rows := firstList(doc)
	if rows == nil {
		return fmt.Errorf("the answer holds no list to print as %s; use --format json", *format)
	}
	return printRows(e.stdout, rows, *format)
}

func decodeJSON(r io.Reader, v any) error { return json.NewDecoder(r).Decode(v) }

// printJSON indents raw, optionally narrowed to a dotted path. It keeps
// the order of raw's keys: GraphQL answers list fields in query order.
func printJSON(w io.Writer, raw []byte, path string) error {
	for _, p := range strings.Split(path, ".") {
		var m map[string]json.RawMessage
		if p == "" || json.Unmarshal(raw, &m) != nil {
			continue
		}
		raw = m[p]
	}
	if len(raw) == 0 {
		raw = []byte("null")
	}
	var buf bytes.Buffer
	if err := json.Indent(&buf, bytes.TrimSpace(raw), "", "  "); err != nil {
		return err
	}
	buf.WriteByte('\n')
	_, err := w.Write(buf.Bytes())
	return err
}

// firstList finds the first list in a depth-first walk (keys in order).
func firstList(v any) []any {
	switch t := v.(type) {
	case []any:
		return t
	case map[string]any:
		keys := make([]string, 0, len(t))
		for k := range t {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			if l := firstList(t[k]); l != nil {
				return l
			}
		}
	}
	return nil
}

func flatten(prefix string, v any, out map[string]string) {
	switch t := v.(type) {
	case map[string]any:
		for k, x := range t {
			p := k
			if prefix != "" {
				p = prefix + "." + k
			}
			flatten(p, x, out)
		}
	case []any:
		parts := make([]string, 0, len(t))
		for _, x := range t {
			m := map[string]string{}
			flatten("", x, m)
			vals := make([]string, 0, len(m))
			for _, s := range m {
				vals = append(vals, s)
			}
			sort.Strings(vals)
			parts = append(parts, strings.Join(vals, " "))
		}
		out[prefix] = strings.Join(parts, "; ")
	case nil:
		out[prefix] = ""
	case string:
		out[prefix] = t
	default:
		b, _ := json.Marshal(t)
		out[prefix] = string(b)
	}
}

func printRows(w io.Writer, rows []any, format string) error {
	flat := make([]map[string]string, len(rows))
	colSet := map[string]bool{}
	var cols []string
	for i, r := range rows {
		flat[i] = map[string]string{}
		flatten("", r, flat[i])
		keys := make([]string, 0, len(flat[i]))
		for k := range flat[i] {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			if !colSet[k] {
				colSet[k] = true
				cols = append(cols, k)
			}
		}
	}
	for i, c := range cols {
		if c == "" {
			cols[i] = "value"
			for _, f := range flat {
				f["value"] = f[""]
			}
		}
	}
	if format == "csv" {
		cw := csv.NewWriter(w)
		cw.Write(cols)
		for _, f := range flat {
			rec := make([]string, len(cols))
			for i, c := range cols {
				rec[i] = f[c]
			}
			cw.Write(rec)
		}
		cw.Flush()
		return cw.Error()
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, strings.ToUpper(strings.Join(cols, "\t")))
	for _, f := range flat {
		rec := make([]string, len(cols))
		for i, c := range cols {
			rec[i] = strings.ReplaceAll(f[c], "\n", " ")
		}
		fmt.Fprintln(tw, strings.Join(rec, "\t"))
	}
	return tw.Flush()
}
