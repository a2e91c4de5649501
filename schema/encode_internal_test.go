package schema

import (
	"bytes"
	"testing"
)

// BenchmarkWriteString writes a quote of a typical length, all plain
// text, as a page of stances is mostly made of (go test -bench
// WriteString ./schema).
func BenchmarkWriteString(b *testing.B) {
	q := "The Taliban rejected the offer of talks in Kabul on Monday, officials said, and demanded that foreign troops leave first."
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		writeString(&buf, q)
	}
}
