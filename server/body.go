package server

// scanBody reads the body a GraphQL client usually sends, such as a
// notebook's {"query":"...","variables":{"name":"..."}}, in one pass
// without encoding/json, which checks the whole body once and then
// decodes it in a second pass through its scanner: a few percent of a
// small query's CPU. It takes a JSON object whose members are query (a
// non-empty string), operationName (a string or null) and variables (an
// object of strings, or null), each at most once, with strings of
// printable ASCII and the two-character escapes; ok is false for anything
// else, which parseUsualBody and parseBodyChecked then decode, so the
// answer is theirs for every body (TestScanBodyAsDecoded, FuzzScanBody).
func scanBody(body []byte) (p params, ok bool) {
	s := bodyScanner{b: body}
	if !s.skip('{') {
		return p, false
	}
	seen := 0 // bits: query, operationName, variables
	for more := !s.skip('}'); more; more = s.skip(',') {
		key, ok := s.plain()
		if !ok || !s.skip(':') {
			return p, false
		}
		bit, ok := s.member(key, &p)
		if !ok || seen&bit != 0 {
			return p, false
		}
		seen |= bit
		if s.skip('}') {
			break
		}
		if s.peek() != ',' {
			return p, false
		}
	}
	s.space()
	return p, s.i == len(s.b) && seen&1 != 0 && p.Query != ""
}

// bodyScanner is scanBody's position in a body.
type bodyScanner struct {
	b []byte
	i int
}

// member reads the value of the member key into p, returning its bit
// in scanBody's set of members seen.
func (s *bodyScanner) member(key []byte, p *params) (bit int, ok bool) {
	switch string(key) {
	case "query":
		p.Query, ok = s.str()
		return 1, ok
	case "operationName":
		if s.null() {
			return 2, true
		}
		p.OperationName, ok = s.str()
		return 2, ok
	case "variables":
		if s.null() {
			return 4, true
		}
		p.Variables, ok = s.strings()
		return 4, ok
	}
	return 0, false
}

// strings reads an object whose values are all strings.
func (s *bodyScanner) strings() (map[string]interface{}, bool) {
	if !s.skip('{') {
		return nil, false
	}
	m := make(map[string]interface{}, 1)
	if s.skip('}') {
		return m, true
	}
	for {
		k, ok := s.str()
		if !ok || !s.skip(':') {
			return nil, false
		}
		if _, twice := m[k]; twice {
			return nil, false // encoding/json keeps the last: leave it to it
		}
		v, ok := s.str()
		if !ok {
			return nil, false
		}
		m[k] = v
		if s.skip('}') {
			return m, true
		}
		if !s.skip(',') {
			return nil, false
		}
	}
}

// plain reads a string of printable ASCII without escapes, as the bytes
// of the body: a member's name, compared and not kept.
func (s *bodyScanner) plain() ([]byte, bool) {
	if !s.skip('"') {
		return nil, false
	}
	start := s.i
	for ; s.i < len(s.b); s.i++ {
		if c := s.b[s.i]; c == '"' {
			s.i++
			return s.b[start : s.i-1], true
		} else if c == '\\' || c < 0x20 || c >= 0x7f {
			return nil, false
		}
	}
	return nil, false
}

// str reads a string of printable ASCII and two-character escapes.
func (s *bodyScanner) str() (string, bool) {
	if !s.skip('"') {
		return "", false
	}
	start := s.i
	for s.i < len(s.b) {
		switch c := s.b[s.i]; {
		case c == '"':
			s.i++
			return string(s.b[start : s.i-1]), true
		case c == '\\':
			return s.escaped(start)
		case c < 0x20 || c >= 0x7f:
			return "", false
		}
		s.i++
	}
	return "", false
}

// escaped finishes a string begun at start that holds an escape, at s.i.
// It unescapes into an array on the stack, which holds a usual query.
func (s *bodyScanner) escaped(start int) (string, bool) {
	var room [1024]byte
	out := append(room[:0], s.b[start:s.i]...)
	for s.i < len(s.b) {
		c := s.b[s.i]
		s.i++
		switch {
		case c == '"':
			return string(out), true
		case c == '\\':
			if s.i == len(s.b) {
				return "", false
			}
			e, ok := unescape(s.b[s.i])
			if !ok {
				return "", false
			}
			out = append(out, e)
			s.i++
		case c < 0x20 || c >= 0x7f:
			return "", false
		default:
			out = append(out, c)
		}
	}
	return "", false
}

// unescape is the byte a two-character JSON escape stands for; \u is not
// one of them.
func unescape(c byte) (byte, bool) {
	switch c {
	case '"', '\\', '/':
		return c, true
	case 'b':
		return '\b', true
	case 'f':
		return '\f', true
	case 'n':
		return '\n', true
	case 'r':
		return '\r', true
	case 't':
		return '\t', true
	}
	return 0, false
}

// null reads a JSON null when one comes next.
func (s *bodyScanner) null() bool {
	s.space()
	if len(s.b)-s.i >= 4 && string(s.b[s.i:s.i+4]) == "null" {
		s.i += 4
		return true
	}
	return false
}

// skip reads c, after any white space, when it comes next.
func (s *bodyScanner) skip(c byte) bool {
	if s.peek() == c {
		s.i++
		return true
	}
	return false
}

// peek is the next byte after any white space, or 0 at the end.
func (s *bodyScanner) peek() byte {
	s.space()
	if s.i < len(s.b) {
		return s.b[s.i]
	}
	return 0
}

// space skips JSON white space.
func (s *bodyScanner) space() {
	for s.i < len(s.b) {
		switch s.b[s.i] {
		case ' ', '\t', '\n', '\r':
			s.i++
		default:
			return
		}
	}
}
