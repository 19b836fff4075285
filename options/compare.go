package options

import (
	"fmt"
	"slices"

	"github.com/sixparty/sixparty/sim"
)

// DefaultCompareGames is how many games Compare plays per strategy when
// not told.
const DefaultCompareGames = 500

// Alpha is the significance level of the paired tests: a difference is
// called larger than the noise when its p-value is below it. It is not
// corrected for the number of comparisons made.
const Alpha = 0.05

// CompareOptions controls Compare.
type CompareOptions struct {
	// Games is the number of games per strategy; 0 means
	// DefaultCompareGames.
	Games int
	// Seed is the seed of game 0; game i has seed Seed+i under every
	// strategy (the games are paired by seed).
	Seed uint64
	// Workers is the number of games played at once; 0 means one per CPU.
	// Results do not depend on it.
	Workers int
	// Indicators are the variables (by index) whose course is measured
	// turn by turn.
	Indicators []int
	// Progress, if not nil, is called after each game (see Pool).
	Progress func(done, total int)
	// Params, if not nil, gives the parameter values of game i (the same
	// for every strategy, so that the games stay paired); nil, or a nil
	// result, plays the game at the scenario's stated values.
	Params func(i int) []float64
}

// Comparison is what Compare measures.
type Comparison struct {
	// Scenario is the scenario's id.
	Scenario string `json:"scenario"`
	// Games is the number of games per strategy and Seed the seed of the
	// first.
	Games int    `json:"games"`
	Seed  uint64 `json:"seed"`
	// Outcomes and Actors are the ids of the scenario's outcomes and
	// actors, in its order; Indicators the ids measured.
	Outcomes   []string `json:"outcomes"`
	Actors     []string `json:"actors"`
	Indicators []string `json:"indicators,omitempty"`
	// Strategies holds one result per strategy, in the order given.
	Strategies []StrategyResult `json:"strategies"`
	// Pairs compares every two strategies, the first given against each
	// later one, then the second against each later one, and so on.
	Pairs []Pair `json:"pairs"`
	// games holds every game's measures, per strategy, for sensitivity.
	games [][]gameResult
}

// StrategyResult is one strategy's measures over its games.
type StrategyResult struct {
	Name  string `json:"name"`
	Label string `json:"label"`
	// Outcomes holds each outcome's share, in the scenario's order.
	Outcomes []Share `json:"outcomes"`
	// Scores holds each actor's mean score, in the scenario's order.
	Scores []Mean `json:"scores"`
	// Indicators holds the course of each indicator measured.
	Indicators []Band `json:"indicators,omitempty"`
	// Dropped counts the scripted orders the games did not allow (a
	// lever unavailable in that course of the game), left out, and
	// DroppedGames the games with any.
	Dropped      int `json:"dropped,omitempty"`
	DroppedGames int `json:"dropped_games,omitempty"`
}

// Share is the share of games ending in an outcome, with its 95% Wilson
// interval.
type Share struct {
	ID    string  `json:"id"`
	Count int     `json:"count"`
	Share float64 `json:"share"`
	Lo    float64 `json:"lo"`
	Hi    float64 `json:"hi"`
}

// Mean is an actor's mean score over the games and its standard
// deviation.
type Mean struct {
	Actor string  `json:"actor"`
	Mean  float64 `json:"mean"`
	SD    float64 `json:"sd"`
}

// Band is an indicator's course: per turn (index 0 the start of the game,
// index t the state after turn t), the median and the 10% and 90%
// quantiles over the games. A game that ended earlier keeps its last
// value.
type Band struct {
	ID     string    `json:"id"`
	P10    []float64 `json:"p10"`
	Median []float64 `json:"median"`
	P90    []float64 `json:"p90"`
}

// Pair compares strategy A with strategy B over the same seeds.
type Pair struct {
	A string `json:"a"`
	B string `json:"b"`
	// Outcomes compares each outcome's share (McNemar's exact test).
	Outcomes []OutcomeDiff `json:"outcomes"`
	// Scores compares each actor's score (the exact sign test).
	Scores []ScoreDiff `json:"scores"`
}

