package stance

import (
	_ "embed"
	"fmt"
	"slices"
	"strings"
)

// cameo2plover is PLOVER's own CAMEO conversion table (see
// CAMEO2PLOVER-2021.NOTICE): lines "CODE: EVENT, mode, context # text".
//
//go:embed CAMEO2PLOVER-2021.txt
var cameo2plover string

// ploverTypes are PLOVER's 16 event types in the manual's order, which is
// also the tie order of ForCAMEO (the table maps root 08 to both CONCEDE
// and RETREAT; the root alone means CONCEDE). Weights are the mean
// Goldstein score (CAMEO.goldsteinscale.txt) of the CAMEO codes the
// table maps to each type, to one decimal.
var ploverTypes = []TypeInfo{
	{Type: "AGREE", Description: "agrees to, or says it intends to, cooperate, meet, settle or yield", Weight: 5.9},
	{Type: "CONSULT", Description: "consults, meets, visits, hosts or negotiates with the object", Weight: 2.8},
	{Type: "SUPPORT", Description: "praises, endorses, defends, recognises or signs an agreement with the object", Weight: 5.1},
	{Type: "CONCEDE", Description: "yields to the object: eases restrictions or accedes to demands", Weight: 5.0},
	{Type: "COOPERATE", Description: "cooperates materially with the object (economic, military, legal, intelligence)", Weight: 6.7},
	{Type: "AID", Description: "gives the object economic, military or humanitarian aid, or protection", Weight: 7.5},
	{Type: "RETREAT", Description: "releases, returns, withdraws, disarms or allows access to the object", Weight: 7.8},
	{Type: "REQUEST", Description: "asks, appeals to or demands that the object do something", Weight: -5.0},
	{Type: "ACCUSE", Description: "accuses, blames, criticises or investigates the object", Weight: -2.0},
	{Type: "REJECT", Description: "rejects the object's request, proposal or mediation, or defies it", Weight: -4.2},
	{Type: "THREATEN", Description: "threatens the object with sanctions, force or other harm", Weight: -6.2},
	{Type: "PROTEST", Description: "demonstrates, strikes or protests against the object", Weight: -6.9},
	{Type: "SANCTION", Description: "reduces or breaks relations with the object, or imposes sanctions", Weight: -5.8},
	{Type: "MOBILIZE", Description: "raises alert or mobilises forces against the object", Weight: -7.2},
	{Type: "COERCE", Description: "coerces the object: seizes, arrests, expels, blockades", Weight: -6.7},
	{Type: "ASSAULT", Description: "attacks, fights or kills, using conventional or unconventional force", Weight: -9.6},
}

// PLOVERVocabulary returns PLOVER's 16 event types as stance types, each
// its own PLOVER type, with the CAMEO codes PLOVER's conversion table
// gives it. It replaces the default vocabulary in a store created with
// it; it does not extend it.
func PLOVERVocabulary() *Vocabulary {
	codes, err := parseCAMEO2PLOVER(cameo2plover)
	if err != nil {
		panic(err) // the embedded table is tested
	}
	v := &Vocabulary{index: map[string]int{}}
	for _, t := range ploverTypes {
		t.PLOVER = t.Type
		t.CAMEO = codes[t.Type]
		v.add(t)
	}
	return v
}

// parseCAMEO2PLOVER returns the CAMEO codes of each PLOVER type of table.
func parseCAMEO2PLOVER(table string) (map[string][]string, error) {
	codes := map[string][]string{}
	for n, line := range strings.Split(table, "\n") {
		line, _, _ = strings.Cut(line, "#")
		if strings.Trim(line, "~") == "" && line != "" {
			break // the table ends with a line of tildes
		}
		code, rest, ok := strings.Cut(line, ":")
		if !ok {
			if strings.TrimSpace(line) != "" {
				return nil, fmt.Errorf("graph: CAMEO2PLOVER line %d: no colon in %q", n+1, line)
			}
			continue
		}
		code = strings.TrimSpace(code)
		event, _, _ := strings.Cut(rest, ",")
		event = strings.TrimSpace(event)
		if !cameoCode.MatchString(code) || !typeName.MatchString(event) {
			return nil, fmt.Errorf("graph: CAMEO2PLOVER line %d: code %q or event %q malformed", n+1, code, event)
		}
		if !slices.Contains(codes[event], code) { // the table lists 175 twice
			codes[event] = append(codes[event], code)
		}
	}
	return codes, nil
}
