package resolvers

import (
	"fmt"
	"strings"

	"github.com/graphql-go/graphql"

	"github.com/stancegraph/stancegraph/stance"
)

// mutationFields are the resolve functions of the mutations and of what
// they answer beside the nouns.
func (r *Resolver) mutationFields() fieldMap {
	return fieldMap{
		"Mutation": {
			"upsertActor":    resolver(r.mutUpsertActor),
			"addAlias":       resolver(r.mutAddAlias),
			"mergeActors":    resolver(r.mutMergeActors),
			"addStance":      resolver(r.mutAddStance),
			"retractStance":  resolver(r.mutRetractStance),
			"ingestDocument": resolver(r.mutIngestDocument),
		},
		"IngestResult": {
			"document": field(func(i *ingestValue) any { return i.document }),
			"stances":  field(func(i *ingestValue) any { return i.stances }),
			"created":  field(func(i *ingestValue) any { return i.created }),
		},
		"IngestCounts": {
			"actors":    field(func(c stance.LoadResult) any { return c.Actors }),
			"documents": field(func(c stance.LoadResult) any { return c.Documents }),
			"stances":   field(func(c stance.LoadResult) any { return c.Stances }),
		},
	}
}

func (r *Resolver) mutUpsertActor(p graphql.ResolveParams) (interface{}, error) {
	in := args(p.Args).obj("input")
	name := strings.TrimSpace(in.str("name"))
	if name == "" {
		return nil, badArg("input.name", "must not be empty")
	}
	kind, _ := in["kind"].(string)
	a, err := r.store.UpsertActor(p.Context, stance.Actor{
		Name:     name,
		Kind:     stance.ActorKind(kind),
		Aliases:  in.strings("aliases"),
		Country:  in.str("country"),
		Code:     in.str("code"),
		Wikidata: in.str("wikidata"),
	})
	if err != nil {
		return nil, argError("input", err)
	}
	return r.newScope().actorValue(a), nil
}

func (r *Resolver) mutAddAlias(p graphql.ResolveParams) (interface{}, error) {
	a := args(p.Args)
	act, err := r.actorRef(p.Context, "actor", a.str("actor"))
	if err != nil {
		return nil, err
	}
	alias := strings.TrimSpace(a.str("alias"))
	if alias == "" {
		return nil, badArg("alias", "must not be empty")
	}
	out, err := r.store.AddAlias(p.Context, act.ID, alias)
	if err != nil {
		return nil, argError("alias", err)
	}
	return r.newScope().actorValue(out), nil
}

func (r *Resolver) mutMergeActors(p graphql.ResolveParams) (interface{}, error) {
	a := args(p.Args)
	keep, err := r.actorRef(p.Context, "keep", a.str("keep"))
	if err != nil {
		return nil, err
	}
	merge, err := r.actorRef(p.Context, "merge", a.str("merge"))
	if err != nil {
		return nil, err
	}
	if keep.ID == merge.ID {
		return nil, badArg("merge", "%q and %q are the same actor (%s)", a.str("keep"), a.str("merge"), keep.Name)
	}
	out, err := r.store.MergeActors(p.Context, keep.ID, merge.ID)
	if err != nil {
		return nil, err
	}
	return r.newScope().actorValue(out), nil
}

func (r *Resolver) mutAddStance(p graphql.ResolveParams) (interface{}, error) {
	in := args(p.Args).obj("input")
	subj, err := r.actorRef(p.Context, "input.subject", in.str("subject"))
	if err != nil {
		return nil, err
	}
	obj, err := r.actorRef(p.Context, "input.object", in.str("object"))
	if err != nil {
		return nil, err
	}
	conf := in.float("confidence", 1)
	if conf <= 0 || conf > 1 {
		return nil, badArg("input.confidence", "must be greater than 0 and at most 1, got %v", conf)
	}
	spec := stance.StanceSpec{
		Subject:    subj.ID,
		Type:       in.str("type"),
		Object:     obj.ID,
		Topic:      in.str("topic"),
		Date:       in.date("date"),
		Confidence: conf,
	}
	evs, _ := in["evidence"].([]interface{})
	for i, e := range evs {
		ev := args(asMap(e))
		doc, quote := ev.str("document"), ev.str("quote")
		if err := uuidArg(fmt.Sprintf("input.evidence[%d].document", i), doc); err != nil {
			return nil, err
		}
		if quote == "" {
			return nil, badArg(fmt.Sprintf("input.evidence[%d].quote", i), "must not be empty")
		}
		es := stance.EvidenceSpec{Document: doc, Quote: quote, Prefix: ev.str("prefix"), Suffix: ev.str("suffix")}
		if start, ok := ev["start"].(int); ok {
			if start < 0 {
				return nil, badArg(fmt.Sprintf("input.evidence[%d].start", i), "must not be negative, got %d", start)
			}
			es.Start = &start
		}
		spec.Evidence = append(spec.Evidence, es)
	}
	s, _, err := r.store.AddStance(p.Context, spec)
	if err != nil {
		return nil, argError("input", err)
	}
	sc := r.newScope()
	sc.remember(subj, obj)
	return sc.stanceValues([]stance.Stance{s})[0], nil
}

func (r *Resolver) mutRetractStance(p graphql.ResolveParams) (interface{}, error) {
	a := args(p.Args)
	id := a.str("id")
	if err := uuidArg("id", id); err != nil {
		return nil, err
	}
	s, err := r.store.RetractStance(p.Context, id, a.str("reason"))
	if err != nil {
		return nil, argError("id", err)
	}
	return r.newScope().stanceValues([]stance.Stance{s})[0], nil
}

// mutIngestDocument stores a document and, with extract: true, the stances
// Config.Ingest finds in it.
func (r *Resolver) mutIngestDocument(p graphql.ResolveParams) (interface{}, error) {
	in := args(p.Args).obj("input")
	doc := stance.Document{
		Text:   in.str("text"),
		Title:  in.str("title"),
		Source: in.str("source"),
		URL:    in.str("url"),
		Date:   in.date("date"),
	}
	if strings.TrimSpace(doc.Text) == "" {
		return nil, badArg("input.text", "must not be empty")
	}
	sc := r.newScope()
	if in.bool("extract", true) {
		if r.ingest == nil {
			return nil, &Error{
				Code:    CodeUnavailable,
				Message: "argument input.extract: stance extraction is not available on this server; pass extract: false to store the document alone",
			}
		}
		in, err := r.ingest(p.Context, doc)
		if err != nil {
			return nil, argError("input", err)
		}
		return &ingestValue{document: &documentValue{d: in.Document, sc: sc}, stances: sc.stanceValues(in.Stances), created: in.Created}, nil
	}
	d, isNew, err := r.store.PutDocument(p.Context, doc)
	if err != nil {
		return nil, argError("input", err)
	}
	v := &ingestValue{document: &documentValue{d: d, sc: sc}, stances: []*stanceValue{}}
	if isNew {
		v.created.Documents = 1
	}
	return v, nil
}

// ingestValue is the source of IngestResult fields.
type ingestValue struct {
	document *documentValue
	stances  []*stanceValue
	created  stance.LoadResult
}

func asMap(v interface{}) map[string]interface{} {
	m, _ := v.(map[string]interface{})
	return m
}
