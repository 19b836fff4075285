package flow

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/sixparty/sixparty/report"
	"github.com/sixparty/sixparty/sim"
)

// twoPeople seats the first two actors with people, the rest with the
// computer.
func twoPeople(n int) []Seat {
	s := solo(n)
	s[1].Human = true
	return s
}

func TestFacilitatorReachable(t *testing.T) {
	const n = 6
	c, o, b := Do(Confirm), Do(Facilitate), Do(Back)
	for _, tc := range []struct {
		name   string
		seats  []Seat
		inputs []Input
		want   SceneID
		under  SceneID
	}{
		{"from the briefing", solo(n), []Input{c, c, o}, Facilitator, Briefing},
		{"back to the briefing", solo(n), []Input{c, c, o, b}, Briefing, Briefing},
		{"the menu's last row goes back", solo(n), []Input{c, c, o, {Action: Select, Item: FacRowBack}}, Briefing, Briefing},
		{"F again closes it", solo(n), []Input{c, c, o, o}, Briefing, Briefing},
		{"from the briefs", solo(n), []Input{c, c, Do(ToggleBriefs), o}, Facilitator, Briefing},
		{"from the hand-over", twoPeople(n), []Input{c, c, c, o}, Facilitator, Handover},
		{"back to the hand-over", twoPeople(n), []Input{c, c, c, o, b}, Handover, Handover},
		{"not from a seat's own briefing", twoPeople(n), []Input{c, c, c, c, o}, Handover, Handover},
		{"from the second hand-over", twoPeople(n), []Input{c, c, c, c, c, c, o}, Facilitator, Handover},
		{"not during orders", solo(n), []Input{c, c, c, o}, Orders, Orders},
		{"not from a team's dashboard", solo(n), []Input{c, c, c, Do(OpenDashboard), o}, Dashboard, Orders},
		{"not from a team's map", solo(n), []Input{c, c, c, Do(OpenMap), o}, Map, Orders},
		{"not from the briefing's dashboard", solo(n), []Input{c, c, Do(OpenDashboard), o}, Dashboard, Briefing},
		{"not from the adjudication", solo(n), []Input{c, c, c, c, o}, Adjudication, Adjudication},
		{"not from the report", solo(n), []Input{c, c, c, c, c, c, o}, Report, Report},
		{"not from the title", solo(n), []Input{o}, Title, Title},
		{"not from the end", solo(n), []Input{c, c, Do(EndGame), c, o}, End, End},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, _ := newFlow(t, tc.seats...)
			for _, in := range tc.inputs {
				f.Do(in)
			}
			if f.Scene() != tc.want || f.Under() != tc.under {
				t.Errorf("scene %v over %v, want %v over %v (message %q)", f.Scene(), f.Under(), tc.want, tc.under, f.Message)
			}
		})
	}
}

func TestFacilitatorChoiceNotReachable(t *testing.T) {
	f, _ := newFixture(t, solo(6)...)
	f.Do(Do(Confirm))
	f.Do(Do(Confirm))
	ei := choiceEvent(t, f, 0)
	f.Do(Do(Facilitate))
	f.Do(Input{Action: Select, Item: FacRowInject})
	f.Do(Input{Action: Select, Item: slices.Index(f.InjectableEvents(), ei)})
	f.Do(Do(Confirm))
	f.Do(Do(Back))
	f.Do(Do(Back))
	f.Do(Do(Confirm)) // to the orders: first the choice
	if f.Scene() != Choice {
		t.Fatalf("scene %v, want choice", f.Scene())
	}
	f.Do(Do(Facilitate))
	if f.Scene() != Choice {
		t.Errorf("F during a choice opened %v", f.Scene())
	}
}

// knownVar returns a bounded indicator that actor ai sees exactly.
func knownVar(t *testing.T, f *Flow, ai int) int {
	t.Helper()
	m := f.Game.Model
	for vi := range m.Scenario.Vars {
		lo, hi := m.Bounds(vi)
		if f.Game.View(ai).Exact[vi] && !math.IsInf(lo, 0) && !math.IsInf(hi, 0) {
			return vi
		}
	}
	t.Fatalf("no bounded indicator that actor %d sees exactly", ai)
	return -1
}

