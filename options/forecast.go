package options

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"sort"

	"github.com/sixparty/sixparty/internal/suggest"
	"github.com/sixparty/sixparty/sim"
	"github.com/sixparty/sixparty/sim/ai"
)

// keyForecast is the key of the random streams a forecast derives from the
// game's seed: the redrawn estimates, the play-outs' chance and the
// computer players' seeds. No other part of the program uses it, so a
// forecast draws nothing from the game's own generator and tells nothing
// of it.
const keyForecast = 0xf0ca57

// ForecastOptions says how a forecast is made. The zero value is the
// default: 50 play-outs of the next 4 turns, the seat computer-played at
// easy difficulty after the first turn and every other actor at easy from
// the first, on every CPU.
type ForecastOptions struct {
	// Playouts is the number of play-outs (0 means 50).
	Playouts int
	// Turns is how many turns each play-out covers, the draft's turn
	// included (0 means 4; a negative number, to the end of the game). A
	// play-out stops early when the game ends.
	Turns int
	// Indicators lists variable ids to forecast besides those the seat's
	// objectives read.
	Indicators []string
	// Levels, when given (one per actor), is the difficulty each actor is
	// computer-played at in the play-outs: the seat after the first turn,
	// the others from the first. nil means easy for all: the seat at
	// normal would add about 40% to the cost (measured on the default
	// scenario: 0.54 s against 0.35 s of CPU for 50 play-outs of 4 turns),
	// and a forecast must stay under a second on two busy cores.
	Levels []ai.Difficulty
	// J is the number of workers (0: one per CPU); the result does not
	// depend on it.
	J int
}

// ForecastResult is what a seat may expect of its draft orders: for each
// indicator its median and 10–90% band by turn over the play-outs, and how
// the play-outs ended.
type ForecastResult struct {
	// Seat is the actor whose draft was played out, and Turn the turn it
	// was drafted for.
	Seat, Turn int
	// Turns is the number of turns forecast (fewer than asked when the
	// game ends sooner), and Playouts the number of play-outs.
	Turns, Playouts int
	// Indicators holds the bands of the indicators, in the scenario's
	// order: those the seat's objectives read, then any asked for.
	Indicators []ForecastBand
	// Score is the band of the seat's own score.
	Score ForecastBand
	// Outcomes holds the share of play-outs ending in each outcome within
	// the forecast's turns, in the scenario's order, then (with ID "")
	// those still going at its end; outcomes no play-out reached are left
	// out.
	Outcomes []ForecastShare
	// Failed counts the play-outs that stopped at a fault of the scenario
	// (their last good state is used from there on), and Fault is the
	// first play-out's fault (an *sim.EvalError, with its scenario
	// position, when the scenario's expressions faulted).
	Failed int
	Fault  error
}

// ForecastBand is one indicator's forecast. Index 0 of each series is the start of
// the draft's turn as the play-outs drew it from the seat's estimates;
// index t the state after t turns played. A play-out that ended holds its
// last values.
type ForecastBand struct {
	// Var is the variable's index (-1 for a score).
	Var int
	// ID and Name are the variable's (for a score, the actor's id and
	// "Score").
	ID, Name string
	// Exact reports whether the seat sees the indicator exactly now.
	Exact bool
	// Now is the value the seat sees now (an estimate unless Exact).
	Now float64
	// Median, Lo and Hi are the median and the 10th and 90th percentiles
	// by turn.
	Median, Lo, Hi []float64
}

// ForecastShare is the share of play-outs that ended one way.
type ForecastShare struct {
	// ID and Name are the outcome's; both are "" for play-outs still going
	// at the forecast's end.
	ID, Name string
	Count    int
	Share    float64
}

// playout is one play-out's trace.
type playout struct {
	vals   [][]float64 // per indicator, by turn
	score  []float64   // the seat's score by turn
	end    int         // outcome index, or -1 when still going
	failed bool
	fault  error // why it failed
}

// ForecastIndicators returns the variables the objectives of actor seat
// read, in the scenario's order.
func ForecastIndicators(m *sim.Model, seat int) []int {
	read := make([]bool, m.NumVars())
	for _, o := range m.Scenario.Actors[seat].Objectives {
		names, err := sim.ExprNames(o.Score.Src)
		if err != nil {
			continue // a model that compiled parses
		}
		for _, n := range names {
			if vi := m.VarIndex(n); vi >= 0 {
				read[vi] = true
			}
		}
	}
	var out []int
	for vi, r := range read {
		if r {
			out = append(out, vi)
		}
	}
	return out
}

