package extract

import "testing"

// TestClosedLists checks that a list closed by "and" ends there: in "A, B
// and C, and D" D is another conjunct, not a member, in sentences written
// for this test.
func TestClosedLists(t *testing.T) {
	runCases(t, []extractCase{
		{"a passive's agents then a relative", "The feud between Kenya, endorsed by France, Germany and Italy, and Uganda, which is endorsed by the United States, has deepened.",
			[]string{"France SUPPORTS Kenya", "Germany SUPPORTS Kenya", "Italy SUPPORTS Kenya", "United States SUPPORTS Uganda"}},
		{"an Oxford comma stays a list", "Kenya backed France, Germany, and Italy.", []string{"Kenya SUPPORTS France", "Kenya SUPPORTS Germany", "Kenya SUPPORTS Italy"}},
		{"two members", "Voters must choose between Kenya, endorsed by France and Italy, and the Ugandan opposition, which is endorsed by the United States.",
			[]string{"France SUPPORTS Kenya", "Italy SUPPORTS Kenya", "United States SUPPORTS Ugandan opposition"}},
	})
}

// TestAsWellAsLists checks that "as well as" joins a list of actors as
// "and" does, as subjects and as objects, in sentences written for this
// test.
func TestAsWellAsLists(t *testing.T) {
	runCases(t, []extractCase{
		{"objects", "Kenya urged Uganda as well as Rwanda to withdraw.", []string{"Kenya DEMANDS Rwanda", "Kenya DEMANDS Uganda"}},
		{"objects with articles", "Kenya pressed the Somali government as well as the Ugandan government to cut spending.", []string{"Kenya DEMANDS Somalia", "Kenya DEMANDS Uganda"}},
		{"subjects", "Kenya as well as Rwanda condemned Uganda.", []string{"Kenya ACCUSES Uganda", "Rwanda ACCUSES Uganda"}},
	})
}
