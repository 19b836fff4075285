package flow

import (
	"math"
	"strings"
	"testing"

	"github.com/sixparty/sixparty/sim"
)

func TestScoreAndStakes(t *testing.T) {
	m, err := openFixture("fixture")
	if err != nil {
		t.Fatal(err)
	}
	tb := NewLocalTable(sim.NewGame(m, 1), solo(len(m.Scenario.Actors)))
	tension, money, mood := m.VarIndex("tension"), m.VarIndex("money"), m.VarIndex("mood")
	// Alpha is scored on -tension, which it sees exactly.
	sc := ScoreAt(tb, 0, 0)
	if !sc.OK || !sc.Exact || len(sc.Objectives) != 1 || sc.Total != -50 || sc.Objectives[0].Weight != 1 {
		t.Errorf("Alpha's score at the start: %+v, want exactly -50 from one objective of weight 1", sc)
	}
	st := Stakes(tb, 0, 0)
	if !st[tension].Counts || st[tension].Up != -1 || st[money].Counts || st[mood].Counts {
		t.Errorf("Alpha's stakes: tension %+v money %+v mood %+v; want only tension, down good", st[tension], st[money], st[mood])
	}
	if got := StakeText(st[tension]); got != "▼ good for you" {
		t.Errorf("stake text %q", got)
	}
	// Beta is scored on money, which Alpha sees only as an estimate: a
	// seat judging Beta's objective would not be exact; Beta itself sees
	// money exactly.
	if sc := ScoreAt(tb, 1, 0); !sc.Exact || sc.Total != 10 {
		t.Errorf("Beta's score %+v, want exactly 10", sc)
	}
	if st := Stakes(tb, 1, 0); st[money].Up != 1 {
		t.Errorf("Beta's stake in money %+v, want up good", st[money])
	}
	for _, tc := range []struct {
		sc    SeatScore
		trend float64
		turns int
		want  string
	}{
		{SeatScore{Total: 0.5, Exact: true}, 0, 0, "Your score +0.50"},
		{SeatScore{Total: -1.234}, 0.3, 2, "Your score ≈ -1.23 (▲ +0.30 since last turn)"},
		{SeatScore{Total: 0.001, Exact: true}, -0.2, 1, "Your score 0.00 (▼ -0.20 since last turn)"},
		{SeatScore{Total: 2, Exact: true}, 0.001, 1, "Your score +2.00 (unchanged since last turn)"},
	} {
		if got := ScoreLine(tc.sc, tc.trend, tc.turns); got != tc.want {
			t.Errorf("ScoreLine(%+v, %v, %d) = %q, want %q", tc.sc, tc.trend, tc.turns, got, tc.want)
		}
	}
	if got := ObjectiveLine(ObjectiveScore{Name: "Calm", Weight: 2, Points: -1.5}); got != "Calm ×2: ≈ -1.50" {
		t.Errorf("objective line %q", got)
	}
}

func TestDashboardGrid(t *testing.T) {
	f, _ := newFlow(t, solo(6)...)
	f.Do(Do(Confirm))
	f.Do(Do(Confirm))
	f.Do(Do(OpenDashboard))
	n := len(f.DashVars())
	if n <= DashCols*DashPageRows {
		t.Fatalf("only %d indicators: the test needs more than a page", n)
	}
	for _, tc := range []struct {
		in   Action
		want int
	}{
		{Right, 1}, {Down, 1 + DashCols}, {Left, DashCols}, {Up, 0}, {Up, 0}, {Left, 0},
		{PageNext, DashCols * DashPageRows}, {PagePrev, 0}, {ToLast, n - 1}, {Right, n - 1}, {ToFirst, 0},
	} {
		f.Do(Do(tc.in))
		if f.Cursor() != tc.want {
			t.Fatalf("after %v: card %d, want %d", tc.in, f.Cursor(), tc.want)
		}
	}
	// Down from the row above a short last row lands on its last card.
	f.SetCursor((n-1)/DashCols*DashCols - 1)
	f.Do(Do(Down))
	if want := min(n-1, f.Cursor()); f.Cursor() != want || f.Cursor() < (n-1)/DashCols*DashCols {
		t.Errorf("down onto the last row: card %d of %d", f.Cursor(), n)
	}
}

