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
