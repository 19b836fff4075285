package scenarios

// Tests of the default scenario, "Relieving Pressure on China" (2017): the
// six mechanisms of the article's argument, each as a pair of games that
// differ in one thing; the article's combined strategy against the
// China-reliant baseline over 200 seeds; and the historical track against
// the reference figures (../shared/reference/dprk-2016-2018.md).

import (
	"fmt"
	"math"
	"os"
	"runtime"
	"sync"
	"testing"

	"github.com/sixparty/sixparty/sim"
	"github.com/sixparty/sixparty/sim/ai"
)

// plan gives orders by lever and level name for some actors; it is the
// same every turn unless a turn-specific override is given.
type plan struct {
	// every holds lever -> level name, played every turn.
	every map[string]string
	// first overrides every on the first turn only.
	first map[string]string
}

// orders turns the plan into sim.Orders for a turn, or fails the test on
// an unknown lever or level.
func (p plan) orders(t testing.TB, m *sim.Model, turn int) sim.Orders {
	t.Helper()
	o := sim.Orders{}
	add := func(src map[string]string) {
		for lid, lv := range src {
			li := m.LeverIndex(lid)
			if li < 0 {
				t.Fatalf("unknown lever %q", lid)
			}
			l := m.Scenario.Levers[li]
			lvl := -1
			for k, name := range l.Levels {
				if name == lv {
					lvl = k
				}
			}
			if lvl < 0 {
				t.Fatalf("lever %q has no level %q (has %v)", lid, lv, l.Levels)
			}
			a := l.Actor
			if o[a] == nil {
				o[a] = map[string]int{}
			}
			o[a][lid] = lvl
		}
	}
	add(p.every)
	if turn == 1 {
		add(p.first)
	}
	return o
}

// with returns a copy of p with extra orders played every turn (a level
// of "none", "lax", "keep"... sets the lever to that level).
func (p plan) with(extra map[string]string) plan {
	q := plan{every: map[string]string{}, first: p.first}
	for k, v := range p.every {
		q.every[k] = v
	}
	for k, v := range extra {
		q.every[k] = v
	}
	return q
}

