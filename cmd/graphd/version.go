package main

import (
	"context"
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
)

func cmdVersion(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "version", "version", `
Prints graphd's module version, the version control revision it was built
from (with its time, and "modified" when the tree had uncommitted changes),
and the Go release that built it. "graphd --version" prints the same.`)
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := noArgs(fs); err != nil {
		return err
	}
	bi, _ := debug.ReadBuildInfo() // nil without module support
	writeVersion(e.stdout, bi)
	return nil
}

// writeVersion prints what bi says of the build; bi is nil for a binary
// built without module support.
func writeVersion(w io.Writer, bi *debug.BuildInfo) {
	version, path := "(unknown)", "github.com/stancegraph/stancegraph"
	settings := map[string]string{}
	if bi != nil {
		if bi.Main.Version != "" {
			version = bi.Main.Version
		}
		if bi.Main.Path != "" {
			path = bi.Main.Path
		}
		for _, s := range bi.Settings {
			settings[s.Key] = s.Value
		}
	}
	fmt.Fprintf(w, "graphd %s (module %s)\n", version, path)
	switch rev := settings["vcs.revision"]; {
	case rev == "":
		fmt.Fprintln(w, "revision unknown: built without version control information (go build outside a git checkout, or -buildvcs=false)")
	default:
		line := "revision " + rev
		if t := settings["vcs.time"]; t != "" {
			line += " (" + t + ")"
		}
		if settings["vcs.modified"] == "true" {
			line += ", modified"
		}
		fmt.Fprintln(w, line)
	}
	fmt.Fprintf(w, "built with %s for %s/%s\n", runtime.Version(), runtime.GOOS, runtime.GOARCH)
}
