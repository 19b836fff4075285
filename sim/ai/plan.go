package ai

import (
	"cmp"
	"math"
	"slices"

	"github.com/sixparty/sixparty/sim"
)

// Keys of the random streams the planner derives from the game's seed.
const (
	keyWorld   = 0xa1b0 // the sampled worlds' hidden values and chance
	keyPick    = 0xa1b1 // picking among near-best orders, and impulses
	keyOpening = 0xa1b2 // the chance of the worlds' games
	keyOthers  = 0xa1b3 // the others' orders in each world
)

// othersLapse is the chance that another actor, in a sampled world, plays
// one of its next best replies rather than its best.
const othersLapse = 0.3

// recordPlayOuts, set only by tests, has the planner play out with a
// ledger (sim.Stepper.Step) rather than without (Advance), to show that
// the decisions are the same.
var recordPlayOuts bool

// cand is one set of orders for the planning actor, with what the
// lookahead expects of it.
type cand struct {
	levels []int // level per lever of the actor, in ActorLevers order
	cost   float64
	mean   float64   // mean doctrine score over the worlds
	sd     float64   // its standard deviation
	util   float64   // mean adjusted for the actor's risk appetite
	obj    []float64 // mean value of each objective
	fault  bool      // some world's play-out failed
	worlds int       // how many worlds it was played out in
	next   *cand     // the next candidate of the same levelsKey
}

// planner holds one decision's inputs and scratch space.
type planner struct {
	m       *sim.Model
	s       *sim.State // only its public parts are read
	view    sim.View
	seed    uint64
	ai      int
	b       Budget
	turn    uint64
	mine    []int
	avail   []int       // per lever, the highest level allowed (Model.MaxLevels)
	costs   [][]float64 // per lever and level, its cost this turn (Model.CostsIn)
	base    *sim.State
	worlds  []*sim.State
	levels  []int       // every lever's level last turn, where still allowed
	wlevels [][]int     // every lever's level in each world's play-outs
	choices []int       // the briefing's choices, by event
	own     sim.Choices // its own answers to the briefing's events
	horizon int
	wts     []float64
	risk    float64
	st      *sim.Stepper
	sc      *sim.Scorer
	x, y    sim.State
	buf     []float64
	led     []sim.Entry // the play-outs' ledger, when recordPlayOuts is set
	steps   int
	cands   []*cand
	seen    map[uint64]*cand // by levelsKey, chained by cand.next

	brief bool // leave out what only a reader needs (Player.Brief)

	// Kept from one decision to the next (see Player).
	pool         []*cand // candidates to reuse; cands holds the first len(cands)
	mineCombos   combos  // decide's combinations of the actor's levels
	otherCombos  combos  // predict's of another actor's
	stepperModel *sim.Model
}

// reset readies p for one decision, reusing what it holds from the last.
func (p *planner) reset(m *sim.Model, s *sim.State, v sim.View, seed uint64, ai int, b Budget) {
	if p.stepperModel != m {
		p.st, p.sc, p.stepperModel = m.NewStepper(), m.NewScorer(), m
	}
	p.m, p.s, p.view, p.seed, p.ai, p.b, p.turn = m, s, v, seed, ai, b, uint64(s.Turn)
	p.mine = m.ActorLevers(ai)
	p.wts, p.risk = m.DoctrineWeights(ai), m.Scenario.Actors[ai].Doctrine.Risk
	p.worlds, p.wlevels, p.own, p.horizon, p.steps = nil, nil, nil, 0, 0
	p.led = p.led[:0]
	p.cands = p.cands[:0]
	if p.seen == nil {
		p.seen = map[uint64]*cand{}
	}
	clear(p.seen)
	p.avail = m.MaxLevels(s, p.avail)
	// The state as ai believes it, with chance of its own: the generator
	// in s would tell the future.
	p.base = s.Believed(v)
	p.base.RNG = sim.Derive(seed, keyOpening, p.turn, uint64(ai), 0)
	// The costs as ai believes them: another actor's cost expression may
	// read what that actor alone sees exactly. Its own read only what it
	// sees exactly (sim/budget.go), so they are the true ones.
	p.costs = m.CostsIn(p.base)

	// Everyone's last orders, where still allowed and affordable at the
	// costs and budgets as ai believes them.
	p.levels = m.CarryForwardAt(s, p.base, s.Levels)

	// The briefing's choices: its own as it will make them, the others'
	// as their most likely option.
	p.choices = slices.Grow(p.choices[:0], len(m.Scenario.Events))[:len(m.Scenario.Events)]
	for i := range p.choices {
		p.choices[i] = -1
	}
	p.own = p.eventChoices() // sim/ai/events.go: by the odds at easy, by doctrine above
	own := p.own
	for _, ei := range s.Briefing {
		ev := &m.Scenario.Events[ei]
		switch c := m.Chooser(ei); {
		case c == ai:
			for k, o := range ev.Choice.Options {
				if o.ID == own[ev.ID] {
					p.choices[ei] = k
				}
			}
		case c >= 0:
			best := 0
			for k, o := range ev.Choice.Options {
				if o.Weight > ev.Choice.Options[best].Weight {
					best = k
				}
			}
			p.choices[ei] = best
		}
	}

	p.horizon = max(1, min(b.Horizon, m.Scenario.Meta.Turns-s.Turn+1))
}

