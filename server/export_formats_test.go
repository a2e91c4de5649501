package server_test

import (
	"slices"
	"testing"

	"github.com/stancegraph/stancegraph/export"
	"github.com/stancegraph/stancegraph/server"
)

// TestExportFormatsServed: every format the export package writes can be
// asked of /export, so a new format cannot be missing from the server.
func TestExportFormatsServed(t *testing.T) {
	for _, f := range export.Formats() {
		if !slices.Contains(server.ExportFormats(), f) {
			t.Errorf("export writes %q but /export does not serve it (server.ExportFormats: %v)", f, server.ExportFormats())
		}
	}
}
