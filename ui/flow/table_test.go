package flow

import (
	"reflect"
	"testing"

	"github.com/sixparty/sixparty/report"
	"github.com/sixparty/sixparty/sim"
)

var (
	_ Adjudicator = (*LocalTable)(nil)
	_ TextScene   = (*SetupScene)(nil)
	_ TextScene   = (*FacilitatorScene)(nil)
	_ TextScene   = (*BranchingScene)(nil)
	_ ShotScene   = (*EndScene)(nil)
)

func TestLocalTable(t *testing.T) {
	m, err := openFixture("fixture")
	if err != nil {
		t.Fatal(err)
	}
	seats := solo(len(m.Scenario.Actors))
	tb := NewLocalTable(sim.NewGame(m, 1), seats)
	if tb.Turn() != 1 || tb.Played() != 0 || tb.Over() || tb.Ready(0) {
		t.Fatalf("new table: turn %d played %d over %v ready %v", tb.Turn(), tb.Played(), tb.Over(), tb.Ready(0))
	}
	talk := m.LeverIndex("a.talk")
	if err := tb.Submit(0, map[string]int{"a.talk": 2}, nil); err != nil {
		t.Fatal(err)
	}
	if !tb.Ready(0) || tb.Ready(1) {
		t.Errorf("after the first seat submitted: ready %v %v, want true false", tb.Ready(0), tb.Ready(1))
	}
	if err := tb.Submit(9, nil, nil); err == nil || err.Error() != "flow: no seat 9" {
		t.Errorf("submit for a seat that does not exist: %v", err)
	}
	turn, err := tb.Adjudicate()
	if err != nil || turn != 1 || tb.Played() != 1 || tb.Turn() != 2 {
		t.Fatalf("adjudicate: turn %d, %v; played %d, turn now %d", turn, err, tb.Played(), tb.Turn())
	}
	if tb.Ready(0) {
		t.Error("a seat is still ready after the turn was played")
	}
	if got := tb.Levels(1)[talk]; got != 2 {
		t.Errorf("turn 1 revealed talk at %d, want 2", got)
	}
	if len(tb.Explain()) != len(seats)-1 {
		t.Errorf("%d explanations, want one per computer seat", len(tb.Explain()))
	}
	money := m.VarIndex("money")
	if tb.Known(0, money) || !tb.Known(1, money) || !tb.Known(-1, money) {
		t.Errorf("money known: by the first seat %v, the second %v, exactly %v; want false true true", tb.Known(0, money), tb.Known(1, money), tb.Known(-1, money))
	}
	if v := tb.View(0, 1); v.Exact[money] || v.SD[money] == 0 {
		t.Errorf("the first seat sees money exactly after turn 1: %+v", v)
	}
	if tb.Messages(0) != nil || tb.Poll() {
		t.Error("a local table has messages or changes by itself")
	}
	// The why view explains from the entries the table gives as the
	// engine's own ledger does.
	tension := m.VarIndex("tension")
	if got, want := report.WhyOf(m, tb.Entries(1), tension), report.Why(tb.Game(), tension, 1); !reflect.DeepEqual(got, want) {
		t.Errorf("WhyOf the table's entries:\n%+v\nwant Why of the game:\n%+v", got, want)
	}
}

// TestSeriesFromTable checks that the dashboard's series are the seat's
// views the table gives, turn by turn.
func TestSeriesFromTable(t *testing.T) {
	f, _ := newFixture(t)
	f.Do(Do(Confirm))
	f.Do(Do(Confirm))
	playTurn(f)
	playTurn(f)
	money := f.Model.VarIndex("money")
	f.Do(Do(OpenDashboard))
	vals, sd := f.Series(money)
	tb := f.Table()
	if len(vals) != tb.Played()+1 {
		t.Fatalf("%d values for %d turns played", len(vals), tb.Played())
	}
	for turn := range vals {
		v := tb.View(f.Viewer(), turn)
		if vals[turn] != v.Vals[money] || sd[turn] != v.SD[money] {
			t.Errorf("turn %d: series %v ± %v, table's view %v ± %v", turn, vals[turn], sd[turn], v.Vals[money], v.SD[money])
		}
	}
}

func TestNewSceneID(t *testing.T) {
	id := NewSceneID("extra")
	if id.String() != "extra" || id <= Comparison || Title.String() != "title" || SceneID(-1).String() != "scene?" {
		t.Errorf("new scene %d named %q; title %q", id, id.String(), Title.String())
	}
}
