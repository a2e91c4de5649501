package extract

import (
	"context"
	"strings"
	"testing"

	"github.com/stancegraph/stancegraph/stance"
)

// A small table in the generated format, written for this test.
const testVerbs = `s weapon gun rifle_
b 050
v - back backs backed
v 112 blast blasts blasted
p 0231 |&weapon
p 111 strongly|over
p --- |away
b ---
v 040 call_on calls_on called_on
`

func TestVerbTableMatch(t *testing.T) {
	vt := parseVerbs(testVerbs)
	for _, tc := range []struct {
		text string
		at   int
		code string
		ok   bool
	}{
		{"ghana backed togo", 1, "050", true},             // the block's code
		{"ghana blasted togo", 1, "112", true},            // the verb's own code
		{"ghana backed the guns", 1, "0231", true},        // a synonym set member as a stem
		{"ghana backed the rifles", 1, "050", true},       // "rifle_" matches only exactly
		{"ghana strongly backed it over", 2, "111", true}, // pre and post words, longest first
		{"ghana backed away", 1, "", false},               // a pattern without a code codes nothing
		{"ghana called on togo", 1, "040", true},          // a multi-word form
		{"ghana called togo", 1, "", false},               // its particle is missing
		{"ghana supported togo", 1, "", false},            // no such verb
	} {
		low := strings.Fields(tc.text)
		f, ok := vt.match(low, 0, tc.at, len(low))
		if ok != tc.ok || f.code != tc.code && tc.ok {
			t.Errorf("%q at %d: %+v %v, want %q %v", tc.text, tc.at, f, ok, tc.code, tc.ok)
		}
	}
}

func TestDefaultVerbsLoaded(t *testing.T) {
	vt := defaultVerbs()
	if len(vt.forms) < 1500 || len(vt.blocks) < 300 {
		t.Fatalf("%d forms, %d blocks: the generated table did not load", len(vt.forms), len(vt.blocks))
	}
	f, ok := vt.match([]string{"they", "accused", "him"}, 0, 1, 3)
	if typ, _ := TypeForCAMEO(nil, f.code); !ok || typ != Accuses {
		t.Errorf("accused: %+v %v -> %q", f, ok, typ)
	}
}

// TestFrameStages runs the dictionary stages on sentences written for this
// test: an intent before a verb of cooperation is an offer; negation and
// nouns of a verb's spelling state nothing.
func TestFrameStages(t *testing.T) {
	ex := New(nil)
	for _, tc := range []struct {
		text string
		want string // "subject TYPE object", or "" for no stance
	}{
		{"Portugal will support Turkey's bid to join the bloc.", "Portugal OFFERS Turkey"},
		{"Finland will give Tanzania a grant.", "Finland OFFERS Tanzania"},
		{"Ghana promised to help Mali.", "Ghana OFFERS Mali"},
		// A negated act of cooperation with a modal is a refusal; without
		// one it only withholds.
		{"Chile will not support Peru in the vote.", "Chile REJECTS Peru"},
		{"Chile has not endorsed Peru's plan.", ""},
		{"Norway accused Sweden of stalling.", "Norway ACCUSES Sweden"},
		{"The peace talks with Bolivia stalled in Lima.", ""},
	} {
		cs, err := ex.Extract(context.Background(), tc.text, stance.NewDate(2022, 1, 1))
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, c := range cs {
			got = append(got, c.Subject.Name+" "+c.Type+" "+c.Object.Name)
		}
		if g := strings.Join(got, "; "); g != tc.want {
			t.Errorf("%q: got %q, want %q", tc.text, g, tc.want)
		}
	}
}

