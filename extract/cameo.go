package extract

import (
	"strings"

	"github.com/stancegraph/stancegraph/stance"
)

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
