package graph

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode/utf8"
)

// fromEvent reports whether s cites a record of dataset ("" for any) and
// its measures have quadClass (0 for any).
func fromEvent(s *Stance, dataset string, quadClass int) bool {
	if quadClass != 0 && (s.Event == nil || s.Event.QuadClass != quadClass) {
		return false
	}
	if dataset == "" {
		return true
	}
	return slices.ContainsFunc(s.References, func(r Reference) bool { return strings.EqualFold(r.Dataset, dataset) })
}

// Bounds of reference fields: datasets' IDs and URLs are short, and each
// field is stored in every stance record citing it.
const (
	maxRefField = 2048
)

// checkReferences refuses references without dataset or record, with
// fields that are not UTF-8 or too long, and measures out of range.
func checkReferences(refs []Reference, m *Measures) error {
	for i, r := range refs {
		if r.Dataset == "" || r.Record == "" {
			return fmt.Errorf("%w: reference %d: dataset and record are required", ErrInvalidInput, i+1)
		}
		for _, f := range []struct{ name, v string }{{"dataset", r.Dataset}, {"record", r.Record}, {"story", r.Story}, {"url", r.URL}, {"publisher", r.Publisher}} {
			if !utf8.ValidString(f.v) || len(f.v) > maxRefField {
				return fmt.Errorf("%w: reference %d: %s must be valid UTF-8 of at most %d bytes", ErrInvalidInput, i+1, f.name, maxRefField)
			}
		}
		if r.Sentence < 0 {
			return fmt.Errorf("%w: reference %d: sentence %d is negative", ErrInvalidInput, i+1, r.Sentence)
		}
	}
	if m == nil {
		return nil
	}
	switch {
	case m.HasGoldstein && (math.IsNaN(m.Goldstein) || m.Goldstein < -10 || m.Goldstein > 10):
		return fmt.Errorf("%w: goldstein %v is outside -10..10", ErrInvalidInput, m.Goldstein)
	case m.QuadClass < 0 || m.QuadClass > 4:
		return fmt.Errorf("%w: quad class %d is not 1..4", ErrInvalidInput, m.QuadClass)
	case m.Mentions < 0 || m.Sources < 0 || m.Articles < 0:
		return fmt.Errorf("%w: mention, source and article counts must not be negative", ErrInvalidInput)
	case m.HasTone && (math.IsNaN(m.Tone) || math.IsInf(m.Tone, 0)):
		return fmt.Errorf("%w: tone %v is not a number", ErrInvalidInput, m.Tone)
	case m.Location.HasPoint && (math.IsNaN(m.Location.Latitude) || math.Abs(m.Location.Latitude) > 90 || math.IsNaN(m.Location.Longitude) || math.Abs(m.Location.Longitude) > 180):
		return fmt.Errorf("%w: location %v, %v is not a latitude and longitude", ErrInvalidInput, m.Location.Latitude, m.Location.Longitude)
	}
	for _, f := range []string{m.EventCode, m.Location.Name, m.Location.Country} {
		if !utf8.ValidString(f) || len(f) > maxRefField {
			return fmt.Errorf("%w: event measures: a text field is not valid UTF-8 of at most %d bytes", ErrInvalidInput, maxRefField)
		}
	}
	return nil
}

// mergeReferences adds the references of add that have holds not, by
// dataset and record, and reports how many it added.
func mergeReferences(have *[]Reference, add []Reference) int {
	n := 0
	for _, r := range add {
		if !slices.ContainsFunc(*have, func(h Reference) bool { return h.Dataset == r.Dataset && h.Record == r.Record }) {
			*have = append(*have, r)
			n++
		}
	}
	return n
}

// Record extension tags: sections that may follow a stance record's
// evidence. Decoders of older versions stop before them, so stores written
// with them stay readable (without the sections) by older binaries, and
// records without them read as before.
const (
	extReferences byte = 1
	extMeasures   byte = 2
)

const (
	measGoldstein byte = 1 << iota
	measTone
	measPoint
)

func (e *encoder) references(refs []Reference) {
	if len(refs) == 0 {
		return
	}
	e.byte(extReferences)
	e.uvarint(uint64(len(refs)))
	for _, r := range refs {
		e.str(r.Dataset)
		e.str(r.Record)
		e.str(r.Story)
		e.uvarint(uint64(r.Sentence))
		e.str(r.URL)
		e.str(r.Publisher)
	}
}

func (e *encoder) measures(m *Measures) {
	if m == nil {
		return
	}
	e.byte(extMeasures)
	var flags byte
	if m.HasGoldstein {
		flags |= measGoldstein
	}
	if m.HasTone {
		flags |= measTone
	}
	if m.Location.HasPoint {
		flags |= measPoint
	}
	e.byte(flags)
	e.str(m.EventCode)
	e.f64(m.Goldstein)
	e.uvarint(uint64(m.QuadClass))
	e.uvarint(uint64(m.Mentions))
	e.uvarint(uint64(m.Sources))
	e.uvarint(uint64(m.Articles))
	e.f64(m.Tone)
	e.str(m.Location.Name)
	e.str(m.Location.Country)
	e.f64(m.Location.Latitude)
	e.f64(m.Location.Longitude)
}

// extensions decodes the sections after a stance record's evidence.
func (d *decoder) extensions(s *Stance) {
	for len(d.b) > 0 && d.err == nil {
		switch d.byte() {
		case extReferences:
			n := d.uvarint()
			if n > uint64(len(d.b)) {
				d.fail()
			}
			for i := uint64(0); i < n && d.err == nil; i++ {
				var r Reference
				r.Dataset = d.str()
				r.Record = d.str()
				r.Story = d.str()
				r.Sentence = int(d.uvarint())
				r.URL = d.str()
				r.Publisher = d.str()
				s.References = append(s.References, r)
			}
		case extMeasures:
			flags := d.byte()
			m := &Measures{HasGoldstein: flags&measGoldstein != 0, HasTone: flags&measTone != 0}
			m.Location.HasPoint = flags&measPoint != 0
			m.EventCode = d.str()
			m.Goldstein = d.f64()
			m.QuadClass = int(d.uvarint())
			m.Mentions = int(d.uvarint())
			m.Sources = int(d.uvarint())
			m.Articles = int(d.uvarint())
			m.Tone = d.f64()
			m.Location.Name = d.str()
			m.Location.Country = d.str()
			m.Location.Latitude = d.f64()
			m.Location.Longitude = d.f64()
			s.Event = m
		default:
			d.fail()
		}
	}
}
