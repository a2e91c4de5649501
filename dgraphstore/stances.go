package dgraphstore

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/dgraph-io/dgo/v250"

	"github.com/stancegraph/stancegraph/stance"
)

// filterLive narrows a stance query to live stances.
const filterLive = "eq(sg.live, true)"

// Stance returns the stance with ID id, retracted or not.
func (s *Store) Stance(ctx context.Context, id string) (stance.Stance, error) {
	if err := checkID(id); err != nil {
		return stance.Stance{}, err
	}
	var st stance.Stance
	err := s.dg.read(ctx, func(txn *dgo.Txn) error {
		ns, err := s.dg.nodesEq(ctx, txn, typeStance, "sg.id", []string{id})
		if err != nil {
			return err
		}
		if len(ns) == 0 {
			return fmt.Errorf("%w: no stance with id %s", stance.ErrNotFound, id)
		}
		st, err = decode[stance.Stance](ns[0])
		return err
	})
	return st, err
}

// typeOrder returns the part of a listing key that orders stances by type
// as package graph's adjacency listings do: by the type's bytes when a
// listing covers every type, else in the order the types were asked for.
func typeOrder(all bool, types []string) func(t string) string {
	if all {
		return func(t string) string { return t + "\x00" }
	}
	return func(t string) string { return fmt.Sprintf("%04d\x00", slices.Index(types, t)) }
}

// stanceQuery is a validated StanceQuery.
type stanceQuery struct {
	stance.StanceQuery
	subj, obj actorRef
	types     []string
	after     string
}

// Stances lists the stances matching q, in the order of the narrowest
// listing package graph would choose: the subject's, the object's, the
// document's, the date range's or the whole store's by ID.
func (s *Store) Stances(ctx context.Context, q stance.StanceQuery) (stance.StancePage, error) {
	var pg stance.StancePage
	err := s.dg.read(ctx, func(txn *dgo.Txn) error {
		var err error
		pg, err = s.stances(ctx, txn, q)
		return err
	})
	return pg, err
}

func (s *Store) stances(ctx context.Context, txn *dgo.Txn, q stance.StanceQuery) (stance.StancePage, error) {
	n, err := pageSize(q.First)
	if err != nil {
		return stance.StancePage{}, err
	}
	sq := stanceQuery{StanceQuery: q}
	if q.Subject != "" {
		if sq.subj, err = s.resolve(ctx, txn, q.Subject); err != nil {
			return stance.StancePage{}, fmt.Errorf("subject: %w", err)
		}
	}
	if q.Object != "" {
		if sq.obj, err = s.resolve(ctx, txn, q.Object); err != nil {
			return stance.StancePage{}, fmt.Errorf("object: %w", err)
		}
	}
	if q.Document != "" {
		if err := checkID(q.Document); err != nil {
			return stance.StancePage{}, fmt.Errorf("document: %w", err)
		}
	}
	if sq.types, err = s.Vocabulary().Select(q.Types); err != nil {
		return stance.StancePage{}, err
	}
	if err := stance.CheckRange(q.From, q.To); err != nil {
		return stance.StancePage{}, err
	}
	if math.IsNaN(q.MinConfidence) || q.MinConfidence < 0 || q.MinConfidence > 1 {
		return stance.StancePage{}, fmt.Errorf("%w: minConfidence must be in [0, 1] (got %v)", stance.ErrInvalidInput, q.MinConfidence)
	}
	if q.QuadClass < 0 || q.QuadClass > 4 {
		return stance.StancePage{}, fmt.Errorf("%w: quadClass must be 1 to 4, or 0 for any (got %d)", stance.ErrInvalidInput, q.QuadClass)
	}
	tag, key := sq.listing()
	if q.After != "" {
		if sq.after, err = decodeCursor(tag, q.After); err != nil {
			return stance.StancePage{}, err
		}
	}
	if sq.unfiltered() {
		return s.allStancesPage(ctx, txn, q.IncludeRetracted, sq.after, n)
	}
	cands, err := s.candidates(ctx, txn, &sq)
	if err != nil {
		return stance.StancePage{}, err
	}
	var keep []stance.Stance
	for _, st := range cands {
		if sq.keep(&st) {
			keep = append(keep, st)
		}
	}
	items, cursors, info := paginate(keep, key, tag, sq.after, n)
	return stance.StancePage{Stances: items, Cursors: cursors, PageInfo: info}, nil
}

// listing returns the cursor tag and sort key of the listing q reads.
func (q *stanceQuery) listing() (byte, func(stance.Stance) string) {
	byID := func(st stance.Stance) string { return st.ID }
	switch {
	case q.Subject != "":
		order := typeOrder(len(q.Types) == 0 && q.Object == "", q.types)
		return tagBySubject, func(st stance.Stance) string { return order(st.Type) + st.Object + st.ID }
	case q.Object != "":
		order := typeOrder(len(q.Types) == 0, q.types)
		return tagByObject, func(st stance.Stance) string { return order(st.Type) + st.Subject + st.ID }
	case q.Document != "":
		return tagByDocument, byID
	case !q.From.IsZero() || !q.To.IsZero():
		return tagByDate, func(st stance.Stance) string { return fmt.Sprintf("%010d", st.Date) + st.ID }
	}
	return tagAllStances, byID
}

// unfiltered reports whether q lists every (live) stance.
func (q *stanceQuery) unfiltered() bool {
	return q.Subject == "" && q.Object == "" && q.Document == "" && q.From.IsZero() && q.To.IsZero() &&
		len(q.Types) == 0 && q.MinConfidence == 0 && q.Dataset == "" && q.QuadClass == 0
}

