package ui

import (
	"fmt"
	"image/color"
	"math"
	"strings"

	"github.com/sixparty/sixparty/ui/flow"
	"github.com/sixparty/sixparty/ui/layout"
)

const (
	margin  = 56
	headerH = 110
	footerH = 76
	msgH    = 56
	rowGap  = 12
)

// frame draws the header and the help line and returns the body.
func (g *Game) frame(d *dc, b layout.Rect, title, right string) layout.Rect {
	head, rest := b.CutTop(headerH)
	d.fill(head, colPanel)
	d.fill(layout.Rect{X: head.X, Y: head.Bottom() - 4, W: head.W, H: 4}, colAccent)
	d.fit(title, margin, (headerH-sizeTitle*1.2)/2, head.W-2*margin-measure(right, sizeHead, false)-40, sizeTitle, colText, true)
	d.textRight(right, head.Right()-margin, (headerH-sizeHead*1.2)/2, sizeHead, colMuted, false)
	rest, foot := rest.CutBottom(footerH)
	g.hintBar(d, foot)
	rest, msg := rest.CutBottom(msgH)
	switch {
	case g.f.Message != "":
		d.fit("» "+g.f.Message, margin, msg.Y+(msgH-sizeBody*1.2)/2, msg.W-2*margin, sizeBody, colYellow, false)
	case g.f.Forecasting():
		d.fit("» Forecasting… (playing the draft out from your estimates)", margin, msg.Y+(msgH-sizeBody*1.2)/2, msg.W-2*margin, sizeBody, colYellow, false)
	}
	if lines := g.f.ReloadLines(); len(lines) > 0 {
		rest = g.reloadErrors(d, rest, lines)
	}
	return layout.Rect{X: rest.X + margin, Y: rest.Y + 28, W: rest.W - 2*margin, H: rest.H - 28}
}

// maxReloadLines is how many of a watched file's mistakes are shown.
const maxReloadLines = 6

// reloadErrors draws the mistakes of a watched scenario file in a panel
// at the bottom of r and returns what is left above it.
func (g *Game) reloadErrors(d *dc, r layout.Rect, lines []string) layout.Rect {
	n := min(len(lines), maxReloadLines)
	lineH := sizeSmall * 1.3
	rest, box := r.CutBottom(float64(n+1)*lineH + 24)
	box = layout.Rect{X: box.X + margin, Y: box.Y, W: box.W - 2*margin, H: box.H - 8}
	d.fill(box, colPanel)
	d.stroke(box, 3, colBad)
	head := "The scenario file has mistakes (still playing the last good version):"
	if len(lines) > n {
		head = fmt.Sprintf("The scenario file has %d mistakes (still playing the last good version); the first %d:", len(lines), n)
	}
	y := box.Y + 10
	d.fit(head, box.X+16, y, box.W-32, sizeSmall, colWarn, true)
	for _, l := range lines[:n] {
		y += lineH
		d.fit(l, box.X+16, y, box.W-32, sizeSmall, colText, false)
	}
	return rest
}

// hintBar draws the help line: each action's key and name, clickable.
func (g *Game) hintBar(d *dc, r layout.Rect) {
	d.fill(r, colPanel)
	x := r.X + margin
	y := r.Y + (r.H-sizeSmall*1.2)/2
	for _, a := range g.f.Hints() {
		key := KeyName(a)
		label := g.f.Label(a)
		w := measure(key, sizeSmall, true) + 12 + measure(label, sizeSmall, false) + 28
		if x+w > r.Right()-margin {
			break
		}
		box := layout.Rect{X: x, Y: r.Y + 12, W: w, H: r.H - 24}
		d.stroke(box, 2, colLine)
		kx := d.text(key, x+14, y, sizeSmall, colAccent, true)
		d.text(label, x+14+kx+12, y, sizeSmall, colText, false)
		d.hit(box, flow.Do(a))
		x += w + 16
	}
}

func (g *Game) turnLabel() string {
	gm := g.f.Game
	m := gm.Model
	t := gm.Turn()
	if gm.Over() {
		t = len(gm.Reports())
	}
	return fmt.Sprintf("Turn %d of %d · %s", t, m.Scenario.Meta.Turns, m.Date(t))
}

