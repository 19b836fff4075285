package flow

import (
	"fmt"
	"math"
	"slices"

	"github.com/sixparty/sixparty/report"
	"github.com/sixparty/sixparty/sim"
)

// ObjectiveScore is one of a seat's objectives as the seat sees it.
type ObjectiveScore struct {
	// Name is the objective in words; Weight its weight in the score.
	Name   string
	Weight float64
	// Value is the objective's value as the seat sees the state, and
	// Points its weighted part of the score (Weight × Value).
	Value, Points float64
	// Vars are the indicators the objective reads; Exact reports whether
	// the seat sees all of them exactly (else Value is an estimate).
	Vars  []int
	Exact bool
}

// SeatScore is a seat's score as the seat sees it on one turn.
type SeatScore struct {
	// Total is the weighted sum of the objectives; Exact reports whether
	// every objective is exact.
	Total float64
	Exact bool
	// Objectives are the seat's objectives in the scenario's order.
	Objectives []ObjectiveScore
	// OK is false when an objective cannot be evaluated (a fault of the
	// scenario); the values are then not meaningful.
	OK bool
}

// seenState returns a state holding the values of a seat's view, for the
// objectives to read: the seat judges its score from what it sees, never
// from values hidden from it (parameters at their stated values).
func seenState(v sim.View, levels []int) *sim.State {
	return &sim.State{Turn: v.Turn + 1, Vals: slices.Clone(v.Vals), Levels: levels, Outcome: -1}
}

// ScoreAt returns seat's score as the seat saw the state at the start of
// turn t+1 (t from 0 to Played) at table tb.
func ScoreAt(tb Table, seat, t int) SeatScore {
	m := tb.Model()
	v := tb.View(seat, t)
	levels := make([]int, len(m.Scenario.Levers))
	if t >= 1 {
		levels = tb.Levels(t)
	}
	s := seenState(v, levels)
	vals, err := m.ObjectiveValues(s, seat)
	out := SeatScore{Exact: true, OK: err == nil}
	for k, o := range m.Scenario.Actors[seat].Objectives {
		os := ObjectiveScore{Name: o.Name, Weight: o.Weight, Exact: true, Vars: objectiveVars(m, o)}
		if k < len(vals) {
			os.Value = vals[k]
			os.Points = o.Weight * vals[k]
		}
		for _, vi := range os.Vars {
			if !tb.Known(seat, vi) {
				os.Exact = false
			}
		}
		out.Exact = out.Exact && os.Exact
		out.Total += os.Points
		out.Objectives = append(out.Objectives, os)
	}
	return out
}

// objectiveVars returns the indicators an objective reads, in the
// scenario's order.
func objectiveVars(m *sim.Model, o sim.Objective) []int {
	names, err := sim.ExprNames(o.Score.Src)
	if err != nil {
		return nil
	}
	var out []int
	for _, n := range names {
		if vi := m.VarIndex(n); vi >= 0 && !slices.Contains(out, vi) {
			out = append(out, vi)
		}
	}
	slices.Sort(out)
	return out
}

// Stake says how an indicator counts for a seat's score.
type Stake struct {
	// Counts reports whether one of the seat's objectives reads it.
	Counts bool
	// Up is +1 when a rise of the indicator raises the seat's score
	// where the seat sees things now, -1 when it lowers it, 0 when it
	// does not change it here (an objective that only starts to count
	// past a threshold).
	Up int
}

// Stakes returns, for each indicator, how it counts for seat's score at
// the state the seat sees at the start of turn t+1.
func Stakes(tb Table, seat, t int) []Stake {
	m := tb.Model()
	v := tb.View(seat, t)
	levels := make([]int, len(m.Scenario.Levers))
	if t >= 1 {
		levels = tb.Levels(t)
	}
	out := make([]Stake, len(m.Scenario.Vars))
	base, err := m.Scores(seenState(v, levels))
	if err != nil {
		return out
	}
	for _, o := range m.Scenario.Actors[seat].Objectives {
		for _, vi := range objectiveVars(m, o) {
			out[vi].Counts = true
		}
	}
	for vi := range out {
		if !out[vi].Counts {
			continue
		}
		// A small rise first, then a large one for objectives that count
		// only past a threshold.
		for _, k := range []float64{0.02, 0.5} {
			s := seenState(v, levels)
			s.Vals[vi] += k * report.Scale(m, vi)
			sc, err := m.Scores(s)
			if err != nil {
				break
			}
			if d := sc[seat] - base[seat]; math.Abs(d) > 1e-12 {
				out[vi].Up = 1
				if d < 0 {
					out[vi].Up = -1
				}
				break
			}
		}
	}
	return out
}

