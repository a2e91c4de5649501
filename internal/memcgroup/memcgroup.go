// Package memcgroup finds the memory cgroup a process runs in, from the
// text of /proc/self/cgroup, for cgroup v1 and v2 alike. The store reads
// its limit to size its page-cache advice; the benchmark reads its
// memory.stat.
package memcgroup

import (
	"slices"
	"strings"
)

// Path returns the memory cgroup's path under its hierarchy's mount
// (/sys/fs/cgroup/memory for v1, /sys/fs/cgroup for v2) as procCgroup
// names it: v1's memory controller line first, else v2's unified line.
// ok is false when neither names a cgroup below the root.
func Path(procCgroup string) (path string, v2, ok bool) {
	for _, l := range strings.Split(strings.TrimSpace(procCgroup), "\n") {
		f := strings.SplitN(l, ":", 3)
		if len(f) != 3 || f[2] == "/" {
			continue
		}
		if slices.Contains(strings.Split(f[1], ","), "memory") {
			return f[2], false, true
		}
		if f[0] == "0" && f[1] == "" {
			path, v2, ok = f[2], true, true
		}
	}
	return path, v2, ok
}
