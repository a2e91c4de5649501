package schema

import (
	"bytes"
	"context"
	"errors"
	"math"
	"reflect"
	"strings"

	"github.com/graphql-go/graphql"
	"github.com/graphql-go/graphql/language/ast"

	"github.com/stancegraph/stancegraph/resolvers"
)

// graphql-go v0.8.1 spends most of a typical notebook query in its executor:
// for each of the ~150 fields of a page of stances it collects fields into
// maps, builds a ResolveInfo and a response path, and a server would then walk
// the resulting maps again to write JSON. Queries are read-only, so the
// engine can instead run a compiled form of the operation (fields, argument
// values and sub-selections resolved once per cached document) and write
// JSON as it resolves. The fast path only ever answers the success case:
// any resolver error, panic, null in a non-null position, or shape it was
// not built for makes it give up, and graphql-go runs the operation from
// scratch to produce the canonical answer and errors. Both paths call the
// same resolve functions, so they agree on data; TestFastPathMatchesExecutor
// compares their bytes.

// compiled is an operation prepared for the fast executor.
type compiled struct {
	vars []variable
	root *selection
}

// variable is one declared variable of the operation.
type variable struct {
	name string
	typ  graphql.Input
	def  ast.Value // default value, or nil
}

// selection is the fields of one selection set on one object type, merged
// by response key in response order.
type selection struct {
	typ    *graphql.Object
	fields []*field
}

// field is one response key of a selection.
type field struct {
	key      string
	keyJSON  string // key as the answer writes it, a JSON string and a colon: written once here, not escaped per object
	typename bool   // __typename: the object type's name, no resolver
	resolve  graphql.FieldResolveFn
	info     graphql.ResolveInfo
	typ      graphql.Output
	argDefs  []*graphql.Argument
	argASTs  []*ast.Argument
	args     map[string]interface{} // argument values when they use no variable
	dynamic  bool                   // arguments use variables: compute per request
	sub      *selection             // sub-selection of an object (or list of objects) type
	leaf     leafWriter             // writes a scalar or enum value without Serialize (leaf.go); nil: none
	// get reads the field from its source alone (resolvers.Direct.Get),
	// in place of resolve: no ResolveParams to build; nil: resolve.
	get func(source any) (any, bool)
}

// compile prepares op for the fast executor, or returns nil when the
// operation needs graphql-go: mutations and subscriptions,
// abstract types, directives other than @skip/@include with literal
// conditions, and anything it does not recognise.
//
// direct, when not nil, gives the functions the compiled form calls in
// place of the schema's own, by type and field name (see
// resolvers.Resolver.DirectResolvers): the fast path answers only when no
// field fails, so it can do without the schema's error translation.
func compile(s *graphql.Schema, direct directResolvers, doc *ast.Document, op *ast.OperationDefinition) *compiled {
	return compileWith(s, direct, doc, op, nil)
}

// compileIntrospection compiles an introspection operation that compile
// refused, evaluating @skip and @include conditions given by variables
// with this request's values; the result is for this request only. So
// the engine, not graphql-go, answers every introspection query it can
// run, and with it __InputValue.defaultValue (see inputDefault).
func compileIntrospection(s *graphql.Schema, direct directResolvers, doc *ast.Document, op *ast.OperationDefinition, vars map[string]interface{}) *compiled {
	if op == nil || !introspects(op.SelectionSet, doc, map[string]bool{}) {
		return nil
	}
	if vars == nil {
		vars = map[string]interface{}{}
	}
	return compileWith(s, direct, doc, op, vars)
}

// introspects reports whether set selects __schema or __type at the root,
// directly or through fragments.
func introspects(set *ast.SelectionSet, doc *ast.Document, seen map[string]bool) bool {
	if set == nil {
		return false
	}
	for _, sel := range set.Selections {
		switch s := sel.(type) {
		case *ast.Field:
			if s.Name != nil && (s.Name.Value == "__schema" || s.Name.Value == "__type") {
				return true
			}
		case *ast.InlineFragment:
			if introspects(s.SelectionSet, doc, seen) {
				return true
			}
		case *ast.FragmentSpread:
			if s.Name == nil || seen[s.Name.Value] {
				continue
			}
			seen[s.Name.Value] = true
			for _, d := range doc.Definitions {
				if f, ok := d.(*ast.FragmentDefinition); ok && f.Name != nil && f.Name.Value == s.Name.Value && introspects(f.SelectionSet, doc, seen) {
					return true
				}
			}
		}
	}
	return false
}

