package graph_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/stancegraph/stancegraph/graph"
)

// aliases returns n distinct aliases.
func aliases(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("Alias %d", i)
	}
	return out
}

// TestAliasLimit checks that no path gives an actor more than MaxAliases
// aliases: a load, the upsertActor and addAlias mutations, and a merge.
func TestAliasLimit(t *testing.T) {
	max := graph.MaxAliases
	for _, tc := range []struct {
		name string
		run  func(s *graph.Store) error
		ok   bool
	}{
		{"load at the limit", func(s *graph.Store) error {
			_, err := s.Load(ctx, graph.Batch{Actors: []graph.Actor{{Name: "Many", Aliases: aliases(max)}}})
			return err
		}, true},
		{"load over the limit", func(s *graph.Store) error {
			_, err := s.Load(ctx, graph.Batch{Actors: []graph.Actor{{Name: "Many", Aliases: aliases(max + 1)}}})
			return err
		}, false},
		{"load adding to a full actor", func(s *graph.Store) error {
			if _, err := s.Load(ctx, graph.Batch{Actors: []graph.Actor{{Name: "Many", Aliases: aliases(max)}}}); err != nil {
				return fmt.Errorf("first load: %v", err) // not ErrTooManyAliases: fails the test
			}
			_, err := s.Load(ctx, graph.Batch{Actors: []graph.Actor{{Name: "Many", Aliases: []string{"One more"}}}})
			return err
		}, false},
		{"upsertActor over the limit", func(s *graph.Store) error {
			_, err := s.UpsertActor(ctx, graph.Actor{Name: "Many", Aliases: aliases(max + 1)})
			return err
		}, false},
		{"addAlias to a full actor", func(s *graph.Store) error {
			if _, err := s.UpsertActor(ctx, graph.Actor{Name: "Many", Aliases: aliases(max)}); err != nil {
				return fmt.Errorf("upsert: %v", err)
			}
			_, err := s.AddAlias(ctx, "Many", "One more")
			return err
		}, false},
		{"merge past the limit", func(s *graph.Store) error {
			if _, err := s.UpsertActor(ctx, graph.Actor{Name: "Many", Aliases: aliases(max)}); err != nil {
				return fmt.Errorf("upsert: %v", err)
			}
			if _, err := s.UpsertActor(ctx, graph.Actor{Name: "Other", Aliases: []string{"Other alias"}}); err != nil {
				return fmt.Errorf("upsert: %v", err)
			}
			_, err := s.MergeActors(ctx, "Many", "Other")
			return err
		}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, _ := newStore(t)
			err := tc.run(s)
			switch {
			case tc.ok && err != nil:
				t.Fatalf("got %v, want success", err)
			case !tc.ok && !errors.Is(err, graph.ErrTooManyAliases):
				t.Fatalf("got %v, want ErrTooManyAliases", err)
			case !tc.ok && !strings.Contains(err.Error(), `"Many"`):
				t.Fatalf("%v does not name the actor", err)
			}
			if a, err := s.Actor(ctx, "Many"); err == nil && len(a.Aliases) > max {
				t.Fatalf("actor stored with %d aliases", len(a.Aliases))
			}
			mustCheck(t, s)
		})
	}
}