// StakeText says in words how an indicator counts for the seat: "up is
// good for you", "down is good for you", "counts for you", or "".
func StakeText(s Stake) string {
	switch {
	case !s.Counts:
		return ""
	case s.Up > 0:
		return "▲ good for you"
	case s.Up < 0:
		return "▼ good for you"
	}
	return "counts for you"
}

// ScoreSeat returns the seat whose score the screen shows: the viewer,
// or -1 when the screen is shared by several people or watched by no one.
func (f *Flow) ScoreSeat() int {
	if f.Table() == nil {
		return -1
	}
	v := f.Viewer()
	if v < 0 {
		if h := f.Humans(); len(h) == 1 {
			return h[0]
		}
		return -1
	}
	return v
}

// Score returns seat's score now, and its change since the start of the
// last turn played (0 before the first).
func (f *Flow) Score(seat int) (now SeatScore, trend float64) {
	tb := f.Table()
	n := tb.Played()
	now = ScoreAt(tb, seat, n)
	if n > 0 {
		trend = now.Total - ScoreAt(tb, seat, n-1).Total
	}
	return now, trend
}

// ScoreLine says a seat's score in words: "Your score ≈ 1.25 (▲ +0.30
// since last turn)".
func ScoreLine(s SeatScore, trend float64, turns int) string {
	approx := ""
	if !s.Exact {
		approx = "≈ "
	}
	line := fmt.Sprintf("Your score %s%s", approx, SignedScore(s.Total))
	if turns > 0 {
		switch {
		case trend > 5e-3:
			line += fmt.Sprintf(" (▲ %s since last turn)", SignedScore(trend))
		case trend < -5e-3:
			line += fmt.Sprintf(" (▼ %s since last turn)", SignedScore(trend))
		default:
			line += " (unchanged since last turn)"
		}
	}
	return line
}

// ReviewHead says a reviewed seat's final score on the end's summary:
// "Japan: final score +1.20 (true values)".
func ReviewHead(name string, total float64) string {
	return fmt.Sprintf("%s: final score %s (true values)", name, SignedScore(total))
}

// ObjectiveLine says one objective in words: "DPRK willing to negotiate
// ×2: ≈ +0.62".
func ObjectiveLine(o ObjectiveScore) string {
	w := ""
	if o.Weight != 1 {
		w = fmt.Sprintf(" ×%g", o.Weight)
	}
	approx := ""
	if !o.Exact {
		approx = "≈ "
	}
	return fmt.Sprintf("%s%s: %s%s", o.Name, w, approx, SignedScore(o.Points))
}

// SignedScore formats a score with its sign and two decimals, never "-0.00".
func SignedScore(x float64) string {
	if math.Abs(x) < 5e-3 {
		return "0.00"
	}
	return fmt.Sprintf("%+.2f", x)
}

// ScoreLines returns the score panel of seat in words, as the briefing,
// the hand-over and the text view give it: "You play X · Your score …",
// then each objective with its weight and its part, then, when some of it
// is an estimate, EstimateScoreNote.
func (f *Flow) ScoreLines(seat int) []string {
	sc, trend := f.Score(seat)
	lines := []string{"You play " + f.Table().Model().Scenario.Actors[seat].Name + " · " + ScoreLine(sc, trend, f.Played)}
	for _, o := range sc.Objectives {
		lines = append(lines, "• "+ObjectiveLine(o))
	}
	if !sc.Exact {
		lines = append(lines, EstimateScoreNote)
	}
	return lines
}
