package graph

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"unsafe"

	"github.com/google/uuid"

	"github.com/stancegraph/stancegraph/graph/internal/keys"
)

// Records are encoded in a compact binary form: a version byte, then fields
// in a fixed order, strings as uvarint length + bytes. Stance values start
// with a fixed header (version, flags, effective date) so that scans can
// filter by liveness and date without decoding the rest; the version byte
// says which of the stance layouts below a value is in.

// recordVersion is the version of actor and document records, and of the
// whole stance records of layout 1, which stored the record three times
// (in S, O and I).
const recordVersion = 1

// The stance values of layout 2, which stores the record once, in the
// outgoing adjacency entry (see keys): the rest point to it.
const (
	// stanceOut is an O value: the header, then the fields its key does
	// not hold (it holds the ID, subject, type and object).
	stanceOut = 2
	// stanceIn is an I value: the header alone. An incoming page reads
	// the record from the O entry its key names.
	stanceIn = 3
	// stanceRef is an S value: subject, object and type, which with the
	// ID name the O entry. A stance by ID is the rare read.
	stanceRef = 4
	// stanceHeld is an S value as a bulk load keeps it in memory until the
	// commit: the reference followed by the O value, so that a write
	// reads back what it has not committed yet. It is never stored.
	stanceHeld = 5
)

// Stance flags, in the header's second byte.
const (
	flagRetracted = 1
	// flagOwnDate: the stance's date differs from its effective date and
	// follows the topic (layout 2; otherwise the two are equal).
	flagOwnDate = 2
	// flagSure: the confidence is 1 and is not stored (layout 2).
	flagSure = 4
	// flagTenThousandths: the confidence is a whole number of
	// ten-thousandths, stored as that number in 2 bytes rather than
	// as a float in 8 (layout 3): what a person or a model writes
	// down (0.85, 0.7325) is.
	flagTenThousandths = 8
)

// tenThousandths returns c as a whole number of ten-thousandths, false
// when that number does not give c back exactly.
func tenThousandths(c float64) (uint16, bool) {
	n := math.Round(c * 10000)
	if n < 1 || n > 10000 || n/10000 != c {
		return 0, false
	}
	return uint16(n), true
}

// stanceHeaderLen is the length of a stance value's fixed header.
const stanceHeaderLen = 6

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
	// text, when not nil, is where str and id put the bytes of the strings
	// they return, so that one record's strings share one allocation
	// rather than taking one each (see shareText). Bytes once handed out
	// are never written again, so the strings stay immutable even when an
	// append moves text to a larger array.
	text []byte
	// arena, when not nil, holds the evidence lists of the page being
	// decoded (see pageArena).
	arena *pageArena
}

// evidenceRoom returns an empty evidence list with room for n items, in
// d's page arena when it has one.
func (d *decoder) evidenceRoom(n int) []Evidence {
	if d.arena == nil {
		return make([]Evidence, 0, n)
	}
	return d.arena.evidence(n)
}

// shareText makes d's strings share one backing array sized for a
// record of n bytes holding extra bytes of text from elsewhere (IDs its
// key gave). A page read decodes many small strings per stance; one
// allocation for all of a record's text in place of one for each
// string cuts the allocator's and the collector's work for every page.
func (d *decoder) shareText(n, extra int) {
	d.text = make([]byte, 0, n+extra+textSlack)
}

// textSlack is the room left in a shared text array beyond the record's
// own length for the one thing that grows in decoding: an ID is 16
// bytes stored and 36 as text, 20 more for the document ID of one cited
// document.
const textSlack = uuidTextLen - 16

// uuidTextLen is the length of a UUID in its canonical text form.
const uuidTextLen = 36

// keep returns b's bytes as a string: a copy, since nothing outlives the
// transaction's buffer, into the shared text array when there is one.
func (d *decoder) keep(b []byte) string {
	if d.text == nil {
		return string(b)
	}
	if len(b) == 0 {
		return ""
	}
	start := len(d.text)
	d.text = append(d.text, b...)
	return unsafe.String(&d.text[start], len(b))
}

// idText returns the canonical text form of the 16-byte UUID u, in the
// shared text array when there is one.
func (d *decoder) idText(u []byte) string {
	if d.text == nil || len(u) != 16 {
		v, _ := uuid.FromBytes(u)
		return v.String()
	}
	start := len(d.text)
	d.text = appendUUID(d.text, u)
	return unsafe.String(&d.text[start], uuidTextLen)
}

// roleText is idText for the subject or object (run) of a stance: in a
// page, the text made for the stance before when it had the same actor
// in that role. An actor's outgoing page shares one subject, and its
// stances toward one object sit together, so most of a page's actor IDs
// were written again, 36 bytes and an appendUUID each.
func (d *decoder) roleText(run int, u []byte) string {
	if d.arena == nil || d.text == nil || len(u) != 16 {
		return d.idText(u)
	}
	r := &d.arena.runs[run]
	if r.text != "" && [16]byte(u) == r.id {
		return r.text
	}
	r.id, r.text = [16]byte(u), d.idText(u)
	return r.text
}

