package options

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"

	"github.com/sixparty/sixparty/internal/suggest"
	"github.com/sixparty/sixparty/sim"
)

// Metric kinds.
const (
	MetricOutcome   = "outcome"
	MetricScore     = "score"
	MetricIndicator = "indicator"
)

// Metric is what a sensitivity analysis follows in each game: whether it
// ended in an outcome (averaged: a share), an actor's score, or an
// indicator's final value (averaged: its mean).
type Metric struct {
	Kind string `json:"kind"`
	ID   string `json:"id"`
	// index is the outcome's, actor's or variable's index.
	index int
}

// String writes the measure as it is given, as kind:id.
func (ms Metric) String() string { return ms.Kind + ":" + ms.ID }

// ParseMetric reads outcome:ID, score:ACTOR or indicator:ID. Unknown
// kinds and ids get a did-you-mean hint.
func ParseMetric(m *sim.Model, arg string) (Metric, error) {
	kind, id, ok := strings.Cut(arg, ":")
	s := m.Scenario
	var ids []string
	ms := Metric{Kind: kind, ID: id}
	switch kind {
	case MetricOutcome:
		for _, o := range s.Outcomes {
			ids = append(ids, o.ID)
		}
	case MetricScore:
		for _, a := range s.Actors {
			ids = append(ids, a.ID)
		}
	case MetricIndicator:
		for _, v := range s.Vars {
			ids = append(ids, v.ID)
		}
	default:
		kinds := []string{MetricOutcome, MetricScore, MetricIndicator}
		return ms, fmt.Errorf("options: measure %q: want outcome:ID, score:ACTOR or indicator:ID%s", arg, suggest.Hint(kind, kinds))
	}
	if !ok || id == "" {
		return ms, fmt.Errorf("options: measure %q needs an id after the colon (%s:%s)", arg, kind, ids[0])
	}
	ms.index = slices.Index(ids, id)
	if ms.index < 0 {
		return ms, fmt.Errorf("options: measure %q: unknown %s %q%s", arg, map[string]string{MetricOutcome: "outcome", MetricScore: "actor", MetricIndicator: "variable"}[kind], id, suggest.Hint(id, ids))
	}
	return ms, nil
}

// of returns the measure's value in a game played to its end.
func (ms Metric) of(g *sim.Game) (float64, error) {
	switch ms.Kind {
	case MetricOutcome:
		if g.State().Outcome == ms.index {
			return 1, nil
		}
		return 0, nil
	case MetricScore:
		sc, err := g.Scores()
		if err != nil {
			return 0, err
		}
		return sc[ms.index], nil
	}
	return g.State().Vals[ms.index], nil
}

// Designs of the global part of a sensitivity analysis.
const (
	DesignOAT    = "oat"    // one at a time only
	DesignLHS    = "lhs"    // and a Latin hypercube, ranked by (partial) rank correlation
	DesignMorris = "morris" // and Morris's elementary effects
)

// SensitivityOptions controls Sensitivity.
type SensitivityOptions struct {
	// Metric is what each game gives.
	Metric Metric
	// Games is the number of games per point (per strategy); game i of
	// every point has seed Seed+i, so points differ by their parameters,
	// not their luck.
	Games int
	Seed  uint64
	// Points is the number of points of each one-at-a-time sweep, evenly
	// across the parameter's range, ends included (at least 2). The global
	// design plays Points × (number of parameters) points (Latin
	// hypercube) or Points trajectories (Morris).
	Points int
	// Design is DesignOAT, DesignLHS or DesignMorris.
	Design string
	// Workers is the number of games played at once (see Pool).
	Workers int
	// Progress, if not nil, is called after each game (see Pool).
	Progress func(done, total int)
}

// Sensitivity is what a sensitivity analysis finds.
type Sensitivity struct {
	Scenario string `json:"scenario"`
	Measure  string `json:"measure"`
	// Strategies are the strategies' names: with two, the value at a
	// point is the first's measure minus the second's, game by game.
	Strategies []string `json:"strategies"`
	Games      int      `json:"games"`
	Seed       uint64   `json:"seed"`
	Design     string   `json:"design"`
	// Stated is the value at the stated parameters, with its 95%
	// interval half-width.
	Stated Point `json:"stated"`
	// Sweeps holds each parameter's one-at-a-time sweep, in the
	// scenario's order.
	Sweeps []Sweep `json:"sweeps"`
	// Global ranks the parameters by the global design (most influential
	// first); empty for DesignOAT.
	Global []Influence `json:"global,omitempty"`
	// Flips say in words where the verdict (which strategy is ahead)
	// changes along a sweep; only with two strategies.
	Flips []string `json:"flips,omitempty"`
}

