package options

import (
	"reflect"
	"strings"
	"testing"

	"github.com/sixparty/sixparty/scenarios"
	"github.com/sixparty/sixparty/sim"
)

// lever is a scenario in which pushing gains k - 0.5 a turn: pushing
// beats not pushing exactly when k > 0.5; w does nothing.
const lever = `format: 1
meta: {id: lever, title: Lever, turns: 3, seed: 5}
actors:
  - {id: a, name: A, budget: 1, objectives: [{id: up, score: x}]}
variables:
  - {id: x, name: X, init: 0}
  - {id: y, name: Y, init: 0}
levers:
  - {id: a.push, actor: a, levels: [off, on], cost: [0, 1], effects: [{target: x, change: "k - 0.5"}]}
rules:
  - {id: drift, target: y, change: "w + noise(1)"}
outcomes:
  - {id: high, when: "x > 100"}
  - {id: limit}
parameters:
  - {id: k, name: Gain, value: 1, range: [0, 2], source: judgement}
  - {id: w, name: Drift, value: 0, range: [-1, 1], source: judgement}
`

// scripted returns a strategy that plays actor a by the given track.
func scripted(t *testing.T, m *sim.Model, name, track string) Strategy {
	t.Helper()
	tr, err := scenarios.LoadTrack(name+".yaml", []byte(track), m)
	if err != nil {
		t.Fatal(err)
	}
	return Strategy{Name: name, Label: name, Seats: []Seat{{Track: tr}}}
}

func TestAnalyseFlip(t *testing.T) {
	m, err := scenarios.Load("lever.yaml", []byte(lever))
	if err != nil {
		t.Fatal(err)
	}
	push := scripted(t, m, "push", "turns:\n  - turn: 1\n    orders:\n      a: {a.push: on}\n")
	hold := scripted(t, m, "hold", "turns:\n  - turn: 1\n    orders:\n      a: {}\n")
	ms, err := ParseMetric(m, "indicator:x")
	if err != nil {
		t.Fatal(err)
	}
	opt := SensitivityOptions{Metric: ms, Games: 4, Seed: 1, Points: 3, Design: DesignLHS, Workers: 1}
	res, err := Analyse(m, []Strategy{push, hold}, opt)
	if err != nil {
		t.Fatal(err)
	}
	if res.Stated.Value != 1.5 {
		t.Errorf("stated: %+v, want 1.5 (3 turns of 1 - 0.5)", res.Stated)
	}
	k := res.Sweeps[0]
	if k.Param != "k" || k.AtLo != -3 || k.AtHi != 3 || len(k.Points) != 3 || k.Points[2].X != 2 {
		t.Errorf("sweep of k: %+v", k)
	}
	if w := res.Sweeps[1]; w.AtLo != 0 || w.AtHi != 0 {
		t.Errorf("w has no effect on x, but the sweep says %+v", w)
	}
	want := []string{"push stops beating hold on indicator:x when k is below 0.5 (range 0–2, stated 1): " +
		"the difference changes sign between the sweep points 0 (-1.5 ± 0) and 1 (+1.5 ± 0), interpolated linearly."}
	if !reflect.DeepEqual(res.Flips, want) {
		t.Errorf("flips\n%q\nwant\n%q", res.Flips, want)
	}
	if len(res.Global) != 2 || res.Global[0].Param != "k" || res.Global[0].PRCC < 0.9 {
		t.Errorf("global ranking %+v, want k first with a partial rank correlation near 1", res.Global)
	}
	opt.Workers = 2
	two, err := Analyse(m, []Strategy{push, hold}, opt)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(res, two) {
		t.Error("results differ between 1 and 2 workers")
	}
	opt.Design = DesignMorris
	mo, err := Analyse(m, []Strategy{push, hold}, opt)
	if err != nil {
		t.Fatal(err)
	}
	// Each elementary effect of k over its whole range is 3 turns × 2.
	if mo.Global[0].Param != "k" || mo.Global[0].MuStar != 6 || mo.Global[0].Sigma != 0 || mo.Global[1].MuStar != 0 {
		t.Errorf("Morris: %+v", mo.Global)
	}
}

func TestAnalyseErrors(t *testing.T) {
	m, err := scenarios.Load("lever.yaml", []byte(lever))
	if err != nil {
		t.Fatal(err)
	}
	ms, _ := ParseMetric(m, "outcome:high")
	st := Strategy{Name: "c"}
	for _, c := range []struct {
		opt  SensitivityOptions
		want string
	}{
		{SensitivityOptions{Metric: ms, Games: 1, Points: 1, Design: DesignOAT}, "options: a sweep needs at least 2 points, not 1"},
		{SensitivityOptions{Metric: ms, Games: 1, Points: 2, Design: "lhc"}, `options: unknown design "lhc"; did you mean "lhs"? (want oat, lhs or morris)`},
	} {
		if _, err := Analyse(m, []Strategy{st}, c.opt); err == nil || err.Error() != c.want {
			t.Errorf("error %v, want %s", err, c.want)
		}
	}
	noParams := load(t, tiny)
	if _, err := Analyse(noParams, []Strategy{st}, SensitivityOptions{Games: 1, Points: 2, Design: DesignOAT}); err == nil || !strings.Contains(err.Error(), "declares no parameters") {
		t.Errorf("error %v", err)
	}
	for _, c := range []struct{ arg, want string }{
		{"outcome:hihg", `options: measure "outcome:hihg": unknown outcome "hihg"; did you mean "high"?`},
		{"score:b", `options: measure "score:b": unknown actor "b"`},
		{"scor:a", `options: measure "scor:a": want outcome:ID, score:ACTOR or indicator:ID; did you mean "score"?`},
		{"indicator:", `options: measure "indicator:" needs an id after the colon (indicator:x)`},
	} {
		if _, err := ParseMetric(m, c.arg); err == nil || err.Error() != c.want {
			t.Errorf("ParseMetric(%q) = %v, want %s", c.arg, err, c.want)
		}
	}
}

// TestLatinHypercube checks that every stratum of every range is used
// exactly once.
func TestLatinHypercube(t *testing.T) {
	m, err := scenarios.Load("lever.yaml", []byte(lever))
	if err != nil {
		t.Fatal(err)
	}
	const n = 10
	pts := latinHypercube(m, n, 3)
	for j, p := range m.Scenario.Params {
		used := make([]bool, n)
		for _, x := range pts {
			s := int((x[j] - p.Lo) / (p.Hi - p.Lo) * n)
			if used[s] {
				t.Fatalf("parameter %s: stratum %d used twice", p.ID, s)
			}
			used[s] = true
		}
	}
}
