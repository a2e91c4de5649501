package server

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"mime"
	"net"
	"net/http"
	"net/url"
	"slices"
	"strings"
)

// ErrWildcardCORS refuses CORSOrigins "*" without a Token: every web site
// the user visits could then read the whole graph (/backup, /export) and
// write to it through the user's browser.
var ErrWildcardCORS = errors.New(`server: CORS origin "*" needs a token: without one every web site could read the whole graph and write to it; list the origins instead, or set a token`)

// LoopbackHosts returns the Host names a server on a loopback address
// answers by default, as Jupyter and Vite do: a web page on another name
// that resolves to 127.0.0.1 (DNS rebinding) reaches the port but is
// refused. ".localhost" admits every subdomain of localhost, which
// browsers resolve to loopback themselves.
func LoopbackHosts() []string { return []string{"localhost", ".localhost", "127.0.0.1", "::1"} }

// loadTypes are the media types POST /load accepts. None is one of the
// CORS-safelisted types, so a page on another origin cannot send one
// without the browser asking first (preflight), and an HTML form cannot
// send one at all.
var loadTypes = []string{"application/jsonl", "application/x-ndjson", mediaJSON}

// hostRules returns allowed-host entries in the form hostAllowed compares,
// refusing those that cannot match a Host header, such as a URL or a name
// with a port.
func hostRules(hosts []string) ([]string, error) {
	out := make([]string, len(hosts))
	for i, h := range hosts {
		rule := strings.ToLower(strings.Trim(h, "[]"))
		name := strings.TrimPrefix(rule, ".")
		bad := name == "" || strings.ContainsAny(name, "/:@ ") && net.ParseIP(name) == nil
		if bad && h != "*" {
			return nil, fmt.Errorf("server: allowed host %q must be a host name or IP address without scheme or port (\".example.org\" admits its subdomains, \"*\" any name)", h)
		}
		out[i] = rule
	}
	return out, nil
}

// hostName returns the name of a Host header without port, brackets or a
// final dot, in lower case.
func hostName(hostport string) string {
	h := hostport
	if host, _, err := net.SplitHostPort(hostport); err == nil {
		h = host
	}
	h = strings.TrimSuffix(strings.Trim(h, "[]"), ".")
	return strings.ToLower(h)
}

// hostAllowed reports whether the request's Host is one the server
// answers; with no AllowedHosts every host is.
func (s *Server) hostAllowed(r *http.Request) bool {
	if len(s.cfg.AllowedHosts) == 0 {
		return true
	}
	name := hostName(r.Host)
	for _, rule := range s.cfg.AllowedHosts {
		switch {
		case rule == "*", rule == name:
			return true
		case strings.HasPrefix(rule, ".") && (name == rule[1:] || strings.HasSuffix(name, rule)):
			return true
		}
	}
	return false
}

// refuseHost answers a request for a host the server does not serve,
// naming the remedy.
func (s *Server) refuseHost(w http.ResponseWriter, r *http.Request) {
	name := hostName(r.Host)
	shown := make([]string, len(s.cfg.AllowedHosts))
	for i, h := range s.cfg.AllowedHosts {
		if strings.HasPrefix(h, ".") {
			h = "*" + h
		}
		shown[i] = h
	}
	msg := fmt.Sprintf("graphd: requests for host %q are refused (protection against DNS rebinding); this server answers %s. "+
		"To answer this name too, start graphd serve with --allowed-hosts %s (server.Config.AllowedHosts)\n",
		name, strings.Join(shown, ", "), name)
	infoOf(w).err = "host not allowed: " + clip(name)
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.WriteHeader(http.StatusForbidden)
	fmt.Fprint(w, msg)
}

// originAllowed reports whether a write may come from the request's
// origin: a request without Origin comes from a program, not a web page;
// one with Origin must come from this server's own pages (the origin's
// host and port are the Host header's) or from an origin in CORSOrigins.
// Browsers send Origin with every POST, so a page elsewhere never writes,
// whatever content type it manages to send. A page reached through DNS
// rebinding is same-origin by this rule: the Host check stops it.
func (s *Server) originAllowed(r *http.Request) bool {
	origin := r.Header.Get("Origin")
	if origin == "" {
		return true
	}
	if slices.Contains(s.cfg.CORSOrigins, "*") || slices.Contains(s.cfg.CORSOrigins, origin) {
		return true
	}
	u, err := url.Parse(origin)
	return err == nil && u.Host != "" && strings.EqualFold(u.Host, r.Host)
}

// refusedOrigin is the message of a write refused by originAllowed.
func refusedOrigin(r *http.Request) string {
	return fmt.Sprintf("writes from the web page at origin %q are refused: only this server's own pages and the origins given with --cors (server.Config.CORSOrigins) may write", clip(r.Header.Get("Origin")))
}

// admitLoad answers a refusal and returns false unless a POST /load comes
// from an allowed origin with one of loadTypes.
func (s *Server) admitLoad(w http.ResponseWriter, r *http.Request) bool {
	if !s.originAllowed(r) {
		writeJSON(w, http.StatusForbidden, mediaJSON, adminError{"load: " + refusedOrigin(r)})
		return false
	}
	ct := r.Header.Get("Content-Type")
	mt, prm, err := mime.ParseMediaType(ct)
	if cs, ok := prm["charset"]; err != nil || !slices.Contains(loadTypes, mt) || ok && !strings.EqualFold(cs, "utf-8") {
		if ct == "" {
			ct = "none"
		}
		writeJSON(w, http.StatusUnsupportedMediaType, mediaJSON, adminError{fmt.Sprintf(
			"load: Content-Type %q is not accepted: send the file as %s (UTF-8)", clip(ct), strings.Join(loadTypes, ", "))})
		return false
	}
	return true
}

// crossOriginRead reports whether r is a web page on another origin
// asking for the whole graph from a server without a token, which it
// may not have even when its origin is in CORSOrigins: a listed origin is
// trusted to query, not to carry the store away.
func (s *Server) crossOriginRead(r *http.Request) bool {
	if s.tokenHash != ([sha256.Size]byte{}) || r.Header.Get("Origin") == "" {
		return false
	}
	u, err := url.Parse(r.Header.Get("Origin"))
	return err != nil || !strings.EqualFold(u.Host, r.Host)
}
