package store_test

import (
	"context"
	"errors"
	"os"
	"testing"
	"time"

	"github.com/sixparty/sixparty/server/store"
)

// postgres opens the test database named by SIXPARTY_TEST_POSTGRES, or
// skips the test.
func postgres(t *testing.T) *store.Postgres {
	t.Helper()
	dsn := os.Getenv("SIXPARTY_TEST_POSTGRES")
	if dsn == "" {
		t.Skip("SIXPARTY_TEST_POSTGRES is not set: no PostgreSQL to test on (scripts/postgres.sh starts one; .ci/run does)")
	}
	p, err := store.OpenPostgres(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Close() })
	return p
}

func testStore(t *testing.T, s store.Store, game string) {
	ctx := context.Background()
	if _, err := s.Load(ctx, game); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Load of a new game: %v, want ErrNotFound", err)
	}
	if err := s.Create(ctx, game, []byte(`{"type":"create"}`)); err != nil {
		t.Fatal(err)
	}
	if err := s.Create(ctx, game, []byte(`{}`)); err == nil {
		t.Errorf("a second Create of %s succeeded", game)
	}
	if err := s.Append(ctx, game, 2, []byte(`{"n":2}`)); err != nil {
		t.Fatal(err)
	}
	if err := s.Append(ctx, game, 2, []byte(`{"n":"again"}`)); !errors.Is(err, store.ErrConflict) {
		t.Errorf("Append at a taken place: %v, want ErrConflict", err)
	}
	if err := s.Append(ctx, game, 4, []byte(`{}`)); err == nil || err.Error() != "store: append "+game+"#4: entry 3 is missing" {
		t.Errorf("Append past a gap: %v", err)
	}
	log, err := s.Load(ctx, game)
	if err != nil || len(log) != 2 || string(log[1]) != `{"n":2}` {
		t.Errorf("Load = %q, %v", log, err)
	}
	ids, err := s.Games(ctx)
	if err != nil || len(ids) == 0 || ids[len(ids)-1] != game {
		t.Errorf("Games = %v, %v; want %s last", ids, err, game)
	}
}

func TestSQLite(t *testing.T) {
	s, err := store.OpenSQLite(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	testStore(t, s, "g1")
}

func TestPostgres(t *testing.T) {
	p := postgres(t)
	game := "test-" + time.Now().Format("150405.000000000")
	testStore(t, p, game)
	ctx := context.Background()
	ok, _, err := p.Acquire(ctx, game, "a", "http://a", time.Hour)
	if err != nil || !ok {
		t.Fatalf("a's first lease: %v %v", ok, err)
	}
	ok, holder, err := p.Acquire(ctx, game, "b", "http://b", time.Hour)
	if err != nil || ok || holder != "http://a" {
		t.Errorf("b took a's lease: %v %q %v", ok, holder, err)
	}
	if ok, _, _ := p.Acquire(ctx, game, "a", "http://a", 10*time.Millisecond); !ok {
		t.Errorf("a could not renew its lease")
	}
	time.Sleep(50 * time.Millisecond)
	if ok, _, err := p.Acquire(ctx, game, "b", "http://b", time.Hour); !ok || err != nil {
		t.Errorf("b could not take an expired lease: %v", err)
	}
	if err := p.Release(ctx, game, "b"); err != nil {
		t.Error(err)
	}
}

// BenchmarkSQLiteAppend is the cost of logging one command.
func BenchmarkSQLiteAppend(b *testing.B) {
	s, err := store.OpenSQLite(b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	if err := s.Create(ctx, "g", []byte(`{}`)); err != nil {
		b.Fatal(err)
	}
	data := []byte(`{"type":"draft","actor":"us","turn":3,"orders":{"us.unsc":2,"us.secondary":1}}`)
	b.ReportAllocs()
	for i := range b.N {
		if err := s.Append(ctx, "g", int64(i)+2, data); err != nil {
			b.Fatal(err)
		}
	}
}