// compileWith compiles op; with vars not nil, @skip and @include
// conditions given by variables take their values from vars.
func compileWith(s *graphql.Schema, direct directResolvers, doc *ast.Document, op *ast.OperationDefinition, vars map[string]interface{}) *compiled {
	if op == nil || op.Operation != ast.OperationTypeQuery || op.SelectionSet == nil || s.QueryType() == nil {
		return nil
	}
	if len(op.Directives) > 0 {
		return nil
	}
	c := &compiled{}
	for _, vd := range op.VariableDefinitions {
		if vd == nil || vd.Variable == nil || vd.Variable.Name == nil {
			return nil
		}
		t := inputType(s, vd.Type)
		if t == nil {
			return nil
		}
		c.vars = append(c.vars, variable{name: vd.Variable.Name.Value, typ: t, def: vd.DefaultValue})
	}
	frags := map[string]*ast.FragmentDefinition{}
	for _, def := range doc.Definitions {
		if f, ok := def.(*ast.FragmentDefinition); ok && f.Name != nil {
			frags[f.Name.Value] = f
		}
	}
	nodes := make(map[string]ast.Definition, len(frags))
	for k, v := range frags {
		nodes[k] = v
	}
	b := &compiler{schema: s, direct: direct, op: op, frags: frags, nodes: nodes}
	if vars != nil {
		var ok bool
		if b.conditions, ok = c.variables(vars); !ok {
			return nil
		}
	}
	root := b.selection(s.QueryType(), []*ast.SelectionSet{op.SelectionSet}, 0)
	if root == nil {
		return nil
	}
	c.root = root
	return c
}

// inputType resolves a variable's declared type in s.
func inputType(s *graphql.Schema, t ast.Type) graphql.Input {
	switch t := t.(type) {
	case *ast.NonNull:
		in := inputType(s, t.Type)
		if in == nil {
			return nil
		}
		return graphql.NewNonNull(in)
	case *ast.List:
		in := inputType(s, t.Type)
		if in == nil {
			return nil
		}
		return graphql.NewList(in)
	case *ast.Named:
		if t.Name == nil {
			return nil
		}
		switch n := s.Type(t.Name.Value).(type) {
		case *graphql.Scalar:
			return n
		case *graphql.Enum:
			return n
		case *graphql.InputObject:
			return n
		}
	}
	return nil
}

// directResolvers are resolve functions by type and field name.
type directResolvers map[string]map[string]resolvers.Direct

// compiler carries what compiling one operation needs.
type compiler struct {
	schema *graphql.Schema
	direct directResolvers // called in place of the schema's functions; nil: none
	op     *ast.OperationDefinition
	frags  map[string]*ast.FragmentDefinition
	nodes  map[string]ast.Definition // frags, as ResolveInfo.Fragments wants them
	// conditions are the variables @skip and @include may read; nil when
	// the compiled form is shared by requests, which only literals allow.
	conditions map[string]interface{}
}

// maxCompileDepth bounds recursion; the engine's depth limit is far lower.
const maxCompileDepth = 64

// selection compiles the merged selection sets sets on object type t.
func (b *compiler) selection(t *graphql.Object, sets []*ast.SelectionSet, depth int) *selection {
	if depth > maxCompileDepth {
		return nil
	}
	m := &merged{t: t, byKey: map[string][]*ast.Field{}, visited: map[string]bool{}}
	for _, set := range sets {
		if !b.collect(m, set) {
			return nil
		}
	}
	out := &selection{typ: t}
	defs := t.Fields()
	for _, key := range m.keys {
		f, ok := b.field(t, defs, key, m.byKey[key], depth)
		if !ok {
			return nil
		}
		out.fields = append(out.fields, f)
	}
	return out
}

// merged is the fields of selection sets on one type, by response key in
// response order, with the fragments already spread.
type merged struct {
	t       *graphql.Object
	keys    []string
	byKey   map[string][]*ast.Field
	visited map[string]bool
}