func (g *Game) drawScene(d *dc, b layout.Rect) {
	switch g.f.Scene {
	case flow.Title:
		g.drawTitle(d, b)
	case flow.Setup:
		g.drawSetup(d, b)
	case flow.Briefing:
		g.drawBriefing(d, b)
	case flow.Handover:
		g.drawHandover(d, b)
	case flow.Choice:
		// The orders show behind the pop-up but take no clicks.
		g.drawOrders(d, b)
		g.hits.Reset()
		g.drawChoice(d, b)
		_, foot := b.CutBottom(footerH)
		g.hintBar(d, foot)
	case flow.Orders:
		g.drawOrders(d, b)
	case flow.Forecast:
		g.drawForecast(d, b)
	case flow.Branching:
		g.drawBranching(d, b)
	case flow.Comparison:
		g.drawComparison(d, b)
	case flow.Adjudication:
		g.drawAdjudication(d, b)
	case flow.Report:
		g.drawReport(d, b)
	case flow.Why:
		g.drawWhy(d, b)
	case flow.Dashboard:
		g.drawDashboard(d, b)
	case flow.Map:
		g.drawMapScene(d, b)
	case flow.End:
		g.drawEnd(d, b)
	case flow.Facilitator:
		g.drawFacilitator(d, b)
	}
}

// rows draws a selectable list of n rows of height h from the top of r;
// each row's content is drawn by draw. It scrolls to keep the cursor in
// view and returns the height used.
func (g *Game) rows(d *dc, r layout.Rect, n int, h float64, cursor int, selectable bool, draw func(i int, row layout.Rect)) float64 {
	visible := max(1, int((r.H+rowGap)/(h+rowGap)))
	first := layout.Window(n, visible, cursor)
	y := r.Y
	for i := first; i < n && i < first+visible; i++ {
		row := layout.Rect{X: r.X, Y: y, W: r.W, H: h}
		if selectable && i == cursor {
			d.selection(row)
		} else {
			d.panel(row)
		}
		if selectable {
			d.hit(row, flow.Input{Action: flow.Select, Item: i})
		}
		draw(i, row)
		y += h + rowGap
	}
	if first > 0 {
		d.textRight("▲ more", r.Right(), r.Y-sizeSmall*1.3, sizeSmall, colMuted, false)
	}
	if first+visible < n {
		d.textRight("▼ more", r.Right(), y, sizeSmall, colMuted, false)
	}
	return y - r.Y
}

func (g *Game) drawTitle(d *dc, b layout.Rect) {
	body := layout.Rect{X: margin, Y: margin, W: b.W - 2*margin, H: b.H - 2*margin - footerH}
	left, right := body.CutLeft(body.W * 0.46)
	d.text("sixparty", left.X, left.Y+20, sizeHuge, colText, true)
	d.text("a turn-based policy-options wargame", left.X, left.Y+150, sizeHead, colMuted, false)
	y := left.Y + 240
	if m := g.f.Model; m != nil {
		d.text(m.Scenario.Meta.Title, left.X, y, sizeHead, colAccent, true)
		y += sizeHead * 1.6
		y += d.para(m.Scenario.Meta.Summary, layout.Rect{X: left.X, Y: y, W: left.W - 40, H: 200}, sizeBody, colText, false)
	}
	y += 40
	menu := layout.Rect{X: left.X + 40, Y: y, W: 560, H: left.Bottom() - y}
	labels := flow.MenuLabels()
	g.rows(d, menu, len(labels), 68, g.f.Cursor, true, func(i int, row layout.Rect) {
		d.text(labels[i], row.X+24, row.Y+(row.H-sizeBody*1.2)/2, sizeBody, colText, i == g.f.Cursor)
	})
	if m := g.f.Model; m != nil {
		g.drawMap(d, right.Inset(10), m, nil, nil)
	}
	_, foot := b.CutBottom(footerH)
	_, msg := b.CutBottom(footerH + msgH)
	if g.f.Message != "" {
		d.fit("» "+g.f.Message, margin, msg.Y+10, msg.W-2*margin, sizeBody, colYellow, false)
	}
	g.hintBar(d, foot)
}

