package proto_test

import (
	"strings"
	"testing"

	"github.com/sixparty/sixparty/server/proto"
)

func TestDecode(t *testing.T) {
	for _, tc := range []struct{ in, err string }{
		{`{"v":1,"type":"ready","turn":2,"ready":true}`, ""},
		{`{"v":1,"type":"hello"}`, `a "hello" message needs "token"`},
		{`{"v":1,"type":"adjust","var":"x"}`, `a "adjust" message needs "var" and "value"`},
		{`{"v":1}`, `the message has no "type"`},
		{`{"v":1,"type":"ready","turn":1,"kind":"lever"}`, `malformed message: json: unknown field "kind"`},
		{`{"v":1,"type":"paws"}`, `unknown message type "paws"; did you mean "pause"?`},
		{`[1]`, "malformed message: json: cannot unmarshal array into Go value of type proto.Msg"},
		{`{"v":1,"type":"ping"} {}`, "malformed message: data after the message"},
		{strings.Repeat(" ", proto.MaxMessage+1), "message of 16385 bytes, the limit is 16384"},
	} {
		_, err := proto.Decode([]byte(tc.in))
		got := ""
		if err != nil {
			got = err.Error()
		}
		if got != tc.err {
			t.Errorf("Decode(%.40q) = %q, want %q", tc.in, got, tc.err)
		}
	}
}

// FuzzDecode checks that no input panics the decoder, and that whatever
// it accepts is a known type of this version within the size limit.
func FuzzDecode(f *testing.F) {
	for _, s := range []string{
		`{"v":1,"type":"hello","token":"abc","last_seq":3}`,
		`{"v":1,"type":"draft","turn":1,"orders":{"us.unsc":2},"choices":{"e":"o"}}`,
		`{"v":1,"type":"adjust","var":"tension","value":3.5,"reason":"r"}`,
		`{"v":1,"type":"chat","channel":"us+china","text":"hi"}`,
		`{"v":1,"type":"ready","turn":1,"ready":true,"kind":"lever","index":0}`,
		`{"v":1,"type":"chat","channel":"all","text":"x","pos":{"line":1}}`,
		`{"v":2}`, `{`, `null`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := proto.Decode(b)
		if err != nil {
			return
		}
		if _, ok := proto.Types[m.Type]; !ok || m.V != proto.Version || len(b) > proto.MaxMessage {
			t.Errorf("accepted %q as %+v", b, m)
		}
	})
}
