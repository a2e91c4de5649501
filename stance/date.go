package stance

import (
	"fmt"
	"strings"
	"time"
)

// Date is a calendar date without a time of day. The zero value means "no
// date"; dates order correctly as integers, which the date index relies on.
type Date int32

// epoch is day 1 so that the zero Date can mean "unset".
var epoch = time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC)

// DateOf returns the calendar date of t in UTC.
func DateOf(t time.Time) Date {
	t = t.UTC()
	d := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	// Unix seconds, not Duration: a Duration overflows after 292 years.
	return Date(int32((d.Unix()-epoch.Unix())/86400) + 1)
}

// NewDate returns the date y-m-d; out-of-range parts normalize as in time.Date.
func NewDate(y int, m time.Month, d int) Date {
	return DateOf(time.Date(y, m, d, 0, 0, 0, 0, time.UTC))
}

// ParseDate parses YYYY-MM-DD or an RFC 3339 timestamp (whose UTC date is
// taken). The empty string yields the zero Date and no error.
func ParseDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, nil
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		t, err = time.Parse(time.RFC3339Nano, s)
	}
	if err == nil {
		if y := t.UTC().Year(); y < 1 || y > 9999 {
			return 0, fmt.Errorf("%w: %q: year must be between 0001 and 9999", ErrInvalidDate, s)
		}
		return DateOf(t), nil
	}
	if len(s) > 40 {
		s = s[:40] + "..."
	}
	return 0, fmt.Errorf("%w: %q is not YYYY-MM-DD or an RFC 3339 timestamp", ErrInvalidDate, s)
}

// IsZero reports whether d is unset.
func (d Date) IsZero() bool { return d <= 0 }

// Time returns midnight UTC of d, or the zero time for the zero Date.
func (d Date) Time() time.Time {
	if d.IsZero() {
		return time.Time{}
	}
	return epoch.AddDate(0, 0, int(d)-1)
}

// String formats d as YYYY-MM-DD, or "" when unset.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return d.Time().Format("2006-01-02")
}

// CheckRange refuses a date range whose from is after its to (either may
// be zero, meaning open), wrapping ErrInvalidInput.
func CheckRange(from, to Date) error {
	if !from.IsZero() && !to.IsZero() && from > to {
		return fmt.Errorf("%w: from %s is after to %s", ErrInvalidInput, from, to)
	}
	return nil
}

// Within reports whether d falls in [from, to], either bound zero meaning
// open. With no bound at all every date is in, undated ones too; with a
// bound an undated d is out, since it cannot be placed.
func (d Date) Within(from, to Date) bool {
	if from.IsZero() && to.IsZero() {
		return true
	}
	if d.IsZero() {
		return false
	}
	return (from.IsZero() || d >= from) && (to.IsZero() || d <= to)
}
