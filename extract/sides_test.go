package extract

import "testing"

// TestWarringSidesRefs checks that a request to "the warring sides" or "the
// rival parties" after a pair was named is made to each of the pair,
// while "all parties", with or without a pair named, is made to no one,
// in sentences written for this test.
func TestWarringSidesRefs(t *testing.T) {
	runCases(t, []extractCase{
		{"the warring sides", "Ethiopia and Eritrea fought a border war. Kenya urged the warring sides to agree a ceasefire.",
			[]string{"Kenya DEMANDS Eritrea", "Kenya DEMANDS Ethiopia"}},
		{"the rival parties", "Ethiopia and Eritrea fought a border war. Kenya called on the rival parties to lay down their arms.",
			[]string{"Kenya DEMANDS Eritrea", "Kenya DEMANDS Ethiopia"}},
		{"all parties", "Ghana and Togo met in Accra on Monday. Kenya called on all parties to agree a ceasefire.",
			[]string{"Ghana ENGAGES Togo"}},
		{"no pair named", "Kenya urged all parties to lay down their arms.", nil},
	})
}
