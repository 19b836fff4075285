package flow

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/sixparty/sixparty/savegame"
	"github.com/sixparty/sixparty/scenarios"
	"github.com/sixparty/sixparty/sim"
	"github.com/sixparty/sixparty/sim/ai"
)

// memStore keeps saves in memory.
type memStore map[string][]byte

func (s memStore) Save(slot string, f *savegame.File) error {
	b, err := f.Marshal()
	if err != nil {
		return err
	}
	s[slot] = b
	return nil
}

func (s memStore) Load(slot string) (*savegame.File, error) {
	b, ok := s[slot]
	if !ok {
		return nil, errors.New("savegame: no save in slot " + slot)
	}
	return savegame.Unmarshal(b)
}

func open(src string) (*sim.Model, error) { return scenarios.LoadBuiltin(src) }

func newFlow(t *testing.T, seats ...Seat) (*Flow, memStore) {
	t.Helper()
	return newFlowStore(t, memStore{}, seats...)
}

func newFlowStore(t *testing.T, st memStore, seats ...Seat) (*Flow, memStore) {
	t.Helper()
	f := New(Config{Builtin: scenarios.Builtin(), Source: scenarios.Default, Open: open, Store: st, Seats: seats})
	if f.Model == nil {
		t.Fatalf("default scenario did not load: %s", f.Message)
	}
	return f, st
}

// solo seats: the first actor a person, the rest the computer.
func solo(n int) []Seat {
	s := make([]Seat, n)
	for i := range s {
		s[i] = Seat{Level: ai.Easy}
	}
	s[0].Human = true
	return s
}

// chooser returns the actor of the first event choice of m.
func chooser(t *testing.T, m *sim.Model) int {
	t.Helper()
	for ei, e := range m.Scenario.Events {
		if e.Choice != nil {
			return m.Chooser(ei)
		}
	}
	t.Fatalf("scenario %s has no event choices", m.Scenario.Meta.ID)
	return -1
}

// playOne stands for a whole turn played with Confirm.
var playOne = Input{Action: -1}