// appendUUID appends the canonical text form (8-4-4-4-12 lower-case hex
// digits) of the 16-byte UUID u to dst. It makes room for the 36 bytes
// once and writes them eight digits at a time (hexDigits): a page decodes
// some 80 IDs, and 36 appends an ID, each checking dst's capacity, took 3%
// of a notebook request's CPU.
func appendUUID(dst, u []byte) []byte {
	n := len(dst)
	if cap(dst)-n < uuidTextLen {
		grown := make([]byte, n, 2*cap(dst)+uuidTextLen)
		copy(grown, dst)
		dst = grown
	}
	dst = dst[:n+uuidTextLen]
	t := dst[n : n+uuidTextLen : n+uuidTextLen]
	be := binary.BigEndian
	_ = u[15]
	be.PutUint64(t[0:8], hexDigits(be.Uint32(u[0:4])))
	h := hexDigits(be.Uint32(u[4:8]))
	be.PutUint32(t[9:13], uint32(h>>32))
	be.PutUint32(t[14:18], uint32(h))
	h = hexDigits(be.Uint32(u[8:12]))
	be.PutUint32(t[19:23], uint32(h>>32))
	be.PutUint32(t[24:28], uint32(h))
	be.PutUint64(t[28:36], hexDigits(be.Uint32(u[12:16])))
	t[8], t[13], t[18], t[23] = '-', '-', '-', '-'
	return dst
}

// hexDigits is the eight lower-case hex digits of x, most significant
// first when written big-endian: each nibble spread into a byte of its
// own, then '0' added to all and 'a'-'0'-10 more to those past 9, with no
// table and no branch.
func hexDigits(x uint32) uint64 {
	v := uint64(x)
	v = (v | v<<16) & 0x0000ffff0000ffff
	v = (v | v<<8) & 0x00ff00ff00ff00ff
	v = (v | v<<4) & 0x0f0f0f0f0f0f0f0f
	past9 := ((v + 0x0606060606060606) >> 4) & 0x0101010101010101
	return v + 0x3030303030303030 + past9*('a'-'0'-10)
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
	s := d.keep(d.b[:n])
	d.b = d.b[n:]
	return s
}

