package stance

// ChangeKind says what a committed write did to a stance.
type ChangeKind int

// The changes a Notifier reports.
const (
	// StanceAdded: a new live stance (AddStance, Load). Evidence merged
	// into a stance already stored is not reported.
	StanceAdded ChangeKind = iota + 1
	// StanceRetracted: a live stance became retracted (RetractStance, or
	// a Load carrying its retraction).
	StanceRetracted
)

// String names the kind as the GraphQL feed does.
func (k ChangeKind) String() string {
	switch k {
	case StanceAdded:
		return "stanceAdded"
	case StanceRetracted:
		return "stanceRetracted"
	}
	return "unknown"
}

// MaxStanceChanges bounds the changes one commit reports: a load of a
// million stances must not hold a copy of each for its observers, who
// could not buffer them anyway. StanceChanges.Missed counts the rest.
const MaxStanceChanges = 10000

// StanceChange is one stance changed by a commit. Stance is shared by every
// observer and must not be modified.
type StanceChange struct {
	Kind   ChangeKind
	Stance Stance
}

// StanceChanges are what one committed write (an AddStance, a RetractStance, a
// whole Load) did, in order. Missed counts the changes beyond
// MaxStanceChanges that are not listed.
type StanceChanges struct {
	List   []StanceChange
	Missed int
}

// Notifier is a store that tells observers of the stance changes it
// commits, for live feeds. It is apart from Store because a feed is a
// capability a store may lack; a caller asks for it with a type assertion.
type Notifier interface {
	// Subscribe registers fn to be told of every commit that adds live
	// stances or retracts stances, after the commit. fn must return at
	// once and must not write to the store. The returned function
	// unregisters fn.
	Subscribe(fn func(StanceChanges)) (cancel func())
}
