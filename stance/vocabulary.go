package stance

import (
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"
)

// TypeInfo describes one stance type of a Vocabulary.
type TypeInfo struct {
	Type        Type     `json:"type"`
	Description string   `json:"description"`
	PLOVER      string   `json:"plover,omitempty"` // corresponding PLOVER event type
	CAMEO       []string `json:"cameo"`            // CAMEO codes it covers
	Weight      float64  `json:"weight"`           // Goldstein-style, +10 cooperation to -10 conflict
}

// Vocabulary is the ordered set of stance types a store accepts. It is
// immutable after construction and safe for concurrent use.
type Vocabulary struct {
	types []TypeInfo
	index map[string]int
}

// defaultTypes are always present. Weights are the Goldstein scores of the
// CAMEO root codes each type covers (CAMEO.goldsteinscale.txt).
var defaultTypes = []TypeInfo{
	{Type: Supports, Description: "backs, endorses, welcomes or praises the object or its proposal", PLOVER: "SUPPORT", CAMEO: []string{"05", "051"}, Weight: 3.4},
	{Type: Rejects, Description: "rejects, refuses or dismisses the object's offer, demand or claim", PLOVER: "REJECT", CAMEO: []string{"12"}, Weight: -4.0},
	{Type: Demands, Description: "calls on, urges or insists that the object do something", PLOVER: "REQUEST", CAMEO: []string{"10"}, Weight: -5.0},
	{Type: Accuses, Description: "accuses, blames or alleges wrongdoing by the object", PLOVER: "ACCUSE", CAMEO: []string{"11", "112"}, Weight: -2.0},
	{Type: Offers, Description: "offers or proposes something to the object", PLOVER: "AGREE", CAMEO: []string{"03"}, Weight: 4.0},
	{Type: Engages, Description: "holds talks, meets or keeps contacts with the object", PLOVER: "CONSULT", CAMEO: []string{"04"}, Weight: 1.0},
}

// typeName is what a GraphQL enum value may be; it also keeps type names
// free of the separator byte used in storage keys.
var typeName = regexp.MustCompile(`^[A-Z][A-Z0-9_]{0,63}$`)

// cameoCode is a CAMEO event code at any level of the hierarchy.
var cameoCode = regexp.MustCompile(`^[0-9]{2,4}$`)

// DefaultVocabulary returns the six default stance types.
func DefaultVocabulary() *Vocabulary {
	v, _ := NewVocabulary(nil)
	return v
}

// NewVocabulary returns the default types followed by extra. An extra entry
// naming a default type replaces its description and mappings.
func NewVocabulary(extra []TypeInfo) (*Vocabulary, error) {
	v := &Vocabulary{index: map[string]int{}}
	for _, t := range defaultTypes {
		t.CAMEO = slices.Clone(t.CAMEO)
		v.add(t)
	}
	for i, t := range extra {
		if err := validateType(i, t); err != nil {
			return nil, err
		}
		if t.CAMEO == nil {
			t.CAMEO = []string{}
		}
		v.add(t)
	}
	return v, nil
}

// validateType checks entry i of a vocabulary.
func validateType(i int, t TypeInfo) error {
	if !typeName.MatchString(t.Type) {
		return fmt.Errorf("%w: vocabulary entry %d: type %q must be upper case letters, digits and _", ErrInvalidInput, i+1, t.Type)
	}
	if t.Weight < -10 || t.Weight > 10 {
		return fmt.Errorf("%w: vocabulary entry %d (%s): weight %v is outside -10..10", ErrInvalidInput, i+1, t.Type, t.Weight)
	}
	if t.Description == "" {
		return fmt.Errorf("%w: vocabulary entry %d (%s): description is required", ErrInvalidInput, i+1, t.Type)
	}
	for _, c := range t.CAMEO {
		if !cameoCode.MatchString(c) {
			return fmt.Errorf("%w: vocabulary entry %d (%s): CAMEO code %q is not 2 to 4 digits", ErrInvalidInput, i+1, t.Type, c)
		}
	}
	return nil
}