// newCand returns a candidate for levels lv, reused from the pool, with
// no result yet.
func (p *planner) newCand(lv []int, nw int) *cand {
	n := len(p.cands)
	if n == len(p.pool) {
		p.pool = append(p.pool, &cand{})
	}
	c := p.pool[n]
	*c = cand{levels: append(c.levels[:0], lv...), cost: levelsCost(p.m, p.costs, p.ai, lv), obj: slices.Grow(c.obj[:0], len(p.wts))[:len(p.wts)], worlds: nw}
	clear(c.obj)
	return c
}

// sampleWorlds makes n worlds: the believed state, and n-1 redraws of the
// hidden values within the estimates' noise, each with its own chance.
func (p *planner) sampleWorlds(v sim.View, n int) {
	p.worlds = []*sim.State{p.base}
	p.wlevels = [][]int{slices.Clone(p.levels)}
	for k := 1; k < n; k++ {
		w := p.base.Clone()
		r := sim.Derive(p.seed, keyWorld, p.turn, uint64(p.ai), uint64(k))
		for i := range w.Vals {
			if v.Exact[i] {
				continue
			}
			lo, hi := p.m.Bounds(i)
			w.Vals[i] = math.Max(lo, math.Min(hi, v.Vals[i]+v.SD[i]*r.NormFloat64()))
		}
		w.RNG = sim.Derive(p.seed, keyOpening, p.turn, uint64(p.ai), uint64(k))
		p.worlds = append(p.worlds, w)
		p.wlevels = append(p.wlevels, slices.Clone(p.levels))
	}
}

// playOut plays levels from start for h turns (or to the end of the game)
// and returns the state reached, or nil if a turn failed.
func (p *planner) playOut(start *sim.State, levels []int, h int) *sim.State {
	cur := start
	next := &p.x
	for t := 0; t < h && !cur.Over(); t++ {
		var ch []int
		if t == 0 {
			ch = p.choices
		}
		var err error
		if recordPlayOuts {
			p.led, err = p.st.Step(cur, levels, ch, next, p.led[:0])
		} else {
			err = p.st.Advance(cur, levels, ch, next)
		}
		p.steps++
		if err != nil {
			return nil
		}
		cur = next
		if next == &p.x {
			next = &p.y
		} else {
			next = &p.x
		}
	}
	return cur
}

// score returns actor ai's doctrine score in s with the given weights,
// and its objective values in p.buf; ok is false when an objective faults
// or the score is not finite, which counts as a failed play-out.
func (p *planner) score(s *sim.State, ai int, wts []float64) (v float64, ok bool) {
	var err error
	p.buf, err = p.sc.Objectives(p.buf, s, ai)
	if err != nil {
		return 0, false
	}
	t := p.sc.Payoff(s, ai) // the ending's payoff (sim/payoff.go)
	for k, v := range p.buf {
		t += wts[k] * v
	}
	return t, !math.IsInf(t, 0) && t == t
}

