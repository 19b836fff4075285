package flow

import (
	"slices"
	"strings"
	"testing"
)

func TestQuitAsksAndKeepsSubmittedOrders(t *testing.T) {
	two := solo(6)
	two[1].Human = true
	f, st := newFixtureStore(t, memStore{}, two...)
	f.Do(Do(Confirm))
	f.Do(Do(Confirm)) // briefing
	f.Do(Do(Confirm)) // hand-over to the first person
	f.Do(Do(Confirm)) // the first person's own briefing
	f.Do(Do(Confirm)) // the first person's orders
	if f.Scene() != Orders || f.Current != 0 {
		t.Fatalf("scene %v current %d", f.Scene(), f.Current)
	}
	f.Do(Input{Action: SetLevel, Item: 0, Value: 1})
	f.Do(Do(Confirm)) // submitted: hand-over to the second
	if f.Scene() != Handover || f.Current != 1 {
		t.Fatalf("after submitting: scene %v current %d", f.Scene(), f.Current)
	}
	f.Do(Do(Quit))
	if f.Quit || f.Scene() != Confirming {
		t.Fatalf("Quit mid-turn: quit %v scene %v, want a question", f.Quit, f.Scene())
	}
	f.Do(Do(Back))
	if f.Quit || f.Scene() != Handover {
		t.Fatalf("declined: quit %v scene %v", f.Quit, f.Scene())
	}
	f.Do(Do(Quit))
	f.Do(Do(Confirm))
	if !f.Quit {
		t.Fatal("confirmed Quit did not quit")
	}
	// A new session continues from the autosave with the first person's
	// orders kept: only the second is asked.
	g, _ := newFixtureStore(t, st, two...)
	g.Do(Input{Action: Select, Item: MenuAutosave})
	if g.Scene() != Briefing {
		t.Fatalf("continue: scene %v (%s)", g.Scene(), g.Message)
	}
	if want := "Orders already submitted this turn are kept: Alpha."; !strings.Contains(g.Message, want) {
		t.Errorf("message %q, want it to say %q", g.Message, want)
	}
	g.Do(Do(Confirm)) // briefing
	if g.Scene() != Handover || g.Current != 1 {
		t.Fatalf("after the briefing: scene %v current %d, want the second person's hand-over", g.Scene(), g.Current)
	}
	g.Do(Do(Confirm))
	g.Do(Do(Confirm)) // the second person's own briefing
	g.Do(Do(Confirm)) // the second person submits; the turn is played
	if g.Scene() != Adjudication {
		t.Fatalf("scene %v", g.Scene())
	}
	talk := g.Model.LeverIndex("a.talk")
	if lvl := g.Game.Reports()[0].Levels[talk]; lvl != 1 {
		t.Errorf("the first person's kept order played at level %d, want 1", lvl)
	}
}

func TestNewGameKeepsEarlierAutosaves(t *testing.T) {
	f, st := newFixture(t, solo(6)...)
	f.Do(Do(Confirm))
	f.Do(Do(Confirm))
	playTurn(f)
	first := string(st[SlotAuto])
	f.Do(Do(EndGame))
	f.Do(Do(Confirm))
	f.Do(Do(Back)) // the title
	f.Do(Input{Action: Select, Item: MenuNew})
	f.Do(Do(Confirm))
	if f.Scene() != Confirming {
		t.Fatalf("new game over an autosave: scene %v, want a question", f.Scene())
	}
	f.Do(Do(Confirm))
	if f.Scene() != Briefing || string(st[AutoSlot(1)]) != first {
		t.Fatalf("new game: scene %v, the earlier autosave kept %v", f.Scene(), string(st[AutoSlot(1)]) == first)
	}
	playTurn(f)
	f.Do(Do(Quit))
	f.Do(Do(Confirm))
	g, _ := newFixtureStore(t, st, solo(6)...)
	g.Do(Input{Action: Select, Item: MenuEarlier})
	if g.Scene() != Briefing || g.Played != 1 {
		t.Errorf("continue an earlier game: scene %v played %d (%s)", g.Scene(), g.Played, g.Message)
	}
}

func TestThinkingOffTheThread(t *testing.T) {
	woken := make(chan struct{}, 4)
	f := New(Config{Builtin: []string{"fixture"}, Source: "fixture", Open: openFixture, Seats: solo(6), Wake: func() { woken <- struct{}{} }})
	f.Do(Do(Confirm))
	f.Do(Do(Confirm))
	f.Do(Do(Confirm)) // to the orders
	f.Do(Do(Confirm)) // submit: the computer players decide
	if f.Scene() != Thinking || !f.Thinking() || f.Played != 0 {
		t.Fatalf("after submitting: scene %v thinking %v played %d", f.Scene(), f.Thinking(), f.Played)
	}
	f.Do(Do(Confirm)) // ignored while they decide
	if f.Scene() != Thinking {
		t.Fatalf("an input while thinking moved to %v", f.Scene())
	}
	<-woken
	if !f.Poll() || f.Scene() != Adjudication || f.Played != 1 || f.Thinking() {
		t.Fatalf("after the decisions: scene %v played %d thinking %v", f.Scene(), f.Played, f.Thinking())
	}
	if len(f.Explain()) != 5 {
		t.Errorf("%d explanations, want one per computer seat", len(f.Explain()))
	}
}

func TestCalledBackSaysWhy(t *testing.T) {
	two := solo(6)
	two[1].Human = true
	f, _ := newFixture(t, two...)
	for _, in := range []Action{Confirm, Confirm, Confirm, Confirm, Confirm, Confirm} {
		f.Do(Do(in)) // setup, briefing, hand-over, Alpha's own briefing, Alpha's orders submitted
	}
	if f.Scene() != Handover || f.Current != 1 {
		t.Fatalf("scene %v current %d", f.Scene(), f.Current)
	}
	f.Do(Do(Facilitate))
	f.Do(Input{Action: Select, Item: FacRowInject})
	summit := slices.Index(f.InjectableEvents(), f.Model.EventIndex("summit"))
	f.Do(Input{Action: Select, Item: summit})
	f.Do(Do(Confirm))
	if f.FacPage() != FacMenu {
		t.Errorf("after injecting: page %v, want the menu (a second Enter must not inject another)", f.FacPage())
	}
	f.Do(Do(Back))
	f.Do(Do(Confirm)) // Beta's hand-over
	f.Do(Do(Confirm)) // Beta's own briefing
	f.Do(Do(Confirm)) // Beta submits: Alpha is called back
	if f.Scene() != Handover || f.Current != 0 || !strings.Contains(f.CalledBack(), "injected Summit") {
		t.Errorf("scene %v current %d, called back %q", f.Scene(), f.Current, f.CalledBack())
	}
}
