package extract

// What the accused said. "Lavrov lashed back at Williamson for saying
// Russia should go away" accuses Britain, and reports what Britain said:
// its demand of Russia is a stance the text states (GUIDELINES.md counts
// reported stances), though it lies in the content of the accusation.

// accusedSaying reads the speech after "for saying" that follows an
// accusation's object, with the accused as its speaker.
func (d *doc) accusedSaying(s *sent, c *cueCall) {
	k := c.end
	if c.typ != Accuses || len(c.objs) == 0 || k+2 >= s.b || d.low[k] != "for" || !reportVerbs[d.low[k+1]] {
		return
	}
	from := k + 2
	if d.low[from] == "that" {
		from++
	}
	to := from
	for to < s.b && d.low[to] != ";" && d.low[to] != "but" {
		to++
	}
	d.readReported(s, subject{ents: c.objs, ref: true}, from, to, 0.65)
}
