package extract

// Pressure put on an actor to act is a demand of it: "X has put enormous
// pressure on Y to meet its demands", "X stepped up pressure on Y to
// release the prisoners". Pressure with no act after it ("pressure on Y")
// names no demand.

// pressureVerbs put pressure on someone.
var pressureVerbs = set("put", "puts", "putting", "exert", "exerts", "exerted", "exerting", "piled", "piles", "piling",
	"increased", "increases", "increasing", "stepped", "mounted", "mounting", "ramped", "applied", "applies", "applying",
	"intensified", "intensifies")

// pressureLead is how far the verb may stand before "pressure" ("put
// enormous international pressure", "stepped up the pressure").
const pressureLead = 4

// pressedDemand emits the demand of "pressure" at i put on an actor to act.
func (d *doc) pressedDemand(s *sent, i int) {
	if d.low[i] != "pressure" || i+2 >= s.b || d.low[i+1] != "on" {
		return
	}
	v := i - 1
	for v > s.a && v > i-pressureLead && !pressureVerbs[d.low[v]] && d.toks[v].word && s.mentionAt(v) == nil {
		v--
	}
	if !pressureVerbs[d.low[v]] || s.isContent(v) {
		// Only the pressure verb's own clause counts: "accused X of
		// putting pressure on Y to ..." demands nothing.
		return
	}
	objs, end, _, _ := d.objectNP(s, i+2, 4)
	if len(objs) == 0 || end >= s.b || d.low[end] != "to" {
		return
	}
	if _, ok := d.subjectStance(s, v, Demands, objs, 0.7, end); ok {
		d.markContent(s, end)
	}
}