// predict sets every other actor's orders in each world: in the first,
// its best reply by its own doctrine, judged over three turns in the
// believed state assuming everyone else repeats their last orders; in the
// others, the same except that with a chance of othersLapse it plays one
// of its next three best replies instead, so that the worlds cover what it
// might well do.
//
// Predicting takes at most half the decision's step budget (MaxSteps),
// shared out among the others in turn: each may use what is left divided
// by the number still to predict. An actor with few enough combinations
// to weigh them all (MaxCandidates) has each played out; one with more is
// searched one lever change at a time until its share runs out.
func (p *planner) predict() {
	m := p.m
	last := slices.Clone(p.levels)
	h := min(3, p.horizon)
	var others []int
	for o := range m.Scenario.Actors {
		if o != p.ai && len(m.ActorLevers(o)) > 0 {
			others = append(others, o)
		}
	}
	limit := p.steps + p.b.MaxSteps/2
	for i, o := range others {
		levers := m.ActorLevers(o)
		share := p.steps + (limit-p.steps)/(len(others)-i)
		wts := m.DoctrineWeights(o)
		trial := slices.Clone(last)
		eval := func(lv []int) float64 {
			for k, li := range levers {
				trial[li] = lv[k]
			}
			end := p.playOut(p.base, trial, h)
			if end == nil {
				return math.Inf(-1)
			}
			v, ok := p.score(end, o, wts)
			if !ok {
				return math.Inf(-1)
			}
			return v
		}
		combos, ok := enumerate(m, o, p.avail, p.costs, p.b.MaxCandidates, &p.otherCombos)
		if !ok {
			cur := make([]int, len(levers))
			for k, li := range levers {
				cur[k] = last[li]
			}
			best := climb(m, o, p.avail, p.costs, cur, eval, func() bool { return p.steps+h > share })
			if best == nil {
				continue
			}
			for _, wl := range p.wlevels {
				for k, li := range levers {
					wl[li] = best[k]
				}
			}
			continue
		}
		if len(combos) == 0 {
			continue
		}
		utils := make([]float64, len(combos))
		costs := make([]float64, len(combos))
		for i, lv := range combos {
			utils[i] = eval(lv)
			costs[i] = levelsCost(m, p.costs, o, lv)
		}
		byUtil := make([]int, len(combos))
		for i := range byUtil {
			byUtil[i] = i
		}
		slices.SortStableFunc(byUtil, func(i, j int) int {
			if utils[i] != utils[j] {
				return cmp.Compare(utils[j], utils[i])
			}
			return cmp.Compare(costs[i], costs[j])
		})
		rng := sim.Derive(p.seed, keyOthers, p.turn, uint64(p.ai), uint64(o))
		for w, wl := range p.wlevels {
			pick := byUtil[0]
			if w > 0 && len(byUtil) > 1 && rng.Float64() < othersLapse {
				pick = byUtil[1+rng.Intn(min(len(byUtil)-1, 3))]
			}
			for k, li := range levers {
				wl[li] = combos[pick][k]
			}
		}
	}
}

