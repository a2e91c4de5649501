package stance

// Document is a source text. Its ID is derived from the text, so the same
// text is always the same document.
type Document struct {
	ID     string
	Title  string
	Source string // publisher
	URL    string
	Date   Date
	Text   string
}

// MaxDocumentBytes bounds a document's text; larger texts are rejected
// rather than stored, since every quote lookup reads the whole text.
const MaxDocumentBytes = 32 << 20
