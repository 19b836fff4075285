package flow

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/sixparty/sixparty/scenarios"
	"github.com/sixparty/sixparty/server/proto"
)

// FuzzRemoteApply feeds a seat's table and its scene arbitrary server
// messages: whatever a server sends, folding it in and drawing from it
// never panics.
func FuzzRemoteApply(f *testing.F) {
	f.Add([]byte(`{"v":1,"type":"welcome","seq":3,"view":{"turn":1,"vars":[{"id":"tension","value":50,"exact":true}],"ready":{"a":true},"seats":{"a":"person"},"draft":{"orders":{"a.talk":9}},"chat":[{"seq":2,"turn":1,"channel":"all","from":"a","text":"hi"}]}}`))
	f.Add([]byte(`{"v":1,"type":"view","seq":9,"view":{"turn":2,"vars_same":true,"turns":[{"turn":1,"orders":{"a":{"a.talk":7,"nope":1}},"ledger":[{"var":"tension","amount":-2,"cause":"Alpha: Talk (some)"},{"var":"x","amount":1,"cause":"?"}]}],"outcome":"zzz","deadline":{"due":1,"seconds":60,"policy":"hold"}}}`))
	f.Add([]byte(`{"v":1,"type":"view","view":{"turn":1000000000}}`))
	f.Add([]byte(`{"v":1,"type":"view","view":{"turn":3,"turns":[{"turn":1,"ledger":[{"var":"tension","amount":-2,"cause":"x","kind":"lever","index":0,"actor":0,"level":1,"option":0,"pos":{"file":"f.yaml","line":3,"col":5}},{"var":"tension","kind":"event","index":0,"actor":-7,"option":1},{"var":"money","kind":"bounds","index":-1}]},{"turn":2,"ledger":[{"var":"mood","kind":"rule","index":99}]}]}}`))
	f.Add([]byte(`{"v":1,"type":"link","role":"a","link":"http://x/g/y#z"}`))
	m, err := scenarios.Load("fixture.yaml", []byte(fixture))
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var out proto.Out
		if json.Unmarshal(b, &out) != nil {
			return
		}
		tb, _ := NewRemoteTable(m, proto.RoleSeat, "a")
		tb.Apply(out)
		tb.Apply(out)
		fl := NewRemote(Config{}, &RemoteConn{Table: tb, kick: make(chan struct{}, 1)})
		fl.RemoteValues()
		fl.LastTurnLines(5)
		fl.ReadyLine()
		fl.RemoteStatus(time.Unix(0, 0))
		fl.ChannelMessages("")
		s := SceneOf[*RemoteSeatScene](fl)
		s.Cost(fl)
		for i := 1; i <= tb.Played(); i++ {
			tb.Entries(i)
			tb.Levels(i)
		}
		tb.Outcome()
		tb.Briefing()
		tb.Seats()
		tb.View(0, tb.Played())
	})
}