// Forecast plays actor seat's draft orders and choices out from the
// current turn of g, using only what the seat knows: its view of the
// state, with every estimate redrawn within its noise in each play-out
// (never the true hidden values), the scenario's parameters at their
// stated values (never values drawn for the game), and chance from streams
// derived for the forecast (never the game's own generator). In each play-out the seat
// plays the draft on the first turn and is computer-played after it; the
// others are computer-played from the first (see ForecastOptions.Levels),
// on what they would see of the imagined world. The same game, draft and
// options give the same forecast, whatever J; the play-outs of two drafts
// of one turn share their worlds, so drafts compare like for like.
func Forecast(g *sim.Game, seat int, draft sim.Orders, choices sim.Choices, opt ForecastOptions) (ForecastResult, error) {
	m := g.Model
	if err := g.Err(); err != nil {
		return ForecastResult{}, fmt.Errorf("options: forecast: %w", err)
	}
	if seat < 0 || seat >= len(m.Scenario.Actors) {
		return ForecastResult{}, fmt.Errorf("options: forecast: no actor %d", seat)
	}
	if g.Over() {
		return ForecastResult{}, fmt.Errorf("options: forecast: the game is over")
	}
	return ForecastFrom(m, g.State(), g.View(seat), g.Seed, seat, draft, choices, opt)
}

// ForecastFrom is Forecast on explicit inputs, as the window calls it off
// its own goroutine (states are values, so it races with nothing): s is the
// state of the turn, of which it reads only what every player knows, as
// ai.Plan does (the turn, the orders last played, the effects queued, the
// events fired and the briefing, which levers are available); the values
// come from v, the seat's view; seed is the game's.
func ForecastFrom(m *sim.Model, s *sim.State, v sim.View, seed uint64, seat int, draft sim.Orders, choices sim.Choices, opt ForecastOptions) (ForecastResult, error) {
	n := opt.Playouts
	if n <= 0 {
		n = 50
	}
	left := m.Scenario.Meta.Turns - s.Turn + 1
	turns := opt.Turns
	if turns == 0 {
		turns = 4
	}
	if turns < 0 || turns > left {
		turns = left
	}
	turns = max(1, turns)
	levels := opt.Levels
	if levels != nil && len(levels) != len(m.Scenario.Actors) {
		return ForecastResult{}, fmt.Errorf("options: forecast: %d difficulties for %d actors", len(levels), len(m.Scenario.Actors))
	}
	if levels == nil {
		levels = make([]ai.Difficulty, len(m.Scenario.Actors))
		for i := range levels {
			levels[i] = ai.Easy
		}
	}
	inds := ForecastIndicators(m, seat)
	for _, id := range opt.Indicators {
		vi := m.VarIndex(id)
		if vi < 0 {
			ids := make([]string, len(m.Scenario.Vars))
			for i, x := range m.Scenario.Vars {
				ids[i] = x.ID
			}
			return ForecastResult{}, fmt.Errorf("options: forecast: unknown indicator %q%s", id, suggest.Hint(id, ids))
		}
		if !slices.Contains(inds, vi) {
			inds = append(inds, vi)
		}
	}
	// The draft is checked as the seat drafted it, against the turn's
	// public facts (which levers are available, the budget).
	me := m.Scenario.Actors[seat].ID
	mine := sim.Orders{me: draft[me]}
	if _, err := m.Levels(s, mine); err != nil {
		return ForecastResult{}, fmt.Errorf("options: forecast: %w", err)
	}
	if _, err := m.ChoiceIndices(s, choices); err != nil {
		return ForecastResult{}, fmt.Errorf("options: forecast: %w", err)
	}

	steppers := make([]*sim.Stepper, Workers(opt.J, n))
	scorers := make([]*sim.Scorer, len(steppers))
	players := make([]ai.Player, len(steppers)) // brief: the imagined actors' explanations are not read
	for w := range steppers {
		steppers[w], scorers[w] = m.NewStepper(), m.NewScorer()
		players[w].Brief = true
	}
	runs, _ := Pool(n, opt.J, func(w, k int) playout {
		return playForecast(m, s, v, seed, seat, mine, choices, levels, inds, turns, k, steppers[w], scorers[w], &players[w])
	}, nil, nil)

	fc := ForecastResult{Seat: seat, Turn: s.Turn, Turns: turns, Playouts: n}
	for _, r := range runs {
		if r.failed {
			if fc.Failed == 0 {
				fc.Fault = r.fault
			}
			fc.Failed++
		}
	}
	for j, vi := range inds {
		b := forecastBand(runs, turns, func(r playout) []float64 { return r.vals[j] })
		b.Var, b.ID, b.Name = vi, m.Scenario.Vars[vi].ID, m.Scenario.Vars[vi].Name
		b.Exact, b.Now = v.Exact[vi], v.Vals[vi]
		fc.Indicators = append(fc.Indicators, b)
	}
	fc.Score = forecastBand(runs, turns, func(r playout) []float64 { return r.score })
	fc.Score.Var, fc.Score.ID, fc.Score.Name = -1, me, "Score"
	if len(runs) > 0 {
		fc.Score.Now = runs[0].score[0]
	}
	counts := map[int]int{}
	for _, r := range runs {
		counts[r.end]++
	}
	for _, o := range slices.Sorted(maps.Keys(counts)) {
		sh := ForecastShare{Count: counts[o], Share: float64(counts[o]) / float64(n)}
		if o >= 0 {
			sh.ID, sh.Name = m.Scenario.Outcomes[o].ID, m.Scenario.Outcomes[o].Name
		}
		fc.Outcomes = append(fc.Outcomes, sh)
	}
	// Still going last.
	if len(fc.Outcomes) > 0 && fc.Outcomes[0].ID == "" && counts[-1] > 0 {
		fc.Outcomes = append(fc.Outcomes[1:], fc.Outcomes[0])
	}
	return fc, nil
}

