package flow

import (
	"fmt"

	"github.com/sixparty/sixparty/scenarios"
	"github.com/sixparty/sixparty/server/proto"
)

// A remote table holds what the server's messages say: here a welcome for
// the second actor's seat, with the first actor ready and a message to
// everyone.
func ExampleRemoteTable() {
	m, err := scenarios.Load("fixture.yaml", []byte(fixture))
	if err != nil {
		fmt.Println(err)
		return
	}
	t, err := NewRemoteTable(m, proto.RoleSeat, "b")
	if err != nil {
		fmt.Println(err)
		return
	}
	t.Apply(proto.Out{Type: "welcome", Seq: 3, View: &proto.View{
		Turn:  1,
		Vars:  []proto.Var{{ID: "tension", Value: 50, Exact: true}, {ID: "money", Value: 10, Exact: true}, {ID: "mood", Value: 0, Exact: true}},
		Ready: map[string]bool{"a": true},
		Seats: map[string]string{"a": "person", "b": "person"},
		Chat:  []proto.Chat{{Seq: 2, Turn: 1, Channel: "all", From: "a", Text: "hello"}},
	}})
	fmt.Println("turn", t.Turn(), "ready:", t.Ready(0), t.Ready(1))
	fmt.Println("unread:", t.Unread("all"), "first:", t.Messages(1)[0].Text)
	fmt.Println("tension:", t.View(1, 0).Vals[m.VarIndex("tension")])
	// Output:
	// turn 1 ready: true false
	// unread: 1 first: hello
	// tension: 50
}
