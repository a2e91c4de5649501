// Package eval measures an extract.Extractor against hand-annotated gold
// stances: precision, recall and F1 of (subject, type, object) triples per
// article, per type and overall, the misses and false positives with their
// sentences, and the extraction speed.
//
// A gold directory holds NN.txt articles (read with extract.ParseArticle)
// and NN.jsonl gold files, one {"subject", "type", "object", "topic",
// "quote"} object per distinct triple, as described in the corpus
// GUIDELINES.md. ENGAGES is compared as an unordered pair. Actors compare
// by the dictionary actor their names denote (canonical name or alias, see
// extract.Extractor.Canonical), so a gold short form such as "IAEA" matches
// the canonical name; other names compare by stance.NormalizeName.
package eval

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/stancegraph/stancegraph/extract"
	"github.com/stancegraph/stancegraph/stance"
)

// Gold is one annotated stance.
type Gold struct {
	Subject, Type, Object, Topic, Quote string
}

// Case is one article with its gold stances.
type Case struct {
	Name string
	Text string
	Date stance.Date
	Gold []Gold
}

// ErrGold is wrapped by errors about malformed gold data.
var ErrGold = errors.New("eval: invalid gold data")

var types = []string{extract.Supports, extract.Rejects, extract.Demands, extract.Accuses, extract.Offers, extract.Engages}

func validType(t string) bool {
	for _, v := range types {
		if t == v {
			return true
		}
	}
	return false
}

// LoadDir reads every NN.txt of dir that has an NN.jsonl beside it, in name
// order. A quote that is not a substring of the article body is an error.
func LoadDir(dir string) ([]Case, error) {
	txts, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil {
		return nil, fmt.Errorf("eval: %w", err)
	}
	sort.Strings(txts)
	var cases []Case
	for _, txt := range txts {
		base := strings.TrimSuffix(txt, ".txt")
		goldPath := base + ".jsonl"
		gb, err := os.ReadFile(goldPath)
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("eval: %w", err)
		}
		raw, err := os.ReadFile(txt)
		if err != nil {
			return nil, fmt.Errorf("eval: %w", err)
		}
		art, err := extract.ParseArticle(string(raw))
		if err != nil {
			return nil, fmt.Errorf("eval: %s: %w", txt, err)
		}
		gold, err := readGold(bytes.NewReader(gb), goldPath, art.Body)
		if err != nil {
			return nil, err
		}
		cases = append(cases, Case{Name: filepath.Base(base), Text: art.Body, Date: art.Date, Gold: gold})
	}
	if len(cases) == 0 {
		return nil, fmt.Errorf("eval: %s holds no NN.txt with an NN.jsonl gold file", dir)
	}
	return cases, nil
}

func readGold(r io.Reader, name, body string) ([]Gold, error) {
	var out []Gold
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 4*1024*1024)
	line := 0
	for sc.Scan() {
		line++
		raw := strings.TrimSpace(sc.Text())
		if raw == "" {
			continue
		}
		var g struct {
			Subject string `json:"subject"`
			Type    string `json:"type"`
			Object  string `json:"object"`
			Topic   string `json:"topic"`
			Quote   string `json:"quote"`
		}
		if err := json.Unmarshal([]byte(raw), &g); err != nil {
			return nil, fmt.Errorf("%w: %s line %d: %v", ErrGold, name, line, err)
		}
		if err := checkGold(g.Subject, g.Type, g.Object); err != nil {
			return nil, fmt.Errorf("%w: %s line %d: %v", ErrGold, name, line, err)
		}
		if g.Quote != "" && !strings.Contains(body, g.Quote) {
			return nil, fmt.Errorf("%w: %s line %d: quote %q is not in the article body", ErrGold, name, line, g.Quote)
		}
		out = append(out, Gold{Subject: g.Subject, Type: g.Type, Object: g.Object, Topic: g.Topic, Quote: g.Quote})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("eval: %s: %w", name, err)
	}
	return out, nil
}

func checkGold(subject, typ, object string) error {
	if strings.TrimSpace(subject) == "" {
		return errors.New(`field "subject" is empty`)
	}
	if strings.TrimSpace(object) == "" {
		return errors.New(`field "object" is empty`)
	}
	if !validType(typ) {
		return fmt.Errorf("field \"type\": %q is not one of %v", typ, types)
	}
	return nil
}