// collect adds the fields of set to m, spreading fragments that apply to
// m's type; ok is false for a directive or selection it cannot evaluate.
func (b *compiler) collect(m *merged, set *ast.SelectionSet) (ok bool) {
	if set == nil {
		return true
	}
	for _, sel := range set.Selections {
		var sub *ast.SelectionSet
		switch s := sel.(type) {
		case *ast.Field:
			inc, good := b.included(s.Directives)
			if !good {
				return false
			}
			if inc && s.Name != nil {
				m.add(s)
			}
			continue
		case *ast.InlineFragment:
			inc, good := b.included(s.Directives)
			if !good {
				return false
			}
			if !inc || !b.applies(s.TypeCondition, m.t) {
				continue
			}
			sub = s.SelectionSet
		case *ast.FragmentSpread:
			inc, good := b.included(s.Directives)
			if !good || s.Name == nil {
				return false
			}
			if !inc || m.visited[s.Name.Value] {
				continue
			}
			m.visited[s.Name.Value] = true
			f := b.frags[s.Name.Value]
			if f == nil || len(f.Directives) > 0 {
				return false
			}
			if !b.applies(f.TypeCondition, m.t) {
				continue
			}
			sub = f.SelectionSet
		default:
			return false
		}
		if !b.collect(m, sub) {
			return false
		}
	}
	return true
}

// add merges field f under its response key.
func (m *merged) add(f *ast.Field) {
	key := f.Name.Value
	if f.Alias != nil && f.Alias.Value != "" {
		key = f.Alias.Value
	}
	if _, seen := m.byKey[key]; !seen {
		m.keys = append(m.keys, key)
	}
	m.byKey[key] = append(m.byKey[key], f)
}

// field compiles the response key key of a selection on t, given by the
// fields asts; ok is false when the fast path cannot run it.
func (b *compiler) field(t *graphql.Object, defs graphql.FieldDefinitionMap, key string, asts []*ast.Field, depth int) (*field, bool) {
	first := asts[0]
	name := first.Name.Value
	if name == "__typename" {
		return &field{key: key, keyJSON: jsonKey(key), typename: true}, true
	}
	def, resolve, get := b.fieldDef(t, defs, name)
	if def == nil || resolve == nil {
		return nil, false // unknown fields are graphql-go's business
	}
	f := &field{
		key:     key,
		keyJSON: jsonKey(key),
		resolve: resolve,
		get:     get,
		typ:     def.Type,
		argDefs: def.Args,
		argASTs: first.Arguments,
		info: graphql.ResolveInfo{
			FieldName:  name,
			FieldASTs:  asts,
			ReturnType: def.Type,
			ParentType: t,
			Schema:     *b.schema,
			Fragments:  b.nodes,
			Operation:  b.op,
		},
	}
	if usesVariables(first.Arguments) {
		f.dynamic = true
	} else {
		f.args = argumentValues(def.Args, first.Arguments, nil)
	}
	switch named := graphql.GetNamed(def.Type).(type) {
	case *graphql.Object:
		var subs []*ast.SelectionSet
		for _, a := range asts {
			if a.SelectionSet != nil {
				subs = append(subs, a.SelectionSet)
			}
		}
		f.sub = b.selection(named, subs, depth+1)
		return f, f.sub != nil
	case *graphql.Scalar, *graphql.Enum:
		f.leaf = leafWriterOf(named)
		return f, true
	}
	return nil, false
}

// jsonKey is key as an answer writes it: a JSON string, then a colon.
func jsonKey(key string) string {
	var b bytes.Buffer
	writeString(&b, key)
	b.WriteByte(':')
	return b.String()
}

// fieldDef returns the definition of field name of t, the function that
// resolves it, and the one that reads it from its source alone when b's
// direct resolvers have one (nil: none). Introspection runs here too, so that the engine, not
// graphql-go's package-wide introspection types, answers
// __InputValue.defaultValue (see inputDefault): the root's __schema and
// __type are graphql-go's meta fields, and the fields of its introspection
// types that have no resolver read their source as graphql-go's executor
// does.
func (b *compiler) fieldDef(t *graphql.Object, defs graphql.FieldDefinitionMap, name string) (*graphql.FieldDefinition, graphql.FieldResolveFn, func(any) (any, bool)) {
	def := defs[name]
	if def == nil && t == b.schema.QueryType() {
		switch name {
		case graphql.SchemaMetaFieldDef.Name:
			def = graphql.SchemaMetaFieldDef
		case graphql.TypeMetaFieldDef.Name:
			def = graphql.TypeMetaFieldDef
		}
	}
	if def == nil {
		return nil, nil, nil
	}
	if !strings.HasPrefix(t.Name(), "__") {
		if d := b.direct[t.Name()][name]; d.Resolve != nil {
			return def, d.Resolve, d.Get
		}
		return def, def.Resolve, nil
	}
	if t == graphql.InputValueType && name == "defaultValue" {
		return def, inputDefault, nil
	}
	if def.Resolve == nil {
		return def, graphql.DefaultResolveFn, nil
	}
	return def, def.Resolve, nil
}

