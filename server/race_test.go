//go:build race

package server

// raceDetector is true in a -race build, whose sync.Pool drops values at
// random, so that allocation counts are not what a server pays.
const raceDetector = true
