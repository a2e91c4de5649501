//go:build !race

package schema

// raceDetector is true in a -race build (see race_test.go).
const raceDetector = false
