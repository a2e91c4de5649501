package events

import (
	_ "embed"
	"strings"

	"github.com/stancegraph/stancegraph/stance"
)

//go:embed cameo/CAMEO.country.txt
var countryTable string

//go:embed cameo/CAMEO.type.txt
var typeTable string

// table is a CAMEO lookup table: code to label, and label to code.
type table struct {
	label map[string]string
	code  map[string]string // lower-case label -> code
}

func parseTable(text string) table {
	t := table{label: map[string]string{}, code: map[string]string{}}
	for i, line := range strings.Split(text, "\n") {
		code, label, ok := strings.Cut(strings.TrimRight(line, "\r"), "\t")
		if i == 0 || !ok {
			continue // the header
		}
		t.label[code] = label
		t.code[strings.ToLower(label)] = code
	}
	return t
}

// cameo holds the country and type tables.
type cameo struct {
	countries, types table
}

func newCAMEO() *cameo {
	return &cameo{countries: parseTable(countryTable), types: parseTable(typeTable)}
}

// segments splits an actor code into its three-letter parts.
func segments(code string) []string {
	var out []string
	for len(code) >= 3 {
		out = append(out, code[:3])
		code = code[3:]
	}
	if code != "" {
		out = append(out, code)
	}
	return out
}

// name derives an actor name from a CAMEO actor code: the country's name,
// then each role's ("AFGGOV" is "Afghanistan Government", "GOV" alone is
// "Government"). It fails when a part is in neither table (a known group
// such as TAL), where the dataset's own name for the actor serves.
func (c *cameo) name(code string) (string, bool) {
	var parts []string
	for i, s := range segments(code) {
		if l, ok := c.countries.label[s]; ok && i == 0 {
			parts = append(parts, l)
			continue
		}
		l, ok := c.types.label[s]
		if !ok {
			return "", false
		}
		parts = append(parts, l)
	}
	return strings.Join(parts, " "), len(parts) > 0
}

// country returns the country part of an actor code, if it has one.
func (c *cameo) country(code string) string {
	if len(code) >= 3 {
		if _, ok := c.countries.label[code[:3]]; ok {
			return code[:3]
		}
	}
	return ""
}

// countryByName returns the CAMEO code of a country name, as ICEWS gives
// countries by name.
func (c *cameo) countryByName(name string) string {
	return c.countries.code[strings.ToLower(strings.TrimSpace(name))]
}

// kindRules map a role code, or an ICEWS sector, to an actor kind; the
// first rule matching any role of the actor wins.
var kindRules = []struct {
	kind  stance.ActorKind
	roles []string
}{
	{stance.KindArmedGroup, []string{"REB", "INS", "SEP", "UAF", "IMG", "Rebel", "Insurgents", "Separatists"}},
	{stance.KindGovernment, []string{"GOV", "MIL", "COP", "JUD", "LEG", "SPY", "Government", "Executive", "Military", "Police"}},
	{stance.KindOrganization, []string{"IGO", "NGO", "MNC", "BUS", "MED", "UNO", "IRC", "AMN", "GRP", "Business", "Media", "International Government Organization", "Nongovernmental Organization"}},
}

// kind classifies an actor by its code, or by its sectors when the code
// says nothing: a bare country code is a state.
func (c *cameo) kind(code string, sectors []string) stance.ActorKind {
	roles := append(segments(code), sectors...)
	if c.country(code) != "" {
		roles = roles[1:]
	}
	for _, r := range kindRules {
		for _, role := range roles {
			for _, want := range r.roles {
				if strings.EqualFold(role, want) {
					return r.kind
				}
			}
		}
	}
	if len(code) == 3 && c.country(code) != "" {
		return stance.KindState
	}
	return stance.KindOther
}
