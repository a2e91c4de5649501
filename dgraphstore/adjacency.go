package dgraphstore

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/dgraph-io/dgo/v250"

	"github.com/stancegraph/stancegraph/stance"
)

// ActorStances lists the live stances of one actor: by direction (Out
// first), then type, then counterpart, then ID.
func (s *Store) ActorStances(ctx context.Context, actor string, q stance.AdjacencyQuery) (stance.StancePage, error) {
	n, err := pageSize(q.First)
	if err != nil {
		return stance.StancePage{}, err
	}
	var pg stance.StancePage
	err = s.dg.read(ctx, func(txn *dgo.Txn) error {
		a, err := s.resolve(ctx, txn, actor)
		if err != nil {
			return err
		}
		other := ""
		if q.Counterpart != "" {
			c, err := s.resolve(ctx, txn, q.Counterpart)
			if err != nil {
				return fmt.Errorf("counterpart: %w", err)
			}
			other = c.ID
		}
		types, err := s.Vocabulary().Select(q.Types)
		if err != nil {
			return err
		}
		if err := stance.CheckRange(q.From, q.To); err != nil {
			return err
		}
		after := ""
		if q.After != "" {
			if after, err = decodeCursor(tagAdjacency, q.After); err != nil {
				return err
			}
		}
		out, in := q.Direction != stance.In, q.Direction != stance.Out
		all, err := s.live(ctx, txn, a.uid, out, in)
		if err != nil {
			return err
		}
		var keep []stance.Stance
		for _, st := range all {
			if slices.Contains(types, st.Type) && st.Date.Within(q.From, q.To) && (other == "" || farEnd(st, a.ID) == other) {
				keep = append(keep, st)
			}
		}
		order := typeOrder(len(q.Types) == 0 && other == "", types)
		key := func(st stance.Stance) string {
			dir := "0"
			if st.Subject != a.ID && out {
				dir = "1" // an In entry after the Out ones
			}
			return dir + order(st.Type) + farEnd(st, a.ID) + st.ID
		}
		items, cursors, info := paginate(keep, key, tagAdjacency, after, n)
		pg = stance.StancePage{Stances: items, Cursors: cursors, PageInfo: info}
		return nil
	})
	return pg, err
}

// farEnd returns the end of st that is not actor.
func farEnd(st stance.Stance, actor string) string {
	if st.Subject == actor {
		return st.Object
	}
	return st.Subject
}

// live reads the live stances of the actor at node uid in the directions
// asked.
func (s *Store) live(ctx context.Context, txn *dgo.Txn, uid string, out, in bool) ([]stance.Stance, error) {
	ns, err := s.actorStanceNodes(ctx, txn, uid, out, in)
	if err != nil {
		return nil, err
	}
	all, err := stancesOf(ns)
	if err != nil {
		return nil, err
	}
	return slices.DeleteFunc(all, func(st stance.Stance) bool { return st.Retracted }), nil
}

// Degree counts an actor's live stances in direction d.
func (s *Store) Degree(ctx context.Context, actor string, d stance.Direction) (int, error) {
	var n int
	err := s.dg.read(ctx, func(txn *dgo.Txn) error {
		a, err := s.resolve(ctx, txn, actor)
		if err != nil {
			return err
		}
		all, err := s.live(ctx, txn, a.uid, d != stance.In, d != stance.Out)
		n = len(all)
		return err
	})
	return n, err
}

// dyad reads the live stances between a and b, both ways.
func (s *Store) dyad(ctx context.Context, txn *dgo.Txn, a, b string) (actorRef, actorRef, []stance.Stance, error) {
	x, err := s.resolve(ctx, txn, a)
	if err != nil {
		return x, x, nil, fmt.Errorf("a: %w", err)
	}
	y, err := s.resolve(ctx, txn, b)
	if err != nil {
		return x, y, nil, fmt.Errorf("b: %w", err)
	}
	all, err := s.live(ctx, txn, x.uid, true, true)
	if err != nil {
		return x, y, nil, err
	}
	return x, y, slices.DeleteFunc(all, func(st stance.Stance) bool { return farEnd(st, x.ID) != y.ID || x.ID == y.ID }), nil
}

