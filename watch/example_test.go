package watch_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/sixparty/sixparty/sim"
	"github.com/sixparty/sixparty/watch"
)

// The front end's loop: poll, and on a valid edit replay the game's
// record on the new version with sim.ReplayLenient; on an invalid one show the errors and play on.
func Example() {
	dir, _ := os.MkdirTemp("", "watch")
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "s.yaml")
	src := "format: 1\nmeta: {id: s, title: S, turns: 4}\nactors: [{id: a, name: A, budget: 1}]\n" +
		"variables: [{id: x, name: X, init: 0}]\n" +
		"levers: [{id: a.up, actor: a, levels: [off, on], cost: [0, 1], effects: [{target: x, change: \"1\"}]}]\n" +
		"outcomes: [{id: end}]\n"
	os.WriteFile(path, []byte(src), 0o644)

	w, err := watch.New(path)
	if err != nil {
		fmt.Println(err)
		return
	}
	g := sim.NewGame(w.Model(), 1)
	g.Play(sim.Orders{"a": {"a.up": 1}}, nil)
	g.Play(sim.Orders{"a": {"a.up": 1}}, nil)

	save := func(s string, sec int) { // an editor saves the file
		os.WriteFile(path, []byte(s), 0o644)
		t := time.Unix(int64(1e9+sec), 0)
		os.Chtimes(path, t, t)
	}
	save(strings.Replace(src, `change: "1"`, `change: "5"`, 1), 1)
	if u, ok := w.Poll(); ok && u.Err == nil {
		g2, drops, err := sim.ReplayLenient(u.Model, g.Record())
		fmt.Println("replayed to turn", g2.Turn(), "x =", g2.State().Vals[0], drops, err)
	}
	save(strings.Replace(src, "budget: 1", "budget: lots", 1), 2)
	if u, ok := w.Poll(); ok && u.Err != nil {
		fmt.Print(strings.ReplaceAll(u.Err.(sim.ErrorList).Lines(), dir, "DIR"))
		fmt.Println("still playing on version with x change", w.Model().Scenario.Levers[0].Effects[0].Change.Src)
	}
	// Output:
	// replayed to turn 3 x = 10 [] <nil>
	// DIR/s.yaml:3:35: budget must be a number, found "lots"
	// still playing on version with x change 5
}
