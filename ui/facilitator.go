package ui

import (
	"fmt"
	"strings"

	"github.com/sixparty/sixparty/ui/flow"
	"github.com/sixparty/sixparty/ui/layout"
)

// drawFacilitator draws the facilitator's controls: a menu, the
// indicators with their true values, one indicator's new value and
// reason, or the events that can be injected.
func (g *Game) drawFacilitator(d *dc, b layout.Rect) {
	f := g.f
	fs := flow.SceneOf[*flow.FacilitatorScene](f)
	title := "Facilitator — the game is paused"
	switch fs.Panel {
	case flow.FacAdjust:
		title = "Facilitator: adjust an indicator"
	case flow.FacValue:
		title = "Facilitator: set " + f.Game.Model.Scenario.Vars[fs.Var].Name
	case flow.FacInject:
		title = "Facilitator: inject an event"
	}
	body := g.frame(d, b, title, g.turnLabel())
	left, right := body.CutLeft(body.W * 0.56)
	left.X += 36
	left.W -= 36 + 36
	switch fs.Panel {
	case flow.FacMenu:
		g.facMenu(d, left)
		g.facLog(d, right)
	case flow.FacAdjust:
		g.facVars(d, left, right)
	case flow.FacValue:
		g.facValue(d, left)
		g.facLog(d, right)
	case flow.FacInject:
		g.facEvents(d, left, right)
	}
}

func (g *Game) facMenu(d *dc, r layout.Rect) {
	f := g.f
	notes := f.FacMenuNotes()
	labels := flow.FacMenuLabels()
	g.rows(d, r, len(labels), 112, f.Cursor(), true, func(i int, row layout.Rect) {
		d.text(labels[i], row.X+24, row.Y+12, sizeHead, colText, true)
		d.fit(notes[i], row.X+24, row.Y+20+sizeHead*1.2, row.W-48, sizeSmall, colMuted, false)
	})
}

// facLog draws this turn's interventions so far, and what the controls
// do, in the right-hand panel.
func (g *Game) facLog(d *dc, r layout.Rect) {
	gm := g.f.Game
	d.panel(r)
	in := r.Inset(26)
	y := in.Y
	d.text("This turn's interventions", in.X, y, sizeHead, colText, true)
	y += sizeHead * 1.5
	ivs := flow.Interventions(gm, gm.Turn())
	if len(ivs) == 0 {
		y += d.para("None yet.", layout.Rect{X: in.X, Y: y, W: in.W, H: sizeBody * 1.3}, sizeBody, colMuted, false) + 12
	}
	for k, iv := range ivs {
		if y > in.Bottom()-sizeBody*6 {
			d.text(fmt.Sprintf("… and %d more (T for the full text)", len(ivs)-k), in.X, y, sizeSmall, colMuted, false)
			for _, iv := range ivs[k:] {
				d.log.add("• "+iv.Text, true) // not drawn: in the text view
			}
			y += sizeSmall * 1.6
			break
		}
		y += d.para("• "+iv.Text, layout.Rect{X: in.X, Y: y, W: in.W, H: sizeBody * 1.3 * 2}, sizeBody, colText, false) + 8
	}
	y += 16
	d.para(flow.FacLogNote, layout.Rect{X: in.X, Y: y, W: in.W, H: in.Bottom() - y}, sizeSmall, colMuted, false)
}

