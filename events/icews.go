package events

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/stancegraph/stancegraph/stance"
)

// icewsColumns are the columns of an ICEWS Dataverse event file that the
// reader needs; the file's header row says where each is.
var icewsColumns = []string{"Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country",
	"CAMEO Code", "Intensity", "Target Name", "Target Sectors", "Target Country",
	"Story ID", "Sentence Number", "Publisher", "City", "District", "Province", "Country", "Latitude", "Longitude"}

// icewsReader reads ICEWS Dataverse .tab files: tab-separated with a
// header row, missing values empty or "NA".
type icewsReader struct {
	l    *lines
	cols map[string]int
	n    int // fields per row, from the header
	c    *cameo
}

// NewICEWS returns a Reader of an ICEWS Dataverse event file.
func NewICEWS(r io.Reader) Reader { return &icewsReader{l: newLines(r), c: newCAMEO()} }

func (ir *icewsReader) header() error {
	s, err := ir.l.next()
	if err != nil {
		return err
	}
	f := strings.Split(s, "\t")
	ir.cols, ir.n = columnIndex(f), len(f)
	for _, c := range icewsColumns {
		if _, ok := ir.cols[c]; !ok {
			return fmt.Errorf("line %d: the ICEWS header has no column %q", ir.l.line, c)
		}
	}
	return nil
}

func (ir *icewsReader) Next() (Event, error) {
	if ir.cols == nil {
		if err := ir.header(); err != nil {
			return Event{}, err
		}
	}
	s, err := ir.l.next()
	if err != nil {
		return Event{}, err
	}
	f := strings.Split(s, "\t")
	if len(f) != ir.n {
		return Event{}, ir.l.rowErr("%d tab-separated fields, the header has %d", len(f), ir.n)
	}
	get := func(col string) string {
		v := strings.TrimSpace(f[ir.cols[col]])
		if v == "NA" {
			return ""
		}
		return v
	}
	ev := Event{Line: ir.l.line, Code: get("CAMEO Code")}
	ev.Sources = ir.party(get("Source Name"), get("Source Sectors"), get("Source Country"))
	ev.Targets = ir.party(get("Target Name"), get("Target Sectors"), get("Target Country"))
	ev.Ref = stance.Reference{Dataset: "ICEWS", Record: get("Event ID"), Story: get("Story ID"), Publisher: get("Publisher")}
	if ev.Date, err = stance.ParseDate(get("Event Date")); err != nil {
		return Event{}, ir.l.rowErr("Event Date %q: want YYYY-MM-DD", get("Event Date"))
	}
	if err := digits("Event ID", ev.Ref.Record, 1, 20); err != nil {
		return Event{}, &RowError{Line: ir.l.line, Err: err}
	}
	if err := digits("CAMEO Code", ev.Code, 3, 4); err != nil {
		return Event{}, &RowError{Line: ir.l.line, Err: err}
	}
	if s := get("Sentence Number"); s != "" {
		if ev.Ref.Sentence, err = strconv.Atoi(s); err != nil || ev.Ref.Sentence < 0 {
			return Event{}, ir.l.rowErr("Sentence Number %q: want a whole number", s)
		}
	}
	m := &ev.Measures
	m.EventCode = ev.Code
	m.QuadClass = quadClass(ev.Code)
	var place []string
	for _, c := range []string{"City", "District", "Province", "Country"} {
		if v := get(c); v != "" {
			place = append(place, v)
		}
	}
	m.Location = stance.Location{Name: strings.Join(place, ", "), Country: get("Country")}
	row := gdeltRow{f: f, cols: map[string]int{"Intensity": ir.cols["Intensity"], "Latitude": ir.cols["Latitude"], "Longitude": ir.cols["Longitude"]}}
	for i := range row.f {
		if row.f[i] == "NA" {
			row.f[i] = ""
		}
	}
	if err := row.float("Intensity", &m.Goldstein, &m.HasGoldstein); err != nil {
		return Event{}, &RowError{Line: ir.l.line, Err: err}
	}
	if lat, long := get("Latitude"), get("Longitude"); lat != "" && long != "" {
		var ok bool
		if err := row.float("Latitude", &m.Location.Latitude, &ok); err != nil {
			return Event{}, &RowError{Line: ir.l.line, Err: err}
		}
		if err := row.float("Longitude", &m.Location.Longitude, &ok); err != nil {
			return Event{}, &RowError{Line: ir.l.line, Err: err}
		}
		m.Location.HasPoint = true
	}
	return ev, nil
}

// party reads an ICEWS actor: ICEWS names actors but gives no codes.
func (ir *icewsReader) party(name, sectors, country string) []Party {
	if name == "" {
		return nil
	}
	p := Party{Name: name, Country: ir.c.countryByName(country)}
	if sectors != "" {
		p.Sectors = strings.Split(sectors, ",")
	}
	return []Party{p}
}

// quadClass is GDELT's QuadClass of a CAMEO event code, which ICEWS does
// not give: roots 01-05 verbal cooperation, 06-09 material cooperation,
// 10-14 verbal conflict, 15-20 material conflict.
func quadClass(code string) int {
	if len(code) < 2 {
		return 0
	}
	root, err := strconv.Atoi(code[:2])
	switch {
	case err != nil || root < 1 || root > 20:
		return 0
	case root <= 5:
		return 1
	case root <= 9:
		return 2
	case root <= 14:
		return 3
	}
	return 4
}