func TestScenes(t *testing.T) {
	const n = 6
	two := solo(n)
	two[1].Human = true
	for _, tc := range []struct {
		name   string
		seats  []Seat
		inputs []Input
		want   SceneID
	}{
		{"title", solo(n), nil, Title},
		{"new game", solo(n), []Input{Do(Confirm)}, Setup},
		{"setup back", solo(n), []Input{Do(Confirm), Do(Back)}, Title},
		{"start", solo(n), []Input{Do(Confirm), Do(Confirm)}, Briefing},
		{"solo orders", solo(n), []Input{Do(Confirm), Do(Confirm), Do(Confirm)}, Orders},
		{"briefs do not advance", solo(n), []Input{Do(Confirm), Do(Confirm), Do(ToggleBriefs), Do(Confirm)}, Briefing},
		{"map and back", solo(n), []Input{Do(Confirm), Do(Confirm), Do(OpenMap)}, Map},
		{"map closes", solo(n), []Input{Do(Confirm), Do(Confirm), Do(OpenMap), Do(Back)}, Briefing},
		{"dashboard from orders", solo(n), []Input{Do(Confirm), Do(Confirm), Do(Confirm), Do(OpenDashboard)}, Dashboard},
		{"dashboard back to orders", solo(n), []Input{Do(Confirm), Do(Confirm), Do(Confirm), Do(OpenDashboard), Do(Back)}, Orders},
		{"submit", solo(n), []Input{Do(Confirm), Do(Confirm), Do(Confirm), Do(Confirm)}, Adjudication},
		{"report", solo(n), []Input{Do(Confirm), Do(Confirm), Do(Confirm), Do(Confirm), Do(Confirm), Do(Confirm)}, Report},
		{"why", solo(n), []Input{Do(Confirm), Do(Confirm), Do(Confirm), Do(Confirm), Do(Confirm), Do(Confirm), Do(AskWhy)}, Why},
		{"why back", solo(n), []Input{Do(Confirm), Do(Confirm), Do(Confirm), Do(Confirm), Do(Confirm), Do(Confirm), Do(AskWhy), Do(Back)}, Report},
		{"next turn", solo(n), []Input{Do(Confirm), Do(Confirm), Do(Confirm), Do(Confirm), Do(Confirm), Do(Confirm), Do(Confirm)}, Briefing},
		{"end early", solo(n), []Input{Do(Confirm), Do(Confirm), Do(EndGame), Do(Confirm)}, End},
		{"end early asks", solo(n), []Input{Do(Confirm), Do(Confirm), Do(EndGame)}, Confirming},
		{"end early declined", solo(n), []Input{Do(Confirm), Do(Confirm), Do(EndGame), Do(Back)}, Briefing},
		{"hot-seat handover", two, []Input{Do(Confirm), Do(Confirm), Do(Confirm)}, Handover},
		{"hot-seat own briefing", two, []Input{Do(Confirm), Do(Confirm), Do(Confirm), Do(Confirm)}, Handover},
		{"hot-seat own briefing declined", two, []Input{Do(Confirm), Do(Confirm), Do(Confirm), Do(Confirm), Do(Back), Do(Confirm)}, Handover},
		{"hot-seat first orders", two, []Input{Do(Confirm), Do(Confirm), Do(Confirm), Do(Confirm), Do(Confirm)}, Orders},
		{"hot-seat second handover", two, []Input{Do(Confirm), Do(Confirm), Do(Confirm), Do(Confirm), Do(Confirm), Do(Confirm)}, Handover},
		{"hot-seat adjudication", two, []Input{Do(Confirm), Do(Confirm), Do(Confirm), Do(Confirm), Do(Confirm), Do(Confirm), Do(Confirm), Do(Confirm), Do(Confirm)}, Adjudication},
		{"quit", solo(n), []Input{Do(Back)}, Title},
		{"second turn's orders", solo(n), []Input{Do(Confirm), Do(Confirm), playOne, Do(Confirm)}, Orders},
		{"map over the dashboard", solo(n), []Input{Do(Confirm), Do(Confirm), Do(OpenDashboard), Do(Back), Do(OpenMap), Do(Back)}, Briefing},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, _ := newFlow(t, tc.seats...)
			for i, in := range tc.inputs {
				if in == playOne {
					playTurn(f)
					continue
				}
				f.Do(in)
				if f.Message != "" && strings.HasPrefix(f.Message, "The turn could not") {
					t.Fatalf("input %d: %s", i, f.Message)
				}
			}
			if f.Scene() != tc.want {
				t.Errorf("scene %v, want %v (message %q)", f.Scene(), tc.want, f.Message)
			}
		})
	}
}

func TestEndPages(t *testing.T) {
	f, _ := newFlow(t, solo(6)...)
	f.Do(Do(Confirm))
	f.Do(Do(Confirm))
	f.Do(Do(EndGame))
	f.Do(Do(Confirm)) // yes, end it
	pages := f.EndPages()
	if want := 2 + 1 + (len(f.Game.Model.Scenario.Vars)+ChartsPerPage-1)/ChartsPerPage; pages != want {
		t.Errorf("EndPages = %d, want %d", pages, want)
	}
	for p := 1; p < pages; p++ {
		f.Do(Do(Right))
		if f.Scene() != End || f.Page() != p {
			t.Fatalf("after %d Rights: scene %v page %d", p, f.Scene(), f.Page())
		}
	}
	f.Do(Do(Right))
	if f.Page() != pages-1 {
		t.Errorf("Right on the last page moved to page %d", f.Page())
	}
	if f.Label(Confirm) != "back to the title" {
		t.Errorf("label of Confirm on the last page %q", f.Label(Confirm))
	}
	f.Do(Do(Confirm))
	if f.Scene() != Title || f.Game != nil {
		t.Errorf("Confirm on the last page: scene %v", f.Scene())
	}
}

