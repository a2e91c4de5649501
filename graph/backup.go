package graph

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/dgraph-io/badger/v4"
	"github.com/dgraph-io/badger/v4/pb"
	"google.golang.org/protobuf/proto"
)

// backupMagic starts every backup; the number is the backup format version.
//
// Version 2: this line, then frames, each a uvarint length and that many
// bytes of Badger's backup stream (protobuf KV lists of every live key at
// the moment the backup started); then a frame of length 0 followed by the
// SHA-256 of all frame bytes. The end frame lets Restore tell a complete
// backup from a truncated one.
const backupMagic = "stancegraph-backup 2\n"

// bitDelete marks a deletion in Badger's backup stream (its value.go).
const bitDelete = 1 << 0

// frameSize is the largest frame written.
const frameSize = 1 << 20

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
	fw := &frameWriter{w: w, sum: sha256.New()}
	s.gate.RLock()
	_, err := s.db.Backup(fw, 0)
	s.gate.RUnlock()
	if err != nil {
		return fmt.Errorf("graph: backup: %w", err)
	}
	if err := fw.close(); err != nil {
		return fmt.Errorf("graph: backup: %w", err)
	}
	return nil
}

type frameWriter struct {
	w   io.Writer
	sum interface {
		io.Writer
		Sum([]byte) []byte
	}
	hdr []byte
}

func (f *frameWriter) Write(p []byte) (int, error) {
	n := 0
	for len(p) > 0 {
		chunk := p[:min(len(p), frameSize)]
		f.hdr = binary.AppendUvarint(f.hdr[:0], uint64(len(chunk)))
		if _, err := f.w.Write(f.hdr); err != nil {
			return n, err
		}
		if _, err := f.w.Write(chunk); err != nil {
			return n, err
		}
		f.sum.Write(chunk)
		n += len(chunk)
		p = p[len(chunk):]
	}
	return n, nil
}

func (f *frameWriter) close() error {
	if _, err := f.w.Write([]byte{0}); err != nil {
		return err
	}
	_, err := f.w.Write(f.sum.Sum(nil))
	return err
}

// errTruncated reports a backup that ends before its end frame.
var errTruncated = errors.New("the backup is truncated or damaged: it ends before its end marker")

// frameReader yields the payload of a framed backup and checks its end.
type frameReader struct {
	r    *bufio.Reader
	left uint64
	sum  interface {
		io.Writer
		Sum([]byte) []byte
	}
	done bool
}

func (f *frameReader) Read(p []byte) (int, error) {
	if f.done {
		return 0, io.EOF
	}
	if f.left == 0 {
		n, err := binary.ReadUvarint(f.r)
		if err != nil {
			return 0, errTruncated
		}
		if n == 0 {
			want := make([]byte, sha256.Size)
			if _, err := io.ReadFull(f.r, want); err != nil {
				return 0, errTruncated
			}
			if !bytes.Equal(want, f.sum.Sum(nil)) {
				return 0, errors.New("the backup is damaged: its checksum does not match its content")
			}
			f.done = true
			return 0, io.EOF
		}
		if n > frameSize {
			return 0, errors.New("the backup is damaged: a frame is larger than any backup writes")
		}
		f.left = n
	}
	p = p[:min(uint64(len(p)), f.left)]
	n, err := f.r.Read(p)
	f.sum.Write(p[:n])
	f.left -= uint64(n)
	if err == io.EOF {
		return n, errTruncated
	}
	return n, err
}

// recordReader yields whole records of Badger's backup stream (an 8-byte
// little-endian size, then that many bytes) and ends the stream early,
// remembering why, when the backup is truncated or damaged, so that no
// partial record is ever applied.
type recordReader struct {
	fr  *frameReader
	buf []byte
	err error
}

