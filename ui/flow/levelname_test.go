package flow

import (
	"strings"
	"testing"
)

// TestLevelNamesOnOrders checks that the orders screen's text and its
// refusals name levels as players read them: by their labels, or by
// their ids with spaces for underscores, never by the raw ids.
func TestLevelNamesOnOrders(t *testing.T) {
	tests := []struct {
		levels, want, refusal string
	}{
		{
			`levels: [no, some_more, much_more], cost: [0, 1, 2], level_requires: {much_more: "tension >= 60"}`,
			"some more (cost 1)",
			"Talk is not available at much more: much more requires tension >= 60",
		},
		{
			`levels: [no, some_more, much_more], labels: [Silence, A little, A lot], cost: [0, 1, 2], level_requires: {much_more: "tension >= 60"}`,
			"A little (cost 1)",
			"Talk is not available at A lot: A lot requires tension >= 60",
		},
	}
	for _, tt := range tests {
		f := ordersFlow(t, "levels: [no, some, much], cost: [0, 1, 2]", tt.levels)
		_, lines := ScreenText(f)
		text := strings.Join(lines, "\n")
		if !strings.Contains(text, tt.want) || strings.Contains(text, "_more") {
			t.Errorf("%s: the orders text does not read %q, or shows an id:\n%s", tt.levels, tt.want, text)
		}
		talk := f.Game.Model.LeverIndex("a.talk")
		if err := f.CheckLevel(talk, 2); err == nil || err.Error() != tt.refusal {
			t.Errorf("%s: %v, want %s", tt.levels, err, tt.refusal)
		}
	}
}