// playForecast plays out world k.
func playForecast(m *sim.Model, s *sim.State, v sim.View, seed uint64, seat int, mine sim.Orders, choices sim.Choices,
	levels []ai.Difficulty, inds []int, turns, k int, st *sim.Stepper, sc *sim.Scorer, pl *ai.Player) playout {
	// The world as the seat may imagine it: its estimates redrawn within
	// their noise, with chance of the forecast's own.
	r := sim.Derive(seed, keyForecast, uint64(s.Turn), uint64(seat), uint64(k))
	cur := s.Believed(v)
	for i := range cur.Vals {
		if v.Exact[i] {
			continue
		}
		lo, hi := m.Bounds(i)
		cur.Vals[i] = math.Max(lo, math.Min(hi, v.Vals[i]+v.SD[i]*r.NormFloat64()))
	}
	cur.RNG = sim.Derive(seed, keyForecast, uint64(s.Turn), uint64(seat), uint64(k), 1)
	// The scenario's parameters at their stated values: values drawn for
	// the game are the world's, not what the seat knows.
	cur.Params = nil
	// The seed the imagined actors see the imagined world through.
	pseed := r.Uint64()

	p := playout{vals: make([][]float64, len(inds)), score: make([]float64, turns+1), end: -1}
	for j := range p.vals {
		p.vals[j] = make([]float64, turns+1)
	}
	record := func(t int, x *sim.State) error {
		for j, vi := range inds {
			p.vals[j][t] = x.Vals[vi]
		}
		sv, err := sc.Score(x, seat)
		if err != nil {
			return err
		}
		p.score[t] = sv
		return nil
	}
	t := 0
	if err := record(0, cur); err != nil {
		// The start itself faulted: the play-out holds its start.
		p.failed, p.fault = true, err
	}
	for ; !p.failed && t < turns && !cur.Over(); t++ {
		o, c := sim.Orders{}, sim.Choices{}
		if t == 0 {
			maps.Copy(o, mine)
			maps.Copy(c, choices)
		}
		for ai0 := range m.Scenario.Actors {
			if t == 0 && ai0 == seat {
				continue
			}
			d := pl.Plan(m, cur, m.View(cur, sim.Fog{Seed: pseed}, ai0), pseed, ai0, levels[ai0])
			o[m.Scenario.Actors[ai0].ID] = d.Orders
			for _, id := range slices.Sorted(maps.Keys(d.Choices)) {
				if _, given := c[id]; !given {
					c[id] = d.Choices[id]
				}
			}
		}
		// The imagined world may hold a lever's precondition differently
		// from the seat's estimate: what it does not allow is dropped.
		o, c, _ = m.Sanitize(cur, o, c)
		lv, err := m.Levels(cur, o)
		var ch []int
		if err == nil {
			ch, err = m.ChoiceIndices(cur, c)
		}
		next := &sim.State{}
		if err == nil {
			err = st.Advance(cur, lv, ch, next)
		}
		if err == nil {
			err = record(t+1, next)
		}
		if err != nil {
			p.failed, p.fault = true, err
			break
		}
		cur = next
	}
	for u := t + 1; u <= turns; u++ {
		for j := range p.vals {
			p.vals[j][u] = p.vals[j][u-1]
		}
		p.score[u] = p.score[u-1]
	}
	p.end = cur.Outcome
	return p
}

// band summarises one series over the play-outs.
func forecastBand(runs []playout, turns int, series func(playout) []float64) ForecastBand {
	b := ForecastBand{Median: make([]float64, turns+1), Lo: make([]float64, turns+1), Hi: make([]float64, turns+1)}
	xs := make([]float64, len(runs))
	for t := 0; t <= turns; t++ {
		for k, r := range runs {
			xs[k] = series(r)[t]
		}
		sort.Float64s(xs)
		b.Lo[t], b.Median[t], b.Hi[t] = Quantile(xs, 0.1), Quantile(xs, 0.5), Quantile(xs, 0.9)
	}
	return b
}
