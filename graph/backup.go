package graph

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strings"
)

// backupMagic starts every backup; the number is the backup format version.
// Version 1: this line, then Badger's backup stream (protobuf KV lists) of
// every live key at the moment the backup started.
const backupMagic = "stancegraph-backup 1\n"

// Backup writes a consistent snapshot of the store to w while it keeps
// serving reads and writes.
func (s *Store) Backup(ctx context.Context, w io.Writer) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if s.isClosed() {
		return ErrClosed
	}
	if _, err := io.WriteString(w, backupMagic); err != nil {
		return fmt.Errorf("graph: backup: %w", err)
	}
	if _, err := s.db.Backup(w, 0); err != nil {
		return fmt.Errorf("graph: backup: %w", err)
	}
	return nil
}

// Restore loads a backup written by Backup into this store, which must be
// empty so that a restore never mixes two graphs.
func (s *Store) Restore(ctx context.Context, r io.Reader) error {
	if s.ro {
		return ErrReadOnly
	}
	empty, err := s.IsEmpty(ctx)
	if err != nil {
		return err
	}
	if !empty {
		return fmt.Errorf("%w: restore needs an empty store", ErrInvalidInput)
	}
	br := bufio.NewReader(r)
	head, err := br.ReadString('\n')
	if err != nil || !strings.HasPrefix(head, "stancegraph-backup ") {
		return fmt.Errorf("%w: not a stancegraph backup", ErrInvalidInput)
	}
	if head != backupMagic {
		return fmt.Errorf("%w: unsupported backup format %q", ErrInvalidInput, strings.TrimSpace(head))
	}
	s.wmu.Lock()
	defer s.wmu.Unlock()
	if err := s.db.Load(br, 256); err != nil {
		return fmt.Errorf("graph: restore: %w", err)
	}
	return s.loadActors()
}
