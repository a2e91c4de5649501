package main

import (
	"fmt"
	"sort"

	"github.com/dgraph-io/badger/v4"

	"github.com/stancegraph/stancegraph/graph"
)

// keyFamilies names the graph store's key families by their prefix byte
// (graph/internal/keys), so the breakdown says where the bytes go.
var keyFamilies = map[byte]string{
	'A': "actor", 'N': "name", 'S': "stance", 'O': "out", 'I': "in",
	'T': "date", 'D': "document", 'd': "doc-stance", 'K': "identity",
	'C': "counter", 'c': "degree", 'M': "meta",
}

// familyFigures is one key family's share of a store: its live entries
// and their logical bytes (key plus value, before Badger's block
// compression and key prefix sharing), which is what a change of layout
// can save and what compression works on.
type familyFigures struct {
	Family     string `json:"family"`
	Entries    int64  `json:"entries"`
	KeyBytes   int64  `json:"key_bytes"`
	ValueBytes int64  `json:"value_bytes"`
}

// familyBytes sums the live entries of the closed Badger store in dir by
// key family, largest first. It opens the store read-only with the
// store's options, so it never writes to it.
func familyBytes(dir string, o graph.Options) ([]familyFigures, error) {
	o.ReadOnly = true
	db, err := badger.Open(rawOptions(dir, o))
	if err != nil {
		return nil, fmt.Errorf("key families: open %s: %w", dir, err)
	}
	defer db.Close()
	sums := map[string]*familyFigures{}
	err = db.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{})
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			item := it.Item()
			k := item.Key()
			name, ok := keyFamilies[k[0]]
			if !ok {
				name = fmt.Sprintf("0x%02x", k[0])
			}
			f := sums[name]
			if f == nil {
				f = &familyFigures{Family: name}
				sums[name] = f
			}
			f.Entries++
			f.KeyBytes += int64(len(k))
			f.ValueBytes += item.ValueSize()
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("key families: %w", err)
	}
	out := make([]familyFigures, 0, len(sums))
	for _, f := range sums {
		out = append(out, *f)
	}
	sort.Slice(out, func(i, j int) bool {
		return out[i].KeyBytes+out[i].ValueBytes > out[j].KeyBytes+out[j].ValueBytes
	})
	return out, nil
}
