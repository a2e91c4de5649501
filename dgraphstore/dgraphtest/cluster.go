// Package dgraphtest starts a throwaway Dgraph for tests: one zero and one
// alpha on loopback, in a temporary directory, with telemetry off and
// ports moved by an offset so that it does not meet another Dgraph on the
// machine. Tests call Require, which skips without a binary unless
// STANCEGRAPH_DGRAPH=require (as `make test-dgraph` sets) makes that a
// failure, and always under STANCEGRAPH_DGRAPH=skip (as `make test` sets).
package dgraphtest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/dgraph-io/dgo/v250"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

// Dgraph's base ports; -o adds the offset to each.
const (
	zeroGRPC      = 5080
	zeroHTTP      = 6080
	alphaInternal = 7080
	alphaHTTP     = 8080
	alphaGRPC     = 9080
)

// Common flags: listen on loopback only, send nothing home.
var common = []string{"--bindall=false", "--telemetry", "reports=false; sentry=false;"}

// Cluster is a running zero and one or more alphas in one group.
type Cluster struct {
	// Addr is the first alpha's gRPC address, host:port, what dgo and
	// dgraphstore.Open take.
	Addr string
	// HTTP is the first alpha's HTTP address (/health, /alter, /query).
	HTTP string
	// Alphas are every alpha's gRPC addresses, Addr first: replicas of
	// one group, each answering for all of the data.
	Alphas   []string
	zeroHTTP string
	bin      string
	dir      string
	zero     *proc
	alphas   []*alpha
}

// alpha is one alpha: its process and what restarts it in place.
type alpha struct {
	name, addr string
	args       []string
	p          *proc
}

// proc is a started process; done closes when it exits.
type proc struct {
	cmd  *exec.Cmd
	done chan struct{}
}

func (p *proc) exited() bool {
	select {
	case <-p.done:
		return true
	default:
		return false
	}
}

// Binary returns the dgraph binary to run: $DGRAPH_BIN, else bin/dgraph of
// the repository holding the working directory (where scripts/dgraph.sh
// builds it).
func Binary() (string, error) {
	if b := os.Getenv("DGRAPH_BIN"); b != "" {
		if _, err := os.Stat(b); err != nil {
			return "", fmt.Errorf("dgraphtest: DGRAPH_BIN=%s: %w", b, err)
		}
		return b, nil
	}
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		b := filepath.Join(dir, "bin", "dgraph")
		if _, err := os.Stat(filepath.Join(dir, "scripts", "dgraph.sh")); err == nil {
			if _, err := os.Stat(b); err != nil {
				return "", fmt.Errorf("dgraphtest: %s is absent: build it with scripts/dgraph.sh (or make test-dgraph)", b)
			}
			return b, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("dgraphtest: no bin/dgraph: set DGRAPH_BIN or run inside the stancegraph repository")
		}
		dir = parent
	}
}

// Require starts a cluster of one alpha for t and stops it when t ends.
// Without a binary it skips t, or fails it when STANCEGRAPH_DGRAPH=require.
func Require(t testing.TB) *Cluster { t.Helper(); return RequireGroup(t, 1) }

// RequireGroup is Require with n alphas replicating one group: for tests
// that write through one alpha and read through another.
func RequireGroup(t testing.TB, n int) *Cluster {
	t.Helper()
	bin := Available(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	c, err := StartGroup(ctx, bin, t.TempDir(), n)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := c.Stop(); err != nil {
			t.Error(err)
		}
	})
	return c
}

// Available returns the dgraph binary, or skips t when there is none
// (fails it when STANCEGRAPH_DGRAPH=require) or when
// STANCEGRAPH_DGRAPH=skip (as `make test` sets: it tests the embedded
// store, and `make test-dgraph` the cluster): for tests that share one
// cluster among themselves and start it with Start.
func Available(t testing.TB) string {
	t.Helper()
	if os.Getenv("STANCEGRAPH_DGRAPH") == "skip" {
		t.Skip("skipping the Dgraph tests: STANCEGRAPH_DGRAPH=skip (make test-dgraph runs them)")
	}
	bin, err := Binary()
	if err != nil {
		if os.Getenv("STANCEGRAPH_DGRAPH") == "require" {
			t.Fatalf("%v (STANCEGRAPH_DGRAPH=require)", err)
		}
		t.Skipf("skipping the Dgraph tests: %v", err)
	}
	return bin
}

