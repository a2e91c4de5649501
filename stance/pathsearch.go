package stance

// PathSearch is the search behind Store.Paths, written once for every
// store: the distances to the target, found walking backwards level by
// level, prune a depth-first walk forwards, run for each length in turn so
// that shorter paths come first. H is a store's hop (a stance and the
// actor it leads to); a store supplies how to read them, in its listing
// order, which is the order of the paths found.
type PathSearch[H any] struct {
	// Forward returns the hops leaving actor along the search's
	// directions; Backward those arriving at it.
	Forward, Backward func(actor string) ([]H, error)
	// End is the actor a hop leads to (for Backward, the one it comes from).
	End func(H) string
	// Prefetch, if set, is called with each level of the backward walk
	// before its actors are read, so that a networked store reads a level
	// in one round trip.
	Prefetch func(actors []string) error
}

// Find returns up to limit simple paths (no actor twice) from from to to
// of at most maxHops hops, shortest first.
func (s PathSearch[H]) Find(from, to string, maxHops, limit int) ([][]H, error) {
	dist, err := s.distances(to, maxHops-1)
	if err != nil {
		return nil, err
	}
	w := pathWalk[H]{s: s, to: to, dist: dist, limit: limit}
	for length := 1; length <= maxHops && len(w.found) < limit; length++ {
		if err := w.walk(from, length, nil, map[string]bool{from: true}); err != nil {
			return nil, err
		}
	}
	return w.found, nil
}

// distances maps each actor within max hops of to (walking backwards) to
// its distance.
func (s PathSearch[H]) distances(to string, max int) (map[string]int, error) {
	dist := map[string]int{to: 0}
	frontier := []string{to}
	for d := 1; d <= max && len(frontier) > 0; d++ {
		if s.Prefetch != nil {
			if err := s.Prefetch(frontier); err != nil {
				return nil, err
			}
		}
		var next []string
		for _, a := range frontier {
			hs, err := s.Backward(a)
			if err != nil {
				return nil, err
			}
			for _, h := range hs {
				if e := s.End(h); !hasKey(dist, e) {
					dist[e] = d
					next = append(next, e)
				}
			}
		}
		frontier = next
	}
	return dist, nil
}

func hasKey(m map[string]int, k string) bool { _, ok := m[k]; return ok }

// pathWalk is one Find's depth-first walk.
type pathWalk[H any] struct {
	s     PathSearch[H]
	to    string
	dist  map[string]int
	limit int
	found [][]H
}

// walk extends path from at by exactly left more hops, keeping the paths
// that end at the target.
func (w *pathWalk[H]) walk(at string, left int, path []H, onPath map[string]bool) error {
	if len(w.found) >= w.limit {
		return nil
	}
	if left == 0 {
		if at == w.to {
			w.found = append(w.found, append([]H(nil), path...))
		}
		return nil
	}
	hs, err := w.s.Forward(at)
	if err != nil {
		return err
	}
	for _, h := range hs {
		next := w.s.End(h)
		d, ok := w.dist[next]
		if !ok || d > left-1 || onPath[next] || (next == w.to && left > 1) {
			continue
		}
		onPath[next] = true
		err := w.walk(next, left-1, append(path, h), onPath)
		delete(onPath, next)
		if err != nil {
			return err
		}
	}
	return nil
}