// choiceEvent returns an event asking actor ai to choose that is not in
// this turn's briefing.
func choiceEvent(t *testing.T, f *Flow, ai int) int {
	t.Helper()
	m := f.Game.Model
	for _, ei := range f.InjectableEvents() {
		if m.Scenario.Events[ei].Choice != nil && m.Chooser(ei) == ai {
			return ei
		}
	}
	t.Fatalf("no event asks actor %d to choose", ai)
	return -1
}

// adjust sets indicator vi to value with reason through the facilitator's
// pages, starting from the briefing.
func adjust(f *Flow, vi int, value, reason string) {
	f.Do(Do(Facilitate))
	f.Do(Input{Action: Select, Item: FacRowAdjust})
	f.Do(Input{Action: Select, Item: slices.Index(f.FacVars(), vi)})
	for _, r := range value {
		f.Do(Input{Action: Type, Rune: r})
	}
	f.Do(Do(Confirm))
	for _, r := range reason {
		f.Do(Input{Action: Type, Rune: r})
	}
	f.Do(Do(Confirm)) // to Apply
	f.Do(Do(Confirm))
}

func TestFacilitatorAdjust(t *testing.T) {
	f, st := newFixture(t, solo(6)...)
	f.Do(Do(Confirm))
	f.Do(Do(Confirm))
	playTurn(f) // an autosave exists; the adjustment must replace it
	g := f.Game
	m := g.Model
	vi := knownVar(t, f, 0)
	v := m.Scenario.Vars[vi]
	lo, hi := m.Bounds(vi)
	before := g.State().Vals[vi]
	target := lo + (hi-lo)/4
	if math.Abs(target-before) < 1e-9 {
		target = lo + (hi-lo)/2
	}
	value := fmt.Sprint(target)
	const reason = "a  border incident, announced by the facilitator"

	f.Do(Do(Facilitate))
	if f.Viewer() != -1 {
		t.Errorf("the facilitator's viewer is %d, want -1 (everything exact)", f.Viewer())
	}
	f.Do(Input{Action: Select, Item: FacRowAdjust})
	if f.FacPage() != FacAdjust || len(f.FacVars()) != len(m.Scenario.Vars) {
		t.Fatalf("page %v with %d indicators, want the adjust page with all %d", f.FacPage(), len(f.FacVars()), len(m.Scenario.Vars))
	}
	f.Do(Input{Action: Select, Item: slices.Index(f.FacVars(), vi)})
	if f.FacPage() != FacValue || f.FacVar() != vi || !f.WantsText() {
		t.Fatalf("page %v var %d, text %v: want the value page of %d taking text", f.FacPage(), f.FacVar(), f.WantsText(), vi)
	}
	for _, r := range value + "x" {
		f.Do(Input{Action: Type, Rune: r})
	}
	if f.ValueText() != value {
		t.Errorf("value typed %q, want %q (letters refused)", f.ValueText(), value)
	}
	f.Do(Do(Confirm))
	if f.Cursor() != FacRowReason || !f.WantsText() {
		t.Fatalf("Enter on the value: row %d, want the reason", f.Cursor())
	}
	for _, r := range reason + "!" {
		f.Do(Input{Action: Type, Rune: r})
	}
	f.Do(Do(Erase))
	f.Do(Do(Confirm))
	if f.Cursor() != FacRowApply || f.WantsText() {
		t.Fatalf("Enter on the reason: row %d, want Apply", f.Cursor())
	}
	if f.Label(Confirm) != "apply" {
		t.Errorf("label %q on Apply", f.Label(Confirm))
	}
	if len(facEntries(g, g.Turn())) != 0 {
		t.Fatal("the adjustment applied before Apply")
	}
	f.Do(Do(Confirm))

	wantReason := "a border incident, announced by the facilitator" // spaces tidied
	led := g.Ledger()
	e := led[len(led)-1]
	if e.Cause.Kind != sim.ByFacilitator || e.Reason != wantReason || e.Var != vi || e.Turn != 2 || math.Abs(e.Amount-(target-before)) > 1e-9 {
		t.Errorf("ledger entry %+v", e)
	}
	if got := g.State().Vals[vi]; got != target {
		t.Errorf("%s = %v, want %v", v.ID, got, target)
	}
	if f.Scene() != Facilitator || f.FacPage() != FacAdjust || f.FacVars()[f.Cursor()] != vi {
		t.Errorf("after Apply: scene %v page %v, want the list on the same indicator", f.Scene(), f.FacPage())
	}
	if !strings.HasPrefix(f.Message, v.Name+" set from "+m.Format(vi, before)+" to "+m.Format(vi, target)) || !strings.HasSuffix(f.Message, " Autosaved.") {
		t.Errorf("message %q", f.Message)
	}
	ivs := Interventions(g, g.Turn())
	if len(ivs) != 1 || ivs[0].Var != vi || !strings.HasSuffix(ivs[0].Text, ": "+wantReason) {
		t.Errorf("interventions %+v", ivs)
	}

	// The autosave holds it: a new session continues with it.
	h, _ := newFixtureStore(t, st)
	h.Do(Do(Autosave))
	if h.Game == nil || h.Game.State().Vals[vi] != target {
		t.Fatalf("autosave lost the adjustment (%s)", h.Message)
	}
	if got := facEntries(h.Game, 2); len(got) != 1 || got[0].Reason != wantReason {
		t.Errorf("ledger after loading the autosave: %+v", got)
	}

	// Back twice returns to the briefing, which plays on.
	f.Do(Do(Back))
	f.Do(Do(Back))
	if f.Scene() != Briefing {
		t.Fatalf("scene %v, want the briefing", f.Scene())
	}
	playTurn(f)
	f.Do(Do(Save))

	// The turn report, the why view and the timeline show it.
	var row *sim.Entry
	for _, r := range f.ReportRows() {
		if r.Cause.Kind == sim.ByFacilitator {
			row = &r
		}
	}
	if row == nil {
		t.Errorf("the turn report does not list the facilitator's change: %+v", f.ReportRows())
	} else if got, want := CauseText(m, *row), "facilitator: "+wantReason; got != want {
		t.Errorf("cause %q, want %q", got, want)
	}
	found := false
	for _, r := range report.Why(f.Game, vi, 2) {
		if r.Entry.Cause.Kind == sim.ByFacilitator && CauseText(m, r.Entry) == "facilitator: "+wantReason {
			found = true
		}
	}
	if !found {
		t.Errorf("report.Why does not give the facilitator's reason")
	}
	// The turn's net change is the sum of its causes.
	sum := 0.0
	for _, e := range f.Game.Why(vi, 2) {
		sum += e.Amount
	}
	if got := f.Game.History()[2].Vals[vi] - TurnStart(f.Game, vi, 2); math.Abs(got-sum) > 1e-9 {
		t.Errorf("net change %v, causes add up to %v", got, sum)
	}
	if vals, _ := f.Series(vi); vals[1] != before || TrueSeries(f.Game, vi)[1] != before {
		t.Errorf("series %v and %v at turn 2, want %v (before the adjustment)", vals[1], TrueSeries(f.Game, vi)[1], before)
	}
	if TurnStart(f.Game, vi, 2) != before {
		t.Errorf("TurnStart = %v, want %v (before the adjustment)", TurnStart(f.Game, vi, 2), before)
	}

	// Saved and loaded, the record keeps the adjustment with its reason.
	k, _ := newFixtureStore(t, st)
	k.Do(Do(Load))
	if k.Game == nil || k.Played != 2 {
		t.Fatalf("load: %s", k.Message)
	}
	rec := k.Game.Record()
	if a := rec.Turns[1].Adjust; len(a) != 1 || a[0].Var != v.ID || a[0].Value != target || a[0].Reason != wantReason {
		t.Errorf("record of turn 2: %+v", rec.Turns[1].Adjust)
	}
	if !slices.Equal(k.Game.State().Vals, f.Game.State().Vals) {
		t.Error("the loaded game differs from the one saved")
	}
	tl := Timeline(k.Game)
	if len(tl[1].Facilitator) != 1 || !strings.Contains(tl[1].Facilitator[0], wantReason) || len(tl[0].Facilitator) != 0 {
		t.Errorf("timeline interventions %q, %q", tl[0].Facilitator, tl[1].Facilitator)
	}
}

