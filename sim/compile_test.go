package sim

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// goScenario is a scenario built in Go, the way a tool or a test might,
// with every field that has a default left out.
func goScenario() *Scenario {
	return &Scenario{
		Format: 1,
		Meta:   Meta{ID: "go", Title: "Go", Turns: 3},
		Actors: []Actor{{
			ID: "a", Name: "A", Budget: 1,
			Objectives: []Objective{{ID: "up", Score: Expr{Src: "x"}}},
			Doctrine:   Doctrine{Weights: map[string]float64{"up": 2}},
		}},
		Vars: []Var{{ID: "x", Name: "X"}},
		Levers: []Lever{{
			ID: "a.push", Actor: "a", Name: "Push", Levels: []string{"off", "on"},
			Effects: []Effect{{Target: "x", Change: Expr{Src: "level"}}},
		}},
		Events: []Event{{
			ID: "e", Name: "E", Turn: 1,
			Choice: &Choice{Actor: "a", Options: []Option{{ID: "yes"}, {ID: "no"}}},
		}},
		Outcomes: []Outcome{{ID: "end", Name: "End"}},
		Checks:   []Check{{Outcome: "end", Share: []float64{0, 1}}},
	}
}

// TestDefaultsAgreeWithTags checks that ApplyDefaults gives every field
// with a default tag (the format reference's Default column) that value,
// in a scenario built in Go: one place, one set of defaults.
func TestDefaultsAgreeWithTags(t *testing.T) {
	s := goScenario()
	ApplyDefaults(s)
	found := 0
	var walk func(v reflect.Value, path string)
	walk = func(v reflect.Value, path string) {
		switch v.Kind() {
		case reflect.Pointer:
			if !v.IsNil() {
				walk(v.Elem(), path)
			}
		case reflect.Slice:
			for i := 0; i < v.Len(); i++ {
				walk(v.Index(i), fmt.Sprintf("%s[%d]", path, i))
			}
		case reflect.Struct:
			for i := 0; i < v.NumField(); i++ {
				f := v.Type().Field(i)
				name := path + "." + f.Name
				if def, ok := f.Tag.Lookup("default"); ok && f.Type != reflect.TypeOf(Expr{}) {
					found++
					if got := fmt.Sprint(v.Field(i).Interface()); got != def {
						t.Errorf("%s = %s after ApplyDefaults, want its default %s", name, got, def)
					}
				}
				walk(v.Field(i), name)
			}
		}
	}
	walk(reflect.ValueOf(s).Elem(), "scenario")
	if found < 8 {
		t.Errorf("found %d fields with defaults; the walk missed some", found)
	}
}

// TestGoScenarioDefaults checks that a scenario built in Go scores like
// the same scenario read from a file: its objective weight is 1, not 0.
func TestGoScenarioDefaults(t *testing.T) {
	m, err := Compile(goScenario())
	if err != nil {
		t.Fatal(err)
	}
	s := m.InitialState(RNG{})
	s.Vals[0] = 5
	scores, err := m.Scores(s)
	if err != nil {
		t.Fatal(err)
	}
	if got := scores[0]; got != 5 {
		t.Errorf("score = %g, want 5 (weight 1)", got)
	}
	if got, err := m.DoctrineScore(s, 0); err != nil || got != 10 {
		t.Errorf("doctrine score = %g, %v, want 10 (doctrine weight 2)", got, err)
	}
	if e := m.cLevers[0].effects[0]; e.lasts != 1 {
		t.Errorf("lasts = %d, want 1", e.lasts)
	}
	// An actor without a doctrine plays at risk 0, as in a file.
	s2 := goScenario()
	s2.Actors[0].Doctrine = Doctrine{}
	ApplyDefaults(s2)
	if r := s2.Actors[0].Doctrine.Risk; r != 0 {
		t.Errorf("risk without a doctrine = %g, want 0", r)
	}
}

// TestEffectTurnsCapped checks that delays and durations longer than the
// game are capped in the compiled model, so that turn arithmetic cannot
// overflow, and that the scenario keeps what was written.
func TestEffectTurnsCapped(t *testing.T) {
	s := goScenario()
	s.Levers[0].Effects[0].Lasts = 1 << 62
	s.Levers[0].Effects[0].Delay = 1 << 62
	m, err := Compile(s)
	if err != nil {
		t.Fatal(err)
	}
	if e := m.cLevers[0].effects[0]; e.lasts != 3 || e.delay != 3 {
		t.Errorf("compiled lasts %d, delay %d; want 3 and 3", e.lasts, e.delay)
	}
	if s.Levers[0].Effects[0].Lasts != 1<<62 {
		t.Errorf("the scenario's lasts was changed")
	}
}

