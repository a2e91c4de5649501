package extract

import (
	"strings"

	"github.com/stancegraph/stancegraph/stance"
)

// A state is often referred back to by its region ("the Caribbean
// nation", "the Gulf state") and a set of people by theirs ("the European
// leaders"). Regions follow the UN's geographic regions (M49), each a set
// of ISO 3166-1 alpha-3 codes, and hold the organizations of the region.

// regionStates maps a region's adjective to the codes of its states.
var regionStates = map[string]map[string]bool{
	"european": set("ALB", "AND", "AUT", "BLR", "BEL", "BIH", "BGR", "HRV", "CZE", "DNK", "EST", "FIN", "FRA", "DEU", "GRC",
		"HUN", "ISL", "IRL", "ITA", "XKX", "LVA", "LIE", "LTU", "LUX", "MLT", "MDA", "MCO", "MNE", "NLD", "MKD", "NOR", "POL",
		"PRT", "ROU", "RUS", "SMR", "SRB", "SVK", "SVN", "ESP", "SWE", "CHE", "UKR", "GBR", "VAT"),
	"caribbean": set("ATG", "BHS", "BRB", "CUB", "DMA", "DOM", "GRD", "HTI", "JAM", "KNA", "LCA", "VCT", "TTO"),
	"african": set("DZA", "AGO", "BEN", "BWA", "BFA", "BDI", "CPV", "CMR", "CAF", "TCD", "COM", "COG", "COD", "CIV", "DJI",
		"EGY", "GNQ", "ERI", "SWZ", "ETH", "GAB", "GMB", "GHA", "GIN", "GNB", "KEN", "LSO", "LBR", "LBY", "MDG", "MWI", "MLI",
		"MRT", "MUS", "MAR", "MOZ", "NAM", "NER", "NGA", "RWA", "STP", "SEN", "SYC", "SLE", "SOM", "ZAF", "SSD", "SDN", "TZA",
		"TGO", "TUN", "UGA", "ZMB", "ZWE"),
	"gulf":             set("SAU", "ARE", "QAT", "KWT", "BHR", "OMN"),
	"balkan":           set("ALB", "BIH", "BGR", "HRV", "GRC", "XKX", "MNE", "MKD", "ROU", "SRB", "SVN"),
	"baltic":           set("EST", "LVA", "LTU"),
	"nordic":           set("DNK", "FIN", "ISL", "NOR", "SWE"),
	"scandinavian":     set("DNK", "NOR", "SWE"),
	"south-american":   set("ARG", "BOL", "BRA", "CHL", "COL", "ECU", "GUY", "PRY", "PER", "SUR", "URY", "VEN"),
	"central-asian":    set("KAZ", "KGZ", "TJK", "TKM", "UZB"),
	"central-american": set("BLZ", "CRI", "SLV", "GTM", "HND", "NIC", "PAN"),
	"latin-american": set("ARG", "BOL", "BRA", "CHL", "COL", "CRI", "CUB", "DOM", "ECU", "SLV", "GTM", "HND", "MEX", "NIC",
		"PAN", "PRY", "PER", "URY", "VEN"),
	"west-african": set("BEN", "BFA", "CPV", "CIV", "GMB", "GHA", "GIN", "GNB", "LBR", "MLI", "MRT", "NER", "NGA", "SEN",
		"SLE", "TGO"),
	"east-african":    set("BDI", "COM", "DJI", "ERI", "ETH", "KEN", "MDG", "MWI", "MUS", "MOZ", "RWA", "SYC", "SOM", "SSD", "TZA", "UGA", "ZMB", "ZWE"),
	"north-african":   set("DZA", "EGY", "LBY", "MAR", "SDN", "TUN"),
	"southeast-asian": set("BRN", "KHM", "IDN", "LAO", "MYS", "MMR", "PHL", "SGP", "THA", "TLS", "VNM"),
	"south-asian":     set("AFG", "BGD", "BTN", "IND", "IRN", "MDV", "NPL", "PAK", "LKA"),
	"pacific":         set("FJI", "KIR", "MHL", "FSM", "NRU", "PLW", "PNG", "WSM", "SLB", "TON", "TUV", "VUT"),
}

// regionOrgs are the organizations of a region: "the European leaders"
// counts the EU's.
var regionOrgs = map[string]map[string]bool{
	"european": set("European Union", "Council of Europe"),
	"african":  set("African Union", "ECOWAS", "IGAD", "SADC", "East African Community"),
	"gulf":     set("Gulf Cooperation Council"),
}

// regionStateNouns after a region name one state, regionPeopleNouns the
// people of several.
var (
	regionStateNouns  = set("nation", "country", "state", "island", "kingdom", "republic")
	regionPeopleNouns = set("leaders", "presidents", "ministers", "heads", "governments")
)

// regionReach bounds how far back a region's actors are looked for.
const regionReach = 40

// regionAt returns the region of the capitalised words at j ("Caribbean",
// "South American") and the token after them, or "" if none.
func (d *doc) regionAt(s *sent, j int) (string, int) {
	if j >= s.b || !d.toks[j].upper {
		return "", j
	}
	if j+1 < s.b && d.toks[j+1].upper {
		if r := d.low[j] + "-" + d.low[j+1]; regionStates[r] != nil {
			return r, j + 2
		}
	}
	if regionStates[d.low[j]] != nil {
		return d.low[j], j + 1
	}
	return "", j
}

// inRegion reports whether actor e is a state of region r or one of its
// organizations.
func (d *doc) inRegion(e int, r string) bool {
	a := d.actor(e)
	if a.Kind == stance.KindState || a.Kind == stance.KindGovernment {
		return regionStates[r][strings.ToUpper(a.Country)]
	}
	return regionOrgs[r][a.Name]
}

// regionRef resolves "the Caribbean nation" (the last state of the region
// named) and "the European leaders" (the last actors of the region named
// through people, two or more) at the determiner i; none named in this
// sentence counts.
func (d *doc) regionRef(s *sent, i int, m mention) (mention, bool) {
	if d.low[i] != "the" {
		return m, false
	}
	r, h := d.regionAt(s, i+1)
	if r == "" || h >= s.b {
		return m, false
	}
	single, people := regionStateNouns[d.low[h]], regionPeopleNouns[d.low[h]]
	if !single && !people {
		return m, false
	}
	var out []int
	for k := len(d.recent) - 1; k >= 0 && k >= len(d.recent)-regionReach; k-- {
		rr := d.recent[k]
		if rr.ent < 0 || contains(out, rr.ent) || (people && !rr.person) || !d.inRegion(rr.ent, r) || d.namedInSentence(s, rr.ent) {
			continue
		}
		out = append(out, rr.ent)
		if single {
			break
		}
	}
	if len(out) == 0 || (people && len(out) < 2) {
		return m, false
	}
	m.to, m.ent = h+1, out[0]
	if people {
		m.group, m.pron = out, true
	}
	return m, true
}

// regionAfterOf reports "of the Caribbean nation" at j: "the government
// of the Caribbean nation" is that state's, not the government named last.
func (d *doc) regionAfterOf(s *sent, j int) bool {
	if j+2 >= s.b || d.low[j] != "of" || d.low[j+1] != "the" {
		return false
	}
	r, _ := d.regionAt(s, j+2)
	return r != ""
}
