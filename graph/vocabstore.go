package graph

import (
	"context"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/dgraph-io/badger/v4"

	"github.com/stancegraph/stancegraph/graph/internal/keys"
)

// vocabularyKey holds the store's vocabulary, so that a store is read with
// the types it was written with whatever the process opening it is told.
var vocabularyKey = keys.MetaKey("vocabulary")

// VocabularyChange is one recorded change of a store's vocabulary.
type VocabularyChange struct {
	Time  time.Time `json:"time"`
	Added []string  `json:"added"` // the types the change added, in order
	// Note says what happened: "recorded" when a store first kept its
	// vocabulary (a new store, or one written before stores kept it),
	// "extended" for Options.ExtendVocabulary.
	Note string `json:"note"`
}

// storedVocabulary is the record under vocabularyKey.
type storedVocabulary struct {
	Types   []TypeInfo         `json:"types"`
	History []VocabularyChange `json:"history"`
}

// vocabulary rebuilds the record's Vocabulary, validating each type,
// since a damaged record must not pass unnoticed.
func (r *storedVocabulary) vocabulary() (*Vocabulary, error) {
	v, err := VocabularyOf(r.Types)
	if err != nil {
		return nil, fmt.Errorf("graph: stored vocabulary: %w", err)
	}
	return v, nil
}

// readStoredVocabulary returns the stored record, or nil for a store that
// keeps none (new, or written before stores kept their vocabulary).
func readStoredVocabulary(txn *badger.Txn) (*storedVocabulary, error) {
	raw, err := getValue(txn, vocabularyKey)
	if errors.Is(err, ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var r storedVocabulary
	if err := json.Unmarshal(raw, &r); err != nil {
		return nil, fmt.Errorf("graph: stored vocabulary is undecodable: %v", err)
	}
	return &r, nil
}

// settleVocabulary returns the vocabulary to open a store with and, when
// it differs from stored, the record to store. A store without a record
// takes o.Vocabulary (the default when nil) and records it, unless it
// holds records and no vocabulary was given: a store written before
// stores kept their vocabulary may need the one it was loaded with, and
// recording the default would then refuse it. A store with a record keeps
// it, and o.Vocabulary must then hold only types it has, unchanged, so
// that a flag or option meant for another store is refused rather than
// half-applied. o.ExtendVocabulary adds types, never changes one.
func settleVocabulary(stored *storedVocabulary, empty bool, o Options, now time.Time) (*Vocabulary, *storedVocabulary, error) {
	var v *Vocabulary
	var rec *storedVocabulary
	if stored == nil {
		v = o.Vocabulary
		if v == nil {
			v = DefaultVocabulary()
		}
		if empty || o.Vocabulary != nil || len(o.ExtendVocabulary) > 0 {
			rec = &storedVocabulary{Types: v.Types(), History: []VocabularyChange{{Time: now, Added: v.Names(), Note: "recorded"}}}
		}
	} else {
		var err error
		if v, err = stored.vocabulary(); err != nil {
			return nil, nil, err
		}
		if o.Vocabulary != nil {
			if err := v.Holds(o.Vocabulary.Types()); err != nil {
				return nil, nil, err
			}
		}
	}
	if len(o.ExtendVocabulary) == 0 {
		return v, rec, nil
	}
	ext, added, err := v.Extend(o.ExtendVocabulary)
	if err != nil || len(added) == 0 {
		return v, rec, err
	}
	if rec == nil {
		rec = &storedVocabulary{History: slices.Clone(stored.History)}
	}
	rec.Types = ext.Types()
	rec.History = append(rec.History, VocabularyChange{Time: now, Added: added, Note: "extended"})
	return ext, rec, nil
}

// writeStoredVocabulary stores r.
func writeStoredVocabulary(db *badger.DB, r *storedVocabulary) error {
	raw, err := json.Marshal(r)
	if err != nil {
		return err
	}
	if err := db.Update(func(txn *badger.Txn) error { return txn.Set(vocabularyKey, raw) }); err != nil {
		return fmt.Errorf("graph: store the vocabulary: %w", err)
	}
	return nil
}

// VocabularyHistory returns the recorded changes of the store's
// vocabulary, oldest first; none for a read-only store written before
// stores kept their vocabulary.
func (s *Store) VocabularyHistory(ctx context.Context) ([]VocabularyChange, error) {
	var out []VocabularyChange
	err := s.view(ctx, func(txn *badger.Txn) error {
		r, err := readStoredVocabulary(txn)
		if r != nil {
			out = r.History
		}
		return err
	})
	return out, err
}

// metaEntry is one metadata key and value.
type metaEntry struct{ key, value []byte }

// readMeta returns the store's metadata entries.
func readMeta(db *badger.DB) ([]metaEntry, error) {
	var out []metaEntry
	err := db.View(func(txn *badger.Txn) error {
		it := txn.NewIterator(badger.IteratorOptions{Prefix: []byte{keys.Meta}, PrefetchValues: true})
		defer it.Close()
		for it.Rewind(); it.Valid(); it.Next() {
			v, err := it.Item().ValueCopy(nil)
			if err != nil {
				return err
			}
			out = append(out, metaEntry{it.Item().KeyCopy(nil), v})
		}
		return nil
	})
	return out, err
}

// writeMeta stores entries, as they were before a store was emptied.
func writeMeta(db *badger.DB, entries []metaEntry) error {
	if len(entries) == 0 {
		return nil
	}
	return db.Update(func(txn *badger.Txn) error {
		for _, m := range entries {
			if err := txn.Set(m.key, m.value); err != nil {
				return err
			}
		}
		return nil
	})
}

// encodeMeta writes entries as "meta KEY VALUE" lines in hex, the form
// an import's marker file keeps them in for Open to put back.
func encodeMeta(entries []metaEntry) string {
	var b strings.Builder
	for _, m := range entries {
		fmt.Fprintf(&b, "meta %x %x\n", m.key, m.value)
	}
	return b.String()
}

// decodeMeta reads the entries of encodeMeta's lines in text; other lines,
// and lines a crash cut short, are not entries.
func decodeMeta(text string) []metaEntry {
	var out []metaEntry
	for _, line := range strings.Split(text, "\n") {
		f := strings.Fields(line)
		if len(f) != 3 || f[0] != "meta" {
			continue
		}
		k, kerr := hex.DecodeString(f[1])
		v, verr := hex.DecodeString(f[2])
		if kerr == nil && verr == nil && len(k) > 0 && k[0] == keys.Meta {
			out = append(out, metaEntry{k, v})
		}
	}
	return out
}

// reloadVocabulary reads the vocabulary a restored backup brought; a
// backup written before stores kept their vocabulary brings none, and the
// store keeps the one it was opened with.
func (s *Store) reloadVocabulary() error {
	var r *storedVocabulary
	err := s.db.View(func(txn *badger.Txn) error {
		var err error
		r, err = readStoredVocabulary(txn)
		return err
	})
	if err != nil || r == nil {
		return err
	}
	v, err := r.vocabulary()
	if err != nil {
		return err
	}
	s.vocab.Store(v)
	return nil
}
