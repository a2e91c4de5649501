//go:build !linux

package graph

// adviceSupported: outside Linux the store gives no advice on its
// mappings, and reads as any mapped file is read.
const adviceSupported = false

func adviseMappings(string, advicePolicy) (int, error) { return 0, nil }

func cacheMemory() int64 { return 0 }
