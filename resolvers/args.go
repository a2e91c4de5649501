package resolvers

import (
	"context"
	"errors"
	"fmt"

	"github.com/stancegraph/stancegraph/stance"
)

// args reads GraphQL argument values. graphql-go has already coerced them to
// the declared types (and applied defaults), so a missing key means the
// argument was omitted or null.
type args map[string]interface{}

func (a args) str(name string) string {
	s, _ := a[name].(string)
	return s
}

func (a args) has(name string) bool {
	_, ok := a[name]
	return ok
}

func (a args) int(name string, def int) int {
	if n, ok := a[name].(int); ok {
		return n
	}
	return def
}

func (a args) bool(name string, def bool) bool {
	if b, ok := a[name].(bool); ok {
		return b
	}
	return def
}

func (a args) float(name string, def float64) float64 {
	switch v := a[name].(type) {
	case float64:
		return v
	case int:
		return float64(v)
	}
	return def
}

func (a args) date(name string) stance.Date {
	d, _ := a[name].(stance.Date)
	return d
}

func (a args) obj(name string) args {
	m, _ := a[name].(map[string]interface{})
	return args(m)
}

// strings reads a list of strings (IDs, names or enum values).
func (a args) strings(name string) []string {
	list, _ := a[name].([]interface{})
	if list == nil {
		return nil
	}
	out := make([]string, 0, len(list))
	for _, v := range list {
		if s, ok := v.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

// page reads first and after. first = 0 is allowed and asks for the count
// alone; graph treats 0 as the default size, so callers ask for one item and
// drop it (see countOnly).
func (a args) page() (first int, after string, err error) {
	first = a.int("first", stance.DefaultPageSize)
	if first < 0 || first > stance.MaxPageSize {
		return 0, "", badArg("first", "must be between 0 and %d, got %d", stance.MaxPageSize, first)
	}
	return first, a.str("after"), nil
}

// storeFirst is the page size to ask graph for when the client asked for first.
func storeFirst(first int) int {
	if first == 0 {
		return 1
	}
	return first
}

// countOnly empties a page fetched for first = 0 while keeping its total and
// whether anything follows the cursor.
func countOnly(info stance.PageInfo, n int) stance.PageInfo {
	return stance.PageInfo{Total: info.Total, HasNext: n > 0 || info.HasNext}
}

// actorRef resolves an actor argument given as a UUID or any name. An
// unknown actor is an error naming the argument and the value: the contract
// promises that, never an empty result.
func (r *Resolver) actorRef(ctx context.Context, arg, ref string) (stance.Actor, error) {
	if ref == "" {
		return stance.Actor{}, badArg(arg, "an actor name or UUID is required, got an empty string")
	}
	a, err := r.store.Actor(ctx, ref)
	if err != nil {
		if errors.Is(err, stance.ErrNotFound) {
			what := "name"
			if looksLikeUUID(ref) {
				what = "ID"
			}
			return stance.Actor{}, &Error{
				Code:    CodeNotFound,
				Message: fmt.Sprintf("argument %s: no actor with the %s %q", arg, what, ref),
				Err:     err,
			}
		}
		return stance.Actor{}, argError(arg, err)
	}
	return a, nil
}

// uuidArg checks that an ID argument is a UUID, so a typo reads as "not a
// UUID" rather than as an unexplained null.
func uuidArg(arg, id string) error {
	if !looksLikeUUID(id) {
		return &Error{
			Code:    CodeBadUserInput,
			Message: fmt.Sprintf("argument %s: %q is not a UUID (like 123e4567-e89b-12d3-a456-426614174000)", arg, clip(id)),
			Err:     stance.ErrInvalidID,
		}
	}
	return nil
}

// looksLikeUUID reports whether s has the 8-4-4-4-12 hex form.
func looksLikeUUID(s string) bool {
	if len(s) != 36 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch i {
		case 8, 13, 18, 23:
			if c != '-' {
				return false
			}
		default:
			if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
				return false
			}
		}
	}
	return true
}

// clip shortens a user value quoted in an error message.
func clip(s string) string {
	if len(s) > 80 {
		return s[:80] + "..."
	}
	return s
}

// direction maps the Direction enum; the enum's values are its names.
func direction(v interface{}, def stance.Direction) stance.Direction {
	switch v {
	case "OUT":
		return stance.Out
	case "IN":
		return stance.In
	case "BOTH":
		return stance.Both
	}
	return def
}

// pageError names the after argument when the store rejects a cursor.
func pageError(err error) error {
	if errors.Is(err, stance.ErrInvalidCursor) {
		return argError("after", err)
	}
	return err
}

// dateRange rejects from > to: an empty answer would hide the mistake.
func dateRange(prefix string, from, to stance.Date) error {
	if !from.IsZero() && !to.IsZero() && from > to {
		name := "from"
		if prefix != "" {
			name = prefix + ".from"
		}
		return badArg(name, "%s is after to (%s)", from, to)
	}
	return nil
}
