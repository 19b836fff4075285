// Package flow is the front end's scene state machine: which screen is
// shown, what is selected, whose turn it is to order, and what the players
// have chosen so far. Every change comes from a named Action, so the
// keyboard, the mouse and the scripted autoplay all drive the same code,
// and the whole game can be played and tested without a window. It calls
// the engine (sim) and the computer players (sim/ai); it does not import
// the graphics library.
//
// # Tables, scenes and the manager
//
// A Flow plays at a Table: the game as its seats may see it. LocalTable is
// solo and hot-seat play with the engine in the process; a remote table (a
// seat of a game served by `sixparty serve`) implements the same interface
// from the server's messages. The scenes a team uses (briefing, orders,
// report, why, dashboard, map) read a seat's view from the table (its
// values, exact or estimated; the ledger entries it may see; the orders
// revealed) and never the whole game, so they work at both. The scenes
// that need the whole game (the facilitator's controls, the forecast,
// branches, the end's review) exist only at a local table.
//
// Each screen is a Scene: a type of its own in a file of its own
// (title.go, setup.go, briefing.go, handover.go, choice.go, orders.go,
// forecast.go, adjudication.go, report.go, why.go, dashboard.go,
// mapscene.go, end.go, facilitator.go, branch.go, compare.go) that owns
// its state and turns inputs into changes. The Flow is the scene manager:
// it shows one scene, goes from scene to scene, and opens auxiliary
// scenes over the current one, keeping the scenes under them as they were
// (see Scene). Package ui draws each kind of scene (SceneID) in a file of
// the same name.
package flow
