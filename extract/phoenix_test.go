package extract

import (
	"strings"
	"testing"

	"github.com/stancegraph/stancegraph/graph"
)

// TestPhoenixActors checks actor resolution through the Phoenix table, in
// sentences written for this test: a person of the table speaks for his
// state within his dates only (outside them he is of its elites); an
// organization of the table the dictionary lacks becomes an actor with its
// code; agent nouns after a country add their role to the country's code.
func TestPhoenixActors(t *testing.T) {
	ex := New(nil)
	for _, tc := range []struct {
		name string
		date graph.Date
		text string
		want string // "Subject/SUBJECTCODE TYPE Object/OBJECTCODE", "" for none
	}{
		{"person in office", graph.NewDate(2003, 5, 1), "John Agyekum Kufuor urged Togo to hold elections.", "Ghana/GHAGOV DEMANDS Togo/TGO"},
		{"person before office is of the elites", graph.NewDate(1990, 5, 1), "John Agyekum Kufuor urged Togo to hold elections.", "Ghanaian elites/GHAELI DEMANDS Togo/TGO"},
		{"organization added", graph.NewDate(2010, 1, 1), "The Asian Development Bank praised Vietnam.", "Asian Development Bank/IGOASADEVADB SUPPORTS Vietnam/VNM"},
		{"dictionary actor gets its code", graph.NewDate(2010, 1, 1), "Chile thanked the United Nations.", "Chile/CHL SUPPORTS United Nations/IGOUNO"},
		{"agent noun adds a role", graph.NewDate(2010, 1, 1), "Nigerian police accused Niger of harbouring the gang.", "Nigeria/NGACOP ACCUSES Niger/NER"},
		{"office noun adds a role", graph.NewDate(2010, 1, 1), "Kenyan officials condemned Somalia.", "Kenya/KENGOV ACCUSES Somalia/SOM"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cs, err := ex.Extract(t.Context(), tc.text, tc.date)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, c := range cs {
				got = append(got, c.Subject.Name+"/"+c.SubjectCode+" "+c.Type+" "+c.Object.Name+"/"+c.ObjectCode)
			}
			if strings.Join(got, "; ") != tc.want {
				t.Errorf("text: %s\n got: %q\nwant: %q", tc.text, got, tc.want)
			}
		})
	}
}

// TestParsePhoenix reads each line kind of the generated table.
func TestParsePhoenix(t *testing.T) {
	tab := parsePhoenix("# header\nr c anna example\nn president example\nc ZZZGOV 2001-02-03 -\nc ZZZ\ng COP riot police\n")
	if len(tab.records) != 1 {
		t.Fatalf("records = %d, want 1", len(tab.records))
	}
	r := tab.records[0]
	if r.kind != 'c' || len(r.phrases) != 2 || r.phrases[1].text != "president example" {
		t.Errorf("record = %+v", r)
	}
	if len(r.codes) != 2 || !r.codes[0].ranged || r.codes[0].from != graph.NewDate(2001, 2, 3) || !r.codes[0].to.IsZero() || r.codes[1].ranged {
		t.Errorf("codes = %+v", r.codes)
	}
	if tab.agents["riot police"] != "COP" || tab.maxAg != 2 {
		t.Errorf("agents = %v (longest %d)", tab.agents, tab.maxAg)
	}
}

// TestPhoenixSharedCodes checks that organizations and armed groups of
// the table sharing a sector code stay actors of their own, in sentences
// written for this test, while the records of one IGO are one actor.
func TestPhoenixSharedCodes(t *testing.T) {
	d := graph.NewDate(2010, 1, 1)
	runCodedCases(t, []codedCase{
		{"armed groups of one code", d, "Kenya praised the Islamic Salvation Front.", "Kenya/KEN SUPPORTS Islamic Salvation Front/INTREB"},
		{"the other group of that code", d, "Kenya praised the Animal Liberation Front.", "Kenya/KEN SUPPORTS Animal Liberation Front/INTREB"},
	})
	tab := parsePhoenix("r i aid one\nc NGODEV\nr i aid two\nc NGODEV\nr i world body\nc IGOWBD\nr i world body council\nc IGOWBD\nr i lone group\nc NGOLON\n")
	g := genericCodes(tab)
	if !g["NGODEV"] || g["IGOWBD"] || g["NGOLON"] {
		t.Errorf("genericCodes = %v, want NGODEV only", g)
	}
}

// TestPhoenixAcronyms checks one-word names of the table's organizations
// and armed groups, in sentences written for this test: written in
// capitals they are the acronym, otherwise nothing, and media acronyms
// of datelines name no actor.
func TestPhoenixAcronyms(t *testing.T) {
	d := graph.NewDate(1998, 1, 1)
	runCodedCases(t, []codedCase{
		{"capitals", d, "UNITA praised Zambia.", "National Union for the Total Independence of Angola/ANGREB SUPPORTS Zambia/ZMB"},
		{"as object", d, "Zambia accused UNITA of smuggling.", "Zambia/ZMB ACCUSES National Union for the Total Independence of Angola/ANGREB"},
		{"not in capitals", d, "Unita praised Zambia.", ""},
		// The ICJ's first record is its acronym; the actor takes the name
		// in words a later record of its code gives.
		{"named in words", d, "Guyana asked the ICJ to block the vote.", "Guyana/GUY DEMANDS International Court of Justice/IGOUNOJUDICJ"},
		{"a news agency", d, "AFP praised Zambia.", ""},
	})
}