// keep applies every filter of q to st.
func (q *stanceQuery) keep(st *stance.Stance) bool {
	switch {
	case st.Retracted && !q.IncludeRetracted,
		q.Subject != "" && st.Subject != q.subj.ID,
		q.Object != "" && st.Object != q.obj.ID,
		!slices.Contains(q.types, st.Type),
		st.Confidence < q.MinConfidence,
		!st.Date.Within(q.From, q.To),
		!fromEvent(st, q.Dataset, q.QuadClass):
		return false
	case q.Document != "":
		return slices.ContainsFunc(st.Evidence, func(e stance.Evidence) bool { return e.DocumentID == q.Document })
	}
	return true
}

// fromEvent reports whether st cites dataset and has quad class quad
// (each when asked for).
func fromEvent(st *stance.Stance, dataset string, quad int) bool {
	if quad != 0 && (st.Event == nil || st.Event.QuadClass != quad) {
		return false
	}
	return dataset == "" || slices.ContainsFunc(st.References, func(r stance.Reference) bool { return strings.EqualFold(r.Dataset, dataset) })
}

// candidates reads the stances q's listing covers, before filtering.
func (s *Store) candidates(ctx context.Context, txn *dgo.Txn, q *stanceQuery) ([]stance.Stance, error) {
	switch {
	case q.Subject != "":
		return s.linkedStances(ctx, txn, q.subj.uid, "~sg.subject")
	case q.Object != "":
		return s.linkedStances(ctx, txn, q.obj.uid, "~sg.object")
	case q.Document != "":
		ns, err := s.dg.nodesEq(ctx, txn, typeDocument, "sg.id", []string{q.Document})
		if err != nil || len(ns) == 0 {
			return nil, err
		}
		return s.linkedStances(ctx, txn, ns[0].UID, "~sg.cites")
	}
	filter := ""
	if !q.IncludeRetracted {
		filter = filterLive
	}
	var out []stance.Stance
	err := s.dg.eachByID(ctx, txn, typeStance, filter, func(n node) error {
		st, err := decode[stance.Stance](n)
		out = append(out, st)
		return err
	})
	return out, err
}

// linkedStances reads the stances linked to node uid by the reverse
// predicates preds.
func (s *Store) linkedStances(ctx context.Context, txn *dgo.Txn, uid string, preds ...string) ([]stance.Stance, error) {
	m, err := s.dg.linked(ctx, txn, []string{uid}, preds...)
	if err != nil {
		return nil, err
	}
	return stancesOf(m[uid])
}

// allStancesPage pages through every stance by ID with the ID index.
func (s *Store) allStancesPage(ctx context.Context, txn *dgo.Txn, retracted bool, after string, n int) (stance.StancePage, error) {
	filter := filterLive
	if retracted {
		filter = ""
	}
	ns, err := s.dg.byID(ctx, txn, typeStance, filter, after, n+1)
	if err != nil {
		return stance.StancePage{}, err
	}
	var pg stance.StancePage
	if pg.HasNext = len(ns) > n; pg.HasNext {
		ns = ns[:n]
	}
	for _, nd := range ns {
		st, err := decode[stance.Stance](nd)
		if err != nil {
			return stance.StancePage{}, err
		}
		pg.Stances = append(pg.Stances, st)
		pg.Cursors = append(pg.Cursors, encodeCursor(tagAllStances, st.ID))
	}
	if len(pg.Cursors) > 0 {
		pg.EndCursor = pg.Cursors[len(pg.Cursors)-1]
	}
	pg.Total, err = s.dg.countOfType(ctx, txn, typeStance, filter)
	return pg, err
}

// DocumentStances lists the stances citing a document, retracted ones
// included.
func (s *Store) DocumentStances(ctx context.Context, doc string, q stance.PageQuery) (stance.StancePage, error) {
	if _, err := s.Document(ctx, doc); err != nil {
		return stance.StancePage{}, err
	}
	return s.Stances(ctx, stance.StanceQuery{Document: doc, IncludeRetracted: true, First: q.First, After: q.After})
}

// ForEachStance calls fn for every stance in ID order, from one snapshot.
func (s *Store) ForEachStance(ctx context.Context, opts *stance.EachOptions, fn func(stance.Stance) error) error {
	filter := filterLive
	if opts != nil && opts.IncludeRetracted {
		filter = ""
	}
	return s.dg.read(ctx, func(txn *dgo.Txn) error {
		return s.dg.eachByID(ctx, txn, typeStance, filter, func(n node) error {
			st, err := decode[stance.Stance](n)
			if err != nil {
				return err
			}
			return fn(st)
		})
	})
}

// Stats counts actors, live and retracted stances, and documents.
func (s *Store) Stats(ctx context.Context) (stance.Stats, error) {
	var st stance.Stats
	err := s.dg.read(ctx, func(txn *dgo.Txn) error {
		for _, c := range []struct {
			typ, filter string
			dst         *int
		}{
			{typeActor, "", &st.Actors},
			{typeStance, filterLive, &st.Stances},
			{typeStance, "eq(sg.live, false)", &st.Retracted},
			{typeDocument, "", &st.Documents},
		} {
			n, err := s.dg.countOfType(ctx, txn, c.typ, c.filter)
			if err != nil {
				return err
			}
			*c.dst = n
		}
		return nil
	})
	return st, err
}
