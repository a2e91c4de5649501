package stance

// Evidence locates the text that states a stance.
type Evidence struct {
	DocumentID string
	Quote      string // exact text of the document
	Start, End int    // code-point offsets of Quote in the document text, end exclusive
}

// Stance is a typed, dated, sourced claim that Subject holds a stance of Type
// toward Object.
type Stance struct {
	ID         string
	Subject    string // actor ID
	Type       Type   // one of the store's Vocabulary
	Object     string // actor ID
	Topic      string
	Date       Date
	Confidence float64 // 0..1; 1 for curated stances
	Evidence   []Evidence
	// References cite event datasets' records that code this stance
	// (evidence by reference, beside Evidence by quote).
	References    []Reference
	Event         *Measures // what an event dataset measured; nil for text evidence
	Retracted     bool
	RetractReason string
}

// EvidenceSpec names a quote in a document when adding a stance; the store
// finds its offsets. A quote occurring more than once in the document needs
// a selector, as in W3C's TextQuoteSelector: Prefix and Suffix, the text
// just before and after the occurrence meant, or Start, its expected
// offset. Without one such a quote is refused with ErrAmbiguousQuote
// rather than resolved to its first occurrence.
type EvidenceSpec struct {
	Document string // document ID
	Quote    string
	Prefix   string // text the document has just before the quote; "" matches any
	Suffix   string // text the document has just after the quote; "" matches any
	Start    *int   // code-point offset of the quote in the document; nil matches any
}

// StanceSpec describes a stance to add. Subject and Object are actor
// references: an ID or any name of the actor.
type StanceSpec struct {
	Subject    string
	Type       Type
	Object     string
	Topic      string
	Date       Date
	Confidence float64 // in (0, 1]; 0 means 1, a curated stance
	Evidence   []EvidenceSpec
	// References and Event: see Stance. The same reference (dataset and
	// record) is the same stance, as the same quote is.
	References []Reference
	Event      *Measures
	// Retracted stores the stance retracted with RetractReason, so that
	// an export that keeps retracted stances loads back unchanged. Adding
	// a retracted spec retracts the same stance already stored.
	Retracted     bool
	RetractReason string
}

// Reference is evidence by reference: a record of an event dataset (GDELT,
// ICEWS, PLOVER/POLECAT) that codes the stance. Such datasets publish a
// source URL or a story ID, not the text, so there is no quote to keep;
// Dataset and Record identify the event, and the same event loaded again
// is the same stance.
type Reference struct {
	Dataset   string // "GDELT", "ICEWS", "PLOVER", ...
	Record    string // the dataset's event ID: GLOBALEVENTID, ICEWS Event ID, PLOVER id
	Story     string // ICEWS Story ID, where the dataset has one
	Sentence  int    // ICEWS sentence number within the story; 0 when unknown
	URL       string // source article
	Publisher string
}

// Measures are what an event dataset measures about one event, kept on
// the stance it becomes so that queries can weigh and place it. Fields a
// dataset does not give stay zero; Has* flags tell a zero score from none.
type Measures struct {
	EventCode    string  // CAMEO event code ("0431") or PLOVER event type
	Goldstein    float64 // -10 (conflict) to +10 (cooperation)
	HasGoldstein bool
	QuadClass    int // 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict; 0 unknown
	Mentions     int // GDELT NumMentions
	Sources      int // GDELT NumSources
	Articles     int // GDELT NumArticles
	Tone         float64
	HasTone      bool
	Location     Location
}

// Location is where an event took place.
type Location struct {
	Name      string
	Country   string // as the dataset codes it: FIPS 10-4 for GDELT, a name for ICEWS
	Latitude  float64
	Longitude float64
	HasPoint  bool // Latitude and Longitude are given
}

// Type is a stance type: one of the defaults below or any other type of a
// store's Vocabulary. It is a string, not a closed enumeration, because
// the vocabulary is data: a deployment adds types at Open, and a type is
// valid when the store's Vocabulary has it (Vocabulary.Validate), not
// when it compiles. Types are upper case letters, digits and _, so they
// serve as GraphQL enum values unchanged.
type Type = string

// The default types, present in every Vocabulary in this order.
const (
	Supports Type = "SUPPORTS"
	Rejects  Type = "REJECTS"
	Demands  Type = "DEMANDS"
	Accuses  Type = "ACCUSES"
	Offers   Type = "OFFERS"
	Engages  Type = "ENGAGES"
)
