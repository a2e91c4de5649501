package extract

import "testing"

// TestAllSides checks that a request to "all sides", "all parties" or
// "the warring sides" after a pair was named is made to each of the
// pair, while with no pair named, or to "all political parties", it is
// made to no one, in sentences written for this test.
func TestAllSides(t *testing.T) {
	runCases(t, []extractCase{
		{"all parties", "Ghana and Togo met in Accra on Monday. Kenya called on all parties to agree a ceasefire.",
			[]string{"Ghana ENGAGES Togo", "Kenya DEMANDS Ghana", "Kenya DEMANDS Togo"}},
		{"all sides", "Ghana and Togo met in Accra on Monday. Kenya urged all sides to show restraint.",
			[]string{"Ghana ENGAGES Togo", "Kenya DEMANDS Ghana", "Kenya DEMANDS Togo"}},
		{"all the parties", "Ghana and Togo met in Accra on Monday. Kenya urged all the parties to show restraint.",
			[]string{"Ghana ENGAGES Togo", "Kenya DEMANDS Ghana", "Kenya DEMANDS Togo"}},
		{"the warring sides", "Ethiopia and Eritrea fought a border war. Kenya urged the warring sides to agree a ceasefire.",
			[]string{"Kenya DEMANDS Eritrea", "Kenya DEMANDS Ethiopia"}},
		{"the rival parties", "Ethiopia and Eritrea fought a border war. Kenya called on the rival parties to lay down their arms.",
			[]string{"Kenya DEMANDS Eritrea", "Kenya DEMANDS Ethiopia"}},
		{"no pair named", "Kenya urged all parties to lay down their arms.", nil},
		{"political parties", "Ethiopia and Eritrea fought a border war. Kenya called on all political parties to vote.", nil},
	})
}
