package main

import (
	"encoding/binary"
	"fmt"
	"math"

	"github.com/dgraph-io/badger/v4"
	"github.com/dgraph-io/badger/v4/options"

	"github.com/stancegraph/stancegraph/graph"
)

// numMemtables is the store's number of memtables (graph keeps it
// unexported, for its free-space reserve).
const numMemtables = 3

// rawOptions maps graph.Options onto Badger's exactly as the store's
// badgerOptions does, so the raw baseline runs with the store's settings
// and the ratio measures our layer, not a tuning difference.
// TestRawOptionsMatchStore keeps the two in step.

func rawOptions(dir string, o graph.Options) badger.Options {
	bo := badger.DefaultOptions(dir)
	if o.InMemory {
		bo = badger.DefaultOptions("").WithInMemory(true)
	}
	bo = bo.WithSyncWrites(o.SyncWrites).
		WithReadOnly(o.ReadOnly).
		WithMemTableSize(o.MemTableSize).
		WithBlockCacheSize(graph.BlockCacheFor(dir, o)).
		WithValueLogFileSize(o.ValueLogFileSize).
		WithCompression(options.None).
		WithLogger(nil).
		WithMetricsEnabled(false).
		WithDetectConflicts(false).
		WithNumMemtables(numMemtables).
		WithCompactL0OnClose(true)
	return bo
}

// rawBadger writes and reads the store's key layout directly: the ceiling
// our layer can approach. It writes the same records and index entries per
// stance (record, both adjacencies, date, document citation; no identity
// entry, since a one-quote stance's ID derives from its only identity) and
// the same counters, through WriteBatch, with no reads and no validation.
type rawBadger struct {
	db       *badger.DB
	d        *dataset
	counters map[string]int64
}

func openRaw(dir string, d *dataset, o graph.Options) (*rawBadger, error) {
	db, err := badger.Open(rawOptions(dir, o))
	if err != nil {
		return nil, fmt.Errorf("raw badger: open %s: %w", dir, err)
	}
	return &rawBadger{db: db, d: d, counters: map[string]int64{}}, nil
}

func (rb *rawBadger) close() error { return rb.db.Close() }

// load writes one chunk with a WriteBatch.
func (rb *rawBadger) load(ch *chunk) error {
	wb := rb.db.NewWriteBatch()
	defer wb.Cancel()
	if ch.index == 0 {
		for i, a := range rb.d.actors {
			id := rb.d.ids[i][:]
			if err := wb.Set(cat([]byte{'A'}, id), rawActor(&a, id)); err != nil {
				return err
			}
			if err := wb.Set(cat([]byte{'N'}, []byte(graph.NormalizeName(a.Name))), id); err != nil {
				return err
			}
		}
		rb.counters["Cactors"] += int64(len(rb.d.actors))
	}
	for i, doc := range ch.docs {
		if err := wb.Set(cat([]byte{'D'}, ch.docIDs[i][:]), rawDocument(&doc, ch.docIDs[i][:])); err != nil {
			return err
		}
	}
	rb.counters["Cdocuments"] += int64(len(ch.docs))
	for i := range ch.stances {
		rw := &ch.stances[i]
		id, subj, obj := rw.id[:], rb.d.ids[rw.subj][:], rb.d.ids[rw.obj][:]
		doc := ch.docIDs[rw.doc][:]
		typ := stanceTypes[rw.typ]
		v := rawStance(rw, subj, obj, doc)
		date := binary.BigEndian.AppendUint32(nil, uint32(rw.date))
		kvs := [][2][]byte{
			{cat([]byte{'S'}, id), v},
			{cat([]byte{'O'}, subj, []byte(typ), []byte{0}, obj, id), v},
			{cat([]byte{'I'}, obj, []byte(typ), []byte{0}, subj, id), v},
			{cat([]byte{'T'}, date, id), nil},
			{cat([]byte{'d'}, doc, id), nil},
		}
		for _, kv := range kvs {
			if err := wb.Set(kv[0], kv[1]); err != nil {
				return err
			}
		}
		rb.counters[string(cat([]byte{'c'}, subj, []byte{'O'}, []byte(typ), []byte{0}))]++
		rb.counters[string(cat([]byte{'c'}, obj, []byte{'I'}, []byte(typ), []byte{0}))]++
		rb.counters["Cstances"]++
	}
	return wb.Flush()
}