// Point is the measure at one point of parameter space: its mean over
// the games and the half-width of its 95% interval (normal
// approximation).
type Point struct {
	X     float64 `json:"x"`
	Value float64 `json:"value"`
	Half  float64 `json:"half"`
}

// Sweep is one parameter's one-at-a-time sweep, the others at their
// stated values.
type Sweep struct {
	Param  string  `json:"param"`
	Stated float64 `json:"stated"`
	Lo     float64 `json:"lo"`
	Hi     float64 `json:"hi"`
	// Points are the sweep's points, from Lo to Hi.
	Points []Point `json:"points"`
	// AtLo and AtHi are the effects at the ends: the value there minus the
	// value at the stated parameters.
	AtLo float64 `json:"at_lo"`
	AtHi float64 `json:"at_hi"`
}

// Influence is a parameter's influence by the global design: for a Latin
// hypercube, Spearman's rank correlation with the measure and the
// partial rank correlation (the others held fixed); for Morris, the mean
// absolute elementary effect (MuStar, over the parameter's whole range)
// and their standard deviation (Sigma: interactions or curvature).
type Influence struct {
	Param  string  `json:"param"`
	Rank   float64 `json:"rank_corr,omitempty"`
	PRCC   float64 `json:"partial_rank_corr,omitempty"`
	MuStar float64 `json:"mu_star,omitempty"`
	Sigma  float64 `json:"sigma,omitempty"`
}

// point is one set of parameter values to measure.
type point []float64

// Analyse measures how opt.Metric (or, with two strategies, its
// difference between them) moves with the scenario's parameters: a sweep
// of each one at a time, and the global design opt.Design. Every point
// plays the same seeds; all the games run on one Pool, and the result
// does not depend on the number of workers.
func Analyse(m *sim.Model, strategies []Strategy, opt SensitivityOptions) (*Sensitivity, error) {
	ps := m.Scenario.Params
	if len(ps) == 0 {
		return nil, errors.New("options: the scenario declares no parameters ('parameters:') to vary")
	}
	if len(strategies) < 1 || len(strategies) > 2 {
		return nil, fmt.Errorf("options: sensitivity takes one or two strategies, not %d", len(strategies))
	}
	if opt.Points < 2 {
		return nil, fmt.Errorf("options: a sweep needs at least 2 points, not %d", opt.Points)
	}
	if opt.Games < 1 {
		return nil, fmt.Errorf("options: at least 1 game per point, not %d", opt.Games)
	}
	switch opt.Design {
	case DesignOAT, DesignLHS, DesignMorris:
	default:
		return nil, fmt.Errorf("options: unknown design %q%s (want oat, lhs or morris)", opt.Design, suggest.Hint(opt.Design, []string{DesignOAT, DesignLHS, DesignMorris}))
	}
	stated := m.StatedParams()
	pts := []point{stated}
	for i, p := range ps {
		for k := range opt.Points {
			x := slices.Clone(stated)
			x[i] = within(p, p.Lo+(p.Hi-p.Lo)*float64(k)/float64(opt.Points-1))
			pts = append(pts, x)
		}
	}
	oat := len(pts)
	var morris []morrisStep
	switch opt.Design {
	case DesignLHS:
		pts = append(pts, latinHypercube(m, opt.Points*len(ps), opt.Seed)...)
	case DesignMorris:
		var mp []point
		mp, morris = morrisDesign(m, opt.Points, opt.Seed)
		pts = append(pts, mp...)
	}
	vals, halves, err := measurePoints(m, strategies, pts, opt)
	if err != nil {
		return nil, err
	}
	res := &Sensitivity{Scenario: m.Scenario.Meta.ID, Measure: opt.Metric.String(), Games: opt.Games, Seed: opt.Seed, Design: opt.Design}
	for _, st := range strategies {
		res.Strategies = append(res.Strategies, st.Name)
	}
	res.Stated = Point{Value: vals[0], Half: halves[0]}
	for i, p := range ps {
		sw := Sweep{Param: p.ID, Stated: p.Value, Lo: p.Lo, Hi: p.Hi}
		for k := range opt.Points {
			j := 1 + i*opt.Points + k
			sw.Points = append(sw.Points, Point{X: pts[j][i], Value: vals[j], Half: halves[j]})
		}
		sw.AtLo = sw.Points[0].Value - res.Stated.Value
		sw.AtHi = sw.Points[len(sw.Points)-1].Value - res.Stated.Value
		res.Sweeps = append(res.Sweeps, sw)
	}
	switch opt.Design {
	case DesignLHS:
		res.Global = rankInfluence(m, pts[oat:], vals[oat:])
	case DesignMorris:
		res.Global = morrisInfluence(m, morris, vals[oat:])
	}
	if len(strategies) == 2 {
		res.Flips = flips(res, strategies)
	}
	return res, nil
}