// climb returns the best legal levels for actor ai's levers by eval, for
// an actor with too many legal combinations to weigh each (callers
// enumerate first): a climb one lever change at a time from start and
// from all levers off. stop, asked before each set of levels is played
// out, ends the climb there, with the best found so far. Ties go to the
// cheaper orders, then to the earlier ones. Each climbing move costs time
// in proportion to the actor's levers (its cost and memo key are sums
// over them), besides the play-out.
func climb(m *sim.Model, ai int, avail []int, costs [][]float64, start []int, eval func([]int) float64, stop func() bool) []int {
	levers := m.ActorLevers(ai)
	type scored struct {
		lv   []int
		cost float64
		v    float64
	}
	better := func(a, b scored) bool {
		if a.v != b.v {
			return a.v > b.v
		}
		return a.cost < b.cost-1e-12
	}
	type memoEntry struct {
		lv []int
		v  float64
	}
	memo := map[uint64][]memoEntry{}
	stopped := false
	// val returns eval(lv), remembered; ok is false when lv is new and
	// stop says no more may be played out (unless force is set: each
	// climb's start is always played out).
	val := func(lv []int, force bool) (float64, bool) {
		k := levelsKey(lv)
		for _, e := range memo[k] {
			if slices.Equal(e.lv, lv) {
				return e.v, true
			}
		}
		if !force && (stopped || stop()) {
			stopped = true
			return 0, false
		}
		v := eval(lv)
		memo[k] = append(memo[k], memoEntry{slices.Clone(lv), v})
		return v, true
	}
	zero := make([]int, len(levers))
	var best scored
	for i, s0 := range [][]int{legalStart(m, ai, avail, costs, start), zero} {
		v0, _ := val(s0, true)
		cur := scored{s0, levelsCost(m, costs, ai, s0), v0}
		work := slices.Clone(s0)
		for !stopped && !stop() {
			next := cur
		sweep:
			for k, li := range levers {
				was := work[k]
				for lvl := range m.Scenario.Levers[li].Levels {
					if lvl == was || lvl > avail[li] {
						continue
					}
					work[k] = lvl
					c := levelsCost(m, costs, ai, work)
					if !m.Affordable(ai, c) {
						continue
					}
					v, ok := val(work, false)
					if !ok {
						work[k] = was
						break sweep
					}
					if sc := (scored{work, c, v}); better(sc, next) {
						sc.lv = slices.Clone(work)
						next = sc
					}
				}
				work[k] = was
			}
			if !better(next, cur) {
				break
			}
			cur = next
			copy(work, cur.lv)
		}
		if i == 0 || better(cur, best) {
			best = cur
		}
	}
	return best.lv
}

// combos is the storage of enumerate's combinations, reused from one
// call to the next.
type combos struct {
	flat []int   // the combinations one after another
	list [][]int // each, a part of flat
	lv   []int
}

// enumerate lists every legal combination of levels for actor ai's
// levers (at costs: Model.CostsIn of the turn's state), in lexicographic
// order, or reports false when there are more than limit. The lists are
// held in buf, and valid until its next use.
func enumerate(m *sim.Model, ai int, avail []int, costs [][]float64, limit int, buf *combos) ([][]int, bool) {
	levers := m.ActorLevers(ai)
	buf.flat = buf.flat[:0]
	n := 0
	lv := slices.Grow(buf.lv[:0], len(levers))[:len(levers)]
	clear(lv)
	buf.lv = lv
	var rec func(k int, spent float64) bool
	rec = func(k int, spent float64) bool {
		if k == len(levers) {
			if n >= limit {
				return false
			}
			buf.flat = append(buf.flat, lv...)
			n++
			return true
		}
		li := levers[k]
		for lvl := range m.Scenario.Levers[li].Levels {
			if lvl > avail[li] {
				break
			}
			c := spent + costs[li][lvl]
			if !m.Affordable(ai, c) {
				continue
			}
			lv[k] = lvl
			if !rec(k+1, c) {
				return false
			}
		}
		lv[k] = 0
		return true
	}
	if !rec(0, 0) {
		return nil, false
	}
	buf.list = buf.list[:0]
	for i, w := 0, len(levers); i < n; i++ {
		buf.list = append(buf.list, buf.flat[i*w:(i+1)*w:(i+1)*w])
	}
	if n == 0 {
		return nil, true
	}
	return buf.list, true
}

// legalStart returns start (levels of actor ai's levers) if it is legal,
// else all levers off.
func legalStart(m *sim.Model, ai int, avail []int, costs [][]float64, start []int) []int {
	levers := m.ActorLevers(ai)
	for k, li := range levers {
		if start[k] > avail[li] {
			return make([]int, len(levers))
		}
	}
	if !m.Affordable(ai, levelsCost(m, costs, ai, start)) {
		return make([]int, len(levers))
	}
	return slices.Clone(start)
}