// facVars draws every indicator, grouped, with its true value, and the
// selected one in detail.
func (g *Game) facVars(d *dc, left, right layout.Rect) {
	f := g.f
	m := f.Game.Model
	s := f.Game.State()
	vars := f.FacVars()
	groupOf := map[int]string{}
	for _, gr := range flow.Groups(m) {
		for _, vi := range gr.Vars {
			groupOf[vi] = gr.Name
		}
	}
	d.text("True values. Select one and press Enter to set it.", left.X-36, left.Y, sizeSmall, colMuted, false)
	// Room below the list for its "▼ more".
	list := layout.Rect{X: left.X, Y: left.Y + sizeSmall*2, W: left.W, H: left.H - sizeSmall*3.4}
	const rowH = 64.0
	first := layout.Window(len(vars), max(1, int((list.H+rowGap)/(rowH+rowGap))), f.Cursor())
	g.rows(d, list, len(vars), rowH, f.Cursor(), true, func(i int, row layout.Rect) {
		vi := vars[i]
		ty := row.Y + (row.H-sizeBody*1.2)/2
		val := flow.FormatValue(m, vi, s.Vals[vi], 0, false)
		vw := measure(val, sizeBody, true)
		// The group's name on its first row (and on the top row shown).
		gw := row.W * 0.28
		if i == first || groupOf[vars[i-1]] != groupOf[vi] {
			d.fit(strings.ToUpper(groupOf[vi]), row.X+16, ty+4, gw-16, sizeSmall, colMuted, false)
		}
		d.fit(m.Scenario.Vars[vi].Name, row.X+gw, ty, row.W-gw-vw-48, sizeBody, colText, i == f.Cursor())
		d.textRight(val, row.Right()-16, ty, sizeBody, colText, true)
	})
	if len(vars) == 0 {
		return
	}
	vi := vars[min(f.Cursor(), len(vars)-1)]
	d.panel(right)
	in := right.Inset(26)
	y := g.facVarDetail(d, in, vi)
	y += 10
	d.text("Over the turns", in.X, y, sizeSmall, colMuted, false)
	y += sizeSmall * 1.5
	if in.Bottom()-y > 120 {
		g.drawChart(d, layout.Rect{X: in.X, Y: y, W: in.W, H: in.Bottom() - y}, m, vi, flow.TrueSeries(f.Game, vi), nil, -1, false)
	}
}

// facVarDetail draws an indicator's name, description, true value, bounds
// and who sees it exactly, and returns the y below.
func (g *Game) facVarDetail(d *dc, in layout.Rect, vi int) float64 {
	vf := flow.FacFacts(g.f.Game.Model, g.f.Game.State(), vi)
	y := in.Y
	y += d.para(vf.Name, layout.Rect{X: in.X, Y: y, W: in.W, H: sizeHead * 1.3 * 2}, sizeHead, colAccent, true) + 8
	if vf.Description != "" {
		y += d.para(vf.Description, layout.Rect{X: in.X, Y: y, W: in.W, H: sizeSmall * 1.3 * 3}, sizeSmall, colText, false) + 10
	}
	y += d.para(vf.Now, layout.Rect{X: in.X, Y: y, W: in.W, H: sizeBody * 1.3 * 2}, sizeBody, colText, true) + 4
	y += d.para(vf.Bounds, layout.Rect{X: in.X, Y: y, W: in.W, H: sizeSmall * 1.3 * 2}, sizeSmall, colText, false) + 4
	y += d.para(vf.Who, layout.Rect{X: in.X, Y: y, W: in.W, H: sizeSmall * 1.3 * 2}, sizeSmall, colMuted, false)
	if vf.Recomputed != "" {
		y += 6
		y += d.para(vf.Recomputed, layout.Rect{X: in.X, Y: y, W: in.W, H: sizeSmall * 1.3 * 3}, sizeSmall, colWarn, false)
	}
	return y
}

