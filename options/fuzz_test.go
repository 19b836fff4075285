package options

import "testing"

// FuzzParseStrategy checks that no argument makes ParseStrategy panic,
// and that what it accepts has a seat per actor.
func FuzzParseStrategy(f *testing.F) {
	m := load(f, tiny)
	for _, s := range []string{"a=computer:hard", "computer", "a=computer,a=doctrine:", "x.yaml", ",", "a=", "=computer", "a=computer:"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, arg string) {
		st, err := ParseStrategy(m, arg)
		if err == nil && len(st.Seats) != len(m.Scenario.Actors) {
			t.Errorf("%q: %d seats", arg, len(st.Seats))
		}
	})
}

// FuzzParseDoctrine checks that no doctrine file makes parseDoctrine
// panic, and that an accepted risk is the file's or 0.5.
func FuzzParseDoctrine(f *testing.F) {
	for _, s := range []string{"weights: {up: 2}\nrisk: 0.1\n", "risk: x", "- 1", "", "weights: [1]", "{weights: {a: .5e1}}"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		d, err := parseDoctrine("d.yaml", src)
		if _, given := d.FieldPos["risk"]; err == nil && !given && d.Risk != 0.5 {
			t.Errorf("%q: risk %g without a 'risk'", src, d.Risk)
		}
	})
}
