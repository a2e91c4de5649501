package dgraphtest

import "syscall"

// dieWithParent has Linux kill the process when the test binary dies, so
// that a test killed by its timeout leaves no Dgraph running.
func dieWithParent() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
}