// TestNameProfile checks the names refused and the ones folded together,
// on every way a name enters: a load, upsertActor and addAlias.
func TestNameProfile(t *testing.T) {
	nfc, nfd := "Talib\u00e1n", "Taliba\u0301n"
	enter := map[string]func(s *graph.Store, name string) error{
		"load": func(s *graph.Store, name string) error {
			_, err := s.Load(ctx, graph.Batch{Actors: []graph.Actor{{Name: name}}})
			return err
		},
		"load alias": func(s *graph.Store, name string) error {
			_, err := s.Load(ctx, graph.Batch{Actors: []graph.Actor{{Name: "Newcomer", Aliases: []string{name}}}})
			return err
		},
		"upsertActor": func(s *graph.Store, name string) error {
			_, err := s.UpsertActor(ctx, graph.Actor{Name: name})
			return err
		},
		"addAlias": func(s *graph.Store, name string) error {
			_, err := s.AddAlias(ctx, "United States", name)
			return err
		},
	}
	for _, tc := range []struct {
		name    string
		value   string
		want    error
		mention []string // parts of the message
	}{
		{"control", "Tali\x07ban", graph.ErrInvalidName, []string{`"Tali\aban"`, "U+0007", "control"}},
		{"zero-width space", "Tali\u200bban", graph.ErrInvalidName, []string{`"Tali\u200bban"`, "U+200B", "format"}},
		{"right-to-left override", "\u202eTaliban", graph.ErrInvalidName, []string{"U+202E"}},
		{"line separator", "Tali\u2028ban", graph.ErrInvalidName, []string{"U+2028"}},
		{"private use", "Tali\ue000ban", graph.ErrInvalidName, []string{"U+E000"}},
		{"Cyrillic T", "\u0422aliban", graph.ErrLookalike, []string{`"taliban"`, `actor "Taliban"`}},
		{"Greek omicron", "Kabul g\u03bfvernment", graph.ErrLookalike, []string{`actor "Kabul government"`}},
		{"all Cyrillic look-alike", "\u0422\u0430l\u0456b\u0430n", graph.ErrLookalike, []string{`actor "Taliban"`}},
		{"plain new name", "Hezbollah", nil, nil},
		{"Cyrillic name", "\u0420\u043e\u0441\u0441\u0438\u044f", nil, nil},
	} {
		for how, fn := range enter {
			t.Run(tc.name+"/"+how, func(t *testing.T) {
				s, _ := newStore(t)
				err := fn(s, tc.value)
				if tc.want == nil {
					if err != nil {
						t.Fatalf("got %v, want success", err)
					}
					return
				}
				if !errors.Is(err, tc.want) {
					t.Fatalf("got %v, want %v", err, tc.want)
				}
				for _, m := range tc.mention {
					if !strings.Contains(err.Error(), m) {
						t.Errorf("%v does not mention %s", err, m)
					}
				}
				mustCheck(t, s)
			})
		}
	}
	t.Run("NFC and NFD are one actor", func(t *testing.T) {
		s, _ := newStore(t)
		res, err := s.Load(ctx, graph.Batch{Actors: []graph.Actor{{Name: nfc, Kind: graph.KindArmedGroup}, {Name: nfd}}})
		if err != nil || res.Actors != 1 {
			t.Fatalf("load: %+v, %v; want one actor", res, err)
		}
		a, err := s.Actor(ctx, nfd)
		if err != nil || a.Name != nfc {
			t.Fatalf("Actor(NFD) = %q, %v; want the NFC actor", a.Name, err)
		}
		if graph.ActorID(nfd) != graph.ActorID(nfc) || graph.NormalizeName(nfd) != graph.NormalizeName(nfc) {
			t.Fatal("NFC and NFD spellings have different keys")
		}
	})
	t.Run("look-alike of a stored look-alike", func(t *testing.T) {
		s, _ := newStore(t)
		if _, err := s.UpsertActor(ctx, graph.Actor{Name: "\u0421\u043e\u0441\u043e"}); err != nil { // Cyrillic "Сосо"
			t.Fatal(err)
		}
		_, err := s.UpsertActor(ctx, graph.Actor{Name: "Coco"})
		if !errors.Is(err, graph.ErrLookalike) || !strings.Contains(err.Error(), "\u0421\u043e\u0441\u043e") {
			t.Fatalf("got %v, want ErrLookalike naming the Cyrillic actor", err)
		}
	})
}

