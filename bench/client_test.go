package main

import (
	"bufio"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// TestConnReadsWholeAnswers checks the HTTP phase's client against
// net/http's server in each way it may frame an answer: it must read every
// byte of the body, and keep the connection only when the server does.
func TestConnReadsWholeAnswers(t *testing.T) {
	big := strings.Repeat(`{"quote":"join talks"},`, 2000) // past every buffer on the way
	tests := []struct {
		name   string
		handle func(w http.ResponseWriter, body string)
		status int
		want   string
	}{
		{"length", func(w http.ResponseWriter, body string) { io.WriteString(w, body) }, 200, "echo"},
		{"large, in chunks", func(w http.ResponseWriter, _ string) {
			io.WriteString(w, big[:len(big)/2])
			w.(http.Flusher).Flush()
			io.WriteString(w, big[len(big)/2:])
		}, 200, big},
		{"connection closed after", func(w http.ResponseWriter, body string) {
			w.Header().Set("Connection", "close")
			io.WriteString(w, body)
		}, 200, "echo"},
		{"error status", func(w http.ResponseWriter, _ string) { http.Error(w, "busy", 503) }, 503, "busy\n"},
		{"no content", func(w http.ResponseWriter, _ string) { w.WriteHeader(204) }, 204, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var requests atomic.Int32
			ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				requests.Add(1)
				b, _ := io.ReadAll(r.Body)
				if r.Method != http.MethodPost || r.URL.Path != "/graphql" || r.Header.Get("Content-Type") != "application/json" {
					http.Error(w, "bad request line or headers", 400)
					return
				}
				tc.handle(w, string(b))
			}))
			defer ts.Close()
			c := newConn(strings.TrimPrefix(ts.URL, "http://"), "/graphql", 5*time.Second)
			defer c.close()
			for i := 0; i < 3; i++ { // the same connection, or a new one after close
				res, err := c.post([]byte("echo"))
				if err != nil {
					t.Fatalf("request %d: %v", i, err)
				}
				if res.status != tc.status || string(res.body) != tc.want {
					t.Fatalf("request %d: status %d, body of %d bytes %.40q; want %d, %d bytes %.40q", i, res.status, len(res.body), res.body, tc.status, len(tc.want), tc.want)
				}
			}
			if requests.Load() != 3 {
				t.Errorf("server saw %d requests, want 3", requests.Load())
			}
		})
	}
}

// TestReadHeadRefusesMalformed checks that an answer the client cannot
// read as HTTP/1.1 is an error, not a success with an empty body.
func TestReadHeadRefusesMalformed(t *testing.T) {
	tests := []struct{ name, raw string }{
		{"not HTTP", "SSH-2.0-OpenSSH\r\n\r\n"},
		{"status not a number", "HTTP/1.1 2x0 OK\r\n\r\n"},
		{"header without colon", "HTTP/1.1 200 OK\r\nContent-Length 4\r\n\r\nbody"},
		{"negative length", "HTTP/1.1 200 OK\r\nContent-Length: -4\r\n\r\nbody"},
		{"cut short", "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nbody"},
		{"bad chunk size", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nbody\r\n0\r\n\r\n"},
		{"chunk without CRLF", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nbodyX\r\n0\r\n\r\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			br := bufio.NewReader(strings.NewReader(tc.raw))
			h, err := readHead(br)
			if err == nil {
				_, err = readBody(br, h, nil)
			}
			if err == nil {
				t.Fatalf("%q read without error", tc.raw)
			}
			if !errors.Is(err, errMalformed) && !errors.Is(err, io.ErrUnexpectedEOF) {
				t.Errorf("error %v, want errMalformed or a short read", err)
			}
		})
	}
}
