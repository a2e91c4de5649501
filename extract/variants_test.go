package extract

import (
	"testing"

	"github.com/stancegraph/stancegraph/graph"
)

// TestSpellingVariants checks that a state's name misspelt as the Phoenix
// country file lists it names the state, and that demonyms and other
// near words do not, in sentences written for this test.
func TestSpellingVariants(t *testing.T) {
	runCases(t, []extractCase{
		{"missing letter", "Ethopia accused Kenya of shelling the border.", []string{"Ethiopia ACCUSES Kenya"}},
		{"extra letter", "Kenya urged Quatar to release the prisoners.", []string{"Kenya DEMANDS Qatar"}},
		{"two edits in a long name", "Afganistan rejected an offer from Pakistan.", []string{"Afghanistan REJECTS Pakistan", "Pakistan OFFERS Afghanistan"}},
		{"demonym is no variant", "Kenyan accused Uganda of shelling the border.", nil},
		{"lower case is no name", "The ethopia report accused Kenya.", nil},
	})
}

// TestEditDistance pins the bounded distance the variants are chosen by.
func TestEditDistance(t *testing.T) {
	for _, tc := range []struct {
		a, b  string
		limit int
		want  int
	}{
		{"ethopia", "ethiopia", 1, 1},
		{"quatar", "qatar", 1, 1},
		{"afganistan", "afghanistan", 2, 1},
		{"kenya", "kenya", 1, 0},
		{"nigeria", "niger", 1, 2},         // over the limit: limit+1
		{"argentinean", "argentina", 2, 2}, // within, but a demonym ending
		{"abc", "xyz", 5, 3},
	} {
		if got := editDistance(tc.a, tc.b, tc.limit); got != tc.want {
			t.Errorf("editDistance(%q, %q, %d) = %d, want %d", tc.a, tc.b, tc.limit, got, tc.want)
		}
	}
	if !demonymLike("argentinean", "argentina") || demonymLike("afganistan", "afghanistan") {
		t.Error("demonymLike: want argentinean a demonym of argentina, afganistan not one of afghanistan")
	}
}

// TestPlaceWords checks a place of the Phoenix country file before an
// agent noun, in sentences written for this test: it names its state's
// side or the state, and alone it names nothing.
func TestPlaceWords(t *testing.T) {
	d := graph.NewDate(2010, 1, 1)
	runCodedCases(t, []codedCase{
		{"region and rebels", d, "Darfur rebels accused Chad of shelling the camps.", "Sudanese rebels/SDNREB ACCUSES Chad/TCD"},
		{"rebels as object", d, "The Sudanese government accused Darfur rebels of breaking the truce.", "Sudan/SDNGOV ACCUSES Sudanese rebels/SDNREB"},
		{"city and police", d, "Kandahar police accused Pakistan of shelling the border.", "Afghanistan/AFGCOP ACCUSES Pakistan/PAK"},
		{"a place alone is no actor", d, "Kandahar accused Pakistan of shelling the border.", ""},
	})
}
