package extract

import (
	"strings"

	"github.com/stancegraph/stancegraph/stance"
)

// cameoFolded are the CAMEO roots that PLOVER folds into another root's
// category: an appeal or request (02: "appealed to X for aid", "sought
// asylum in X") is a DEMAND as a demand (10) is. A frame whose code no
// type of the vocabulary covers is typed as the root it folds into.
var cameoFolded = map[string]string{"02": "10"}

// frameType returns the stance type of v for a frame's CAMEO event code:
// the code's own type, else that of the root PLOVER folds it into.
func frameType(v *stance.Vocabulary, code string) (string, bool) {
	if t, ok := TypeForCAMEO(v, code); ok {
		return t, true
	}
	if len(code) >= 2 {
		if root, ok := cameoFolded[code[:2]]; ok {
			return TypeForCAMEO(v, root)
		}
	}
	return "", false
}

// TypeForCAMEO returns the stance type of v whose CAMEO list covers the
// event code: the type listing the longest prefix of code ("051" before
// "05"). It reports false for a code no type covers, so a vocabulary with
// more types maps more codes.
func TypeForCAMEO(v *stance.Vocabulary, code string) (string, bool) {
	if v == nil {
		v = stance.DefaultVocabulary()
	}
	best, bestLen := "", 0
	for _, t := range v.Types() {
		for _, c := range t.CAMEO {
			if len(c) > bestLen && strings.HasPrefix(code, c) {
				best, bestLen = t.Type, len(c)
			}
		}
	}
	return best, best != ""
}