// Start runs a zero and an alpha of bin with their data under dir, and
// returns once the alpha accepts a schema change.
func Start(ctx context.Context, bin, dir string) (*Cluster, error) {
	return StartGroup(ctx, bin, dir, 1)
}

// StartGroup runs a zero and n alphas that all join group 1, alpha i with
// the port offset of the zero plus i, and returns once each accepts a
// schema change. Zero refuses an even --replicas ("must be odd for
// consensus"), so it gets n rounded up to odd, which never makes it open
// a second group, and each alpha asks for group 1 (--raft group=1).
func StartGroup(ctx context.Context, bin, dir string, n int) (*Cluster, error) {
	if n < 1 {
		return nil, fmt.Errorf("dgraphtest: %d alphas: want at least one", n)
	}
	off, err := freeOffset(n)
	if err != nil {
		return nil, err
	}
	c := &Cluster{bin: bin, dir: dir, Addr: hostPort(alphaGRPC + off), HTTP: hostPort(alphaHTTP + off), zeroHTTP: hostPort(zeroHTTP + off)}
	c.zero, err = run(bin, dir, "zero", append([]string{"zero", "-o", strconv.Itoa(off),
		"--my", hostPort(zeroGRPC + off), "--wal", filepath.Join(dir, "zw"), "--replicas", strconv.Itoa(n | 1)}, common...))
	if err != nil {
		return nil, err
	}
	for i := range n {
		a := c.newAlpha(i, off)
		c.alphas = append(c.alphas, a)
		c.Alphas = append(c.Alphas, a.addr)
		// One at a time: the first forms the group, the others join it.
		if err := c.startAlpha(ctx, a); err != nil {
			c.Stop()
			return nil, err
		}
	}
	return c, nil
}

// newAlpha describes alpha i: its own ports and directories, group 1.
func (c *Cluster) newAlpha(i, off int) *alpha {
	name := "alpha"
	if i > 0 {
		name = fmt.Sprintf("alpha%d", i+1)
	}
	o := off + i
	d := func(sub string) string { return filepath.Join(c.dir, name+"-"+sub) }
	args := append([]string{"alpha", "-o", strconv.Itoa(o),
		"--my", hostPort(alphaInternal + o), "--zero", hostPort(zeroGRPC + off),
		"-p", d("p"), "-w", d("w"), "--tmp", d("t"), "--raft", "group=1",
		"--security", "whitelist=127.0.0.1", "--cache", "size-mb=256"}, common...)
	return &alpha{name: name, addr: hostPort(alphaGRPC + o), args: args}
}

// startAlpha runs a and waits until it accepts a schema change.
func (c *Cluster) startAlpha(ctx context.Context, a *alpha) error {
	p, err := run(c.bin, c.dir, a.name, a.args)
	if err != nil {
		return err
	}
	a.p = p
	return c.waitReady(ctx, a)
}

// KillAlpha kills alpha i (0 is Addr's) with SIGKILL, as a crash would,
// and waits until it has exited. Its data stays for RestartAlpha.
func (c *Cluster) KillAlpha(i int) error {
	p := c.alphas[i].p
	if err := p.cmd.Process.Kill(); err != nil && !errors.Is(err, os.ErrProcessDone) {
		return fmt.Errorf("dgraphtest: killing %s (pid %d): %w", c.alphas[i].name, p.cmd.Process.Pid, err)
	}
	<-p.done
	return nil
}

// RestartAlpha starts alpha i again, after KillAlpha, on the same ports
// and directories, and returns once it accepts a schema change.
func (c *Cluster) RestartAlpha(ctx context.Context, i int) error {
	a := c.alphas[i]
	if !a.p.exited() {
		return fmt.Errorf("dgraphtest: %s is still running", a.name)
	}
	return c.startAlpha(ctx, a)
}

func hostPort(p int) string { return net.JoinHostPort("127.0.0.1", strconv.Itoa(p)) }