// SeedCase builds a Case from the seed article (plain text, optionally
// with a header) and the curated seed JSON Lines: every
// {"record":"stance", "subject", "type", "object", "topic", "evidence":
// [{"quote"}]} line is a gold stance; other records are ignored. The case
// date is the article's Date: header, else the date of a
// {"record":"document"} line, else the earliest stance date.
func SeedCase(article string, seedJSONL []byte) (Case, error) {
	art, err := extract.ParseArticle(article)
	if err != nil {
		return Case{}, fmt.Errorf("eval: seed article: %w", err)
	}
	c := Case{Name: "seed", Text: art.Body, Date: art.Date}
	sc := bufio.NewScanner(bytes.NewReader(seedJSONL))
	sc.Buffer(make([]byte, 0, 64*1024), 4*1024*1024)
	line := 0
	var docDate, minDate stance.Date
	for sc.Scan() {
		line++
		raw := strings.TrimSpace(sc.Text())
		if raw == "" || strings.HasPrefix(raw, "#") {
			continue
		}
		var r struct {
			Record   string `json:"record"`
			Subject  string `json:"subject"`
			Type     string `json:"type"`
			Object   string `json:"object"`
			Topic    string `json:"topic"`
			Date     string `json:"date"`
			Evidence []struct {
				Quote string `json:"quote"`
			} `json:"evidence"`
		}
		if err := json.Unmarshal([]byte(raw), &r); err != nil {
			return Case{}, fmt.Errorf("%w: seed line %d: %v", ErrGold, line, err)
		}
		var d stance.Date
		if r.Date != "" {
			if d, err = stance.ParseDate(r.Date); err != nil {
				return Case{}, fmt.Errorf("%w: seed line %d: field \"date\": %v", ErrGold, line, err)
			}
		}
		switch r.Record {
		case "document":
			docDate = d
		case "stance":
			if err := checkGold(r.Subject, r.Type, r.Object); err != nil {
				return Case{}, fmt.Errorf("%w: seed line %d: %v", ErrGold, line, err)
			}
			g := Gold{Subject: r.Subject, Type: r.Type, Object: r.Object, Topic: r.Topic}
			if len(r.Evidence) > 0 {
				g.Quote = r.Evidence[0].Quote
			}
			c.Gold = append(c.Gold, g)
			if !d.IsZero() && (minDate.IsZero() || d < minDate) {
				minDate = d
			}
		}
	}
	if err := sc.Err(); err != nil {
		return Case{}, fmt.Errorf("eval: seed: %w", err)
	}
	if len(c.Gold) == 0 {
		return Case{}, fmt.Errorf("%w: seed holds no stance records", ErrGold)
	}
	if c.Date.IsZero() {
		c.Date = docDate
	}
	if c.Date.IsZero() {
		c.Date = minDate
	}
	return c, nil
}

// Triple is a stance compared by subject, type and object names.
type Triple struct {
	Subject, Type, Object string
}

// key compares actors by the dictionary actor their names denote, so that
// gold written with a short form ("ECOWAS") matches the canonical name the
// extractor prints; a name outside the dictionary compares normalized.
func (t Triple) key(ex *extract.Extractor) string {
	s, o := actorKey(ex, t.Subject), actorKey(ex, t.Object)
	if t.Type == extract.Engages && o < s {
		s, o = o, s
	}
	return s + "\x00" + t.Type + "\x00" + o
}

func actorKey(ex *extract.Extractor, name string) string {
	if c, ok := ex.Canonical(name); ok {
		name = c
	}
	return stance.NormalizeName(name)
}

// Counts are true positives, false positives and false negatives.
type Counts struct {
	TP, FP, FN int
}

// Precision is TP/(TP+FP), 1 when nothing was predicted.
func (c Counts) Precision() float64 {
	if c.TP+c.FP == 0 {
		return 1
	}
	return float64(c.TP) / float64(c.TP+c.FP)
}

// Recall is TP/(TP+FN), 1 when there was nothing to find.
func (c Counts) Recall() float64 {
	if c.TP+c.FN == 0 {
		return 1
	}
	return float64(c.TP) / float64(c.TP+c.FN)
}

// F1 is the harmonic mean of precision and recall.
func (c Counts) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func (c *Counts) add(o Counts) { c.TP += o.TP; c.FP += o.FP; c.FN += o.FN }

// Item is a miss or a false positive with the sentence to read.
type Item struct {
	Case     string
	Triple   Triple
	Sentence string
	// Named marks a miss whose subject and object the extractor named
	// (or resolved) in the quote's sentence: a stance missed between
	// actors it knew, not for want of an actor.
	Named bool
}

// CaseResult is the score of one article.
type CaseResult struct {
	Name string
	Counts
}

// Report is the result of Run.
type Report struct {
	Cases          []CaseResult
	Types          map[string]Counts
	Overall        Counts // micro-averaged over every triple
	Misses         []Item
	FalsePositives []Item
	// Named counts the gold stances whose subject and object are both
	// among the actors the extractor names in the quote's sentence
	// (Extractor.Mentions), and NamedFound those of them it found: how
	// far recall is lost to actors unrecognised and how far to stances
	// unread between actors recognised.
	Named, NamedFound int
	Bytes             int64         // text extracted while timing
	Elapsed           time.Duration // time it took, on one core (GOMAXPROCS 1)
}

