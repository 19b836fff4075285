package ui

import (
	"github.com/sixparty/sixparty/ui/flow"
	"github.com/sixparty/sixparty/ui/layout"
)

// drawFunc draws one kind of scene into the window's bounds b.
type drawFunc func(g *Game, d *dc, b layout.Rect)

// views draws each kind of scene of package flow: one file per scene here
// (title.go, orders.go, why.go, ...), as there. A file that adds a scene
// adds its drawing in an init function of its own.
var views = map[flow.SceneID]drawFunc{
	flow.Title:        (*Game).drawTitle,
	flow.Setup:        (*Game).drawSetup,
	flow.Briefing:     (*Game).drawBriefing,
	flow.Handover:     (*Game).drawHandover,
	flow.Choice:       (*Game).drawChoiceScene,
	flow.Orders:       (*Game).drawOrders,
	flow.Forecast:     (*Game).drawForecast,
	flow.Branching:    (*Game).drawBranching,
	flow.Comparison:   (*Game).drawComparison,
	flow.Adjudication: (*Game).drawAdjudication,
	flow.Report:       (*Game).drawReport,
	flow.Why:          (*Game).drawWhy,
	flow.Dashboard:    (*Game).drawDashboard,
	flow.Map:          (*Game).drawMapScene,
	flow.End:          (*Game).drawEnd,
	flow.Facilitator:  (*Game).drawFacilitator,
	flow.Reading:      (*Game).drawRead,
	flow.Confirming:   (*Game).drawConfirm,
	flow.Thinking:     (*Game).drawThinking,
}

// drawScene draws the scene shown (nothing for a scene with no drawing).
func (g *Game) drawScene(d *dc, b layout.Rect) {
	if draw := views[g.f.Scene()]; draw != nil {
		draw(g, d, b)
	}
}
