package flow

import (
	"strings"
	"testing"
)

// TestPlayText plays the fixture from scripted lines, as `sixparty play
// --text` reads them: every screen comes as text, a wrong word is said to
// be wrong, and the game reaches the report of its first turn.
func TestPlayText(t *testing.T) {
	seats := solo(6)
	f, _ := newFixture(t, seats...)
	script := strings.Join([]string{
		"1",  // a row by its number: New game
		"up", // the setup's rows, from Start the game
		"down",
		"enter", // start
		"enter", // briefing, to the orders
		"down",  // the second lever
		"more",  // its next level
		"frobnicate",
		"enter", // submit
		"enter", // the orders revealed, to what changed
		"enter", // to the report
		"w",     // why
		"back",
		"quit",
		"enter", // yes, quit
	}, "\n")
	var out strings.Builder
	if err := PlayText(f, strings.NewReader(script), &out); err != nil {
		t.Fatal(err)
	}
	got := out.String()
	for _, want := range []string{
		"== sixparty: a turn-based policy-options wargame ==",
		"> 1. New game",
		"== New game: scenario and seats ==",
		"== Briefing, Turn 1 of 4",
		"== Orders of Alpha, Turn 1 of 4",
		"> 2. Spend: no (cost 0), [yes (cost 1)].",
		`? "frobnicate" is not an action`,
		"The orders, revealed together:",
		"What changed:",
		"== Turn report, turn 1",
		"Actions: ",
		"enter: ",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the text play lacks %q; it printed:\n%s", want, got)
			break
		}
	}
	if !f.Quit {
		t.Errorf("quit then enter did not quit: the screen is %s", f.Scene())
	}
}

func TestParseText(t *testing.T) {
	for line, want := range map[string]Input{
		"enter": Do(Confirm), " Down ": Do(Down), "w": Do(AskWhy), "3": {Action: Select, Item: 2}, "pgdn": Do(PageNext),
	} {
		if ins, ok := ParseText(line); !ok || len(ins) != 1 || ins[0] != want {
			t.Errorf("ParseText(%q) = %v, %v; want %v", line, ins, ok, want)
		}
	}
	if ins, ok := ParseText("type 42"); !ok || len(ins) != 2 || ins[1].Rune != '2' {
		t.Errorf("type 42 = %v", ins)
	}
	if _, ok := ParseText("xyzzy"); ok {
		t.Error("xyzzy read as an action")
	}
}
