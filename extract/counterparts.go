package extract

// "The South" and "the North" of a divided country. The dictionary gives
// "the South" to South Korea as a reference, which resolves only to a
// South Korea already named; but a North Korean statement ("Ri said ...
// and accused the South of hostility") names the South first by that
// word. Where the other half of the country was named, the reference is
// this half.

// counterpartStates pairs the country codes of the halves.
var counterpartStates = map[string]string{"KOR": "PRK", "PRK": "KOR"}

// counterpartRef returns the single entry of a reference whose
// counterpart state the text has named, or -1.
func (d *doc) counterpartRef(ents []int) int {
	if len(ents) != 1 {
		return -1
	}
	other, ok := counterpartStates[d.actor(ents[0]).Country]
	if !ok {
		return -1
	}
	if e, ok := d.lx.states[other]; ok && d.resolveRef([]int{e}) >= 0 {
		return ents[0]
	}
	return -1
}