func (v *Vocabulary) add(t TypeInfo) {
	if i, ok := v.index[t.Type]; ok {
		v.types[i] = t
		return
	}
	v.index[t.Type] = len(v.types)
	v.types = append(v.types, t)
}

// ReadVocabulary reads a JSON array of TypeInfo objects and returns the
// default vocabulary extended with them.
func ReadVocabulary(r io.Reader) (*Vocabulary, error) {
	extra, err := ReadTypes(r)
	if err != nil {
		return nil, err
	}
	return NewVocabulary(extra)
}

// ReadTypes reads a JSON array of TypeInfo objects, for
// Options.ExtendVocabulary.
func ReadTypes(r io.Reader) ([]TypeInfo, error) {
	var types []TypeInfo
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&types); err != nil {
		return nil, fmt.Errorf("%w: vocabulary: %v", ErrInvalidInput, err)
	}
	for i, t := range types {
		if err := validateType(i, t); err != nil {
			return nil, err
		}
	}
	return types, nil
}

// BuiltinVocabulary returns a vocabulary graphd knows by name: "default"
// (DefaultVocabulary) or "plover" (PLOVERVocabulary).
func BuiltinVocabulary(name string) (*Vocabulary, bool) {
	switch strings.ToLower(name) {
	case "default":
		return DefaultVocabulary(), true
	case "plover":
		return PLOVERVocabulary(), true
	}
	return nil, false
}

// Types returns every type in order: the defaults first.
func (v *Vocabulary) Types() []TypeInfo {
	out := make([]TypeInfo, len(v.types))
	for i, t := range v.types {
		t.CAMEO = slices.Clone(t.CAMEO)
		out[i] = t
	}
	return out
}

// Names returns the type names in order.
func (v *Vocabulary) Names() []string {
	out := make([]string, len(v.types))
	for i, t := range v.types {
		out[i] = t.Type
	}
	return out
}

// Has reports whether t is a type of v.
func (v *Vocabulary) Has(t string) bool {
	_, ok := v.index[t]
	return ok
}

// Info returns the description of type t.
func (v *Vocabulary) Info(t string) (TypeInfo, bool) {
	i, ok := v.index[t]
	if !ok {
		return TypeInfo{}, false
	}
	return v.types[i], true
}

// Validate returns an error wrapping ErrInvalidType that names t and the
// known types when v lacks t, the message every store gives for it.
func (v *Vocabulary) Validate(t string) error {
	if !v.Has(t) {
		return fmt.Errorf("%w: %q (known: %v)", ErrInvalidType, t, v.Names())
	}
	return nil
}

// ForCAMEO returns the type whose cameo list holds the longest prefix of
// code, a CAMEO event code such as "0431": event files code at every level
// of the hierarchy, and a type listing "043" must win over one listing
// "04". Ties go to the type first in the vocabulary.
func (v *Vocabulary) ForCAMEO(code string) (string, bool) {
	best, bestLen := "", 0
	for _, t := range v.types {
		for _, c := range t.CAMEO {
			if len(c) > bestLen && strings.HasPrefix(code, c) {
				best, bestLen = t.Type, len(c)
			}
		}
	}
	return best, bestLen > 0
}

// ForPLOVER returns the first type whose PLOVER event type is event, for
// datasets coded in PLOVER rather than CAMEO.
func (v *Vocabulary) ForPLOVER(event string) (string, bool) {
	for _, t := range v.types {
		if t.PLOVER != "" && strings.EqualFold(t.PLOVER, event) {
			return t.Type, true
		}
	}
	return "", false
}

// Select validates the types a query names and returns them, or the whole
// vocabulary when it names none: the rule every filter by type follows.
func (v *Vocabulary) Select(types []string) ([]string, error) {
	if len(types) == 0 {
		return v.Names(), nil
	}
	for _, t := range types {
		if err := v.Validate(t); err != nil {
			return nil, err
		}
	}
	return types, nil
}
