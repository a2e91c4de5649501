package graph

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/stancegraph/stancegraph/graph/internal/keys"
)

// Documents in layout 3 are stored without the spans their citing stances
// quote: a stance's quote is in its O entry, which a 1-hop page scans, so
// the copy in the document's text was the second copy of the same bytes
// (about a fifth of a store whose documents are made of what their stances
// quote). The record lists where each span was taken out and which stance
// holds it; reading the document puts the quotes back. The reverse, a
// stance's quote as a reference into its document, would cost every 1-hop
// page a point read per stance, and documents are the rarer read.

// docSpans is the version of a document record of layout 3: no ID (its
// key holds it), and the text with spans left out.
const docSpans = 2

// minSpanBytes is the shortest quote left out of a document's text: a
// span costs about 19 bytes in the record (position, sizes, the stance's
// ID), so a shorter quote would grow it.
const minSpanBytes = 24

// span is a stretch of a document's text left out of its record because
// a stance citing the document quotes it.
type span struct {
	at     int              // byte offset in the stored text where it goes back
	size   int              // its length in bytes
	runes  int              // its length in code points
	stance [keys.IDLen]byte // the stance whose evidence holds it
}

// docRecord is a document as stored: Text is the stored text, which lacks
// spans (in order, none overlapping).
type docRecord struct {
	Document
	spans []span
}

// errSpanLost is a span of a document's text that its record names a
// stance for, but that stance does not hold.
var errSpanLost = fmt.Errorf("%w: a span of a document's text cannot be rebuilt", errCorrupt)

// encodeDocRecord encodes d as a document record of layout 3.
func encodeDocRecord(d *docRecord) []byte {
	e := encoder{b: make([]byte, 0, 32+len(d.Title)+len(d.Source)+len(d.URL)+len(d.Text)+20*len(d.spans))}
	e.byte(docSpans)
	e.str(d.Title)
	e.str(d.Source)
	e.str(d.URL)
	e.i32(int32(d.Date))
	e.str(d.Text)
	e.uvarint(uint64(len(d.spans)))
	prev := 0
	for _, sp := range d.spans {
		e.uvarint(uint64(sp.at - prev))
		e.uvarint(uint64(sp.size))
		e.uvarint(uint64(sp.size - sp.runes))
		e.b = append(e.b, sp.stance[:]...)
		prev = sp.at
	}
	return e.b
}

// decodeDocRecord decodes the document record v stored under document
// id, of either layout: a whole record (layout 1 and 2) has no spans.
func decodeDocRecord(id, v []byte) (docRecord, error) {
	if len(v) > 0 && v[0] == recordVersion {
		d, err := decodeDocument(v)
		d.ID = idString(id) // the key's, as in layout 3
		return docRecord{Document: d}, err
	}
	d := decoder{b: v}
	if d.byte() != docSpans {
		return docRecord{}, fmt.Errorf("%w: unknown document record version", errCorrupt)
	}
	var r docRecord
	r.ID = idString(id)
	r.Title = d.str()
	r.Source = d.str()
	r.URL = d.str()
	r.Date = Date(d.i32())
	r.Text = d.str()
	r.spans = d.spans(len(r.Text))
	if d.err != nil || len(d.b) != 0 {
		return docRecord{}, fmt.Errorf("%w: document %s: malformed record", errCorrupt, r.ID)
	}
	return r, nil
}

// spans decodes the span list of a stored text of n bytes.
func (d *decoder) spans(n int) []span {
	count := d.uvarint()
	if count == 0 {
		return nil
	}
	if count > uint64(len(d.b))/(3+keys.IDLen) {
		d.fail()
		return nil
	}
	out := make([]span, 0, count)
	at := 0
	for i := uint64(0); i < count && d.err == nil; i++ {
		gap, size, wide := d.uvarint(), d.uvarint(), d.uvarint()
		if gap > uint64(n-at) || size == 0 || size > MaxDocumentBytes || wide >= size || len(d.b) < keys.IDLen {
			d.fail()
			return nil
		}
		at += int(gap)
		sp := span{at: at, size: int(size), runes: int(size - wide)}
		copy(sp.stance[:], d.b)
		d.b = d.b[keys.IDLen:]
		out = append(out, sp)
	}
	return out
}

// fullText rebuilds the document's text, reading each span's quote from
// the stance its record names through get.
func (d *docRecord) fullText(get getter) (string, error) {
	if len(d.spans) == 0 {
		return d.Text, nil
	}
	var b strings.Builder
	n := len(d.Text)
	for _, sp := range d.spans {
		n += sp.size
	}
	b.Grow(n)
	held := map[[keys.IDLen]byte]*stanceRecord{}
	prev, cp := 0, 0
	for _, sp := range d.spans {
		seg := d.Text[prev:sp.at]
		b.WriteString(seg)
		cp += utf8.RuneCountInString(seg)
		q, err := d.spanQuote(get, held, sp, cp)
		if err != nil {
			return "", err
		}
		b.WriteString(q)
		cp += sp.runes
		prev = sp.at
	}
	b.WriteString(d.Text[prev:])
	return b.String(), nil
}

// spanQuote returns the quote of the span sp, which starts at code point
// start of the full text, from its stance's evidence.
func (d *docRecord) spanQuote(get getter, held map[[keys.IDLen]byte]*stanceRecord, sp span, start int) (string, error) {
	r, ok := held[sp.stance]
	if !ok {
		var err error
		v, gerr := get(keys.StanceKey(sp.stance[:]))
		r, err = stanceAt(sp.stance[:], v, gerr, get)
		if errors.Is(err, ErrNotFound) {
			return "", fmt.Errorf("%w: document %s: the span at code point %d names stance %s, which is not stored", errSpanLost, d.ID, start, idString(sp.stance[:]))
		}
		if err != nil {
			return "", err
		}
		held[sp.stance] = r
	}
	for _, ev := range r.Evidence {
		if ev.DocumentID == d.ID && ev.Start == start && ev.End-ev.Start == sp.runes && len(ev.Quote) == sp.size {
			return ev.Quote, nil
		}
	}
	return "", fmt.Errorf("%w: document %s: stance %s quotes nothing at code point %d of %d bytes", errSpanLost, d.ID, r.ID, start, sp.size)
}

