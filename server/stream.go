package server

import (
	"bytes"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"strings"
	"time"

	"github.com/stancegraph/stancegraph/schema"
)

// Defaults of the GraphQL over Server-Sent Events route.
const (
	// DefaultMaxStreams bounds the streams open at once when
	// Config.MaxStreams is 0.
	DefaultMaxStreams = 256
	// DefaultKeepAlive is how often an idle stream sends a comment when
	// Config.KeepAlive is 0, so that proxies keep it open and a client
	// gone is noticed.
	DefaultKeepAlive = 15 * time.Second
)

const mediaEventStream = "text/event-stream"

// streams counts the open streams and ends them all at shutdown.
type streams struct {
	slots chan struct{}
	done  chan struct{} // closed by EndStreams
}

func newStreams(max int) *streams {
	return &streams{slots: make(chan struct{}, max), done: make(chan struct{})}
}

// EndStreams ends every open GraphQL stream with its complete event and
// refuses new ones, so that http.Server.Shutdown, which waits for requests
// to finish, is not held up by subscriptions that never do. Register it
// with http.Server.RegisterOnShutdown. Calling it again does nothing.
func (s *Server) EndStreams() {
	select {
	case <-s.streams.done:
	default:
		close(s.streams.done)
	}
}

// serveStream answers /graphql/stream: GraphQL over Server-Sent Events in
// the graphql-sse protocol's "distinct connections" mode. A request
// (POST as for /graphql, or GET for queries and subscriptions) accepting
// text/event-stream gets an event stream: one `next` event per answer and
// a `complete` event at the end. A subscription answers once per event
// until the client goes; a query or mutation once. GraphQL errors, the
// refusals of the write rules included, are `next` events as the protocol
// asks; only a request that is not GraphQL over SSE at all (method, media
// types, body) gets an HTTP error.
func (s *Server) serveStream(w http.ResponseWriter, r *http.Request) {
	if he := streamRequestError(r); he != nil {
		s.refuse(w, r, mediaJSON, he)
		return
	}
	p, err := s.readParams(w, r)
	if err != nil {
		s.refuse(w, r, mediaJSON, err)
		return
	}
	select {
	case s.streams.slots <- struct{}{}:
		defer func() { <-s.streams.slots }()
	default:
		s.refuse(w, r, mediaJSON, &httpError{status: http.StatusServiceUnavailable, code: "UNAVAILABLE",
			msg:    fmt.Sprintf("%d streams are open, the most this server keeps; close one or retry later", cap(s.streams.slots)),
			header: map[string]string{"Retry-After": "5"}})
		return
	}
	start := time.Now()
	stream, res := s.cfg.Engine.Subscribe(r.Context(), schema.Request{
		Query: p.Query, OperationName: p.OperationName, Variables: p.Variables,
		Permit: func(opType string) error {
			if he := s.permit(r, opType); he != nil {
				return he
			}
			return nil
		},
	})
	info := infoOf(w)
	info.opName, info.opType = res.OperationName, res.OperationType
	ev := s.openEvents(w)
	if stream == nil {
		ev.next(answerJSON(res))
		ev.complete()
		s.metrics.operation(res.OperationName, res.OperationType, res.Err != nil || len(res.Errors) > 0, time.Since(start))
		return
	}
	defer stream.Close()
	s.metrics.operation(stream.OperationName, "subscription", false, time.Since(start))
	s.follow(r, ev, stream)
}

// follow writes the stream's answers until it ends, the client goes or the
// server shuts down.
func (s *Server) follow(r *http.Request, ev *events, stream *schema.Stream) {
	tick := time.NewTicker(s.cfg.KeepAlive)
	defer tick.Stop()
	for {
		select {
		case b, ok := <-stream.C:
			if !ok {
				ev.complete()
				return
			}
			if !ev.next(b) {
				return
			}
		case <-tick.C:
			if !ev.comment() {
				return
			}
		case <-s.streams.done:
			ev.complete()
			return
		case <-r.Context().Done():
			return
		}
	}
}

