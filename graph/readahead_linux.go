package graph

import (
	"bufio"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"

	"github.com/stancegraph/stancegraph/internal/memcgroup"
)

// adviceSupported: Linux takes madvise advice on file mappings.
const adviceSupported = true

// tableMappingsOf lists the mapped tables of dir, read from
// /proc/self/maps.
func tableMappingsOf(dir string) ([]mapping, error) {
	maps, err := os.ReadFile("/proc/self/maps")
	if err != nil {
		return nil, err
	}
	return tableMappings(string(maps), dir), nil
}

// madvise gives m the advice a asks for.
func madvise(m mapping, a access) error {
	advice := syscall.MADV_NORMAL
	switch a {
	case accessRandom:
		advice = syscall.MADV_RANDOM
	case accessSequential:
		advice = syscall.MADV_SEQUENTIAL
	}
	// The range is a mapping of this process's, read a moment ago;
	// madvise checks it and fails with ENOMEM if it is gone.
	if _, _, errno := syscall.Syscall(syscall.SYS_MADVISE, m.start, m.end-m.start, uintptr(advice)); errno != 0 {
		return errno
	}
	return nil
}

// cacheMemory returns the most memory the page cache can have: the
// machine's, or the process's memory cgroup limit when lower (v1 or v2).
func cacheMemory() int64 {
	total := memTotal()
	if l := cgroupLimit(); l > 0 && (total == 0 || l < total) {
		return l
	}
	return total
}

// memTotal reads MemTotal from /proc/meminfo, in bytes; 0 if unknown.
func memTotal() int64 {
	f, err := os.Open("/proc/meminfo")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "MemTotal:"); ok {
			kb, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			return kb << 10
		}
	}
	return 0
}

// cgroupLimit reads the memory limit of the process's cgroup; 0 when
// there is none or it cannot be read.
func cgroupLimit() int64 {
	b, err := os.ReadFile("/proc/self/cgroup")
	if err != nil {
		return 0
	}
	path, v2, ok := memcgroup.Path(string(b))
	if !ok {
		return 0
	}
	file := filepath.Join("/sys/fs/cgroup/memory", path, "memory.limit_in_bytes")
	if v2 {
		file = filepath.Join("/sys/fs/cgroup", path, "memory.max")
	}
	v, err := os.ReadFile(file)
	if err != nil {
		return 0
	}
	// "max" (v2) and v1's near-2^63 mean no limit.
	if n, err := strconv.ParseInt(strings.TrimSpace(string(v)), 10, 64); err == nil && n > 0 && n < 1<<62 {
		return n
	}
	return 0
}
