package extract

import "testing"

// TestJuntas checks that a junta is an actor of its own, not the state it
// seized, and that a gold file's "<State> junta" names it, in sentences
// written for this test.
func TestJuntas(t *testing.T) {
	runCases(t, []extractCase{
		{"a demonym's junta", "ECOWAS condemned the Malian junta.", []string{"ECOWAS ACCUSES Malian junta"}},
		{"putschists", "The Guinean putschists rejected the ECOWAS proposal.", []string{"Guinean junta REJECTS ECOWAS", "ECOWAS OFFERS Guinean junta"}},
		{"a junta in a state", "ECOWAS urged the junta in Mali to hold elections.", []string{"ECOWAS DEMANDS Malian junta"}},
		{"referred back", "ECOWAS condemned the Malian junta. The junta rejected the criticism.", []string{"ECOWAS ACCUSES Malian junta", "Malian junta REJECTS ECOWAS"}},
	})
	for _, name := range []string{"Mali junta", "Malian junta", "junta in Mali"} {
		if got, ok := defaultExtractor().Canonical(name); !ok || got != "Malian junta" {
			t.Errorf("Canonical(%q) = %q, %v; want Malian junta", name, got, ok)
		}
	}
}
