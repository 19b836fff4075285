package flow

import (
	"slices"
	"strings"
	"testing"

	"github.com/sixparty/sixparty/sim"
)

// chipLabels returns the level chips' labels of the orders sheet's row i.
func chipLabels(s *OrdersSheet, i int) []string {
	var out []string
	for _, c := range s.Rows[i].Chips {
		out = append(out, c.Label)
	}
	return out
}

// TestOrdersSheet prices Alpha's "much" by the state (tension / 50): the
// orders sheet is kept while nothing it reads changes, and made again when
// the draft, the state (an adjustment, an injected event) or the lever
// selected does, with the costs, capital and summary of the new inputs.
func TestOrdersSheet(t *testing.T) {
	f := ordersFlow(t, "levels: [no, some, much], cost: [0, 1, 2]", `levels: [no, some, much], cost: [0, 1, "tension / 50"]`)
	s := f.OrdersSheet()
	if f.OrdersSheet() != s {
		t.Fatal("the sheet was made again with nothing changed")
	}
	f.Prepare()
	if f.OrdersSheet() != s {
		t.Fatal("Prepare made the sheet again with nothing changed")
	}
	if got, want := chipLabels(s, 0), []string{"no · 0", "some · 1", "much · 1"}; !slices.Equal(got, want) {
		t.Errorf("Talk's chips %q, want %q", got, want)
	}
	if s.Spent != 0 || s.Budget != 2 || s.Rows[0].Chips[1].Chosen || !s.Rows[0].Chips[0].Chosen || s.Detail.Name != "Talk" {
		t.Errorf("at the start: spent %v of %v, chips %+v, detail %q", s.Spent, s.Budget, s.Rows[0].Chips, s.Detail.Name)
	}

	// The draft: Talk raised to "some".
	f.Do(Do(Right))
	d := f.OrdersSheet()
	if d == s || d.Spent != 1 || !d.Rows[0].Chips[1].Chosen || d.Rows[0].Chips[0].Chosen {
		t.Fatalf("after raising Talk: same sheet %t, spent %v, chips %+v", d == s, d.Spent, d.Rows[0].Chips)
	}
	if want := "Your orders: Talk: some (1) — 1 of 2 political capital"; d.Summary != want {
		t.Errorf("summary %q, want %q", d.Summary, want)
	}
	if want := "At \"some\" this turn, over 1 turn (worked out from what you see):"; d.Detail.ForecastHead != want || len(d.Detail.Forecast) == 0 {
		t.Errorf("forecast %q %q, want %q", d.Detail.ForecastHead, d.Detail.Forecast, want)
	}

	// The state: the facilitator sets the tension, which the cost reads.
	if err := f.Game.Adjust("tension", 75, "test"); err != nil {
		t.Fatal(err)
	}
	a := f.OrdersSheet()
	if a == d {
		t.Fatal("the sheet was kept over an adjustment")
	}
	if got, want := chipLabels(a, 0), []string{"no · 0", "some · 1", "much · 1.5"}; !slices.Equal(got, want) {
		t.Errorf("Talk's chips after the adjustment %q, want %q", got, want)
	}
	if want := "• Tension changes each turn by: -2 * level — now 75.0"; len(a.Detail.Effects) != 1 || a.Detail.Effects[0] != want {
		t.Errorf("Talk's effects %q, want %q", a.Detail.Effects, want)
	}

	// An injected event replaces the state too.
	if err := f.Game.Inject("summit"); err != nil {
		t.Fatal(err)
	}
	in := f.OrdersSheet()
	if in == a || !slices.Equal(in.Injected, []string{"Summit"}) {
		t.Errorf("after the injection: same sheet %t, injected %q", in == a, in.Injected)
	}

	// The cursor: the detail follows the lever selected.
	f.Do(Do(Down))
	if c := f.OrdersSheet(); c == in || c.Detail.Name != "Spend" {
		t.Errorf("after moving down: same sheet %t, detail %q", c == in, c.Detail.Name)
	}
}

