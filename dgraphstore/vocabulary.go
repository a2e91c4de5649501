package dgraphstore

import (
	"context"
	"encoding/json"
	"fmt"
	"reflect"

	"github.com/dgraph-io/dgo/v250"
	"github.com/dgraph-io/dgo/v250/protos/api"

	"github.com/stancegraph/stancegraph/stance"
)

// vocabularyID is the sg.id of the node keeping the store's vocabulary,
// so that every graphd on the cluster validates stance types alike.
const vocabularyID = "vocabulary"

// settleVocabulary returns the vocabulary the cluster keeps, storing want
// (nil: the default) when it keeps none. As in package graph, a given
// vocabulary may only hold types the kept one has, unchanged.
func (d *dgraph) settleVocabulary(ctx context.Context, want *stance.Vocabulary) (*stance.Vocabulary, error) {
	for attempt := 1; ; attempt++ {
		v, err := d.keepVocabulary(ctx, want)
		if err == nil || !retryable(err) && err != dgo.ErrAborted || attempt == maxAttempts {
			return v, err
		}
	}
}

func (d *dgraph) keepVocabulary(ctx context.Context, want *stance.Vocabulary) (*stance.Vocabulary, error) {
	txn := d.c.NewTxn()
	defer txn.Discard(context.WithoutCancel(ctx))
	ns, err := d.nodesEq(ctx, txn, typeMeta, "sg.id", []string{vocabularyID})
	if err != nil {
		return nil, err
	}
	if len(ns) == 0 {
		if want == nil {
			want = stance.DefaultVocabulary()
		}
		obj := map[string]any{"uid": "_:v", "dgraph.type": typeMeta, "sg.id": vocabularyID, "sg.data": string(mustJSON(want.Types()))}
		bctx, cancel := d.bound(ctx)
		defer cancel()
		if _, err := txn.Mutate(bctx, &api.Mutation{SetJson: mustJSON(obj), CommitNow: true}); err != nil {
			return nil, d.fail(err)
		}
		return want, nil
	}
	var types []stance.TypeInfo
	if err := json.Unmarshal([]byte(ns[0].Data), &types); err != nil {
		return nil, fmt.Errorf("dgraphstore: the kept vocabulary is not valid: %w", err)
	}
	kept, err := stance.VocabularyOf(types)
	if err != nil {
		return nil, fmt.Errorf("dgraphstore: the kept vocabulary is not valid: %w", err)
	}
	if want != nil {
		for _, t := range want.Types() {
			if k, ok := kept.Info(t.Type); !ok || !reflect.DeepEqual(k, t) {
				return nil, fmt.Errorf("%w: type %s is not the cluster's (it keeps %v)", stance.ErrVocabularyConflict, t.Type, kept.Names())
			}
		}
	}
	return kept, nil
}
