package graph

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"

	"github.com/google/uuid"
)

// Records are encoded in a compact binary form: a version byte, then fields
// in a fixed order, strings as uvarint length + bytes. Stance records start
// with a fixed header (version, flags, effective date) so that scans can
// filter by liveness and date without decoding the rest.

const recordVersion = 1

const flagRetracted = 1

var errCorrupt = errors.New("graph: corrupt record")

type encoder struct{ b []byte }

func (e *encoder) byte(v byte)      { e.b = append(e.b, v) }
func (e *encoder) uvarint(v uint64) { e.b = binary.AppendUvarint(e.b, v) }
func (e *encoder) str(s string)     { e.uvarint(uint64(len(s))); e.b = append(e.b, s...) }
func (e *encoder) id(s string) {
	u, _ := uuid.Parse(s)
	e.b = append(e.b, u[:]...)
}
func (e *encoder) i32(v int32) { e.b = binary.BigEndian.AppendUint32(e.b, uint32(v)) }
func (e *encoder) f64(v float64) {
	e.b = binary.BigEndian.AppendUint64(e.b, math.Float64bits(v))
}

type decoder struct {
	b   []byte
	err error
}

func (d *decoder) fail() {
	if d.err == nil {
		d.err = errCorrupt
	}
	d.b = nil
}

func (d *decoder) byte() byte {
	if len(d.b) < 1 {
		d.fail()
		return 0
	}
	v := d.b[0]
	d.b = d.b[1:]
	return v
}

func (d *decoder) uvarint() uint64 {
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.fail()
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *decoder) str() string {
	n := d.uvarint()
	if uint64(len(d.b)) < n {
		d.fail()
		return ""
	}
	s := string(d.b[:n]) // copies: nothing outlives the transaction's buffer
	d.b = d.b[n:]
	return s
}

func (d *decoder) id() string {
	if len(d.b) < 16 {
		d.fail()
		return ""
	}
	u, _ := uuid.FromBytes(d.b[:16])
	d.b = d.b[16:]
	return u.String()
}

func (d *decoder) i32() int32 {
	if len(d.b) < 4 {
		d.fail()
		return 0
	}
	v := int32(binary.BigEndian.Uint32(d.b))
	d.b = d.b[4:]
	return v
}

func (d *decoder) f64() float64 {
	if len(d.b) < 8 {
		d.fail()
		return 0
	}
	v := math.Float64frombits(binary.BigEndian.Uint64(d.b))
	d.b = d.b[8:]
	return v
}

// stanceRecord is a Stance plus the date it is indexed under.
type stanceRecord struct {
	Stance
	effDate Date // Date, else the date of the first cited document
	// idents caches identities(&Stance) between the identity check and
	// the write of a new stance, and derived the stance ID each would
	// derive (see derivedIDs); nil means compute them.
	idents  [][]byte
	derived []uuid.UUID
	// enc is the record encoded ahead of the write (see prepareAhead);
	// nil means encode it. Only a record straight from prepareAhead has
	// it: copies of stored records never do.
	enc []byte
}

func encodeStance(r *stanceRecord) []byte {
	// Sized for the whole record: growing it is most of its cost.
	n := 96 + len(r.Type) + len(r.Topic) + len(r.RetractReason)
	for _, ev := range r.Evidence {
		n += 32 + len(ev.Quote)
	}
	e := encoder{b: make([]byte, 0, n)}
	e.byte(recordVersion)
	var flags byte
	if r.Retracted {
		flags |= flagRetracted
	}
	e.byte(flags)
	e.i32(int32(r.effDate))
	e.id(r.ID)
	e.id(r.Subject)
	e.id(r.Object)
	e.str(r.Type)
	e.str(r.Topic)
	e.i32(int32(r.Date))
	e.f64(r.Confidence)
	e.str(r.RetractReason)
	e.uvarint(uint64(len(r.Evidence)))
	for _, ev := range r.Evidence {
		e.id(ev.DocumentID)
		e.str(ev.Quote)
		e.uvarint(uint64(ev.Start))
		e.uvarint(uint64(ev.End))
	}
	e.references(r.References)
	e.measures(r.Event)
	return e.b
}

// stanceHeader reads the fixed header of an encoded stance without decoding it.
func stanceHeader(b []byte) (live bool, eff Date, ok bool) {
	if len(b) < 6 || b[0] != recordVersion {
		return false, 0, false
	}
	return b[1]&flagRetracted == 0, Date(int32(binary.BigEndian.Uint32(b[2:6]))), true
}

func decodeStance(b []byte) (*stanceRecord, error) {
	d := decoder{b: b}
	if d.byte() != recordVersion {
		return nil, fmt.Errorf("%w: unknown stance record version", errCorrupt)
	}
	r := &stanceRecord{}
	flags := d.byte()
	r.Retracted = flags&flagRetracted != 0
	r.effDate = Date(d.i32())
	r.ID = d.id()
	r.Subject = d.id()
	r.Object = d.id()
	r.Type = d.str()
	r.Topic = d.str()
	r.Date = Date(d.i32())
	r.Confidence = d.f64()
	r.RetractReason = d.str()
	n := d.uvarint()
	if n > uint64(len(d.b)) {
		d.fail()
	}
	for i := uint64(0); i < n && d.err == nil; i++ {
		var ev Evidence
		ev.DocumentID = d.id()
		ev.Quote = d.str()
		ev.Start = int(d.uvarint())
		ev.End = int(d.uvarint())
		r.Evidence = append(r.Evidence, ev)
	}
	d.extensions(&r.Stance)
	if d.err != nil {
		return nil, d.err
	}
	return r, nil
}

func encodeActor(a *Actor) []byte {
	e := encoder{b: make([]byte, 0, 64)}
	e.byte(recordVersion)
	e.id(a.ID)
	e.str(a.Name)
	e.str(string(a.Kind))
	e.uvarint(uint64(len(a.Aliases)))
	for _, s := range a.Aliases {
		e.str(s)
	}
	e.str(a.Country)
	e.str(a.Code)
	e.str(a.Wikidata)
	return e.b
}

func decodeActor(b []byte) (Actor, error) {
	d := decoder{b: b}
	if d.byte() != recordVersion {
		return Actor{}, fmt.Errorf("%w: unknown actor record version", errCorrupt)
	}
	var a Actor
	a.ID = d.id()
	a.Name = d.str()
	a.Kind = ActorKind(d.str())
	n := d.uvarint()
	if n > uint64(len(d.b)) {
		d.fail()
	}
	a.Aliases = make([]string, 0, n)
	for i := uint64(0); i < n && d.err == nil; i++ {
		a.Aliases = append(a.Aliases, d.str())
	}
	a.Country = d.str()
	a.Code = d.str()
	a.Wikidata = d.str()
	return a, d.err
}

func encodeDocument(doc *Document) []byte {
	e := encoder{b: make([]byte, 0, 64+len(doc.Text))}
	e.byte(recordVersion)
	e.id(doc.ID)
	e.str(doc.Title)
	e.str(doc.Source)
	e.str(doc.URL)
	e.i32(int32(doc.Date))
	e.str(doc.Text)
	return e.b
}

func decodeDocument(b []byte) (Document, error) {
	d := decoder{b: b}
	if d.byte() != recordVersion {
		return Document{}, fmt.Errorf("%w: unknown document record version", errCorrupt)
	}
	var doc Document
	doc.ID = d.id()
	doc.Title = d.str()
	doc.Source = d.str()
	doc.URL = d.str()
	doc.Date = Date(d.i32())
	doc.Text = d.str()
	return doc, d.err
}
