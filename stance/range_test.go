package stance

import (
	"errors"
	"slices"
	"testing"
)

func TestDateWithin(t *testing.T) {
	d := func(s string) Date { return mustDate(t, s) }
	tests := []struct {
		date, from, to Date
		want           bool
	}{
		{d("2021-08-15"), 0, 0, true},
		{0, 0, 0, true}, // no bound: undated stances are in
		{0, d("2021-01-01"), 0, false},
		{d("2021-08-15"), d("2021-08-15"), d("2021-08-15"), true},
		{d("2021-08-14"), d("2021-08-15"), 0, false},
		{d("2021-08-16"), 0, d("2021-08-15"), false},
		{d("2021-08-16"), d("2021-08-01"), d("2021-08-31"), true},
	}
	for _, tt := range tests {
		if got := tt.date.Within(tt.from, tt.to); got != tt.want {
			t.Errorf("%v.Within(%v, %v) = %v, want %v", tt.date, tt.from, tt.to, got, tt.want)
		}
	}
}

func TestCheckRange(t *testing.T) {
	d := func(s string) Date { return mustDate(t, s) }
	if err := CheckRange(d("2021-09-01"), d("2021-08-01")); !errors.Is(err, ErrInvalidInput) {
		t.Errorf("reversed range: %v, want ErrInvalidInput", err)
	}
	for _, r := range [][2]Date{{0, 0}, {d("2021-08-01"), 0}, {0, d("2021-08-01")}, {d("2021-08-01"), d("2021-08-01")}} {
		if err := CheckRange(r[0], r[1]); err != nil {
			t.Errorf("CheckRange(%v, %v) = %v", r[0], r[1], err)
		}
	}
}

func TestVocabularySelect(t *testing.T) {
	v := DefaultVocabulary()
	all, err := v.Select(nil)
	if err != nil || !slices.Equal(all, v.Names()) {
		t.Errorf("Select(nil) = %v, %v; want the whole vocabulary", all, err)
	}
	if got, err := v.Select([]string{"REJECTS"}); err != nil || !slices.Equal(got, []string{"REJECTS"}) {
		t.Errorf("Select(REJECTS) = %v, %v", got, err)
	}
	if _, err := v.Select([]string{"REJECTS", "MEDIATES"}); !errors.Is(err, ErrInvalidType) {
		t.Errorf("Select with an unknown type: %v, want ErrInvalidType", err)
	}
}

func mustDate(t *testing.T, s string) Date {
	t.Helper()
	d, err := ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}
