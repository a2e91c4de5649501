package events

import (
	"errors"
	"fmt"
	"io"
	"net/url"
	"strconv"
	"strings"

	"github.com/stancegraph/stancegraph/stance"
)

// gdelt2Columns are the 61 columns of a GDELT 2.0 event export, in order
// (GDELT 2.0 Event Codebook). GDELT 1.0 lacks the three *_ADM2Code
// columns (58), and its historical backfiles SOURCEURL too (57).
var gdelt2Columns = strings.Fields(`GLOBALEVENTID SQLDATE MonthYear Year FractionDate
	Actor1Code Actor1Name Actor1CountryCode Actor1KnownGroupCode Actor1EthnicCode Actor1Religion1Code Actor1Religion2Code Actor1Type1Code Actor1Type2Code Actor1Type3Code
	Actor2Code Actor2Name Actor2CountryCode Actor2KnownGroupCode Actor2EthnicCode Actor2Religion1Code Actor2Religion2Code Actor2Type1Code Actor2Type2Code Actor2Type3Code
	IsRootEvent EventCode EventBaseCode EventRootCode QuadClass GoldsteinScale NumMentions NumSources NumArticles AvgTone
	Actor1Geo_Type Actor1Geo_FullName Actor1Geo_CountryCode Actor1Geo_ADM1Code Actor1Geo_ADM2Code Actor1Geo_Lat Actor1Geo_Long Actor1Geo_FeatureID
	Actor2Geo_Type Actor2Geo_FullName Actor2Geo_CountryCode Actor2Geo_ADM1Code Actor2Geo_ADM2Code Actor2Geo_Lat Actor2Geo_Long Actor2Geo_FeatureID
	ActionGeo_Type ActionGeo_FullName ActionGeo_CountryCode ActionGeo_ADM1Code ActionGeo_ADM2Code ActionGeo_Lat ActionGeo_Long ActionGeo_FeatureID
	DATEADDED SOURCEURL`)

// gdeltLayouts index the columns of each GDELT row shape by field count.
var gdeltLayouts = map[int]map[string]int{
	61: columnIndex(gdelt2Columns),
	58: columnIndex(without(gdelt2Columns, "Actor1Geo_ADM2Code", "Actor2Geo_ADM2Code", "ActionGeo_ADM2Code")),
	57: columnIndex(without(gdelt2Columns, "Actor1Geo_ADM2Code", "Actor2Geo_ADM2Code", "ActionGeo_ADM2Code", "SOURCEURL")),
}

