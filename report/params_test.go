package report_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/sixparty/sixparty/report"
	"github.com/sixparty/sixparty/scenarios"
	"github.com/sixparty/sixparty/sim"
)

// TestWhyShowsParams checks that a cause whose formula reads a parameter
// lists it, with the value the game plays it at.
func TestWhyShowsParams(t *testing.T) {
	src := strings.Replace(chain, `change: "-5 * ban"`, `change: "-fall * ban"`, 1) + `parameters:
  - {id: fall, name: Fall, value: 5, range: [1, 9], source: judgement}
`
	m, err := scenarios.Load("chain.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	g, err := sim.NewGameSetup(m, 1, sim.Setup{Params: []float64{2}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := g.Play(sim.Orders{"gov": {"gov.ban": 1}}, nil); err != nil {
		t.Fatal(err)
	}
	reasons := report.Why(g, m.VarIndex("sales"), 1)
	if len(reasons) != 1 || reasons[0].Entry.Amount != -2 {
		t.Fatalf("reasons = %+v", reasons)
	}
	if got, want := reasons[0].Params, []report.ParamInput{{Param: 0, Value: 2, Stated: 5}}; !reflect.DeepEqual(got, want) {
		t.Errorf("params = %+v, want %+v", got, want)
	}
	if r := report.Why(g, m.VarIndex("price"), 1); len(r) != 1 || r[0].Params != nil {
		t.Errorf("a formula that reads no parameter lists %+v", r)
	}
}
