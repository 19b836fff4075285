package ui

import (
	"fmt"
	"math"

	"github.com/sixparty/sixparty/ui/flow"
	"github.com/sixparty/sixparty/ui/layout"
)

// The scenes of a served game's links: a team's seat (this file), the
// facilitator's console (console.go) and the projector (projector.go).
func init() {
	views[flow.RemoteSeat] = (*Game).drawRemoteSeat
	views[flow.Console] = (*Game).drawConsole
	views[flow.Projector] = (*Game).drawProjector
}

// drawRemoteSeat draws a team's screen at a served game: its orders on
// the left with the message composer under them, and on the right the
// others' ready flags, the briefing, the indicators as the seat sees them,
// the last turn's revealed orders and changes, and the channel's messages.
func (g *Game) drawRemoteSeat(d *dc, b layout.Rect) {
	f := g.f
	t := f.Remote().Table
	m := t.Model()
	s := flow.SceneOf[*flow.RemoteSeatScene](f)
	me := m.Scenario.Actors[f.Current]
	body := g.frame(d, b, me.Name+" — "+m.Scenario.Meta.Title, f.RemoteStatus(g.now))
	cols := body.Columns(2, 40)
	left, right := cols[0], cols[1]

	// Orders.
	levers := f.SeatLevers()
	cost, budget := s.Cost(f)
	head := fmt.Sprintf("Your orders · cost %s of %s", flow.Capital(cost), flow.Capital(budget))
	note := f.BudgetNote()
	col := colMuted
	if cost > budget+1e-9 {
		col, head = colBad, head+" · over budget"
	}
	if t.Ready(f.Current) {
		head += " · submitted"
	}
	if e, over := f.RemoteEnd(); over {
		// The end: the outcome and the final scores over the rows, which
		// keep the messages.
		h := g.drawRemoteEnd(d, layout.Rect{X: left.X, Y: left.Y, W: left.W, H: left.H * 0.62}, e)
		left.Y, left.H = left.Y+h+16, left.H-h-16
		head, note = "The orders are closed", ""
		col = colMuted
	}
	d.fit(head, left.X, left.Y, left.W, sizeBody, col, true)
	top := sizeBody * 1.6
	if note != "" {
		// A budget that changes says so, as on the local orders screen.
		d.fit("Budget: "+note, left.X, left.Y+top, left.W, sizeSmall, colMuted, false)
		top += sizeSmall * 1.6
	}
	list := layout.Rect{X: left.X, Y: left.Y + top, W: left.W, H: left.H - top}
	chs := t.Channels()
	ch := s.ChannelOf(t)
	choices := f.SeatChoices()
	sub := len(levers) + len(choices) // the submit row
	n := sub + 3
	rowH := 64.0
	g.rows(d, list, n, rowH, f.Cursor(), true, func(i int, row layout.Rect) {
		in := row.Inset(14)
		y := row.Y + (row.H-sizeSmall*1.2)/2
		switch {
		case i < len(levers):
			l := m.Scenario.Levers[levers[i]]
			lvl := s.Levels[i]
			d.fit(l.Name, in.X, y, in.W*0.55, sizeSmall, colText, true)
			lab := "◄ " + l.LevelName(lvl) + " ►"
			d.textRight(lab, in.Right()-90, y, sizeSmall, colAccent, false)
			d.textRight(flow.Capital(f.SeatCost(levers[i], lvl)), in.Right(), y, sizeSmall, colMuted, false)
			for k := range l.Levels {
				d.hit(layout.Rect{X: in.X + in.W*0.55 + float64(k)*30, Y: row.Y, W: 30, H: row.H}, flow.Input{Action: flow.SetLevel, Item: i, Value: k})
			}
		case i < sub:
			// An event the seat decides: its prompt, the option taken.
			ei := choices[i-len(levers)]
			ev := m.Scenario.Events[ei]
			k := s.Pick(f, ei)
			prompt := ev.Name + ": " + m.Narrate(ev.Choice.Prompt, t.View(f.Current, t.Turn()))
			if c := m.Chooser(ei); c != f.Current && c >= 0 {
				// A partner of a joint decision: the option stands only if
				// the chooser and every partner pick it.
				prompt = ev.Name + " (agree with " + m.Scenario.Actors[c].Name + "): " + m.Narrate(ev.Choice.Prompt, t.View(f.Current, t.Turn()))
			}
			d.fit(prompt, in.X, y, in.W*0.55, sizeSmall, colYellow, true)
			d.fit("◄ "+ev.Choice.Options[k].Text+" ►", in.X+in.W*0.57, y, in.W*0.43, sizeSmall, colAccent, false)
			opts := len(ev.Choice.Options)
			for o := range opts {
				w := in.W * 0.43 / float64(opts)
				d.hit(layout.Rect{X: in.X + in.W*0.57 + float64(o)*w, Y: row.Y, W: w, H: row.H}, flow.Input{Action: flow.SetLevel, Item: i, Value: o})
			}
		case i == sub:
			lab := "Submit orders (Enter)"
			if t.Ready(f.Current) {
				lab = "Submitted — change a level to revise, Enter to submit again"
			}
			d.fit(lab, in.X, y, in.W, sizeSmall, colGood, true)
		case i == sub+1:
			lab := "Channel: ◄ " + flow.ChannelName(m, f.Current, ch) + " ►"
			d.fit(lab, in.X, y, in.W*0.7, sizeSmall, colText, false)
			// The channel shown is read on screen: count the others'.
			unread := 0
			for _, c := range chs {
				if c != ch {
					unread += t.Unread(c)
				}
			}
			if unread > 0 {
				d.textRight(fmt.Sprintf("%d unread elsewhere", unread), in.Right(), y, sizeSmall, colYellow, true)
			}
		default:
			txt := s.Text
			if f.WantsText() {
				txt += "|"
			}
			if s.Text == "" && !f.WantsText() {
				txt = "Write a message…"
			}
			d.fit(txt, in.X, y, in.W, sizeSmall, colText, false)
		}
	})

	// The right column.
	y := right.Y
	y += d.para("Ready: "+f.ReadyLine(), layout.Rect{X: right.X, Y: y, W: right.W, H: sizeSmall * 2.7}, sizeSmall, colMuted, false) + 10
	if evs := t.Briefing(); len(evs) > 0 {
		var names string
		for i, ei := range evs {
			if i > 0 {
				names += " · "
			}
			names += m.Scenario.Events[ei].Name
		}
		y += d.para("This turn: "+names, layout.Rect{X: right.X, Y: y, W: right.W, H: sizeSmall * 2.7}, sizeSmall, colYellow, false) + 10
	}
	if len(choices) > 0 {
		var names string
		for i, ei := range choices {
			if i > 0 {
				names += " · "
			}
			names += m.Scenario.Events[ei].Name
		}
		y += d.para("Yours to decide (the rows after your levers): "+names, layout.Rect{X: right.X, Y: y, W: right.W, H: sizeSmall * 2.7}, sizeSmall, colAccent, true) + 10
	}
	// Indicators, two columns of name and value (≈ an estimate).
	vals := f.RemoteValues()
	lineH := sizeSmall * 1.25
	rowsN := min((len(vals)+1)/2, int((right.H*0.42)/lineH))
	half := right.W / 2
	for i, v := range vals {
		r, c := i%max(1, rowsN), i/max(1, rowsN)
		if c > 1 {
			break
		}
		x := right.X + float64(c)*half
		col := colText
		switch {
		case !v.Seen:
			col = colMuted // "not public": the server sent no value
		case !v.Exact:
			col = colYellow
		}
		d.fit(v.Name, x, y+float64(r)*lineH, half*0.6, 21, colMuted, false)
		d.fit(v.Value, x+half*0.6, y+float64(r)*lineH, half*0.38, 21, col, false)
	}
	y += float64(rowsN)*lineH + 14
	_, changes := f.LastTurnLines(3)
	if len(changes) > 0 {
		d.fit(fmt.Sprintf("Turn %d: what moved", t.Played()), right.X, y, right.W, sizeSmall, colText, true)
		y += sizeSmall * 1.3
		for _, c := range changes {
			d.fit(c, right.X, y, right.W, 21, colMuted, false)
			y += 21 * 1.3
		}
		y += 8
	}
	// Messages of the channel chosen, newest at the bottom.
	box := layout.Rect{X: right.X, Y: y, W: right.W, H: right.Bottom() - y}
	d.panel(box)
	d.fit("Messages — "+flow.ChannelName(m, f.Current, ch), box.X+12, box.Y+8, box.W-24, sizeSmall, colText, true)
	msgs := f.ChannelMessages(ch)
	my := box.Bottom() - 8
	for i := len(msgs) - 1; i >= 0 && my > box.Y+sizeSmall*1.6+21*1.3; i-- {
		line := fmt.Sprintf("T%d %s: %s", msgs[i].Turn, msgs[i].From, msgs[i].Text)
		my -= 21 * 1.3
		d.fit(line, box.X+12, my, box.W-24, 21, colText, false)
	}
	if len(msgs) == 0 {
		d.fit("No messages yet.", box.X+12, box.Y+sizeSmall*1.6, box.W-24, 21, colMuted, false)
	}
}

