package extract

// A list may name its first members, then a class of others and some of
// them: "the United States, the European Union and their key allies
// including Australia and Japan expressed support" is all four.

// includedClassNouns name the others such a list adds.
var includedClassNouns = set("allies", "partners", "countries", "nations", "states", "members", "governments", "powers")

// includedClassWords may stand before that noun.
var includedClassWords = set("their", "its", "other", "key", "close", "major", "western", "regional", "european", "arab",
	"african", "asian", "gulf", "main", "closest")

// alliesIncluding reports whether the words [from, to) between two
// mentions are "and", a class of others and "including" or "such as".
func (d *doc) alliesIncluding(from, to int) bool {
	if to-from < 3 || d.low[from] != "and" {
		return false
	}
	j := from + 1
	for j < to && includedClassWords[d.low[j]] {
		j++
	}
	if j >= to || !includedClassNouns[d.low[j]] {
		return false
	}
	j++
	if j < to && d.low[j] == "," {
		j++
	}
	switch {
	case j+1 == to && d.low[j] == "including":
		return true
	case j+2 == to && d.low[j] == "such" && d.low[j+1] == "as":
		return true
	}
	return false
}
