package graph

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/dgraph-io/badger/v4"

	"github.com/stancegraph/stancegraph/graph/internal/keys"
)

// PutDocument stores d under the ID derived from its text. When a document
// with the same text exists, it is returned unchanged with created false
// (its metadata is kept: the first load names the source).
func (s *Store) PutDocument(ctx context.Context, d Document) (Document, bool, error) {
	var out Document
	var created bool
	err := s.update(ctx, func(w *writer) error {
		var err error
		out, created, err = s.putDocument(w, d)
		return err
	})
	return out, created, err
}

func validateDocument(d *Document) error {
	switch {
	case d.Text == "" || strings.TrimSpace(d.Text) == "":
		return fmt.Errorf("%w: document text is empty", ErrInvalidInput)
	case len(d.Text) > MaxDocumentBytes:
		return fmt.Errorf("%w: document text is %d bytes, over the limit of %d", ErrInvalidInput, len(d.Text), MaxDocumentBytes)
	case !utf8.ValidString(d.Text):
		return fmt.Errorf("%w: document text is not valid UTF-8 (at byte %d)", ErrInvalidInput, invalidAt(d.Text))
	}
	for _, f := range []struct{ name, v string }{{"title", d.Title}, {"source", d.Source}, {"url", d.URL}} {
		if !utf8.ValidString(f.v) {
			return fmt.Errorf("%w: document %s is not valid UTF-8", ErrInvalidInput, f.name)
		}
		if len(f.v) > 4096 {
			return fmt.Errorf("%w: document %s is longer than 4096 bytes", ErrInvalidInput, f.name)
		}
	}
	return nil
}

func invalidAt(s string) int {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return -1
}

func (s *Store) putDocument(w *writer, d Document) (Document, bool, error) {
	if err := validateDocument(&d); err != nil {
		return Document{}, false, err
	}
	d.ID = DocumentID(d.Text)
	return s.storeDocument(w, d)
}

// storeDocument stores d, which is valid and has the ID its text
// derives: a batch's documents are checked and named by validateBatch,
// and deriving the ID again (a SHA-1 of the text) and checking the text
// again cost a load's writing goroutine about 1 us a document.
func (s *Store) storeDocument(w *writer, d Document) (Document, bool, error) {
	id := mustID(d.ID)
	k := keys.DocumentKey(id)
	var v []byte
	err := ErrNotFound
	if w.ident == nil || w.ident.mayContain(id) {
		if rec, ok := w.created[[keys.IDLen]byte(id)]; ok && w.imp != nil {
			old, err := rec.whole(w.get) // not written yet: see below
			return old, false, err
		}
		v, err = w.get(k)
	}
	if err == nil {
		old, err := readDocument(w.get, id, v)
		return old, false, err
	}
	if !errors.Is(err, ErrNotFound) {
		return Document{}, false, err
	}
	rec := &docRecord{Document: d}
	if w.created != nil {
		w.created[[keys.IDLen]byte(id)] = rec
	}
	if w.imp != nil {
		// An import writes the record once, with the quotes its
		// stances take out of it, when flushDocs ends the batch:
		// written here too, it was sorted and spilled in vain.
		w.markDoc([keys.IDLen]byte(id), rec)
	} else if err := w.set(k, encodeDocRecord(rec)); err != nil {
		return Document{}, false, err
	}
	if w.s.ident != nil {
		w.s.ident.add(id)
	}
	w.add(keys.CounterKey(cntDocuments), 1)
	return d, true, nil
}

// Document returns the document with ID id.
func (s *Store) Document(ctx context.Context, id string) (Document, error) {
	return s.document(ctx, id, true)
}

// DocumentInfo returns the document with ID id without its text, which
// it does not rebuild: one point read whatever the quotes cut from it.
func (s *Store) DocumentInfo(ctx context.Context, id string) (Document, error) {
	return s.document(ctx, id, false)
}

// document reads document id, its text rebuilt when withText is set.
func (s *Store) document(ctx context.Context, id string, withText bool) (Document, error) {
	b, err := idBytes(id)
	if err != nil {
		return Document{}, err
	}
	var d Document
	err = s.view(ctx, func(txn *badger.Txn) error {
		v, err := getValue(txn, keys.DocumentKey(b))
		if errors.Is(err, ErrNotFound) {
			return fmt.Errorf("%w: no document with id %s", ErrNotFound, id)
		}
		if err != nil {
			return err
		}
		if withText {
			d, err = readDocument(txnGetter(txn), b, v)
			return err
		}
		r, err := decodeDocRecord(b, v)
		d = r.Document
		d.Text = ""
		return err
	})
	return d, err
}

