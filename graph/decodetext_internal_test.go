package graph

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"
	"unsafe"

	"github.com/google/uuid"

	"github.com/stancegraph/stancegraph/graph/internal/keys"
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
	// Every byte value in every position.
	for i := range 16 {
		for c := range 256 {
			var u uuid.UUID
			for k := range u {
				u[k] = byte(k * 17)
			}
			u[i] = byte(c)
			if got := string(appendUUID(nil, u[:])); got != u.String() {
				t.Fatalf("appendUUID(%x) = %q, want %q", u[:], got, u.String())
			}
		}
	}
}

// TestAppendUUIDGrowsOnce: a destination without room for the 36 bytes
// of an ID grows once, not once for each of several appends; one with
// room does not grow at all. The text is the uuid package's either way.
func TestAppendUUIDGrowsOnce(t *testing.T) {
	u := uuid.MustParse("0123abcd-4567-89ef-fedc-ba9876543210")
	want := u.String()
	tests := []struct {
		name   string
		prefix int // bytes already in the destination
		room   int // capacity past them
		allocs float64
	}{
		{"empty, no room", 0, 0, 1},
		{"one byte of room", 1, 1, 1},
		{"a page's text with little room", 100, 10, 1},
		{"room for the ID", 3, uuidTextLen, 0},
	}
	for _, tc := range tests {
		dsts := make([][]byte, 101) // AllocsPerRun's 100 runs and its warm-up
		for i := range dsts {
			dsts[i] = make([]byte, tc.prefix, tc.prefix+tc.room)
		}
		n := 0
		got := testing.AllocsPerRun(100, func() {
			out := appendUUID(dsts[n], u[:])
			n++
			if string(out[tc.prefix:]) != want {
				t.Errorf("%s: appended %q", tc.name, out[tc.prefix:])
			}
		})
		if got != tc.allocs {
			t.Errorf("%s: %.0f allocations, want %.0f", tc.name, got, tc.allocs)
		}
	}
}