// OutcomeDiff compares the share of games ending in one outcome under
// two strategies, paired by seed: OnlyA counts the seeds where only A's
// game ended in it, OnlyB those where only B's did. P is McNemar's exact
// test on those discordant pairs, and Significant reports P < Alpha.
type OutcomeDiff struct {
	ID          string  `json:"id"`
	Diff        float64 `json:"diff"` // share under A minus share under B
	OnlyA       int     `json:"only_a"`
	OnlyB       int     `json:"only_b"`
	P           float64 `json:"p"`
	Significant bool    `json:"significant"`
}

// ScoreDiff compares an actor's score under two strategies, paired by
// seed: Diff is the mean of A's score minus B's, Better and Worse count
// the seeds where A's was higher or lower, and P is the exact sign test
// on those counts (ties left out).
type ScoreDiff struct {
	Actor       string  `json:"actor"`
	Diff        float64 `json:"diff"`
	Better      int     `json:"better"`
	Worse       int     `json:"worse"`
	P           float64 `json:"p"`
	Significant bool    `json:"significant"`
}

// gameResult is what Compare keeps of one game.
type gameResult struct {
	outcome int
	scores  []float64
	series  [][]float64 // per indicator, per turn
	dropped int         // scripted orders left out
	err     error
}

// GameError is a fault that stopped one game of a comparison.
type GameError struct {
	Strategy string
	Game     int
	Seed     uint64
	Err      error
}

func (e *GameError) Error() string {
	return fmt.Sprintf("options: strategy %q, game %d (seed %d): %v", e.Strategy, e.Game, e.Seed, e.Err)
}

func (e *GameError) Unwrap() error { return e.Err }

// Compare plays opt.Games games of m under each strategy, game i with
// seed opt.Seed+i (and parameters opt.Params(i)) under all of them, on opt.Workers
// goroutines, and measures them. The result does not depend on the number
// of workers. The error is the first fault (in the order of strategies,
// then games) that stopped a game, a *GameError.
func Compare(m *sim.Model, strategies []Strategy, opt CompareOptions) (*Comparison, error) {
	n := opt.Games
	if n <= 0 {
		n = DefaultCompareGames
	}
	if len(strategies) == 0 {
		return nil, fmt.Errorf("options: no strategy to compare")
	}
	games, err := playAll(m, strategies, n, opt)
	if err != nil {
		return nil, err
	}
	return measure(m, strategies, n, opt, games), nil
}

// playAll plays every game of every strategy on one pool.
func playAll(m *sim.Model, strategies []Strategy, n int, opt CompareOptions) ([][]gameResult, error) {
	total := n * len(strategies)
	workers := make([]Worker, Workers(opt.Workers, total))
	flat, _ := Pool(total, opt.Workers, func(w, j int) gameResult {
		s, i := j/n, j%n
		var params []float64
		if opt.Params != nil {
			params = opt.Params(i)
		}
		return playMeasured(m, strategies[s], opt.Seed+uint64(i), params, opt.Indicators, &workers[w])
	}, nil, opt.Progress)
	out := make([][]gameResult, len(strategies))
	for s := range strategies {
		out[s] = flat[s*n : (s+1)*n]
		for i, g := range out[s] {
			if g.err != nil {
				return nil, &GameError{Strategy: strategies[s].Name, Game: i, Seed: opt.Seed + uint64(i), Err: g.err}
			}
		}
	}
	return out, nil
}

// playMeasured plays one game and keeps its outcome, scores and the
// course of the indicators.
func playMeasured(m *sim.Model, st Strategy, seed uint64, params []float64, indicators []int, w *Worker) gameResult {
	g, err := PlayStrategy(m, st, seed, sim.Setup{Params: params}, w)
	if err != nil {
		return gameResult{err: err}
	}
	r := gameResult{outcome: g.State().Outcome, dropped: w.Dropped}
	if r.scores, err = g.Scores(); err != nil {
		return gameResult{err: err}
	}
	hist := g.History()
	r.series = make([][]float64, len(indicators))
	for k, vi := range indicators {
		s := make([]float64, len(hist))
		for t, st := range hist {
			s[t] = st.Vals[vi]
		}
		r.series[k] = s
	}
	return r
}