func TestFacilitatorRefuses(t *testing.T) {
	f, st := newFixture(t, solo(6)...)
	f.Do(Do(Confirm))
	f.Do(Do(Confirm))
	m := f.Game.Model
	vi := knownVar(t, f, 0)
	v := m.Scenario.Vars[vi]
	lo, hi := m.Bounds(vi)
	over := fmt.Sprint(hi + 1)
	for _, tc := range []struct {
		name, value, reason string
		want                string
		row                 int
	}{
		{"out of bounds", over, "why not", fmt.Sprintf("%s is outside the bounds of %s (from %s to %s); nothing was changed.", m.Format(vi, hi+1), v.Name, m.Format(vi, lo), m.Format(vi, hi)), FacRowValue},
		{"not a number", "--", "why not", "Type the new value of " + v.Name + " as a number, such as 42 or -1.5; nothing was changed.", FacRowValue},
		{"no value", "", "why not", "Type the new value of " + v.Name + " as a number, such as 42 or -1.5; nothing was changed.", FacRowValue},
		{"no reason", fmt.Sprint(lo), "   ", "Give a reason: it is logged with the change and shown in the reports; nothing was changed.", FacRowReason},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := len(f.Game.Ledger())
			adjust(f, vi, tc.value, tc.reason)
			if f.Message != tc.want {
				t.Errorf("message %q\nwant    %q", f.Message, tc.want)
			}
			if f.FacPage() != FacValue || f.Cursor() != tc.row {
				t.Errorf("page %v row %d, want the value page on row %d", f.FacPage(), f.Cursor(), tc.row)
			}
			if len(f.Game.Ledger()) != before || len(f.Game.Record().Pending) != 0 {
				t.Error("a refused adjustment changed the game")
			}
			if _, ok := st[SlotAuto]; ok {
				t.Error("a refused adjustment autosaved")
			}
			f.Do(Do(Back)) // to the list
			f.Do(Do(Back)) // to the menu
			f.Do(Do(Back)) // to the briefing
			if f.Scene() != Briefing {
				t.Fatalf("scene %v", f.Scene())
			}
		})
	}
}

