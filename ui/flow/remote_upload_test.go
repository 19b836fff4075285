package flow

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/sixparty/sixparty/client"
	"github.com/sixparty/sixparty/server/proto"
)

// uploaded is a small scenario a client hosts from a file: Alpha's budget
// grows with the support everyone sees, and a strategy names an orders
// track sent beside it.
const uploaded = `format: 1
meta: {id: uploaded, title: Uploaded, turns: 3}
actors:
  - {id: a, name: Alpha, budget: 4, budget_formula: "1 + support / 10"}
  - {id: b, name: Beta, budget: 2}
variables:
  - {id: support, name: Support, init: 10}
levers:
  - {id: a.rally, actor: a, name: Rally, levels: [none, one, two, three], cost: [0, 1, 2, 3], effects: [{target: support, change: "10 * level"}]}
  - {id: b.wait, actor: b, name: Wait, levels: [no, yes], cost: [0, 1]}
outcomes:
  - {id: end, name: End}
strategies:
  - {id: rally, name: Rally, orders: tracks/rally.yaml}
`

// uploadedTrack is the strategy's orders track.
const uploadedTrack = `turns:
  - turn: 1
    orders:
      a: {a.rally: one}
`

// joinUploaded hosts the scenario src as the file uploaded.yaml, with
// uploaded's track, on a server in the test process, every actor a
// person, and joins it as actor id.
func joinUploaded(t *testing.T, ctx context.Context, src, id string) *Flow {
	t.Helper()
	resp, err := client.Create(ctx, testServer(t), proto.CreateRequest{
		Scenario: "uploaded.yaml", YAML: src,
		Files: map[string]string{"tracks/rally.yaml": uploadedTrack},
		Seats: map[string]string{"a": "person", "b": "person"},
	})
	if err != nil {
		t.Fatal(err)
	}
	return NewRemote(Config{}, join(t, ctx, resp.Links[id]))
}

// TestRemoteUploadedStrategies: the remote window loads a hosted file
// whose strategy names an orders track, from the track the server sends
// (it has not the file's folder), and the track is the one sent.
func TestRemoteUploadedStrategies(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	f := joinUploaded(t, ctx, uploaded, "a")
	if SceneOf[*RemoteSeatScene](f) == nil {
		t.Fatalf("at %s (%s), not the seat", f.Scene(), f.Message)
	}
	st := f.Model.Scenario.Strategies[0]
	if st.TrackFile != "tracks/rally.yaml" || string(st.Track) != uploadedTrack {
		t.Errorf("the strategy's track is %q: %q, want the one sent", st.TrackFile, st.Track)
	}
}

// TestRemoteSeatBudget: a remote seat's budget is what its budget_formula
// gives this turn (1 + 10 / 10 = 2), not its most ('budget', 4), and the
// seat says it changes as the local orders screen does.
func TestRemoteSeatBudget(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	noStrategies, _, _ := strings.Cut(uploaded, "strategies:")
	f := joinUploaded(t, ctx, noStrategies, "a")
	sc := SceneOf[*RemoteSeatScene](f)
	if sc == nil {
		t.Fatalf("at %s (%s), not the seat", f.Scene(), f.Message)
	}
	if _, budget := sc.Cost(f); budget != 2 {
		t.Errorf("the seat's budget is %g, want 2 (1 + support / 10 at support 10)", budget)
	}
	if n := f.BudgetNote(); n != "this turn's, from 1 + support / 10; at most 4" {
		t.Errorf("BudgetNote = %q", n)
	}
	// Three rallies cost 3, over this turn's 2: refused on the seat.
	sc.Levels[0] = 3
	sc.Cursor = f.SubmitRow()
	f.Do(Do(Confirm))
	if want := "The orders cost 3, over the budget of 2."; f.Message != want {
		t.Errorf("submitting three: %q, want %q", f.Message, want)
	}
}