// TestConstantChance checks that a chance outside [0, 1] is refused at
// load when it is a constant: a number literal, or an expression of
// constants that the expression compiler folds.
func TestConstantChance(t *testing.T) {
	for _, tt := range []struct{ chance, want string }{
		{"2", "go:9:5: chance must be between 0 and 1, found 2"},
		{"-0.25", "go:9:5: chance must be between 0 and 1, found -0.25"},
		{"1", ""},
		{"0", ""},
		{"x / 10", ""},
		{"0.5 * 4", "go:9:5: chance must be between 0 and 1, found 2"},
		{"1 - 3", "go:9:5: chance must be between 0 and 1, found -2"},
		{"1 / 4", ""},
	} {
		s := goScenario()
		s.Events = append(s.Events, Event{ID: "c", Name: "C", When: Expr{Src: "x > 0"}, Chance: Expr{Src: tt.chance, Pos: Pos{File: "go", Line: 9, Col: 5}}})
		got := ""
		if _, err := Compile(s); err != nil {
			got = strings.TrimSpace(err.(ErrorList).Lines())
		}
		if got != tt.want {
			t.Errorf("chance %q: error %q, want %q", tt.chance, got, tt.want)
		}
	}
}

// TestPendingLimit checks that a scenario whose effects could pile up in
// the queue without bound is refused, naming the effect with the largest
// share.
func TestPendingLimit(t *testing.T) {
	s := goScenario()
	s.Meta.Turns = 400
	ev := Event{ID: "drip", Name: "Drip", When: Expr{Src: "x >= 0"}, Repeat: true}
	for i := 0; i < 50; i++ {
		ev.Effects = append(ev.Effects, Effect{Target: "x", Change: Expr{Src: "1"}, Lasts: 400, Pos: Pos{File: "go", Line: 20 + i, Col: 9}})
	}
	s.Events = append(s.Events, ev)
	_, err := Compile(s)
	want := "go:20:9: the effects can have up to 20001 changes pending at once; the limit is 20000 (this effect, pending 400 turns at a time, takes the largest share: shorten its 'lasts' or 'delay')"
	if err == nil || strings.TrimSpace(err.(ErrorList).Lines()) != want {
		t.Errorf("error = %v, want %s", err, want)
	}
	s.Events[len(s.Events)-1].Effects = ev.Effects[:49]
	if _, err := Compile(s); err != nil {
		t.Errorf("49 effects: %v", err)
	}
}

// TestExactlyOneOf checks where a rule given both 'change' and 'set', and
// a check given both 'outcome' and 'expect', is reported: at the second
// of the two fields in the file, the one too many; given neither, at the
// item.
func TestExactlyOneOf(t *testing.T) {
	p := func(line, col int) Pos { return Pos{File: "go", Line: line, Col: col} }
	rule := func(fields map[string]Pos) func(*Scenario) {
		return func(s *Scenario) {
			r := Rule{ID: "r", Target: "x", Pos: p(20, 5), FieldPos: fields}
			if _, ok := fields["change"]; ok {
				r.Change = Expr{Src: "1", Pos: fields["change"]}
			}
			if _, ok := fields["set"]; ok {
				r.Set = Expr{Src: "1", Pos: fields["set"]}
			}
			s.Rules = append(s.Rules, r)
		}
	}
	check := func(fields map[string]Pos) func(*Scenario) {
		return func(s *Scenario) {
			c := Check{Share: []float64{0, 1}, Pos: p(30, 5), FieldPos: fields}
			if _, ok := fields["outcome"]; ok {
				c.Outcome = "end"
			}
			if _, ok := fields["expect"]; ok {
				c.Expect = Expr{Src: "x > 0", Pos: fields["expect"]}
			}
			s.Checks = append(s.Checks, c)
		}
	}
	const ruleMsg, checkMsg = `rule "r" needs exactly one of 'change' and 'set'`, `check needs exactly one of 'outcome' and 'expect'`
	tests := []struct {
		name string
		edit func(*Scenario)
		want string
	}{
		{"change then set", rule(map[string]Pos{"id": p(20, 9), "change": p(21, 14), "set": p(22, 11)}), "go:22:11: " + ruleMsg},
		{"set then change", rule(map[string]Pos{"id": p(20, 9), "set": p(21, 11), "change": p(22, 14)}), "go:22:14: " + ruleMsg},
		{"on one line", rule(map[string]Pos{"id": p(20, 9), "set": p(20, 30), "change": p(20, 18)}), "go:20:30: " + ruleMsg},
		{"neither", rule(map[string]Pos{"id": p(20, 9)}), "go:20:5: " + ruleMsg},
		{"outcome then expect", check(map[string]Pos{"outcome": p(30, 15), "expect": p(30, 36)}), "go:30:36: " + checkMsg},
		{"expect then outcome", check(map[string]Pos{"expect": p(30, 14), "outcome": p(31, 16)}), "go:31:16: " + checkMsg},
		{"no outcome nor expect", check(map[string]Pos{}), "go:30:5: " + checkMsg},
		// Where the decoder records the field's name, there.
		{"at the name", check(map[string]Pos{"outcome": p(30, 15), "expect": p(30, 36), "expect:": p(30, 27)}), "go:30:27: " + checkMsg},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := goScenario()
			tt.edit(s)
			_, err := Compile(s)
			el, ok := err.(ErrorList)
			if !ok {
				t.Fatalf("Compile: %v, want an ErrorList", err)
			}
			if got := strings.TrimSpace(el.Lines()); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}
