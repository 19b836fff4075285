package geo

import (
	"math"
	"testing"

	"github.com/sixparty/sixparty/scenarios"
	"github.com/sixparty/sixparty/ui/layout"
)

// markerScenario has three actors: two sharing a capital, one with none.
const markerScenario = `
format: 1
meta: {id: markers, title: Markers, start: 2020-01, step: quarter, turns: 2, seed: 1}
actors:
  - {id: a, name: Alpha, budget: 1, capital: {name: One, lon: 0, lat: 0}, objectives: [{id: calm, name: Calm, score: "-x"}]}
  - {id: b, name: Beta, budget: 1, capital: {name: Two, lon: 0, lat: 0}, objectives: [{id: calm, name: Calm, score: "-x"}]}
  - {id: c, name: Gamma, budget: 1, objectives: [{id: calm, name: Calm, score: "-x"}]}
variables:
  - {id: x, name: X, init: 0, owner: b}
levers:
  - {id: a.push, actor: a, name: Push, levels: [no, some, hard], cost: [0, 0, 1], effects: [{target: x, change: "level"}]}
  - {id: a.talk, actor: a, name: Talk, levels: [no, yes], cost: [0, 0], effects: [{target: x, change: "-level"}]}
outcomes:
  - {id: limit, name: Limit}
`

func TestMarkersAndLegend(t *testing.T) {
	m, err := scenarios.Load("markers.yaml", []byte(markerScenario))
	if err != nil {
		t.Fatal(err)
	}
	r := layout.Rect{X: 100, Y: 50, W: 400, H: 300}
	proj := Fit([4]float64{-10, -10, 10, 10}, r)
	pos := Markers(m, proj, r)
	cx, cy := proj.Point(0, 0)
	if pos[0] != [2]float64{cx, cy} {
		t.Errorf("first marker at %v, want its capital at %v,%v", pos[0], cx, cy)
	}
	if pos[1] != [2]float64{cx, cy + MarkerStep} {
		t.Errorf("second marker at %v, want it fanned out below the first to %v,%v", pos[1], cx, cy+MarkerStep)
	}
	if !math.IsNaN(pos[2][0]) || !math.IsNaN(pos[2][1]) {
		t.Errorf("an actor without a capital is placed at %v, want NaN", pos[2])
	}
	// A capital off the map is kept inside it.
	far := Markers(m, Fit([4]float64{50, 50, 60, 60}, r), r)
	if far[0][0] != r.X+MarkerInset || far[0][1] != r.Bottom()-MarkerInset {
		t.Errorf("off-map marker at %v, want the corner inset by %d", far[0], MarkerInset)
	}

	levels := []int{2, 1}
	pairs := Pairs(Links(m, levels))
	if len(pairs) != 1 {
		t.Fatalf("pairs %+v, want one from Alpha to Beta", pairs)
	}
	if got, want := Legend(m, levels, pairs[0], 1), "1. Alpha → Beta: Push (hard); Talk (yes)"; got != want {
		t.Errorf("legend %q, want %q", got, want)
	}
	if CoverNote(true) == CoverNote(false) {
		t.Error("the credit line and the not-covered note are the same")
	}
}