func (g *Game) drawSetup(d *dc, b layout.Rect) {
	f := g.f
	body := g.frame(d, b, "New game: scenario and seats", "")
	left, right := body.CutLeft(body.W * 0.58)
	left.X += 40
	left.W -= 80
	labelW := 380.0
	n := f.SetupRows()
	h := math.Min(64, (left.H-float64(n)*rowGap)/float64(n))
	g.rows(d, left, n, h, f.Cursor, true, func(i int, row layout.Rect) {
		ty := row.Y + (row.H-sizeBody*1.2)/2
		sel := i == f.Cursor
		val := func(s string, arrows bool) {
			x := row.X + labelW
			if arrows {
				d.text("◄", x, ty, sizeBody, colAccent, true)
				d.hit(layout.Rect{X: x - 10, Y: row.Y, W: 50, H: row.H}, flow.Input{Action: flow.Select, Item: i}, flow.Do(flow.Left))
				x += 46
			}
			w := d.text(s, x, ty, sizeBody, colText, sel)
			if arrows {
				d.text("►", x+w+16, ty, sizeBody, colAccent, true)
				d.hit(layout.Rect{X: x + w + 6, Y: row.Y, W: 50, H: row.H}, flow.Input{Action: flow.Select, Item: i}, flow.Do(flow.Right))
			}
		}
		switch {
		case i == flow.RowScenario:
			d.text("Scenario", row.X+20, ty, sizeBody, colMuted, false)
			val(f.ScenarioChoice(), true)
		case i == flow.RowPath:
			d.text("Scenario file", row.X+20, ty, sizeBody, colMuted, false)
			s := f.Path
			if sel {
				s += "_"
			} else if s == "" {
				s = "(type a path, then Enter)"
			}
			d.fit(s, row.X+labelW, ty, row.W-labelW-20, sizeBody, colText, false)
		case i == flow.RowSeed:
			d.text("Seed", row.X+20, ty, sizeBody, colMuted, false)
			s := f.SeedText
			if sel {
				s += "_"
			}
			d.text(s, row.X+labelW, ty, sizeBody, colText, false)
		case i == f.StartRow():
			d.text("Start the game", row.X+20, ty, sizeBody, colText, true)
		default:
			a := i - flow.SeatRow(0)
			actor := f.Model.Scenario.Actors[a]
			d.swatch(row.X+20, row.Y+(row.H-28)/2, 28, parseColour(actor.Colour))
			d.fit(actor.Name, row.X+62, ty, labelW-70, sizeBody, colText, false)
			val(f.Seats[a].Label(), true)
		}
	})
	d.panel(right)
	in := right.Inset(28)
	if m := f.Model; m != nil {
		sc := m.Scenario
		y := in.Y
		y += d.para(sc.Meta.Title, layout.Rect{X: in.X, Y: y, W: in.W, H: 140}, sizeHead, colAccent, true) + 10
		y += d.para(fmt.Sprintf("%d turns of a %s from %s · %d actors", sc.Meta.Turns, sc.Meta.Step, m.Date(1), len(sc.Actors)), layout.Rect{X: in.X, Y: y, W: in.W, H: 80}, sizeSmall, colMuted, false) + 16
		y += d.para(sc.Meta.Summary, layout.Rect{X: in.X, Y: y, W: in.W, H: in.Bottom() - y - 140}, sizeBody, colText, false) + 24
		d.para("Each person gives orders in turn on this machine; a hand-over screen keeps their orders private. The seed fixes every chance in the game, so the same seed and orders replay the same game.", layout.Rect{X: in.X, Y: y, W: in.W, H: in.Bottom() - y}, sizeSmall, colMuted, false)
	}
}

func (g *Game) drawHandover(d *dc, b layout.Rect) {
	f := g.f
	m := f.Game.Model
	a := m.Scenario.Actors[f.Current]
	c := parseColour(a.Colour)
	cy := b.H * 0.32
	d.textCentre("Pass the machine to the player of", b.W/2, cy, sizeHead, colMuted, false)
	nameW := measure(a.Name, sizeHuge, true)
	d.swatch(b.W/2-nameW/2-90, cy+100+20, 64, c)
	d.text(a.Name, b.W/2-nameW/2, cy+90, sizeHuge, colText, true)
	d.textCentre(g.turnLabel(), b.W/2, cy+240, sizeHead, colMuted, false)
	d.textCentre("Everyone else, please look away.", b.W/2, cy+330, sizeBody, colText, false)
	d.textCentre("Press Enter (or click) when "+a.Name+" is ready.", b.W/2, cy+380, sizeBody, colText, false)
	d.hit(b, flow.Do(flow.Confirm))
	_, foot := b.CutBottom(footerH)
	g.hintBar(d, foot)
}

