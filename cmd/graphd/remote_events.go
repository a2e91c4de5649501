package main

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/google/uuid"

	"github.com/stancegraph/stancegraph/events"
	"github.com/stancegraph/stancegraph/graph"
)

// remoteLookup answers events.Convert's questions about the store from a
// running server, over GraphQL, so that event files convert on this
// machine exactly as a local load would and reach the server as JSON
// Lines (POST /load). Convert asks once per distinct code or name in a
// file.
type remoteLookup struct {
	rf    *remoteFlags
	vocab *graph.Vocabulary
}

var _ events.Lookup = (*remoteLookup)(nil)

// newRemoteLookup asks the server for its vocabulary, which types the
// events as the server's store will check them.
func newRemoteLookup(ctx context.Context, rf *remoteFlags) (*remoteLookup, error) {
	raw, err := rf.graphQL(ctx, `{vocabulary{type description plover cameo weight}}`, nil)
	if err != nil {
		return nil, fmt.Errorf("reading the server's vocabulary: %w", err)
	}
	var res struct {
		Data struct {
			Vocabulary []graph.TypeInfo `json:"vocabulary"`
		} `json:"data"`
	}
	if err := json.Unmarshal(raw, &res); err != nil {
		return nil, fmt.Errorf("reading the server's vocabulary: %w", err)
	}
	v, err := graph.VocabularyOf(res.Data.Vocabulary)
	if err != nil {
		return nil, fmt.Errorf("the server's vocabulary: %w", err)
	}
	return &remoteLookup{rf: rf, vocab: v}, nil
}

func (l *remoteLookup) Vocabulary() *graph.Vocabulary { return l.vocab }

func (l *remoteLookup) ActorByCode(ctx context.Context, code string) (graph.Actor, error) {
	return l.actor(ctx, "code", code)
}

func (l *remoteLookup) Actor(ctx context.Context, ref string) (graph.Actor, error) {
	if _, err := uuid.Parse(ref); err == nil {
		return l.actor(ctx, "id", ref)
	}
	return l.actor(ctx, "name", ref)
}

// actor asks for the actor whose by argument is value; a null answer is
// graph.ErrNotFound, as the store would say.
func (l *remoteLookup) actor(ctx context.Context, by, value string) (graph.Actor, error) {
	argType := "String"
	if by == "id" {
		argType = "ID"
	}
	q := fmt.Sprintf(`query($v: %s!){actor(%s: $v){id name kind aliases country code wikidata}}`, argType, by)
	raw, err := l.rf.graphQL(ctx, q, map[string]any{"v": value})
	if err != nil {
		return graph.Actor{}, fmt.Errorf("asking the server for actor %s %q: %w", by, value, err)
	}
	var res struct {
		Data struct {
			Actor *struct {
				ID, Name, Kind, Country, Code, Wikidata string
				Aliases                                 []string
			} `json:"actor"`
		} `json:"data"`
	}
	if err := json.Unmarshal(raw, &res); err != nil {
		return graph.Actor{}, err
	}
	a := res.Data.Actor
	if a == nil {
		return graph.Actor{}, fmt.Errorf("%w: actor %s %q", graph.ErrNotFound, by, value)
	}
	return graph.Actor{ID: a.ID, Name: a.Name, Kind: graph.ActorKind(a.Kind), Aliases: a.Aliases, Country: a.Country, Code: a.Code, Wikidata: a.Wikidata}, nil
}