// TestLoadConflicts checks that a load changes nothing stored silently:
// without Upsert each conflict is an error naming the record and both
// values, with it the change is made and listed.
func TestLoadConflicts(t *testing.T) {
	for _, tc := range []struct {
		name    string
		batch   func(doc graph.Document) graph.Batch
		mention []string     // parts of the error without upsert
		change  graph.Change // expected among the changes with upsert
		after   func(s *graph.Store) error
	}{
		{"kind", func(graph.Document) graph.Batch {
			return graph.Batch{Actors: []graph.Actor{{Name: "Taliban", Kind: graph.KindState}}}
		}, []string{`actor "Taliban"`, `kind would change from "ARMED_GROUP" to "STATE"`},
			graph.Change{Record: "actor", Field: "kind", Old: "ARMED_GROUP", New: "STATE"},
			func(s *graph.Store) error { return wantKind(s, "Taliban", graph.KindState) }},
		{"country", func(graph.Document) graph.Batch {
			return graph.Batch{Actors: []graph.Actor{{Name: "United States", Country: "CAN"}}}
		}, []string{`country would change from "USA" to "CAN"`},
			graph.Change{Record: "actor", Field: "country", Old: "USA", New: "CAN"}, nil},
		{"alias of another actor", func(graph.Document) graph.Batch {
			return graph.Batch{Actors: []graph.Actor{{Name: "George Washington", Kind: graph.KindPerson, Aliases: []string{"Washington"}}}}
		}, []string{`actor "George Washington"`, `alias "Washington" already names actor "United States"`},
			graph.Change{Record: "actor", Field: "merged"}, nil},
		{"stance confidence", func(doc graph.Document) graph.Batch {
			return graph.Batch{Stances: []graph.StanceSpec{{Subject: "United States", Type: "DEMANDS", Object: "Taliban", Confidence: 0.4,
				Evidence: []graph.EvidenceSpec{{Document: doc.ID, Quote: "urged the Taliban to talk"}}}}}
		}, []string{`confidence "1", not "0.4"`},
			graph.Change{Record: "stance", Field: "confidence", Old: "1", New: "0.4"}, nil},
		{"stance topic", func(doc graph.Document) graph.Batch {
			return graph.Batch{Stances: []graph.StanceSpec{
				{Subject: "Taliban", Type: "REJECTS", Object: "Kabul government", Topic: "talks", Evidence: []graph.EvidenceSpec{{Document: doc.ID, Quote: "The Taliban rejected talks with Kabul"}}},
				{Subject: "Taliban", Type: "REJECTS", Object: "Kabul government", Topic: "elections", Evidence: []graph.EvidenceSpec{{Document: doc.ID, Quote: "The Taliban rejected talks with Kabul"}}},
			}}
		}, []string{`topic "talks", not "elections"`},
			graph.Change{Record: "stance", Index: 1, Field: "topic", Old: "talks", New: "elections"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, doc := newStore(t)
			before := dumpActors(t, s)
			_, err := s.Load(ctx, tc.batch(doc))
			var re *graph.RecordError
			if !errors.Is(err, graph.ErrConflict) || !errors.As(err, &re) {
				t.Fatalf("got %v, want a RecordError wrapping ErrConflict", err)
			}
			for _, m := range tc.mention {
				if !strings.Contains(err.Error(), m) {
					t.Errorf("%v does not mention %s", err, m)
				}
			}
			if after := dumpActors(t, s); after != before {
				t.Fatalf("a refused load changed the actors:\n%s\nwas\n%s", after, before)
			}
			b := tc.batch(doc)
			b.Upsert = true
			res, err := s.Load(ctx, b)
			if err != nil {
				t.Fatalf("upsert: %v", err)
			}
			if !hasChange(res.Changes, tc.change) {
				t.Fatalf("upsert changes %v do not include %+v", res.Changes, tc.change)
			}
			if tc.after != nil {
				if err := tc.after(s); err != nil {
					t.Fatal(err)
				}
			}
			mustCheck(t, s)
		})
	}
}

// hasChange reports whether list holds a change with want's non-empty fields.
func hasChange(list []graph.Change, want graph.Change) bool {
	for _, c := range list {
		if c.Record == want.Record && c.Index == want.Index && c.Field == want.Field &&
			(want.Old == "" || c.Old == want.Old) && (want.New == "" || c.New == want.New) {
			return true
		}
	}
	return false
}

