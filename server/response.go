package server

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strconv"

	"github.com/stancegraph/stancegraph/schema"
)

// Media types of the GraphQL over HTTP specification.
const (
	mediaGraphQLResponse = "application/graphql-response+json"
	mediaJSON            = "application/json"
)

// Error codes the server itself reports in extensions.code, beside the
// engine's (package schema) and the resolvers' (package resolvers).
const (
	codeBadRequest       = schema.CodeBadRequest
	codeUnauthenticated  = "UNAUTHENTICATED"
	codeForbidden        = "FORBIDDEN"
	codeTooLarge         = schema.CodeTooLarge
	codeMethodNotAllowed = "METHOD_NOT_ALLOWED"
	codeNotAcceptable    = "NOT_ACCEPTABLE"
	codeUnsupportedMedia = "UNSUPPORTED_MEDIA_TYPE"
)

// writeBody writes a JSON body with status and media type. The body is
// whole before it is written, so its length is sent: without it net/http
// sends any body past its 2 KB buffer in chunks, which costs the server a
// write system call more a response and the client the chunks' framing.
func writeBody(w http.ResponseWriter, status int, media string, body []byte) {
	h := w.Header()
	if v, ok := contentTypes[media]; ok {
		h["Content-Type"] = v[:1:1] // a full slice: an Add elsewhere copies it
	} else {
		h.Set("Content-Type", media+"; charset=utf-8")
	}
	h["X-Content-Type-Options"] = nosniff[:1:1]
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(status)
	w.Write(body)
}

// contentTypes and nosniff are header values every answer carries, made
// once rather than for each answer; net/http only reads them.
var (
	contentTypes = map[string][]string{
		mediaGraphQLResponse: {mediaGraphQLResponse + "; charset=utf-8"},
		mediaJSON:            {mediaJSON + "; charset=utf-8"},
	}
	nosniff = []string{"nosniff"}
)

// writeJSON writes v, encoded, with status and media type.
func writeJSON(w http.ResponseWriter, status int, media string, v interface{}) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		status = http.StatusInternalServerError
		buf.Reset()
		buf.Write(schema.ErrorJSON(schema.Error("INTERNAL_SERVER_ERROR", "server: encoding the response: "+err.Error())))
	}
	writeBody(w, status, media, buf.Bytes())
}