// MBPerSecond is the extraction speed measured by Run, in MB (10^6 bytes)
// per second on one core.
func (r Report) MBPerSecond() float64 {
	if r.Elapsed <= 0 {
		return 0
	}
	return float64(r.Bytes) / 1e6 / r.Elapsed.Seconds()
}

// Options tunes RunWith.
type Options struct {
	// SpeedFor is how long to extract the corpus repeatedly to time it;
	// 0 means one second, a negative value skips timing.
	SpeedFor time.Duration
}

// Run scores ex on cases and times it for about a second on one core
// (runtime.GOMAXPROCS(1) while timing, restored after).
func Run(ctx context.Context, ex *extract.Extractor, cases []Case) (Report, error) {
	return RunWith(ctx, ex, cases, Options{})
}

// RunWith is Run with options.
func RunWith(ctx context.Context, ex *extract.Extractor, cases []Case, opt Options) (Report, error) {
	r := Report{Types: map[string]Counts{}}
	for _, t := range types {
		r.Types[t] = Counts{}
	}
	for _, c := range cases {
		if err := r.score(ctx, ex, c); err != nil {
			return Report{}, fmt.Errorf("eval: %s: %w", c.Name, err)
		}
	}
	var err error
	r.Bytes, r.Elapsed, err = timeExtraction(ctx, ex, cases, opt)
	if err != nil {
		return Report{}, err
	}
	return r, nil
}

// score adds one article's triples to r: its true and false positives,
// its misses, and how many of its gold stances have both actors named.
func (r *Report) score(ctx context.Context, ex *extract.Extractor, c Case) error {
	cands, ms, err := ex.ExtractWithMentions(ctx, c.Text, c.Date)
	if err != nil {
		return err
	}
	gold, goldOrder := map[string]Gold{}, []string(nil)
	for _, g := range c.Gold {
		k := Triple{g.Subject, g.Type, g.Object}.key(ex)
		if _, ok := gold[k]; !ok {
			goldOrder = append(goldOrder, k)
		}
		gold[k] = g
	}
	found, foundOrder := map[string]extract.Candidate{}, []string(nil)
	for _, cd := range cands {
		k := Triple{cd.Subject.Name, cd.Type, cd.Object.Name}.key(ex)
		if _, ok := found[k]; !ok {
			foundOrder = append(foundOrder, k)
			found[k] = cd
		}
	}
	named := namedGold(ex, c, ms, gold)
	var cc Counts
	for _, k := range foundOrder {
		cd := found[k]
		tc := r.Types[cd.Type]
		if _, ok := gold[k]; ok {
			cc.TP++
			tc.TP++
		} else {
			cc.FP++
			tc.FP++
			r.FalsePositives = append(r.FalsePositives, Item{Case: c.Name, Triple: Triple{cd.Subject.Name, cd.Type, cd.Object.Name}, Sentence: cd.Quote})
		}
		r.Types[cd.Type] = tc
	}
	for _, k := range goldOrder {
		_, hit := found[k]
		if named[k] {
			r.Named++
			if hit {
				r.NamedFound++
			}
		}
		if hit {
			continue
		}
		g := gold[k]
		cc.FN++
		tc := r.Types[g.Type]
		tc.FN++
		r.Types[g.Type] = tc
		r.Misses = append(r.Misses, Item{Case: c.Name, Triple: Triple{g.Subject, g.Type, g.Object}, Sentence: sentenceOf(c.Text, g.Quote), Named: named[k]})
	}
	r.Cases = append(r.Cases, CaseResult{Name: c.Name, Counts: cc})
	r.Overall.add(cc)
	return nil
}

// namedGold reports, per gold triple key, whether the mentions ms name
// both its actors in the sentence that holds the gold quote.
func namedGold(ex *extract.Extractor, c Case, ms []extract.Mention, gold map[string]Gold) map[string]bool {
	out := map[string]bool{}
	for k, g := range gold {
		i := strings.Index(c.Text, g.Quote)
		if g.Quote == "" || i < 0 {
			continue
		}
		at := utf8.RuneCountInString(c.Text[:i])
		sub, obj := actorKey(ex, g.Subject), actorKey(ex, g.Object)
		hasSub, hasObj := false, false
		for _, m := range ms {
			if at < m.SentenceStart || at >= m.SentenceEnd {
				continue
			}
			n := actorKey(ex, m.Actor.Name)
			hasSub, hasObj = hasSub || n == sub, hasObj || n == obj
		}
		out[k] = hasSub && hasObj
	}
	return out
}