func TestEndPageKinds(t *testing.T) {
	f, _ := newFlow(t, solo(6)...)
	f.Do(Do(Confirm))
	f.Do(Do(Confirm))
	for range 5 {
		playTurn(f)
	}
	f.Do(Do(EndGame))
	f.Do(Do(Confirm)) // yes, end it
	nv := len(f.Game.Model.Scenario.Vars)
	want := [][2]any{{EndSummary, 0}, {EndReview, 0}, {EndTimeline, 1}, {EndTimeline, 5}, {EndCharts, 0}}
	for p, w := range want {
		kind, first := f.EndPage(p)
		if kind != w[0] || first != w[1] {
			t.Errorf("EndPage(%d) = %s %d, want %v %v", p, kind, first, w[0], w[1])
		}
	}
	if got, want := f.EndPages(), 4+(nv+ChartsPerPage-1)/ChartsPerPage; got != want {
		t.Errorf("EndPages = %d, want %d", got, want)
	}
	tl := Timeline(f.Game)
	if len(tl) != 5 || len(tl[0].Changes) != 2 || tl[4].Date != f.Game.Model.Date(5) {
		t.Errorf("timeline %+v", tl)
	}
	if kept := f.Timeline(); !reflect.DeepEqual(kept, tl) {
		t.Errorf("f.Timeline() = %+v, want Timeline(f.Game) = %+v", kept, tl)
	}
}

func TestWhyFromDashboard(t *testing.T) {
	f, _ := newFlow(t, solo(6)...)
	f.Do(Do(Confirm))
	f.Do(Do(Confirm))
	playTurn(f)
	f.Do(Do(Confirm)) // to the orders
	f.Do(Do(OpenDashboard))
	known, hidden := -1, -1
	for row, vi := range f.DashVars() {
		if f.Known(vi) && known < 0 {
			known = row
		}
		if !f.Known(vi) && hidden < 0 {
			hidden = row
		}
	}
	if known < 0 || hidden < 0 {
		t.Fatalf("want both a known and an estimated indicator (known row %d, estimated row %d)", known, hidden)
	}
	f.Do(Input{Action: Select, Item: hidden})
	f.Do(Do(AskWhy))
	if w := SceneOf[*WhyScene](f); f.Scene() != Why || !w.Hidden || len(f.WhyReasons()) != 0 || len(f.EstimateBasis(w.Var)) < 2 {
		t.Errorf("why of an estimate: scene %v, hidden %v, %d reasons (want none), basis %q", f.Scene(), w != nil && w.Hidden, len(f.WhyReasons()), f.EstimateBasis(f.WhyVar()))
	}
	f.Do(Do(Back))
	f.Do(Input{Action: Select, Item: known})
	f.Do(Do(AskWhy))
	if f.Scene() != Why || f.WhyVar() != f.DashVars()[known] || f.Viewer() != f.Current {
		t.Fatalf("why: scene %v var %d viewer %d", f.Scene(), f.WhyVar(), f.Viewer())
	}
	f.Do(Do(Back))
	if f.Scene() != Dashboard || f.Cursor() != known {
		t.Errorf("back from why: scene %v cursor %d, want dashboard row %d", f.Scene(), f.Cursor(), known)
	}
	f.Do(Do(Back))
	if f.Scene() != Orders {
		t.Errorf("back from the dashboard: scene %v, want orders", f.Scene())
	}
}

func TestWhyFollowsInputs(t *testing.T) {
	f, _ := newFixture(t)
	f.Seats = make([]Seat, len(f.Seats)) // all computer: everything is known
	for i := range f.Seats {
		f.Seats[i] = Seat{Level: ai.Easy}
	}
	f.Do(Do(Confirm))
	f.Do(Do(Confirm))
	f.Do(Do(Confirm)) // no person: straight to adjudication
	f.Do(Do(Confirm))
	f.Do(Do(Confirm))
	if f.Scene() != Report {
		t.Fatalf("scene %v", f.Scene())
	}
	// Find a change whose cause has moved inputs.
	var from, to int = -1, -1
	for row, e := range f.ReportRows() {
		f.Do(Input{Action: Select, Item: row})
		f.Do(Do(AskWhy))
		if links := f.WhyLinks(); len(links) > 0 {
			from, to = e.Var, links[0]
			break
		}
		f.Do(Do(Back))
	}
	if from < 0 {
		t.Fatal("no change on turn 1 has a cause with moved inputs")
	}
	f.Do(Do(AskWhy))
	if f.Scene() != Why || f.WhyVar() != to {
		t.Fatalf("following the first input: scene %v var %d, want why of %d", f.Scene(), f.WhyVar(), to)
	}
	f.Do(Do(Back))
	if f.Scene() != Why || f.WhyVar() != from {
		t.Errorf("back: scene %v var %d, want why of %d", f.Scene(), f.WhyVar(), from)
	}
	f.Do(Do(Back))
	if f.Scene() != Report {
		t.Errorf("back again: scene %v, want report", f.Scene())
	}
}