// applies reports whether a fragment with type condition cond applies to t.
// Without abstract types in the schema a condition names t or another object.
func (b *compiler) applies(cond *ast.Named, t *graphql.Object) bool {
	return cond == nil || cond.Name == nil || cond.Name.Value == t.Name()
}

// included evaluates @skip and @include with literal conditions, or ones
// given by variables when b has their values; ok is false for any other
// directive or condition.
func (b *compiler) included(dirs []*ast.Directive) (inc, ok bool) {
	inc = true
	for _, d := range dirs {
		if d == nil || d.Name == nil || len(d.Arguments) != 1 || d.Arguments[0].Name == nil || d.Arguments[0].Name.Value != "if" {
			return false, false
		}
		cond, isBool := b.condition(d.Arguments[0].Value)
		if !isBool {
			return false, false
		}
		switch d.Name.Value {
		case "skip":
			if cond {
				inc = false
			}
		case "include":
			if !cond {
				inc = false
			}
		default:
			return false, false
		}
	}
	return inc, true
}

// condition is the value of a directive's if argument: a literal, or a
// variable when b has the variables' values.
func (b *compiler) condition(v ast.Value) (cond, ok bool) {
	switch v := v.(type) {
	case *ast.BooleanValue:
		return v.Value, true
	case *ast.Variable:
		if b.conditions != nil && v.Name != nil {
			cond, ok = b.conditions[v.Name.Value].(bool)
		}
	}
	return cond, ok
}

// usesVariables reports whether any argument value refers to a variable.
func usesVariables(args []*ast.Argument) bool {
	for _, a := range args {
		if a != nil && hasVariable(a.Value) {
			return true
		}
	}
	return false
}

func hasVariable(v ast.Value) bool {
	switch v := v.(type) {
	case *ast.Variable:
		return true
	case *ast.ListValue:
		for _, e := range v.Values {
			if hasVariable(e) {
				return true
			}
		}
	case *ast.ObjectValue:
		for _, f := range v.Fields {
			if f != nil && hasVariable(f.Value) {
				return true
			}
		}
	}
	return false
}

// argumentValues computes a field's arguments as graphql-go does: each
// defined argument from its literal or variable, else its default, and
// absent when both are null.
func argumentValues(defs []*graphql.Argument, asts []*ast.Argument, vars map[string]interface{}) map[string]interface{} {
	out := make(map[string]interface{}, len(defs))
	for _, def := range defs {
		var lit ast.Value
		for _, a := range asts {
			if a != nil && a.Name != nil && a.Name.Value == def.PrivateName {
				lit = a.Value
				break
			}
		}
		v := literalValue(lit, def.Type, vars)
		if nullish(v) {
			v = def.DefaultValue
		}
		if !nullish(v) {
			out[def.PrivateName] = v
		}
	}
	return out
}

// literalValue converts an argument literal to the Go value resolvers get.
func literalValue(v ast.Value, t graphql.Input, vars map[string]interface{}) interface{} {
	if v == nil {
		return nil
	}
	if vr, ok := v.(*ast.Variable); ok {
		if vr.Name == nil || vars == nil {
			return nil
		}
		return vars[vr.Name.Value]
	}
	switch t := t.(type) {
	case *graphql.NonNull:
		return literalValue(v, t.OfType, vars)
	case *graphql.List:
		out := []interface{}{}
		if l, ok := v.(*ast.ListValue); ok {
			for _, e := range l.Values {
				out = append(out, literalValue(e, t.OfType, vars))
			}
			return out
		}
		return append(out, literalValue(v, t.OfType, vars))
	case *graphql.InputObject:
		ov, ok := v.(*ast.ObjectValue)
		if !ok {
			return nil
		}
		given := map[string]*ast.ObjectField{}
		for _, f := range ov.Fields {
			if f != nil && f.Name != nil {
				given[f.Name.Value] = f
			}
		}
		out := map[string]interface{}{}
		for name, fd := range t.Fields() {
			var x interface{}
			if f, ok := given[name]; ok {
				x = literalValue(f.Value, fd.Type, vars)
			} else {
				x = fd.DefaultValue
			}
			if !nullish(x) {
				out[name] = x
			}
		}
		return out
	case *graphql.Scalar:
		return t.ParseLiteral(v)
	case *graphql.Enum:
		return t.ParseLiteral(v)
	}
	return nil
}