// timeExtraction extracts cases repeatedly for opt.SpeedFor on one core
// and returns the bytes extracted and the time taken; a negative SpeedFor
// skips timing.
func timeExtraction(ctx context.Context, ex *extract.Extractor, cases []Case, opt Options) (int64, time.Duration, error) {
	d := opt.SpeedFor
	if d < 0 {
		return 0, 0, nil
	}
	if d == 0 {
		d = time.Second
	}
	var size int64
	for _, c := range cases {
		size += int64(len(c.Text))
	}
	if size == 0 {
		return 0, 0, nil
	}
	// One core: the collector competes with extraction as it would on a
	// single-core machine.
	prev := runtime.GOMAXPROCS(1)
	defer runtime.GOMAXPROCS(prev)
	var n int64
	start := time.Now()
	for n == 0 || time.Since(start) < d {
		for _, c := range cases {
			if _, err := ex.Extract(ctx, c.Text, c.Date); err != nil {
				return 0, 0, fmt.Errorf("eval: timing %s: %w", c.Name, err)
			}
		}
		n += size
	}
	return n, time.Since(start), nil
}

// sentenceOf widens quote to the sentence around it in text.
func sentenceOf(text, quote string) string {
	i := strings.Index(text, quote)
	if quote == "" || i < 0 {
		return quote
	}
	start := i
	for start > 0 {
		c := text[start-1]
		if c == '\n' || ((c == ' ') && start >= 2 && (text[start-2] == '.' || text[start-2] == '?' || text[start-2] == '!' || text[start-2] == '"') && start-2 < i) {
			break
		}
		start--
	}
	end := i + len(quote)
	for end < len(text) {
		c := text[end]
		if c == '\n' {
			break
		}
		end++
		if (c == '.' || c == '?' || c == '!') && (end == len(text) || text[end] == ' ' || text[end] == '\n' || text[end] == '"') {
			if end < len(text) && text[end] == '"' {
				end++
			}
			break
		}
	}
	s := strings.TrimSpace(text[start:end])
	if !utf8.ValidString(s) {
		return quote
	}
	return s
}

// Print writes the report: overall, per type and per article P/R/F1, the
// misses and false positives with their sentences, and the speed.
func (r Report) Print(w io.Writer) {
	fmt.Fprintf(w, "overall (micro): P=%.3f R=%.3f F1=%.3f  (tp=%d fp=%d fn=%d)\n",
		r.Overall.Precision(), r.Overall.Recall(), r.Overall.F1(), r.Overall.TP, r.Overall.FP, r.Overall.FN)
	if gold := r.Overall.TP + r.Overall.FN; gold > 0 {
		fmt.Fprintf(w, "actors named: both actors of %d of %d gold stances (%.3f) named in their sentence; %d of those found (%.3f)\n",
			r.Named, gold, float64(r.Named)/float64(gold), r.NamedFound, share(r.NamedFound, r.Named))
	}
	fmt.Fprintln(w, "\nper type:")
	for _, t := range types {
		c := r.Types[t]
		fmt.Fprintf(w, "  %-9s P=%.3f R=%.3f F1=%.3f  (tp=%d fp=%d fn=%d)\n", t, c.Precision(), c.Recall(), c.F1(), c.TP, c.FP, c.FN)
	}
	fmt.Fprintln(w, "\nper article:")
	for _, c := range r.Cases {
		fmt.Fprintf(w, "  %-8s P=%.3f R=%.3f F1=%.3f  (tp=%d fp=%d fn=%d)\n", c.Name, c.Precision(), c.Recall(), c.F1(), c.TP, c.FP, c.FN)
	}
	fmt.Fprintf(w, "\nmisses (%d; * both actors named in the sentence):\n", len(r.Misses))
	for _, it := range r.Misses {
		mark := " "
		if it.Named {
			mark = "*"
		}
		fmt.Fprintf(w, " %s[%s] %s %s %s\n      %s\n", mark, it.Case, it.Triple.Subject, it.Triple.Type, it.Triple.Object, it.Sentence)
	}
	fmt.Fprintf(w, "\nfalse positives (%d):\n", len(r.FalsePositives))
	for _, it := range r.FalsePositives {
		fmt.Fprintf(w, "  [%s] %s %s %s\n      %s\n", it.Case, it.Triple.Subject, it.Triple.Type, it.Triple.Object, it.Sentence)
	}
	if r.Elapsed > 0 {
		fmt.Fprintf(w, "\nspeed: %.2f MB/s on one core (%d bytes in %s)\n", r.MBPerSecond(), r.Bytes, r.Elapsed.Round(time.Millisecond))
	}
}
