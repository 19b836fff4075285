package ui

import (
	"fmt"
	"math"
	"strings"

	"github.com/sixparty/sixparty/ui/flow"
	"github.com/sixparty/sixparty/ui/layout"
)

func (g *Game) drawOrders(d *dc, b layout.Rect) {
	f := g.f
	m := f.Game.Model
	// Every cost, budget and level allowed was read on the state when it
	// or the draft last changed (flow.OrdersSheet): drawing reads them.
	sh := f.OrdersSheet()
	act := m.Scenario.Actors[f.Current]
	body := g.frame(d, b, g.actorHeader("Orders"), g.turnLabel())
	// Budget line.
	spent := sh.Spent
	budgetLine, body := body.CutTop(70)
	d.swatch(budgetLine.X, budgetLine.Y+6, 34, parseColour(act.Colour))
	budget := sh.Budget
	w := d.text(fmt.Sprintf("Political capital: %s of %s used, %s left", flow.Capital(spent), flow.Capital(budget), flow.Capital(budget-spent)), budgetLine.X+50, budgetLine.Y+4, sizeBody, colText, true)
	bar := layout.Rect{X: budgetLine.X + 50 + w + 30, Y: budgetLine.Y + 10, W: math.Min(400, budgetLine.W-w-420), H: 28}
	if bar.W > 40 {
		note := "each level shows its cost"
		if n := sh.BudgetNote; n != "" {
			note = n // a budget that changes says so
		}
		d.fit(note, bar.Right()+24, budgetLine.Y+8, budgetLine.Right()-bar.Right()-24, sizeSmall, colMuted, false)
		d.stroke(bar, 2, colLine)
		frac := 0.0
		if budget > 0 {
			frac = math.Min(1, spent/budget)
		}
		d.fill(layout.Rect{X: bar.X, Y: bar.Y, W: bar.W * frac, H: bar.H}, colAccent)
	}
	left, right := body.CutLeft(body.W * 0.6)
	left.X += 36
	left.W -= 66
	// The whole order set with its cost, and capital left unspent.
	injected := sh.Injected
	sumH := sizeSmall*2.7 + 10
	if len(injected) > 0 {
		sumH += sizeSmall * 1.35
	}
	left, sum := left.CutBottom(sumH)
	if len(injected) > 0 {
		d.fit("The facilitator injected this turn: "+strings.Join(injected, ", ")+" (see the briefing).", sum.X, sum.Bottom()-sizeSmall*1.3, sum.W, sizeSmall, colYellow, false)
	}
	summary, warning := sh.Summary, sh.Warning
	d.fit(summary, sum.X, sum.Y+10, sum.W, sizeSmall, colText, true)
	if warning != "" {
		d.fit("Note: "+warning, sum.X, sum.Y+10+sizeSmall*1.35, sum.W, sizeSmall, colWarn, false)
	}
	rowH := 112.0
	g.rows(d, left, len(sh.Rows), rowH, f.Cursor(), f.Scene() == flow.Orders, func(i int, row layout.Rect) {
		r := sh.Rows[i]
		d.fit(r.Name, row.X+20, row.Y+10, row.W-40, sizeBody, colText, true)
		x := row.X + 20
		cy := row.Y + 56
		for lvl, c := range r.Chips {
			label := c.Label
			cw := measure(label, sizeSmall, false) + 28
			chip := layout.Rect{X: x, Y: cy, W: cw, H: 46}
			switch {
			case c.Chosen:
				d.fill(chip, colAccent)
				d.text(label, x+14, cy+8, sizeSmall, colBG, true)
			case c.Refused:
				d.stroke(chip, 2, colLine)
				d.text(label, x+14, cy+8, sizeSmall, colDisabled, false)
			default:
				d.stroke(chip, 2, colMuted)
				d.text(label, x+14, cy+8, sizeSmall, colText, false)
			}
			if f.Scene() == flow.Orders {
				d.hit(chip, flow.Input{Action: flow.SetLevel, Item: i, Value: lvl})
			}
			x += cw + 12
		}
		if !r.Available {
			uw := measure("Unavailable", sizeSmall, true)
			d.text("Unavailable", row.Right()-20-uw, row.Y+12, sizeSmall, colWarn, true) // why: in the detail panel
		}
	})
	if len(sh.Rows) == 0 {
		d.text("This actor has no levers.", left.X, left.Y, sizeBody, colMuted, false)
		return
	}
	// The selected lever in detail.
	d.panel(right)
	in := right.Inset(26)
	l := sh.Detail
	y := in.Y
	y += d.para(l.Name, layout.Rect{X: in.X, Y: y, W: in.W, H: 120}, sizeHead, colAccent, true) + 8
	if l.Unavailable != "" {
		y += d.para("Unavailable now: "+l.Unavailable, layout.Rect{X: in.X, Y: y, W: in.W, H: 120}, sizeBody, colWarn, true) + 8
	}
	if l.Description != "" {
		y += d.para(l.Description, layout.Rect{X: in.X, Y: y, W: in.W, H: 200}, sizeBody, colText, false) + 12
	}
	for _, n := range l.CostNotes { // a cost read on the state
		y += d.para(n+".", layout.Rect{X: in.X, Y: y, W: in.W, H: 120}, sizeSmall, colMuted, false) + 8
	}
	d.text("What it does", in.X, y, sizeBody, colText, true)
	y += sizeBody * 1.5
	for _, line := range l.Effects {
		if y > in.Bottom()-sizeSmall*2 {
			break
		}
		y += d.para(line, layout.Rect{X: in.X, Y: y, W: in.W, H: in.Bottom() - y}, sizeSmall, colText, false) + 6
	}
	// What it does at the level drafted (or the first), played out from
	// the seat's own estimates.
	if effects := l.Forecast; len(effects) > 0 && y < in.Bottom()-sizeSmall*3 {
		y += 10
		y += d.para(l.ForecastHead, layout.Rect{X: in.X, Y: y, W: in.W, H: sizeSmall * 1.3 * 2}, sizeSmall, colText, true) + 4
		for k, e := range effects {
			if k == 5 || y > in.Bottom()-sizeSmall*1.4 {
				d.fit(fmt.Sprintf("… and %d more (T for the full text)", len(effects)-k), in.X, y, in.W, sizeSmall, colMuted, false)
				y += sizeSmall * 1.35
				for _, e := range effects[k:] {
					d.log.add(e, false) // in the text view only
				}
				break
			}
			y += d.para(e, layout.Rect{X: in.X, Y: y, W: in.W, H: sizeSmall * 1.3 * 2}, sizeSmall, colText, false) + 2
		}
	}
	if l.Source != "" && y < in.Bottom()-sizeSmall*2.6 {
		y += 12
		d.para("Source: "+l.Source, layout.Rect{X: in.X, Y: y, W: in.W, H: in.Bottom() - y}, sizeSmall, colMuted, false)
	}
}