// measurePoints plays opt.Games games per strategy at each point, on one
// pool, and returns the mean measure at each (the mean difference with
// two strategies) and the half-width of its 95% interval.
func measurePoints(m *sim.Model, strategies []Strategy, pts []point, opt SensitivityOptions) (vals, halves []float64, err error) {
	n, ns := opt.Games, len(strategies)
	total := len(pts) * ns * n
	workers := make([]Worker, Workers(opt.Workers, total))
	type one struct {
		v   float64
		err error
	}
	var failed atomic.Bool
	flat, ran := Pool(total, opt.Workers, func(w, j int) one {
		p, rest := j/(ns*n), j%(ns*n)
		s, i := rest/n, rest%n
		g, err := PlayStrategy(m, strategies[s], opt.Seed+uint64(i), sim.Setup{Params: pts[p]}, &workers[w])
		var v float64
		if err == nil {
			v, err = opt.Metric.of(g)
		}
		if err != nil {
			failed.Store(true)
			return one{err: &GameError{Strategy: strategies[s].Name, Game: i, Seed: opt.Seed + uint64(i), Err: err}}
		}
		return one{v: v}
	}, failed.Load, opt.Progress)
	// A fault stops the run: report the first met, in the order of the
	// jobs.
	if failed.Load() {
		for j, r := range ran {
			if r && flat[j].err != nil {
				return nil, nil, flat[j].err
			}
		}
	}
	xs := make([]float64, n)
	for p := range pts {
		for i := range n {
			a := flat[p*ns*n+i]
			if a.err != nil {
				return nil, nil, a.err
			}
			xs[i] = a.v
			if ns == 2 {
				b := flat[p*ns*n+n+i]
				if b.err != nil {
					return nil, nil, b.err
				}
				xs[i] -= b.v
			}
		}
		vals = append(vals, mean(xs))
		halves = append(halves, z95*sd(xs)/math.Sqrt(float64(n)))
	}
	return vals, halves, nil
}

// within keeps x, a point of p's range computed in floating point, inside
// the range.
func within(p *sim.Param, x float64) float64 { return math.Max(p.Lo, math.Min(p.Hi, x)) }

// latinHypercube returns n points, each parameter's range cut into n
// strata of equal width and each stratum used once, in an order and at a
// place within it drawn from a generator seeded from seed.
func latinHypercube(m *sim.Model, n int, seed uint64) []point {
	ps := m.Scenario.Params
	pts := make([]point, n)
	for i := range pts {
		pts[i] = make(point, len(ps))
	}
	for j, p := range ps {
		r := sim.Derive(seed, 0x1a7, uint64(j))
		perm := make([]int, n)
		for i := range perm {
			perm[i] = i
		}
		for i := n - 1; i > 0; i-- {
			k := r.Intn(i + 1)
			perm[i], perm[k] = perm[k], perm[i]
		}
		for i := range n {
			u := (float64(perm[i]) + r.Float64()) / float64(n)
			pts[i][j] = within(p, p.Lo+u*(p.Hi-p.Lo))
		}
	}
	return pts
}

