package flow

import (
	"strings"
	"testing"
)

// TestTour: the first new game on a machine opens the guided tour over
// the briefing and records it; Enter goes through its pages back to the
// briefing; the next new game has none; H on the briefing shows it again;
// Esc skips it. Without the flag (scripts, tests) no tour opens.
func TestTour(t *testing.T) {
	seen := false
	f := New(Config{Builtin: []string{"fixture"}, Source: "fixture", Open: openFixture, Store: memStore{}, Seats: solo(6),
		TourSeen: func() bool { return seen }, SetTourSeen: func() { seen = true }})
	f.Do(Do(Confirm))
	f.Do(Do(Confirm))
	if f.Scene() != TourView || !seen {
		t.Fatalf("the first game opened %s (seen %v), not the tour", f.Scene(), seen)
	}
	pages := f.TourPages()
	if len(pages) != 3 || !strings.Contains(strings.Join(pages[0].Lines, " "), "You play Alpha. You are scored on: Calm") ||
		!strings.Contains(strings.Join(pages[1].Lines, " "), "• Talk: Tension") {
		t.Errorf("pages: %+v", pages)
	}
	for range pages {
		f.Do(Do(Confirm))
	}
	if f.Scene() != Briefing {
		t.Fatalf("after the last page: %s", f.Scene())
	}
	f.Do(Do(Tour))
	if f.Scene() != TourView {
		t.Fatalf("H on the briefing: %s", f.Scene())
	}
	f.Do(Do(Back))
	if f.Scene() != Briefing {
		t.Fatalf("Esc on the tour: %s", f.Scene())
	}
	f.Do(Do(EndGame))
	f.Do(Do(Confirm))
	g, _ := newFixture(t, solo(6)...)
	g.Do(Do(Confirm))
	g.Do(Do(Confirm))
	if g.Scene() != Briefing {
		t.Errorf("a flow without the flag opened %s", g.Scene())
	}
	seen = true
	h := New(Config{Builtin: []string{"fixture"}, Source: "fixture", Open: openFixture, Store: memStore{}, Seats: solo(6),
		TourSeen: func() bool { return seen }, SetTourSeen: func() { t.Error("recorded again") }})
	h.Do(Do(Confirm))
	h.Do(Do(Confirm))
	if h.Scene() != Briefing {
		t.Errorf("a second machine-wide game opened %s", h.Scene())
	}
}
