package flow

// ThinkingScene shows that the computer players are deciding their
// orders: they decide on a goroutine of their own, so the window stays
// alive (it redraws, and Quit still asks), and Poll plays the turn when
// they are done.
type ThinkingScene struct {
	Rows
	noLabel
	// Seats are the computer seats deciding.
	Seats []int
}

// ID implements Scene.
func (*ThinkingScene) ID() SceneID { return Thinking }

// Do implements Scene: nothing changes the game while it is decided.
func (*ThinkingScene) Do(*Flow, Input) {}

// Hints implements Scene.
func (*ThinkingScene) Hints(*Flow) []Action { return nil }

// thinkJob is the computer players deciding off the window's thread.
type thinkJob struct {
	done chan struct{}
	dec  Decisions
}

// startThinking lets the computer seats decide on a goroutine; Poll
// picks the decisions up.
func (f *Flow) startThinking() {
	job := &thinkJob{done: make(chan struct{})}
	f.think = job
	var seats []int
	for i, s := range f.Seats {
		if !s.Human {
			seats = append(seats, i)
		}
	}
	f.goTo(&ThinkingScene{Seats: seats})
	tb, wake := f.table, f.cfg.Wake
	go func() {
		job.dec = tb.Decide()
		close(job.done)
		if wake != nil {
			wake()
		}
	}()
}

// Thinking reports whether the computer players are deciding.
func (f *Flow) Thinking() bool { return f.think != nil }

// pollThinking plays the turn once the computer players have decided; it
// reports whether anything changed.
func (f *Flow) pollThinking() bool {
	if f.think == nil {
		return false
	}
	select {
	case <-f.think.done:
	default:
		return false
	}
	dec := f.think.dec
	f.think = nil
	f.played(f.table.Apply(dec))
	return true
}

// WaitThinking waits for the computer players and plays the turn; tests
// and the scripted player's callers use it where blocking is fine.
func (f *Flow) WaitThinking() {
	if f.think != nil {
		<-f.think.done
		f.pollThinking()
	}
}
