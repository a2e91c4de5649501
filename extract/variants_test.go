package extract

import "testing"

// TestSpellingVariants checks that a state's name misspelt as the Phoenix
// country file lists it names the state, and that demonyms and other
// near words do not, in sentences written for this test.
func TestSpellingVariants(t *testing.T) {
	runCases(t, []extractCase{
		{"missing letter", "Ethopia accused Kenya of shelling the border.", []string{"Ethiopia ACCUSES Kenya"}},
		{"extra letter", "Kenya urged Quatar to release the prisoners.", []string{"Kenya DEMANDS Qatar"}},
		{"two edits in a long name", "Afganistan rejected an offer from Pakistan.", []string{"Afghanistan REJECTS Pakistan"}},
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