// BenchmarkAppendUUID is the text of a page's IDs: about 80 for 20
// stances (go test -run '^$' -bench AppendUUID ./graph).
func BenchmarkAppendUUID(b *testing.B) {
	u := uuid.MustParse(ActorID("Hamas"))
	dst := make([]byte, 0, 80*uuidTextLen)
	for b.Loop() {
		dst = dst[:0]
		for range 80 {
			dst = appendUUID(dst, u[:])
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

// pageRecords are the records of a page in order: outRecords' shapes and
// one with references and event measures, whose strings go to the
// arena's text as well.
func pageRecords() []*stanceRecord {
	recs := outRecords()
	ext := *recs["one document"]
	ext.ID = ActorID("ext")
	ext.References = []Reference{{Dataset: "GDELT", Record: "1234", URL: "https://example.org/a", Sentence: 2}}
	ext.Event = &Measures{EventCode: "112", Goldstein: -2, HasGoldstein: true, Mentions: 3,
		Location: Location{Name: "Kabul", Country: "AF", Latitude: 34.5, Longitude: 69.2, HasPoint: true}}
	return []*stanceRecord{recs["bare"], recs["one document"], &ext, recs["growing text"], recs["one document"]}
}

// TestPageStanceMatchesStanceFrom decodes a page's O entries one after
// another into one arena, made too small for them so that new arrays
// take over, and checks each stance against stanceFrom's, then every one
// again at the end: strings and lists handed out stay as they were.
func TestPageStanceMatchesStanceFrom(t *testing.T) {
	recs := pageRecords()
	a := newPageArena(2)
	got := make([]Stance, len(recs))
	want := make([]Stance, len(recs))
	for i, r := range recs {
		k := keys.Adjacency(keys.Out, mustID(r.Subject), r.Type, mustID(r.Object), mustID(r.ID))
		v := encodeOut(r)
		w, err := stanceFrom(k, v, nil)
		if err != nil {
			t.Fatal(err)
		}
		want[i] = w.Stance
		if err := pageStance(&got[i], k, v, nil, a); err != nil {
			t.Fatalf("stance %d: %v", i, err)
		}
		if !reflect.DeepEqual(got[i], want[i]) {
			t.Errorf("stance %d: decoded\n%+v\nwant\n%+v", i, got[i], want[i])
		}
	}
	for i := range got {
		if len(got[i].Evidence) > 0 {
			_ = append(got[i].Evidence, Evidence{Quote: "appended"})
		}
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("the page changed after its last stance was decoded and its lists appended to")
	}
}

// TestPageStanceErrors: a page entry that is not a well-formed O entry
// is corrupt, whatever the arena holds.
func TestPageStanceErrors(t *testing.T) {
	r := outRecords()["one document"]
	k := keys.Adjacency(keys.Out, mustID(r.Subject), r.Type, mustID(r.Object), mustID(r.ID))
	in := keys.Adjacency(keys.In, mustID(r.Object), r.Type, mustID(r.Subject), mustID(r.ID))
	v := encodeOut(r)
	for _, tc := range []struct {
		name string
		k, v []byte
	}{
		{"an O value under an I key", in, v},
		{"a short key", k[:20], v},
		{"a value cut short", k, v[:len(v)-3]},
		{"an empty value", k, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var st Stance
			if err := pageStance(&st, tc.k, tc.v, nil, newPageArena(1)); !errors.Is(err, errCorrupt) {
				t.Errorf("error %v, want errCorrupt", err)
			}
		})
	}
}

// TestPageStanceAllocations: a page's stances take their strings and
// evidence lists from the page's arrays, and no record of their own on
// the heap: decoding 20 cited stances into one arena costs its two
// arrays, where each stance took a record, a text array, an evidence
// list and its type's string.
func TestPageStanceAllocations(t *testing.T) {
	r := outRecords()["one document"]
	k := keys.Adjacency(keys.Out, mustID(r.Subject), r.Type, mustID(r.Object), mustID(r.ID))
	v := encodeOut(r)
	page := make([]Stance, 20)
	allocs := testing.AllocsPerRun(50, func() {
		a := newPageArena(len(page))
		for i := range page {
			if err := pageStance(&page[i], k, v, nil, a); err != nil {
				t.Fatal(err)
			}
		}
	})
	if allocs > 3 {
		t.Errorf("decoding a page of 20 cited stances: %.0f allocations, want at most 3 (the arena and its two arrays)", allocs)
	}
}

// TestPageStanceActorRuns decodes pages whose stances repeat an actor
// in one role, or name it in the other, and checks each stance against
// stanceFrom's and that a stance with the subject (object) of the one
// before shares its text instead of writing the ID again.
func TestPageStanceActorRuns(t *testing.T) {
	a, b, c := ActorID("a"), ActorID("b"), ActorID("c")
	tests := []struct {
		name  string
		pairs [][2]string // subject, object
	}{
		{"one subject, one object", [][2]string{{a, b}, {a, b}, {a, b}}},
		{"one subject, runs of objects", [][2]string{{a, b}, {a, b}, {a, c}, {a, c}, {a, b}}},
		{"the subject as the next object", [][2]string{{a, b}, {b, a}, {b, a}, {a, b}}},
		{"the zero ID", [][2]string{{uuid.Nil.String(), a}, {uuid.Nil.String(), a}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			arena := newPageArena(1)
			got := make([]Stance, len(tc.pairs))
			for i, p := range tc.pairs {
				r := *outRecords()["one document"]
				r.Subject, r.Object = p[0], p[1]
				k := keys.Adjacency(keys.Out, mustID(r.Subject), r.Type, mustID(r.Object), mustID(r.ID))
				v := encodeOut(&r)
				want, err := stanceFrom(k, v, nil)
				if err != nil {
					t.Fatal(err)
				}
				if err := pageStance(&got[i], k, v, nil, arena); err != nil {
					t.Fatal(err)
				}
				if !reflect.DeepEqual(got[i], want.Stance) {
					t.Fatalf("stance %d: decoded\n%+v\nwant\n%+v", i, got[i], want.Stance)
				}
				if i == 0 {
					continue
				}
				for _, role := range []struct {
					name       string
					prev, this string
				}{{"subject", got[i-1].Subject, got[i].Subject}, {"object", got[i-1].Object, got[i].Object}} {
					if role.prev == role.this && unsafe.StringData(role.prev) != unsafe.StringData(role.this) {
						t.Errorf("stance %d: its %s's text written again", i, role.name)
					}
				}
			}
		})
	}
}
