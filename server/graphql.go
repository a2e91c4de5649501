package server

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/graphql-go/graphql/language/ast"

	"github.com/stancegraph/stancegraph/schema"
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

// serveGraphQL answers /graphql: it negotiates, reads the parameters, and
// hands them to the engine with the server's write rules as Permit.
func (s *Server) serveGraphQL(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	s.metrics.inflight.Inc()
	defer s.metrics.inflight.Dec()

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
	// The answer is written from the engine's buffer, before Answer
	// returns, so that it is not copied.
	s.cfg.Engine.Answer(r.Context(), schema.Request{
		Query: p.Query, OperationName: p.OperationName, Variables: p.Variables,
		Permit: func(opType string) error {
			if he := s.permit(r, opType); he != nil {
				return he
			}
			return nil
		},
	}, func(res schema.Response) {
		s.answer(w, r, media, res)
		if res.OperationType != "" {
			s.metrics.operation(res.OperationName, res.OperationType, res.Err != nil || len(res.Errors) > 0, time.Since(start))
		}
	})
}

// refusals maps the kinds of requests the engine did not run to their
// status; an invalid request's status depends on the media type (see
// status).
var refusals = []struct {
	kind   error
	status int
}{
	{schema.ErrUnsupported, http.StatusBadRequest},
	{schema.ErrTimeout, http.StatusGatewayTimeout},
	{schema.ErrBusy, http.StatusServiceUnavailable},
	{schema.ErrTooLarge, http.StatusRequestEntityTooLarge},
}

// status is the HTTP status of an engine's answer.
func status(res schema.Response, media string) int {
	switch {
	case res.Err == nil:
		return resultStatus(res.Errors)
	case errors.Is(res.Err, schema.ErrInvalid):
		// 400 with application/graphql-response+json, 200 with
		// application/json, as the specification asks of each.
		if media == mediaGraphQLResponse {
			return http.StatusBadRequest
		}
		return http.StatusOK
	}
	for _, r := range refusals {
		if errors.Is(res.Err, r.kind) {
			return r.status
		}
	}
	return http.StatusInternalServerError
}

// answer writes the engine's answer, or the server's own refusal when
// Permit refused the operation.
func (s *Server) answer(w http.ResponseWriter, r *http.Request, media string, res schema.Response) {
	info := infoOf(w)
	if res.OperationType != "invalid" {
		info.opName, info.opType = res.OperationName, res.OperationType
	}
	var he *httpError
	if errors.As(res.Err, &he) {
		s.refuse(w, r, media, he)
		return
	}
	if len(res.Errors) > 0 {
		info.err = res.Errors[0].Message
	}
	code := status(res, media)
	if code == http.StatusServiceUnavailable {
		w.Header().Set("Retry-After", "5") // busy, or the store unreachable
	}
	writeBody(w, code, media, res.JSON)
}

// permit applies the method, read-only, origin and token rules to an
// operation. Its content type was checked before: only application/json
// reaches here, which a page elsewhere cannot send without a preflight.
func (s *Server) permit(r *http.Request, opType string) *httpError {
	if opType != ast.OperationTypeMutation {
		return nil
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
	infoOf(w).err = he.msg
	writeBody(w, he.status, media, schema.ErrorJSON(schema.Error(he.code, he.msg)))
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

// parseBody decodes a POST body, checking each parameter's JSON type. A
// body of the usual shape is read by scanBody, or else decoded in one
// pass; any other, and every mistake, goes to parseBodyChecked, whose
// errors name the parameter and quote its value.
func parseBody(body []byte) (params, error) {
	if p, ok := scanBody(body); ok {
		return p, nil
	}
	if p, ok := parseUsualBody(body); ok {
		return p, nil
	}
	return parseBodyChecked(body)
}

// parseUsualBody decodes a JSON object whose query is a non-empty string,
// operationName a string, variables and extensions objects (each but the
// query may be absent or null), as parseBodyChecked would; ok is false
// for any other body. It saves parseBodyChecked's second pass over each
// parameter, a few percent of a small query's cost.
func parseUsualBody(body []byte) (p params, ok bool) {
	var raw map[string]interface{}
	if json.Unmarshal(body, &raw) != nil {
		return p, false
	}
	if p.Query, ok = raw["query"].(string); !ok || p.Query == "" {
		return p, false
	}
	if v := raw["operationName"]; v != nil {
		if p.OperationName, ok = v.(string); !ok {
			return p, false
		}
	}
	if v := raw["variables"]; v != nil {
		if p.Variables, ok = v.(map[string]interface{}); !ok {
			return p, false
		}
	}
	if v := raw["extensions"]; v != nil {
		if _, ok = v.(map[string]interface{}); !ok {
			return p, false
		}
	}
	return p, true
}

// parseBodyChecked decodes a POST body parameter by parameter, checking
// each one's JSON type.
func parseBodyChecked(body []byte) (params, error) {
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
