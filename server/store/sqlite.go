package store

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	_ "modernc.org/sqlite" // the pure-Go SQLite driver, so the server builds without cgo
)

// SQLite is a Store in one SQLite file, in WAL mode. A command is
// committed before Append returns, so a server killed at any moment loses
// no acknowledged command (synchronous=NORMAL: a power cut may lose the
// last commits, a crash of the process none).
type SQLite struct {
	db *sql.DB
}

// OpenSQLite opens (creating it if needed) the store games.db in dir.
func OpenSQLite(dir string) (*SQLite, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	path := filepath.Join(dir, "games.db")
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)&_pragma=busy_timeout(10000)")
	if err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	db.SetMaxOpenConns(1) // one writer; SQLite serialises them anyway
	for _, q := range []string{
		`CREATE TABLE IF NOT EXISTS games (id TEXT PRIMARY KEY, created INTEGER NOT NULL)`,
		`CREATE TABLE IF NOT EXISTS log (game TEXT NOT NULL, seq INTEGER NOT NULL, data BLOB NOT NULL, PRIMARY KEY (game, seq))`,
	} {
		if _, err := db.Exec(q); err != nil {
			db.Close()
			return nil, fmt.Errorf("store: %s: %w", path, err)
		}
	}
	return &SQLite{db: db}, nil
}

// Create implements Store.
func (s *SQLite) Create(ctx context.Context, game string, first []byte) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store: %w", err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `INSERT INTO games (id, created) VALUES (?, (SELECT COUNT(*) FROM games))`, game); err != nil {
		return fmt.Errorf("store: create %s: %w", game, err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO log (game, seq, data) VALUES (?, 1, ?)`, game, first); err != nil {
		return fmt.Errorf("store: create %s: %w", game, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("store: create %s: %w", game, err)
	}
	return nil
}

// Append implements Store.
func (s *SQLite) Append(ctx context.Context, game string, seq int64, data []byte) error {
	res, err := s.db.ExecContext(ctx, `INSERT INTO log (game, seq, data) SELECT ?, ?, ? WHERE EXISTS (SELECT 1 FROM log WHERE game = ? AND seq = ?)`, game, seq, data, game, seq-1)
	if err != nil {
		if strings.Contains(err.Error(), "UNIQUE") || strings.Contains(err.Error(), "PRIMARY KEY") {
			return ErrConflict
		}
		return fmt.Errorf("store: append %s#%d: %w", game, seq, err)
	}
	if n, _ := res.RowsAffected(); n != 1 {
		return fmt.Errorf("store: append %s#%d: entry %d is missing", game, seq, seq-1)
	}
	return nil
}

// Load implements Store.
func (s *SQLite) Load(ctx context.Context, game string) ([][]byte, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT seq, data FROM log WHERE game = ? ORDER BY seq`, game)
	if err != nil {
		return nil, fmt.Errorf("store: load %s: %w", game, err)
	}
	defer rows.Close()
	var out [][]byte
	for rows.Next() {
		var seq int64
		var data []byte
		if err := rows.Scan(&seq, &data); err != nil {
			return nil, fmt.Errorf("store: load %s: %w", game, err)
		}
		if seq != int64(len(out))+1 {
			return nil, fmt.Errorf("store: load %s: entry %d is missing", game, len(out)+1)
		}
		out = append(out, data)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: load %s: %w", game, err)
	}
	if len(out) == 0 {
		return nil, ErrNotFound
	}
	return out, nil
}

// Games implements Store.
func (s *SQLite) Games(ctx context.Context) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id FROM games ORDER BY created, id`)
	if err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("store: %w", err)
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// Close implements Store.
func (s *SQLite) Close() error { return s.db.Close() }