func pressureModel(t testing.TB) *sim.Model {
	t.Helper()
	m, err := LoadBuiltin(Default)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// playScripted plays a whole game with every actor's orders from p (actors
// not in p give none) and every choice taken by ai.Choose, so that two
// plans compared on the same seed differ only in the orders.
func playScripted(t testing.TB, m *sim.Model, seed uint64, p plan) *sim.Game {
	t.Helper()
	g := sim.NewGame(m, seed)
	for !g.Over() {
		o := p.orders(t, m, g.Turn())
		c := sim.Choices{}
		for a := range m.Scenario.Actors {
			for k, v := range ai.Choose(g, a) {
				c[k] = v
			}
		}
		if _, err := g.Play(o, c); err != nil {
			t.Fatalf("seed %d, turn %d: %v", seed, g.Turn(), err)
		}
	}
	return g
}

// series returns a variable's value after each turn played.
func series(m *sim.Model, g *sim.Game, id string) []float64 {
	vi := m.VarIndex(id)
	h := g.History()
	out := make([]float64, 0, len(h)-1)
	for _, s := range h[1:] {
		out = append(out, s.Vals[vi])
	}
	return out
}

func final(m *sim.Model, g *sim.Game, id string) float64 {
	s := series(m, g, id)
	return s[len(s)-1]
}

func mean(xs []float64) float64 {
	t := 0.0
	for _, x := range xs {
		t += x
	}
	return t / float64(len(xs))
}

// background is the world the mechanism tests vary one thing in: the UN
// bans of 2397 in force, China enforcing partly with subsistence aid, the
// DPRK smuggling and trying to move resources to the economy.
var background = plan{
	every: map[string]string{
		"china.enforce":   "partial",
		"china.aid":       "subsistence",
		"dprk.smuggle":    "some",
		"dprk.shift":      "economy",
		"russia.fuel":     "supply",
		"us.secondary":    "quiet",
		"rok.thaad":       "keep",
		"japan.sanctions": "autonomous",
	},
	first: map[string]string{"us.unsc": "sectoral"},
}

const argumentSeed = 11

// Mechanism 1: deterrence-by-denial denies the DPRK the defence savings of
// byungjin, so its military burden stays high and its economy grows less.
func TestArgumentDenial(t *testing.T) {
	m := pressureModel(t)
	high := playScripted(t, m, argumentSeed, background.with(map[string]string{
		"us.prompt_strike": "deploy", "rok.thaad": "expand", "japan.aegis": "build",
	}))
	none := playScripted(t, m, argumentSeed, background.with(map[string]string{
		"rok.thaad": "none",
	}))
	bh, bn := final(m, high, "dprk.military_burden"), final(m, none, "dprk.military_burden")
	gh, gn := final(m, high, "dprk.gdp"), final(m, none, "dprk.gdp")
	rh, rn := mean(series(m, high, "dprk.gdp_growth")), mean(series(m, none, "dprk.gdp_growth"))
	t.Logf("denial %.0f vs %.0f: military burden %.1f%% vs %.1f%% of GDP; GDP %.1f vs %.1f; mean growth %.2f%% vs %.2f%%",
		final(m, high, "allies.denial"), final(m, none, "allies.denial"), bh, bn, gh, gn, rh, rn)
	if bh < bn+1 {
		t.Errorf("military burden with denial %.2f, without %.2f: denial should keep it at least a point higher", bh, bn)
	}
	if bh < m.Scenario.Vars[m.VarIndex("dprk.military_burden")].Init-0.5 {
		t.Errorf("military burden with denial fell to %.2f: the DPRK should not be able to cut it", bh)
	}
	if gh >= gn || rh >= rn {
		t.Errorf("with denial GDP %.2f (growth %.2f), without %.2f (%.2f): the economy should grow less under denial", gh, rh, gn, rn)
	}
}

// Mechanism 2: when China cuts its support, an unconstrained Russia takes
// in more North Korean workers and the DPRK's labor revenue rises; with
// multilateral sanctions on the users of its labor, neither does.
func TestArgumentRussiaFillsGap(t *testing.T) {
	m := pressureModel(t)
	russia := background.with(map[string]string{"russia.host_labor": "expand"})
	cut := map[string]string{"china.enforce": "severe", "china.aid": "none"}
	keep := playScripted(t, m, argumentSeed, russia)
	free := playScripted(t, m, argumentSeed, russia.with(cut))
	sanctioned := playScripted(t, m, argumentSeed, russia.with(cut).with(map[string]string{"us.labor_sanctions": "sanction_users"}))
	w0 := m.Scenario.Vars[m.VarIndex("dprk.workers_russia")].Init
	r0 := m.Scenario.Vars[m.VarIndex("dprk.labor_revenue")].Init
	wk, wf, ws := final(m, keep, "dprk.workers_russia"), final(m, free, "dprk.workers_russia"), final(m, sanctioned, "dprk.workers_russia")
	rk, rf, rs := final(m, keep, "dprk.labor_revenue"), final(m, free, "dprk.labor_revenue"), final(m, sanctioned, "dprk.labor_revenue")
	t.Logf("workers in Russia (start %.0fk): China supports %.1fk, China cuts %.1fk, cuts + labor sanctions %.1fk", w0, wk, wf, ws)
	t.Logf("labor revenue (start %.2f): China supports %.3f, China cuts %.3f, cuts + labor sanctions %.3f US$bn/yr", r0, rk, rf, rs)
	if !(wf > wk && wf > w0) {
		t.Errorf("when China cuts, workers in Russia should rise (start %.1f, China supports %.1f, cuts %.1f)", w0, wk, wf)
	}
	if rf < rk*1.1 {
		t.Errorf("when China cuts, labor revenue should rise above what it is when China supports the DPRK (%.3f, cuts %.3f)", rk, rf)
	}
	if ws > w0 || rs > r0 || rs > rk {
		t.Errorf("with sanctions on labor users, workers in Russia (%.1f, start %.1f) and labor revenue (%.3f, start %.3f, China supporting %.3f) should not rise", ws, w0, rs, r0, rk)
	}
}

// Mechanism 3: the same Chinese enforcement, overt or quiet, squeezes the
// DPRK economy about as much, but overt enforcement puts more pressure on
// Beijing.
func TestArgumentOvertVsQuiet(t *testing.T) {
	m := pressureModel(t)
	strict := background.with(map[string]string{"china.enforce": "strict"})
	quiet := playScripted(t, m, argumentSeed, strict)
	overt := playScripted(t, m, argumentSeed, strict.with(map[string]string{"china.overt": "public"}))
	gq, go_ := final(m, quiet, "dprk.gdp"), final(m, overt, "dprk.gdp")
	xq, xo := mean(series(m, quiet, "dprk.exports")), mean(series(m, overt, "dprk.exports"))
	pq, po := mean(series(m, quiet, "china.pressure")), mean(series(m, overt, "china.pressure"))
	t.Logf("quiet vs overt: GDP %.2f vs %.2f; mean exports %.3f vs %.3f; mean pressure on Beijing %.1f vs %.1f", gq, go_, xq, xo, pq, po)
	if d := math.Abs(gq-go_) / gq; d > 0.01 {
		t.Errorf("GDP differs by %.1f%% between quiet and overt enforcement; want about the same", 100*d)
	}
	if d := math.Abs(xq-xo) / xq; d > 0.05 {
		t.Errorf("exports differ by %.1f%% between quiet and overt enforcement; want about the same", 100*d)
	}
	if po < pq+10 {
		t.Errorf("pressure on Beijing %.1f overt vs %.1f quiet: overt should cost Beijing clearly more", po, pq)
	}
}

// Mechanism 4: won funnelled into the DPRK raises prices and the market
// exchange rate and weakens the regime's control.
func TestArgumentWonFunnel(t *testing.T) {
	m := pressureModel(t)
	none := playScripted(t, m, argumentSeed, background)
	won := playScripted(t, m, argumentSeed, background.with(map[string]string{"us.funnel_won": "large"}))
	pn, pw := final(m, none, "dprk.prices"), final(m, won, "dprk.prices")
	fn, fw := final(m, none, "dprk.market_fx"), final(m, won, "dprk.market_fx")
	cn, cw := final(m, none, "dprk.regime_control"), final(m, won, "dprk.regime_control")
	t.Logf("without vs with won funnelling: rice %.0f vs %.0f KPW/kg; market rate %.0f vs %.0f KPW/$; regime control %.1f vs %.1f", pn, pw, fn, fw, cn, cw)
	if pw <= pn*1.1 || fw <= fn*1.1 {
		t.Errorf("won funnelling should raise prices (%.0f -> %.0f) and the market rate (%.0f -> %.0f) by more than 10%%", pn, pw, fn, fw)
	}
	if cw >= cn {
		t.Errorf("won funnelling should lower regime control (%.1f -> %.1f)", cn, cw)
	}
}

// Mechanism 5: severe Chinese pressure alone (no allied measures) raises
// China's own refugee risk.
func TestArgumentSevereChina(t *testing.T) {
	m := pressureModel(t)
	alone := plan{every: map[string]string{"china.enforce": "partial", "china.aid": "subsistence"}, first: map[string]string{"us.unsc": "sectoral"}}
	mild := playScripted(t, m, argumentSeed, alone)
	severe := playScripted(t, m, argumentSeed, alone.with(map[string]string{"china.enforce": "severe", "china.aid": "none"}))
	rm, rs := series(m, mild, "china.refugee_risk"), series(m, severe, "china.refugee_risk")
	t.Logf("refugee risk, partial enforcement with aid vs severe without: mean %.1f vs %.1f, peak %.1f vs %.1f", mean(rm), mean(rs), maxOf(rm), maxOf(rs))
	if mean(rs) < mean(rm)+5 {
		t.Errorf("severe Chinese pressure should raise China's refugee risk: mean %.1f vs %.1f", mean(rs), mean(rm))
	}
}

func maxOf(xs []float64) float64 {
	v := math.Inf(-1)
	for _, x := range xs {
		v = math.Max(v, x)
	}
	return v
}

// The article's combined strategy: deterrence-by-denial, pressure on
// Chinese and Russian firms and on the users of DPRK labor, interdiction,
// and Chinese enforcement that is strict but quiet.
var combined = plan{
	every: map[string]string{
		"us.secondary":       "quiet",
		"us.russia_firms":    "designate",
		"us.labor_sanctions": "sanction_users",
		"us.prompt_strike":   "deploy",
		"us.interdict":       "patrol",
		"japan.aegis":        "build",
		"japan.interdict":    "patrol",
		"japan.sanctions":    "autonomous",
		"rok.thaad":          "expand",
		"rok.sanctions":      "enforce",
		"china.enforce":      "strict",
		"china.overt":        "quiet",
		"china.aid":          "subsistence",
		"china.border":       "controls",
		"china.labor_cap":    "cap",
		"china.retaliate":    "tourism",
	},
	// The first turn's budget goes to the resolution; prompt strike is
	// announced before it is deployed.
	first: map[string]string{"us.unsc": "sectoral", "us.prompt_strike": "announce"},
}

// The China-reliant baseline the article argues against: the allies ask
// Beijing, publicly, to do the squeezing, and China enforces strictly and
// openly.
var chinaReliant = plan{
	every: map[string]string{
		"us.press_china":  "public",
		"rok.thaad":       "keep",
		"china.enforce":   "strict",
		"china.overt":     "public",
		"china.aid":       "subsistence",
		"china.border":    "controls",
		"china.labor_cap": "cap",
		"china.retaliate": "tourism",
	},
	first: map[string]string{"us.unsc": "sectoral"},
}

// playAgainstComputer plays a game with the plan's actors scripted and
// Russia and the DPRK played by the greedy computer player; every choice
// is made by ai.Choose.
func playAgainstComputer(t testing.TB, m *sim.Model, seed uint64, p plan) (*sim.Game, error) {
	g := sim.NewGame(m, seed)
	computer := make([]bool, len(m.Scenario.Actors))
	computer[m.ActorIndex("russia")] = true
	computer[m.ActorIndex("dprk")] = true
	for !g.Over() {
		o := p.orders(t, m, g.Turn())
		c := sim.Choices{}
		for a := range m.Scenario.Actors {
			if !computer[a] {
				for k, v := range ai.Choose(g, a) {
					c[k] = v
				}
			}
		}
		ai.Play(g, ai.Greedy{}, computer, o, c)
		if _, err := g.Play(o, c); err != nil {
			return nil, fmt.Errorf("seed %d, turn %d: %v", seed, g.Turn(), err)
		}
	}
	return g, nil
}

// outcomeRates plays seeds 1..n and returns the share of games that end in
// each outcome, by id.
func outcomeRates(t *testing.T, m *sim.Model, n int, p plan) map[string]float64 {
	t.Helper()
	ends := make([]string, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				g, err := playAgainstComputer(t, m, uint64(i+1), p)
				if err != nil {
					errs[i] = err
					continue
				}
				ends[i] = g.Outcome().ID
			}
		}()
	}
	for i := 0; i < n; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
	rates := map[string]float64{}
	for i := range ends {
		if errs[i] != nil {
			t.Fatal(errs[i])
		}
		rates[ends[i]] += 1 / float64(n)
	}
	return rates
}

