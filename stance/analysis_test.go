package stance

import (
	"errors"
	"testing"
	"time"
)

func TestBucketStartAndNext(t *testing.T) {
	d := NewDate(2020, time.January, 10) // a Friday
	tests := []struct {
		b           Bucket
		start, next Date
	}{
		{Day, d, d + 1},
		{Week, NewDate(2020, time.January, 6), NewDate(2020, time.January, 13)},
		{Month, NewDate(2020, time.January, 1), NewDate(2020, time.February, 1)},
		{Year, NewDate(2020, time.January, 1), NewDate(2021, time.January, 1)},
	}
	for _, tt := range tests {
		start, err := tt.b.Start(d)
		if err != nil || start != tt.start || tt.b.Next(start) != tt.next {
			t.Errorf("%s: start %v next %v (%v), want %v %v", tt.b, start, tt.b.Next(start), err, tt.start, tt.next)
		}
	}
	if _, err := Bucket("HOUR").Start(d); !errors.Is(err, ErrInvalidInput) {
		t.Errorf("HOUR: err = %v, want ErrInvalidInput", err)
	}
	// A Sunday belongs to the week that began six days before.
	if s, _ := Week.Start(NewDate(2020, time.January, 12)); s != NewDate(2020, time.January, 6) {
		t.Errorf("Sunday's week starts %v", s)
	}
}

func TestTriadShare(t *testing.T) {
	for _, tt := range []struct {
		b    TriadBalance
		want float64
	}{{TriadBalance{}, 1}, {TriadBalance{Triads: 3, Balanced: 2}, 2.0 / 3}} {
		if got := tt.b.Share(); got != tt.want {
			t.Errorf("%+v.Share() = %v, want %v", tt.b, got, tt.want)
		}
	}
}
