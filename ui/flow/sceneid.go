package flow

// SceneID names a kind of screen: every Scene has one, and the help line,
// the screenshots and the tests refer to screens by it.
type SceneID int

// The scenes.
const (
	Title        SceneID = iota // the title and main menu
	Setup                       // scenario, seats and seed
	Briefing                    // the turn's date and events
	Handover                    // pass the machine to the next player
	Choice                      // an event asks the current actor to choose
	Orders                      // the current actor sets its levers
	Adjudication                // orders revealed, then the turn's changes
	Report                      // the largest changes with their causes
	Why                         // why one indicator moved, and its chart
	Dashboard                   // every indicator the viewer may see
	Map                         // the map with the actors and their flows
	End                         // outcome, scores, timeline and charts
	Facilitator                 // the facilitator's controls: adjust an indicator, inject an event
	Forecast                    // the what-if forecast of the draft orders
	Branching                   // pick a turn and name a branch of the game
	Comparison                  // the game side by side with a branch or the counterfactual
	Reading                     // everything the screen under it shows, as text
	Confirming                  // a question before something that cannot be undone
	Thinking                    // the computer players deciding their orders
	numScenes
)

var sceneNames = []string{
	Title: "title", Setup: "setup", Briefing: "briefing", Handover: "handover",
	Choice: "choice", Orders: "orders", Adjudication: "adjudication", Report: "report",
	Why: "why", Dashboard: "dashboard", Map: "map", End: "end",
	Facilitator: "facilitator", Forecast: "forecast", Branching: "branch", Comparison: "compare",
	Reading: "read", Confirming: "confirm", Thinking: "thinking",
}

// String names the scene (used in screenshot file names).
func (s SceneID) String() string {
	if s >= 0 && int(s) < len(sceneNames) {
		return sceneNames[s]
	}
	return "scene?"
}

// NewSceneID returns a new kind of scene named name (the name of its
// screenshots), for scenes added beside these in files of their own: call
// it in a package-level var declaration, as in
//
//	var Console = NewSceneID("console")
//
// Package-level initialisation runs on one goroutine, so IDs never race.
func NewSceneID(name string) SceneID {
	sceneNames = append(sceneNames, name)
	return SceneID(len(sceneNames) - 1)
}
