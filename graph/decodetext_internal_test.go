package graph

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
)

// TestAppendUUID checks the shared-text form of an ID against the uuid
// package's, which the API returned before.
func TestAppendUUID(t *testing.T) {
	for _, s := range []string{
		"00000000-0000-0000-0000-000000000000",
		"ffffffff-ffff-ffff-ffff-ffffffffffff",
		"0123abcd-4567-89ef-fedc-ba9876543210",
		ActorID("Hamas"),
	} {
		u := uuid.MustParse(s)
		if got := string(appendUUID([]byte("x"), u[:])); got != "x"+u.String() {
			t.Errorf("appendUUID(%s) = %q", s, got)
		}
	}
}

// outRecords are O values of the shapes a page reads: bare, with one
// cited document, and with so many long quotes that the shared text
// array outgrows its first allocation.
func outRecords() map[string]*stanceRecord {
	base := Stance{ID: ActorID("s"), Subject: ActorID("a"), Type: "ACCUSES", Object: ActorID("b"),
		Topic: "border", Date: NewDate(2024, time.March, 1), Confidence: 0.73}
	one := base
	one.Evidence = []Evidence{{DocumentID: ActorID("doc"), Quote: "they crossed it", Start: 3, End: 18}}
	many := base
	many.RetractReason = "duplicate"
	for i := 0; i < 5; i++ {
		q := strings.Repeat(string(rune('a'+i)), 40)
		many.Evidence = append(many.Evidence, Evidence{DocumentID: ActorID(q), Quote: q, Start: i, End: i + 40})
	}
	recs := map[string]*stanceRecord{}
	for name, st := range map[string]Stance{"bare": base, "one document": one, "growing text": many} {
		recs[name] = &stanceRecord{Stance: st, effDate: st.Date}
	}
	return recs
}

// TestDecodeOutSharedText checks that a record decoded with its strings
// in one shared array is the record encoded, string by string, including
// the strings taken before the array grew.
func TestDecodeOutSharedText(t *testing.T) {
	for name, r := range outRecords() {
		got, err := decodeOut(encodeOut(r), mustID(r.ID), mustID(r.Subject), r.Type, mustID(r.Object))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !reflect.DeepEqual(got.Stance, r.Stance) {
			t.Errorf("%s: decoded\n%+v\nwant\n%+v", name, got.Stance, r.Stance)
		}
	}
}

// TestDecodeOutAllocations keeps a page's record decode at three
// allocations (the record, its text, its evidence list) whatever the
// number of strings: it took one a string, eight for a cited stance.
func TestDecodeOutAllocations(t *testing.T) {
	r := outRecords()["one document"]
	v, id, subj, obj := encodeOut(r), mustID(r.ID), mustID(r.Subject), mustID(r.Object)
	allocs := testing.AllocsPerRun(100, func() {
		if _, err := decodeOut(v, id, subj, r.Type, obj); err != nil {
			t.Fatal(err)
		}
	})
	if allocs > 3 {
		t.Errorf("decoding a cited stance: %.0f allocations, want at most 3", allocs)
	}
}
