package resolvers

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/stancegraph/stancegraph/graph"
	"github.com/stancegraph/stancegraph/stance"
)

func TestTranslate(t *testing.T) {
	tests := []struct {
		err      error
		code     string
		message  string
		sentinel error
	}{
		{fmt.Errorf("%w: no actor named %q", graph.ErrNotFound, "Atlantis"), CodeNotFound, `not found: no actor named "Atlantis"`, graph.ErrNotFound},
		{fmt.Errorf("%w: %q", graph.ErrInvalidID, "x"), CodeBadUserInput, `invalid id: "x"`, graph.ErrInvalidID},
		{fmt.Errorf("%w: %q", graph.ErrInvalidDate, "2018-13-01"), CodeBadUserInput, `invalid date: "2018-13-01"`, graph.ErrInvalidDate},
		{fmt.Errorf("%w: LOVES", graph.ErrInvalidType), CodeBadUserInput, "invalid stance type: LOVES", graph.ErrInvalidType},
		{fmt.Errorf("evidence 1: %w", graph.ErrQuoteNotFound), CodeBadUserInput, "evidence 1: quote not found in document", graph.ErrQuoteNotFound},
		{graph.ErrInvalidCursor, CodeBadUserInput, "invalid cursor", graph.ErrInvalidCursor},
		{graph.ErrInvalidInput, CodeBadUserInput, "invalid input", graph.ErrInvalidInput},
		{graph.ErrReadOnly, CodeForbidden, "store is read-only", graph.ErrReadOnly},
		{fmt.Errorf("%w: /data has 0 bytes free", graph.ErrDiskFull), CodeDiskFull, "not enough free disk space: /data has 0 bytes free", graph.ErrDiskFull},
		{graph.ErrClosed, CodeUnavailable, "store is closed", graph.ErrClosed},
		{fmt.Errorf("%w: 127.0.0.1:9080: connection refused", stance.ErrUnavailable), CodeUnavailable, "store unavailable: 127.0.0.1:9080: connection refused", stance.ErrUnavailable},
		{context.DeadlineExceeded, CodeTimeout, "context deadline exceeded", context.DeadlineExceeded},
		{errors.New("disk full"), CodeInternal, "disk full", nil},
		{&Error{Code: CodeNotFound, Message: "kept"}, CodeNotFound, "kept", nil},
	}
	for _, tt := range tests {
		t.Run(tt.message, func(t *testing.T) {
			got := Translate(tt.err)
			if got.Code != tt.code || got.Message != tt.message {
				t.Errorf("Translate(%v) = %s %q, want %s %q", tt.err, got.Code, got.Message, tt.code, tt.message)
			}
			if got.Extensions()["code"] != tt.code {
				t.Errorf("extensions %v", got.Extensions())
			}
			// Only an unreachable store marks the error as worth retrying.
			if retry := got.Extensions()[ExtensionRetry] == true; retry != (tt.sentinel == stance.ErrUnavailable) {
				t.Errorf("extensions %v: retry %v", got.Extensions(), retry)
			}
			if tt.sentinel != nil && !errors.Is(got, tt.sentinel) {
				t.Errorf("errors.Is(%v, %v) is false", got, tt.sentinel)
			}
		})
	}
	if Translate(nil) != nil {
		t.Error("Translate(nil) is not nil")
	}
}

func TestLooksLikeUUID(t *testing.T) {
	tests := map[string]bool{
		"160d5a73-6313-5a30-a3a6-60656612271a": true,
		"160D5A73-6313-5A30-A3A6-60656612271A": true,
		"160d5a73-6313-5a30-a3a6-60656612271":  false,
		"160d5a73x6313-5a30-a3a6-60656612271a": false,
		"160d5a73-6313-5a30-a3a6-60656612271g": false,
		"United States":                        false,
		"":                                     false,
	}
	for s, want := range tests {
		if got := looksLikeUUID(s); got != want {
			t.Errorf("looksLikeUUID(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestNewPanicsWithoutStore(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("New without a store did not panic")
		}
	}()
	New(Config{})
}
