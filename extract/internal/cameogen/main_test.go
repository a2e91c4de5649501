package main

import (
	"strings"
	"testing"
)

// The input is written for this test in the dictionary's format.
const dict = `# comment
&WEAPON
+GUN
+RIFLE_

---  BACK   [050]  ---
BACK
BLAST  [112]  # coder note
QUERY {QUERYING QUERIES QUERIED }
+CALL_ON [040]
- * {&WEAPON} (TO +)   [0231]  # BACK
- $ STRONGLY * OVER   [111]
- * AWAY   [---]
`

func TestConvert(t *testing.T) {
	var b strings.Builder
	if err := convert(strings.NewReader(dict), &b); err != nil {
		t.Fatal(err)
	}
	want := `s weapon gun rifle_
b 050
v - back backs backed backing
v 112 blast blasts blasted blasting
v - query querying queries queried
v 040 call_on calls_on called_on calling_on
p 0231 |&weapon to
p 111 strongly|over
p --- |away
`
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}

func TestInflect(t *testing.T) {
	for _, tc := range []struct{ base, want string }{
		{"accuse", "accuses accused accusing"},
		{"deny", "denies denied denying"},
		{"push", "pushes pushed pushing"},
		{"meet", "meets meeted meeting"},
	} {
		if got := strings.Join(inflect(tc.base), " "); got != tc.want {
			t.Errorf("inflect(%q) = %q, want %q", tc.base, got, tc.want)
		}
	}
	// A short consonant-vowel-consonant verb keeps both spellings.
	if got := strings.Join(inflect("ban"), " "); got != "bans baned baning banned banning" {
		t.Errorf("inflect(ban) = %q", got)
	}
}