// measure sums up the games.
func measure(m *sim.Model, strategies []Strategy, n int, opt CompareOptions, games [][]gameResult) *Comparison {
	s := m.Scenario
	c := &Comparison{Scenario: s.Meta.ID, Games: n, Seed: opt.Seed, games: games}
	for _, o := range s.Outcomes {
		c.Outcomes = append(c.Outcomes, o.ID)
	}
	for _, a := range s.Actors {
		c.Actors = append(c.Actors, a.ID)
	}
	for _, vi := range opt.Indicators {
		c.Indicators = append(c.Indicators, s.Vars[vi].ID)
	}
	turns := s.Meta.Turns + 1
	for si, st := range strategies {
		gs := games[si]
		r := StrategyResult{Name: st.Name, Label: st.Label}
		for _, g := range gs {
			r.Dropped += g.dropped
			if g.dropped > 0 {
				r.DroppedGames++
			}
		}
		for oi, id := range c.Outcomes {
			k := 0
			for _, g := range gs {
				if g.outcome == oi {
					k++
				}
			}
			lo, hi := Wilson(k, n)
			r.Outcomes = append(r.Outcomes, Share{ID: id, Count: k, Share: float64(k) / float64(n), Lo: lo, Hi: hi})
		}
		xs := make([]float64, n)
		for ai, id := range c.Actors {
			for i, g := range gs {
				xs[i] = g.scores[ai]
			}
			r.Scores = append(r.Scores, Mean{Actor: id, Mean: mean(xs), SD: sd(xs)})
		}
		for k, id := range c.Indicators {
			b := Band{ID: id, P10: make([]float64, turns), Median: make([]float64, turns), P90: make([]float64, turns)}
			for t := range turns {
				for i, g := range gs {
					ser := g.series[k]
					xs[i] = ser[min(t, len(ser)-1)]
				}
				slices.Sort(xs)
				b.P10[t], b.Median[t], b.P90[t] = Quantile(xs, 0.1), Quantile(xs, 0.5), Quantile(xs, 0.9)
			}
			r.Indicators = append(r.Indicators, b)
		}
		c.Strategies = append(c.Strategies, r)
	}
	for a := range strategies {
		for b := a + 1; b < len(strategies); b++ {
			c.Pairs = append(c.Pairs, pair(c, a, b))
		}
	}
	return c
}

// pair compares strategies a and b of c, game by game.
func pair(c *Comparison, a, b int) Pair {
	ga, gb := c.games[a], c.games[b]
	p := Pair{A: c.Strategies[a].Name, B: c.Strategies[b].Name}
	n := len(ga)
	for oi, id := range c.Outcomes {
		d := OutcomeDiff{ID: id}
		for i := range ga {
			ia, ib := ga[i].outcome == oi, gb[i].outcome == oi
			switch {
			case ia && !ib:
				d.OnlyA++
			case ib && !ia:
				d.OnlyB++
			}
		}
		d.Diff = float64(d.OnlyA-d.OnlyB) / float64(n)
		d.P = SignTest(d.OnlyA, d.OnlyB)
		d.Significant = d.P < Alpha
		p.Outcomes = append(p.Outcomes, d)
	}
	for ai, id := range c.Actors {
		d := ScoreDiff{Actor: id}
		sum := 0.0
		for i := range ga {
			x := ga[i].scores[ai] - gb[i].scores[ai]
			sum += x
			switch {
			case x > 0:
				d.Better++
			case x < 0:
				d.Worse++
			}
		}
		d.Diff = sum / float64(n)
		d.P = SignTest(d.Better, d.Worse)
		d.Significant = d.P < Alpha
		p.Scores = append(p.Scores, d)
	}
	return p
}