// finish writes the counters accumulated over the load.
func (rb *rawBadger) finish() error {
	wb := rb.db.NewWriteBatch()
	defer wb.Cancel()
	for k, n := range rb.counters {
		if err := wb.Set([]byte(k), binary.BigEndian.AppendUint64(nil, uint64(n))); err != nil {
			return err
		}
	}
	return wb.Flush()
}

// hop1 reads the first 50 outgoing stances of actor a by a key-only prefix
// scan, then the counterparts' names by point reads.
func (rb *rawBadger) hop1(a int32) (int, error) {
	txn := rb.db.NewTransaction(false)
	defer txn.Discard()
	prefix := cat([]byte{'O'}, rb.d.ids[a][:])
	it := txn.NewIterator(badger.IteratorOptions{Prefix: prefix, PrefetchValues: false})
	type entry struct {
		typ         string
		other, stID [16]byte
	}
	var page []entry
	for it.Rewind(); it.Valid() && len(page) < 50; it.Next() {
		k := it.Item().Key()
		var e entry
		copy(e.other[:], k[len(k)-32:len(k)-16])
		copy(e.stID[:], k[len(k)-16:])
		e.typ = string(k[17 : len(k)-33])
		page = append(page, e)
	}
	it.Close()
	n := 0
	for _, e := range page {
		item, err := txn.Get(cat([]byte{'A'}, e.other[:]))
		if err != nil {
			return 0, err
		}
		err = item.Value(func(v []byte) error {
			if len(v) < 18 {
				return fmt.Errorf("raw badger: short actor record")
			}
			l, m := binary.Uvarint(v[17:])
			if m <= 0 || len(v) < 17+m+int(l) {
				return fmt.Errorf("raw badger: bad actor record")
			}
			if string(v[17+m:17+m+int(l)]) != "" {
				n++
			}
			return nil
		})
		if err != nil {
			return 0, err
		}
	}
	return n, nil
}

func cat(parts ...[]byte) []byte {
	n := 0
	for _, p := range parts {
		n += len(p)
	}
	b := make([]byte, 0, n)
	for _, p := range parts {
		b = append(b, p...)
	}
	return b
}

func appendStr(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// The raw records follow the store's binary layout field for field, so
// both sides move the same bytes.

func rawStance(rw *row, subj, obj, doc []byte) []byte {
	b := make([]byte, 0, 128+len(rw.quote))
	b = append(b, 1, 0)
	b = binary.BigEndian.AppendUint32(b, uint32(rw.date))
	b = append(b, rw.id[:]...)
	b = append(b, subj...)
	b = append(b, obj...)
	b = appendStr(b, stanceTypes[rw.typ])
	b = appendStr(b, rw.topic)
	b = binary.BigEndian.AppendUint32(b, uint32(rw.date))
	b = binary.BigEndian.AppendUint64(b, math.Float64bits(rw.confidence))
	b = appendStr(b, "")
	b = binary.AppendUvarint(b, 1)
	b = append(b, doc...)
	b = appendStr(b, rw.quote)
	b = binary.AppendUvarint(b, uint64(rw.start))
	b = binary.AppendUvarint(b, uint64(rw.start+len(rw.quote)))
	return b
}

func rawActor(a *graph.Actor, id []byte) []byte {
	b := append([]byte{1}, id...)
	b = appendStr(b, a.Name)
	b = appendStr(b, string(a.Kind))
	b = binary.AppendUvarint(b, 0)
	b = appendStr(b, a.Country)
	b = appendStr(b, a.Code)
	return appendStr(b, a.Wikidata)
}

func rawDocument(d *graph.Document, id []byte) []byte {
	b := append([]byte{1}, id...)
	b = appendStr(b, d.Title)
	b = appendStr(b, d.Source)
	b = appendStr(b, d.URL)
	b = binary.BigEndian.AppendUint32(b, uint32(d.Date))
	return appendStr(b, d.Text)
}