// Mechanism 6: across 200 seeds, with Russia and the DPRK computer-played,
// the article's combined strategy reaches a negotiation on favourable
// terms more often than relying on China.
func TestArgumentCombinedStrategy(t *testing.T) {
	m := pressureModel(t)
	n := 200
	if testing.Short() {
		n = 40
	}
	c := outcomeRates(t, m, n, combined)
	b := outcomeRates(t, m, n, chinaReliant)
	t.Logf("over %d seeds: negotiation %.1f%% with the combined strategy, %.1f%% relying on China", n, 100*c["negotiation"], 100*b["negotiation"])
	t.Logf("combined: %s", rateText(m, c))
	t.Logf("China-reliant: %s", rateText(m, b))
	if c["negotiation"] <= b["negotiation"] {
		t.Errorf("the combined strategy reached negotiation in %.1f%% of games, relying on China in %.1f%%: want more", 100*c["negotiation"], 100*b["negotiation"])
	}
}

func rateText(m *sim.Model, r map[string]float64) string {
	s := ""
	for _, o := range m.Scenario.Outcomes {
		if s != "" {
			s += ", "
		}
		s += fmt.Sprintf("%s %.1f%%", o.ID, 100*r[o.ID])
	}
	return s
}

// The historical track, replayed, against the reference figures.
func TestHistoricalTrack(t *testing.T) {
	m := pressureModel(t)
	src, err := os.ReadFile("pressure-2017.history.yaml")
	if err != nil {
		t.Fatal(err)
	}
	tr, err := LoadTrack("pressure-2017.history.yaml", src, m)
	if err != nil {
		t.Fatal(err)
	}
	for a, scripted := range tr.Scripted {
		if !scripted {
			t.Errorf("the track leaves %s to the computer; it should give every government's orders", m.Scenario.Actors[a].ID)
		}
	}
	g := sim.NewGame(m, m.Scenario.Meta.Seed)
	for g.Turn() <= 9 {
		o, c := tr.Orders(g.Turn())
		if _, err := g.Play(o, c); err != nil {
			t.Fatalf("turn %d (%s): %v", g.Turn(), m.Date(g.Turn()), err)
		}
		if g.Over() {
			t.Fatalf("the track ended after %s in %q; history went on", m.Date(g.Turn()-1), g.Outcome().Name)
		}
	}
	// After turn k the state holds the end of its quarter: turn 1 is
	// 2017-Q4, turn 5 is 2018-Q4.
	at := func(id string, turn int) float64 { return g.History()[turn].Vals[m.VarIndex(id)] }
	within := func(what string, got, want, tol float64) {
		t.Helper()
		t.Logf("%s: %.3f (reference %.3f, tolerance %.3f)", what, got, want, tol)
		if math.Abs(got-want) > tol {
			t.Errorf("%s = %.3f, want %.3f within %.3f", what, got, want, tol)
		}
	}
	within("GDP growth 2017 (%)", at("dprk.gdp_growth", 1), -3.5, 1.5)
	within("GDP growth 2018 (%)", at("dprk.gdp_growth", 5), -4.1, 1.5)
	exports2018 := (at("dprk.exports", 2) + at("dprk.exports", 3) + at("dprk.exports", 4) + at("dprk.exports", 5)) / 4
	within("exports 2018 (US$bn)", exports2018, 0.24, 0.3*0.24)
	within("workers in Russia, end of 2017 (thousand)", at("dprk.workers_russia", 1), 34, 4)
	within("workers in Russia, end of 2018 (thousand)", at("dprk.workers_russia", 5), 11, 4)
	for turn := 1; turn <= 5; turn++ {
		within("market rate "+m.Date(turn)+" (KPW/US$)", at("dprk.market_fx", turn), 8000, 0.15*8000)
	}
	within("reserves change in 2018 (US$bn)", at("dprk.fx_reserves", 5)-at("dprk.fx_reserves", 1), -1.0, 0.4)
	for turn := 6; turn <= 9; turn++ {
		t.Logf("%s: growth %.2f%%, exports %.3f, reserves %.2f, workers in Russia %.1fk, market rate %.0f, willingness to negotiate %.0f",
			m.Date(turn), at("dprk.gdp_growth", turn), at("dprk.exports", turn), at("dprk.fx_reserves", turn),
			at("dprk.workers_russia", turn), at("dprk.market_fx", turn), at("dprk.negotiate", turn))
	}
}