func TestFacilitatorInject(t *testing.T) {
	f, st := newFixture(t, solo(6)...)
	f.Do(Do(Confirm))
	f.Do(Do(Confirm))
	g := f.Game
	m := g.Model
	ei := choiceEvent(t, f, 0)
	ev := m.Scenario.Events[ei]
	n := len(g.Briefing())
	f.Do(Do(Facilitate))
	f.Do(Input{Action: Select, Item: FacRowInject})
	if f.FacPage() != FacInject {
		t.Fatalf("page %v", f.FacPage())
	}
	row := slices.Index(f.InjectableEvents(), ei)
	f.Do(Input{Action: Select, Item: row})
	if len(g.Briefing()) != n {
		t.Fatal("a click on an event injected it; only Enter should")
	}
	f.Do(Do(Confirm))
	if want := "Injected " + ev.Name + " into this turn's briefing. " + m.Scenario.Actors[0].Name + " will be asked to choose. Autosaved."; f.Message != want {
		t.Errorf("message %q\nwant    %q", f.Message, want)
	}
	if b := g.State().Briefing; len(b) != n+1 || b[n] != ei {
		t.Errorf("briefing %v, want %d added", b, ei)
	}
	if slices.Contains(f.InjectableEvents(), ei) {
		t.Error("the injected event can be injected again")
	}
	if _, ok := st[SlotAuto]; !ok {
		t.Error("no autosave after the inject")
	}
	f.Do(Do(Back))
	f.Do(Do(Back))
	if f.Scene() != Briefing {
		t.Fatalf("scene %v, want the briefing", f.Scene())
	}
	// The person is asked to choose in it.
	f.Do(Do(Confirm))
	if f.Scene() != Choice || !slices.Contains(f.Pending(), ei) {
		t.Fatalf("scene %v pending %v, want the choice of %d", f.Scene(), f.Pending(), ei)
	}
	for f.Pending()[0] != ei {
		f.Do(Do(Confirm))
	}
	f.Do(Do(Down))
	f.Do(Do(Confirm))
	for f.Scene() == Choice {
		f.Do(Do(Confirm))
	}
	f.Do(Do(Confirm)) // submit the orders
	if f.Scene() != Adjudication {
		t.Fatalf("scene %v (%s)", f.Scene(), f.Message)
	}
	rep := g.Reports()[0]
	if !slices.Contains(rep.Events, ei) || rep.Choices[ei] != 1 {
		t.Errorf("turn 1 events %v, choice %d, want %d with option 1", rep.Events, rep.Choices[ei], ei)
	}
	tl := Timeline(g)
	marked := slices.ContainsFunc(tl[0].Events, func(l string) bool {
		return strings.HasPrefix(l, ev.Name+" (injected by the facilitator) — ")
	})
	if !marked || len(tl[0].Facilitator) != 0 {
		t.Errorf("timeline events %q, adjustments %q: want %s marked as injected", tl[0].Events, tl[0].Facilitator, ev.Name)
	}
	if ivs := Interventions(g, 1); len(ivs) != 1 || ivs[0] != (Intervention{Var: -1, Text: "Injected event: " + ev.Name}) {
		t.Errorf("interventions %+v", ivs)
	}
}

