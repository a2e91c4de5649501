package extract

import "testing"

// TestAlliesIncluding checks lists that add a class of others and some
// of them, in sentences written for this test.
func TestAlliesIncluding(t *testing.T) {
	runCases(t, []extractCase{
		{"their key allies including", "Kenya, the African Union and their key allies including Ghana and Togo praised Sudan.",
			[]string{"Kenya SUPPORTS Sudan", "African Union SUPPORTS Sudan", "Ghana SUPPORTS Sudan", "Togo SUPPORTS Sudan"}},
		{"other countries such as", "Kenya and other countries such as Uganda condemned Sudan.", []string{"Kenya ACCUSES Sudan", "Uganda ACCUSES Sudan"}},
		{"a class and a place", "Kenya and other countries in Africa condemned Sudan.", []string{"Kenya ACCUSES Sudan"}},
	})
}