// rankInfluence ranks the parameters by the absolute partial rank
// correlation of each with the measure over the design's points.
func rankInfluence(m *sim.Model, pts []point, ys []float64) []Influence {
	ps := m.Scenario.Params
	ry := ranks(ys)
	rx := make([][]float64, len(ps))
	for j := range ps {
		col := make([]float64, len(pts))
		for i, p := range pts {
			col[i] = p[j]
		}
		rx[j] = ranks(col)
	}
	var out []Influence
	for j, p := range ps {
		var others [][]float64
		for k := range ps {
			if k != j {
				others = append(others, rx[k])
			}
		}
		out = append(out, Influence{Param: p.ID, Rank: pearson(rx[j], ry), PRCC: pearson(residuals(rx[j], others), residuals(ry, others))})
	}
	slices.SortStableFunc(out, func(a, b Influence) int { return cmpAbs(b.PRCC, a.PRCC) })
	return out
}

// cmpAbs compares |a| with |b|.
func cmpAbs(a, b float64) int {
	switch {
	case math.Abs(a) < math.Abs(b):
		return -1
	case math.Abs(a) > math.Abs(b):
		return 1
	}
	return 0
}

// residuals returns y minus its least-squares fit on the columns xs and a
// constant.
func residuals(y []float64, xs [][]float64) []float64 {
	k := len(xs) + 1
	n := len(y)
	col := func(c, i int) float64 {
		if c == 0 {
			return 1
		}
		return xs[c-1][i]
	}
	// Normal equations A b = v, solved by Gaussian elimination with
	// partial pivoting; a singular column gets no weight.
	a := make([][]float64, k)
	v := make([]float64, k)
	for r := range k {
		a[r] = make([]float64, k)
		for c := range k {
			for i := range n {
				a[r][c] += col(r, i) * col(c, i)
			}
		}
		for i := range n {
			v[r] += col(r, i) * y[i]
		}
	}
	b := solve(a, v)
	out := make([]float64, n)
	for i := range n {
		fit := 0.0
		for c := range k {
			fit += b[c] * col(c, i)
		}
		out[i] = y[i] - fit
	}
	return out
}

// solve solves a x = v in place; a pivot of (near) zero leaves its
// unknown at zero.
func solve(a [][]float64, v []float64) []float64 {
	k := len(v)
	for c := range k {
		p := c
		for r := c + 1; r < k; r++ {
			if math.Abs(a[r][c]) > math.Abs(a[p][c]) {
				p = r
			}
		}
		a[c], a[p] = a[p], a[c]
		v[c], v[p] = v[p], v[c]
		if math.Abs(a[c][c]) < 1e-12 {
			continue
		}
		for r := c + 1; r < k; r++ {
			f := a[r][c] / a[c][c]
			for cc := c; cc < k; cc++ {
				a[r][cc] -= f * a[c][cc]
			}
			v[r] -= f * v[c]
		}
	}
	x := make([]float64, k)
	for c := k - 1; c >= 0; c-- {
		if math.Abs(a[c][c]) < 1e-12 {
			continue
		}
		s := v[c]
		for cc := c + 1; cc < k; cc++ {
			s -= a[c][cc] * x[cc]
		}
		x[c] = s / a[c][c]
	}
	return x
}

// morrisStep is one step of a Morris trajectory: point to (an index into
// the design's points) differs from point from in parameter param only,
// by morrisDelta of its range.
type morrisStep struct{ from, to, param int }

// morrisDelta is the step of Morris's design on a grid of 4 levels (0,
// 1/3, 2/3 and 1 of each range): 2/3 of the range.
const morrisDelta = 2.0 / 3

// morrisDesign returns r trajectories of (parameters + 1) points each:
// from a start on the grid's lower half, each parameter in turn (in an
// order drawn from seed) steps up by morrisDelta.
func morrisDesign(m *sim.Model, r int, seed uint64) ([]point, []morrisStep) {
	ps := m.Scenario.Params
	var pts []point
	var steps []morrisStep
	at := func(u []float64) point {
		x := make(point, len(ps))
		for j, p := range ps {
			x[j] = within(p, p.Lo+u[j]*(p.Hi-p.Lo))
		}
		return x
	}
	for t := range r {
		g := sim.Derive(seed, 0x3055, uint64(t))
		u := make([]float64, len(ps))
		for j := range u {
			u[j] = float64(g.Intn(2)) / 3
		}
		order := make([]int, len(ps))
		for j := range order {
			order[j] = j
		}
		for i := len(order) - 1; i > 0; i-- {
			k := g.Intn(i + 1)
			order[i], order[k] = order[k], order[i]
		}
		pts = append(pts, at(u))
		for _, j := range order {
			u[j] += morrisDelta
			pts = append(pts, at(u))
			steps = append(steps, morrisStep{from: len(pts) - 2, to: len(pts) - 1, param: j})
		}
	}
	return pts, steps
}

