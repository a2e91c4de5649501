package extract

import "testing"

// TestCalmAmidTensions checks calls for restraint amid a conflict, in
// sentences written for this test: restraint is asked of each side.
func TestCalmAmidTensions(t *testing.T) {
	runCases(t, []extractCase{
		{"hyphened sides", "The AU called for maximum restraint amid Kenya-Uganda tensions.", []string{"African Union DEMANDS Kenya", "African Union DEMANDS Uganda"}},
		{"tensions between", "The EU called for calm amid growing tensions between Chile and Peru.", []string{"European Union DEMANDS Chile", "European Union DEMANDS Peru"}},
		{"no sides", "Kenya called for restraint amid protests.", nil},
		{"restraint, hyphened sides", "The UN called for restraint amid India-Pakistan tensions.", []string{"United Nations DEMANDS India", "United Nations DEMANDS Pakistan"}},
		{"urged calm", "The AU urged calm amid tensions between Kenya and Uganda.", []string{"African Union DEMANDS Kenya", "African Union DEMANDS Uganda"}},
		{"one side", "Kenya called for calm amid Ugandan protests.", nil},
	})
}
