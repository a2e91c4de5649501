package server

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/graphql-go/graphql"
	"github.com/graphql-go/graphql/gqlerrors"
	"github.com/graphql-go/graphql/language/ast"
)

// params are the GraphQL-over-HTTP request parameters.
type params struct {
	Query         string
	OperationName string
	Variables     map[string]interface{}
}

// httpError is a request refused before execution, with its status code.
type httpError struct {
	status int
	code   string
	msg    string
	header map[string]string
}

func (e *httpError) Error() string { return e.msg }

func badRequest(format string, a ...any) *httpError {
	return &httpError{status: http.StatusBadRequest, code: codeBadRequest, msg: fmt.Sprintf(format, a...)}
}

// serveGraphQL answers /graphql.
func (s *Server) serveGraphQL(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	s.metrics.begin()
	defer s.metrics.end()
	info := infoOf(r)

	media, err := negotiate(r.Header.Get("Accept"))
	if err != nil {
		s.refuse(w, r, mediaJSON, err)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodPost {
		s.refuse(w, r, media, &httpError{
			status: http.StatusMethodNotAllowed, code: codeMethodNotAllowed,
			msg:    fmt.Sprintf("method %s is not allowed: use POST, or GET for queries", r.Method),
			header: map[string]string{"Allow": "GET, POST"},
		})
		return
	}
	p, err := s.readParams(w, r)
	if err != nil {
		s.refuse(w, r, media, err)
		return
	}
	if nestingTooDeep(p.Query, 2*s.cfg.MaxDepth+32) {
		s.refuse(w, r, media, &httpError{status: http.StatusBadRequest, code: codeTooComplex,
			msg: fmt.Sprintf("query is nested too deeply; the depth limit is %d", s.cfg.MaxDepth)})
		return
	}

	// Validation runs under the request's deadline as execution does.
	ctx, cancel := context.WithTimeout(r.Context(), s.cfg.Timeout)
	defer cancel()
	doc, hit, err := s.cache.parse(ctx, &s.cfg.Schema, p.Query, s.cfg.shape())
	if err != nil {
		s.refuse(w, r, media, s.deadline())
		return
	}
	s.metrics.cache(hit)
	if doc.errs != nil {
		s.requestFailed(w, r, media, doc.errs, "", "invalid", start)
		return
	}
	op, err := operation(doc.ast, p.OperationName)
	if err != nil {
		s.requestFailed(w, r, media, []gqlerrors.FormattedError{gqlError(codeOperationNotFound, err.Error())}, p.OperationName, "invalid", start)
		return
	}
	opName, opType := "", op.Operation
	if op.Name != nil {
		opName = op.Name.Value
	}
	info.opName, info.opType = opName, opType

	if herr := s.permit(r, opType); herr != nil {
		s.refuse(w, r, media, herr)
		s.metrics.operation(opName, opType, true, time.Since(start))
		return
	}
	complexity, err := s.cost.checkLimits(ctx, doc.ast, op, p.Variables)
	if err != nil {
		s.requestFailed(w, r, media, []gqlerrors.FormattedError{gqlError(codeTooComplex, err.Error())}, opName, opType, start)
		return
	}
	release, err := s.acquire(ctx, complexity)
	if err != nil {
		s.refuse(w, r, media, s.busy(complexity))
		s.metrics.operation(opName, opType, true, time.Since(start))
		return
	}
	defer release()
	if !s.slowOnly {
		if c := doc.fastPath(&s.cfg.Schema, op); c != nil {
			if err := s.runFast(ctx, w, media, c, p.Variables); !errors.Is(err, errGiveUp) {
				s.fastDone(w, r, media, err)
				s.metrics.executed(true)
				s.metrics.operation(opName, opType, err != nil, time.Since(start))
				return
			}
		}
	}
	s.metrics.executed(false)
	res := graphql.Execute(graphql.ExecuteParams{
		Schema:        s.cfg.Schema,
		AST:           doc.ast,
		OperationName: p.OperationName,
		Args:          p.Variables,
		Context:       ctx,
	})

	if res.Data == nil && errors.Is(ctx.Err(), context.DeadlineExceeded) {
		s.refuse(w, r, media, s.deadline())
		s.metrics.operation(opName, opType, true, time.Since(start))
		return
	}
	if res.Data == nil && !executed(res.Errors) {
		// Variable coercion failed: the operation never ran.
		s.requestFailed(w, r, media, withCode(explain(res.Errors, &s.cfg.Schema), codeBadRequest), opName, opType, start)
		return
	}
	if len(res.Errors) > 0 {
		info.err = res.Errors[0].Message
	}
	s.writeResult(w, media, res.Data, res.Errors, doc.plan(op))
	s.metrics.operation(opName, opType, len(res.Errors) > 0, time.Since(start))
}

// fastDone answers the refusals of a fast-path run that stopped: past the
// response budget or the deadline. A nil err means the answer is written.
func (s *Server) fastDone(w http.ResponseWriter, r *http.Request, media string, err error) {
	switch {
	case err == nil:
	case errors.Is(err, errResponseTooLarge):
		s.refuse(w, r, media, s.tooLarge())
	default:
		s.refuse(w, r, media, s.deadline())
	}
}

// executed reports whether errors come from running resolvers (they carry
// a path) rather than from preparing the operation. graphql-go answers both
// with a nil Data, but only the latter is a request error.
func executed(errs []gqlerrors.FormattedError) bool {
	for _, e := range errs {
		if len(e.Path) > 0 {
			return true
		}
	}
	return false
}

// permit applies the method, read-only, origin and token rules to an
// operation. Its content type was checked before: only application/json
// reaches here, which a page elsewhere cannot send without a preflight.
func (s *Server) permit(r *http.Request, opType string) *httpError {
	switch opType {
	case ast.OperationTypeQuery:
		return nil
	case ast.OperationTypeMutation:
	default:
		return badRequest("%s operations are not supported", opType)
	}
	if r.Method == http.MethodGet {
		return &httpError{
			status: http.StatusMethodNotAllowed, code: codeMethodNotAllowed,
			msg:    "mutations are not allowed over GET: send them with POST",
			header: map[string]string{"Allow": "POST"},
		}
	}
	if !s.cfg.AllowMutations {
		return &httpError{status: http.StatusForbidden, code: codeForbidden,
			msg: "mutations are disabled on this server (read-only, or listening beyond loopback without a token)"}
	}
	if !s.originAllowed(r) {
		return &httpError{status: http.StatusForbidden, code: codeForbidden, msg: refusedOrigin(r)}
	}
	if !s.authorized(r) {
		return &httpError{
			status: http.StatusUnauthorized, code: codeUnauthenticated,
			msg:    "mutations need the bearer token: send Authorization: Bearer TOKEN",
			header: map[string]string{"WWW-Authenticate": `Bearer realm="graphd"`},
		}
	}
	return nil
}

// refuse answers a request refused by HTTP-level rules.
func (s *Server) refuse(w http.ResponseWriter, r *http.Request, media string, err error) {
	var he *httpError
	if !errors.As(err, &he) {
		he = badRequest("%v", err)
	}
	for k, v := range he.header {
		w.Header().Set(k, v)
	}
	infoOf(r).err = he.msg
	writeJSON(w, he.status, media, requestError{Errors: []gqlerrors.FormattedError{gqlError(he.code, he.msg)}})
}

// requestFailed answers a well-formed request whose document or variables
// are invalid: 400 with application/graphql-response+json, 200 with
// application/json, as the specification asks of each.
func (s *Server) requestFailed(w http.ResponseWriter, r *http.Request, media string, errs []gqlerrors.FormattedError, opName, opType string, start time.Time) {
	status := http.StatusOK
	if media == mediaGraphQLResponse {
		status = http.StatusBadRequest
	}
	if len(errs) > 0 {
		infoOf(r).err = errs[0].Message
	}
	writeJSON(w, status, media, requestError{Errors: errs})
	s.metrics.operation(opName, opType, true, time.Since(start))
}

// operation selects the operation to run, as graphql-go would, so the
// server knows its type before executing it.
func operation(doc *ast.Document, name string) (*ast.OperationDefinition, error) {
	var found *ast.OperationDefinition
	n := 0
	for _, def := range doc.Definitions {
		op, ok := def.(*ast.OperationDefinition)
		if !ok {
			continue
		}
		n++
		if name == "" {
			found = op
		} else if op.Name != nil && op.Name.Value == name {
			return op, nil
		}
	}
	switch {
	case name != "":
		return nil, fmt.Errorf("no operation named %q in the document", name)
	case n == 0:
		return nil, errors.New("the document contains no operation")
	case n > 1:
		return nil, errors.New("the document contains several operations: give operationName")
	}
	return found, nil
}

// negotiate picks the response media type from an Accept header:
// application/graphql-response+json unless only application/json is
// acceptable. Without an Accept header, or with */*, the newer type is used,
// as the specification allows after its 2025 watershed.
func negotiate(accept string) (string, error) {
	if strings.TrimSpace(accept) == "" {
		return mediaGraphQLResponse, nil
	}
	bestGR, bestJSON := -1.0, -1.0
	for _, part := range strings.Split(accept, ",") {
		mt, prm, err := mime.ParseMediaType(strings.TrimSpace(part))
		if err != nil {
			continue
		}
		q := 1.0
		if v, ok := prm["q"]; ok {
			if f, err := strconv.ParseFloat(v, 64); err == nil {
				q = f
			}
		}
		if cs, ok := prm["charset"]; ok && !strings.EqualFold(cs, "utf-8") {
			continue
		}
		switch mt {
		case mediaGraphQLResponse:
			bestGR = max(bestGR, q)
		case mediaJSON:
			bestJSON = max(bestJSON, q)
		case "application/*", "*/*":
			bestGR, bestJSON = max(bestGR, q/2), max(bestJSON, q/2-0.001)
		}
	}
	switch {
	case bestGR <= 0 && bestJSON <= 0:
		return "", &httpError{status: http.StatusNotAcceptable, code: codeNotAcceptable,
			msg: fmt.Sprintf("cannot answer in any type of Accept %q: use %s or %s", clip(accept), mediaGraphQLResponse, mediaJSON)}
	case bestJSON > bestGR:
		return mediaJSON, nil
	}
	return mediaGraphQLResponse, nil
}

// readParams reads the request parameters from the URL (GET) or a JSON body
// (POST).
func (s *Server) readParams(w http.ResponseWriter, r *http.Request) (params, error) {
	if r.Method == http.MethodGet {
		q := r.URL.Query()
		p := params{Query: q.Get("query"), OperationName: q.Get("operationName")}
		if v := q.Get("variables"); v != "" {
			if err := json.Unmarshal([]byte(v), &p.Variables); err != nil {
				return p, badRequest("the variables parameter must be a JSON object: %v", err)
			}
		}
		if v := q.Get("extensions"); v != "" {
			var ext map[string]interface{}
			if err := json.Unmarshal([]byte(v), &ext); err != nil {
				return p, badRequest("the extensions parameter must be a JSON object: %v", err)
			}
		}
		if p.Query == "" {
			return p, badRequest("the query parameter is missing")
		}
		return p, nil
	}

	ct := r.Header.Get("Content-Type")
	if ct == "" {
		return params{}, &httpError{status: http.StatusUnsupportedMediaType, code: codeUnsupportedMedia,
			msg: "the Content-Type header is missing: send application/json"}
	}
	mt, prm, err := mime.ParseMediaType(ct)
	if err != nil || mt != mediaJSON {
		return params{}, &httpError{status: http.StatusUnsupportedMediaType, code: codeUnsupportedMedia,
			msg: fmt.Sprintf("Content-Type %q is not supported: send application/json", clip(ct))}
	}
	if cs, ok := prm["charset"]; ok && !strings.EqualFold(cs, "utf-8") {
		return params{}, &httpError{status: http.StatusUnsupportedMediaType, code: codeUnsupportedMedia,
			msg: fmt.Sprintf("charset %q is not supported: send utf-8", clip(cs))}
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.cfg.MaxBodyBytes))
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return params{}, &httpError{status: http.StatusRequestEntityTooLarge, code: codeTooLarge,
				msg: fmt.Sprintf("the request body exceeds the limit of %d bytes", s.cfg.MaxBodyBytes)}
		}
		return params{}, badRequest("reading the request body: %v", err)
	}
	return parseBody(body)
}