func TestQuit(t *testing.T) {
	f, _ := newFlow(t)
	f.Do(Do(Back))
	if !f.Quit {
		t.Error("Back on the title did not quit")
	}
}

func TestChoicePopsUpForChooser(t *testing.T) {
	m, err := openFixture("fixture")
	if err != nil {
		t.Fatal(err)
	}
	c := chooser(t, m)
	seats := solo(len(m.Scenario.Actors))
	seats[0].Human = false
	seats[c].Human = true
	f, _ := newFixture(t, seats...)
	f.Do(Do(Confirm)) // setup
	f.Do(Do(Confirm)) // briefing
	var ev *sim.Event
	for turn := 1; turn <= m.Scenario.Meta.Turns && f.Scene() != End; turn++ {
		f.Do(Do(Confirm)) // leave briefing
		if f.Scene() == Choice {
			ev = &m.Scenario.Events[f.Pending()[0]]
			f.Do(Do(Down))
			f.Do(Do(Confirm))
			break
		}
		for f.Scene() != Briefing && f.Scene() != End {
			f.Do(Do(Confirm))
		}
	}
	if ev == nil {
		t.Fatal("the chooser was never asked to choose")
	}
	if f.Scene() != Orders {
		t.Fatalf("after the choice: scene %v, want orders", f.Scene())
	}
	f.Do(Do(Confirm))
	rep := f.Game.Reports()[f.Played-1]
	if got := rep.Choices[m.EventIndex(ev.ID)]; got != 1 {
		t.Errorf("option played %d, want 1 (the second, chosen with Down)", got)
	}
}

func TestOrdersLevels(t *testing.T) {
	f, _ := newFixture(t, solo(6)...)
	f.Do(Do(Confirm))
	f.Do(Do(Confirm))
	f.Do(Do(Confirm))
	if f.Scene() != Orders {
		t.Fatalf("scene %v", f.Scene())
	}
	m := f.Game.Model
	mine := m.ActorLevers(f.Current)
	budget := m.Scenario.Actors[f.Current].Budget
	// Raise every lever as far as it goes: the budget must hold and the
	// refusals must say why.
	for row := range mine {
		f.Do(Input{Action: Select, Item: row})
		for range 5 {
			f.Do(Do(Right))
		}
	}
	if f.Spent() > budget {
		t.Errorf("spent %g over the budget %g", f.Spent(), budget)
	}
	refused := false
	for row, li := range mine {
		l := m.Scenario.Levers[li]
		for lvl := range l.Levels {
			if err := f.CheckLevel(li, lvl); err != nil {
				refused = true
				if !strings.Contains(err.Error(), "not enough political capital") && !strings.Contains(err.Error(), "not available") {
					t.Errorf("row %d level %d: unexpected refusal %v", row, lvl, err)
				}
			}
		}
	}
	if !refused {
		t.Error("every level was affordable; the budget check was not exercised")
	}
	f.Do(Input{Action: SetLevel, Item: 0, Value: 0})
	if f.Levels[mine[0]] != 0 {
		t.Errorf("SetLevel to 0 left level %d", f.Levels[mine[0]])
	}
	f.Do(Input{Action: SetLevel, Item: 0, Value: 99})
	if f.Levels[mine[0]] != 0 {
		t.Errorf("SetLevel out of range changed the level to %d", f.Levels[mine[0]])
	}
	f.Do(Input{Action: SetLevel, Item: 0, Value: 1})
	f.Do(Do(Confirm))
	if f.Scene() != Adjudication {
		t.Fatalf("scene %v after submitting", f.Scene())
	}
	rep := f.Game.Reports()[0]
	if rep.Levels[mine[0]] != 1 {
		t.Errorf("played level %d, want 1", rep.Levels[mine[0]])
	}
	if len(f.Explain()) != 5 {
		t.Errorf("%d explanations, want one per computer seat (5)", len(f.Explain()))
	}
}

