package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// Badger memory-maps its tables and logs. On a machine with free memory the
// kernel leaves every page it has touched resident, so VmHWM grows with the
// store even though those pages are clean page cache it could drop at any
// time. The question a deployer asks is whether graphd runs within a memory
// budget; -memcg answers it by running the benchmark inside a memory cgroup
// with that limit, as a container would. The kernel then reclaims mapped
// pages instead of the process growing, and the cgroup's own peak and
// out-of-memory count are reported beside VmHWM.

// memcg is a memory cgroup the process has moved itself into.
type memcg struct {
	dir    string // the cgroup's directory
	parent string // where the process came from
	v2     bool
}

// cgroupRoot is where cgroup file systems are mounted.
const cgroupRoot = "/sys/fs/cgroup"

// enterMemcg creates a cgroup limited to limit bytes and moves the process
// into it. It needs permission to create cgroups (root, or a delegated
// subtree) and says so when it lacks it.
func enterMemcg(limit int64) (*memcg, error) {
	name := fmt.Sprintf("stancegraph-bench-%d", os.Getpid())
	v1 := filepath.Join(cgroupRoot, "memory")
	var m *memcg
	if st, err := os.Stat(v1); err == nil && st.IsDir() {
		m = &memcg{dir: filepath.Join(v1, name), parent: v1}
	} else if _, err := os.Stat(filepath.Join(cgroupRoot, "cgroup.controllers")); err == nil {
		m = &memcg{dir: filepath.Join(cgroupRoot, name), parent: cgroupRoot, v2: true}
	} else {
		return nil, errors.New("-memcg: no cgroup memory controller under " + cgroupRoot)
	}
	if err := os.Mkdir(m.dir, 0o755); err != nil {
		return nil, fmt.Errorf("-memcg: create a memory cgroup (needs root): %w", err)
	}
	limitFile := "memory.limit_in_bytes"
	if m.v2 {
		limitFile = "memory.max"
	}
	if err := m.write(limitFile, strconv.FormatInt(limit, 10)); err != nil {
		os.Remove(m.dir)
		return nil, err
	}
	if !m.v2 {
		// Without swap limits a v1 cgroup may push anonymous pages to
		// swap; keep the figure about memory.
		m.write("memory.swappiness", "0")
	}
	if err := m.write("cgroup.procs", strconv.Itoa(os.Getpid())); err != nil {
		os.Remove(m.dir)
		return nil, err
	}
	return m, nil
}

func (m *memcg) write(file, value string) error {
	if err := os.WriteFile(filepath.Join(m.dir, file), []byte(value), 0o644); err != nil {
		return fmt.Errorf("-memcg: write %s: %w", file, err)
	}
	return nil
}

func (m *memcg) read(file string) string {
	b, err := os.ReadFile(filepath.Join(m.dir, file))
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(b))
}

// peak returns the cgroup's highest charged memory (anonymous memory and
// page cache together), or -1 when the kernel does not report it.
func (m *memcg) peak() int64 {
	file := "memory.max_usage_in_bytes"
	if m.v2 {
		file = "memory.peak"
	}
	n, err := strconv.ParseInt(m.read(file), 10, 64)
	if err != nil {
		return -1
	}
	return n
}

// ooms returns how many times the cgroup hit its limit with nothing left
// to reclaim (v1: failcnt counts every reclaim at the limit, so the OOM
// killer's count is taken from memory.oom_control).
func (m *memcg) ooms() int64 {
	file, key := "memory.oom_control", "oom_kill"
	if m.v2 {
		file = "memory.events"
	}
	for _, line := range strings.Split(m.read(file), "\n") {
		f := strings.Fields(line)
		if len(f) == 2 && f[0] == key {
			n, _ := strconv.ParseInt(f[1], 10, 64)
			return n
		}
	}
	return 0
}

// leave moves the process back to its parent cgroup and removes m.
func (m *memcg) leave() {
	os.WriteFile(filepath.Join(m.parent, "cgroup.procs"), []byte(strconv.Itoa(os.Getpid())), 0o644)
	os.Remove(m.dir)
}