func (g *Game) actorHeader(prefix string) string {
	a := g.f.Game.Model.Scenario.Actors[g.f.Current]
	return prefix + " — " + a.Name
}

func (g *Game) drawOrders(d *dc, b layout.Rect) {
	f := g.f
	gm := f.Game
	m := gm.Model
	s := gm.State()
	act := m.Scenario.Actors[f.Current]
	body := g.frame(d, b, g.actorHeader("Orders"), g.turnLabel())
	// Budget line.
	spent := f.Spent()
	budgetLine, body := body.CutTop(70)
	d.swatch(budgetLine.X, budgetLine.Y+6, 34, parseColour(act.Colour))
	w := d.text(fmt.Sprintf("Political capital: %g of %g used, %g left", spent, act.Budget, act.Budget-spent), budgetLine.X+50, budgetLine.Y+4, sizeBody, colText, true)
	bar := layout.Rect{X: budgetLine.X + 50 + w + 30, Y: budgetLine.Y + 10, W: math.Min(400, budgetLine.W-w-420), H: 28}
	if bar.W > 40 {
		d.text("each level shows its cost", bar.Right()+24, budgetLine.Y+8, sizeSmall, colMuted, false)
		d.stroke(bar, 2, colLine)
		frac := 0.0
		if act.Budget > 0 {
			frac = math.Min(1, spent/act.Budget)
		}
		d.fill(layout.Rect{X: bar.X, Y: bar.Y, W: bar.W * frac, H: bar.H}, colAccent)
	}
	left, right := body.CutLeft(body.W * 0.6)
	left.X += 36
	left.W -= 66
	mine := m.ActorLevers(f.Current)
	rowH := 150.0
	g.rows(d, left, len(mine), rowH, f.Cursor, f.Scene == flow.Orders, func(i int, row layout.Rect) {
		li := mine[i]
		l := m.Scenario.Levers[li]
		ok, why := m.Available(s, li)
		d.fit(l.Name, row.X+20, row.Y+10, row.W-40, sizeBody, colText, true)
		x := row.X + 20
		cy := row.Y + 56
		for lvl, name := range l.Levels {
			label := fmt.Sprintf("%s · %g", name, m.Cost(li, lvl))
			cw := measure(label, sizeSmall, false) + 28
			chip := layout.Rect{X: x, Y: cy, W: cw, H: 46}
			err := f.CheckLevel(li, lvl)
			switch {
			case f.Levels[li] == lvl:
				d.fill(chip, colAccent)
				d.text(label, x+14, cy+8, sizeSmall, colBG, true)
			case err != nil:
				d.stroke(chip, 2, colLine)
				d.text(label, x+14, cy+8, sizeSmall, colDisabled, false)
			default:
				d.stroke(chip, 2, colMuted)
				d.text(label, x+14, cy+8, sizeSmall, colText, false)
			}
			if f.Scene == flow.Orders {
				d.hit(chip, flow.Input{Action: flow.SetLevel, Item: i, Value: lvl})
			}
			x += cw + 12
		}
		if !ok {
			d.fit("Unavailable: "+why, row.X+20, cy+56, row.W-40, sizeSmall, colWarn, false)
		}
	})
	if len(mine) == 0 {
		d.text("This actor has no levers.", left.X, left.Y, sizeBody, colMuted, false)
		return
	}
	// The selected lever in detail.
	d.panel(right)
	in := right.Inset(26)
	li := mine[min(f.Cursor, len(mine)-1)]
	l := m.Scenario.Levers[li]
	y := in.Y
	y += d.para(l.Name, layout.Rect{X: in.X, Y: y, W: in.W, H: 120}, sizeHead, colAccent, true) + 8
	if ok, why := m.Available(s, li); !ok {
		y += d.para("Unavailable now: "+why, layout.Rect{X: in.X, Y: y, W: in.W, H: 120}, sizeBody, colWarn, true) + 8
	}
	if l.Description != "" {
		y += d.para(l.Description, layout.Rect{X: in.X, Y: y, W: in.W, H: 200}, sizeBody, colText, false) + 12
	}
	d.text("What it does", in.X, y, sizeBody, colText, true)
	y += sizeBody * 1.5
	for _, e := range l.Effects {
		if y > in.Bottom()-sizeSmall*2 {
			break
		}
		line := "• " + flow.EffectText(m, e)
		if vi := m.VarIndex(e.Target); vi >= 0 {
			line += " — now " + f.Value(vi)
		}
		y += d.para(line, layout.Rect{X: in.X, Y: y, W: in.W, H: in.Bottom() - y}, sizeSmall, colText, false) + 6
	}
	if l.Source != "" && y < in.Bottom()-sizeSmall*2.6 {
		y += 12
		d.para("Source: "+l.Source, layout.Rect{X: in.X, Y: y, W: in.W, H: in.Bottom() - y}, sizeSmall, colMuted, false)
	}
}