func (d *decoder) id() string {
	if len(d.b) < 16 {
		d.fail()
		return ""
	}
	s := d.idText(d.b[:16])
	d.b = d.b[16:]
	return s
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

func (d *decoder) u16() uint16 {
	if len(d.b) < 2 {
		d.fail()
		return 0
	}
	v := binary.BigEndian.Uint16(d.b)
	d.b = d.b[2:]
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
	// enc is the record's O value encoded ahead of the write (see
	// prepareAhead); nil means encode it. Only a record straight from prepareAhead has
	// it: copies of stored records never do.
	enc []byte
	// writes is what writeStance writes for the record as a new stance,
	// built ahead with enc; nil means build it. As enc, only a record
	// straight from prepareAhead has it.
	writes *stanceWrites
}

// encodeOut encodes r as its O value (layout 2): the header, then what
// the O key does not hold.
func encodeOut(r *stanceRecord) []byte { return encodeOutWith(r, true) }

// encodeOutWith is encodeOut, with the confidence in 8 bytes always
// unless short (as layout 2 stored it).
func encodeOutWith(r *stanceRecord, short bool) []byte {
	// Sized for the whole value: growing it is most of its cost.
	n := 48 + len(r.Topic) + len(r.RetractReason)
	for _, ev := range r.Evidence {
		n += 32 + len(ev.Quote)
	}
	e := encoder{b: make([]byte, 0, n)}
	e.header(stanceOut, r)
	n16, whole := tenThousandths(r.Confidence)
	if whole && short && r.Confidence != 1 {
		e.b[1] |= flagTenThousandths
	}
	e.str(r.Topic)
	if r.Date != r.effDate {
		e.i32(int32(r.Date))
	}
	switch {
	case r.Confidence == 1:
	case whole && short:
		e.b = binary.BigEndian.AppendUint16(e.b, n16)
	default:
		e.f64(r.Confidence)
	}
	e.str(r.RetractReason)
	e.evidence(r.Evidence)
	e.references(r.References)
	e.measures(r.Event)
	return e.b
}

// evidence encodes a stance's evidence list, as decoder.evidence reads it.
func (e *encoder) evidence(evs []Evidence) {
	e.uvarint(uint64(len(evs)))
	for _, ev := range evs {
		e.id(ev.DocumentID)
		e.str(ev.Quote)
		e.uvarint(uint64(ev.Start))
		e.uvarint(uint64(ev.End))
	}
}

// header writes a stance value's fixed header in layout version v.
func (e *encoder) header(v byte, r *stanceRecord) {
	e.byte(v)
	var flags byte
	if r.Retracted {
		flags |= flagRetracted
	}
	if v == stanceOut && r.Date != r.effDate {
		flags |= flagOwnDate
	}
	if v == stanceOut && r.Confidence == 1 {
		flags |= flagSure
	}
	e.byte(flags)
	e.i32(int32(r.effDate))
}

// encodeIn encodes r as its I value: the header alone.
func encodeIn(r *stanceRecord) []byte {
	e := encoder{b: make([]byte, 0, stanceHeaderLen)}
	e.header(stanceIn, r)
	return e.b
}

// encodeRef encodes r as its S value: where its O entry is.
func encodeRef(r *stanceRecord) []byte {
	e := encoder{b: make([]byte, 0, 2+2*keys.IDLen+len(r.Type))}
	e.byte(stanceRef)
	e.id(r.Subject)
	e.id(r.Object)
	e.str(r.Type)
	return e.b
}

// heldValue is the S value a writer keeps in memory: ref, marked held,
// followed by out, the O value.
func heldValue(ref, out []byte) []byte {
	b := make([]byte, 0, len(ref)+len(out))
	b = append(append(b, stanceHeld), ref[1:]...)
	return append(b, out...)
}

// parseRef splits an S value of layout 2 (stanceRef or stanceHeld) into
// its subject, object and type, and what follows them (the O value of a
// held one).
func parseRef(v []byte) (subj, obj []byte, typ string, rest []byte, err error) {
	if len(v) < 2+2*keys.IDLen || (v[0] != stanceRef && v[0] != stanceHeld) {
		return nil, nil, "", nil, fmt.Errorf("%w: malformed stance reference", errCorrupt)
	}
	subj, obj = v[1:1+keys.IDLen], v[1+keys.IDLen:1+2*keys.IDLen]
	d := decoder{b: v[1+2*keys.IDLen:]}
	typ = d.str()
	if d.err != nil || typ == "" {
		return nil, nil, "", nil, fmt.Errorf("%w: malformed stance reference", errCorrupt)
	}
	return subj, obj, typ, d.b, nil
}

// stanceHeader reads the fixed header of a stance value of either layout
// without decoding it.
func stanceHeader(b []byte) (live bool, eff Date, ok bool) {
	if len(b) < stanceHeaderLen || b[0] < recordVersion || b[0] > stanceIn {
		return false, 0, false
	}
	return b[1]&flagRetracted == 0, Date(int32(binary.BigEndian.Uint32(b[2:6]))), true
}

// decodeStance decodes a whole stance record of layout 1.
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
	d.evidence(&r.Stance)
	d.extensions(&r.Stance)
	if d.err != nil {
		return nil, d.err
	}
	return r, nil
}

// decodeOut decodes an O value of layout 2 into the stance whose ID,
// subject, type and object its key gave.
func decodeOut(b []byte, id, subj []byte, typ string, obj []byte) (*stanceRecord, error) {
	d := decoder{b: b}
	d.shareText(len(b), 3*uuidTextLen)
	r := &stanceRecord{}
	if err := d.out(r, id, subj, typ, obj); err != nil {
		return nil, err
	}
	return r, nil
}

// out decodes an O value of layout 2 into r, the stance whose ID,
// subject, type and object its key gave.
func (d *decoder) out(r *stanceRecord, id, subj []byte, typ string, obj []byte) error {
	if d.byte() != stanceOut {
		return fmt.Errorf("%w: stance %s: not an outgoing entry", errCorrupt, idString(id))
	}
	r.Stance = Stance{ID: d.idText(id), Subject: d.roleText(subjectRun, subj), Type: typ, Object: d.roleText(objectRun, obj)}
	flags := d.byte()
	r.Retracted = flags&flagRetracted != 0
	r.effDate = Date(d.i32())
	r.Topic = d.str()
	r.Date = r.effDate
	if flags&flagOwnDate != 0 {
		r.Date = Date(d.i32())
	}
	switch {
	case flags&flagSure != 0:
		r.Confidence = 1
	case flags&flagTenThousandths != 0:
		r.Confidence = float64(d.u16()) / 10000
	default:
		r.Confidence = d.f64()
	}
	r.RetractReason = d.str()
	d.evidence(&r.Stance)
	d.extensions(&r.Stance)
	return d.err
}

// evidence decodes a stance's evidence list.
func (d *decoder) evidence(st *Stance) {
	n := d.uvarint()
	if n > uint64(len(d.b)) {
		d.fail()
	}
	if n > 0 && d.err == nil {
		st.Evidence = d.evidenceRoom(int(n))
	}
	for i := uint64(0); i < n && d.err == nil; i++ {
		var ev Evidence
		ev.DocumentID = d.id()
		ev.Quote = d.str()
		ev.Start = int(d.uvarint())
		ev.End = int(d.uvarint())
		st.Evidence = append(st.Evidence, ev)
	}
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