// levelsCost returns the cost of lv, the levels of actor ai's levers in
// ActorLevers order, at costs (Model.CostsIn of the turn's state): the sum
// sim.Model.OrdersCostIn takes, in its order
// (so bit for bit its result), without a slice of every lever's level.
func levelsCost(m *sim.Model, costs [][]float64, ai int, lv []int) float64 {
	total := 0.0
	for k, li := range m.ActorLevers(ai) {
		total += costs[li][lv[k]]
	}
	return total
}

// levelsKey returns a 64-bit key of levels lv (FNV-1a over the levels),
// for the memos: an integer key costs no allocation, and the memos compare
// the levels themselves to tell keys that collide apart.
func levelsKey(lv []int) uint64 {
	h := uint64(14695981039346656037)
	for _, l := range lv {
		h ^= uint64(l)
		h *= 1099511628211
	}
	return h
}

// lookup returns the candidate for levels lv, or nil.
func (p *planner) lookup(k uint64, lv []int) *cand {
	for c := p.seen[k]; c != nil; c = c.next {
		if slices.Equal(c.levels, lv) {
			return c
		}
	}
	return nil
}

// evaluate plays the actor's levels lv out in the first nw worlds and
// records the result as a candidate (once per distinct set of levels and
// number of worlds).
func (p *planner) evaluate(lv []int, nw int) *cand {
	k := levelsKey(lv)
	old := p.lookup(k, lv)
	if old != nil && old.worlds >= nw {
		return old
	}
	// A candidate played out in fewer worlds is played out again in nw,
	// in place.
	c := old
	if c == nil {
		c = p.newCand(lv, nw)
	} else {
		next := c.next
		*c = cand{levels: c.levels, cost: levelsCost(p.m, p.costs, p.ai, lv), obj: c.obj, worlds: nw, next: next}
		clear(c.obj)
	}
	sum, sum2 := 0.0, 0.0
	for w, world := range p.worlds[:nw] {
		levels := p.wlevels[w]
		for k, li := range p.mine {
			levels[li] = lv[k]
		}
		end := p.playOut(world, levels, p.horizon)
		if end == nil {
			c.fault = true
			continue
		}
		v, ok := p.score(end, p.ai, p.wts)
		if !ok {
			c.fault = true
			continue
		}
		sum += v
		sum2 += v * v
		for j, x := range p.buf {
			c.obj[j] += x
		}
	}
	n := float64(nw)
	if c.fault {
		c.mean, c.util = math.Inf(-1), math.Inf(-1)
	} else {
		c.mean = sum / n
		c.sd = math.Sqrt(math.Max(0, sum2/n-c.mean*c.mean))
		c.util = c.mean + (2*p.risk-1)*c.sd
		for j := range c.obj {
			c.obj[j] /= n
		}
	}
	if old == nil {
		c.next = p.seen[k]
		p.seen[k] = c
		p.cands = append(p.cands, c)
	}
	return c
}

// decide screens the actor's orders in a few worlds, confirms the best
// few in all of them, and picks, explains and returns one.
func (p *planner) decide() Decision {
	m := p.m
	b := p.b
	combos, all := enumerate(m, p.ai, p.avail, p.costs, b.MaxCandidates, &p.mineCombos)
	// How many candidates the screen will weigh: all of them, or about
	// three climbs' worth of single changes from each of two starts.
	screened := len(combos)
	if !all {
		moves := 0
		for _, li := range p.mine {
			moves += p.avail[li]
		}
		screened = 6 * moves
	}
	samples, screen := max(1, b.Samples), max(1, min(b.Screen, b.Samples))
	cost := func() int { return (screened*screen + b.Finalists*samples) * p.horizon }
	for screen > 1 && cost() > b.MaxSteps {
		screen--
	}
	for samples > screen && cost() > b.MaxSteps {
		samples--
	}
	for p.horizon > 1 && cost() > b.MaxSteps {
		p.horizon--
	}
	p.sampleWorlds(p.view, samples)
	if b.Opponents {
		p.predict()
	}
	start := make([]int, len(p.mine))
	for k, li := range p.mine {
		start[k] = p.levels[li]
	}
	if all {
		for _, lv := range combos {
			p.evaluate(lv, screen)
		}
	} else {
		climb(m, p.ai, p.avail, p.costs, start, func(lv []int) float64 {
			return p.evaluate(lv, screen).util
		}, func() bool { return p.steps+b.Finalists*samples*p.horizon >= b.MaxSteps })
	}
	// Confirm the finalists in every world.
	var legal []*cand
	for _, c := range p.cands {
		if m.Affordable(p.ai, c.cost) {
			legal = append(legal, c)
		}
	}
	if len(legal) == 0 {
		return Decision{Orders: map[string]int{}, Choices: p.own, Explain: "No orders fit within its budget.", Horizon: p.horizon, Steps: p.steps}
	}
	order := rank(legal)
	final := order[:min(len(order), max(2, b.Finalists))]
	for _, c := range final {
		p.evaluate(c.levels, samples)
	}
	return p.pick(rank(final))
}

