package main

import (
	"fmt"

	"math/rand/v2"
	"sort"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/stancegraph/stancegraph/graph"
)

// The generator draws subjects and objects from one Zipf law with exponent 1
// over actor rank: the actor of rank k is chosen with weight 1/(k+1), so at
// 100k actors the busiest holds about 8% of the edges and the top 20 about
// 30%, close to the share the most reported states have in GDELT. Stances
// come in documents of 1 to 7 (4 on average) that quote them, each quote a
// sentence of about 120 bytes; dates are spread over ten years.

// stanceTypes is the default vocabulary, the only one the benchmark uses.
var stanceTypes = []string{"SUPPORTS", "REJECTS", "DEMANDS", "ACCUSES", "OFFERS", "ENGAGES"}

// typeWeights skews types the way event data is skewed: contacts and
// demands are common, offers rare.
var typeWeights = []float64{0.18, 0.14, 0.18, 0.16, 0.08, 0.26}

var (
	places = []string{"Arvel", "Bostria", "Calvane", "Dornia", "Estrel", "Feyland", "Gorvan", "Halmar", "Istova", "Jurmen",
		"Kestia", "Lorvan", "Morvia", "Nastri", "Olvera", "Perun", "Quelmar", "Rostan", "Selvia", "Tarvos", "Ulmena",
		"Varnis", "Wexmoor", "Yarrow", "Zenthe", "Amberly", "Brantos", "Corvel", "Delmar", "Ostrava"}
	roles = []string{"Government", "Ministry of Defence", "Foreign Ministry", "Armed Forces", "Opposition", "Parliament",
		"Central Bank", "Police", "Rebels", "Militia", "Trade Union", "Press Council", "Red Cross", "Supreme Court",
		"Governor", "President", "Prime Minister", "Interior Ministry", "Electoral Commission", "Church"}
	kinds  = []graph.ActorKind{graph.KindState, graph.KindGovernment, graph.KindArmedGroup, graph.KindOrganization, graph.KindPerson, graph.KindOther}
	topics = []string{"", "", "ceasefire", "border crossings", "prisoner exchange", "sanctions relief", "election monitoring",
		"grain exports", "water rights", "troop withdrawal", "humanitarian corridor", "debt restructuring", "mining licences",
		"fishing rights", "refugee returns", "arms embargo", "pipeline transit", "constitutional reform"}
	verbs = map[string][]string{
		"SUPPORTS": {"backed the proposal of", "welcomed the plan put forward by", "endorsed the position of"},
		"REJECTS":  {"rejected the offer made by", "dismissed the claims of", "refused the terms set by"},
		"DEMANDS":  {"called on", "urged", "insisted that action be taken by"},
		"ACCUSES":  {"accused", "blamed", "alleged misconduct by"},
		"OFFERS":   {"offered talks to", "proposed a deal to", "extended an offer to"},
		"ENGAGES":  {"held talks with", "met envoys of", "kept contacts with"},
	}
	fillers = []string{"officials said", "according to a statement", "a spokesperson confirmed", "local media reported",
		"diplomats noted", "witnesses said", "the agency reported"}
)

// dateBase is the first day of the ten years stances are dated over.
var dateBase = graph.NewDate(2015, time.January, 1)

const dateSpan = 3653

// dataset is the deterministic description of one generated graph: the
// actors and the law stances are drawn from. Stances are generated chunk by
// chunk, each chunk from its own seeded stream, so any engine can replay the
// same chunk without the whole graph in memory.
type dataset struct {
	seed      uint64
	nActors   int
	nStances  int
	chunkSize int
	actors    []graph.Actor
	ids       [][16]byte // actor IDs as bytes, by index
	cdf       []float64  // cumulative weights by rank
	byRank    []int32    // actor index of each rank
}

func newDataset(nActors, nStances, chunkSize int, seed uint64) *dataset {
	d := &dataset{seed: seed, nActors: nActors, nStances: nStances, chunkSize: chunkSize}
	r := rand.New(rand.NewPCG(seed, 0xac7025))
	d.actors = make([]graph.Actor, nActors)
	d.ids = make([][16]byte, nActors)
	for i := range d.actors {
		name := fmt.Sprintf("%s %s %d", places[i%len(places)], roles[(i/len(places))%len(roles)], i)
		a := graph.Actor{Name: name, Kind: kinds[r.IntN(len(kinds))]}
		if r.IntN(4) == 0 {
			a.Country = strings.ToUpper(places[i%len(places)][:3])
		}
		a.ID = graph.ActorID(name)
		d.actors[i] = a
		d.ids[i] = uuid.MustParse(a.ID)
	}
	d.byRank = make([]int32, nActors)
	for i, p := range r.Perm(nActors) {
		d.byRank[i] = int32(p)
	}
	d.cdf = make([]float64, nActors)
	sum := 0.0
	for k := range d.cdf {
		sum += 1 / float64(k+1)
		d.cdf[k] = sum
	}
	return d
}

// draw returns an actor index drawn from the power law.
func (d *dataset) draw(r *rand.Rand) int32 {
	x := r.Float64() * d.cdf[len(d.cdf)-1]
	k := sort.SearchFloat64s(d.cdf, x)
	if k >= len(d.cdf) {
		k = len(d.cdf) - 1
	}
	return d.byRank[k]
}

// expectedDegree is the expected number of stances the actor of rank k
// holds as subject.
func (d *dataset) expectedDegree(k int) float64 {
	return float64(d.nStances) / (d.cdf[len(d.cdf)-1] * float64(k+1))
}

func (d *dataset) chunks() int { return (d.nStances + d.chunkSize - 1) / d.chunkSize }