// Documents lists documents in ID order.
func (s *Store) Documents(ctx context.Context, q PageQuery) (DocumentPage, error) {
	n, err := pageSize(q.First)
	if err != nil {
		return DocumentPage{}, err
	}
	var pg DocumentPage
	err = s.view(ctx, func(txn *badger.Txn) error {
		total, err := readCounter(txn, keys.CounterKey(cntDocuments))
		if err != nil {
			return err
		}
		sc := scan{txn: txn, tag: 'D', prefixes: [][]byte{{keys.Document}}}
		docs, cursors, info, err := page(&sc, q.After, n, func(k []byte, item *badger.Item) (Document, bool, error) {
			d, err := itemDocument(txn, k, item)
			return d, err == nil, err
		})
		info.Total = total
		pg = DocumentPage{Documents: docs, Cursors: cursors, PageInfo: info}
		return err
	})
	return pg, err
}

// itemDocument reads the document at D key k, its text rebuilt.
func itemDocument(txn *badger.Txn, k []byte, item *badger.Item) (Document, error) {
	v, err := item.ValueCopy(nil)
	if err != nil {
		return Document{}, err
	}
	return readDocument(txnGetter(txn), k[1:], v)
}

// maxListedOffsets bounds the offsets a quote error lists.
const maxListedOffsets = 10

// locateQuote returns the code-point offsets of the occurrence of ev's
// quote in d that ev selects (see EvidenceSpec). A quote that occurs
// nowhere, or nowhere as selected, wraps ErrQuoteNotFound; one that occurs
// more than once as selected wraps ErrAmbiguousQuote and lists the
// occurrences' offsets.
func locateQuote(d *Document, ev EvidenceSpec) (start, end int, err error) {
	q := ev.Quote
	if q == "" {
		return 0, 0, fmt.Errorf("%w: quote is empty", ErrInvalidInput)
	}
	text := d.Text
	var all, hits []int // code-point offsets of the first occurrences and selected ones
	total, selected, at, counted := 0, 0, 0, 0
	for i := 0; i <= len(text); {
		j := strings.Index(text[i:], q)
		if j < 0 {
			break
		}
		b := i + j
		at += utf8.RuneCountInString(text[counted:b])
		counted = b
		total++
		if len(all) < maxListedOffsets {
			all = append(all, at)
		}
		if strings.HasSuffix(text[:b], ev.Prefix) && strings.HasPrefix(text[b+len(q):], ev.Suffix) && (ev.Start == nil || *ev.Start == at) {
			selected++
			if len(hits) < maxListedOffsets {
				hits = append(hits, at)
			}
		}
		_, n := utf8.DecodeRuneInString(text[b:])
		i = b + n
	}
	n := utf8.RuneCountInString(q)
	switch {
	case selected == 1:
		return hits[0], hits[0] + n, nil
	case total == 0:
		return 0, 0, fmt.Errorf("%w: %q does not occur in document %s", ErrQuoteNotFound, clip(q), d.ID)
	case selected == 0:
		return 0, 0, fmt.Errorf("%w: %q occurs in document %s at code-point offsets %s, but none has the given %s",
			ErrQuoteNotFound, clip(q), d.ID, listOffsets(all, total), selectorNames(ev))
	}
	return 0, 0, fmt.Errorf("%w: %q occurs %d times in document %s, at code-point offsets %s; give the start of the one meant, or its prefix or suffix (the text just before or after it)",
		ErrAmbiguousQuote, clip(q), selected, d.ID, listOffsets(hits, selected))
}

// listOffsets writes the first offsets of n occurrences.
func listOffsets(offs []int, n int) string {
	parts := make([]string, len(offs))
	for i, o := range offs {
		parts[i] = strconv.Itoa(o)
	}
	s := strings.Join(parts, ", ")
	if n > len(offs) {
		s += fmt.Sprintf(" and %d more", n-len(offs))
	}
	return s
}

// selectorNames names the selectors ev gives, for a message.
func selectorNames(ev EvidenceSpec) string {
	var out []string
	if ev.Prefix != "" {
		out = append(out, fmt.Sprintf("prefix %q", clip(ev.Prefix)))
	}
	if ev.Suffix != "" {
		out = append(out, fmt.Sprintf("suffix %q", clip(ev.Suffix)))
	}
	if ev.Start != nil {
		out = append(out, fmt.Sprintf("start %d", *ev.Start))
	}
	return strings.Join(out, " and ")
}
