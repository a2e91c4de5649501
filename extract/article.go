package extract

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/stancegraph/stancegraph/stance"
)

// Article is a plain-text article: optional header lines Title:, Source:,
// Date:, URL: before a blank line, then the body.
type Article struct {
	Title, Source, URL string
	Date               stance.Date
	Body               string
}

// ErrArticle is wrapped by every error ParseArticle returns.
var ErrArticle = errors.New("extract: invalid article")

// ParseArticle splits raw into header and body. The header is a run of
// "Key: value" lines with keys Title, Source, Date (YYYY-MM-DD) and URL
// (any case) ended by a blank line; when raw does not start with such a run
// the whole text is the body. Leading blank lines and trailing white space
// of the body are dropped; offsets of stances refer to Body.
func ParseArticle(raw string) (Article, error) {
	raw = strings.TrimPrefix(raw, "\ufeff")
	var a Article
	rest := raw
	seen := 0
	for {
		nl := strings.IndexByte(rest, '\n')
		line := rest
		if nl >= 0 {
			line = rest[:nl]
		}
		trimmed := strings.TrimSpace(line)
		if trimmed == "" {
			if seen == 0 {
				return Article{Body: trimBody(raw)}, nil
			}
			if nl < 0 {
				rest = ""
			} else {
				rest = rest[nl+1:]
			}
			break
		}
		key, val, ok := strings.Cut(trimmed, ":")
		key = strings.ToLower(strings.TrimSpace(key))
		val = strings.TrimSpace(val)
		if !ok || (key != "title" && key != "source" && key != "date" && key != "url") {
			if seen == 0 {
				return Article{Body: trimBody(raw)}, nil
			}
			return Article{}, fmt.Errorf("%w: header line %d: %q is not a Title:, Source:, Date: or URL: line (end the header with a blank line)", ErrArticle, seen+1, clip(trimmed))
		}
		seen++
		switch key {
		case "title":
			a.Title = val
		case "source":
			a.Source = val
		case "url":
			a.URL = val
		case "date":
			d, err := stance.ParseDate(val)
			if err != nil {
				return Article{}, fmt.Errorf("%w: header line %d: Date: %v", ErrArticle, seen, err)
			}
			a.Date = d
		}
		if nl < 0 {
			rest = ""
			break
		}
		rest = rest[nl+1:]
	}
	a.Body = trimBody(rest)
	return a, nil
}

func trimBody(s string) string {
	s = strings.TrimLeft(s, "\r\n")
	return strings.TrimRight(s, " \t\r\n")
}

func clip(s string) string {
	if len(s) > 60 {
		return s[:60] + "..."
	}
	return s
}

// candidateJSON is the JSON Lines form of a Candidate.
type candidateJSON struct {
	Document   string  `json:"document"`
	Subject    string  `json:"subject"`
	Type       string  `json:"type"`
	Object     string  `json:"object"`
	Topic      string  `json:"topic"`
	Date       string  `json:"date"` // "" when neither text nor document dates it
	Quote      string  `json:"quote"`
	Start      int     `json:"start"`
	End        int     `json:"end"`
	Confidence float64 `json:"confidence"`
	// CAMEO actor codes ("AFGGOV", "IGOUNO"), "" where none is known.
	SubjectCode string `json:"subject_code"`
	ObjectCode  string `json:"object_code"`
}

// WriteJSONL writes one JSON object per candidate: document, subject, type,
// object (canonical actor names), topic, date, quote, start, end,
// confidence, and the CAMEO codes subject_code and object_code.
func WriteJSONL(w io.Writer, document string, cs []Candidate) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, c := range cs {
		if err := enc.Encode(candidateJSON{
			Document: document, Subject: c.Subject.Name, Type: c.Type, Object: c.Object.Name,
			Topic: c.Topic, Date: c.Date.String(), Quote: c.Quote, Start: c.Start, End: c.End, Confidence: c.Confidence,
			SubjectCode: c.SubjectCode, ObjectCode: c.ObjectCode,
		}); err != nil {
			return fmt.Errorf("extract: writing %s: %w", document, err)
		}
	}
	return nil
}

// mentionJSON is one line of WriteMentionsJSONL.
type mentionJSON struct {
	Document      string `json:"document"`
	Actor         string `json:"actor"`
	Kind          string `json:"kind"`
	Code          string `json:"code"`
	Ref           bool   `json:"ref"`
	Text          string `json:"text"`
	Start         int    `json:"start"`
	End           int    `json:"end"`
	SentenceStart int    `json:"sentence_start"`
	SentenceEnd   int    `json:"sentence_end"`
}

// WriteMentionsJSONL writes one JSON object per mention of text: document,
// actor (canonical name), kind, code (CAMEO), ref (a description or
// pronoun), the words of text it spans, and the code-point offsets of the
// mention and of its sentence.
func WriteMentionsJSONL(w io.Writer, document, text string, ms []Mention) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	runes := []rune(text)
	for _, m := range ms {
		words := ""
		if m.Start >= 0 && m.End <= len(runes) && m.Start <= m.End {
			words = string(runes[m.Start:m.End])
		}
		if err := enc.Encode(mentionJSON{
			Document: document, Actor: m.Actor.Name, Kind: string(m.Actor.Kind), Code: m.Code, Ref: m.Ref, Text: words,
			Start: m.Start, End: m.End, SentenceStart: m.SentenceStart, SentenceEnd: m.SentenceEnd,
		}); err != nil {
			return fmt.Errorf("extract: writing %s: %w", document, err)
		}
	}
	return nil
}
