package main

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestRunParamsMessages(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"unknown parameter", []string{"run", "--param", "denial_to_talk=1"}, 2,
			"sixparty run: --param: scenario \"pressure-2017\" has no parameter \"denial_to_talk\"; did you mean \"denial_to_talks\"? (it has denial_to_talks, rents_to_talks, byungjin_savings, china_passthrough, gdp_passthrough, rents_passthrough, russia_gap_appetite, refugee_fear)\n"},
		{"parameter out of range", []string{"run", "--param", "denial_to_talks=3"}, 1,
			"sixparty run: --param denial_to_talks=3: 3 is outside the range of denial_to_talks, [0.2, 1.2]\n"},
		{"parameter without a value", []string{"run", "--param", "denial_to_talks"}, 2,
			"sixparty run: --param wants ID=VALUE with a number, found \"denial_to_talks\"\n"},
		{"parameter not a number", []string{"run", "--param", "denial_to_talks=high"}, 2,
			"sixparty run: --param wants ID=VALUE with a number, found \"denial_to_talks=high\"\n"},
		{"misspelt mode", []string{"run", "--params", "drwn"}, 2,
			"sixparty run: --params must be stated or drawn, not \"drwn\"; did you mean \"drawn\"?\n"},
		{"another scenario's parameters", []string{"run", "nile-2020", "--param", "dry_year_facter=1"}, 2,
			"sixparty run: --param: scenario \"nile-2020\" has no parameter \"dry_year_facter\"; did you mean \"dry_year_factor\"? (it has dry_year_factor, tension_per_shortfall)\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := sixparty(tt.args...)
			if code != tt.code || out != "" || errOut != tt.stderr {
				t.Errorf("sixparty %s: exit %d\nstdout %q\nstderr %q\nwant exit %d\nstderr %q",
					strings.Join(tt.args, " "), code, out, errOut, tt.code, tt.stderr)
			}
		})
	}
}

// lastJSON decodes the last line of run --json's output: the end.
func lastJSON(t *testing.T, out string) map[string]any {
	t.Helper()
	lines := strings.Split(strings.TrimSpace(out), "\n")
	var end map[string]any
	if err := json.Unmarshal([]byte(lines[len(lines)-1]), &end); err != nil {
		t.Fatal(err)
	}
	return end
}

func TestRunParamsDrawn(t *testing.T) {
	code, stated, errOut := sixparty("run", "--json", "--seed", "5")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if _, ok := lastJSON(t, stated)["params"]; ok {
		t.Errorf("run --json at the stated values reports params")
	}
	_, a, _ := sixparty("run", "--json", "--seed", "5", "--params", "drawn")
	_, b, _ := sixparty("run", "--json", "--seed", "5", "--params", "drawn")
	if a != b {
		t.Errorf("two runs with drawn parameters and the same seed differ")
	}
	if a == stated {
		t.Errorf("drawn parameters changed nothing")
	}
	params, ok := lastJSON(t, a)["params"].(map[string]any)
	if !ok || len(params) != 8 {
		t.Fatalf("end of run --params drawn: params %v", lastJSON(t, a)["params"])
	}
	_, c, _ := sixparty("run", "--json", "--seed", "5", "--params", "drawn", "--param", "denial_to_talks=0.2")
	if got := lastJSON(t, c)["params"].(map[string]any); got["denial_to_talks"] != 0.2 || got["rents_to_talks"] != params["rents_to_talks"] {
		t.Errorf("--param after --params drawn: %v (drawn: %v)", got, params)
	}
	code, text, _ := sixparty("run", "--seed", "5", "--turns", "1", "--param", "refugee_fear=2")
	if code != 0 || !strings.Contains(text, "Parameters: denial_to_talks=0.9, rents_to_talks=1.1, byungjin_savings=0.6, china_passthrough=0.85, gdp_passthrough=0.3, rents_passthrough=0.5, russia_gap_appetite=3, refugee_fear=2\n") {
		t.Errorf("run --param: exit %d, no parameters line in\n%s", code, text)
	}
}