// parseBody decodes a POST body, checking each parameter's JSON type.
func parseBody(body []byte) (params, error) {
	body = bytes.TrimSpace(body)
	if len(body) == 0 {
		return params{}, badRequest("the request body is empty: send a JSON object with a query")
	}
	if body[0] == '[' {
		return params{}, badRequest("batched requests are not supported: send one JSON object")
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(body, &raw); err != nil {
		return params{}, badRequest("the request body is not a JSON object: %v", err)
	}
	var p params
	if err := decodeParam(raw, "query", &p.Query); err != nil {
		return p, err
	}
	if p.Query == "" {
		return p, badRequest("the query parameter is missing")
	}
	if err := decodeParam(raw, "operationName", &p.OperationName); err != nil {
		return p, err
	}
	if err := decodeParam(raw, "variables", &p.Variables); err != nil {
		return p, err
	}
	var ext map[string]interface{}
	if err := decodeParam(raw, "extensions", &ext); err != nil {
		return p, err
	}
	return p, nil
}

// decodeParam decodes raw[name] into dst; a missing or null value leaves dst
// unchanged.
func decodeParam(raw map[string]json.RawMessage, name string, dst interface{}) error {
	v, ok := raw[name]
	if !ok || string(v) == "null" {
		return nil
	}
	if err := json.Unmarshal(v, dst); err != nil {
		want := "a string"
		if _, obj := dst.(*map[string]interface{}); obj {
			want = "a JSON object"
		}
		return badRequest("the %s parameter must be %s, got %s", name, want, clip(string(v)))
	}
	return nil
}

func clip(s string) string {
	if len(s) > 80 {
		return s[:80] + "..."
	}
	return s
}
