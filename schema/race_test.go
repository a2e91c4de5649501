//go:build race

package schema

// raceDetector is true in a -race build, whose sync.Pool drops values at
// random, so that allocations are not what a server pays.
const raceDetector = true
