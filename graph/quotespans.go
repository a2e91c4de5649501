package graph

// quoteSpans holds where a batch's checks found each stance's quotes, so
// that preparing the stance for writing need not search its documents
// again: the search (locateQuote) ran once in the checks and once in the
// preparation, about 3.5% of a 200k-stance import's CPU in all. It is
// filled by the checks, each part its own stances, and read after them.
//
// When the batch loads no actors, it also holds the actors the checks
// resolved each stance's subject and object to: the preparation resolved
// both references again, through a memo map of about as many names as
// the store has actors, and those lookups, cache misses mostly, were
// about a seventh of preparing a stance. A batch that loads actors may
// give a name a new owner before its stances are applied, so its
// preparation resolves for itself.
type quoteSpans struct {
	first []int32     // stance i's evidence starts at at[first[i]]
	at    [][2]int32  // code-point start and end; end 0: not found
	ends  [][2]string // subject and object IDs by stance; nil: not kept
}

// newQuoteSpans makes room for the quotes of stances, and for their
// resolved actors when keepEnds is set.
func newQuoteSpans(stances []StanceSpec, keepEnds bool) *quoteSpans {
	q := &quoteSpans{first: make([]int32, len(stances)+1)}
	n := 0
	for i, st := range stances {
		q.first[i] = int32(n)
		n += len(st.Evidence)
	}
	q.first[len(stances)] = int32(n)
	q.at = make([][2]int32, n)
	if keepEnds {
		q.ends = make([][2]string, len(stances))
	}
	return q
}

// setEnds records the IDs of the actors stance i's checks resolved its
// subject and object to, when they are kept.
func (q *quoteSpans) setEnds(i int, ends [2]string) {
	if q.ends != nil {
		q.ends[i] = ends
	}
}

// resolvedEnds returns the IDs of stance i's subject and object as its
// checks resolved them; false when they were not kept.
func (q *quoteSpans) resolvedEnds(i int) (subject, object string, ok bool) {
	if q == nil || q.ends == nil || q.ends[i][0] == "" {
		return "", "", false
	}
	return q.ends[i][0], q.ends[i][1], true
}

// set records where stance i's evidence j quotes its document.
func (q *quoteSpans) set(i, j, start, end int) {
	q.at[int(q.first[i])+j] = [2]int32{int32(start), int32(end)}
}

// get returns where stance i's evidence j quotes its document; false when
// the checks did not find it (a quote is never empty, so end is not 0).
func (q *quoteSpans) get(i, j int) (start, end int, ok bool) {
	if q == nil {
		return 0, 0, false
	}
	at := q.at[int(q.first[i])+j]
	return int(at[0]), int(at[1]), at[1] != 0
}
