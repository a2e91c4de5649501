package extract

import "testing"

// TestAgreeWith checks "agreed with X" in sentences written for this
// test: agreeing with an actor that a thing is so endorses its view;
// agreeing with it to act or on a deal is intent to cooperate.
func TestAgreeWith(t *testing.T) {
	runCases(t, []extractCase{
		{"with X that", "Indonesia agreed with Malaysia that the vote should wait.", []string{"Indonesia SUPPORTS Malaysia"}},
		{"with X to", "Iran agreed with Russia to build a plant.", []string{"Iran OFFERS Russia"}},
		{"with X on, a that later", "Iran agreed with Russia on a plan that would help.", []string{"Iran OFFERS Russia"}},
		{"with X to, a that later", "Iran agreed with Russia to build a plant that would help.", []string{"Iran OFFERS Russia"}},
	})
}
