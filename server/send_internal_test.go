package server

import (
	"encoding/json"
	"math"
	"strings"
	"testing"

	"github.com/sixparty/sixparty/server/proto"
)

// TestSendUnencodable checks that a message JSON cannot hold (a NaN in a
// view) reaches the client as an internal error answering the same
// command, not as nothing.
func TestSendUnencodable(t *testing.T) {
	c := &conn{out: make(chan []byte, 1), done: make(chan struct{})}
	c.send(proto.Out{Type: "view", Ref: 7, View: &proto.View{Vars: []proto.Var{{ID: "x", Value: math.NaN()}}}})
	select {
	case b := <-c.out:
		var o proto.Out
		if err := json.Unmarshal(b, &o); err != nil {
			t.Fatal(err)
		}
		if o.Type != "error" || o.Code != proto.CodeInternal || o.Ref != 7 || !strings.Contains(o.Error, "view") {
			t.Errorf("got %s, want an internal error for the view answering 7", b)
		}
	default:
		t.Fatal("nothing was sent")
	}
}