// rank orders candidates by utility, best first; ties go to the cheaper,
// then to the one found first.
func rank(cs []*cand) []*cand {
	out := slices.Clone(cs)
	slices.SortStableFunc(out, func(a, c *cand) int {
		if a.util != c.util {
			return cmp.Compare(c.util, a.util)
		}
		return cmp.Compare(a.cost, c.cost)
	})
	return out
}

// pick chooses among the finalists, best first, and builds the decision.
func (p *planner) pick(order []*cand) Decision {
	b := p.b
	best := order[0]
	chosen := best
	rng := sim.Derive(p.seed, keyPick, p.turn, uint64(p.ai))
	if b.Lapse > 0 && len(order) > 1 && rng.Float64() < b.Lapse {
		chosen = order[1+rng.Intn(min(len(order)-1, max(1, b.Among)))]
	}
	impulse := chosen.util < best.util
	var alt *cand
	if impulse {
		alt = best
	} else {
		// The best orders that did worse; failing those, one that did as
		// well.
		for _, c := range order {
			if c != chosen && (alt == nil || alt.util >= chosen.util-1e-12 && c.util < chosen.util-1e-12) {
				alt = c
			}
		}
	}
	d := Decision{
		Orders:  p.orders(chosen.levels),
		Choices: p.own,
		Impulse: impulse,
		Horizon: p.horizon,
		Steps:   p.steps,
	}
	if p.brief {
		return d
	}
	if alt != nil {
		d.Alternative = &Alternative{Orders: p.orders(alt.levels), Utility: chosen.util - alt.util}
		if math.IsInf(d.Alternative.Utility, 0) || d.Alternative.Utility != d.Alternative.Utility {
			d.Alternative.Utility = 0
		}
	}
	d.Reasons = p.reasons(chosen, alt)
	d.Explain = p.explain(d, chosen, alt)
	return d
}

// orders turns the actor's levels into orders by lever id.
func (p *planner) orders(lv []int) map[string]int {
	out := map[string]int{}
	for k, li := range p.mine {
		if lv[k] > 0 {
			out[p.m.Scenario.Levers[li].ID] = lv[k]
		}
	}
	return out
}

// reasons ranks the objectives by how much their expected change counts
// under the actor's doctrine.
func (p *planner) reasons(chosen, alt *cand) []Reason {
	a := &p.m.Scenario.Actors[p.ai]
	// The objectives as the actor believes them now (0 where its beliefs
	// make one fault: the explanation then shows changes from 0).
	now, err := p.sc.Objectives(nil, p.base, p.ai)
	if err != nil {
		now = make([]float64, len(a.Objectives))
	}
	var out []Reason
	for k, o := range a.Objectives {
		r := Reason{Objective: o.ID, Name: o.Name, Weight: p.wts[k], Now: now[k], Expected: chosen.obj[k]}
		if alt != nil {
			r.VsAlternative = chosen.obj[k] - alt.obj[k]
		}
		out = append(out, r)
	}
	slices.SortStableFunc(out, func(x, y Reason) int {
		return cmp.Compare(math.Abs(y.Weight*y.Change()), math.Abs(x.Weight*x.Change()))
	})
	keep := 0
	for keep < len(out) && keep < 3 && (keep == 0 || math.Abs(out[keep].Weight*out[keep].Change()) > 1e-9) {
		keep++
	}
	return out[:keep]
}