// run starts one Dgraph process, its output appended to dir/name.log.
func run(bin, dir, name string, args []string) (*proc, error) {
	log, err := os.OpenFile(filepath.Join(dir, name+".log"), os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(bin, args...)
	cmd.Dir, cmd.Stdout, cmd.Stderr = dir, log, log
	cmd.SysProcAttr = dieWithParent()
	if err := cmd.Start(); err != nil {
		log.Close()
		return nil, fmt.Errorf("dgraphtest: starting %s: %w", name, err)
	}
	p := &proc{cmd: cmd, done: make(chan struct{})}
	go func() { cmd.Wait(); log.Close(); close(p.done) }()
	return p, nil
}

// freeOffset picks a port offset whose five ports are all free, and the
// alpha ports of the offsets after it for alphas beyond the first.
func freeOffset(alphas int) (int, error) {
	for try := 0; try < 50; try++ {
		off := 10000 + (os.Getpid()*7+try*131)%20000
		ports := []int{zeroGRPC + off, zeroHTTP + off}
		for i := range alphas {
			ports = append(ports, alphaInternal+off+i, alphaHTTP+off+i, alphaGRPC+off+i)
		}
		if allFree(ports) {
			return off, nil
		}
	}
	return 0, errors.New("dgraphtest: no free port offset for Dgraph")
}

func allFree(ports []int) bool {
	for _, p := range ports {
		l, err := net.Listen("tcp", hostPort(p))
		if err != nil {
			return false
		}
		l.Close()
	}
	return true
}

// waitReady retries a schema change through a until it succeeds: an
// alpha answers /health several seconds before it accepts one.
func (c *Cluster) waitReady(ctx context.Context, a *alpha) error {
	for {
		err := alter(ctx, a.addr)
		if err == nil {
			return nil
		}
		if a.p.exited() || c.zero.exited() {
			return fmt.Errorf("dgraphtest: Dgraph exited while starting %s; see %s", a.name, c.logTails())
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("dgraphtest: %s at %s not ready: %w (last error %v); %s", a.name, a.addr, ctx.Err(), err, c.logTails())
		case <-time.After(500 * time.Millisecond):
		}
	}
}

// alter connects to addr (dgo pings on connecting) and changes the schema.
func alter(ctx context.Context, addr string) error {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	dg, err := dgo.NewClient(addr, dgo.WithGrpcOption(grpc.WithTransportCredentials(insecure.NewCredentials())))
	if err != nil {
		return err
	}
	defer dg.Close()
	return dg.SetSchema(ctx, "dgraphtest.ready: bool .")
}

// Groups returns, from zero's /state, the internal addresses of each
// group's alphas by group ID: what shows that a cluster's alphas
// replicate one group rather than each serving a shard.
func (c *Cluster) Groups(ctx context.Context) (map[string][]string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "http://"+c.zeroHTTP+"/state", nil)
	if err != nil {
		return nil, err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, fmt.Errorf("dgraphtest: reading zero's state: %w", err)
	}
	defer resp.Body.Close()
	var state struct {
		Groups map[string]struct {
			Members map[string]struct{ Addr string }
		}
	}
	if err := json.NewDecoder(resp.Body).Decode(&state); err != nil {
		return nil, fmt.Errorf("dgraphtest: decoding zero's state: %w", err)
	}
	out := map[string][]string{}
	for id, g := range state.Groups {
		for _, m := range g.Members {
			out[id] = append(out[id], m.Addr)
		}
		slices.Sort(out[id])
	}
	return out, nil
}

// logTails quotes the end of each process's log.
func (c *Cluster) logTails() string {
	var b strings.Builder
	names := []string{"zero"}
	for _, a := range c.alphas {
		names = append(names, a.name)
	}
	for _, name := range names {
		data, _ := os.ReadFile(filepath.Join(c.dir, name+".log"))
		if len(data) > 2000 {
			data = data[len(data)-2000:]
		}
		fmt.Fprintf(&b, "\n--- %s.log ---\n%s", name, data)
	}
	return b.String()
}

// Stop ends the alphas, then the zero, by PID: SIGTERM, then SIGKILL after
// a few seconds (a zero whose alpha is gone may ignore SIGTERM).
func (c *Cluster) Stop() error {
	var errs []error
	procs := []*proc{}
	for i := len(c.alphas) - 1; i >= 0; i-- {
		procs = append(procs, c.alphas[i].p)
	}
	for _, p := range append(procs, c.zero) {
		if p != nil {
			errs = append(errs, p.stop(5*time.Second))
		}
	}
	return errors.Join(errs...)
}

func (p *proc) stop(grace time.Duration) error {
	if err := p.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		return nil // already gone
	}
	select {
	case <-p.done:
		return nil
	case <-time.After(grace):
	}
	if err := p.cmd.Process.Kill(); err != nil && !errors.Is(err, os.ErrProcessDone) {
		return fmt.Errorf("dgraphtest: killing pid %d: %w", p.cmd.Process.Pid, err)
	}
	<-p.done
	return nil
}
