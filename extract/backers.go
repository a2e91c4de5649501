package extract

// A name joined by a hyphen to a backing word describes what follows:
// "the Iran-backed group", "Russian-backed separatists", "a UN-backed
// government" name the group, the separatists and the government, not
// Iran, Russia or the UN. The backer is the writer's background, which
// GUIDELINES.md leaves out. "Saudi-led" keeps its leader (mentions.go):
// a coalition is coded as the state that leads it; "Moscow-installed
// officials" and "the UN-appointed envoy" are the installer's own.

// backerWords after a name and a hyphen make the name a backer.
var backerWords = set("backed", "aligned", "allied", "affiliated", "linked", "supported", "funded", "armed", "trained",
	"inspired", "leaning", "friendly")

// backerEnd returns the token after "X-backed" where a name or demonym X
// starts at j, or j where none does.
func (d *doc) backerEnd(s *sent, j int) int {
	if !d.toks[j].word || !d.toks[j].upper {
		return j
	}
	_, n := d.longestMatch(s, j, d.lx.byFirst[d.low[j]], mention{ent: -1}, 0)
	if n == 0 || !d.backs(s, j+n) {
		return j
	}
	return j + n + 2
}

// backs reports a hyphen and a backing word at k.
func (d *doc) backs(s *sent, k int) bool {
	return k+1 < s.b && d.low[k] == "-" && backerWords[d.low[k+1]]
}