func without(cols []string, drop ...string) []string {
	var out []string
	for _, c := range cols {
		if !contains(drop, c) {
			out = append(out, c)
		}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func columnIndex(cols []string) map[string]int {
	m := make(map[string]int, len(cols))
	for i, c := range cols {
		m[c] = i
	}
	return m
}

// gdeltReader reads GDELT 1.0 and 2.0 event files: tab-separated, no
// header, each row's shape told by its field count.
type gdeltReader struct{ l *lines }

// NewGDELT returns a Reader of a GDELT 1.0 or 2.0 event file.
func NewGDELT(r io.Reader) Reader { return &gdeltReader{l: newLines(r)} }

func (g *gdeltReader) Next() (Event, error) {
	s, err := g.l.next()
	if err != nil {
		return Event{}, err
	}
	if g.l.line == 1 && strings.HasPrefix(s, "GLOBALEVENTID\t") {
		return g.Next() // a header row, as some copies of the files have
	}
	f := strings.Split(s, "\t")
	cols, ok := gdeltLayouts[len(f)]
	if !ok {
		return Event{}, g.l.rowErr("%d tab-separated fields, want 57 or 58 (GDELT 1.0) or 61 (GDELT 2.0)", len(f))
	}
	row := gdeltRow{f: f, cols: cols}
	ev := Event{Line: g.l.line, Sources: row.party("Actor1"), Targets: row.party("Actor2")}
	ev.Ref = stance.Reference{Dataset: "GDELT", Record: row.get("GLOBALEVENTID"), URL: row.get("SOURCEURL")}
	ev.Ref.Publisher = publisher(ev.Ref.URL)
	ev.Code = row.get("EventCode")
	m := &ev.Measures
	m.EventCode = ev.Code
	m.Location = stance.Location{Name: row.get("ActionGeo_FullName"), Country: row.get("ActionGeo_CountryCode")}
	ev.Date, err = stance.ParseDate(compactDate(row.get("SQLDATE")))
	if err != nil {
		return Event{}, g.l.rowErr("SQLDATE %q: want YYYYMMDD", row.get("SQLDATE"))
	}
	for _, p := range []func() error{
		func() error { return digits("GLOBALEVENTID", ev.Ref.Record, 1, 20) },
		func() error { return digits("EventCode", ev.Code, 3, 4) },
		func() error { return row.int("QuadClass", &m.QuadClass) },
		func() error { return row.float("GoldsteinScale", &m.Goldstein, &m.HasGoldstein) },
		func() error { return row.int("NumMentions", &m.Mentions) },
		func() error { return row.int("NumSources", &m.Sources) },
		func() error { return row.int("NumArticles", &m.Articles) },
		func() error { return row.float("AvgTone", &m.Tone, &m.HasTone) },
		func() error { return row.point("ActionGeo", &m.Location) },
	} {
		if err := p(); err != nil {
			return Event{}, &RowError{Line: g.l.line, Err: err}
		}
	}
	return ev, nil
}

// gdeltRow reads the fields of one row by column name.
type gdeltRow struct {
	f    []string
	cols map[string]int
}

func (r gdeltRow) get(col string) string {
	if i, ok := r.cols[col]; ok {
		return strings.TrimSpace(r.f[i])
	}
	return ""
}

func (r gdeltRow) int(col string, dst *int) error {
	s := r.get(col)
	if s == "" {
		return nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		return fmt.Errorf("%s %q: want a whole number", col, s)
	}
	*dst = n
	return nil
}

func (r gdeltRow) float(col string, dst *float64, has *bool) error {
	s := r.get(col)
	if s == "" {
		return nil
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return fmt.Errorf("%s %q: want a number", col, s)
	}
	*dst, *has = v, true
	return nil
}

func (r gdeltRow) point(prefix string, loc *stance.Location) error {
	lat, long := r.get(prefix+"_Lat"), r.get(prefix+"_Long")
	if lat == "" || long == "" {
		return nil
	}
	var ok bool
	if err := r.float(prefix+"_Lat", &loc.Latitude, &ok); err != nil {
		return err
	}
	if err := r.float(prefix+"_Long", &loc.Longitude, &ok); err != nil {
		return err
	}
	loc.HasPoint = true
	return nil
}

// party reads Actor1 or Actor2; nil when the row has no such actor.
func (r gdeltRow) party(prefix string) []Party {
	code, name := r.get(prefix+"Code"), r.get(prefix+"Name")
	if code == "" && name == "" {
		return nil
	}
	return []Party{{Code: strings.ToUpper(code), Name: name, Country: r.get(prefix + "CountryCode")}}
}

// compactDate turns YYYYMMDD into YYYY-MM-DD.
func compactDate(s string) string {
	if len(s) != 8 {
		return s
	}
	return s[:4] + "-" + s[4:6] + "-" + s[6:]
}

var errDigits = errors.New("want digits")

// digits checks that s is min to max decimal digits.
func digits(field, s string, lo, hi int) error {
	if len(s) < lo || len(s) > hi {
		return fmt.Errorf("%s %q: want %d to %d digits", field, s, lo, hi)
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return fmt.Errorf("%s %q: %w", field, s, errDigits)
		}
	}
	return nil
}

// publisher is the host of a source URL: GDELT names no publisher.
func publisher(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return ""
	}
	return strings.TrimPrefix(u.Hostname(), "www.")
}
