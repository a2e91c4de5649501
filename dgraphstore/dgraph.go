package dgraphstore

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/dgraph-io/dgo/v250"
	"github.com/dgraph-io/dgo/v250/protos/api"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"github.com/stancegraph/stancegraph/stance"
)

// schema is the store's DQL schema. Each record is one node: sg.id is our
// deterministic ID (stance.ActorID, stance.DocumentID, the stance IDs
// package graph derives), the upsert key; sg.data is the record as JSON,
// read back whole. The other predicates are indexes: an actor's
// normalized names (sg.key), their look-alike skeletons (sg.skel) and its
// code; a stance's ends (sg.subject, sg.object, reversed so that an actor
// lists its stances both ways) and the documents it cites (sg.cites,
// reversed for a document's stances) and its identities (sg.ident, see
// graph.Identities: a write finds the stances it merges with by them).
// Alter is idempotent, so Open applies
// it every time: adding a predicate or index here migrates old clusters.
const schema = `
sg.id: string @index(exact) @upsert .
sg.data: string .
sg.key: [string] @index(exact) .
sg.skel: [string] @index(exact) .
sg.code: string @index(exact) .
sg.subject: uid @reverse .
sg.object: uid @reverse .
sg.cites: [uid] @reverse .
sg.live: bool @index(bool) .
sg.ident: [string] @index(exact) .
type SGActor {
	sg.id
	sg.data
	sg.key
	sg.skel
	sg.code
}
type SGDocument {
	sg.id
	sg.data
}
type SGMeta {
	sg.id
	sg.data
}
type SGStance {
	sg.id
	sg.data
	sg.subject
	sg.object
	sg.cites
	sg.live
	sg.ident
}
`

// The node types, one per kind of record.
const (
	typeActor    = "SGActor"
	typeDocument = "SGDocument"
	typeStance   = "SGStance"
	typeMeta     = "SGMeta"
)

// dgraph wraps the client with the store's timeouts and error mapping.
type dgraph struct {
	c       *dgo.Dgraph
	timeout time.Duration
}

// node is a record as a query returns it.
type node struct {
	UID  string `json:"uid"`
	ID   string `json:"sg.id"`
	Data string `json:"sg.data"`
}

// migrate applies schema, retrying while the alpha is not ready.
func (d *dgraph) migrate(ctx context.Context) error {
	for {
		actx, cancel := context.WithTimeout(ctx, d.timeout)
		err := d.c.SetSchema(actx, schema)
		cancel()
		if err == nil {
			return nil
		}
		if !retryable(err) {
			return fmt.Errorf("dgraphstore: applying the schema: %w", err)
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("%w: applying the schema: %w", ErrUnavailable, err)
		case <-time.After(250 * time.Millisecond):
		}
	}
}

// retryable reports whether err is a starting or briefly busy alpha's.
func retryable(err error) bool {
	switch status.Code(err) {
	case codes.Unavailable, codes.DeadlineExceeded:
		return true
	}
	return strings.Contains(err.Error(), "Please retry") || errors.Is(err, context.DeadlineExceeded)
}

// bound gives ctx the store's per-call timeout unless it has a deadline.
func (d *dgraph) bound(ctx context.Context) (context.Context, context.CancelFunc) {
	if _, ok := ctx.Deadline(); ok {
		return context.WithCancel(ctx)
	}
	return context.WithTimeout(ctx, d.timeout)
}

// fail maps a Dgraph or transport error: an unreachable or slow cluster
// wraps ErrUnavailable, so that servers answer 503 and retry later.
func (d *dgraph) fail(err error) error {
	if err == nil {
		return nil
	}
	if errors.Is(err, context.Canceled) {
		return err
	}
	switch status.Code(err) {
	case codes.Unavailable, codes.DeadlineExceeded:
		return fmt.Errorf("%w: %w", ErrUnavailable, err)
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("%w: %w", ErrUnavailable, err)
	}
	return fmt.Errorf("dgraphstore: %w", err)
}

// query runs q with vars in txn and decodes the answer into out.
func (d *dgraph) query(ctx context.Context, txn *dgo.Txn, q *dql, out any) error {
	ctx, cancel := d.bound(ctx)
	defer cancel()
	resp, err := txn.QueryWithVars(ctx, q.String(), q.vars)
	if err != nil {
		return d.fail(err)
	}
	if err := json.Unmarshal(resp.Json, out); err != nil {
		return fmt.Errorf("dgraphstore: decoding an answer: %w", err)
	}
	return nil
}

// dql builds a query whose values travel as variables, never spliced
// into its text: names are user input.
type dql struct {
	body strings.Builder
	decl []string
	vars map[string]string
}

func newDQL() *dql { return &dql{vars: map[string]string{}} }

// val declares a string variable holding v and returns its name.
func (q *dql) val(v string) string {
	name := fmt.Sprintf("$v%d", len(q.decl))
	q.decl = append(q.decl, name+": string")
	q.vars[name] = v
	return name
}

