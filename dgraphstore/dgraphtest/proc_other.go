//go:build !linux

package dgraphtest

import "syscall"

// dieWithParent has no portable equivalent outside Linux: there a test
// killed by its timeout may leave Dgraph running.
func dieWithParent() *syscall.SysProcAttr { return nil }