func wantKind(s *graph.Store, name string, k graph.ActorKind) error {
	a, err := s.Actor(ctx, name)
	if err != nil || a.Kind != k {
		return fmt.Errorf("actor %q is %q (%v), want %q", name, a.Kind, err, k)
	}
	return nil
}

// dumpActors writes every actor, for comparing before and after.
func dumpActors(t *testing.T, s *graph.Store) string {
	t.Helper()
	page, err := s.Actors(ctx, graph.ActorQuery{First: graph.MaxPageSize})
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("%+v", page.Actors)
}

// TestQuoteDisambiguation checks that a quote occurring twice needs a
// selector, on a load and on AddStance.
func TestQuoteDisambiguation(t *testing.T) {
	text := "Iran warned Israel. Then, after talks, Iran warned Israel again."
	second := strings.Index(text, "Then, after talks, ") + len("Then, after talks, ")
	intp := func(i int) *int { return &i }
	for _, tc := range []struct {
		name      string
		ev        graph.EvidenceSpec
		want      error
		start     int
		mentioned string
	}{
		{"no selector", graph.EvidenceSpec{}, graph.ErrAmbiguousQuote, 0, fmt.Sprintf("offsets 0, %d", second)},
		{"start of the second", graph.EvidenceSpec{Start: intp(second)}, nil, second, ""},
		{"start of the first", graph.EvidenceSpec{Start: intp(0)}, nil, 0, ""},
		{"start of neither", graph.EvidenceSpec{Start: intp(3)}, graph.ErrQuoteNotFound, 0, "start 3"},
		{"prefix", graph.EvidenceSpec{Prefix: "talks, "}, nil, second, ""},
		{"suffix", graph.EvidenceSpec{Suffix: " again"}, nil, second, ""},
		{"suffix of the first", graph.EvidenceSpec{Suffix: ". Then"}, nil, 0, ""},
		{"prefix matching both", graph.EvidenceSpec{Prefix: ""}, graph.ErrAmbiguousQuote, 0, "2 times"},
	} {
		for _, how := range []string{"load", "addStance"} {
			t.Run(tc.name+"/"+how, func(t *testing.T) {
				s, _ := newStore(t)
				doc := graph.Document{Text: text}
				doc.ID = graph.DocumentID(text)
				ev := tc.ev
				ev.Document, ev.Quote = doc.ID, "Iran warned Israel"
				spec := graph.StanceSpec{Subject: "United States", Type: "DEMANDS", Object: "Taliban", Evidence: []graph.EvidenceSpec{ev}}
				var st graph.Stance
				var err error
				if how == "load" {
					_, err = s.Load(ctx, graph.Batch{Documents: []graph.Document{doc}, Stances: []graph.StanceSpec{spec}})
				} else {
					if _, _, err := s.PutDocument(ctx, doc); err != nil {
						t.Fatal(err)
					}
					st, _, err = s.AddStance(ctx, spec)
				}
				if tc.want != nil {
					if !errors.Is(err, tc.want) || !strings.Contains(err.Error(), tc.mentioned) {
						t.Fatalf("got %v, want %v mentioning %q", err, tc.want, tc.mentioned)
					}
					return
				}
				if err != nil {
					t.Fatal(err)
				}
				if how == "load" {
					page, err := s.DocumentStances(ctx, doc.ID, graph.PageQuery{First: 10})
					if err != nil || len(page.Stances) != 1 {
						t.Fatalf("document stances: %+v, %v", page, err)
					}
					st = page.Stances[0]
				}
				if got := st.Evidence[0].Start; got != tc.start {
					t.Fatalf("evidence starts at %d, want %d", got, tc.start)
				}
				mustCheck(t, s)
			})
		}
	}
}

