// Package events reads coded political event data (GDELT 1.0 and 2.0,
// ICEWS Dataverse files and PLOVER/POLECAT JSON Lines) and turns each
// event into a stance between two actors: actors resolved by CAMEO code
// first, then by name; the event code mapped to a stance type through the
// store's vocabulary; the event's dataset and record ID kept as evidence
// by reference, with its measures (Goldstein score, QuadClass, mentions,
// tone, location) on the stance.
//
// Detect tells the formats apart by content, and names the files graphd
// cannot load (GraphML, CSV, its own JSON export) so that they are refused
// rather than stored as an article. A Reader yields one Event per row;
// Convert builds a stance.Batch from them and a Summary of what it skipped
// and why.
package events
