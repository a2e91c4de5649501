package extract

// Words in quotation marks. A cue or its infinitive quoted ("was
// 'rejected' by X", warned X "not to ...") is still the cue: news copy
// quotes the word an actor used, and the quote marks are no boundary of
// the clause.

// scareQuote reports a quotation mark that may enclose a single word.
func scareQuote(w string) bool {
	return isQuoteTok(w) || w == "'" || w == "\u2018" || w == "\u2019" || w == "``" || w == "''"
}
