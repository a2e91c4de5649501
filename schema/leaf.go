package schema

import (
	"bytes"

	"github.com/graphql-go/graphql"

	"github.com/stancegraph/stancegraph/stance"
)

// A notebook answer is mostly leaves: names, quotes, IDs, dates and stance
// types. graphql-go's Serialize boxes each one, and for String and ID
// copies it through fmt.Sprintf("%v"); for a Date it formats a string
// first. The fast path writes the values it knows straight into the
// answer, in the bytes Serialize and encode would give, and leaves the
// rest to Serialize.

// leafWriter writes v, a value of one scalar or enum type, as JSON; it
// reports false, having written nothing, for a value it does not know.
type leafWriter func(buf *bytes.Buffer, v interface{}) bool

// scalarWriters are the writers of scalars by name: graphql-go's String
// and ID serialize a Go string as itself, the schema's Date a stance.Date
// as YYYY-MM-DD (serializeDate).
var scalarWriters = map[string]leafWriter{
	"String": writePlainString,
	"ID":     writePlainString,
	"Date":   writeDate,
}

// leafWriterOf returns the writer of a field's named leaf type, or nil.
func leafWriterOf(t graphql.Named) leafWriter {
	switch t := t.(type) {
	case *graphql.Scalar:
		return scalarWriters[t.Name()]
	case *graphql.Enum:
		return enumWriter(t)
	}
	return nil
}

func writePlainString(buf *bytes.Buffer, v interface{}) bool {
	s, ok := stringOf(v)
	if ok {
		writeString(buf, s)
	}
	return ok
}

// stringOf is v as a string, given as one or as a pointer to one: the
// resolvers return pointers into their values (see package resolvers,
// optStringAt), which graphql-go's serializers take as well.
func stringOf(v interface{}) (string, bool) {
	switch s := v.(type) {
	case string:
		return s, true
	case *string:
		if s != nil {
			return *s, true
		}
	}
	return "", false
}

// writeDate writes a set stance.Date, or a pointer to one; serializeDate
// makes the zero Date null, which Serialize's path handles.
func writeDate(buf *bytes.Buffer, v interface{}) bool {
	d, ok := v.(stance.Date)
	if p, isPtr := v.(*stance.Date); isPtr && p != nil {
		d, ok = *p, true
	}
	if !ok || d.IsZero() {
		return false
	}
	buf.WriteByte('"')
	buf.Write(d.Time().AppendFormat(buf.AvailableBuffer(), dateLayout))
	buf.WriteByte('"')
	return true
}

// dateLayout is stance.Date's String layout.
const dateLayout = "2006-01-02"

// enumWriter writes the names of t's values given as Go strings, looked
// up as graphql-go's Enum.Serialize does (a later value of the same Go
// value wins).
func enumWriter(t *graphql.Enum) leafWriter {
	names := map[string]string{}
	for _, v := range t.Values() {
		if s, ok := v.Value.(string); ok {
			names[s] = v.Name
		}
	}
	return func(buf *bytes.Buffer, v interface{}) bool {
		s, ok := stringOf(v)
		if !ok {
			return false
		}
		name, ok := names[s]
		if ok {
			writeString(buf, name)
		}
		return ok
	}
}