// morrisInfluence ranks the parameters by the mean absolute elementary
// effect, each effect scaled to the parameter's whole range.
func morrisInfluence(m *sim.Model, steps []morrisStep, ys []float64) []Influence {
	ps := m.Scenario.Params
	ee := make([][]float64, len(ps))
	for _, s := range steps {
		ee[s.param] = append(ee[s.param], (ys[s.to]-ys[s.from])/morrisDelta)
	}
	var out []Influence
	for j, p := range ps {
		abs := make([]float64, len(ee[j]))
		for i, e := range ee[j] {
			abs[i] = math.Abs(e)
		}
		out = append(out, Influence{Param: p.ID, MuStar: mean(abs), Sigma: sd(ee[j])})
	}
	slices.SortStableFunc(out, func(a, b Influence) int { return cmpAbs(b.MuStar, a.MuStar) })
	return out
}

// flips says, for each sweep along which the difference between the two
// strategies changes sign (a tie counting as not ahead), where: the crossing between the two sweep
// points around it, interpolated linearly, read from the stated value
// outwards (the verdict on the far side of the crossing is the new one).
func flips(res *Sensitivity, strategies []Strategy) []string {
	a, b := strategies[0].Label, strategies[1].Label
	var out []string
	for _, sw := range res.Sweeps {
		for k := 0; k+1 < len(sw.Points); k++ {
			p, q := sw.Points[k], sw.Points[k+1]
			// Beating is being strictly ahead: a tie is not.
			if (p.Value > 0) == (q.Value > 0) {
				continue
			}
			x := p.X + (q.X-p.X)*p.Value/(p.Value-q.Value)
			side, far := "below", p
			if x > sw.Stated {
				side, far = "above", q
			}
			verb := "stops beating"
			if far.Value > 0 {
				verb = "starts beating"
			}
			out = append(out, fmt.Sprintf("%s %s %s on %s when %s is %s %s (range %s–%s, stated %s): the difference changes sign between the sweep points %s (%s ± %s) and %s (%s ± %s), interpolated linearly.",
				a, verb, b, res.Measure, sw.Param, side, short(x), short(sw.Lo), short(sw.Hi), short(sw.Stated),
				short(p.X), signedShort(p.Value), short(p.Half), short(q.X), signedShort(q.Value), short(q.Half)))
		}
	}
	return out
}

// signedShort formats x like short, with its sign.
func signedShort(x float64) string {
	if x > 0 {
		return "+" + short(x)
	}
	return short(x)
}

// short formats a parameter value in up to 3 significant figures.
func short(x float64) string { return fmt.Sprintf("%.3g", x) }

