// Package keys defines the storage key layout of the graph store. Keeping it
// in one internal package means the layout can change without touching the
// public API, and every index is described in one place.
//
// Layout (IDs are 16 raw UUID bytes, dates 4 bytes big-endian, types are
// upper-case names terminated by 0x00):
//
//	A actor                         -> actor record
//	N normalized-name               -> actor
//	S stance                        -> subject object type (where its O entry is)
//	O subject type 0 object stance  -> stance record (outgoing adjacency)
//	I object type 0 subject stance  -> record header (incoming adjacency)
//	T date stance                   -> empty (date index)
//	D document                      -> document record (its text without the
//	                                   spans its stances quote, and where each
//	                                   goes back; record layout 3)
//	d document stance               -> empty (stances citing a document)
//	K dedupe-hash                   -> stance (identity of a stance, but for
//	                                   the one its ID derives from)
//	C name                          -> uint64 (store-wide counters)
//	c actor dir type 0              -> uint64 (live stances per actor, direction, type)
//	M name                          -> metadata (vocabulary, record layout)
//
// The stance record is stored once, in its O entry, so that a page of an
// actor's outgoing stances is one prefix scan with no point reads; the I
// entry holds the record's header (liveness, date), enough for paths and
// counts, and an incoming page reads each record from its O entry. Stores
// of record layout 1 (see the graph package's migration) held the whole
// record in S, O and I. A stance's ID derives
// from its first identity, so its record's S key stands for that identity
// and most stances have no K entry; stores written before that layout
// have one for every identity, which stays valid.
package keys

import (
	"bytes"
	"encoding/binary"
)

// Prefix bytes of the key families.
const (
	Actor     byte = 'A'
	Name      byte = 'N'
	Stance    byte = 'S'
	Out       byte = 'O'
	In        byte = 'I'
	Date      byte = 'T'
	Document  byte = 'D'
	DocStance byte = 'd'
	Identity  byte = 'K'
	Counter   byte = 'C'
	Degree    byte = 'c'
	Meta      byte = 'M'
)

// IDLen is the length of an encoded ID.
const IDLen = 16

func join(parts ...[]byte) []byte {
	n := 0
	for _, p := range parts {
		n += len(p)
	}
	b := make([]byte, 0, n)
	for _, p := range parts {
		b = append(b, p...)
	}
	return b
}

// ActorKey is the key of an actor record.
func ActorKey(id []byte) []byte { return join([]byte{Actor}, id) }

// NameKey is the key of a name index entry.
func NameKey(norm string) []byte { return join([]byte{Name}, []byte(norm)) }

// StanceKey is the key of a stance record.
func StanceKey(id []byte) []byte { return join([]byte{Stance}, id) }

// DocumentKey is the key of a document record.
func DocumentKey(id []byte) []byte { return join([]byte{Document}, id) }

// Adjacency is the key of an adjacency entry: dir is Out or In, actor the
// actor at the near end, other the far end.
func Adjacency(dir byte, actor []byte, typ string, other, stance []byte) []byte {
	return join([]byte{dir}, actor, []byte(typ), []byte{0}, other, stance)
}

// AdjacencyPrefix returns the prefix of an actor's entries in direction dir,
// narrowed to a type and a counterpart when they are non-empty (other is
// only used with a type).
func AdjacencyPrefix(dir byte, actor []byte, typ string, other []byte) []byte {
	if typ == "" {
		return join([]byte{dir}, actor)
	}
	return join([]byte{dir}, actor, []byte(typ), []byte{0}, other)
}

// ParseAdjacency splits an adjacency key into its parts.
func ParseAdjacency(k []byte) (dir byte, actor []byte, typ string, other, stance []byte, ok bool) {
	dir, actor, t, other, stance, ok := SplitAdjacency(k)
	return dir, actor, string(t), other, stance, ok
}

// SplitAdjacency is ParseAdjacency with the type left in the key, for a
// reader that copies it where it keeps its other strings.
func SplitAdjacency(k []byte) (dir byte, actor, typ, other, stance []byte, ok bool) {
	if len(k) < 1+IDLen+2+2*IDLen {
		return 0, nil, nil, nil, nil, false
	}
	dir, actor = k[0], k[1:1+IDLen]
	rest := k[1+IDLen:]
	i := bytes.IndexByte(rest, 0)
	if i <= 0 || len(rest)-i-1 != 2*IDLen {
		return 0, nil, nil, nil, nil, false
	}
	return dir, actor, rest[:i], rest[i+1 : i+1+IDLen], rest[i+1+IDLen:], true
}

// DateKey is the key of a date index entry.
func DateKey(date int32, stance []byte) []byte {
	b := make([]byte, 1+4, 1+4+IDLen)
	b[0] = Date
	binary.BigEndian.PutUint32(b[1:], uint32(date))
	return append(b, stance...)
}

// DocStanceKey is the key recording that stance cites doc.
func DocStanceKey(doc, stance []byte) []byte { return join([]byte{DocStance}, doc, stance) }

// IdentityKey is the key holding the stance with identity hash h.
func IdentityKey(h []byte) []byte { return join([]byte{Identity}, h) }

// CounterKey is the key of a store-wide counter.
func CounterKey(name string) []byte { return join([]byte{Counter}, []byte(name)) }

// DegreeKey is the key of an actor's live-stance counter for one direction and type.
func DegreeKey(actor []byte, dir byte, typ string) []byte {
	return join([]byte{Degree}, actor, []byte{dir}, []byte(typ), []byte{0})
}

// MetaKey is the key of a metadata entry, such as the store's vocabulary.
func MetaKey(name string) []byte { return join([]byte{Meta}, []byte(name)) }
