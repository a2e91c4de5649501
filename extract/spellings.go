package extract

import "strings"

// British and American spellings of the words of bodies' names. The
// dictionary writes "Organization for Security and Co-operation in
// Europe"; British and Commonwealth papers write "Organisation". Each
// name with such a word is also added in the other spelling.

// spellingPairs are the words written both ways, American first.
var spellingPairs = [][2]string{{"Organization", "Organisation"}, {"Cooperation", "Co-operation"}, {"Defense", "Defence"}}

// spellingVariants returns name's other spellings: each pair swapped
// where it occurs, alone and all together.
func spellingVariants(name string) []string {
	var out []string
	all := name
	for _, p := range spellingPairs {
		for _, from := range [][2]string{{p[0], p[1]}, {p[1], p[0]}} {
			if strings.Contains(name, from[0]) {
				out = append(out, strings.ReplaceAll(name, from[0], from[1]))
				all = strings.ReplaceAll(all, from[0], from[1])
			}
		}
	}
	if all != name && len(out) > 1 {
		out = append(out, all)
	}
	return out
}