// Tables returns the analysis as tables: the value at the stated
// parameters, the tornado (effects at each range's ends, largest first),
// every sweep point, and the global ranking.
func (res *Sensitivity) Tables() []Table {
	what := res.Measure
	if len(res.Strategies) == 2 {
		what = fmt.Sprintf("%s, %s minus %s", res.Measure, res.Strategies[0], res.Strategies[1])
	}
	var ts []Table
	ts = append(ts, Table{
		Title: "At the stated parameters",
		Head:  []string{"measure", "value", "95% interval"},
		Rows:  [][]string{{what, signedNum(res.Stated.Value), fmt.Sprintf("%s to %s", signedNum(res.Stated.Value-res.Stated.Half), signedNum(res.Stated.Value+res.Stated.Half))}},
		Note:  fmt.Sprintf("%d games per point and strategy, game i with seed %d+i at every point.", res.Games, res.Seed),
	})
	tor := Table{Title: "One at a time: effect at each end of the range (tornado), largest first", Head: []string{"parameter", "range", "stated", "effect at low end", "effect at high end"}}
	for _, sw := range res.tornado() {
		tor.Rows = append(tor.Rows, []string{sw.Param, short(sw.Lo) + "–" + short(sw.Hi), short(sw.Stated), signedNum(sw.AtLo), signedNum(sw.AtHi)})
	}
	ts = append(ts, tor)
	if len(res.Sweeps) > 0 {
		sweep := Table{Title: "One at a time: the measure at each sweep point (value ± 95% half-width)", Head: []string{"parameter"}}
		for k := range res.Sweeps[0].Points {
			sweep.Head = append(sweep.Head, fmt.Sprintf("point %d", k+1))
		}
		for _, sw := range res.Sweeps {
			row := []string{sw.Param}
			for _, p := range sw.Points {
				row = append(row, fmt.Sprintf("%s: %s ± %s", short(p.X), signedNum(p.Value), num(p.Half)))
			}
			sweep.Rows = append(sweep.Rows, row)
		}
		ts = append(ts, sweep)
	}
	switch res.Design {
	case DesignLHS:
		g := Table{Title: "Global: Latin hypercube, parameters by partial rank correlation with the measure", Head: []string{"parameter", "partial rank corr.", "rank corr."},
			Note: "Each range sampled uniformly in as many strata as points; the partial rank correlation holds the other parameters fixed."}
		for _, in := range res.Global {
			g.Rows = append(g.Rows, []string{in.Param, signedNum(in.PRCC), signedNum(in.Rank)})
		}
		ts = append(ts, g)
	case DesignMorris:
		g := Table{Title: "Global: Morris elementary effects, parameters by mean absolute effect", Head: []string{"parameter", "μ* (over the whole range)", "σ"},
			Note: "A 4-level grid, steps of 2/3 of each range; σ large against μ* means interactions or a curved effect."}
		for _, in := range res.Global {
			g.Rows = append(g.Rows, []string{in.Param, num(in.MuStar), num(in.Sigma)})
		}
		ts = append(ts, g)
	}
	if len(res.Strategies) == 2 {
		f := Table{Title: "Where the verdict flips", Head: []string{"finding"}}
		for _, s := range res.Flips {
			f.Rows = append(f.Rows, []string{s})
		}
		if len(res.Flips) == 0 {
			f.Rows = append(f.Rows, []string{fmt.Sprintf("The sign of %s does not change along any one-at-a-time sweep.", what)})
		}
		ts = append(ts, f)
	}
	return ts
}

// tornado returns the sweeps by their largest effect at either end,
// largest first.
func (res *Sensitivity) tornado() []Sweep {
	out := slices.Clone(res.Sweeps)
	slices.SortStableFunc(out, func(a, b Sweep) int {
		return cmpAbs(math.Max(math.Abs(b.AtLo), math.Abs(b.AtHi)), math.Max(math.Abs(a.AtLo), math.Abs(a.AtHi)))
	})
	return out
}

// signedNum formats x with a sign and up to 3 decimals.
func signedNum(x float64) string { return signed(x, 3) }

// WriteCSV writes the analysis as one CSV table of rows
// kind,param,x,value,half: kind is stated, sweep (a sweep point of param
// at x), or, for the global design, prcc and rank (Latin hypercube) or
// mu_star and sigma (Morris) in value.
func (res *Sensitivity) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	f := func(x float64) string { return strconv.FormatFloat(x, 'g', 10, 64) }
	cw.Write([]string{"kind", "param", "x", "value", "half"})
	cw.Write([]string{"stated", "", "", f(res.Stated.Value), f(res.Stated.Half)})
	for _, sw := range res.Sweeps {
		for _, p := range sw.Points {
			cw.Write([]string{"sweep", sw.Param, f(p.X), f(p.Value), f(p.Half)})
		}
	}
	for _, in := range res.Global {
		if res.Design == DesignMorris {
			cw.Write([]string{"mu_star", in.Param, "", f(in.MuStar), ""})
			cw.Write([]string{"sigma", in.Param, "", f(in.Sigma), ""})
			continue
		}
		cw.Write([]string{"prcc", in.Param, "", f(in.PRCC), ""})
		cw.Write([]string{"rank", in.Param, "", f(in.Rank), ""})
	}
	cw.Flush()
	return cw.Error()
}
