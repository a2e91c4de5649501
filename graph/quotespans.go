package graph

// quoteSpans holds where a batch's checks found each stance's quotes, so
// that preparing the stance for writing need not search its documents
// again: the search (locateQuote) ran once in the checks and once in the
// preparation, about 3.5% of a 200k-stance import's CPU in all. It is
// filled by the checks, each part its own stances, and read after them.
type quoteSpans struct {
	first []int32    // stance i's evidence starts at at[first[i]]
	at    [][2]int32 // code-point start and end; end 0: not found
}

// newQuoteSpans makes room for the quotes of stances.
func newQuoteSpans(stances []StanceSpec) *quoteSpans {
	q := &quoteSpans{first: make([]int32, len(stances)+1)}
	n := 0
	for i, st := range stances {
		q.first[i] = int32(n)
		n += len(st.Evidence)
	}
	q.first[len(stances)] = int32(n)
	q.at = make([][2]int32, n)
	return q
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
