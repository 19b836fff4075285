package layout_test

import (
	"fmt"

	"github.com/sixparty/sixparty/ui/layout"
)

// Wrap breaks text to a width; here every character is 10 units wide.
func ExampleWrap() {
	mono := func(s string) float64 { return 10 * float64(len(s)) }
	for _, line := range layout.Wrap("orders are revealed together", 120, mono) {
		fmt.Println(line)
	}
	// Output:
	// orders are
	// revealed
	// together
}

// A 960x540 window shows the 1920x1080 canvas at half scale.
func ExampleNewCanvas() {
	c := layout.NewCanvas(960, 540)
	fmt.Println(c.Scale, c.Bounds())
	// Output: 0.5 {0 0 1920 1080}
}
