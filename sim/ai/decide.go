package ai

import (
	"fmt"
	"strings"

	"github.com/sixparty/sixparty/sim"
)

// Difficulty sets how hard a computer player tries.
type Difficulty int

// The difficulties, from weakest to strongest.
const (
	Easy Difficulty = iota
	Normal
	Hard
)

// Difficulties lists every difficulty in order.
var Difficulties = []Difficulty{Easy, Normal, Hard}

// String names the difficulty.
func (d Difficulty) String() string {
	switch d {
	case Easy:
		return "easy"
	case Normal:
		return "normal"
	case Hard:
		return "hard"
	}
	return fmt.Sprintf("difficulty(%d)", int(d))
}

// ParseDifficulty reads a difficulty's name.
func ParseDifficulty(s string) (Difficulty, error) {
	for _, d := range Difficulties {
		if d.String() == s {
			return d, nil
		}
	}
	return 0, fmt.Errorf("ai: unknown difficulty %q (want easy, normal or hard)", s)
}

// Decision is a computer player's orders and choices for one turn, with
// its explanation.
type Decision struct {
	// Orders holds the actor's lever levels (levels above 0 only).
	Orders map[string]int
	// Choices holds its answers to the briefing's events.
	Choices sim.Choices
	// Explain says why, in a sentence or two.
	Explain string
}

// Decide returns actor ai's decision for the current turn of g at the given
// difficulty.
func Decide(g *sim.Game, ai int, d Difficulty) Decision {
	o := Greedy{}.Orders(g, ai)
	dec := Decision{Orders: o, Choices: Choose(g, ai)}
	m := g.Model
	var parts []string
	for _, li := range m.ActorLevers(ai) {
		if lvl := o[m.Scenario.Levers[li].ID]; lvl > 0 {
			parts = append(parts, m.Scenario.Levers[li].Name+" "+m.Scenario.Levers[li].Levels[lvl])
		}
	}
	if len(parts) == 0 {
		dec.Explain = "No lever looked worth its cost this turn."
	} else {
		dec.Explain = "Best for its objectives one or two turns ahead: " + strings.Join(parts, ", ") + "."
	}
	return dec
}
