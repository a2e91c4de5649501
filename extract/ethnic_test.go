package extract

import (
	"testing"

	"github.com/stancegraph/stancegraph/graph"
)

// TestEthnicGroups checks peoples and faiths as actors of the text, in
// sentences written for this test: a demonym before a group's name or
// another state's plural demonym is that country's group, a group's name
// before an agent or group noun is the group, of its home country where
// it has one, and its plural alone names it.
func TestEthnicGroups(t *testing.T) {
	d := graph.NewDate(2005, 1, 1)
	runCodedCases(t, []codedCase{
		{"demonym and group", d, "Syrian Kurds urged Jordan to open its border.", "Syrian Kurds/SYR DEMANDS Jordan/JOR"},
		{"demonym and another state's plural demonym", d, "Bosnian Croats praised Austria.", "Bosnian Croats/BIH SUPPORTS Austria/AUT"},
		{"group and agent noun, home country", d, "Yoruba politicians criticised Ghana.", "Yoruba/NGA ACCUSES Ghana/GHA"},
		{"group, modifier and group noun", d, "Hazara tribal elders praised Pakistan.", "Hazaras/AFG SUPPORTS Pakistan/PAK"},
		{"group of several countries", d, "Tamil leaders criticised India.", "Tamils/ ACCUSES India/IND"},
		{"plural alone", d, "Kenya praised the Kikuyus.", "Kenya/KEN SUPPORTS Kikuyu/KEN"},
		{"adjective alone names no one", d, "Kurdish oil pleased Jordan.", ""},
		{"a demonym before no group is no group", d, "Iraqi Olympians praised Jordan.", ""},
	})
}
