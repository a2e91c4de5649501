package resolvers

import (
	"github.com/graphql-go/graphql"

	"github.com/stancegraph/stancegraph/stance"
)

// vocabularyFields are the resolve functions of the store's stance
// vocabulary and its counts.
func (r *Resolver) vocabularyFields() fieldMap {
	return fieldMap{
		"Query": {
			"vocabulary": resolver(r.queryVocabulary),
			"stats":      resolver(r.queryStats),
		},
		"StanceTypeInfo": {
			"type":        field(func(t stance.TypeInfo) any { return t.Type }),
			"description": field(func(t stance.TypeInfo) any { return t.Description }),
			"plover":      field(func(t stance.TypeInfo) any { return optString(t.PLOVER) }),
			"cameo":       field(func(t stance.TypeInfo) any { return nonNilStrings(t.CAMEO) }),
			"weight":      field(func(t stance.TypeInfo) any { return t.Weight }),
		},
		"Stats": {
			"actors":    field(func(s stance.Stats) any { return s.Actors }),
			"stances":   field(func(s stance.Stats) any { return s.Stances }),
			"documents": field(func(s stance.Stats) any { return s.Documents }),
			"retracted": field(func(s stance.Stats) any { return s.Retracted }),
		},
	}
}

func (r *Resolver) queryVocabulary(p graphql.ResolveParams) (interface{}, error) {
	return r.Vocabulary().Types(), nil
}

func (r *Resolver) queryStats(p graphql.ResolveParams) (interface{}, error) {
	return r.store.Stats(p.Context)
}
