package format_test

import (
	"fmt"
	"reflect"

	"github.com/sixparty/sixparty/format"
	"github.com/sixparty/sixparty/sim"
)

func ExampleTypes() {
	for _, t := range format.Types()[:3] {
		fmt.Println(t.Name, t.Where, len(t.Fields))
	}
	// Output:
	// Scenario [] 12
	// Meta [meta] 9
	// Actor [actors[]] 9
}

func ExampleTypeName() {
	fmt.Println(format.TypeName(reflect.TypeOf(sim.Meta{}.Map)))
	fmt.Println(format.TypeName(reflect.TypeOf(sim.Doctrine{}.Weights)))
	// Output:
	// list of numbers
	// mapping of name to number
}