// Dyad counts the live stances between a and b, each way, by type in
// vocabulary order.
func (s *Store) Dyad(ctx context.Context, a, b string) (stance.Dyad, error) {
	var d stance.Dyad
	err := s.dg.read(ctx, func(txn *dgo.Txn) error {
		x, y, all, err := s.dyad(ctx, txn, a, b)
		if err != nil {
			return err
		}
		d = stance.Dyad{A: x.ID, B: y.ID, AToB: []stance.TypeCount{}, BToA: []stance.TypeCount{}}
		for _, t := range s.Vocabulary().Names() {
			var ab, ba int
			for _, st := range all {
				switch {
				case st.Type != t:
				case st.Subject == x.ID:
					ab++
				default:
					ba++
				}
			}
			if ab > 0 {
				d.AToB = append(d.AToB, stance.TypeCount{Type: t, Count: ab})
			}
			if ba > 0 {
				d.BToA = append(d.BToA, stance.TypeCount{Type: t, Count: ba})
			}
		}
		return nil
	})
	return d, err
}

// DyadStances lists the live stances between a and b, both ways, by date
// (undated last), then ID.
func (s *Store) DyadStances(ctx context.Context, a, b string, q stance.PageQuery) (stance.StancePage, error) {
	n, err := pageSize(q.First)
	if err != nil {
		return stance.StancePage{}, err
	}
	var pg stance.StancePage
	err = s.dg.read(ctx, func(txn *dgo.Txn) error {
		_, _, all, err := s.dyad(ctx, txn, a, b)
		if err != nil {
			return err
		}
		after := ""
		if q.After != "" {
			if after, err = decodeCursor(tagDyadStances, q.After); err != nil {
				return err
			}
		}
		key := func(st stance.Stance) string {
			d := uint32(st.Date)
			if st.Date.IsZero() {
				d = ^uint32(0)
			}
			return fmt.Sprintf("%08x", d) + st.ID
		}
		items, cursors, info := paginate(all, key, tagDyadStances, after, n)
		pg = stance.StancePage{Stances: items, Cursors: cursors, PageInfo: info}
		return nil
	})
	return pg, err
}

// Matrix counts live stances between every ordered pair of q.Actors
// (every actor when empty) by type; cells by subject name, object name,
// then vocabulary order.
func (s *Store) Matrix(ctx context.Context, q stance.MatrixQuery) ([]stance.MatrixCell, error) {
	types, err := s.Vocabulary().Select(q.Types)
	if err != nil {
		return nil, err
	}
	if err := stance.CheckRange(q.From, q.To); err != nil {
		return nil, err
	}
	type cell struct{ s, o, t string }
	counts := map[cell]int{}
	names := map[string]string{}
	err = s.dg.read(ctx, func(txn *dgo.Txn) error {
		set := map[string]actorRef{}
		for _, ref := range q.Actors {
			a, err := s.resolve(ctx, txn, ref)
			if err != nil {
				return fmt.Errorf("actors: %w", err)
			}
			set[a.ID] = a
			names[a.ID] = stance.NormalizeName(a.Name)
		}
		count := func(st stance.Stance) {
			if !st.Retracted && slices.Contains(types, st.Type) && st.Date.Within(q.From, q.To) {
				counts[cell{st.Subject, st.Object, st.Type}]++
			}
		}
		if len(set) > 0 {
			for _, a := range set {
				out, err := s.live(ctx, txn, a.uid, true, false)
				if err != nil {
					return err
				}
				for _, st := range out {
					if _, ok := set[st.Object]; ok {
						count(st)
					}
				}
			}
			return nil
		}
		if err := s.dg.eachOfType(ctx, txn, typeActor, func(n node) error {
			a, err := actorOf(n)
			names[a.ID] = stance.NormalizeName(a.Name)
			return err
		}); err != nil {
			return err
		}
		return s.dg.eachByID(ctx, txn, typeStance, filterLive, func(n node) error {
			st, err := decode[stance.Stance](n)
			count(st)
			return err
		})
	})
	if err != nil {
		return nil, err
	}
	order := map[string]int{}
	for i, t := range s.Vocabulary().Names() {
		order[t] = i
	}
	out := make([]stance.MatrixCell, 0, len(counts))
	for c, n := range counts {
		out = append(out, stance.MatrixCell{Subject: c.s, Object: c.o, Type: c.t, Count: n})
	}
	slices.SortFunc(out, func(a, b stance.MatrixCell) int {
		if a.Subject != b.Subject {
			return strings.Compare(names[a.Subject], names[b.Subject])
		}
		if a.Object != b.Object {
			return strings.Compare(names[a.Object], names[b.Object])
		}
		return order[a.Type] - order[b.Type]
	})
	return out, nil
}