func (r *recordReader) Read(p []byte) (int, error) {
	if len(r.buf) == 0 {
		if r.err != nil {
			return 0, io.EOF
		}
		var hdr [8]byte
		if _, err := io.ReadFull(r.fr, hdr[:]); err != nil {
			if err != io.EOF {
				r.err = err
				if err == io.ErrUnexpectedEOF {
					r.err = errTruncated
				}
			}
			return 0, io.EOF
		}
		n := binary.LittleEndian.Uint64(hdr[:])
		if n > 1<<30 {
			r.err = errors.New("the backup is damaged: a record is implausibly large")
			return 0, io.EOF
		}
		rec := make([]byte, 8+n)
		copy(rec, hdr[:])
		if _, err := io.ReadFull(r.fr, rec[8:]); err != nil {
			r.err = errTruncated
			if err != io.EOF && err != io.ErrUnexpectedEOF {
				r.err = err
			}
			return 0, io.EOF
		}
		r.buf = rec
	}
	n := copy(p, r.buf)
	r.buf = r.buf[n:]
	return n, nil
}

// Restore loads a backup written by Backup into this store, which must be
// empty so that a restore never mixes two graphs. A truncated or damaged
// backup is an error; what it loaded before noticing stays, so restore
// into a fresh directory and discard it on error (graphd restore does).
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
	br := bufio.NewReaderSize(r, 1<<20)
	head, err := br.ReadString('\n')
	if err != nil || !strings.HasPrefix(head, "stancegraph-backup ") {
		return fmt.Errorf("%w: not a stancegraph backup", ErrInvalidInput)
	}
	if head != backupMagic {
		return fmt.Errorf("%w: unsupported backup format %q (this graphd reads %q)", ErrInvalidInput, strings.TrimSpace(head), strings.TrimSpace(backupMagic))
	}
	s.wmu.Lock()
	defer s.wmu.Unlock()
	// Identities arrive without passing the filter: drop it.
	s.ident = nil
	// The backup says its layout, and one without says layout 1: the
	// empty store's own record must not stand for it.
	if err := s.db.Update(func(txn *badger.Txn) error { return txn.Delete(layoutKey) }); err != nil {
		return fmt.Errorf("graph: restore: %w", err)
	}
	// Records are written through a WriteBatch rather than Badger's Load,
	// whose error paths leave the database waiting for a commit that never
	// finishes.
	rr := &recordReader{fr: &frameReader{r: br, sum: sha256.New()}}
	wb := s.db.NewWriteBatch()
	defer wb.Cancel()
	var buf bytes.Buffer
	var prev []byte
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		buf.Reset()
		var hdr [8]byte
		if _, err := io.ReadFull(rr, hdr[:]); err != nil {
			break
		}
		n := binary.LittleEndian.Uint64(hdr[:])
		if _, err := io.CopyN(&buf, rr, int64(n)); err != nil {
			break
		}
		var list pb.KVList
		if err := proto.Unmarshal(buf.Bytes(), &list); err != nil {
			return fmt.Errorf("%w: restore: the backup is damaged: %v", ErrInvalidInput, err)
		}
		// A key's versions arrive together, newest first; only the newest
		// counts, and when it is a deletion the key stays absent.
		for _, kv := range list.Kv {
			if bytes.Equal(kv.Key, prev) {
				continue
			}
			prev = append(prev[:0], kv.Key...)
			if len(kv.Meta) > 0 && kv.Meta[0]&bitDelete != 0 {
				continue
			}
			if err := wb.Set(kv.Key, kv.Value); err != nil {
				return fmt.Errorf("graph: restore: %w", err)
			}
		}
	}
	if err := wb.Flush(); err != nil {
		return fmt.Errorf("graph: restore: %w", err)
	}
	if rr.err != nil {
		s.loadActors()
		return fmt.Errorf("%w: restore: %v", ErrInvalidInput, rr.err)
	}
	if err := s.reloadVocabulary(); err != nil {
		return err
	}
	if err := s.settleLayout(nil, nil); err != nil {
		return err
	}
	return s.loadActors()
}