// list declares one variable per value and returns them as a DQL list.
func (q *dql) list(vs []string) string {
	names := make([]string, len(vs))
	for i, v := range vs {
		names[i] = q.val(v)
	}
	return "[" + strings.Join(names, ", ") + "]"
}

// add appends a block of the query; %s in format take args.
func (q *dql) add(format string, args ...any) *dql {
	fmt.Fprintf(&q.body, format, args...)
	q.body.WriteByte('\n')
	return q
}

// String is the whole query.
func (q *dql) String() string {
	return "query q(" + strings.Join(q.decl, ", ") + ") {\n" + q.body.String() + "}"
}

// maxVars bounds the values of one query; longer lists go in chunks.
const maxVars = 500

// chunks splits vs into slices of at most maxVars.
func chunks(vs []string) [][]string {
	var out [][]string
	for len(vs) > maxVars {
		out = append(out, vs[:maxVars])
		vs = vs[maxVars:]
	}
	if len(vs) > 0 {
		out = append(out, vs)
	}
	return out
}

// nodesEq returns the nodes of type typ whose pred equals one of values.
func (d *dgraph) nodesEq(ctx context.Context, txn *dgo.Txn, typ, pred string, values []string) ([]node, error) {
	var all []node
	seen := map[string]bool{}
	for _, chunk := range chunks(dedupe(values)) {
		q := newDQL()
		q.add("r(func: eq(%s, %s)) @filter(type(%s)) { uid sg.id sg.data }", pred, q.list(chunk), typ)
		var out struct{ R []node }
		if err := d.query(ctx, txn, q, &out); err != nil {
			return nil, err
		}
		for _, n := range out.R {
			if !seen[n.UID] {
				seen[n.UID] = true
				all = append(all, n)
			}
		}
	}
	return all, nil
}

// typePage is how many nodes one query of a whole type returns.
const typePage = 5000

// eachOfType calls fn with every node of type typ, in pages by UID.
func (d *dgraph) eachOfType(ctx context.Context, txn *dgo.Txn, typ string, fn func(node) error) error {
	return eachPage(ctx, d, txn, typ, "uid sg.id sg.data", func(n node) string { return n.UID }, fn)
}

// eachPage calls fn with every node of type typ, read with selection
// typePage nodes a query, in UID order; uid gives a node's UID, where the
// next page starts after the last.
func eachPage[N any](ctx context.Context, d *dgraph, txn *dgo.Txn, typ, selection string, uid func(N) string, fn func(N) error) error {
	after := ""
	for {
		q := newDQL()
		afterArg := ""
		if after != "" {
			afterArg = ", after: " + after
		}
		q.add("r(func: type(%s), first: %d%s) { %s }", typ, typePage, afterArg, selection)
		var out struct{ R []N }
		if err := d.query(ctx, txn, q, &out); err != nil {
			return err
		}
		for _, n := range out.R {
			if err := fn(n); err != nil {
				return err
			}
		}
		if len(out.R) < typePage {
			return nil
		}
		after = uid(out.R[len(out.R)-1])
	}
}

// countOfType counts the nodes of type typ, filtered by filter when it
// is not empty.
func (d *dgraph) countOfType(ctx context.Context, txn *dgo.Txn, typ, filter string) (int, error) {
	q := newDQL()
	if filter != "" {
		filter = "@filter(" + filter + ")"
	}
	q.add("r(func: type(%s)) %s { n: count(uid) }", typ, filter)
	var out struct{ R []struct{ N int } }
	if err := d.query(ctx, txn, q, &out); err != nil {
		return 0, err
	}
	if len(out.R) == 0 {
		return 0, nil
	}
	return out.R[0].N, nil
}

// linked returns, for each node of uids, the stance nodes linked to it by
// the reverse of each of preds ("~sg.subject", "~sg.object", "~sg.cites").
func (d *dgraph) linked(ctx context.Context, txn *dgo.Txn, uids []string, preds ...string) (map[string][]node, error) {
	out := map[string][]node{}
	for _, chunk := range chunks(uids) {
		q := newDQL()
		var sel strings.Builder
		for i, p := range preds {
			fmt.Fprintf(&sel, " l%d: %s { uid sg.id sg.data }", i, p)
		}
		q.add("r(func: uid(%s)) { uid%s }", strings.Join(chunk, ", "), sel.String())
		var res struct{ R []map[string]json.RawMessage }
		if err := d.query(ctx, txn, q, &res); err != nil {
			return nil, err
		}
		for _, m := range res.R {
			var uid string
			if err := json.Unmarshal(m["uid"], &uid); err != nil {
				return nil, fmt.Errorf("dgraphstore: decoding an answer: %w", err)
			}
			for i := range preds {
				raw, ok := m[fmt.Sprintf("l%d", i)]
				if !ok {
					continue
				}
				var ns []node
				if err := json.Unmarshal(raw, &ns); err != nil {
					return nil, fmt.Errorf("dgraphstore: decoding an answer: %w", err)
				}
				out[uid] = append(out[uid], ns...)
			}
		}
	}
	return out, nil
}