// streamRequestError refuses what is not a GraphQL over SSE request.
func streamRequestError(r *http.Request) *httpError {
	if r.Method != http.MethodGet && r.Method != http.MethodPost {
		return &httpError{status: http.StatusMethodNotAllowed, code: codeMethodNotAllowed,
			msg:    fmt.Sprintf("method %s is not allowed: use POST (or GET for queries and subscriptions)", r.Method),
			header: map[string]string{"Allow": "GET, POST"}}
	}
	if !acceptsEventStream(r.Header.Get("Accept")) {
		return &httpError{status: http.StatusNotAcceptable, code: codeNotAcceptable,
			msg: fmt.Sprintf("this route answers with Server-Sent Events: send Accept: %s (Accept was %q); for one JSON answer use /graphql", mediaEventStream, clip(r.Header.Get("Accept")))}
	}
	return nil
}

// acceptsEventStream reports whether an Accept header names
// text/event-stream with a non-zero quality.
func acceptsEventStream(accept string) bool {
	for _, part := range strings.Split(accept, ",") {
		mt, prm, err := mime.ParseMediaType(strings.TrimSpace(part))
		if err == nil && mt == mediaEventStream && prm["q"] != "0" {
			return true
		}
	}
	return false
}

// answerJSON is the JSON of an answer, or of the refusal of the server's
// write rules, which carry no JSON from the engine.
func answerJSON(res schema.Response) []byte {
	var he *httpError
	if errors.As(res.Err, &he) {
		return schema.ErrorJSON(schema.Error(he.code, he.msg))
	}
	return res.JSON
}

// events writes a Server-Sent Events stream.
type events struct {
	w  http.ResponseWriter
	rc *http.ResponseController
}

// openEvents sends the stream's headers. The stream may outlive the
// server's write timeout, which is meant for ordinary answers, so it is
// lifted; the keep-alive comments notice a client gone instead.
func (s *Server) openEvents(w http.ResponseWriter) *events {
	h := w.Header()
	h.Set("Content-Type", mediaEventStream+"; charset=utf-8")
	h.Set("Cache-Control", "no-cache")
	h.Set("X-Accel-Buffering", "no") // nginx: do not hold events back
	h.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(http.StatusOK)
	ev := &events{w: w, rc: http.NewResponseController(w)}
	// net/http cancels a request whose read deadline passes, even once its
	// body is read.
	ev.rc.SetReadDeadline(time.Time{})
	ev.rc.SetWriteDeadline(time.Time{})
	ev.rc.Flush()
	return ev
}

// next writes a next event with one answer; false when the client is gone.
func (ev *events) next(answer []byte) bool {
	// A data line ends at a newline: a value holding one (JSON does
	// only between tokens) continues on another data line.
	data := bytes.ReplaceAll(bytes.TrimRight(answer, "\n"), []byte("\n"), []byte("\ndata: "))
	return ev.write("event: next\ndata: " + string(data) + "\n\n")
}

// complete writes the complete event that ends the stream.
func (ev *events) complete() bool { return ev.write("event: complete\ndata:\n\n") }

// comment writes a comment line, which clients ignore.
func (ev *events) comment() bool { return ev.write(": keep-alive\n\n") }

func (ev *events) write(s string) bool {
	if _, err := ev.w.Write([]byte(s)); err != nil {
		return false
	}
	return ev.rc.Flush() == nil
}

// serveSchema answers /schema.graphql with the schema in SDL, for schema
// tools (graphql-codegen, IDE plugins) and readers.
func (s *Server) serveSchema(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "schema: use GET", http.StatusMethodNotAllowed)
		return
	}
	w.Header().Set("Content-Type", "application/graphql; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	if r.Method == http.MethodGet {
		w.Write(s.cfg.Engine.SDL())
	}
}
