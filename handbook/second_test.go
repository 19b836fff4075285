package handbook

import (
	"bytes"
	"strings"
	"testing"

	"github.com/sixparty/sixparty/scenarios"
)

// TestSecondPass checks that the handbook states the second pass's fields
// in hormuz-2019: running totals, payoffs, per-actor noise, a joint
// decision, a scheduled event's condition and values named in text.
func TestSecondPass(t *testing.T) {
	m, err := scenarios.LoadBuiltin("hormuz-2019")
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := Write(&b, m); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"- Oil sold (weight 2, counted after every turn and added up): `iran.exports`",
		"Scores: United States -30, Iran -40, Saudi Arabia -30, United Arab Emirates -30, France, Germany and the UK -20.",
		"Iran; United States ±`0.3 / (1 + 2 * us.isr)`; Saudi Arabia ±`0.2`; others ±0.30",
		"A joint decision: United States proposes and Iran must agree, or the default is taken:",
		"Scheduled for turn 1 (2019-05), if `hormuz.risk >= 30` at the start.",
		"Iran sells about [Iran's crude exports] a day.",
		"Levels: none (cost 0), patrol (cost 1), convoy (cost `2 + (hormuz.risk - 40) / 30`, read at the start of each turn).",
	} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("the handbook lacks %q", want)
		}
	}
}
