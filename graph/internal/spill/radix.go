package spill

import "slices"

// radixMin is the largest part of a sort left to compare: below it, a
// comparison sort's few passes cost less than another 256-way split.
const radixMin = 64

// radixSort orders ents as compare does. It splits them by their key
// prefix a byte at a time, from the most significant, moving entries in
// place (an American flag sort), and sorts with compare only the parts
// below radixMin. A part whose 8 prefix bytes all tie (the O and I
// entries of one actor, the citations of one document) takes the next 8
// bytes of its keys as its prefix and is split again: depth is where in
// the keys the prefixes were taken. A comparison sort of a whole buffer
// took most of its time in calls to compare (about 20 an entry for the
// 1.6M entries a 128 MiB buffer holds), the ties each comparing two keys
// in the chunks; split this way, most entries are placed by a few byte
// lookups and each key is read once per 8 bytes of depth.
//
// The prefixes of a part split again no longer hold the key's first
// bytes, but entries of equal keys still have equal prefixes, which is
// all that those who look at them after the sort (spill, cursor.next)
// rely on.
func (b *buffer) radixSort(ents []entry, shift uint, depth int) {
	if len(ents) <= radixMin {
		slices.SortFunc(ents, b.compare)
		return
	}
	var ends [256]int
	for i := range ents {
		ends[digit(ents[i], shift)]++
	}
	var next [256]int
	sum := 0
	for d := range ends {
		next[d] = sum
		sum += ends[d]
		ends[d] = sum
	}
	starts := next
	placeByDigit(ents, shift, &next, &ends)
	for d := range ends {
		part := ents[starts[d]:ends[d]]
		switch {
		case len(part) < 2:
		case shift > 0:
			b.radixSort(part, shift-8, depth)
		case len(part) > radixMin && b.deepen(part, depth+8):
			b.radixSort(part, 56, depth+8)
		default:
			slices.SortFunc(part, b.compare)
		}
	}
}

// deepen gives each entry of part, whose keys tie on their bytes before
// depth, the 8 bytes of its key from depth as its prefix. It reports
// false, changing nothing, when no key is longer than depth: nothing is
// left to split on.
func (b *buffer) deepen(part []entry, depth int) bool {
	longer := false
	for i := range part {
		if int(part[i].klen) > depth {
			longer = true
			break
		}
	}
	if !longer {
		return false
	}
	for i := range part {
		k := b.key(part[i].loc)
		part[i].pfx = prefix(k[min(depth, len(k)):])
	}
	return true
}

// digit is the byte of e's prefix at shift.
func digit(e entry, shift uint) byte { return byte(e.pfx >> shift) }

// placeByDigit moves each entry to its digit's part, [next[d], ends[d])
// once done: an entry out of place is swapped into the next free slot of
// its part, and the entry it displaces carried on in the same way.
func placeByDigit(ents []entry, shift uint, next, ends *[256]int) {
	for d := range next {
		for next[d] < ends[d] {
			e := ents[next[d]]
			for t := digit(e, shift); int(t) != d; t = digit(e, shift) {
				ents[next[t]], e = e, ents[next[t]]
				next[t]++
			}
			ents[next[d]] = e
			next[d]++
		}
	}
}
