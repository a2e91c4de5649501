package extract

import "testing"

// TestOffersOnTerms checks that an offer whose condition is an act or
// case of its parties is still an offer (CAMEO 03 with conditions), while
// a condition on anyone else, an "unless", another's forecast or a
// possessive's act leaves it hypothetical, in sentences written for this
// test.
func TestOffersOnTerms(t *testing.T) {
	runCases(t, []extractCase{
		{"meet if the object acts", "Chadian rebels said they would meet Sudan if the Sudanese government freed their leaders.", []string{"Chadian rebels OFFERS Sudan"}},
		{"pronoun of the object", "Peru said on Monday it would resume talks with Bolivia if it withdrew its claim.", []string{"Peru OFFERS Bolivia"}},
		{"willing to help if attacked", "Denmark is willing to send equipment to help defend Estonia if it is attacked.", []string{"Denmark OFFERS Estonia"}},
		{"ready to send if asked", "Ghana is ready to send troops to Liberia if Monrovia asks for them.", []string{"Ghana OFFERS Liberia"}},
		{"a hyphened modifier is no antecedent", "NATO-member Denmark is willing to send equipment to help defend Estonia if it is attacked.", []string{"Denmark OFFERS Estonia"}},
		{"provided that", "Peru said it would meet Bolivia provided that it withdrew its claim.", []string{"Peru OFFERS Bolivia"}},
		{"provided that, another's act", "Kenya said it would send aid to Somalia provided that parliament agrees.", nil},
		{"a third party's act", "Kenya said it would provide aid to Somalia if parliament approves.", nil},
		{"a possessive's act", "Kenya will send troops to Somalia if its parliament approves.", nil},
		{"unless", "Kenya will send troops to Somalia unless Somalia objects.", nil},
		{"another's forecast", "Ghana said that Togo would hold talks with Benin if Benin withdrew.", nil},
		{"a conditional meeting is not planned", "Brazil will meet with Argentina if Argentina returns the ships.", []string{"Brazil OFFERS Argentina"}},
	})
}