// TestRefusalsAndFrameSubjects covers the stances of refusal and the
// subject and object positions of the frame stage, on sentences written
// for this test.
func TestRefusalsAndFrameSubjects(t *testing.T) {
	ex := New(nil)
	for _, tc := range []struct {
		text string
		want string // "subject TYPE object", or "" for no stance
	}{
		// Negated willingness and refusals.
		{"Ghana is not ready to talk with Togo.", "Ghana REJECTS Togo"},
		{"Ghana is ready to talk with Togo.", "Ghana OFFERS Togo"},
		{"Kenya refused to sign a trade pact with Somalia.", "Kenya REJECTS Somalia"},
		{"Kenya refused to send troops to Somalia.", "Kenya REJECTS Somalia"},
		{"Finland, a close partner of Sweden, would not meet Hungarian officials.", "Finland REJECTS Hungary"},
		// "is opposed to" is an adjective, not a passive.
		{"Austria is opposed to Hungary's proposal.", "Austria REJECTS Hungary; Hungary OFFERS Austria"},
		// A time after the verb; the addressee of a demanded thing.
		{"Bolivia demanded Friday that Chile return the land.", "Bolivia DEMANDS Chile"},
		{"Serbia demanded the withdrawal of Croatian forces from the region.", "Serbia DEMANDS Croatia"},
		// A subject through its office and title.
		{"Ecuador's deputy foreign minister visited Peru.", "Ecuador ENGAGES Peru"},
		// The object after the preposition that follows the pattern's words.
		{"Serbia lodged an official protest with Albania today.", "Serbia ACCUSES Albania"},
		// An auxiliary codes nothing of its own.
		{"Chad has continued to shun talks with Niger.", ""},
		// "would" is a condition, no intent.
		{"Italy said the talks would help Libya.", ""},
	} {
		cs, err := ex.Extract(context.Background(), tc.text, stance.NewDate(2022, 1, 1))
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, c := range cs {
			got = append(got, c.Subject.Name+" "+c.Type+" "+c.Object.Name)
		}
		if g := strings.Join(got, "; "); g != tc.want {
			t.Errorf("%q: got %q, want %q", tc.text, g, tc.want)
		}
	}
}

// TestFramePrepositionsAndOurVerbs checks a frame's object after its
// preposition (but not the addressee of a complaint), our additions to
// the verb table, and a welcome of someone's statement, in sentences
// written for this test.
func TestFramePrepositionsAndOurVerbs(t *testing.T) {
	runCases(t, []extractCase{
		{"apologized to", "Kenya apologized to Uganda for the border incident.", []string{"Kenya SUPPORTS Uganda"}},
		{"complained to is an addressee", "Lebanon complained to the United Nations over the raids.", nil},
		{"pressed to act", "Kenya pressed Uganda to reopen the border.", []string{"Kenya DEMANDS Uganda"}},
		{"pressuring", "Kenya is pressuring Uganda to cancel the strike.", []string{"Kenya DEMANDS Uganda"}},
		{"pressed ahead", "Kenya pressed ahead with the talks.", nil},
		{"suing", "Kenya is suing Uganda for damages.", []string{"Kenya ACCUSES Uganda"}},
		{"welcomed a statement of a president", "Kenya welcomed President Museveni's latest statement.", []string{"Kenya SUPPORTS Uganda"}},
	})
}

// TestAddOnlyBlocks checks that a block of our additions marked "b +"
// adds its patterns to a dictionary verb and leaves the dictionary's
// block to code the verb where none fits, in sentences written for this
// test.
func TestAddOnlyBlocks(t *testing.T) {
	runCases(t, []extractCase{
		{"returned for talks, a list", "Kenyan and Ugandan negotiators returned to Geneva for talks on trade.", []string{"Kenya ENGAGES Uganda"}},
		{"travel for talks, a list", "Chilean and Peruvian envoys will travel to Paris this week for negotiations.", []string{"Chile OFFERS Peru", "Peru OFFERS Chile"}},
		{"returned alone", "Kenyan and Ugandan negotiators returned to Geneva.", nil},
	})
	tbl := parseVerbs("b 042\nv - return returns returned\np 0841 |prisoners\n", "b +\nv --- return returns returned\np 046 |for talk\n")
	checkCodes(t, tbl, []codeCase{
		{"returned for talks", "046"},
		{"returned the prisoners", "0841"},
		{"returned home", "042"},
	})
}

// codeCase is a clause in lower case and the code the table gives it.
type codeCase struct{ text, code string }

// checkCodes matches each clause's first word as the verb.
func checkCodes(t *testing.T, tbl *verbTable, cases []codeCase) {
	t.Helper()
	for _, tc := range cases {
		low := strings.Fields(tc.text)
		f, _ := tbl.match(low, 0, 0, len(low))
		if f.code != tc.code {
			t.Errorf("%q: code %q, want %q", tc.text, f.code, tc.code)
		}
	}
}

// TestExactPatternWord checks that a pattern word ending in "_" matches
// that word only, where a plain one matches as a stem ("to" would match
// "togo" and "told").
func TestExactPatternWord(t *testing.T) {
	tbl := parseVerbs("b 051\nv - hail hails hailed\np 100 |to_\np 042 |visit\n")
	checkCodes(t, tbl, []codeCase{
		{"hailed kenya to act", "100"},
		{"hailed togo", "051"},
		{"hailed kenya told", "051"},
		{"hailed visits", "042"},
	})
}