func (g *Game) drawChoice(d *dc, b layout.Rect) {
	f := g.f
	m := f.Game.Model
	ev := m.Scenario.Events[f.Pending[0]]
	d.fill(b, alpha(colBG, 0.8))
	box := layout.Rect{X: b.W/2 - 620, Y: b.H/2 - 360, W: 1240, H: 720}
	d.fill(box, colPanel)
	d.stroke(box, 4, colAccent)
	in := box.Inset(40)
	y := in.Y
	d.text("Event — your choice", in.X, y, sizeSmall, colMuted, false)
	y += sizeSmall * 1.6
	y += d.para(ev.Name, layout.Rect{X: in.X, Y: y, W: in.W, H: 120}, sizeTitle, colText, true) + 8
	y += d.para(ev.Text, layout.Rect{X: in.X, Y: y, W: in.W, H: 140}, sizeBody, colText, false) + 16
	y += d.para(ev.Choice.Prompt, layout.Rect{X: in.X, Y: y, W: in.W, H: 100}, sizeHead, colAccent, true) + 20
	opts := ev.Choice.Options
	g.rows(d, layout.Rect{X: in.X + 40, Y: y, W: in.W - 40, H: in.Bottom() - y}, len(opts), 100, f.Cursor, true, func(i int, row layout.Rect) {
		d.fit(opts[i].Text, row.X+20, row.Y+12, row.W-40, sizeBody, colText, i == f.Cursor)
		var fx []string
		for _, e := range opts[i].Effects {
			fx = append(fx, flow.EffectText(m, e))
		}
		if len(fx) == 0 {
			fx = []string{"No direct effect."}
		}
		d.fit(strings.Join(fx, "; "), row.X+20, row.Y+18+sizeBody*1.3, row.W-40, sizeSmall, colMuted, false)
	})
}

func (g *Game) seatLabel(i int) string {
	if g.f.Seats[i].Human {
		return "person"
	}
	return "computer, " + g.f.Seats[i].Level.String()
}

func (g *Game) drawAdjudication(d *dc, b layout.Rect) {
	f := g.f
	gm := f.Game
	m := gm.Model
	title := "Adjudication: the orders, revealed together"
	if f.Page == 1 {
		title = "Adjudication: what changed"
	}
	body := g.frame(d, b, title, fmt.Sprintf("Turn %d · %s", f.Played, m.Date(f.Played)))
	left, right := body.CutLeft(body.W * 0.56)
	left.W -= 30
	rep := gm.Reports()[f.Played-1]
	if f.Page == 0 {
		acts := m.Scenario.Actors
		h := math.Min(150, (left.H-float64(len(acts))*rowGap)/float64(len(acts)))
		g.rows(d, left, len(acts), h, -1, false, func(i int, row layout.Rect) {
			a := acts[i]
			d.swatch(row.X+16, row.Y+14, 28, parseColour(a.Colour))
			w := d.text(a.Name, row.X+56, row.Y+10, sizeBody, colText, true)
			d.text("("+g.seatLabel(i)+")", row.X+56+w+14, row.Y+14, sizeSmall, colMuted, false)
			var parts []string
			for _, li := range m.ActorLevers(i) {
				if lvl := rep.Levels[li]; lvl > 0 {
					parts = append(parts, m.Scenario.Levers[li].Name+": "+m.Scenario.Levers[li].Levels[lvl])
				}
			}
			txt := "No lever pulled."
			if len(parts) > 0 {
				txt = strings.Join(parts, " · ")
			}
			d.para(txt, layout.Rect{X: row.X + 56, Y: row.Y + 10 + sizeBody*1.4, W: row.W - 76, H: row.H - 14 - sizeBody*1.4}, sizeSmall, colText, false)
		})
	} else {
		ch := f.NetChanges()
		if len(ch) == 0 {
			d.text("Nothing you can see changed.", left.X, left.Y, sizeBody, colMuted, false)
		}
		g.rows(d, left, len(ch), 64, -1, false, func(i int, row layout.Rect) {
			c := ch[i]
			v := m.Scenario.Vars[c.Var]
			ty := row.Y + (row.H-sizeBody*1.2)/2
			delta := flow.Signed(m, c.Var, c.After-c.Before)
			dw := measure(delta, sizeBody, true)
			vals := m.Format(c.Var, c.Before) + " → " + m.Format(c.Var, c.After)
			vw := measure(vals, sizeBody, false)
			nw := d.text(layout.Ellipsis(v.Name, row.W-dw-vw-120, func(s string) float64 { return measure(s, sizeBody, false) }), row.X+20, ty, sizeBody, colText, false)
			if v.Unit != "" {
				d.fit(v.Unit, row.X+20+nw+12, ty+4, row.W-dw-vw-nw-150, sizeSmall, colMuted, false)
			}
			d.textRight(vals, row.Right()-dw-60, ty, sizeBody, colText, false)
			d.textRight(delta, row.Right()-20, ty, sizeBody, changeColour(c.After-c.Before), true)
		})
	}
	g.drawMap(d, right, m, rep.Levels, nil)
	mapNote(d, right, "Flows: this turn's orders (M for the key).")
}