func (g *Game) facValue(d *dc, r layout.Rect) {
	f := g.f
	fs := flow.SceneOf[*flow.FacilitatorScene](f)
	y := g.facVarDetail(d, layout.Rect{X: r.X - 36, Y: r.Y, W: r.W + 36, H: r.H}, fs.Var) + 24
	labels := []string{"New value", "Reason", "Apply"}
	heights := []float64{76, 76 + sizeBody*1.3*2, 76}
	labelW := 230.0
	for i, label := range labels {
		row := layout.Rect{X: r.X, Y: y, W: r.W, H: heights[i]}
		sel := i == f.Cursor()
		if sel {
			d.selection(row)
		} else {
			d.panel(row)
		}
		d.hit(row, flow.Input{Action: flow.Select, Item: i})
		ty := row.Y + (76-sizeBody*1.2)/2
		switch i {
		case flow.FacRowValue, flow.FacRowReason:
			d.text(label, row.X+20, ty, sizeBody, colMuted, false)
			s, hint := fs.ValueText, "(type a number)"
			if i == flow.FacRowReason {
				s, hint = fs.ReasonText, "(type why: it is logged)"
			}
			col := colText
			switch {
			case sel:
				s += "_"
			case s == "":
				s, col = hint, colDisabled
			}
			d.para(s, layout.Rect{X: row.X + labelW, Y: ty, W: row.W - labelW - 20, H: row.H - (ty - row.Y)}, sizeBody, col, false)
			if u := f.Game.Model.Scenario.Vars[fs.Var].Unit; i == flow.FacRowValue && u != "" && (sel || fs.ValueText != "") {
				d.text(u, row.X+labelW+measure(s, sizeBody, false)+14, ty+4, sizeSmall, colMuted, false)
			}
		default:
			d.text("Apply the change", row.X+20, ty, sizeBody, colText, true)
		}
		y += heights[i] + rowGap
	}
	y += 12
	d.para(flow.FacValueNote, layout.Rect{X: r.X, Y: y, W: r.W, H: r.Bottom() - y}, sizeSmall, colMuted, false)
}

// facEvents draws the events that can be injected and the selected one in
// detail.
func (g *Game) facEvents(d *dc, left, right layout.Rect) {
	f := g.f
	gm := f.Game
	m := gm.Model
	s := gm.State()
	evs := f.InjectableEvents()
	d.text("Events not in this turn's briefing. Enter injects the selected one.", left.X-36, left.Y, sizeSmall, colMuted, false)
	list := layout.Rect{X: left.X, Y: left.Y + sizeSmall*2, W: left.W, H: left.H - sizeSmall*2}
	if len(evs) == 0 {
		d.text("Every event is already in this turn's briefing.", list.X, list.Y, sizeBody, colMuted, false)
		return
	}
	g.rows(d, list, len(evs), 92, f.Cursor(), true, func(i int, row layout.Rect) {
		ei := evs[i]
		d.fit(m.Scenario.Events[ei].Name, row.X+16, row.Y+8, row.W-32, sizeBody, colText, i == f.Cursor())
		d.fit(flow.EventNote(m, s, ei), row.X+16, row.Y+14+sizeBody*1.2, row.W-32, sizeSmall, colMuted, false)
	})
	ei := evs[min(f.Cursor(), len(evs)-1)]
	ev := &m.Scenario.Events[ei]
	d.panel(right)
	in := right.Inset(26)
	y := in.Y
	y += d.para(ev.Name, layout.Rect{X: in.X, Y: y, W: in.W, H: sizeHead * 1.3 * 2}, sizeHead, colAccent, true) + 8
	y += d.para(strings.TrimSpace(ev.Text), layout.Rect{X: in.X, Y: y, W: in.W, H: sizeBody * 1.3 * 5}, sizeBody, colText, false) + 14
	if len(ev.Effects) > 0 && y < in.Bottom()-sizeSmall*3 {
		d.text("What it does", in.X, y, sizeBody, colText, true)
		y += sizeBody * 1.4
		for _, e := range ev.Effects {
			if y > in.Bottom()-sizeSmall*2.6 {
				break
			}
			y += d.para("• "+flow.EffectText(m, e), layout.Rect{X: in.X, Y: y, W: in.W, H: sizeSmall * 1.3 * 2}, sizeSmall, colText, false) + 4
		}
		y += 10
	}
	if ev.Choice != nil && y < in.Bottom()-sizeSmall*3 {
		who := m.Scenario.Actors[m.Chooser(ei)].Name
		y += d.para(who+" must choose: "+ev.Choice.Prompt, layout.Rect{X: in.X, Y: y, W: in.W, H: sizeBody * 1.3 * 2}, sizeBody, colYellow, false) + 4
		for _, o := range ev.Choice.Options {
			if y > in.Bottom()-sizeSmall*1.4 {
				break
			}
			y += d.para("• "+o.Text, layout.Rect{X: in.X, Y: y, W: in.W, H: sizeSmall * 1.3}, sizeSmall, colText, false)
		}
	}
}