// read runs fn in a read-only transaction: one consistent snapshot.
func (d *dgraph) read(ctx context.Context, fn func(txn *dgo.Txn) error) error {
	txn := d.c.NewReadOnlyTxn()
	defer txn.Discard(context.WithoutCancel(ctx))
	return fn(txn)
}

func dedupe(vs []string) []string {
	seen := make(map[string]bool, len(vs))
	out := vs[:0:0]
	for _, v := range vs {
		if !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	return out
}

// byID returns up to n nodes of type typ in sg.id order after the ID
// after ("" for the start), narrowed by filter (DQL, may be empty): a page
// read through the ID index, not the whole type.
func (d *dgraph) byID(ctx context.Context, txn *dgo.Txn, typ, filter, after string, n int) ([]node, error) {
	q := newDQL()
	var conds []string
	if filter != "" {
		conds = append(conds, filter)
	}
	if after != "" {
		conds = append(conds, fmt.Sprintf("gt(sg.id, %s)", q.val(after)))
	}
	where := ""
	if len(conds) > 0 {
		where = "@filter(" + strings.Join(conds, " AND ") + ")"
	}
	q.add("r(func: type(%s), orderasc: sg.id, first: %d) %s { uid sg.id sg.data }", typ, n, where)
	var out struct{ R []node }
	err := d.query(ctx, txn, q, &out)
	return out.R, err
}

// eachByID calls fn with every node of type typ matching filter, in ID
// order, reading one snapshot (txn) page by page.
func (d *dgraph) eachByID(ctx context.Context, txn *dgo.Txn, typ, filter string, fn func(node) error) error {
	after := ""
	for {
		ns, err := d.byID(ctx, txn, typ, filter, after, typePage)
		if err != nil {
			return err
		}
		for _, n := range ns {
			if err := fn(n); err != nil {
				return err
			}
		}
		if len(ns) < typePage {
			return nil
		}
		after = ns[len(ns)-1].ID
	}
}

// pairsPerQuery bounds the subject-object pairs one query of between asks.
const pairsPerQuery = 2000

// between returns the stance nodes from each subject of pairs (by UID) to
// any of its objects, filtered in Dgraph so that a busy actor's other
// stances never travel.
func (d *dgraph) between(ctx context.Context, txn *dgo.Txn, pairs map[string]map[string]bool) ([]node, error) {
	var all []node
	q, blocks, size := newDQL(), 0, 0
	flush := func() error {
		if blocks == 0 {
			return nil
		}
		var res map[string][]struct {
			L []node `json:"l"`
		}
		if err := d.query(ctx, txn, q, &res); err != nil {
			return err
		}
		for _, b := range res {
			for _, s := range b {
				all = append(all, s.L...)
			}
		}
		q, blocks, size = newDQL(), 0, 0
		return nil
	}
	for s, objs := range pairs {
		uids := make([]string, 0, len(objs))
		for o := range objs {
			uids = append(uids, o)
		}
		q.add("s%d(func: uid(%s)) { l: ~sg.subject @filter(uid_in(sg.object, [%s])) { uid sg.id sg.data } }", blocks, s, strings.Join(uids, ", "))
		blocks++
		if size += len(uids); size >= pairsPerQuery {
			if err := flush(); err != nil {
				return nil, err
			}
		}
	}
	return all, flush()
}

// indexIdentities gives sg.ident to the stances of a cluster written
// before that index existed, a page at a time, each page one
// transaction: a write finds the stances it merges with by it. On a
// cluster that has it, it is one query that finds nothing.
func (d *dgraph) indexIdentities(ctx context.Context) error {
	for {
		var out struct{ R []node }
		q := newDQL().add("r(func: type(%s), first: %d) @filter(NOT has(sg.ident)) { uid sg.id sg.data }", typeStance, typePage)
		txn := d.c.NewTxn()
		err := d.query(ctx, txn, q, &out)
		if err == nil && len(out.R) > 0 {
			err = d.setIdentities(ctx, txn, out.R)
		}
		txn.Discard(context.WithoutCancel(ctx))
		if err != nil || len(out.R) < typePage {
			return err
		}
	}
}

// setIdentities writes the sg.ident of stance nodes ns and commits.
func (d *dgraph) setIdentities(ctx context.Context, txn *dgo.Txn, ns []node) error {
	set := make([]map[string]any, 0, len(ns))
	for _, n := range ns {
		st, err := decode[stance.Stance](n)
		if err != nil {
			return fmt.Errorf("dgraphstore: indexing the identities of stored stances: %w (graphd check --store lists what is damaged)", err)
		}
		set = append(set, map[string]any{"uid": n.UID, "sg.ident": identsOf(st)})
	}
	ctx, cancel := d.bound(ctx)
	defer cancel()
	_, err := txn.Mutate(ctx, &api.Mutation{SetJson: mustJSON(set), CommitNow: true})
	return d.fail(err)
}
