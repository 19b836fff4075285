package proto_test

import (
	"fmt"

	"github.com/sixparty/sixparty/server/proto"
)

func ExampleDecode() {
	m, err := proto.Decode([]byte(`{"v":1,"type":"draft","id":7,"turn":2,"orders":{"us.unsc":1}}`))
	fmt.Println(m.Type, m.ID, m.Turn, m.Orders, err)
	_, err = proto.Decode([]byte(`{"v":1,"type":"redy","turn":2}`))
	fmt.Println(err)
	// Output:
	// draft 7 2 map[us.unsc:1] <nil>
	// unknown message type "redy"; did you mean "ready"?
}
