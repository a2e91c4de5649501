//go:build !(linux || darwin || freebsd)

package graph

import "errors"

// freeBytes cannot tell free space here: the guard lets every write pass.
func freeBytes(string) (int64, error) {
	return 0, errors.New("graph: free disk space is not known on this system")
}
