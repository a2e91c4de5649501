package graph

import (
	"io"
	"time"

	"github.com/stancegraph/stancegraph/stance"
)

// The types, limits and errors of the stance graph live in package stance,
// which every implementation of stance.Store shares and which links no
// storage engine. They are repeated here under their old names so that
// programs written against package graph keep compiling unchanged; new code
// should name them through package stance.

// Records, specs and queries: see the package stance documentation.
type (
	Actor          = stance.Actor
	ActorKind      = stance.ActorKind
	Stance         = stance.Stance
	StanceSpec     = stance.StanceSpec
	Evidence       = stance.Evidence
	EvidenceSpec   = stance.EvidenceSpec
	Reference      = stance.Reference
	Measures       = stance.Measures
	Location       = stance.Location
	Document       = stance.Document
	Date           = stance.Date
	Vocabulary     = stance.Vocabulary
	TypeInfo       = stance.TypeInfo
	Direction      = stance.Direction
	ActorQuery     = stance.ActorQuery
	StanceQuery    = stance.StanceQuery
	AdjacencyQuery = stance.AdjacencyQuery
	PathQuery      = stance.PathQuery
	MatrixQuery    = stance.MatrixQuery
	PageInfo       = stance.PageInfo
	PageQuery      = stance.PageQuery
	EachOptions    = stance.EachOptions
	ActorPage      = stance.ActorPage
	StancePage     = stance.StancePage
	DocumentPage   = stance.DocumentPage
	Path           = stance.Path
	TypeCount      = stance.TypeCount
	Dyad           = stance.Dyad
	MatrixCell     = stance.MatrixCell
	Stats          = stance.Stats
	Batch          = stance.Batch
	LoadResult     = stance.LoadResult
	Stored         = stance.Stored
	Change         = stance.Change
	RecordError    = stance.RecordError
)

// Actor kinds: see stance.ActorKind.
const (
	KindState        = stance.KindState
	KindGovernment   = stance.KindGovernment
	KindArmedGroup   = stance.KindArmedGroup
	KindOrganization = stance.KindOrganization
	KindPerson       = stance.KindPerson
	KindOther        = stance.KindOther
)

// Directions: see stance.Direction.
const (
	Both = stance.Both
	Out  = stance.Out
	In   = stance.In
)

// Limits: see package stance.
const (
	DefaultPageSize  = stance.DefaultPageSize
	MaxPageSize      = stance.MaxPageSize
	DefaultMaxHops   = stance.DefaultMaxHops
	MaxHops          = stance.MaxHops
	DefaultPaths     = stance.DefaultPaths
	MaxPaths         = stance.MaxPaths
	MaxAliases       = stance.MaxAliases
	MaxNameBytes     = stance.MaxNameBytes
	MaxDocumentBytes = stance.MaxDocumentBytes
	MaxChanges       = stance.MaxChanges
)

// Sentinel errors: see package stance. They are the same values, so
// errors.Is matches either name.
var (
	ErrNotFound           = stance.ErrNotFound
	ErrInvalidID          = stance.ErrInvalidID
	ErrInvalidDate        = stance.ErrInvalidDate
	ErrInvalidType        = stance.ErrInvalidType
	ErrInvalidInput       = stance.ErrInvalidInput
	ErrQuoteNotFound      = stance.ErrQuoteNotFound
	ErrInvalidCursor      = stance.ErrInvalidCursor
	ErrLocked             = stance.ErrLocked
	ErrReadOnly           = stance.ErrReadOnly
	ErrDiskFull           = stance.ErrDiskFull
	ErrLoadJournaled      = stance.ErrLoadJournaled
	ErrVocabularyConflict = stance.ErrVocabularyConflict
	ErrNotEmpty           = stance.ErrNotEmpty
	ErrClosed             = stance.ErrClosed
	ErrCommit             = stance.ErrCommit
	ErrTooManyAliases     = stance.ErrTooManyAliases
	ErrInvalidName        = stance.ErrInvalidName
	ErrLookalike          = stance.ErrLookalike
	ErrConflict           = stance.ErrConflict
	ErrAmbiguousQuote     = stance.ErrAmbiguousQuote
	ErrSelfStance         = stance.ErrSelfStance
)

// Functions of package stance under their old names, as functions rather
// than variables so that no program can replace them.

// ActorKinds is stance.ActorKinds.
func ActorKinds() []ActorKind { return stance.ActorKinds() }

// NormalizeName is stance.NormalizeName.
func NormalizeName(s string) string { return stance.NormalizeName(s) }

// ActorID is stance.ActorID.
func ActorID(name string) string { return stance.ActorID(name) }

// DocumentID is stance.DocumentID.
func DocumentID(text string) string { return stance.DocumentID(text) }

// DateOf is stance.DateOf.
func DateOf(t time.Time) Date { return stance.DateOf(t) }

// NewDate is stance.NewDate.
func NewDate(y int, m time.Month, d int) Date { return stance.NewDate(y, m, d) }

// ParseDate is stance.ParseDate.
func ParseDate(s string) (Date, error) { return stance.ParseDate(s) }

// DefaultVocabulary is stance.DefaultVocabulary.
func DefaultVocabulary() *Vocabulary { return stance.DefaultVocabulary() }

// NewVocabulary is stance.NewVocabulary.
func NewVocabulary(extra []TypeInfo) (*Vocabulary, error) { return stance.NewVocabulary(extra) }

// ReadVocabulary is stance.ReadVocabulary.
func ReadVocabulary(r io.Reader) (*Vocabulary, error) { return stance.ReadVocabulary(r) }

// Store is the embedded implementation of the stance graph's Store.
var _ stance.Store = (*Store)(nil)

// PLOVERVocabulary is stance.PLOVERVocabulary.
func PLOVERVocabulary() *Vocabulary { return stance.PLOVERVocabulary() }

// BuiltinVocabulary is stance.BuiltinVocabulary.
func BuiltinVocabulary(name string) (*Vocabulary, bool) { return stance.BuiltinVocabulary(name) }

// ReadTypes is stance.ReadTypes.
func ReadTypes(r io.Reader) ([]TypeInfo, error) { return stance.ReadTypes(r) }

// VocabularyOf is stance.VocabularyOf.
func VocabularyOf(types []TypeInfo) (*Vocabulary, error) { return stance.VocabularyOf(types) }

// Stance change notifications, for Store.Subscribe.
type (
	ChangeKind    = stance.ChangeKind
	StanceChange  = stance.StanceChange
	StanceChanges = stance.StanceChanges
)

// The changes Store.Subscribe reports.
const (
	StanceAdded      = stance.StanceAdded
	StanceRetracted  = stance.StanceRetracted
	MaxStanceChanges = stance.MaxStanceChanges
)
