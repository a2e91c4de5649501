package resolvers_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/stancegraph/stancegraph/resolvers"
	"github.com/stancegraph/stancegraph/schema"
	"github.com/stancegraph/stancegraph/stance"
)

// TestFeedFields subscribes through the engine, writes to the store and
// reads what each subscription field delivers.
func TestFeedFields(t *testing.T) {
	f := newFixture(t, resolvers.Config{})
	tests := []struct {
		name, query string
		write       func(ctx context.Context) error
		want        string
	}{
		{
			name:  "stanceAdded matching its filter",
			query: `subscription { stanceAdded(filter: {subject: "Pakistan", types: [DEMANDS]}) { type subject { name } object { name } } }`,
			write: func(ctx context.Context) error {
				for _, spec := range []stance.StanceSpec{
					{Subject: "Russia", Type: "DEMANDS", Object: "Taliban"},   // another subject
					{Subject: "Pakistan", Type: "OFFERS", Object: "Taliban"},  // another type
					{Subject: "Pakistan", Type: "DEMANDS", Object: "Taliban"}, // the one
				} {
					if _, _, err := f.store.AddStance(ctx, spec); err != nil {
						return err
					}
				}
				return nil
			},
			want: `{"data":{"stanceAdded":{"type":"DEMANDS","subject":{"name":"Pakistan"},"object":{"name":"Taliban"}}}}`,
		},
		{
			name:  "stanceRetracted with its reason",
			query: `subscription { stanceRetracted { type retracted retractReason } }`,
			write: func(ctx context.Context) error {
				_, err := f.store.RetractStance(ctx, f.ids["reject"], "withdrawn")
				return err
			},
			want: `{"data":{"stanceRetracted":{"type":"REJECTS","retracted":true,"retractReason":"withdrawn"}}}`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			s, resp := f.engine.Subscribe(ctx, schema.Request{Query: tt.query})
			if s == nil {
				t.Fatalf("not subscribed: %v %s", resp.Err, resp.JSON)
			}
			defer s.Close()
			if err := tt.write(ctx); err != nil {
				t.Fatal(err)
			}
			select {
			case b := <-s.C:
				if strings.TrimSpace(string(b)) != tt.want {
					t.Errorf("got %s, want %s", b, tt.want)
				}
			case <-time.After(5 * time.Second):
				t.Fatal("nothing delivered within 5 s")
			}
		})
	}
}
