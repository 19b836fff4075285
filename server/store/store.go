// Package store keeps the servers' game logs: an append-only list of
// entries per game, each with its sequence number. A game is its first
// entry (the scenario, seed and seats) and the commands after it, so a
// server that restarts rebuilds every game from its log. SQLite is the
// embedded default; PostgreSQL lets several servers share one database,
// each game owned by one of them at a time through a lease.
package store

import (
	"context"
	"errors"
	"time"
)

// Store is a set of game logs.
type Store interface {
	// Create starts the log of a new game with its first entry (sequence
	// number 1).
	Create(ctx context.Context, game string, first []byte) error
	// Append adds the entry with sequence number seq to a game's log. It
	// fails with ErrConflict when the log already holds seq (another
	// server took the game over), and with an error when seq-1 is
	// missing.
	Append(ctx context.Context, game string, seq int64, data []byte) error
	// Load returns a game's log in order, or ErrNotFound.
	Load(ctx context.Context, game string) ([][]byte, error)
	// Games lists the ids of every game, oldest first.
	Games(ctx context.Context) ([]string, error)
	Close() error
}

// Leaser is a store shared by several servers: a game is owned by the
// server holding its lease.
type Leaser interface {
	// Acquire takes or renews the lease of a game for owner, reachable at
	// addr, until ttl from now. It reports false, with the holder's
	// address, when another owner's lease has not expired.
	Acquire(ctx context.Context, game, owner, addr string, ttl time.Duration) (ok bool, holder string, err error)
	// Release gives a lease up.
	Release(ctx context.Context, game, owner string) error
}

var (
	// ErrNotFound is the error of Load for an unknown game.
	ErrNotFound = errors.New("store: no such game")
	// ErrConflict is the error of Append when the entry's place is taken.
	ErrConflict = errors.New("store: the log already has an entry there (another server owns the game)")
)
