package main

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// watchStateName is the file, in the store's directory (or, with --url,
// the watched folder), that records what load --watch loaded.
const watchStateName = "watch.jsonl"

// watched is one line of the state file: a file loaded, by path, size and
// content hash, so that a restarted watch loads nothing twice and a new
// file under an old name is still loaded.
type watched struct {
	Path   string    `json:"path"`
	Size   int64     `json:"size"`
	SHA256 string    `json:"sha256"`
	Loaded time.Time `json:"loaded"`
	Format string    `json:"format"`
	// Stances stored from it; Refused says why a file no reader takes was
	// not loaded (it is not tried again unless it changes).
	Stances int    `json:"stances"`
	Refused string `json:"refused,omitempty"`
}

// watcher follows a folder: each poll, a file whose size and modification
// time have not changed since the previous poll is complete (GDELT files
// arrive by download) and is loaded once.
type watcher struct {
	dir      string
	state    string
	fl       *fileLoader
	format   string          // --format: auto or forced
	done     map[string]bool // path + size + hash
	failed   map[string]bool // this run's failed loads, not retried until they change
	seen     map[string]fileStamp
	interval time.Duration
}

type fileStamp struct {
	size int64
	mod  time.Time
}

// skipName tells files that are not data: hidden files and the partial
// files of downloads and editors.
func skipName(name string) bool {
	for _, suffix := range []string{".tmp", ".part", ".partial", ".crdownload", ".download", "~"} {
		if strings.HasSuffix(name, suffix) {
			return true
		}
	}
	return strings.HasPrefix(name, ".")
}

// readWatchState returns the keys of the files a state file records.
func readWatchState(name string) (map[string]bool, error) {
	done := map[string]bool{}
	f, err := os.Open(name)
	if errors.Is(err, os.ErrNotExist) {
		return done, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		var w watched
		if err := json.Unmarshal(sc.Bytes(), &w); err != nil {
			// A line a crash cut short: its file is loaded again,
			// which adds nothing.
			continue
		}
		done[watchKey(w.Path, w.Size, w.SHA256)] = true
	}
	return done, sc.Err()
}

func watchKey(path string, size int64, sum string) string {
	return fmt.Sprintf("%s\x00%d\x00%s", path, size, sum)
}

// record appends w to the state file and syncs it, after the load it
// records: a crash between the two loads the file again on restart,
// which stores nothing new.
func (wa *watcher) record(w watched) error {
	f, err := os.OpenFile(wa.state, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	line, _ := json.Marshal(w)
	if _, err := f.Write(append(line, '\n')); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// run polls until ctx ends.
func (wa *watcher) run(ctx context.Context) error {
	fmt.Fprintf(wa.fl.e.stderr, "watch: following %s every %s; loaded files are recorded in %s\n", wa.dir, wa.interval, wa.state)
	t := time.NewTicker(wa.interval)
	defer t.Stop()
	for {
		if err := wa.poll(ctx); err != nil {
			return err
		}
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
		}
	}
}

// poll loads the complete new files of the folder, in name order (GDELT
// names files by time).
func (wa *watcher) poll(ctx context.Context) error {
	entries, err := os.ReadDir(wa.dir)
	if err != nil {
		return fmt.Errorf("watch: %w", err)
	}
	slices.SortFunc(entries, func(a, b os.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	for _, ent := range entries {
		if ctx.Err() != nil {
			return nil
		}
		if !ent.Type().IsRegular() || skipName(ent.Name()) {
			continue
		}
		path := filepath.Join(wa.dir, ent.Name())
		if !wa.complete(path) {
			continue
		}
		if err := wa.loadOnce(ctx, path); err != nil {
			return err
		}
	}
	return nil
}

// complete reports whether path looks the same as at the previous poll.
func (wa *watcher) complete(path string) bool {
	fi, err := os.Stat(path)
	if err != nil {
		return false
	}
	now := fileStamp{fi.Size(), fi.ModTime()}
	before, ok := wa.seen[path]
	wa.seen[path] = now
	return ok && before == now
}

// loadOnce loads path unless the state records it. A file no reader
// takes is recorded as refused; a failed load is reported and tried again
// only when the file changes or graphd restarts. Only a state file that
// cannot be written stops the watch.
func (wa *watcher) loadOnce(ctx context.Context, path string) error {
	size, sum, err := hashFile(path)
	if err != nil {
		return nil // gone or unreadable since the listing: the next poll sees
	}
	key := watchKey(path, size, sum)
	if wa.done[key] || wa.failed[key] {
		return nil
	}
	w := watched{Path: path, Size: size, SHA256: sum}
	e := wa.fl.e
	kind, err := detectFormat(path, wa.format)
	if err != nil {
		fmt.Fprintf(e.stderr, "watch: %v; not loaded, and not tried again unless it changes\n", err)
		w.Refused = err.Error()
	} else {
		res, err := wa.fl.load(ctx, path, kind)
		if err != nil {
			if ctx.Err() != nil {
				return nil
			}
			fmt.Fprintf(e.stderr, "watch: %v; tried again when the file changes or the watch restarts\n", err)
			wa.failed[key] = true
			return nil
		}
		fmt.Fprintf(e.stderr, "watch: %s: +%d actors, +%d documents, +%d stances\n", path, res.Actors, res.Documents, res.Stances)
		w.Format, w.Stances = kind, res.Stances
	}
	w.Loaded = time.Now().UTC()
	if err := wa.record(w); err != nil {
		return fmt.Errorf("watch: recording %s in %s: %w", path, wa.state, err)
	}
	wa.done[key] = true
	return nil
}

// hashFile returns the size and SHA-256 of a file.
func hashFile(path string) (int64, string, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, "", err
	}
	defer f.Close()
	h := sha256.New()
	n, err := io.Copy(h, f)
	return n, hex.EncodeToString(h.Sum(nil)), err
}

// watchFolder runs load --watch: state defaults to watch.jsonl in the
// store's directory, or with --url (no store here) to a hidden file in
// the folder.
func watchFolder(ctx context.Context, fl *fileLoader, dir, state, format string, interval time.Duration) error {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return err
	}
	if fi, err := os.Stat(abs); err != nil || !fi.IsDir() {
		return fmt.Errorf("--watch %s: not a folder", dir)
	}
	if state == "" {
		state = filepath.Join(abs, ".graphd-"+watchStateName)
		if d := fl.c.StateDir(); d != "" {
			state = filepath.Join(d, watchStateName)
		}
	}
	done, err := readWatchState(state)
	if err != nil {
		return fmt.Errorf("--watch-state %s: %w", state, err)
	}
	wa := &watcher{dir: abs, state: state, fl: fl, format: format, done: done, failed: map[string]bool{}, seen: map[string]fileStamp{}, interval: interval}
	return wa.run(ctx)
}
