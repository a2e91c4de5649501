package stance_test

import (
	"testing"

	"github.com/stancegraph/stancegraph/stance"
)

func TestVocabularyForCAMEO(t *testing.T) {
	v, err := stance.NewVocabulary([]stance.TypeInfo{
		{Type: "THREATENS", Description: "threatens the object", CAMEO: []string{"13"}, Weight: -4.4},
		{Type: "PRAISES", Description: "praises the object", CAMEO: []string{"0512", "051"}, Weight: 3.4},
	})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		code string
		want string
		ok   bool
	}{
		{"043", "ENGAGES", true},    // root 04
		{"0431", "ENGAGES", true},   // four digits under 04
		{"051", "SUPPORTS", true},   // both list 051: the first in order wins
		{"0512", "PRAISES", true},   // 0512 is longer than 051
		{"057", "SUPPORTS", true},   // only 05 matches
		{"112", "ACCUSES", true},    // listed exactly
		{"1383", "THREATENS", true}, // an extra type's root
		{"190", "", false},          // FIGHT: no type
		{"", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.code, func(t *testing.T) {
			got, ok := v.ForCAMEO(tt.code)
			if got != tt.want || ok != tt.ok {
				t.Errorf("ForCAMEO(%q) = %q, %v; want %q, %v", tt.code, got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestVocabularyForPLOVER(t *testing.T) {
	v := stance.DefaultVocabulary()
	for event, want := range map[string]string{"CONSULT": "ENGAGES", "agree": "OFFERS", "ACCUSE": "ACCUSES", "ASSAULT": ""} {
		if got, ok := v.ForPLOVER(event); got != want || ok != (want != "") {
			t.Errorf("ForPLOVER(%q) = %q, %v; want %q", event, got, ok, want)
		}
	}
}
