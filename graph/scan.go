package graph

import (
	"bytes"
	"encoding/base64"
	"encoding/binary"
	"fmt"
	"unsafe"

	"github.com/dgraph-io/badger/v4"
)

// scan pages through the keys under a list of prefixes, in order. Its
// cursors hold the prefix index and the last key returned, so a page
// resumes exactly after it even when entries were added in between.
type scan struct {
	txn      *badger.Txn
	tag      byte // listing tag, checked when decoding cursors
	prefixes [][]byte
	// lo and hi, when set, bound the keys visited to [lo, hi).
	lo, hi []byte
	// noCursors spares a page its cursors (and EndCursor) when the
	// caller will not read them: encoding them was 2% of a notebook
	// request's CPU.
	noCursors bool
	// accept, when set, tells whether an entry belongs to the listing
	// without decoding it. page asks it about the entry past a full
	// page, read only to set HasNext, which the page's match would
	// decode whole for nothing.
	accept func(k []byte, item *badger.Item) (bool, error)
	// most, when above 0, is the most entries the listing can hold (an
	// actor's degree): a page makes room for no more. A notebook asks
	// for 50 stances of actors that mostly have a few, and the room for
	// 50 was allocated and cleared on every request.
	most int
}

// room is how many items a page of n makes room for at first.
func (sc *scan) room(n int) int {
	r := min(n, pagePrealloc)
	if sc.most > 0 {
		r = min(r, sc.most)
	}
	return r
}

// cursorText holds the text of a page's cursors in one array, sized at
// the first for room cursors of its length, rather than one allocation
// a cursor. Text once handed out is never written again, so a cursor
// stays immutable when an append moves the array.
type cursorText struct {
	b    []byte
	room int
}

// cursor is the cursor of key under prefix pi of sc, its text in t. A
// page makes one for every item, so the position is built on the stack.
func (t *cursorText) cursor(sc *scan, pi int, key []byte) string {
	var pos [cursorStack]byte
	p := append(binary.AppendUvarint(pos[:0], uint64(pi)), key...)
	if t.b == nil {
		t.b = make([]byte, 0, t.room*base64.RawURLEncoding.EncodedLen(1+len(p)))
	}
	start := len(t.b)
	t.b = appendCursor(t.b, sc.tag, p)
	return unsafe.String(&t.b[start], len(t.b)-start)
}

func (sc *scan) parse(c string) (int, []byte, error) {
	b, err := decodeCursor(sc.tag, c)
	if err != nil {
		return 0, nil, err
	}
	pi, n := binary.Uvarint(b)
	if n <= 0 || pi >= uint64(len(sc.prefixes)) || !bytes.HasPrefix(b[n:], sc.prefixes[pi]) {
		return 0, nil, fmt.Errorf("%w: %q does not belong to this listing", ErrInvalidCursor, clip(c))
	}
	return int(pi), b[n:], nil
}

// each calls fn for every entry after the cursor position until fn returns
// false or an error.
func (sc *scan) each(startPI int, startKey []byte, fn func(pi int, k []byte, item *badger.Item) (bool, error)) error {
	for pi := startPI; pi < len(sc.prefixes); pi++ {
		p := sc.prefixes[pi]
		// No value prefetch: Badger prefetches each value in a goroutine of
		// its own, while values here sit inline in the LSM tree and are read
		// in place by item.Value only where a listing needs them.
		it := sc.txn.NewIterator(badger.IteratorOptions{Prefix: p})
		seek := p
		if sc.lo != nil && bytes.Compare(sc.lo, seek) > 0 {
			seek = sc.lo
		}
		if pi == startPI && startKey != nil {
			seek = append(bytes.Clone(startKey), 0)
		}
		for it.Seek(seek); it.Valid(); it.Next() {
			if sc.hi != nil && bytes.Compare(it.Item().Key(), sc.hi) >= 0 {
				break
			}
			more, err := fn(pi, it.Item().Key(), it.Item())
			if err != nil || !more {
				it.Close()
				return err
			}
		}
		it.Close()
	}
	return nil
}

// page collects up to n entries that match accepts after the cursor, then
// probes for one more to set HasNext. Total is left to the caller.
func page[T any](sc *scan, after string, n int, match func(k []byte, item *badger.Item) (T, bool, error)) ([]T, []string, PageInfo, error) {
	var info PageInfo
	// Sized for a full page up to a bound: grown by doubling, a page of 20
	// stances copied its records five times over.
	room := sc.room(n)
	items := make([]T, 0, room)
	var cursors []string
	if !sc.noCursors {
		cursors = make([]string, 0, room)
	}
	text := cursorText{room: room}
	startPI, startKey := 0, []byte(nil)
	if after != "" {
		var err error
		if startPI, startKey, err = sc.parse(after); err != nil {
			return nil, nil, info, err
		}
	}
	err := sc.each(startPI, startKey, func(pi int, k []byte, item *badger.Item) (bool, error) {
		if len(items) == n && sc.accept != nil {
			ok, err := sc.accept(k, item)
			info.HasNext = ok && err == nil
			return !ok && err == nil, err
		}
		v, ok, err := match(k, item)
		if err != nil || !ok {
			return err == nil, err
		}
		if len(items) == n {
			info.HasNext = true
			return false, nil
		}
		items = append(items, v)
		if !sc.noCursors {
			c := text.cursor(sc, pi, k)
			cursors = append(cursors, c)
			info.EndCursor = c
		}
		return true, nil
	})
	if len(items) == 0 {
		return nil, nil, info, err // as before the room was made: an empty page has nil slices
	}
	return items, cursors, info, err
}

// pagePrealloc bounds the items a page makes room for before it finds
// them, so that first: 1000 on a short listing does not cost a large
// allocation.
const pagePrealloc = 100

// count counts the entries match accepts under every prefix.
func (sc *scan) count(match func(k []byte, item *badger.Item) (bool, error)) (int, error) {
	n := 0
	err := sc.each(0, nil, func(_ int, k []byte, item *badger.Item) (bool, error) {
		ok, err := match(k, item)
		if ok {
			n++
		}
		return err == nil, err
	})
	return n, err
}
