package dgraphstore_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/dgraph-io/dgo/v250"
	"github.com/dgraph-io/dgo/v250/protos/api"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

// rawNode is a node read below the store, for damaging it.
type rawNode struct {
	UID  string `json:"uid"`
	ID   string `json:"sg.id"`
	Data string `json:"sg.data"`
}

// someNodes returns a stance quoting a document, another actor than its
// subject, and a document, read straight from the cluster.
func someNodes(t *testing.T, raw *dgo.Dgraph) (st, actor, doc rawNode) {
	t.Helper()
	resp, err := raw.NewReadOnlyTxn().Query(context.Background(), `{
	s(func: type(SGStance)) @filter(has(sg.cites)) { uid sg.id sg.data sg.subject { uid } }
	a(func: type(SGActor)) { uid sg.id sg.data }
	d(func: type(SGDocument), first: 1) { uid sg.id sg.data }
}`)
	if err != nil {
		t.Fatal(err)
	}
	var out struct {
		S []struct {
			rawNode
			Subject rawNode `json:"sg.subject"`
		}
		A, D []rawNode
	}
	if err := json.Unmarshal(resp.Json, &out); err != nil || len(out.S) == 0 || len(out.A) < 2 || len(out.D) == 0 {
		t.Fatalf("nodes to damage: %v %s", err, resp.Json)
	}
	st, actor = out.S[0].rawNode, out.A[0]
	if actor.UID == out.S[0].Subject.UID {
		actor = out.A[1]
	}
	return st, actor, out.D[0]
}

// TestCheck damages one record at a time below the store, through dgo,
// and wants Check to report it naming the node, its ID and the field;
// the undamaged store checks clean with its records counted.
func TestCheck(t *testing.T) {
	c := shared(t)
	ctx := context.Background()
	raw, err := dgo.NewClient(c.Addr, dgo.WithGrpcOption(grpc.WithTransportCredentials(insecure.NewCredentials())))
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	tests := []struct {
		name   string
		damage func(st, actor, doc rawNode) any // the JSON to set
		want   func(st, actor, doc rawNode) string
	}{
		{"record not JSON",
			func(_, a, _ rawNode) any { return map[string]any{"uid": a.UID, "sg.data": `{"ID": "`} },
			func(_, a, _ rawNode) string {
				return `actor node ` + a.UID + ` (sg.id "` + a.ID + `"): sg.data does not decode`
			}},
		{"subject edge moved",
			func(s, a, _ rawNode) any {
				return map[string]any{"uid": s.UID, "sg.subject": map[string]string{"uid": a.UID}}
			},
			func(s, a, _ rawNode) string {
				return `stance node ` + s.UID + ` (sg.id "` + s.ID + `"): sg.subject points at node ` + a.UID + ` (sg.id "` + a.ID + `"), but its record names actor`
			}},
		{"live flag wrong",
			func(s, _, _ rawNode) any { return map[string]any{"uid": s.UID, "sg.live": false} },
			func(s, _, _ rawNode) string {
				return `stance node ` + s.UID + ` (sg.id "` + s.ID + `"): sg.live disagrees`
			}},
		{"name index not the record's",
			func(_, a, _ rawNode) any { return map[string]any{"uid": a.UID, "sg.key": []string{"atlantis"}} },
			func(_, a, _ rawNode) string { return `actor node ` + a.UID + ` (sg.id "` + a.ID + `"): sg.key ` }},
		{"quote moved",
			func(s, _, _ rawNode) any {
				return map[string]any{"uid": s.UID, "sg.data": strings.Replace(s.Data, `"Start":`, `"Start":1`, 1)}
			},
			func(s, _, _ rawNode) string {
				return `stance node ` + s.UID + ` (sg.id "` + s.ID + `"): evidence quote`
			}},
		{"document twice",
			func(_, _, d rawNode) any {
				return map[string]any{"uid": "_:dup", "dgraph.type": "SGDocument", "sg.id": d.ID, "sg.data": d.Data}
			},
			func(_, _, d rawNode) string { return `(sg.id "` + d.ID + `"): sg.id is also held by document node` }},
	}
	batch, _ := generated(12, 60)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := openEmpty(t, c)
			if _, err := s.Load(ctx, batch); err != nil {
				t.Fatal(err)
			}
			stats, err := s.Stats(ctx)
			if err != nil {
				t.Fatal(err)
			}
			rep, err := s.Check(ctx)
			if err != nil || len(rep.Violations) > 0 || rep.Actors != stats.Actors || rep.Stances != stats.Stances || rep.Documents != stats.Documents {
				t.Fatalf("Check of an undamaged store = %+v, %v; want no violations and the counts of %+v", rep, err, stats)
			}
			st, actor, doc := someNodes(t, raw)
			set, _ := json.Marshal(tt.damage(st, actor, doc))
			if _, err := raw.NewTxn().Mutate(ctx, &api.Mutation{SetJson: set, CommitNow: true}); err != nil {
				t.Fatal(err)
			}
			rep, err = s.Check(ctx)
			if err != nil {
				t.Fatal(err)
			}
			want := tt.want(st, actor, doc)
			if len(rep.Violations) == 0 || !strings.Contains(strings.Join(rep.Violations, "\n"), want) {
				t.Errorf("Check found %q, want a violation containing %q", rep.Violations, want)
			}
		})
	}
}

// TestIdentityIndexMigrated: stances stored without sg.ident, as by a
// graphd from before that index, fail the check naming it; opening the
// store indexes them, and then the check is clean and loading the same
// records again stores none twice.
func TestIdentityIndexMigrated(t *testing.T) {
	c := shared(t)
	ctx := context.Background()
	s := openEmpty(t, c)
	batch, _ := generated(12, 60)
	if _, err := s.Load(ctx, batch); err != nil {
		t.Fatal(err)
	}
	raw, err := dgo.NewClient(c.Addr, dgo.WithGrpcOption(grpc.WithTransportCredentials(insecure.NewCredentials())))
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	resp, err := raw.NewReadOnlyTxn().Query(ctx, `{ s(func: type(SGStance)) { uid } }`)
	if err != nil {
		t.Fatal(err)
	}
	var out struct{ S []map[string]any }
	if err := json.Unmarshal(resp.Json, &out); err != nil || len(out.S) == 0 {
		t.Fatalf("stances: %v %s", err, resp.Json)
	}
	for _, n := range out.S {
		n["sg.ident"] = nil // every value
	}
	del, _ := json.Marshal(out.S)
	if _, err := raw.NewTxn().Mutate(ctx, &api.Mutation{DeleteJson: del, CommitNow: true}); err != nil {
		t.Fatal(err)
	}
	if rep, err := s.Check(ctx); err != nil || len(rep.Violations) != len(out.S) || !strings.Contains(rep.Violations[0], "sg.ident [] disagrees") {
		t.Fatalf("Check of stances without sg.ident = %q, %v; want one violation each", rep.Violations, err)
	}
	again := openOn(t, c.Addr, 0)
	if rep, err := again.Check(ctx); err != nil || len(rep.Violations) > 0 {
		t.Fatalf("Check after reopening = %q, %v; want the index rebuilt", rep.Violations, err)
	}
	before := countNodes(t, c.Addr)
	if _, err := again.Load(ctx, batch); err != nil {
		t.Fatal(err)
	}
	if after := countNodes(t, c.Addr); after != before {
		t.Errorf("loading the same records again: nodes %+v, were %+v", after, before)
	}
}