func (g *Game) drawReport(d *dc, b layout.Rect) {
	f := g.f
	gm := f.Game
	m := gm.Model
	body := g.frame(d, b, "Turn report: the largest changes and their causes", fmt.Sprintf("Turn %d · %s", f.Played, m.Date(f.Played)))
	left, right := body.CutLeft(body.W * 0.6)
	left.W -= 30
	rows := f.ReportRows()
	d.text("Select a change and press W to see why it moved.", left.X, left.Y, sizeSmall, colMuted, false)
	list := layout.Rect{X: left.X + 36, Y: left.Y + sizeSmall*1.8, W: left.W - 36, H: left.H - sizeSmall*1.8 - sizeSmall*1.6}
	g.rows(d, list, len(rows), 82, f.Cursor, true, func(i int, row layout.Rect) {
		e := rows[i]
		v := m.Scenario.Vars[e.Var]
		col := changeColour(e.Amount)
		amt := flow.Signed(m, e.Var, e.Amount) + " " + v.Unit
		aw := measure(amt, sizeBody, true)
		d.fit(v.Name, row.X+16, row.Y+6, row.W-aw-60, sizeBody, colText, true)
		d.textRight(amt, row.Right()-16, row.Y+6, sizeBody, col, true)
		src := ""
		if e.Pos.IsValid() {
			src = "  (" + e.Pos.String() + ")"
		}
		d.fit(flow.CauseText(m, e)+src, row.X+16, row.Y+6+sizeBody*1.3, row.W-32, sizeSmall, colMuted, false)
	})
	if len(rows) == 0 {
		d.text("Nothing you can see changed.", list.X, list.Y, sizeBody, colMuted, false)
	}
	if n := f.HiddenChanges(); n > 0 {
		d.text(fmt.Sprintf("%d more changes are hidden from you (fog of war).", n), left.X, left.Bottom()-sizeSmall*1.3, sizeSmall, colMuted, false)
	}
	// The selected indicator's chart and the computer players' reasons.
	d.panel(right)
	in := right.Inset(24)
	y := in.Y
	if len(rows) > 0 {
		vi := rows[min(f.Cursor, len(rows)-1)].Var
		d.fit(m.Scenario.Vars[vi].Name+" over the turns", in.X, y, in.W, sizeBody, colText, true)
		y += sizeBody * 1.5
		vals, sd := f.Series(vi)
		g.drawChart(d, layout.Rect{X: in.X, Y: y, W: in.W, H: 300}, m, vi, vals, sd, f.Played, true)
		y += 330
	}
	if len(f.Explain) > 0 {
		d.text("Why the computer players chose", in.X, y, sizeBody, colText, true)
		y += sizeBody * 1.5
		for _, a := range m.Scenario.Actors {
			ex, ok := f.Explain[a.ID]
			if !ok || y > in.Bottom()-sizeSmall*1.3 {
				continue
			}
			d.swatch(in.X, y+6, 20, parseColour(a.Colour))
			lines := 3.0
			if len(f.Explain) <= 2 {
				lines = 8
			}
			y += d.para(a.Name+": "+ex, layout.Rect{X: in.X + 32, Y: y, W: in.W - 32, H: math.Min(in.Bottom()-y, sizeSmall*1.3*lines)}, sizeSmall, colText, false) + 8
		}
	}
}