// TestSelfStance checks that a stance whose ends are one actor, by any of
// its names, is refused on a load and on AddStance.
func TestSelfStance(t *testing.T) {
	for _, tc := range []struct{ subject, object string }{
		{"Taliban", "Taliban"},
		{"United States", "Washington"},
		{"U.S.", "us"},
	} {
		for _, how := range []string{"load", "addStance"} {
			t.Run(tc.subject+"/"+tc.object+"/"+how, func(t *testing.T) {
				s, _ := newStore(t)
				spec := graph.StanceSpec{Subject: tc.subject, Type: "DEMANDS", Object: tc.object}
				var err error
				if how == "load" {
					_, err = s.Load(ctx, graph.Batch{Stances: []graph.StanceSpec{{Subject: "Taliban", Type: "REJECTS", Object: "United States"}, spec}})
					var re *graph.RecordError
					if !errors.As(err, &re) || re.Index != 1 {
						t.Fatalf("got %v, want a RecordError for stance 2", err)
					}
				} else {
					_, _, err = s.AddStance(ctx, spec)
				}
				if !errors.Is(err, graph.ErrSelfStance) {
					t.Fatalf("got %v, want ErrSelfStance", err)
				}
				if st := mustStats(t, s); st.Stances != 3 {
					t.Fatalf("%d stances stored, want the 3 of newStore", st.Stances)
				}
			})
		}
	}
}

// TestMergeRefusesSelfStances: merging two actors with a live stance
// between them would make it a stance from an actor to itself; the merge is
// refused with nothing changed, and goes through once the stances are
// retracted.
func TestMergeRefusesSelfStances(t *testing.T) {
	s, _ := newStore(t)
	_, err := s.MergeActors(ctx, "Kabul government", "Taliban")
	if !errors.Is(err, graph.ErrSelfStance) || !strings.Contains(err.Error(), "2 stance(s)") {
		t.Fatalf("got %v, want ErrSelfStance naming 2 stances", err)
	}
	if _, err := s.Actor(ctx, "Taliban"); err != nil {
		t.Fatalf("a refused merge changed the store: %v", err)
	}
	for _, q := range []graph.StanceQuery{{Subject: "Taliban", Object: "Kabul government"}, {Subject: "Kabul government", Object: "Taliban"}} {
		page, err := s.Stances(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		for _, st := range page.Stances {
			if _, err := s.RetractStance(ctx, st.ID, "same actor"); err != nil {
				t.Fatal(err)
			}
		}
	}
	if _, err := s.MergeActors(ctx, "Kabul government", "Taliban"); err != nil {
		t.Fatalf("merge after retracting: %v", err)
	}
	if rep, err := s.Check(ctx); err != nil || len(rep.Violations) > 0 {
		t.Fatalf("check after merge: %v %v", err, rep.Violations)
	}
}

// BenchmarkCheckAliases times Check on stores of n actors with MaxAliases
// aliases each: the time per actor stays flat as n grows (README, "Loading
// data: rules", has the figures).
func BenchmarkCheckAliases(b *testing.B) {
	for _, n := range []int{50, 200, 800} {
		b.Run(fmt.Sprintf("actors=%d", n), func(b *testing.B) {
			s, err := graph.Open(b.TempDir(), nil)
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			var batch graph.Batch
			for i := 0; i < n; i++ {
				a := graph.Actor{Name: fmt.Sprintf("Actor %d", i)}
				for j := 0; j < graph.MaxAliases; j++ {
					a.Aliases = append(a.Aliases, fmt.Sprintf("Actor %d alias %d", i, j))
				}
				batch.Actors = append(batch.Actors, a)
			}
			if _, err := s.Load(ctx, batch); err != nil {
				b.Fatal(err)
			}
			b.ResetTimer()
			for range b.N {
				rep, err := s.Check(ctx)
				if err != nil || len(rep.Violations) > 0 {
					b.Fatalf("check: %v %v", err, rep.Violations)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/float64(n), "µs/actor")
		})
	}
}
