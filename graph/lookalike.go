package graph

import (
	"bufio"
	_ "embed"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// confusablesTable is the look-alike table; its header says where it comes
// from and how it is used.
//
//go:embed confusables.txt
var confusablesTable string

// confusables parses confusablesTable once. The table is embedded and
// tested, so a malformed line is a build defect and panics.
var confusables = sync.OnceValue(func() map[rune]rune {
	m := map[rune]rune{}
	sc := bufio.NewScanner(strings.NewReader(confusablesTable))
	for sc.Scan() {
		line, _, _ := strings.Cut(sc.Text(), "#")
		if strings.TrimSpace(line) == "" {
			continue
		}
		from, to, ok := strings.Cut(line, ";")
		f, err1 := strconv.ParseUint(strings.TrimSpace(from), 16, 32)
		t, err2 := strconv.ParseUint(strings.TrimSpace(to), 16, 32)
		if !ok || err1 != nil || err2 != nil {
			panic(fmt.Sprintf("graph: confusables.txt: bad line %q", sc.Text()))
		}
		m[rune(f)] = rune(t)
	}
	return m
})

// asciiPlain reports whether no ASCII letter is in the look-alike table,
// so that an ASCII name is its own skeleton.
var asciiPlain = sync.OnceValue(func() bool {
	for r := range confusables() {
		if r < utf8.RuneSelf {
			return false
		}
	}
	return true
})

// isASCII reports whether s holds ASCII bytes only.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// Skeleton returns the look-alike skeleton of name's normalized form: two
// names are look-alikes when their skeletons are equal. Another store
// implementation indexes it to find the stored names a new name may
// imitate without reading every actor.
func Skeleton(name string) string { return skeleton(NormalizeName(name)) }

// skeleton maps a normalized name (see NormalizeName) to the form two
// look-alike names share, after UTS #39: each look-alike letter replaced
// by the Latin letter it resembles. A name without one is its own skeleton.
func skeleton(key string) string {
	if asciiPlain() && isASCII(key) {
		return key // no table lookup a letter: a first batch's 100,000 actors took 0.1 s of it
	}
	table := confusables()
	i := strings.IndexFunc(key, func(r rune) bool { _, ok := table[r]; return ok })
	if i < 0 {
		return key
	}
	var b strings.Builder
	b.Grow(len(key))
	b.WriteString(key[:i])
	for _, r := range key[i:] {
		if t, ok := table[r]; ok {
			r = t
		}
		b.WriteRune(r)
	}
	return b.String()
}

// lookalikes finds, for a name key, the other keys that look like it. A key
// with look-alike letters is indexed by its skeleton; a plain key is its
// own skeleton, so it is found through the name index itself.
type lookalikes struct {
	stored map[string]string // skeleton -> key, of committed names; read-only
	added  map[string]string // skeleton -> key, of names added since
}

// add indexes key, a name about to be stored.
func (l *lookalikes) add(key string) {
	if sk := skeleton(key); sk != key {
		l.added[sk] = key
	}
}

// of returns the keys other than key that share its skeleton.
func (l *lookalikes) of(key string) []string {
	sk := skeleton(key)
	var out []string
	for _, k := range []string{sk, l.added[sk], l.stored[sk]} {
		if k != "" && k != key && !slices.Contains(out, k) {
			out = append(out, k)
		}
	}
	return out
}

// newLookalikes indexes the names of the store as c sees them: the
// committed ones through an index kept until actors change, and those c
// has staged (an import's earlier batches) scanned once.
func (s *Store) newLookalikes(c *cacheTxn) *lookalikes {
	l := &lookalikes{stored: s.storedLookalikes(), added: map[string]string{}}
	for key, id := range c.names {
		if id != "" {
			l.add(key)
		}
	}
	return l
}

// storedLookalikes returns the skeleton index of the committed names,
// rebuilt when the actor cache has changed since it was built.
func (s *Store) storedLookalikes() map[string]string {
	s.mu.RLock()
	idx, ok := s.looks, s.looksGen == s.actorGen && s.looks != nil
	s.mu.RUnlock()
	if ok {
		return idx
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.looksGen != s.actorGen || s.looks == nil {
		idx := map[string]string{}
		for key := range s.names {
			if sk := skeleton(key); sk != key {
				idx[sk] = key
			}
		}
		s.looks, s.looksGen = idx, s.actorGen
	}
	return s.looks
}

// checkLookalike refuses key when it looks like a name of an actor other
// than self ("" for a new actor). owner finds the actor a key names and
// describe names that actor for the message.
func checkLookalike(field, name, self string, l *lookalikes, owner func(key string) (string, bool), describe func(id string) string) error {
	key := NormalizeName(name)
	for _, other := range l.of(key) {
		id, ok := owner(other)
		if !ok || id == self {
			continue
		}
		return fmt.Errorf("%w: %s %q looks like the name %q of actor %s but is spelled with other letters (skeleton %q); use that actor's name, or add it as an alias if the two are the same actor",
			ErrLookalike, field, name, other, describe(id), skeleton(key))
	}
	return nil
}
