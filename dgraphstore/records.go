package dgraphstore

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/dgraph-io/dgo/v250"
	"github.com/google/uuid"

	"github.com/stancegraph/stancegraph/stance"
)

// decode reads a node's record.
func decode[T any](n node) (T, error) {
	var v T
	if err := json.Unmarshal([]byte(n.Data), &v); err != nil {
		return v, fmt.Errorf("dgraphstore: record %s (node %s) is not valid: %w", n.ID, n.UID, err)
	}
	return v, nil
}

// decodeAll reads the records of ns.
func decodeAll[T any](ns []node) ([]T, error) {
	out := make([]T, 0, len(ns))
	for _, n := range ns {
		v, err := decode[T](n)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}

// actorOf decodes an actor as the store returns it: aliases never nil.
func actorOf(n node) (stance.Actor, error) {
	a, err := decode[stance.Actor](n)
	if a.Aliases == nil {
		a.Aliases = []string{}
	}
	return a, err
}

// checkID validates a record ID as package graph does.
func checkID(id string) error {
	if _, err := uuid.Parse(id); err != nil {
		return fmt.Errorf("%w: %q is not a UUID", stance.ErrInvalidID, clip(id))
	}
	return nil
}

// clip shortens user input quoted in an error.
func clip(s string) string {
	if len(s) > 80 {
		return s[:77] + "..."
	}
	return s
}

// actorRef is a resolved actor with its node.
type actorRef struct {
	stance.Actor
	uid string
}

// resolve finds an actor by ID or any of its names, with package graph's
// rules and errors.
func (s *Store) resolve(ctx context.Context, txn *dgo.Txn, ref string) (actorRef, error) {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return actorRef{}, fmt.Errorf("%w: empty actor reference", stance.ErrInvalidInput)
	}
	pred, key := "sg.key", stance.NormalizeName(ref)
	u, err := uuid.Parse(ref)
	byID := err == nil && len(ref) == 36
	if byID {
		pred, key = "sg.id", u.String()
	}
	ns, err := s.dg.nodesEq(ctx, txn, typeActor, pred, []string{key})
	if err != nil {
		return actorRef{}, err
	}
	if len(ns) == 0 {
		if byID {
			return actorRef{}, fmt.Errorf("%w: no actor with id %s", stance.ErrNotFound, ref)
		}
		return actorRef{}, fmt.Errorf("%w: no actor named %q", stance.ErrNotFound, clip(ref))
	}
	a, err := actorOf(ns[0])
	return actorRef{a, ns[0].UID}, err
}

// stancesOf decodes stance nodes.
func stancesOf(ns []node) ([]stance.Stance, error) { return decodeAll[stance.Stance](ns) }

// actorStanceNodes returns an actor's stance nodes in the directions asked.
func (s *Store) actorStanceNodes(ctx context.Context, txn *dgo.Txn, uid string, out, in bool) ([]node, error) {
	var preds []string
	if out {
		preds = append(preds, "~sg.subject")
	}
	if in {
		preds = append(preds, "~sg.object")
	}
	m, err := s.dg.linked(ctx, txn, []string{uid}, preds...)
	if err != nil {
		return nil, err
	}
	return m[uid], nil
}
