package server

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
)

// Do runs one GraphQL request in-process, exactly as a POST to /graphql
// with Accept: application/json would run (the same cache, limits, rules
// and error codes), and returns the HTTP status and the JSON body. A
// command-line client such as `graphd query` uses it to print what the
// server would answer without listening on a port.
func (s *Server) Do(ctx context.Context, query, operationName string, variables map[string]interface{}) (int, []byte, error) {
	body, err := json.Marshal(map[string]interface{}{"query": query, "operationName": operationName, "variables": variables})
	if err != nil {
		return 0, nil, fmt.Errorf("server: encoding variables: %w", err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, "/graphql", bytes.NewReader(body))
	if err != nil {
		return 0, nil, fmt.Errorf("server: %w", err)
	}
	req.Header.Set("Content-Type", mediaJSON)
	req.Header.Set("Accept", mediaJSON)
	req.RemoteAddr = "in-process"
	w := &memoryWriter{header: http.Header{}}
	s.ServeHTTP(w, req)
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.status, w.body.Bytes(), nil
}

// memoryWriter is an http.ResponseWriter that keeps the response.
type memoryWriter struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func (m *memoryWriter) Header() http.Header { return m.header }

func (m *memoryWriter) WriteHeader(code int) {
	if m.status == 0 {
		m.status = code
	}
}

func (m *memoryWriter) Write(b []byte) (int, error) {
	if m.status == 0 {
		m.status = http.StatusOK
	}
	return m.body.Write(b)
}
