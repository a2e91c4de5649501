package extract

// The parties of a process are often named through a part of one of them:
// "the government and remnants of the X guerrillas", "A and factions of
// B". The words of such a part, before "of", keep the list whole, so that
// the pair stays the subject "they" later refers to.

// partOfNouns name a part of an actor that stands for it in a list.
var partOfNouns = set("remnants", "factions", "members", "elements", "wings", "units", "fighters")
