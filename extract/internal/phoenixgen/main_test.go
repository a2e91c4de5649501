package main

import (
	"strings"
	"testing"
)

// TestConvert converts records and agents written for this test in the
// dictionaries' formats.
func TestConvert(t *testing.T) {
	actors := "# comment\nRURITANIA_ [RUR]\n+RURITANIAN_REPUBLIC_\nANNA_EXAMPLE_ # note\n+PRESIDENT_EXAMPLE_\n\t[RURGOV 010203-051231]\n\t[RURELI >9901]\nFRONT_(RF)_\t[RURREB]\n"
	var b strings.Builder
	if err := convertActors(strings.NewReader(actors), "c", &b); err != nil {
		t.Fatal(err)
	}
	want := "r c ruritania\nc RUR\nn ruritanian republic\nr c anna example\nn president example\nc RURGOV 2001-02-03 2005-12-31\nr c front\nc RURREB\n"
	if b.String() != want {
		t.Errorf("actors:\n%s\nwant:\n%s", b.String(), want)
	}
	agents := "!PERSON! = MAN, WOMAN\nPOLICE {} [~COP]\nPOLICE!PERSON! [~COP]\nPARTY_OFFICIAL [~PTY]\nRED_CROSS [NGO~]\n"
	b.Reset()
	if err := convertAgents(strings.NewReader(agents), &b); err != nil {
		t.Fatal(err)
	}
	want = "g COP police\ng COP policeman\ng COP policewoman\ng PTY party official\ng PTY party officials\n"
	if b.String() != want {
		t.Errorf("agents:\n%s\nwant:\n%s", b.String(), want)
	}
}

// TestSpellingsShareCodes checks that primary phrases listed one after
// another before any code are one record, as PETRARCH2 reads them, and
// that a phrase after a coded record opens a new one.
func TestSpellingsShareCodes(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"spellings then codes", "ANNA_EXAMPLE_\nPRESIDENT_ANNA_EXAMPLE\nEXAMPLE\n\t[RURGOV 010203-051231]\n\t[RURELI]\n",
			"r c anna example\nn president anna example\nn example\nc RURGOV 2001-02-03 2005-12-31\nc RURELI\n"},
		{"a coded record ends the run", "RURITANIA_ [RUR]\nANNA_EXAMPLE_\nEXAMPLE\n\t[RURGOV]\nBOB_SAMPLE_\n\t[RURELI]\n",
			"r c ruritania\nc RUR\nr c anna example\nn example\nc RURGOV\nr c bob sample\nc RURELI\n"},
		{"a spelling with its own code", "ANNA_EXAMPLE_\nEXAMPLE_ [RURGOV]\nBOB_SAMPLE_ [RURELI]\n",
			"r c anna example\nn example\nc RURGOV\nr c bob sample\nc RURELI\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var b strings.Builder
			if err := convertActors(strings.NewReader(tc.in), "c", &b); err != nil {
				t.Fatal(err)
			}
			if b.String() != tc.want {
				t.Errorf("got:\n%s\nwant:\n%s", b.String(), tc.want)
			}
		})
	}
}

func TestIsoDate(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"750101", "1975-01-01"}, {"011222", "2001-12-22"}, {"20040117", "2004-01-17"},
	} {
		if got, err := isoDate(tc.in); err != nil || got != tc.want {
			t.Errorf("isoDate(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
	for _, bad := range []string{"9008223", "", "751301"} {
		if _, err := isoDate(bad); err == nil {
			t.Errorf("isoDate(%q) accepted", bad)
		}
	}
}
