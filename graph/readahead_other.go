//go:build !linux

package graph

// adviceSupported: outside Linux the store gives no advice on its
// mappings, and reads as any mapped file is read.
const adviceSupported = false

func tableMappingsOf(string) ([]mapping, error) { return nil, nil }

func madvise(mapping, access) error { return nil }

func cacheMemory() int64 { return 0 }