// variables coerces the request's variables; ok is false when any is
// missing or invalid, and graphql-go then reports it.
func (c *compiled) variables(in map[string]interface{}) (map[string]interface{}, bool) {
	out := make(map[string]interface{}, len(c.vars))
	for _, v := range c.vars {
		x := in[v.name]
		if !validInput(x, v.typ) {
			return nil, false
		}
		if nullish(x) && v.def != nil {
			out[v.name] = literalValue(v.def, v.typ, nil)
			continue
		}
		out[v.name] = coerce(v.typ, x)
	}
	return out, true
}

// validInput reports whether x is acceptable for t. It errs towards false:
// a false answer only sends the request to graphql-go.
func validInput(x interface{}, t graphql.Input) bool {
	if nullish(x) {
		_, nonNull := t.(*graphql.NonNull)
		return !nonNull
	}
	switch t := t.(type) {
	case *graphql.NonNull:
		return validInput(x, t.OfType)
	case *graphql.List:
		if l, ok := x.([]interface{}); ok {
			for _, e := range l {
				if !validInput(e, t.OfType) {
					return false
				}
			}
			return true
		}
		if reflect.ValueOf(x).Kind() == reflect.Slice {
			return false
		}
		return validInput(x, t.OfType)
	case *graphql.InputObject:
		m, ok := x.(map[string]interface{})
		if !ok {
			return false
		}
		fields := t.Fields()
		for k := range m {
			if _, ok := fields[k]; !ok {
				return false
			}
		}
		for name, f := range fields {
			if !validInput(m[name], f.Type) {
				return false
			}
		}
		return true
	case *graphql.Scalar:
		return !nullish(t.ParseValue(x))
	case *graphql.Enum:
		return !nullish(t.ParseValue(x))
	}
	return false
}

// coerce converts a valid variable value to the Go value resolvers get.
func coerce(t graphql.Input, x interface{}) interface{} {
	if nullish(x) {
		return nil
	}
	switch t := t.(type) {
	case *graphql.NonNull:
		return coerce(t.OfType, x)
	case *graphql.List:
		out := []interface{}{}
		if l, ok := x.([]interface{}); ok {
			for _, e := range l {
				out = append(out, coerce(t.OfType, e))
			}
			return out
		}
		return append(out, coerce(t.OfType, x))
	case *graphql.InputObject:
		m, _ := x.(map[string]interface{})
		out := map[string]interface{}{}
		for name, f := range t.Fields() {
			v := coerce(f.Type, m[name])
			if nullish(v) {
				v = f.DefaultValue
			}
			if !nullish(v) {
				out[name] = v
			}
		}
		return out
	case *graphql.Scalar:
		return t.ParseValue(x)
	case *graphql.Enum:
		return t.ParseValue(x)
	}
	return nil
}

// nullish is graphql-go's notion of null: nil, a nil pointer, or NaN.
func nullish(v interface{}) bool {
	switch x := v.(type) {
	case nil:
		return true
	case string, bool, int, int32, int64:
		return false
	case float64:
		return math.IsNaN(x)
	case float32:
		return math.IsNaN(float64(x))
	}
	r := reflect.ValueOf(v)
	if r.Kind() == reflect.Ptr {
		if r.IsNil() {
			return true
		}
		r = r.Elem()
	}
	switch r.Kind() {
	case reflect.Float32, reflect.Float64:
		return math.IsNaN(r.Float())
	}
	return false
}

// errGiveUp makes the fast path hand the operation to graphql-go.
var errGiveUp = errors.New("schema: fast path gave up")

// run executes c, appending {"data":...} to buf, which may grow to limit
// bytes. It returns errGiveUp, with buf in an unspecified state, when
// graphql-go must run the operation instead; errResponseTooLarge past the
// limit; and ctx's error once ctx ends.
func (c *compiled) run(ctx context.Context, vars map[string]interface{}, buf *bytes.Buffer, limit int) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = errGiveUp
		}
	}()
	values, good := c.variables(vars)
	if !good {
		return errGiveUp
	}
	x := &executor{ctx: ctx, vars: values, limit: limit}
	buf.WriteString(`{"data":`)
	if err := x.object(buf, c.root, nil); err != nil {
		return err
	}
	buf.WriteString("}\n")
	return nil
}

// executor is one run of a compiled operation.
type executor struct {
	ctx   context.Context
	vars  map[string]interface{}
	limit int // bytes the answer may take
	// fields counts the checkpoints passed, so that the deadline is read
	// at the first field and every checkEvery fields after it.
	fields int
}

