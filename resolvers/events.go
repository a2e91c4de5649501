package resolvers

import (
	"github.com/stancegraph/stancegraph/stance"
)

// eventFields are the resolve functions of the types that extend the
// contract with evidence by reference and event measures (README, "Event
// data"). Counts and scores a dataset does not give resolve to null
// rather than to a zero that would read as measured.
func eventFields() fieldMap {
	return fieldMap{
		"Stance": {
			"references": field(stanceReferences),
			"event":      field(stanceEvent),
		},
		"EventReference": {
			"dataset":   field(func(r stance.Reference) any { return r.Dataset }),
			"record":    field(func(r stance.Reference) any { return r.Record }),
			"story":     field(func(r stance.Reference) any { return optString(r.Story) }),
			"sentence":  field(func(r stance.Reference) any { return optInt(r.Sentence) }),
			"url":       field(func(r stance.Reference) any { return optString(r.URL) }),
			"publisher": field(func(r stance.Reference) any { return optString(r.Publisher) }),
		},
		"EventMeasures": {
			"eventCode": field(func(m *stance.Measures) any { return optString(m.EventCode) }),
			"goldstein": field(func(m *stance.Measures) any { return optFloat(m.Goldstein, m.HasGoldstein) }),
			"quadClass": field(func(m *stance.Measures) any { return optInt(m.QuadClass) }),
			"mentions":  field(func(m *stance.Measures) any { return optInt(m.Mentions) }),
			"sources":   field(func(m *stance.Measures) any { return optInt(m.Sources) }),
			"articles":  field(func(m *stance.Measures) any { return optInt(m.Articles) }),
			"tone":      field(func(m *stance.Measures) any { return optFloat(m.Tone, m.HasTone) }),
			"location":  field(func(m *stance.Measures) any { return optLocation(m.Location) }),
		},
		"EventLocation": {
			"name":    field(func(l stance.Location) any { return optString(l.Name) }),
			"country": field(func(l stance.Location) any { return optString(l.Country) }),
			"lat":     field(func(l stance.Location) any { return optFloat(l.Latitude, l.HasPoint) }),
			"long":    field(func(l stance.Location) any { return optFloat(l.Longitude, l.HasPoint) }),
		},
	}
}

// stanceReferences keeps Stance.references a list when a stance has none.
func stanceReferences(s *stanceValue) any {
	if s.s.References == nil {
		return []stance.Reference{}
	}
	return s.s.References
}

// stanceEvent is null for a stance from text, not from an event.
func stanceEvent(s *stanceValue) any {
	if s.s.Event == nil {
		return nil
	}
	return s.s.Event
}

// optInt maps 0, a count or class the dataset did not give, to null.
func optInt(n int) any {
	if n == 0 {
		return nil
	}
	return n
}

// optFloat maps a measure the dataset did not give to null.
func optFloat(f float64, has bool) any {
	if !has {
		return nil
	}
	return f
}

// optLocation maps a location with nothing known to null.
func optLocation(l stance.Location) any {
	if l == (stance.Location{}) {
		return nil
	}
	return l
}