// row is one generated stance in the form every engine consumes.
type row struct {
	id         [16]byte // the baselines' stance ID; graph derives its own
	subj, obj  int32
	typ        uint8
	topic      string
	date       graph.Date
	confidence float64
	doc        int32 // index into chunk.docs
	quote      string
	start      int // byte offset = code-point offset: the text is ASCII
}

// chunk is a slice of the stances with the documents they cite.
type chunk struct {
	index   int
	docs    []graph.Document
	docIDs  [][16]byte
	stances []row
}

// chunk generates chunk c.
func (d *dataset) chunk(c int) *chunk {
	lo := c * d.chunkSize
	return d.generate(c, uint64(c)+1, lo, min(lo+d.chunkSize, d.nStances))
}

// extraStream numbers the streams of the files generated beyond the
// dataset, far from those of its chunks.
const extraStream = 1 << 40

// extra generates file k of n stances beyond the dataset, whose serials
// start at first (at least nStances, so that no quote repeats one of the
// dataset's): what a later load into the store holding the dataset adds.
// Its documents and stances are new; it names existing actors only.
func (d *dataset) extra(k, first, n int) *chunk {
	return d.generate(d.chunks()+1+k, extraStream+uint64(k), first, first+n)
}

// generate draws the stances with serials lo to hi from stream into the
// chunk numbered index (index 0 carries the actors).
func (d *dataset) generate(index int, stream uint64, lo, hi int) *chunk {
	r := rand.New(rand.NewPCG(d.seed, stream))
	ch := &chunk{index: index, stances: make([]row, 0, hi-lo)}
	var text strings.Builder
	for i := lo; i < hi; {
		n := min(1+r.IntN(7), hi-i)
		day := dateBase + graph.Date(r.IntN(dateSpan))
		text.Reset()
		doc := int32(len(ch.docs))
		for j := 0; j < n; j++ {
			s := d.draw(r)
			o := d.draw(r)
			for o == s {
				o = d.draw(r)
			}
			t := pickType(r)
			if text.Len() > 0 {
				text.WriteByte(' ')
			}
			start := text.Len()
			sentence(&text, d.actors[s].Name, stanceTypes[t], d.actors[o].Name, r, i+j)
			q := text.String()[start:]
			var id [16]byte
			putU64(id[:8], d.seed)
			putU64(id[8:], uint64(i+j))
			ch.stances = append(ch.stances, row{
				id: id, subj: s, obj: o, typ: uint8(t), topic: topics[r.IntN(len(topics))],
				date: day, confidence: 0.5 + float64(r.IntN(51))/100, doc: doc, quote: q, start: start,
			})
		}
		body := text.String()
		for j := range ch.stances[i-lo:] {
			rw := &ch.stances[i-lo+j]
			rw.quote = body[rw.start : rw.start+len(rw.quote)]
		}
		gd := graph.Document{
			Title:  fmt.Sprintf("Wire report %d", lo+int(doc)),
			Source: fmt.Sprintf("Agency %d", r.IntN(40)),
			URL:    fmt.Sprintf("https://news.example/%d/%d", index, doc),
			Date:   day,
			Text:   body,
		}
		gd.ID = graph.DocumentID(body)
		ch.docs = append(ch.docs, gd)
		ch.docIDs = append(ch.docIDs, uuid.MustParse(gd.ID))
		i += n
	}
	return ch
}

func pickType(r *rand.Rand) int {
	x := r.Float64()
	for i, w := range typeWeights {
		if x < w {
			return i
		}
		x -= w
	}
	return len(typeWeights) - 1
}

// sentence writes one quote of about 120 bytes; serial makes it unique, so
// no two generated stances share an identity.
func sentence(b *strings.Builder, subj, typ, obj string, r *rand.Rand, serial int) {
	vs := verbs[typ]
	start := b.Len()
	fmt.Fprintf(b, "The %s %s the %s", subj, vs[r.IntN(len(vs))], obj)
	for b.Len()-start < 100 {
		b.WriteString(", ")
		b.WriteString(fillers[r.IntN(len(fillers))])
	}
	fmt.Fprintf(b, " (item %d).", serial)
}

func putU64(b []byte, v uint64) {
	for i := 7; i >= 0; i-- {
		b[i] = byte(v)
		v >>= 8
	}
}

// batch converts a chunk into the graph.Batch a JSON Lines file of it
// would parse to: stances refer to actors by name, documents by ID. The
// first chunk carries the actors.
func (d *dataset) batch(ch *chunk) graph.Batch {
	var b graph.Batch
	if ch.index == 0 {
		b.Actors = d.actors
	}
	b.Documents = ch.docs
	b.Stances = make([]graph.StanceSpec, len(ch.stances))
	for i, rw := range ch.stances {
		b.Stances[i] = graph.StanceSpec{
			Subject:    d.actors[rw.subj].Name,
			Type:       stanceTypes[rw.typ],
			Object:     d.actors[rw.obj].Name,
			Topic:      rw.topic,
			Date:       rw.date,
			Confidence: rw.confidence,
			Evidence:   []graph.EvidenceSpec{{Document: ch.docs[rw.doc].ID, Quote: rw.quote}},
		}
	}
	return b
}

// topByWeight returns the indexes of the n actors of highest rank.
func (d *dataset) topByWeight(n int) []int32 {
	n = min(n, d.nActors)
	return append([]int32(nil), d.byRank[:n]...)
}

// sample returns n actor indexes drawn uniformly with its own stream.
func (d *dataset) sample(n int, stream uint64) []int32 {
	r := rand.New(rand.NewPCG(d.seed, stream))
	out := make([]int32, n)
	for i := range out {
		out[i] = int32(r.IntN(d.nActors))
	}
	return out
}

func (d *dataset) totalWeight() float64 { return d.cdf[len(d.cdf)-1] }