// TestFacilitatorInjectAfterOrders checks that a person who has already
// ordered is called back to choose in an event injected for them.
func TestFacilitatorInjectAfterOrders(t *testing.T) {
	f, _ := newFixture(t, twoPeople(6)...)
	f.Do(Do(Confirm))
	f.Do(Do(Confirm))
	for f.Scene() != Handover || f.Current != 0 {
		f.Do(Do(Confirm))
	}
	f.Do(Do(Confirm))
	f.Do(Do(Confirm)) // the first person's own briefing
	for f.Scene() == Choice {
		f.Do(Do(Confirm))
	}
	m := f.Game.Model
	mine := m.ActorLevers(0)
	if len(mine) == 0 {
		t.Fatal("the first actor has no levers")
	}
	f.Do(Input{Action: SetLevel, Item: 0, Value: 1})
	f.Do(Do(Confirm)) // the first person's orders
	if f.Scene() != Handover || f.Current != 1 {
		t.Fatalf("scene %v current %d, want the hand-over to actor 1", f.Scene(), f.Current)
	}
	ei := choiceEvent(t, f, 0)
	f.Do(Do(Facilitate))
	f.Do(Input{Action: Select, Item: FacRowInject})
	f.Do(Input{Action: Select, Item: slices.Index(f.InjectableEvents(), ei)})
	f.Do(Do(Confirm))
	if !strings.Contains(f.Message, m.Scenario.Actors[0].Name+" has already ordered and will be asked to choose after the others.") {
		t.Errorf("message %q", f.Message)
	}
	f.Do(Do(Back))
	f.Do(Do(Back))
	f.Do(Do(Confirm)) // actor 1 is ready
	f.Do(Do(Confirm)) // actor 1's own briefing
	for f.Scene() == Choice {
		f.Do(Do(Confirm))
	}
	f.Do(Do(Confirm)) // actor 1's orders
	if f.Scene() != Handover || f.Current != 0 {
		t.Fatalf("scene %v current %d, want the hand-over back to actor 0", f.Scene(), f.Current)
	}
	f.Do(Do(Confirm))
	f.Do(Do(Confirm)) // actor 0's own briefing
	if f.Scene() != Choice || len(f.Pending()) != 1 || f.Pending()[0] != ei {
		t.Fatalf("scene %v pending %v, want only the injected choice %d", f.Scene(), f.Pending(), ei)
	}
	f.Do(Do(Down))
	f.Do(Do(Confirm))
	if f.Scene() != Orders || f.Levels[mine[0]] != 1 {
		t.Fatalf("scene %v, first lever at %d: want the orders already given (level 1)", f.Scene(), f.Levels[mine[0]])
	}
	f.Do(Do(Confirm))
	if f.Scene() != Adjudication {
		t.Fatalf("scene %v (%s)", f.Scene(), f.Message)
	}
	rep := f.Game.Reports()[0]
	if rep.Choices[ei] != 1 || rep.Levels[mine[0]] != 1 {
		t.Errorf("choice %d level %d, want 1 and 1", rep.Choices[ei], rep.Levels[mine[0]])
	}
}

