package jsonl

import "github.com/stancegraph/stancegraph/stance"

// MaxPartText bounds the document text of one part of Split: documents
// are the only large records, and a part is one transaction.
const MaxPartText = 64 << 20

// Split cuts f into parts of at most n records for a load that commits
// part by part (a Dgraph cluster, where one transaction per file does not
// scale). The records keep the file's order, actors before documents
// before stances, so that a part names only records of itself or of the
// parts before it; a part also ends once its documents hold MaxPartText
// bytes of text. Each part carries its records' lines, so that Apply on
// it reports the file's line numbers, and the file's Upsert. n <= 0, or a
// file of at most n records, gives f itself.
func (f *File) Split(n int) []*File {
	b := &f.Batch
	if n <= 0 || len(b.Actors)+len(b.Documents)+len(b.Stances) <= n {
		return []*File{f}
	}
	var parts []*File
	cur, size, text := f.emptyPart(), 0, 0
	next := func() {
		parts = append(parts, cur)
		cur, size, text = f.emptyPart(), 0, 0
	}
	add := func(bytes int) {
		size++
		text += bytes
		if size >= n || text >= MaxPartText {
			next()
		}
	}
	for i, a := range b.Actors {
		cur.Batch.Actors = append(cur.Batch.Actors, a)
		cur.ActorLines = append(cur.ActorLines, lineAt(f.ActorLines, i))
		add(0)
	}
	for i, d := range b.Documents {
		cur.Batch.Documents = append(cur.Batch.Documents, d)
		cur.DocumentLines = append(cur.DocumentLines, lineAt(f.DocumentLines, i))
		add(len(d.Text))
	}
	for i, s := range b.Stances {
		cur.Batch.Stances = append(cur.Batch.Stances, s)
		cur.StanceLines = append(cur.StanceLines, lineAt(f.StanceLines, i))
		add(0)
	}
	if size > 0 {
		next()
	}
	return parts
}

func (f *File) emptyPart() *File {
	return &File{Batch: stance.Batch{Upsert: f.Batch.Upsert, ReturnStored: f.Batch.ReturnStored}}
}

// lineAt is lines[i], or 0 for a record whose line is not known (a batch
// built in Go rather than read).
func lineAt(lines []int, i int) int {
	if i < len(lines) {
		return lines[i]
	}
	return 0
}

// Lines returns the first and last line of f's records, or 0, 0 when it
// knows none.
func (f *File) Lines() (first, last int) {
	for _, ls := range [][]int{f.ActorLines, f.DocumentLines, f.StanceLines} {
		for _, l := range ls {
			if l > 0 && (first == 0 || l < first) {
				first = l
			}
			last = max(last, l)
		}
	}
	return first, last
}