func TestReview(t *testing.T) {
	f, _ := newFixture(t, solo(6)...)
	f.Do(Do(Confirm))
	f.Do(Do(Confirm))
	playTurn(f)
	playTurn(f)
	f.Do(Do(EndGame))
	f.Do(Do(Confirm)) // yes, end it
	if f.Scene() != End {
		t.Fatalf("scene %v", f.Scene())
	}
	if got := f.ReviewSeats(); len(got) != 1 || got[0] != 0 {
		t.Fatalf("review seats %v, want the one person's", got)
	}
	r := f.Review(0)
	if r == nil || !r.Score.OK || len(r.Score.Objectives) != 1 || !r.BaselineOK {
		t.Fatalf("review %+v", r)
	}
	if want := -f.Game.State().Vals[f.Model.VarIndex("tension")]; r.Score.Total != want {
		t.Errorf("final score %v, want -tension = %v", r.Score.Total, want)
	}
	if f.Review(0) != r {
		t.Error("the review is made again")
	}
	if len(r.TurningPoints) == 0 || len(r.TurningPoints) > MaxTurningPoints {
		t.Fatalf("turning points %q", r.TurningPoints)
	}
	for _, tp := range r.TurningPoints {
		if !strings.HasPrefix(tp, "Turn ") || !strings.Contains(tp, `through "Calm"`) || !strings.HasSuffix(tp, ".") {
			t.Errorf("turning point %q is not a sentence about the Calm objective", tp)
		}
	}
	line := BaselineLine(f.Model, &Review{Seat: 0, Score: SeatScore{Total: -40.004}, Baseline: -41.5, BaselineOK: true}, 2)
	if want := "The computer playing Alpha on the same seed scored -41.50 after 2 turns: you did 1.50 better."; line != want {
		t.Errorf("baseline line %q, want %q", line, want)
	}
}

func TestLeverEffects(t *testing.T) {
	f, _ := newFixture(t, solo(6)...)
	f.Do(Do(Confirm))
	f.Do(Do(Confirm))
	f.Do(Do(Confirm)) // Alpha's orders
	m := f.Model
	talk, tension, mood := m.LeverIndex("a.talk"), m.VarIndex("tension"), m.VarIndex("mood")
	effects, n := f.LeverEffects(talk, 2)
	if n != 1 {
		t.Errorf("played out %d turns, want 1 (no delay)", n)
	}
	got := map[int]LeverEffect{}
	for _, e := range effects {
		got[e.Var] = e
	}
	// Talk at 'much' lowers tension by 4 directly, and mood, which follows
	// tension through a rule, by 0.4.
	if e := got[tension]; math.Abs(e.Direct+4) > 1e-9 || math.Abs(e.Total+4) > 1e-9 {
		t.Errorf("tension %+v, want -4 directly", e)
	}
	if e := got[mood]; e.Direct != 0 || math.Abs(e.Total+0.4) > 1e-9 {
		t.Errorf("mood %+v, want -0.4 through the rule", e)
	}
	if s := LeverEffectText(m, got[mood]); s != "Mood ▼ -0.4 (through the rules)" {
		t.Errorf("text %q", s)
	}
	sum, warn := f.DraftSummary()
	if sum != "Your orders: no levers pulled — 0 of 2 political capital" || warn != "2 political capital unspent: it is not saved for later turns." {
		t.Errorf("summary %q, warning %q", sum, warn)
	}
	f.Do(Input{Action: SetLevel, Item: 0, Value: 2})
	if sum, warn := f.DraftSummary(); sum != "Your orders: Talk: much (2) — 2 of 2 political capital" || warn != "" {
		t.Errorf("summary %q, warning %q", sum, warn)
	}
}

// TestSeatBriefing checks the hot-seat hand-over: the shared briefing
// shows no score, and each person, once ready, sees its own objectives
// with their parts of its score as it sees them, and nothing of another
// seat's objectives.
func TestSeatBriefing(t *testing.T) {
	f, _ := newFixture(t, twoPeople(6)...)
	f.Do(Do(Confirm)) // setup
	f.Do(Do(Confirm)) // the shared briefing
	if f.ScoreSeat() != -1 {
		t.Fatalf("the shared briefing shows the score of seat %d", f.ScoreSeat())
	}
	for _, tc := range []struct {
		seat int
		want []string
		not  []string
	}{
		// Alpha sees money only as an estimate, but is scored on tension.
		{0, []string{"Your own briefing, Alpha", "Only Alpha should be looking", "You play Alpha · Your score -50.00", "• Calm: -50.00"}, []string{"Rich", "Beta", "≈"}},
		// Beta sees money exactly.
		{1, []string{"Your own briefing, Beta", "You play Beta · Your score +10.00", "• Rich: +10.00"}, []string{"Calm", "Alpha", "≈"}},
	} {
		if tc.seat == 0 {
			f.Do(Do(Confirm)) // to the first hand-over; the next follows the orders
		}
		if f.Scene() != Handover || f.Current != tc.seat {
			t.Fatalf("scene %v current %d, want the hand-over to %d", f.Scene(), f.Current, tc.seat)
		}
		if title, _ := ScreenText(f); strings.Contains(title, "own briefing") {
			t.Fatalf("the hand-over shows the briefing before the person is ready: %s", title)
		}
		f.Do(Do(Confirm)) // ready
		title, lines := ScreenText(f)
		got := title + "\n" + strings.Join(lines, "\n")
		for _, w := range tc.want {
			if !strings.Contains(got, w) {
				t.Errorf("seat %d's own briefing lacks %q:\n%s", tc.seat, w, got)
			}
		}
		for _, n := range tc.not {
			if strings.Contains(got, n) {
				t.Errorf("seat %d's own briefing shows %q:\n%s", tc.seat, n, got)
			}
		}
		f.Do(Do(Confirm)) // the orders
		if f.Scene() != Orders {
			t.Fatalf("scene %v, want the orders", f.Scene())
		}
		f.Do(Do(Confirm)) // submit: to the next hand-over
	}
}
