package extract

import (
	"context"

	"github.com/stancegraph/stancegraph/stance"
)

// Mention is one actor a text names or refers to, as the extractor
// resolved it: a name ("Nairobi", "President Ruto"), a description ("the
// militants") or a pronoun ("it"), each with its actor. It shows what the
// stance rules had to work with, and lets an evaluation tell a stance
// missed because an actor went unrecognised from one missed between
// actors it knew.
type Mention struct {
	Actor stance.Actor // from the dictionary, or of this text alone
	Code  string       // CAMEO code of the form matched, where the dictionary gives one
	// Ref marks a description or pronoun resolved to Actor, not a name.
	Ref bool
	// Start and End are the code-point offsets of the mention in the
	// text; SentenceStart and SentenceEnd those of its sentence, as a
	// Candidate's Start and End are of its quote.
	Start, End                 int
	SentenceStart, SentenceEnd int
}

// Mentions returns the actors text names or refers to, in order, as
// Extract resolves them for the same text and date: a place named only as
// a venue ("talks in Geneva") is no mention of an actor. The only error
// is ctx's, checked between sentences.
func (e *Extractor) Mentions(ctx context.Context, text string, docDate stance.Date) ([]Mention, error) {
	_, ms, err := e.ExtractWithMentions(ctx, text, docDate)
	return ms, err
}

// ExtractWithMentions returns what Extract and Mentions return for text,
// reading it once: for a caller that wants the stances and the actors
// they were read between (an evaluation telling the two apart).
func (e *Extractor) ExtractWithMentions(ctx context.Context, text string, docDate stance.Date) ([]Candidate, []Mention, error) {
	d := newDoc(e.lx, text, docDate)
	var ms []Mention
	d.sink = func(s *sent) { ms = d.appendMentions(ms, s) }
	if err := d.read(ctx); err != nil {
		return nil, nil, err
	}
	return d.out, ms, nil
}

// appendMentions adds the actor mentions of s, each of a group's actors
// ("the E3") at the group's offsets.
func (d *doc) appendMentions(out []Mention, s *sent) []Mention {
	if s.b <= s.a {
		return out
	}
	ss, se := d.toks[s.a].rs, d.toks[s.b-1].re
	for k := range s.ms {
		m := &s.ms[k]
		if m.ent < 0 || m.place {
			continue
		}
		ents, code := m.group, ""
		if len(ents) == 0 {
			ents, code = []int{m.ent}, d.mentionCode(s, m)
		}
		for _, e := range ents {
			a := d.actor(e)
			a.Aliases = append([]string(nil), a.Aliases...)
			c := code
			if len(m.group) > 0 {
				c = d.lx.code(e) // each of a group's actors its own code
			}
			out = append(out, Mention{Actor: a, Code: c, Ref: m.ref || m.pron,
				Start: d.toks[m.from].rs, End: d.toks[m.to-1].re, SentenceStart: ss, SentenceEnd: se})
		}
	}
	return out
}
