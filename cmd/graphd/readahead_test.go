package main

import (
	"flag"
	"io"
	"testing"
)

// TestReadaheadFlag: --readahead reaches the store's options, and the
// default leaves the store to mark its tables for random access.
func TestReadaheadFlag(t *testing.T) {
	tests := []struct {
		args []string
		want bool
	}{
		{nil, false},
		{[]string{"--readahead"}, true},
		{[]string{"--readahead=false"}, false},
	}
	for _, tt := range tests {
		fs := flag.NewFlagSet("serve", flag.ContinueOnError)
		fs.SetOutput(io.Discard)
		var s storeFlags
		s.register(fs)
		if err := fs.Parse(tt.args); err != nil {
			t.Fatalf("%v: %v", tt.args, err)
		}
		o, err := s.options(nil)
		if err != nil {
			t.Fatalf("%v: %v", tt.args, err)
		}
		if o.Readahead != tt.want {
			t.Errorf("%v: Readahead %v, want %v", tt.args, o.Readahead, tt.want)
		}
	}
}
