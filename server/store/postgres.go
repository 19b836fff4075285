package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
)

// Postgres is a Store in a PostgreSQL database that several servers
// share. It is a Leaser: a game is owned by the server holding its row in
// the leases table, until the lease expires unrenewed. The log's primary
// key (game, seq) makes sure that two servers never both append an entry
// at one place: the one that lost its lease gets ErrConflict.
type Postgres struct {
	pool *pgxpool.Pool
}

// OpenPostgres connects to the database at url and creates the tables
// when they are missing.
func OpenPostgres(ctx context.Context, url string) (*Postgres, error) {
	pool, err := pgxpool.New(ctx, url)
	if err != nil {
		return nil, fmt.Errorf("store: postgres: %w", err)
	}
	for _, q := range []string{
		`CREATE TABLE IF NOT EXISTS sixparty_games (id TEXT PRIMARY KEY, created TIMESTAMPTZ NOT NULL DEFAULT now(), n BIGSERIAL)`,
		`CREATE TABLE IF NOT EXISTS sixparty_log (game TEXT NOT NULL, seq BIGINT NOT NULL, data BYTEA NOT NULL, PRIMARY KEY (game, seq))`,
		`CREATE TABLE IF NOT EXISTS sixparty_leases (game TEXT PRIMARY KEY, owner TEXT NOT NULL, addr TEXT NOT NULL, expires TIMESTAMPTZ NOT NULL)`,
	} {
		if _, err := pool.Exec(ctx, q); err != nil {
			var pe *pgconn.PgError
			// Two servers starting together may race to create a table.
			if errors.As(err, &pe) && (pe.Code == "23505" || pe.Code == "42P07") {
				continue
			}
			pool.Close()
			return nil, fmt.Errorf("store: postgres: %w", err)
		}
	}
	return &Postgres{pool: pool}, nil
}

// Create implements Store.
func (p *Postgres) Create(ctx context.Context, game string, first []byte) error {
	return pgx.BeginFunc(ctx, p.pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `INSERT INTO sixparty_games (id) VALUES ($1)`, game); err != nil {
			return fmt.Errorf("store: create %s: %w", game, err)
		}
		if _, err := tx.Exec(ctx, `INSERT INTO sixparty_log (game, seq, data) VALUES ($1, 1, $2)`, game, first); err != nil {
			return fmt.Errorf("store: create %s: %w", game, err)
		}
		return nil
	})
}

// Append implements Store.
func (p *Postgres) Append(ctx context.Context, game string, seq int64, data []byte) error {
	tag, err := p.pool.Exec(ctx, `INSERT INTO sixparty_log (game, seq, data) SELECT $1, $2, $3 WHERE EXISTS (SELECT 1 FROM sixparty_log WHERE game = $1 AND seq = $4)`, game, seq, data, seq-1)
	if err != nil {
		var pe *pgconn.PgError
		if errors.As(err, &pe) && pe.Code == "23505" {
			return ErrConflict
		}
		return fmt.Errorf("store: append %s#%d: %w", game, seq, err)
	}
	if tag.RowsAffected() != 1 {
		return fmt.Errorf("store: append %s#%d: entry %d is missing", game, seq, seq-1)
	}
	return nil
}

// Load implements Store.
func (p *Postgres) Load(ctx context.Context, game string) ([][]byte, error) {
	rows, err := p.pool.Query(ctx, `SELECT seq, data FROM sixparty_log WHERE game = $1 ORDER BY seq`, game)
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
func (p *Postgres) Games(ctx context.Context) ([]string, error) {
	rows, err := p.pool.Query(ctx, `SELECT id FROM sixparty_games ORDER BY n`)
	if err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	ids, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	return ids, nil
}

// Acquire implements Leaser: one statement takes a free or expired lease,
// or renews the caller's own, and otherwise leaves the holder's row
// alone and returns its address.
func (p *Postgres) Acquire(ctx context.Context, game, owner, addr string, ttl time.Duration) (bool, string, error) {
	var holder, at string
	err := p.pool.QueryRow(ctx, `
		INSERT INTO sixparty_leases (game, owner, addr, expires) VALUES ($1, $2, $3, now() + $4 * interval '1 millisecond')
		ON CONFLICT (game) DO UPDATE SET owner = EXCLUDED.owner, addr = EXCLUDED.addr, expires = EXCLUDED.expires
			WHERE sixparty_leases.owner = EXCLUDED.owner OR sixparty_leases.expires < now()
		RETURNING owner, addr`, game, owner, addr, ttl.Milliseconds()).Scan(&holder, &at)
	if errors.Is(err, pgx.ErrNoRows) {
		err = p.pool.QueryRow(ctx, `SELECT owner, addr FROM sixparty_leases WHERE game = $1`, game).Scan(&holder, &at)
		if err != nil {
			return false, "", fmt.Errorf("store: lease %s: %w", game, err)
		}
		return holder == owner, at, nil
	}
	if err != nil {
		return false, "", fmt.Errorf("store: lease %s: %w", game, err)
	}
	return holder == owner, at, nil
}

// Release implements Leaser.
func (p *Postgres) Release(ctx context.Context, game, owner string) error {
	_, err := p.pool.Exec(ctx, `DELETE FROM sixparty_leases WHERE game = $1 AND owner = $2`, game, owner)
	return err
}

// Close implements Store.
func (p *Postgres) Close() error { p.pool.Close(); return nil }