// TestFacilitatorAdjustRecallsOrders checks that a person whose orders an
// adjustment makes unavailable is asked to order again, so that the turn
// can still be played.
func TestFacilitatorAdjustRecallsOrders(t *testing.T) {
	f, _ := newFixture(t, solo(6)...)
	f.Do(Do(Confirm))
	f.Do(Do(Confirm))
	m := f.Game.Model
	// A lever that one value of an indicator allows and another forbids.
	avail := func(l, v int, val float64) bool {
		g2, err := sim.Replay(m, f.Game.Record())
		if err != nil {
			t.Fatal(err)
		}
		if g2.Adjust(m.Scenario.Vars[v].ID, val, "probe") != nil {
			return false
		}
		ok, _ := m.Available(g2.State(), l)
		return ok
	}
	li, vi, on, off := -1, -1, 0.0, 0.0
search:
	for l := range m.Scenario.Levers {
		a := m.LeverActor(l)
		if m.Scenario.Levers[l].Requires.IsZero() || a == len(m.Scenario.Actors)-1 || !m.Affordable(a, m.CostIn(nil, l, 1)) {
			continue
		}
		for v := range m.Scenario.Vars {
			lo, hi := m.Bounds(v)
			if math.IsInf(lo, 0) || math.IsInf(hi, 0) {
				continue
			}
			for _, p := range [][2]float64{{hi, lo}, {lo, hi}} {
				if avail(l, v, p[0]) && !avail(l, v, p[1]) {
					li, vi, on, off = l, v, p[0], p[1]
					break search
				}
			}
		}
	}
	if li < 0 {
		t.Fatal("no adjustment makes a lever unavailable")
	}
	a := m.LeverActor(li)
	seats := solo(len(m.Scenario.Actors))
	seats[0].Human = false
	seats[a].Human, seats[a+1].Human = true, true
	f, _ = newFixture(t, seats...)
	f.Do(Do(Confirm))
	f.Do(Do(Confirm))
	adjust(f, vi, fmt.Sprint(on), "the lever is allowed")
	f.Do(Do(Back))
	f.Do(Do(Back))
	f.Do(Do(Confirm)) // the briefing
	f.Do(Do(Confirm)) // the hand-over to a
	f.Do(Do(Confirm)) // a's own briefing
	for f.Scene() == Choice {
		f.Do(Do(Confirm))
	}
	row := slices.Index(m.ActorLevers(a), li)
	f.Do(Input{Action: SetLevel, Item: row, Value: 1})
	if f.Levels[li] != 1 {
		t.Fatalf("lever not raised: %s", f.Message)
	}
	f.Do(Do(Confirm))
	if f.Scene() != Handover || f.Current != a+1 {
		t.Fatalf("scene %v current %d", f.Scene(), f.Current)
	}
	adjust(f, vi, fmt.Sprint(off), "the room decided")
	if want := m.Scenario.Actors[a].Name + "'s orders are no longer all allowed; they will be asked to order again after the others."; !strings.Contains(f.Message, want) {
		t.Errorf("message %q, want it to say %q", f.Message, want)
	}
	f.Do(Do(Back))
	f.Do(Do(Back))
	f.Do(Do(Back))
	recalled := false
	for f.Scene() != Adjudication && f.Scene() != Briefing {
		if f.Scene() == Orders && f.Current == a {
			recalled = true
			if f.Levels[li] != 0 {
				t.Errorf("the unavailable lever is still at level %d in the recalled orders", f.Levels[li])
			}
		}
		f.Do(Do(Confirm))
	}
	if !recalled {
		t.Error("the person whose orders became unavailable was not asked again")
	}
	if f.Scene() != Adjudication || f.Game.Reports()[0].Levels[li] != 0 {
		t.Errorf("scene %v (%s), want the turn played without the unavailable lever", f.Scene(), f.Message)
	}
}
