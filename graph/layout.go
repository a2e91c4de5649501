package graph

import (
	"errors"
	"fmt"

	"github.com/dgraph-io/badger/v4"

	"github.com/stancegraph/stancegraph/graph/internal/keys"
)

// getter reads the value at a key, ErrNotFound when there is none: a read
// transaction's getValue, or a writer's get, which also sees its own
// uncommitted writes.
type getter func(k []byte) ([]byte, error)

// txnGetter reads from txn.
func txnGetter(txn *badger.Txn) getter {
	return func(k []byte) ([]byte, error) { return getValue(txn, k) }
}

// stanceFrom returns the stance an S, O or I entry (key k, value v)
// stands for, in either layout: a whole record of layout 1 is decoded as
// it is; of layout 2, an O value is decoded with its key, and an S or I
// value leads to the O entry, read through get.
func stanceFrom(k, v []byte, get getter) (*stanceRecord, error) {
	if len(v) == 0 || len(k) == 0 {
		return nil, errCorrupt
	}
	switch v[0] {
	case recordVersion:
		return decodeStance(v)
	case stanceOut:
		_, subj, typ, obj, id, ok := keys.ParseAdjacency(k)
		if !ok || k[0] != keys.Out {
			return nil, fmt.Errorf("%w: outgoing value under key %x", errCorrupt, k)
		}
		return decodeOut(v, id, subj, typ, obj)
	case stanceIn:
		_, obj, typ, subj, id, ok := keys.ParseAdjacency(k)
		if !ok || k[0] != keys.In {
			return nil, fmt.Errorf("%w: incoming value under key %x", errCorrupt, k)
		}
		return outEntry(get, id, subj, typ, obj)
	case stanceRef, stanceHeld:
		if k[0] != keys.Stance || len(k) != 1+keys.IDLen {
			return nil, fmt.Errorf("%w: stance reference under key %x", errCorrupt, k)
		}
		subj, obj, typ, rest, err := parseRef(v)
		if err != nil {
			return nil, err
		}
		if v[0] == stanceHeld {
			return decodeOut(rest, k[1:], subj, typ, obj)
		}
		return outEntry(get, k[1:], subj, typ, obj)
	}
	return nil, fmt.Errorf("%w: unknown stance record version %d", errCorrupt, v[0])
}

// errDangling is a reference to an O entry that is not there.
var errDangling = fmt.Errorf("%w: dangling reference", errCorrupt)

// outEntry reads and decodes the O entry of stance id.
func outEntry(get getter, id, subj []byte, typ string, obj []byte) (*stanceRecord, error) {
	ok := keys.Adjacency(keys.Out, subj, typ, obj, id)
	v, err := get(ok)
	if errors.Is(err, ErrNotFound) {
		return nil, fmt.Errorf("%w: stance %s has no outgoing entry", errDangling, idString(id))
	}
	if err != nil {
		return nil, err
	}
	if len(v) > 0 && v[0] == recordVersion {
		return decodeStance(v)
	}
	return decodeOut(v, id, subj, typ, obj)
}

// pageArena holds the strings and evidence lists of the stances one page
// decodes, in a few arrays a page where each stance took one of each and
// a record on the heap. An array is sized, when the one in use runs
// short, for the stances the page may still decode at the size of the
// one being decoded. What is handed out is never written again, so
// strings and lists stay immutable when a new array takes over; a page's
// stances keep their arrays alive together.
type pageArena struct {
	text []byte     // room for text: length 0
	ev   []Evidence // room for evidence: length 0
	left int        // stances the page may still decode, at least 1
	// runs are the subject's and object's IDs of the stance decoded
	// last, with their text in the page (see decoder.roleText).
	runs [2]idRun
}

// idRun is an actor ID and its text, as the page decoded them last.
type idRun struct {
	id   [16]byte
	text string
}

// The runs of a pageArena, by the stance's role.
const (
	subjectRun = iota
	objectRun
)

// newPageArena returns an arena for a page that may decode n stances.
func newPageArena(n int) *pageArena { return &pageArena{left: max(n, 1)} }

// textRoom returns room for at least n bytes of text.
func (a *pageArena) textRoom(n int) []byte {
	if cap(a.text) < n {
		a.text = make([]byte, 0, n*a.left)
	}
	return a.text
}

// evidence returns an empty list with room for exactly n items: an
// append past them moves the list rather than overwrite the next one's.
func (a *pageArena) evidence(n int) []Evidence {
	if cap(a.ev) < n {
		a.ev = make([]Evidence, 0, n*a.left)
	}
	e := a.ev[:0:n]
	a.ev = a.ev[n:n]
	return e
}

// pageStance decodes into st the stance of a page's adjacency entry k,
// whose value is v: an O value of layout 2 in place, its strings and
// evidence in a, and any other entry as stanceFrom does.
func pageStance(st *Stance, k, v []byte, get getter, a *pageArena) error {
	defer a.decoded()
	if len(v) == 0 || v[0] != stanceOut {
		r, err := stanceFrom(k, v, get)
		if err == nil {
			*st = r.Stance
		}
		return err
	}
	dir, subj, typ, obj, id, ok := keys.SplitAdjacency(k)
	if !ok || dir != keys.Out {
		return fmt.Errorf("%w: outgoing value under key %x", errCorrupt, k)
	}
	d := decoder{b: v, text: a.textRoom(len(v) + len(typ) + 3*uuidTextLen + textSlack), arena: a}
	var r stanceRecord
	err := d.out(&r, id, subj, d.keep(typ), obj)
	a.text = d.text[len(d.text):]
	*st = r.Stance
	return err
}

// decoded counts one stance of the page decoded.
func (a *pageArena) decoded() { a.left = max(a.left-1, 1) }

// itemStance decodes the stance an S, O or I entry stands for.
func itemStance(txn *badger.Txn, k []byte, item *badger.Item) (*stanceRecord, error) {
	var r *stanceRecord
	err := item.Value(func(v []byte) error {
		var err error
		r, err = stanceFrom(k, v, txnGetter(txn))
		return err
	})
	return r, err
}

// stanceValues are the S, O and I values of a stance in layout 2, and
// the S value a writer keeps in memory (held), nil when nothing reads
// its writes back.
type stanceValues struct {
	ref, out, in, held []byte
}

// encodeValues encodes r's values; out is its O value when already
// encoded (see prepareAhead), else nil.
func encodeValues(r *stanceRecord, out []byte, held bool) stanceValues {
	if out == nil {
		out = encodeOut(r)
	}
	v := stanceValues{ref: encodeRef(r), out: out, in: encodeIn(r)}
	if held {
		v.held = heldValue(v.ref, out)
	}
	return v
}
