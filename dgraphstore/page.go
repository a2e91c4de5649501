package dgraphstore

import (
	"encoding/base64"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/stancegraph/stancegraph/stance"
)

// Cursor tags: a cursor names its listing, so that one listing's cursor
// replayed on another is refused. They follow package graph's letters.
const (
	tagActors      = 'a'
	tagDocuments   = 'D'
	tagAllStances  = 'A'
	tagBySubject   = 's'
	tagByObject    = 'i'
	tagByDocument  = 'd'
	tagByDate      = 't'
	tagAdjacency   = 'o'
	tagDyadStances = 'y'
)

// pageSize applies the default and bounds to a requested page size.
func pageSize(first int) (int, error) {
	switch {
	case first < 0:
		return 0, fmt.Errorf("%w: first must not be negative (got %d)", stance.ErrInvalidInput, first)
	case first == 0:
		return stance.DefaultPageSize, nil
	case first > stance.MaxPageSize:
		return 0, fmt.Errorf("%w: first must be at most %d (got %d)", stance.ErrInvalidInput, stance.MaxPageSize, first)
	}
	return first, nil
}

// encodeCursor makes a cursor of a listing's tag and an item's sort key.
func encodeCursor(tag byte, key string) string {
	return base64.RawURLEncoding.EncodeToString(append([]byte{tag}, key...))
}

// decodeCursor returns the sort key of a cursor issued for listing tag.
func decodeCursor(tag byte, c string) (string, error) {
	b, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil || len(b) < 1 || b[0] != tag {
		return "", fmt.Errorf("%w: %q", stance.ErrInvalidCursor, clip(c))
	}
	return string(b[1:]), nil
}

// paginate sorts items by key and returns the first items after the
// cursor key after, with their cursors; Total counts every item.
func paginate[T any](items []T, key func(T) string, tag byte, after string, first int) ([]T, []string, stance.PageInfo) {
	keys := make([]string, len(items))
	idx := make([]int, len(items))
	for i, it := range items {
		keys[i], idx[i] = key(it), i
	}
	slices.SortFunc(idx, func(a, b int) int { return strings.Compare(keys[a], keys[b]) })
	start := 0
	if after != "" {
		start = sort.Search(len(idx), func(i int) bool { return keys[idx[i]] > after })
	}
	end := min(start+first, len(idx))
	info := stance.PageInfo{Total: len(items), HasNext: end < len(idx)}
	var out []T
	var cursors []string
	for _, i := range idx[start:end] {
		out = append(out, items[i])
		c := encodeCursor(tag, keys[i])
		cursors = append(cursors, c)
		info.EndCursor = c
	}
	return out, cursors, info
}
