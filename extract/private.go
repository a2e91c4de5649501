package extract

// A state's demonym before "military group" or "military contractor"
// describes a private force ("the Russian military group Wagner"), not
// the state's army or rulers: read as its army, Russia became what a later
// "the military junta" of Mali referred to.

// privateForceNouns after "military" or "army" name a body of its own.
var privateForceNouns = set("group", "groups", "company", "companies", "contractor", "contractors", "firm", "firms", "outfit")

// privateForce reports "military" or "army" at j before such a noun.
func (d *doc) privateForce(s *sent, j int) bool {
	w := d.low[j]
	return (w == "military" || w == "army") && j+1 < s.b && privateForceNouns[d.low[j+1]]
}