// checkEvery is how many fields pass between two reads of the request's
// deadline. A read costs 15-70 ns (a lock, or the clock), a page of 20
// stances has some 250 fields, and a field takes far less time than a
// deadline's resolution needs.
const checkEvery = 32

// object writes the fields of sel resolved on source.
func (x *executor) object(buf *bytes.Buffer, sel *selection, source interface{}) error {
	if sel.typ.IsTypeOf != nil {
		return errGiveUp
	}
	buf.WriteByte('{')
	for i, f := range sel.fields {
		if err := x.checkpoint(buf); err != nil {
			return err
		}
		if i > 0 {
			buf.WriteByte(',')
		}
		buf.WriteString(f.keyJSON)
		if f.typename {
			writeString(buf, sel.typ.Name())
			continue
		}
		v, err := x.resolve(f, source)
		if err != nil {
			return err
		}
		if err := x.value(buf, f, f.typ, v); err != nil {
			return err
		}
	}
	buf.WriteByte('}')
	return nil
}

// resolve returns the value of f on source: errGiveUp when it fails, or
// ctx's error once ctx ends.
func (x *executor) resolve(f *field, source any) (any, error) {
	if f.get != nil {
		v, ok := f.get(source)
		if !ok {
			return nil, errGiveUp
		}
		return v, nil
	}
	args := f.args
	if f.dynamic {
		args = argumentValues(f.argDefs, f.argASTs, x.vars)
	}
	v, err := f.resolve(graphql.ResolveParams{Source: source, Args: args, Info: f.info, Context: x.ctx})
	if err != nil {
		if x.ctx.Err() != nil {
			return nil, x.ctx.Err()
		}
		return nil, errGiveUp
	}
	return v, nil
}

// checkpoint stops the run once the answer passes its budget or the
// request its deadline.
func (x *executor) checkpoint(buf *bytes.Buffer) error {
	if buf.Len() > x.limit {
		return errResponseTooLarge
	}
	x.fields++
	if x.fields%checkEvery != 1 {
		return nil
	}
	return x.ctx.Err()
}

// value writes v completed as type t.
func (x *executor) value(buf *bytes.Buffer, f *field, t graphql.Type, v interface{}) error {
	if v != nil && reflect.TypeOf(v).Kind() == reflect.Func {
		return errGiveUp // resolve thunks: graphql-go's business
	}
	nonNull := false
	if nn, ok := t.(*graphql.NonNull); ok {
		nonNull, t = true, nn.OfType
	}
	if nullish(v) {
		if nonNull {
			return errGiveUp
		}
		buf.WriteString("null")
		return nil
	}
	switch t := t.(type) {
	case *graphql.List:
		r := reflect.ValueOf(v)
		if r.Kind() == reflect.Ptr {
			r = r.Elem()
		}
		if r.Kind() != reflect.Slice && r.Kind() != reflect.Array {
			return errGiveUp
		}
		buf.WriteByte('[')
		for i := 0; i < r.Len(); i++ {
			if i > 0 {
				buf.WriteByte(',')
			}
			if err := x.value(buf, f, t.OfType, r.Index(i).Interface()); err != nil {
				return err
			}
		}
		buf.WriteByte(']')
		return nil
	case *graphql.Scalar:
		if f.leaf != nil && f.leaf(buf, v) {
			return nil
		}
		return leaf(buf, t.Serialize(v), nonNull)
	case *graphql.Enum:
		if f.leaf != nil && f.leaf(buf, v) {
			return nil
		}
		return leaf(buf, t.Serialize(v), nonNull)
	case *graphql.Object:
		if f.sub == nil || f.sub.typ != t {
			return errGiveUp
		}
		return x.object(buf, f.sub, v)
	}
	return errGiveUp
}

// leaf writes a serialized scalar or enum value.
func leaf(buf *bytes.Buffer, s interface{}, nonNull bool) error {
	if nullish(s) {
		if nonNull {
			return errGiveUp
		}
		buf.WriteString("null")
		return nil
	}
	encode(buf, s, nil)
	return nil
}

// fastPath returns op compiled, or nil; the result is cached with the document.
func (d *document) fastPath(s *graphql.Schema, direct directResolvers, op *ast.OperationDefinition) *compiled {
	if c, ok := d.fast.Load(op); ok {
		return c.(*compiled)
	}
	c := compile(s, direct, d.ast, op)
	d.fast.LoadOrStore(op, c)
	return c
}