// drawRemoteEnd draws a remote seat's end view in r: the outcome and its
// text, and a bar per actor of its final score, the seat's own in bold.
// It returns the height used.
func (g *Game) drawRemoteEnd(d *dc, r layout.Rect, e flow.RemoteEnd) float64 {
	m := g.f.Remote().Table.Model()
	d.panel(r)
	in := r.Inset(16)
	y := in.Y
	y += d.para(e.Headline, layout.Rect{X: in.X, Y: y, W: in.W, H: sizeHead * 2.6}, sizeHead, colAccent, true) + 6
	y += d.para(e.Text, layout.Rect{X: in.X, Y: y, W: in.W, H: 21 * 1.3 * 3}, 21, colText, false) + 10
	if len(e.Scores) == 0 {
		msg := "The server sent no final scores."
		if e.ScoreError != "" {
			msg = "No final scores: " + e.ScoreError
		}
		d.fit(msg, in.X, y, in.W, sizeSmall, colMuted, false)
		return r.H
	}
	lo, hi := 0.0, 0.0
	for _, x := range e.Scores {
		lo, hi = math.Min(lo, x), math.Max(hi, x)
	}
	if hi-lo < 1e-9 {
		hi = lo + 1
	}
	acts := m.Scenario.Actors
	lineH := math.Min(sizeSmall*1.5, (in.Bottom()-y)/float64(len(acts)))
	for i, a := range acts {
		ly := y + float64(i)*lineH
		d.swatch(in.X, ly+(lineH-18)/2, 18, parseColour(a.Colour))
		d.fit(a.Name, in.X+28, ly, in.W*0.4-28, 21, colText, i == e.Mine)
		bar := layout.Rect{X: in.X + in.W*0.42, Y: ly + lineH*0.2, W: in.W * 0.42, H: lineH * 0.6}
		zero := bar.X + bar.W*(0-lo)/(hi-lo)
		x := bar.X + bar.W*(e.Scores[i]-lo)/(hi-lo)
		d.fill(layout.Rect{X: math.Min(zero, x), Y: bar.Y, W: math.Abs(x - zero), H: bar.H}, parseColour(a.Colour))
		d.line(zero, bar.Y-3, zero, bar.Bottom()+3, 2, colMuted)
		d.textRight(fmt.Sprintf("%.2f", e.Scores[i]), in.Right(), ly, 21, colText, i == e.Mine)
	}
	return r.H
}