func TestSetupEditing(t *testing.T) {
	f, _ := newFlow(t)
	f.Do(Do(Confirm))
	f.Do(Input{Action: Select, Item: RowSeed})
	if !f.WantsText() {
		t.Fatal("the seed row takes no text")
	}
	for range 10 {
		f.Do(Do(Erase))
	}
	for _, r := range "4x2" {
		f.Do(Input{Action: Type, Rune: r})
	}
	if SceneOf[*SetupScene](f).SeedText != "42" {
		t.Errorf("seed text %q, want 42 (letters refused)", SceneOf[*SetupScene](f).SeedText)
	}
	f.Do(Input{Action: Select, Item: SeatRow(2)})
	f.Do(Do(Left))
	f.Do(Do(Left))
	if !f.Seats[2].Human {
		t.Errorf("seat 2 is %v after Left twice from computer (normal), want person", f.Seats[2])
	}
	f.Do(Do(Left))
	if f.Seats[2] != (Seat{Level: ai.Hard}) {
		t.Errorf("seat 2 is %v after Left from person, want computer (hard)", f.Seats[2])
	}
	f.Do(Input{Action: Select, Item: RowPath})
	for _, r := range "/nonexistent.yaml" {
		f.Do(Input{Action: Type, Rune: r})
	}
	f.Do(Do(Confirm))
	if f.Model != nil || f.Message == "" {
		t.Errorf("a missing file loaded (message %q)", f.Message)
	}
	f.Do(Input{Action: Select, Item: f.StartRow()})
	f.Do(Do(Confirm))
	if f.Scene() != Setup || f.Message != "Choose a scenario that loads first." {
		t.Errorf("started without a scenario: scene %v, message %q", f.Scene(), f.Message)
	}
	f.Do(Input{Action: Select, Item: RowScenario})
	f.Do(Do(Right))
	if f.Model == nil {
		t.Fatalf("cycling back to the built-in scenario did not load it: %s", f.Message)
	}
	f.Do(Input{Action: Select, Item: RowSeed})
	for _, r := range "7" {
		f.Do(Input{Action: Type, Rune: r})
	}
	f.Do(Input{Action: Select, Item: f.StartRow()})
	f.Do(Do(Confirm))
	if f.Scene() != Briefing || f.Game.Seed != f.Model.Scenario.Meta.Seed*10+7 {
		t.Errorf("scene %v seed %d", f.Scene(), f.Game.Seed)
	}
}

func playTurn(f *Flow) {
	for f.Scene() != Report {
		f.Do(Do(Confirm))
	}
	f.Do(Do(Confirm))
}

func TestSaveLoad(t *testing.T) {
	f, st := newFlow(t, solo(6)...)
	f.Do(Do(Confirm))
	f.Do(Do(Confirm))
	playTurn(f)
	playTurn(f)
	if _, ok := st[SlotAuto]; !ok {
		t.Fatal("no autosave after a turn")
	}
	f.Do(Do(Save))
	if !strings.HasPrefix(f.Message, "Saved after 2 turns") {
		t.Errorf("save message %q", f.Message)
	}
	vals := append([]float64(nil), f.Game.State().Vals...)

	g, _ := newFlowStore(t, st)
	g.Do(Do(Load))
	if g.Scene() != Briefing || g.Played != 2 || g.Game.Turn() != 3 {
		t.Fatalf("after load: scene %v played %d turn %d (%s)", g.Scene(), g.Played, g.Game.Turn(), g.Message)
	}
	for i := range vals {
		if vals[i] != g.Game.State().Vals[i] {
			t.Errorf("var %d: %v after load, want %v", i, g.Game.State().Vals[i], vals[i])
		}
	}

	// A damaged save changes nothing and says so.
	st[SlotSave] = []byte(`{"format": "sixparty-save", "version": 1, "source": "x"`)
	before := g.Game
	g.Do(Do(Save)) // overwrite with the good game first, then damage it
	st[SlotSave] = st[SlotSave][:40]
	g.goTo(&TitleScene{})
	g.Do(Do(Load))
	if g.Game != before || g.Scene() != Title || !strings.HasPrefix(g.Message, "Could not load: savegame: not a sixparty save") {
		t.Errorf("damaged save: scene %v, message %q", g.Scene(), g.Message)
	}
	g.Do(Do(Autosave))
	if g.Scene() != Briefing || g.Played != 2 {
		t.Errorf("autosave: scene %v played %d (%s)", g.Scene(), g.Played, g.Message)
	}

	// A save of another scenario version is refused.
	file, _ := st.Load(SlotAuto)
	file.Hash, file.Record.Hash = "feed", "feed"
	st.Save(SlotSave, file)
	h, _ := newFlowStore(t, st)
	h.Do(Do(Load))
	if h.Game != nil || !strings.Contains(h.Message, "another version") {
		t.Errorf("foreign save: game %v, message %q", h.Game != nil, h.Message)
	}
}

