package extract

// Pressure resisted. An actor that acts "despite pressure from X", or
// resists, ignores or will not bow to X's pressure, refuses what X asks
// of it: CAMEO 12 (reject), whatever the act itself is ("declined to
// resign despite growing pressure by X", "went ahead despite calls from
// X to wait").

// pressureNouns are what an actor presses another with.
var pressureNouns = set("pressure", "pressures", "calls", "demands", "appeals", "objections", "protests", "warnings", "opposition",
	"urging", "requests", "ultimatum")

// pressureOwnerPreps put the presser after its noun: "pressure from X".
var pressureOwnerPreps = set("from", "by", "of")

// pressureReach bounds the words between "despite" and its noun:
// "despite growing international pressure".
const pressureReach = 4

// despitePressure emits REJECTS from the subject of the clause before
// "despite" at i to the owner of the pressure after it.
func (d *doc) despitePressure(s *sent, i int) {
	if d.low[i] != "despite" {
		return
	}
	owners, q := d.pressureOwners(s, i+1)
	if len(owners) == 0 {
		return
	}
	v := d.verbBefore(s, i)
	if v < 0 || s.isContent(i) && !negVerbs[d.low[v]] {
		// "accused X of acting despite Y's calls" is X's act as charged;
		// "declined to resign despite ..." is the subject's own.
		return
	}
	sub := d.subjectAt(s, v)
	if len(sub.ents) == 0 || overlaps(sub.ents, owners) {
		return
	}
	d.emit(s, Rejects, sub.ents, owners, 0.75, q)
}

// pressureOwners returns the actors whose pressure a phrase from j names
// ("Ugandan pressure", "pressure from Uganda") and the token after it.
func (d *doc) pressureOwners(s *sent, j int) ([]int, int) {
	for q := j; q < s.b && q < j+pressureReach; q++ {
		if !pressureNouns[d.low[q]] {
			if placeStops[d.low[q]] {
				return nil, q
			}
			continue
		}
		if q+1 < s.b && pressureOwnerPreps[d.low[q+1]] {
			ents, end, _, _ := d.objectNP(s, q+2, 5)
			return ents, end
		}
		if ents, _, _, _ := d.objectNP(s, j, q-j); len(ents) > 0 {
			return ents, q + 1 // "despite Ugandan pressure"
		}
		return nil, q
	}
	return nil, j
}

// verbBefore returns the nearest verb-like token of the clause before i,
// or -1: the act done despite the pressure.
func (d *doc) verbBefore(s *sent, i int) int {
	for k := i - 1; k >= s.a && k > i-12; k-- {
		if w := d.low[k]; w == "," || w == ";" {
			return -1
		}
		if d.verbLike(k) && s.mentionAt(k) == nil {
			return k
		}
	}
	return -1
}