// whole returns the document with its full text.
func (d *docRecord) whole(get getter) (Document, error) {
	text, err := d.fullText(get)
	if err != nil {
		return Document{}, err
	}
	out := d.Document
	out.Text = text
	return out, nil
}

// readDocument decodes the record v of document id and rebuilds its text.
func readDocument(get getter, id, v []byte) (Document, error) {
	r, err := decodeDocRecord(id, v)
	if err != nil {
		return Document{}, err
	}
	return r.whole(get)
}

// leaveOut takes ev's quote, held by stance, out of the stored text, and
// reports whether it did: not when the quote is short, overlaps a span
// already out, or is not the text at its offsets.
func (d *docRecord) leaveOut(ev Evidence, stance [keys.IDLen]byte) bool {
	if len(ev.Quote) < minSpanBytes || ev.Start < 0 || ev.End-ev.Start != utf8.RuneCountInString(ev.Quote) {
		return false
	}
	prev, cp := 0, 0 // stored byte offset, full-text code point there
	for i := 0; i <= len(d.spans); i++ {
		end := len(d.Text)
		if i < len(d.spans) {
			end = d.spans[i].at
		}
		if ev.Start < cp {
			return false // inside a span already out
		}
		seg := d.Text[prev:end]
		if off, ok := byteOffset(seg, ev.Start-cp); ok && strings.HasPrefix(seg[off:], ev.Quote) {
			d.cut(i, prev+off, ev, stance)
			return true
		}
		cp += utf8.RuneCountInString(seg)
		if i < len(d.spans) {
			cp += d.spans[i].runes
		}
		prev = end
	}
	return false
}

// cut removes ev's quote at stored byte offset at and records the span
// as the i-th.
func (d *docRecord) cut(i, at int, ev Evidence, stance [keys.IDLen]byte) {
	n := len(ev.Quote)
	d.Text = d.Text[:at] + d.Text[at+n:]
	for j := i; j < len(d.spans); j++ {
		d.spans[j].at -= n
	}
	d.spans = slices.Insert(d.spans, i, span{at: at, size: n, runes: ev.End - ev.Start, stance: stance})
}

// byteOffset returns the byte offset of code point n of s, false when s
// has fewer.
func byteOffset(s string, n int) (int, bool) {
	for i := range s {
		if n == 0 {
			return i, true
		}
		n--
	}
	return len(s), n == 0
}

// repoint makes the spans held by stance from name stance to instead.
func (d *docRecord) repoint(from, to [keys.IDLen]byte) bool {
	changed := false
	for i := range d.spans {
		if d.spans[i].stance == from {
			d.spans[i].stance = to
			changed = true
		}
	}
	return changed
}

// leaveOutQuotes takes r's quotes out of the documents they cite, where
// they are not out already: r holds them now.
func (w *writer) leaveOutQuotes(r *stanceRecord) error {
	id := [keys.IDLen]byte(mustID(r.ID))
	return w.eachCitedDocument(r, func(d *docRecord, ev Evidence) bool { return d.leaveOut(ev, id) })
}

// repointQuotes moves the spans r held to stance to, which absorbed r's
// evidence (see rehome).
func (w *writer) repointQuotes(r *stanceRecord, to string) error {
	from, dst := [keys.IDLen]byte(mustID(r.ID)), [keys.IDLen]byte(mustID(to))
	return w.eachCitedDocument(r, func(d *docRecord, _ Evidence) bool { return d.repoint(from, dst) })
}

// eachCitedDocument applies fn to the record of each document r's
// evidence cites, once per evidence. The records fn changed are kept in
// w.docs and written by flushDocs, once per commit: a document is cited
// by several stances of a load, each of which would otherwise read,
// decode and write it again.
func (w *writer) eachCitedDocument(r *stanceRecord, fn func(d *docRecord, ev Evidence) bool) error {
	for _, ev := range r.Evidence {
		id := [keys.IDLen]byte(mustID(ev.DocumentID))
		d, ok := w.docs[id]
		if !ok {
			// Changed in place below, it stays what storage will hold
			// once flushDocs writes it.
			d, ok = w.created[id]
		}
		if !ok {
			v, err := w.get(keys.DocumentKey(id[:]))
			if errors.Is(err, ErrNotFound) {
				continue // Check reports the citation
			}
			if err != nil {
				return err
			}
			rec, err := decodeDocRecord(id[:], v)
			if err != nil {
				return err
			}
			d = &rec
		}
		if fn(d, ev) {
			w.markDoc(id, d)
		}
	}
	return nil
}

// markDoc has flushDocs write d, the record of document id.
func (w *writer) markDoc(id [keys.IDLen]byte, d *docRecord) {
	if w.docs == nil {
		w.docs = map[[keys.IDLen]byte]*docRecord{}
	}
	w.docs[id] = d
}

// flushDocs writes the document records changed since the last flush.
// Until then a read of one finds it as it was, which rebuilds to the same
// text; a flush never precedes the stances its spans name, which were
// written first.
func (w *writer) flushDocs() error {
	docs := w.docs
	w.docs = nil // a split inside set commits, and flushes, nothing twice
	for id, d := range docs {
		if err := w.set(keys.DocumentKey(id[:]), encodeDocRecord(d)); err != nil {
			return err
		}
	}
	return nil
}
