package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/stancegraph/stancegraph/extract"
	"github.com/stancegraph/stancegraph/extract/eval"
	"github.com/stancegraph/stancegraph/ingest"
	"github.com/stancegraph/stancegraph/jsonl"
	"github.com/stancegraph/stancegraph/seed"
	"github.com/stancegraph/stancegraph/stance"
)

func cmdExtract(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "extract", "extract [--records | --mentions] FILE... | extract [--records | --mentions] -", `
Finds the stances stated in plain-text articles and prints one JSON object
per stance (document, subject, type, object, topic, date, quote, start, end,
confidence, subject_code, object_code), storing nothing. subject_code and
object_code are CAMEO actor codes ("AFGGOV", "IGOUNO", "NGACOP"), "" where
none is known. Actors are the dictionaries' and, where none holds them, a
side of a country named by a demonym and an agent noun ("a Saudi
businessman": Saudi business, SAUBUS) or by an agent noun before "in" or
"of" and the state ("students in Nigeria": NGAEDU), a people or faith ("Iraqi Kurds":
IRQ), or an organization named in the text ("the Global Rivers Forum",
and the acronym the text gives it in parentheses). Header lines Title:, Source:, URL: and Date:
before a blank line are read as the article's metadata; quote offsets count
Unicode code points in the body. "-" reads one article from standard input.

--records prints instead the JSON Lines that graphd load takes (README, "The
file format"): the actors the stances name, then per article a
document record holding its text, then its stance records, each citing the
document by ID with its quote and the quote's start offset. Review them
(delete or edit stance lines, actors' aliases), then graphd load the file:
it stores what graphd load ARTICLE would have, minus what was removed.

--mentions prints instead every actor the extractor recognised, one JSON
object per name, description or pronoun resolved (document, actor, kind,
code, ref, text, start, end, sentence_start, sentence_end): what the stance
rules had to work with, to tell a stance missed for want of an actor from
one missed between actors recognised.`)
	records := fs.Bool("records", false, "print actor, document and stance records that graphd load takes, instead of one candidate per line")
	mentions := fs.Bool("mentions", false, "print the actors recognised in each sentence instead of the stances")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usageError{"extract needs at least one FILE (or - for standard input)"}
	}
	if *records && *mentions {
		return usageError{"extract: --records and --mentions exclude each other"}
	}
	ex := extract.New(extract.DefaultDictionary())
	seenActors := map[string]bool{} // --records: each actor once across files
	for _, name := range fs.Args() {
		art, err := readExtractInput(e, name)
		if err != nil {
			return err
		}
		if *mentions {
			ms, err := ex.Mentions(ctx, art.Body, art.Date)
			if err != nil {
				return fmt.Errorf("%s: %w", name, err)
			}
			if err := extract.WriteMentionsJSONL(e.stdout, name, art.Body, ms); err != nil {
				return err
			}
			continue
		}
		cands, err := ex.Extract(ctx, art.Body, art.Date)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		if !*records {
			if err := extract.WriteJSONL(e.stdout, name, cands); err != nil {
				return err
			}
			continue
		}
		if err := writeRecords(e.stdout, name, art, cands, seenActors); err != nil {
			return err
		}
	}
	return nil
}

// readExtractInput reads and parses one article, "-" from standard input.
func readExtractInput(e *env, name string) (extract.Article, error) {
	var b []byte
	var err error
	if name == "-" {
		b, err = io.ReadAll(e.stdin)
	} else {
		b, err = os.ReadFile(name)
	}
	if err != nil {
		return extract.Article{}, err
	}
	art, err := extract.ParseArticle(string(b))
	if err != nil {
		return art, fmt.Errorf("%s: %w", name, err)
	}
	return art, nil
}

// writeRecords writes the batch graphd load would store for one article,
// as JSON Lines, leaving out actors an earlier article already wrote. The
// document is titled as graphd load titles it: its Title: header, else
// the file's name.
func writeRecords(w io.Writer, name string, art extract.Article, cands []extract.Candidate, seen map[string]bool) error {
	title := art.Title
	if title == "" && name != "-" {
		title = filepath.Base(name)
	}
	doc := stance.Document{Title: title, Source: art.Source, URL: art.URL, Date: art.Date, Text: art.Body}
	b := ingest.Batch(doc, cands)
	actors := b.Actors[:0]
	for _, a := range b.Actors {
		if !seen[a.Name] {
			seen[a.Name] = true
			actors = append(actors, a)
		}
	}
	b.Actors = actors
	if err := jsonl.WriteBatch(w, b); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

func cmdEval(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "eval", "eval [--gold DIR] [--seed] [--plover FILE [--plover-half tune|held]]", `
Scores stance extraction against gold annotations: for each NN.txt with an
NN.jsonl of gold stances in DIR (format: testdata/corpus/GUIDELINES.md),
prints precision, recall and F1 of (subject, type, object) triples per
article, per type and overall (ENGAGES compared as an unordered pair), how
many gold stances have both actors named in their sentence (and how many of
those were found), the extraction speed, then every miss (marked * where
both its actors were named) and false positive with its sentence.
--seed scores the seed article against its curated stances.
--plover scores PLOVER gold-standard records (JSON Lines, e.g.
../shared/data/events/plover/PLOVER_GSR_CAMEO.jsonl): of the records whose
event maps to one of our types, how many gave a stance of that type (type
recall) and how many gave it between the record's source and target, by
CAMEO code or name (actor-level recall); of the others, how many gave any
stance at all. The records are split in two halves by their ID (32-bit
FNV-1a hash of the "id" field: even "tune", odd "held" out), and the
figures of each half are printed too: write rules from the misses of the
tune half (--plover-half tune lists only those) and quote the held-out
half, which the rules were not written from, as the measure of generality.`)
	gold := fs.String("gold", "", "directory of gold-annotated articles")
	withSeed := fs.Bool("seed", false, "also score the seed article against the curated seed stances")
	plover := fs.String("plover", "", "also score the PLOVER gold-standard records of this JSON Lines file")
	half := fs.String("plover-half", "", "list only the PLOVER misses of this half: tune or held (default: all)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *gold == "" && !*withSeed && *plover == "" {
		return usageError{"eval needs --gold DIR, --seed or --plover FILE"}
	}
	if *half != "" && *half != eval.HalfTune && *half != eval.HalfHeld {
		return usageError{fmt.Sprintf("--plover-half: %q is not a half (give tune or held)", *half)}
	}
	ex := extract.New(extract.DefaultDictionary())
	if *plover != "" {
		if err := evalPlover(ctx, e, ex, *plover, *half); err != nil {
			return err
		}
		if *gold == "" && !*withSeed {
			return nil
		}
		fmt.Fprintln(e.stdout)
	}
	var cases []eval.Case
	if *withSeed {
		c, err := eval.SeedCase(seed.Article(), seed.Data())
		if err != nil {
			return fmt.Errorf("seed: %w", err)
		}
		cases = append(cases, c)
	}
	if *gold != "" {
		cs, err := eval.LoadDir(*gold)
		if err != nil {
			return err
		}
		cases = append(cases, cs...)
	}
	rep, err := eval.Run(ctx, ex, cases)
	if err != nil {
		return err
	}
	rep.Print(e.stdout)
	return nil
}

func evalPlover(ctx context.Context, e *env, ex *extract.Extractor, name, half string) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	cases, err := eval.LoadPlover(f, name, nil)
	if err != nil {
		return err
	}
	rep, err := eval.RunPlover(ctx, ex, cases, eval.Options{})
	if err != nil {
		return err
	}
	rep.PrintHalf(e.stdout, half)
	return nil
}
