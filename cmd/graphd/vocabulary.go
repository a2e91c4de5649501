package main

import (
	"context"
	"fmt"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/stancegraph/stancegraph/graph"
)

func cmdVocabulary(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "vocabulary", "vocabulary [--data DIR] [extend FILE]", `
Prints the stance types the store keeps, with their PLOVER type, weight and
CAMEO codes, and the recorded changes of its vocabulary.

A store keeps its vocabulary: the one it was created with (--vocabulary
default, the six defaults; --vocabulary plover, PLOVER's 16 event types;
or --vocabulary FILE, the defaults and FILE's types), read back by every
later command without any flag. A command given another --vocabulary for
it is refused, naming the types that differ.

"extend FILE" adds the types of FILE, a JSON array of
{"type","description","plover","cameo","weight"} objects, to the store's
vocabulary and records the change. A type the store has must come
unchanged (its stances were typed by it); add a new type instead. Stop a
running server first: it builds its GraphQL enum of types at start.`)
	var sf storeFlags
	sf.register(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	switch rest := fs.Args(); {
	case len(rest) == 0:
	case len(rest) == 2 && rest[0] == "extend":
		if err := sf.refuseCluster("vocabulary extend"); err != nil {
			return err
		}
		types, err := readTypesFile(rest[1])
		if err != nil {
			return err
		}
		sf.extend = types
	default:
		return usageError{fmt.Sprintf("vocabulary takes no argument, or extend FILE (got %q)", strings.Join(rest, " "))}
	}
	st, err := sf.open(nil, true)
	if err != nil {
		return err
	}
	defer st.Close()
	g, ok := st.(*graph.Store)
	if !ok {
		printTypes(e, st.Vocabulary())
		fmt.Fprintln(e.stdout, "\nThe cluster keeps this vocabulary, the one it was created with; it records no history of changes.")
		return nil
	}
	history, err := g.VocabularyHistory(ctx)
	if err != nil {
		return err
	}
	printVocabulary(e, g.Vocabulary(), history)
	return nil
}

// printTypes prints a vocabulary's types as a table.
func printTypes(e *env, v *graph.Vocabulary) {
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "TYPE\tPLOVER\tWEIGHT\tCAMEO")
	for _, t := range v.Types() {
		fmt.Fprintf(tw, "%s\t%s\t%+.1f\t%s\n", t.Type, t.PLOVER, t.Weight, strings.Join(t.CAMEO, " "))
	}
	tw.Flush()
}

// readTypesFile reads the types of `vocabulary extend`.
func readTypesFile(name string) ([]graph.TypeInfo, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, fmt.Errorf("vocabulary extend: %w", err)
	}
	defer f.Close()
	types, err := graph.ReadTypes(f)
	if err != nil {
		return nil, fmt.Errorf("vocabulary extend %s: %w", name, err)
	}
	return types, nil
}

func printVocabulary(e *env, v *graph.Vocabulary, history []graph.VocabularyChange) {
	printTypes(e, v)
	if len(history) == 0 {
		fmt.Fprintln(e.stdout, "\nThe store keeps no vocabulary: written before stores kept theirs, it is read with the default; give --vocabulary once to record the one it was loaded with.")
		return
	}
	fmt.Fprintln(e.stdout)
	for _, h := range history {
		fmt.Fprintf(e.stdout, "%s  %s: %s\n", h.Time.Format("2006-01-02 15:04:05Z"), h.Note, strings.Join(h.Added, ", "))
	}
}
