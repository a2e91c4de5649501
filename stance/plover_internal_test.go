package stance

import (
	"strings"
	"testing"
)

// TestPLOVERVocabulary: the 16 PLOVER types, each with its CAMEO codes,
// most specific code first.
func TestPLOVERVocabulary(t *testing.T) {
	v := PLOVERVocabulary()
	if n := len(v.Types()); n != 16 {
		t.Fatalf("%d types, want PLOVER's 16", n)
	}
	for _, ty := range v.Types() {
		if len(ty.CAMEO) == 0 || ty.PLOVER != ty.Type {
			t.Errorf("type %+v: no CAMEO code, or PLOVER type not its own", ty)
		}
	}
	for code, want := range map[string]string{"036": "AGREE", "0874": "RETREAT", "08": "CONCEDE", "0811": "CONCEDE", "1123": "ACCUSE", "093": "ACCUSE", "1712": "ASSAULT", "1711": "COERCE", "190": "ASSAULT", "202": "ASSAULT", "013": ""} {
		if got, _ := v.ForCAMEO(code); got != want {
			t.Errorf("ForCAMEO(%q) = %q, want %q", code, got, want)
		}
	}
	if _, err := parseCAMEO2PLOVER("04: CONSULT\n0x4: CONSULT\n"); err == nil || !strings.Contains(err.Error(), "line 2") {
		t.Errorf("a malformed table line: %v, want an error naming line 2", err)
	}
}