// TestDashWhySheets opens the dashboard and the why view after the first
// turn: their sheets are kept while nothing changes and made again when
// the state (an adjustment) or the indicator asked about changes.
func TestDashWhySheets(t *testing.T) {
	f := toOrders(t)
	playTurn(f)
	for f.Scene() != Orders {
		f.Do(Do(Confirm))
	}
	f.Do(Do(OpenDashboard))
	m := f.Game.Model
	tension, mood := m.VarIndex("tension"), m.VarIndex("mood")
	s := f.DashSheet()
	if f.DashSheet() != s {
		t.Fatal("the dashboard's sheet was made again with nothing changed")
	}
	card := func(s *DashSheet, vi int) DashCard {
		for _, c := range s.Cards {
			if c.Var == vi {
				return c
			}
		}
		t.Fatalf("no card of %s", m.Scenario.Vars[vi].ID)
		return DashCard{}
	}
	if c := card(s, tension); c.Value != f.Value(tension) || !c.Exact || len(c.Vals) != 2 {
		t.Errorf("tension's card %+v, value now %q", c, f.Value(tension))
	}
	if err := f.Game.Adjust("tension", 20, "test"); err != nil {
		t.Fatal(err)
	}
	a := f.DashSheet()
	if c := card(a, tension); a == s || c.Value != "20.0" {
		t.Errorf("after the adjustment: same sheet %t, tension shows %q", a == s, c.Value)
	}

	for i, c := range a.Cards {
		if c.Var == tension {
			f.SetCursor(i)
		}
	}
	f.Do(Do(AskWhy))
	if f.Scene() != Why {
		t.Fatalf("W opened %v (%s)", f.Scene(), f.Message)
	}
	w := f.WhySheet()
	if f.WhySheet() != w {
		t.Fatal("the why view's sheet was made again with nothing changed")
	}
	var texts []string
	for _, c := range w.Causes {
		texts = append(texts, c.Plain)
	}
	if want := []string{"▲ +3.5 rule: Drift", "▼ -1.0 Epsilon: Calm (yes)"}; w.Kind != WhyCauses || w.Title != "Why did Tension move?" || !slices.Equal(texts, want) {
		t.Errorf("why tension: kind %d, title %q, causes %q (want %q)", w.Kind, w.Title, texts, want)
	}
	if err := f.Game.Adjust("tension", 30, "test"); err != nil {
		t.Fatal(err)
	}
	if o := f.WhySheet(); o == w || o.Head == w.Head || !strings.Contains(o.Head, "→ 30.0") {
		t.Errorf("after an adjustment: same sheet %t, head %q (was %q)", o == w, o.Head, w.Head)
	}
	w = f.WhySheet()

	// Another indicator asked about.
	SceneOf[*WhyScene](f).Var = mood
	if o := f.WhySheet(); o == w || o.Title != "Why did Mood move?" {
		t.Errorf("after asking about mood: same sheet %t, title %q", o == w, o.Title)
	}
}

// TestEndSheet plays the fixture to its end: the end's sheet holds the
// game's scores and every indicator's true series, is kept while nothing
// changes, and is made again for another game shown.
func TestEndSheet(t *testing.T) {
	f := toOrders(t)
	for f.Scene() != End {
		f.Do(Do(Confirm))
	}
	s := f.EndSheet()
	if f.EndSheet() != s {
		t.Fatal("the end's sheet was made again with nothing changed")
	}
	gm := f.Game
	sc, _ := gm.Scores()
	if !slices.Equal(s.Scores, sc) || s.ScoreError != "" || s.Played != len(gm.Reports()) || s.Pages != f.EndPages() {
		t.Errorf("the end: scores %v (the game's %v, %q), %d turns, %d pages", s.Scores, sc, s.ScoreError, s.Played, s.Pages)
	}
	for vi := range gm.Model.Scenario.Vars {
		if !slices.Equal(s.Series[vi], TrueSeries(gm, vi)) {
			t.Errorf("%s's series %v, want %v", gm.Model.Scenario.Vars[vi].ID, s.Series[vi], TrueSeries(gm, vi))
		}
	}
	if len(s.Reviews) != 1 || s.Reviews[0] == nil || !strings.HasPrefix(s.Reviews[0].Head, "Alpha: final score ") {
		t.Errorf("reviews %+v", s.Reviews)
	}
	g, err := sim.Replay(gm.Model, gm.Record())
	if err != nil {
		t.Fatal(err)
	}
	f.setGame(g)
	if o := f.EndSheet(); o == s || !slices.Equal(o.Scores, s.Scores) {
		t.Errorf("another game shown (the same replayed): same sheet %t, scores %v", o == s, o.Scores)
	}
}
