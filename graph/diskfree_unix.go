//go:build linux || darwin || freebsd

package graph

import "syscall"

// freeBytes returns the bytes of dir's filesystem available to an
// unprivileged writer (root's reserved blocks excluded: Badger must not
// count on them).
func freeBytes(dir string) (int64, error) {
	var st syscall.Statfs_t
	if err := syscall.Statfs(dir, &st); err != nil {
		return 0, err
	}
	return int64(uint64(st.Bavail) * uint64(st.Bsize)), nil
}
