package client_test

import (
	"fmt"
	"testing"

	"github.com/sixparty/sixparty/client"
)

func TestParseLink(t *testing.T) {
	for _, tc := range []struct{ in, err string }{
		{"http://127.0.0.1:8080/g/abc#s3cret", ""},
		{"https://seminar.example/g/abc#s3cret", ""},
		{"http://127.0.0.1:8080/g/abc", `client: the link "http://127.0.0.1:8080/g/abc" has no secret (the part after #)`},
		{"ftp://host/g/abc#x", `client: "ftp://host/g/abc#x" is not a game link (want http://HOST/g/GAME#SECRET)`},
		{"http://host/games/abc#x", `client: "http://host/games/abc#x" is not a game link (want http://HOST/g/GAME#SECRET)`},
		{"http://host/g/a/b#x", `client: "http://host/g/a/b#x" is not a game link (want http://HOST/g/GAME#SECRET)`},
	} {
		l, err := client.ParseLink(tc.in)
		got := ""
		if err != nil {
			got = err.Error()
		}
		if got != tc.err {
			t.Errorf("ParseLink(%q): %q, want %q", tc.in, got, tc.err)
		}
		if err == nil && l.String() != tc.in {
			t.Errorf("ParseLink(%q).String() = %q", tc.in, l.String())
		}
	}
}

func ExampleParseLink() {
	l, err := client.ParseLink("https://seminar.example/g/K3dQ#tH3-s3cret")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(l.Game, l.WS())
	// Output: K3dQ wss://seminar.example/ws/K3dQ
}
