package dgraphstore_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/stance"
)

// TestSameAnswersAsEmbedded loads one generated graph, larger and more
// tangled than the conformance fixture, into the embedded store and into
// Dgraph, and asks both the same questions: every listing paged to its
// end, adjacency, dyads, matrices and paths must come back equal, order
// included.
func TestSameAnswersAsEmbedded(t *testing.T) {
	c := shared(t)
	ctx := context.Background()
	emb, err := graph.Open("", &graph.Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	defer emb.Close()
	dg := openEmpty(t, c)
	b, names := generated(24, 500)
	var results []stance.LoadResult
	for _, s := range []stance.Store{emb, dg} {
		res, err := s.Load(ctx, b)
		if err != nil {
			t.Fatal(err)
		}
		results = append(results, res)
		// Retract a few, so that listings must tell live from retracted.
		all, err := s.Stances(ctx, stance.StanceQuery{First: 30})
		if err != nil {
			t.Fatal(err)
		}
		for _, st := range all.Stances[:5] {
			if _, err := s.RetractStance(ctx, st.ID, "test"); err != nil {
				t.Fatal(err)
			}
		}
	}
	if !reflect.DeepEqual(results[1], results[0]) {
		t.Errorf("Load = %+v\nembedded store's %+v", clipAny(results[1]), clipAny(results[0]))
	}
	sameAnswers(t, ctx, emb, dg, names)
}

// sameAnswers asks want and got every question about the graph of
// generated's names and reports each answer or error that differs.
func sameAnswers(t *testing.T, ctx context.Context, want, got stance.Store, names []string) {
	t.Helper()
	for _, q := range questions(names) {
		w, werr := q.ask(ctx, want)
		g, gerr := q.ask(ctx, got)
		if fmt.Sprint(werr) != fmt.Sprint(gerr) {
			t.Errorf("%s: error %v, want %v", q.name, gerr, werr)
			continue
		}
		if !reflect.DeepEqual(g, w) {
			t.Errorf("%s:\n got %+v\nwant %+v", q.name, clipAny(g), clipAny(w))
		}
	}
}

// question is one call asked of both stores.
type question struct {
	name string
	ask  func(ctx context.Context, s stance.Store) (any, error)
}

// questions covers each listing and analysis with several arguments.
func questions(names []string) []question {
	var qs []question
	add := func(name string, ask func(ctx context.Context, s stance.Store) (any, error)) {
		qs = append(qs, question{name, ask})
	}
	types := []stance.Type{stance.Rejects, stance.Supports}
	from, to := stance.NewDate(2020, 3, 1), stance.NewDate(2020, 8, 31)
	for _, sq := range []stance.StanceQuery{
		{}, {IncludeRetracted: true}, {Subject: names[1]}, {Object: names[2]}, {Subject: names[3], Object: names[4]},
		{Subject: names[5], Types: types}, {Object: names[6], Types: types}, {Types: types}, {From: from, To: to},
		{MinConfidence: 0.6}, {Dataset: "gdelt"}, {QuadClass: 2}, {Document: stance.DocumentID(docText(1))}, {Subject: names[7], From: from},
	} {
		add(fmt.Sprintf("Stances(%+v)", sq), func(ctx context.Context, s stance.Store) (any, error) {
			return pages(func(after string) (stance.StancePage, error) {
				sq.First, sq.After = 7, after
				return s.Stances(ctx, sq)
			})
		})
	}
	for i, name := range names[:8] {
		for _, aq := range []stance.AdjacencyQuery{{}, {Direction: stance.Out}, {Direction: stance.In, Types: types}, {Counterpart: names[(i+1)%len(names)]}, {From: from}} {
			add(fmt.Sprintf("ActorStances(%s, %+v)", name, aq), func(ctx context.Context, s stance.Store) (any, error) {
				return pages(func(after string) (stance.StancePage, error) {
					aq.First, aq.After = 5, after
					return s.ActorStances(ctx, name, aq)
				})
			})
		}
		for _, d := range []stance.Direction{stance.Both, stance.Out, stance.In} {
			add(fmt.Sprintf("Degree(%s, %d)", name, d), func(ctx context.Context, s stance.Store) (any, error) { return s.Degree(ctx, name, d) })
		}
		other := names[(i+3)%len(names)]
		add(fmt.Sprintf("Dyad(%s, %s)", name, other), func(ctx context.Context, s stance.Store) (any, error) { return s.Dyad(ctx, name, other) })
		add(fmt.Sprintf("DyadStances(%s, %s)", name, other), func(ctx context.Context, s stance.Store) (any, error) {
			return pages(func(after string) (stance.StancePage, error) {
				return s.DyadStances(ctx, name, other, stance.PageQuery{First: 2, After: after})
			})
		})
		for _, pq := range []stance.PathQuery{{To: other}, {To: other, MaxHops: 2, Limit: 50}, {To: other, FollowDirection: true, MaxHops: 4}, {To: names[20], Types: types, MaxHops: 3}} {
			pq.From = name
			add(fmt.Sprintf("Paths(%+v)", pq), func(ctx context.Context, s stance.Store) (any, error) { return s.Paths(ctx, pq) })
		}
	}
	for _, mq := range []stance.MatrixQuery{{}, {Actors: names[:6]}, {Types: types, From: from, To: to}} {
		add(fmt.Sprintf("Matrix(%+v)", mq), func(ctx context.Context, s stance.Store) (any, error) { return s.Matrix(ctx, mq) })
	}
	for _, aq := range []stance.ActorQuery{{}, {Kind: stance.KindState}, {Search: "actor 1"}, {Code: "C3"}} {
		add(fmt.Sprintf("Actors(%+v)", aq), func(ctx context.Context, s stance.Store) (any, error) {
			var all []stance.Actor
			after := ""
			for {
				q := aq
				q.First, q.After = 4, after
				p, err := s.Actors(ctx, q)
				if err != nil {
					return nil, err
				}
				all = append(all, p.Actors...)
				if !p.HasNext {
					return []any{all, p.Total}, nil
				}
				after = p.EndCursor
			}
		})
	}
	add("ActorByCode(C3)", func(ctx context.Context, s stance.Store) (any, error) { return s.ActorByCode(ctx, "c3") })
	add("Stats", func(ctx context.Context, s stance.Store) (any, error) { return s.Stats(ctx) })
	add("ForEachStance(all)", func(ctx context.Context, s stance.Store) (any, error) {
		var all []stance.Stance
		err := s.ForEachStance(ctx, &stance.EachOptions{IncludeRetracted: true}, func(st stance.Stance) error { all = append(all, st); return nil })
		return all, err
	})
	add("Documents", func(ctx context.Context, s stance.Store) (any, error) {
		var all []stance.Document
		after := ""
		for {
			p, err := s.Documents(ctx, stance.PageQuery{First: 2, After: after})
			if err != nil {
				return nil, err
			}
			all = append(all, p.Documents...)
			if !p.HasNext {
				return []any{all, p.Total}, nil
			}
			after = p.EndCursor
		}
	})
	return qs
}

// pages reads a stance listing to its end and returns its items with the
// totals and next-page flags of each page.
func pages(page func(after string) (stance.StancePage, error)) (any, error) {
	var items []stance.Stance
	var meta []string
	after := ""
	for range 1000 {
		p, err := page(after)
		if err != nil {
			return nil, err
		}
		items = append(items, p.Stances...)
		meta = append(meta, fmt.Sprintf("%d/%d/%v", len(p.Stances), p.Total, p.HasNext))
		if !p.HasNext {
			break
		}
		after = p.EndCursor
	}
	return []any{items, meta}, nil
}

// generated makes n actors and m stances between them, some quoted from
// three documents, some dated, with repeated (subject, type, object)
// triples so that listings have ties to order.
func generated(n, m int) (stance.Batch, []string) {
	r := rand.New(rand.NewPCG(1, 2))
	b := stance.Batch{Upsert: true} // repeated stances change confidence and topic
	var names []string
	kinds := stance.ActorKinds()
	for i := range n {
		name := fmt.Sprintf("Actor %d", i)
		names = append(names, name)
		a := stance.Actor{Name: name, Kind: kinds[i%len(kinds)], Aliases: []string{fmt.Sprintf("A-%d alias", i)}}
		if i%4 == 0 {
			a.Code = fmt.Sprintf("C%d", i%8)
		}
		b.Actors = append(b.Actors, a)
	}
	for d := range 3 {
		b.Documents = append(b.Documents, stance.Document{Title: fmt.Sprintf("Doc %d", d), Date: stance.NewDate(2020, 1, 1+d), Text: docText(d)})
	}
	vocab := stance.DefaultVocabulary().Names()
	for i := range m {
		s, o := r.IntN(n/2), r.IntN(n)
		if s == o {
			o = (o + 1) % n
		}
		spec := stance.StanceSpec{Subject: names[s], Type: vocab[r.IntN(len(vocab))], Object: names[o], Topic: []string{"", "aid", "talks"}[r.IntN(3)]}
		if r.IntN(3) > 0 {
			spec.Date = stance.NewDate(2020, 1, 1+r.IntN(300))
		}
		spec.Confidence = []float64{0, 0.5, 0.8}[r.IntN(3)]
		if i%11 == 0 {
			spec.References = []stance.Reference{{Dataset: "GDELT", Record: fmt.Sprint(1000 + i), URL: fmt.Sprintf("https://example.org/%d", i)}}
			spec.Event = &stance.Measures{EventCode: "042", Goldstein: 1.9, HasGoldstein: true, QuadClass: 1 + i%4}
		}
		if i%5 == 0 {
			d := r.IntN(3)
			spec.Evidence = []stance.EvidenceSpec{{Document: stance.DocumentID(docText(d)), Quote: fmt.Sprintf("sentence %d of %d.", i%7, d)}}
		}
		b.Stances = append(b.Stances, spec)
	}
	return b, names
}

// docText is document d's text: seven distinct sentences.
func docText(d int) string {
	var s strings.Builder
	for i := range 7 {
		fmt.Fprintf(&s, "This is sentence %d of %d. ", i, d)
	}
	return s.String()
}

// clipAny prints at most a few hundred characters of v.
func clipAny(v any) string {
	s := fmt.Sprintf("%+v", v)
	if len(s) > 600 {
		return s[:600] + "..."
	}
	return s
}
