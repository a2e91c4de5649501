package extract

import "testing"

// TestSoughtHelpAndRegret checks, in sentences written for this test,
// that help sought of an actor asks it of the actor, and that regret
// voiced over an actor's act disapproves of it.
func TestSoughtHelpAndRegret(t *testing.T) {
	runCases(t, []extractCase{
		{"sought X's help", "Sri Lanka sought China's help to restructure its debt.", []string{"Sri Lanka DEMANDS China"}},
		{"support from", "Kenya sought military support from Uganda.", []string{"Kenya DEMANDS Uganda"}},
		{"its help", "Uganda said Kenya sought its help.", []string{"Kenya DEMANDS Uganda"}},
		{"negated", "Kenya did not seek Uganda's help.", nil},
		{"its own path", "Kenya sought its own path.", nil},
		{"regret over an act", "Japan expressed regret over South Korea's decision.", []string{"Japan ACCUSES South Korea"}},
		{"strong regret", "South Korea voiced strong regret over Japan's move.", []string{"South Korea ACCUSES Japan"}},
		{"regret at a loss", "Japan expressed deep regret at the loss of life.", nil},
	})
}

// TestBlockedBids checks, in sentences written for this test, that
// blocking an actor's own bid or package rejects the actor, and that a
// joint text the blocker shares in, or a negation, does not.
func TestBlockedBids(t *testing.T) {
	runCases(t, []extractCase{
		{"a bid", "Turkey blocked Sweden's bid to join NATO.", []string{"Turkey REJECTS Sweden"}},
		{"a package", "Hungary blocked the EU's aid package for Ukraine.", []string{"Hungary REJECTS European Union"}},
		{"a joint text", "Hungary blocked a joint EU statement condemning Georgia.", nil},
		{"negated", "Hungary did not block Ukraine's bid.", nil},
	})
}

// TestCallsReceivedAndCoordination checks, in sentences written for this
// test, that a call or letter received from an actor engages it, and
// that coordination or dialogue suspended or ended with an actor rejects
// it as cooperation suspended does.
func TestCallsReceivedAndCoordination(t *testing.T) {
	runCases(t, []extractCase{
		{"a call received from", "Saudi Arabia's crown prince received a phone call from the Turkish president.", []string{"Saudi Arabia ENGAGES Turkey"}},
		{"a letter received from", "Qatar's emir received a letter from the Egyptian president.", []string{"Qatar ENGAGES Egypt"}},
		{"not received", "Qatar did not receive a letter from Egypt.", nil},
		{"a shipment is no contact", "Qatar received a shipment from Egypt.", nil},
		{"coordination suspended", "The Palestinian Authority suspended security coordination with Israel.", []string{"Palestinian Authority REJECTS Israel"}},
		{"dialogue ended", "Egypt ended its dialogue with Ethiopia.", []string{"Egypt REJECTS Ethiopia"}},
	})
}