func (g *Game) drawMapScene(d *dc, b layout.Rect) {
	f := g.f
	gm := f.Game
	m := gm.Model
	body := g.frame(d, b, "Map: the actors and the flows between them", g.turnLabel())
	var levels []int
	if f.Played > 0 {
		levels = gm.Reports()[f.Played-1].Levels
	}
	left, right := body.CutLeft(body.W * 0.64)
	var legend []string
	g.drawMap(d, left, m, levels, &legend)
	d.panel(right)
	in := right.Inset(24)
	y := in.Y
	d.text("Flows", in.X, y, sizeHead, colText, true)
	y += sizeHead * 1.5
	if len(legend) == 0 {
		y += d.para("No lever pulled last turn acts on another actor's indicators. Each lever that does is drawn from its actor to the actors whose indicators it changes; the thicker the line, the higher the level.", layout.Rect{X: in.X, Y: y, W: in.W, H: 300}, sizeSmall, colMuted, false)
	} else {
		y += d.para(fmt.Sprintf("The orders of turn %d (%s). Each line runs from the actor pulling a lever to the actor whose indicators it changes; thicker means a higher level. Numbers match the map.", f.Played, m.Date(f.Played)), layout.Rect{X: in.X, Y: y, W: in.W, H: 200}, sizeSmall, colMuted, false) + 12
	}
	for _, l := range legend {
		if y > in.Bottom()-sizeSmall*1.3 {
			d.text("…", in.X, y, sizeSmall, colMuted, false)
			break
		}
		y += d.para(l, layout.Rect{X: in.X, Y: y, W: in.W, H: in.Bottom() - y}, sizeSmall, colText, false) + 6
	}
}

func (g *Game) drawScores(d *dc, r layout.Rect) {
	gm := g.f.Game
	m := gm.Model
	scores, err := gm.Scores()
	if err != nil {
		d.text("Scores: "+err.Error(), r.X, r.Y, sizeBody, colText, false)
		return
	}
	lo, hi := 0.0, 0.0
	for _, s := range scores {
		lo, hi = math.Min(lo, s), math.Max(hi, s)
	}
	if hi-lo < 1e-9 {
		hi = lo + 1
	}
	d.text("Scores", r.X, r.Y, sizeHead, colText, true)
	list := layout.Rect{X: r.X, Y: r.Y + sizeHead*1.6, W: r.W, H: r.H - sizeHead*1.6}
	acts := m.Scenario.Actors
	h := math.Min(90, (list.H-float64(len(acts))*rowGap)/float64(len(acts)))
	g.rows(d, list, len(acts), h, -1, false, func(i int, row layout.Rect) {
		a := acts[i]
		d.swatch(row.X+16, row.Y+(row.H-26)/2, 26, parseColour(a.Colour))
		d.fit(a.Name, row.X+56, row.Y+(row.H-sizeBody*1.2)/2, 300, sizeBody, colText, false)
		bar := layout.Rect{X: row.X + 380, Y: row.Y + 14, W: row.W - 380 - 140, H: row.H - 28}
		zero := bar.X + bar.W*(0-lo)/(hi-lo)
		x := bar.X + bar.W*(scores[i]-lo)/(hi-lo)
		d.fill(layout.Rect{X: math.Min(zero, x), Y: bar.Y, W: math.Abs(x - zero), H: bar.H}, parseColour(a.Colour))
		d.line(zero, bar.Y-6, zero, bar.Bottom()+6, 2, colMuted)
		d.textRight(fmt.Sprintf("%.2f", scores[i]), row.Right()-16, row.Y+(row.H-sizeBody*1.2)/2, sizeBody, colText, true)
	})
}

// changeColour colours a change by its direction only (blue up, orange
// down, from the Okabe–Ito palette); the arrow and sign say the same in
// text, and neither colour means good or bad.
func changeColour(d float64) color.RGBA {
	switch {
	case d > 0:
		return colAccent
	case d < 0:
		return colWarn
	}
	return colMuted
}
