package watch

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/sixparty/sixparty/sim"
)

const v1 = `format: 1
meta: {id: w, title: W, turns: 5, seed: 3}
actors:
  - {id: a, name: A, budget: 2}
variables:
  - {id: x, name: X, init: 0}
levers:
  - {id: a.push, actor: a, levels: [off, on, hard], cost: [0, 1, 2], effects: [{target: x, change: "level"}]}
  - {id: a.pull, actor: a, levels: [off, on], cost: [0, 0], effects: [{target: x, change: "0"}]}
events:
  - {id: boost, name: Boost, when: "false", effects: [{target: x, change: "1"}]}
outcomes:
  - {id: limit}
`

// write replaces the file and moves its modification time on, as an
// editor's save does, without waiting for the clock.
func write(t *testing.T, path, src string, tick int) {
	t.Helper()
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	mt := time.Date(2026, 1, 1, 0, 0, tick, 0, time.UTC)
	if err := os.Chtimes(path, mt, mt); err != nil {
		t.Fatal(err)
	}
}

func TestPoll(t *testing.T) {
	path := filepath.Join(t.TempDir(), "w.yaml")
	write(t, path, v1, 1)
	w, err := New(path)
	if err != nil {
		t.Fatal(err)
	}
	first := w.Model()
	if _, ok := w.Poll(); ok {
		t.Error("Poll reported a change of an untouched file")
	}
	write(t, path, v1, 2)
	if _, ok := w.Poll(); ok {
		t.Error("Poll reported a change of a file touched but not changed")
	}

	write(t, path, strings.Replace(v1, "init: 0", "init: 5", 1), 3)
	u, ok := w.Poll()
	if !ok || u.Err != nil || u.Model == nil || u.Model == first || u.Model.Scenario.Vars[0].Init != 5 {
		t.Fatalf("valid edit: %+v, %v", u, ok)
	}
	good := u.Model

	write(t, path, strings.Replace(v1, "init: 0", "init: zero", 1), 4)
	u, ok = w.Poll()
	want := path + ":6:28: init must be a number, found \"zero\""
	if !ok || u.Model != nil || u.Err == nil || strings.TrimSpace(u.Err.(sim.ErrorList).Lines()) != want {
		t.Fatalf("invalid edit: %+v, %v; want error %q", u, ok, want)
	}
	if w.Model() != good || w.Err() == nil {
		t.Error("the last good model was not kept, or the error not exposed")
	}
	write(t, path, strings.Replace(v1, "init: 0", "init: zero", 1), 5)
	if _, ok := w.Poll(); ok {
		t.Error("an unchanged invalid file was reported again")
	}

	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	if u, ok := w.Poll(); !ok || u.Err == nil || !strings.HasPrefix(u.Err.Error(), "watch: ") {
		t.Errorf("removed file: %+v, %v", u, ok)
	}
	if _, ok := w.Poll(); ok {
		t.Error("a missing file was reported twice")
	}
	write(t, path, v1, 6)
	if u, ok := w.Poll(); !ok || u.Model == nil || w.Err() != nil {
		t.Errorf("restored file: %+v, %v", u, ok)
	}
}

func TestWatch(t *testing.T) {
	path := filepath.Join(t.TempDir(), "w.yaml")
	write(t, path, v1, 1)
	w, err := New(path)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	ch := w.Watch(ctx, 5*time.Millisecond)
	write(t, path, strings.Replace(v1, "title: W", "title: W2", 1), 2)
	select {
	case u := <-ch:
		if u.Model == nil || u.Model.Scenario.Meta.Title != "W2" {
			t.Errorf("update %+v", u)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("no update within 5s")
	}
	cancel()
	for range ch {
	}
}

// TestReloadReplays checks the hot reload's path: an edit that the
// watcher delivers is replayed with sim.ReplayLenient, keeping the
// facilitator's adjustments and injected events and dropping what the new
// version no longer allows.
func TestReloadReplays(t *testing.T) {
	path := filepath.Join(t.TempDir(), "w.yaml")
	write(t, path, v1, 1)
	w, err := New(path)
	if err != nil {
		t.Fatal(err)
	}
	g := sim.NewGame(w.Model(), 3)
	for _, o := range []map[string]int{{"a.push": 1}, {"a.push": 1, "a.pull": 1}, {"a.push": 1}} {
		if _, err := g.Play(sim.Orders{"a": o}, nil); err != nil {
			t.Fatal(err)
		}
	}
	if err := g.Adjust("x", 10, "test"); err != nil {
		t.Fatal(err)
	}
	if err := g.Inject("boost"); err != nil {
		t.Fatal(err)
	}
	rec := g.Record()

	// Every level now counts double and 'pull' costs too much with 'push'
	// (no one level may cost more than the budget: that is a load error).
	edited := strings.Replace(strings.Replace(v1, `change: "level"`, `change: "2 * level"`, 1), "cost: [0, 0]", "cost: [0, 2]", 1)
	write(t, path, edited, 2)
	u, ok := w.Poll()
	if !ok || u.Model == nil {
		t.Fatalf("edit: %+v", u)
	}
	g2, drops, err := sim.ReplayLenient(u.Model, rec)
	if err != nil {
		t.Fatal(err)
	}
	if g2.Turn() != 4 {
		t.Errorf("rebuilt game at turn %d, want 4", g2.Turn())
	}
	var xs []float64
	for _, s := range g2.History() {
		xs = append(xs, s.Vals[0])
	}
	if want := []float64{0, 2, 2, 10}; !reflect.DeepEqual(xs, want) {
		t.Errorf("x over the turns %v, want %v", xs, want)
	}
	if b := g2.State().Briefing; len(b) != 1 || u.Model.Scenario.Events[b[0]].ID != "boost" {
		t.Errorf("briefing after the reload %v, want the injected event", b)
	}
	if want := []sim.Drop{{Turn: 2, What: "orders of a", Why: "they cost 3, over the budget of 2"}}; !reflect.DeepEqual(drops, want) {
		t.Errorf("drops %q, want %q", drops, want)
	}

	// A shorter game stops the replay early.
	write(t, path, strings.Replace(v1, "turns: 5", "turns: 2", 1), 3)
	u, _ = w.Poll()
	g3, drops, err := sim.ReplayLenient(u.Model, rec)
	want := []sim.Drop{
		{Turn: 3, What: "1 recorded turn(s) from turn 3", Why: "the game now ends after turn 2"},
	}
	if err != nil || !g3.Over() || !reflect.DeepEqual(drops, want) {
		t.Errorf("shorter: over %v, drops %q, err %v", g3.Over(), drops, err)
	}
}
