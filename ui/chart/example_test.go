package chart_test

import (
	"fmt"

	"github.com/sixparty/sixparty/ui/chart"
)

// A chart of values from 0.3 to 9.2 with about four ticks runs from 0 to
// 10 in steps of 5.
func ExampleTicks() {
	ticks, lo, hi := chart.Ticks(0.3, 9.2, 4)
	for _, t := range ticks {
		fmt.Print(chart.Label(t, ticks[1]-ticks[0]), " ")
	}
	fmt.Println("range", lo, hi)
	// Output: 0 5 10 range 0 10
}