func TestHotSeatFog(t *testing.T) {
	m, _ := open(scenarios.Default)
	seats := solo(len(m.Scenario.Actors))
	seats[len(seats)-1].Human = true // the last actor too
	f, _ := newFlow(t, seats...)
	f.Do(Do(Confirm))
	f.Do(Do(Confirm))
	if f.Viewer() != -2 {
		t.Fatalf("shared briefing viewer %d, want -2", f.Viewer())
	}
	for _, vi := range f.DashVars() {
		for _, h := range f.Humans() {
			if !f.Game.View(h).Exact[vi] {
				t.Errorf("shared dashboard shows %s, which actor %d sees only as an estimate", m.Scenario.Vars[vi].ID, h)
			}
		}
	}
	f.Do(Do(Confirm)) // handover
	f.Do(Do(Confirm)) // the first person's own briefing
	if !f.SeatBriefing() || f.Viewer() != f.Current || f.ScoreSeat() != f.Current {
		t.Fatalf("own briefing %v: viewer %d score seat %d current %d", f.SeatBriefing(), f.Viewer(), f.ScoreSeat(), f.Current)
	}
	f.Do(Do(Confirm)) // orders of the first person
	if f.Scene() != Orders || f.Viewer() != f.Current {
		t.Fatalf("scene %v viewer %d current %d", f.Scene(), f.Viewer(), f.Current)
	}
	est := false
	for _, vi := range f.DashVars() {
		if !f.Known(vi) {
			est = true
			if v := f.Value(vi); !strings.HasPrefix(v, "≈ ") || !strings.Contains(v, " ± ") {
				t.Errorf("estimate of %s shown as %q", m.Scenario.Vars[vi].ID, v)
			}
		}
	}
	if !est {
		t.Error("the first person sees every variable exactly; the scenario has fog")
	}
}

func TestScript(t *testing.T) {
	m, _ := open(scenarios.Default)
	seats := solo(len(m.Scenario.Actors))
	seats[chooser(t, m)].Human = true
	f, _ := newFlow(t, seats...)
	s := &Script{Turns: 2}
	seen := map[string]bool{}
	for i := 0; !f.Quit; i++ {
		if i > 1000 {
			t.Fatal("the script did not end")
		}
		seen[f.ShotKey()] = true
		f.Do(s.Next(f))
	}
	for _, k := range []string{"title", "setup", "briefing", "briefing-briefs", "map", "handover", "orders", "dashboard", "adjudication", "adjudication-changes", "report", "why", "end-1", "end-2", "end-3", "end-4", "facilitator", "facilitator-adjust", "facilitator-value", "facilitator-inject"} {
		if !seen[k] {
			t.Errorf("the script never showed %s", k)
		}
	}
	if f.Played != 2 {
		t.Errorf("played %d turns, want 2", f.Played)
	}
}

