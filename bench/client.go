package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"net"
	"strconv"
	"time"
)

// The HTTP phase's clients run on the same two cores as the server, so
// whatever a client spends is taken from the server being measured.
// net/http's Transport spends it on two goroutines a connection (a read
// loop and a write loop, each request handed between them and the caller
// through channels) and on a header map and a growing body slice a
// response. A conn is the client a load generator such as wrk is: one
// keep-alive HTTP/1.1 connection used by one goroutine, the request
// written in one system call, the response's status line and headers
// parsed and its whole body read (by length or by chunks) into a buffer
// reused from one request to the next. It does all the work a client must
// do to receive the answer; it only does it without the handoffs.

// conn is one client's keep-alive connection to the server. It is not
// safe for concurrent use: each client goroutine has its own.
type conn struct {
	addr    string // host:port
	path    string
	timeout time.Duration
	nc      net.Conn // nil until the first request, and after a failed one
	br      *bufio.Reader
	req     []byte // the request being written, reused
	body    []byte // the last response's body, reused
}

// newConn returns a client of addr's path; each request must be answered
// within timeout.
func newConn(addr, path string, timeout time.Duration) *conn {
	return &conn{addr: addr, path: path, timeout: timeout}
}

// clientResponse is what a conn read: the status and the body, which is
// the conn's buffer until its next request.
type clientResponse struct {
	status int
	body   []byte
}

// post sends body as a JSON POST and reads the whole answer. After any
// error the connection is closed, and the next request dials again.
func (c *conn) post(body []byte) (clientResponse, error) {
	if c.nc == nil {
		nc, err := net.DialTimeout("tcp", c.addr, c.timeout)
		if err != nil {
			return clientResponse{}, err
		}
		c.nc, c.br = nc, bufio.NewReaderSize(nc, 16<<10)
	}
	res, keep, err := c.roundTrip(body)
	if err != nil || !keep {
		c.close()
	}
	return res, err
}

// close closes the connection, if open.
func (c *conn) close() {
	if c.nc != nil {
		c.nc.Close()
		c.nc = nil
	}
}

// roundTrip writes the request and reads its answer; keep is false when
// the server closes the connection after it.
func (c *conn) roundTrip(body []byte) (res clientResponse, keep bool, err error) {
	if err := c.nc.SetDeadline(time.Now().Add(c.timeout)); err != nil {
		return res, false, err
	}
	c.req = append(c.req[:0], "POST "...)
	c.req = append(c.req, c.path...)
	c.req = append(c.req, " HTTP/1.1\r\nHost: "...)
	c.req = append(c.req, c.addr...)
	c.req = append(c.req, "\r\nContent-Type: application/json\r\nAccept: application/graphql-response+json, application/json\r\nContent-Length: "...)
	c.req = strconv.AppendInt(c.req, int64(len(body)), 10)
	c.req = append(c.req, "\r\n\r\n"...)
	c.req = append(c.req, body...)
	if _, err := c.nc.Write(c.req); err != nil {
		return res, false, err
	}
	h, err := readHead(c.br)
	if err != nil {
		return res, false, err
	}
	c.body, err = readBody(c.br, h, c.body[:0])
	return clientResponse{status: h.status, body: c.body}, !h.close, err
}

// head is what a client needs of a response's status line and headers.
type head struct {
	status  int
	length  int // Content-Length, or -1
	chunked bool
	close   bool // Connection: close
}

// errMalformed is an answer this client cannot read as HTTP/1.1.
var errMalformed = errors.New("bench client: malformed HTTP response")

// readHead reads a response's status line and headers.
func readHead(br *bufio.Reader) (head, error) {
	h := head{length: -1}
	line, err := br.ReadSlice('\n')
	if err != nil {
		return h, err
	}
	// "HTTP/1.1 200 OK\r\n"
	if len(line) < 12 || !bytes.HasPrefix(line, []byte("HTTP/1.")) || line[8] != ' ' {
		return h, fmt.Errorf("%w: status line %q", errMalformed, line)
	}
	if h.status, err = strconv.Atoi(string(line[9:12])); err != nil {
		return h, fmt.Errorf("%w: status line %q", errMalformed, line)
	}
	for {
		line, err := br.ReadSlice('\n')
		if err != nil {
			return h, err
		}
		line = bytes.TrimRight(line, "\r\n")
		if len(line) == 0 {
			return h, nil
		}
		if err := h.header(line); err != nil {
			return h, err
		}
	}
}

// header records one header line, if it is one the client needs.
func (h *head) header(line []byte) error {
	name, value, ok := bytes.Cut(line, []byte(":"))
	if !ok {
		return fmt.Errorf("%w: header line %q", errMalformed, line)
	}
	value = bytes.TrimSpace(value)
	switch {
	case bytes.EqualFold(name, []byte("Content-Length")):
		n, err := strconv.Atoi(string(value))
		if err != nil || n < 0 {
			return fmt.Errorf("%w: Content-Length %q", errMalformed, value)
		}
		h.length = n
	case bytes.EqualFold(name, []byte("Transfer-Encoding")):
		h.chunked = bytes.EqualFold(value, []byte("chunked"))
	case bytes.EqualFold(name, []byte("Connection")):
		h.close = bytes.EqualFold(value, []byte("close"))
	}
	return nil
}

// readBody appends the response's whole body to buf.
func readBody(br *bufio.Reader, h head, buf []byte) ([]byte, error) {
	switch {
	case h.chunked:
		return readChunks(br, buf)
	case h.length >= 0:
		return readN(br, buf, h.length)
	case h.close:
		var b bytes.Buffer
		_, err := b.ReadFrom(br)
		return append(buf, b.Bytes()...), err
	}
	return buf, nil // no body: 204, 304
}

// readN appends the next n bytes of br to buf.
func readN(br *bufio.Reader, buf []byte, n int) ([]byte, error) {
	start := len(buf)
	buf = append(buf, make([]byte, n)...)[:start+n]
	_, err := io.ReadFull(br, buf[start:])
	return buf, err
}

// readChunks appends a chunked body to buf, up to its last chunk and the
// (empty) trailer.
func readChunks(br *bufio.Reader, buf []byte) ([]byte, error) {
	for {
		line, err := br.ReadSlice('\n')
		if err != nil {
			return buf, err
		}
		size, _, _ := bytes.Cut(bytes.TrimRight(line, "\r\n"), []byte(";"))
		n, err := strconv.ParseUint(string(size), 16, 31)
		if err != nil {
			return buf, fmt.Errorf("%w: chunk size %q", errMalformed, line)
		}
		if n == 0 {
			return buf, skipTrailer(br)
		}
		if buf, err = readN(br, buf, int(n)); err != nil {
			return buf, err
		}
		if crlf, err := br.ReadSlice('\n'); err != nil || len(bytes.TrimRight(crlf, "\r\n")) != 0 {
			return buf, fmt.Errorf("%w: chunk of %d bytes not followed by CRLF", errMalformed, n)
		}
	}
}

// skipTrailer reads a chunked body's trailer fields up to its blank line.
func skipTrailer(br *bufio.Reader) error {
	for {
		line, err := br.ReadSlice('\n')
		if err != nil {
			return err
		}
		if len(bytes.TrimRight(line, "\r\n")) == 0 {
			return nil
		}
	}
}
