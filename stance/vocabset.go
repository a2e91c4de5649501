package stance

import (
	"fmt"
	"slices"
	"strings"
)

// VocabularyOf returns the vocabulary of exactly types, in order, for a
// program that learns a store's vocabulary from elsewhere (a server's
// answer to the GraphQL vocabulary query). Types are checked as
// ReadTypes checks them; none, or one twice, is an error.
func VocabularyOf(types []TypeInfo) (*Vocabulary, error) {
	v := &Vocabulary{index: map[string]int{}}
	for i, t := range types {
		if err := validateType(i, t); err != nil {
			return nil, err
		}
		if v.Has(t.Type) {
			return nil, fmt.Errorf("%w: vocabulary: type %s twice", ErrInvalidInput, t.Type)
		}
		if t.CAMEO == nil {
			t.CAMEO = []string{}
		}
		v.add(t)
	}
	if len(v.types) == 0 {
		return nil, fmt.Errorf("%w: vocabulary holds no type", ErrInvalidInput)
	}
	return v, nil
}

// Holds returns an ErrVocabularyConflict error unless v has every type of
// want, unchanged.
func (v *Vocabulary) Holds(want []TypeInfo) error {
	var missing []string
	for _, t := range want {
		have, ok := v.Info(t.Type)
		if !ok {
			missing = append(missing, t.Type)
			continue
		}
		if field := differs(have, t); field != "" {
			return fmt.Errorf("%w: type %s has another %s in the store's vocabulary (the store keeps the one it was written with)", ErrVocabularyConflict, t.Type, field)
		}
	}
	if len(missing) > 0 {
		return fmt.Errorf("%w: the store's vocabulary (%s) lacks %s: a store keeps the vocabulary it was created with; extend it to add types", ErrVocabularyConflict, strings.Join(v.Names(), ", "), strings.Join(missing, ", "))
	}
	return nil
}

// Extend returns v with the types of extra it lacks appended, and their
// names; a type v has must come unchanged.
func (v *Vocabulary) Extend(extra []TypeInfo) (*Vocabulary, []string, error) {
	out := &Vocabulary{types: slices.Clone(v.types), index: map[string]int{}}
	for i, t := range out.types {
		out.index[t.Type] = i
	}
	var added []string
	for i, t := range extra {
		if err := validateType(i, t); err != nil {
			return nil, nil, err
		}
		if have, ok := out.Info(t.Type); ok {
			if field := differs(have, t); field != "" {
				return nil, nil, fmt.Errorf("%w: vocabulary entry %d (%s) changes the stored type's %s; a stored type cannot change, add a type under a new name", ErrVocabularyConflict, i+1, t.Type, field)
			}
			continue
		}
		if t.CAMEO == nil {
			t.CAMEO = []string{}
		}
		out.add(t)
		added = append(added, t.Type)
	}
	return out, added, nil
}

// differs names the first field in which a and b differ, or "".
func differs(a, b TypeInfo) string {
	switch {
	case a.Description != b.Description:
		return "description"
	case a.PLOVER != b.PLOVER:
		return "PLOVER type"
	case !slices.Equal(a.CAMEO, b.CAMEO) && (len(a.CAMEO) > 0 || len(b.CAMEO) > 0):
		return "CAMEO list"
	case a.Weight != b.Weight:
		return "weight"
	}
	return ""
}