func TestFormatting(t *testing.T) {
	m, _ := open(scenarios.Default)
	vi := 0
	for i, v := range m.Scenario.Vars {
		if v.Unit != "" {
			vi = i
			break
		}
	}
	v := m.Scenario.Vars[vi]
	if got, want := FormatValue(m, vi, 2, 0.5, true), "≈ "+m.Format(vi, 2)+" ± "+m.Format(vi, 0.5)+" "+v.Unit; got != want {
		t.Errorf("FormatValue estimate = %q, want %q", got, want)
	}
	if got, want := FormatValue(m, vi, 2, 0, false), m.Format(vi, 2)+" "+v.Unit; got != want {
		t.Errorf("FormatValue = %q, want %q", got, want)
	}
	for _, tc := range []struct {
		d    float64
		want string
	}{{2, "▲ +"}, {-2, "▼ -"}, {0, "= "}} {
		if got := Signed(m, vi, tc.d); !strings.HasPrefix(got, tc.want) {
			t.Errorf("Signed(%v) = %q, want prefix %q", tc.d, got, tc.want)
		}
	}
	e := sim.Effect{Target: v.ID, Change: sim.Expr{Src: "3 *\n level"}, Delay: 1, Lasts: 4}
	if got, want := EffectText(m, e), v.Name+" changes each turn by: 3 * level (after 1 turn, for 4 turns)"; got != want {
		t.Errorf("EffectText = %q, want %q", got, want)
	}
	e.Note = "rises"
	e.Delay, e.Lasts = 0, 1
	if got, want := EffectText(m, e), v.Name+": rises"; got != want {
		t.Errorf("EffectText = %q, want %q", got, want)
	}
}

func TestFirstLine(t *testing.T) {
	if got := FirstLine(errors.New("one")); got != "one" {
		t.Errorf("got %q", got)
	}
	if got, want := FirstLine(errors.New("a.yaml:1:1: bad\na.yaml:2:1: worse\n")), "a.yaml:1:1: bad (+1 more; run 'sixparty validate' on the file)"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestSeatStrings(t *testing.T) {
	for _, s := range seatCycle {
		back, err := ParseSeat(s.String())
		if err != nil || back != s {
			t.Errorf("ParseSeat(%q) = %v, %v", s.String(), back, err)
		}
	}
	if _, err := ParseSeat("robot"); err == nil || err.Error() != `ui: unknown seat "robot" (want person or computer:DIFFICULTY)` {
		t.Errorf("ParseSeat(robot) err = %v", err)
	}
}

func TestGroups(t *testing.T) {
	m, _ := open(scenarios.Default)
	n := 0
	for _, g := range Groups(m) {
		if g.Name == "" || len(g.Vars) == 0 {
			t.Errorf("empty group %+v", g)
		}
		n += len(g.Vars)
	}
	if n != len(m.Scenario.Vars) {
		t.Errorf("groups hold %d variables, want %d", n, len(m.Scenario.Vars))
	}
}

// TestChoiceGuard: in a ticking flow (the window), Enter in the frames
// just after an event's choice opens is ignored with a message, so a
// double Enter on the screen before cannot answer it unseen; a later
// Enter chooses. An unticked flow (scripts, tests) chooses at once.
func TestChoiceGuard(t *testing.T) {
	m, err := openFixture("fixture")
	if err != nil {
		t.Fatal(err)
	}
	c := chooser(t, m)
	seats := solo(len(m.Scenario.Actors))
	seats[0].Human = false
	seats[c].Human = true
	f, _ := newFixture(t, seats...)
	f.Tick()
	f.Do(Do(Confirm)) // setup
	f.Do(Do(Confirm)) // briefing
	for f.Scene() != Choice && f.Scene() != End {
		f.Tick()
		f.Do(Do(Confirm))
		f.WaitThinking()
	}
	if f.Scene() != Choice {
		t.Fatal("the chooser was never asked to choose")
	}
	f.Tick()
	f.Do(Do(Confirm)) // the second Enter of a double Enter
	if f.Scene() != Choice || !strings.Contains(f.Message, "read it") {
		t.Fatalf("an Enter the frame after the choice opened: scene %s, message %q", f.Scene(), f.Message)
	}
	for range ChoiceGuard {
		f.Tick()
	}
	f.Do(Do(Confirm))
	if f.Scene() != Orders {
		t.Errorf("Enter after the guard: scene %s, want the orders", f.Scene())
	}
}
