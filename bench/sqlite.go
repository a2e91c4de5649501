package main

import (
	"database/sql"
	"fmt"

	_ "github.com/mattn/go-sqlite3" // the C SQLite Python's sqlite3 also uses
)

// sqliteDB is the store a notebook user would reach for instead: one file,
// WAL, the whole load in one transaction through prepared inserts, and the
// two adjacency indexes a stance graph needs. Its page cache is set to the
// store's block cache size so neither side wins by memory alone.
type sqliteDB struct {
	db      *sql.DB
	d       *dataset
	tx      *sql.Tx
	actor   *sql.Stmt
	doc     *sql.Stmt
	stance  *sql.Stmt
	hopStmt *sql.Stmt
}

const sqliteSchema = `
CREATE TABLE IF NOT EXISTS actors (id BLOB PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, country TEXT);
CREATE UNIQUE INDEX IF NOT EXISTS actors_name ON actors(name);
CREATE TABLE IF NOT EXISTS documents (id BLOB PRIMARY KEY, title TEXT, source TEXT, url TEXT, date INTEGER, text TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS stances (
	id BLOB PRIMARY KEY, subject BLOB NOT NULL, type TEXT NOT NULL, object BLOB NOT NULL,
	topic TEXT, date INTEGER, confidence REAL NOT NULL,
	document BLOB NOT NULL, quote TEXT NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS stances_out ON stances(subject, type, object);
CREATE INDEX IF NOT EXISTS stances_in ON stances(object, type, subject);
`

func openSQLite(path string, d *dataset, cacheBytes int64) (*sqliteDB, error) {
	db, err := sql.Open("sqlite3", "file:"+path)
	if err != nil {
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	// One connection: PRAGMAs are per connection, and the measurements are
	// single-threaded, like a notebook.
	db.SetMaxOpenConns(1)
	for _, p := range []string{
		"PRAGMA journal_mode=WAL",
		"PRAGMA synchronous=NORMAL",
		fmt.Sprintf("PRAGMA cache_size=-%d", cacheBytes>>10),
		sqliteSchema,
	} {
		if _, err := db.Exec(p); err != nil {
			db.Close()
			return nil, fmt.Errorf("sqlite: %s: %w", p, err)
		}
	}
	return &sqliteDB{db: db, d: d}, nil
}

func (s *sqliteDB) close() error {
	for _, st := range []*sql.Stmt{s.actor, s.doc, s.stance, s.hopStmt} {
		if st != nil {
			st.Close()
		}
	}
	return s.db.Close()
}

// load inserts one chunk inside the load's single transaction.
func (s *sqliteDB) load(ch *chunk) error {
	if s.tx == nil {
		var err error
		if s.tx, err = s.db.Begin(); err != nil {
			return err
		}
		prep := func(q string) *sql.Stmt {
			st, e := s.tx.Prepare(q)
			if e != nil && err == nil {
				err = e
			}
			return st
		}
		s.actor = prep("INSERT INTO actors (id, name, kind, country) VALUES (?, ?, ?, ?)")
		s.doc = prep("INSERT INTO documents (id, title, source, url, date, text) VALUES (?, ?, ?, ?, ?, ?)")
		s.stance = prep("INSERT INTO stances (id, subject, type, object, topic, date, confidence, document, quote, start, end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
		if err != nil {
			return fmt.Errorf("sqlite: prepare: %w", err)
		}
	}
	if ch.index == 0 {
		for i, a := range s.d.actors {
			if _, err := s.actor.Exec(s.d.ids[i][:], a.Name, string(a.Kind), a.Country); err != nil {
				return fmt.Errorf("sqlite: actor %d: %w", i, err)
			}
		}
	}
	for i, doc := range ch.docs {
		if _, err := s.doc.Exec(ch.docIDs[i][:], doc.Title, doc.Source, doc.URL, int64(doc.Date), doc.Text); err != nil {
			return fmt.Errorf("sqlite: document %d: %w", i, err)
		}
	}
	for i := range ch.stances {
		rw := &ch.stances[i]
		_, err := s.stance.Exec(rw.id[:], s.d.ids[rw.subj][:], stanceTypes[rw.typ], s.d.ids[rw.obj][:], rw.topic, int64(rw.date),
			rw.confidence, ch.docIDs[rw.doc][:], rw.quote, rw.start, rw.start+len(rw.quote))
		if err != nil {
			return fmt.Errorf("sqlite: stance %d: %w", i, err)
		}
	}
	return nil
}

// finish commits the load's transaction.
func (s *sqliteDB) finish() error {
	if s.tx == nil {
		return nil
	}
	for _, st := range []*sql.Stmt{s.actor, s.doc, s.stance} {
		st.Close()
	}
	s.actor, s.doc, s.stance = nil, nil, nil
	err := s.tx.Commit()
	s.tx = nil
	if err != nil {
		return fmt.Errorf("sqlite: commit: %w", err)
	}
	return nil
}

// hop1 reads the first 50 outgoing stances of actor a with the
// counterparts' names, through the (subject, type, object) index.
func (s *sqliteDB) hop1(a int32) (int, error) {
	if s.hopStmt == nil {
		var err error
		s.hopStmt, err = s.db.Prepare(`SELECT s.id, s.type, s.date, o.name FROM stances s JOIN actors o ON o.id = s.object
			WHERE s.subject = ? ORDER BY s.subject, s.type, s.object LIMIT 50`)
		if err != nil {
			return 0, fmt.Errorf("sqlite: prepare: %w", err)
		}
	}
	rows, err := s.hopStmt.Query(s.d.ids[a][:])
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	n := 0
	var (
		id        []byte
		typ, name string
		date      int64
	)
	for rows.Next() {
		if err := rows.Scan(&id, &typ, &date, &name); err != nil {
			return 0, err
		}
		n++
	}
	return n, rows.Err()
}
