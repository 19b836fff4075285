package flow

// Action is a named thing a player can do. The window maps keys and mouse
// clicks onto actions; nothing in the game reads keys directly.
type Action int

// The actions.
const (
	None          Action = iota
	Up                   // move the selection up
	Down                 // move the selection down
	Left                 // lower the selected value (a lever's level, a seat)
	Right                // raise the selected value
	Confirm              // accept: start, submit, go on
	Back                 // leave the current view, or go back a step
	Select               // select row Item (a mouse click)
	SetLevel             // set lever row Item to level Value (a mouse click)
	OpenDashboard        // open the dashboard of the indicators
	OpenMap              // open the map
	ToggleBriefs         // show every actor's brief
	AskWhy               // explain why the selected indicator moved
	Save                 // save the game
	Load                 // load the saved game
	Autosave             // continue from the autosave
	EndGame              // end the game here and show the end screen
	Type                 // type Rune into the selected text field
	Erase                // erase the last character of the selected text field
	PageNext             // next page of a paged screen
	PagePrev             // previous page
	Fullscreen           // toggle full screen (handled by the window)
	Quit                 // leave the program
	Facilitate           // open the facilitator's controls (pause, adjust, inject)
	WhatIf               // forecast the draft orders (what if?)
	Branch               // branch the game from a turn of it
	Compare              // compare the game with a branch or the counterfactual
	ToFirst              // the first row
	ToLast               // the last row
	FullText             // read everything on the screen as text, nothing cut
	Downstream           // what did my lever change? (the downstream view)
	Tour                 // the guided first turn, again
	numActions
)

var actionNames = [...]string{
	None: "none", Up: "up", Down: "down", Left: "less", Right: "more",
	Confirm: "continue", Back: "back", Select: "select", SetLevel: "set level",
	OpenDashboard: "dashboard", OpenMap: "map", ToggleBriefs: "briefs", AskWhy: "why?",
	Save: "save", Load: "load", Autosave: "autosave", EndGame: "end game",
	Type: "type", Erase: "erase", PageNext: "next page", PagePrev: "previous page",
	Fullscreen: "full screen", Quit: "quit", Facilitate: "facilitator",
	WhatIf: "what if?", Branch: "branch", Compare: "compare",
	ToFirst: "first", ToLast: "last", FullText: "full text", Downstream: "what did it change?", Tour: "guided tour",
}

// String names the action as the help line shows it.
func (a Action) String() string {
	if a >= 0 && a < numActions {
		return actionNames[a]
	}
	return "action?"
}

// Input is one action with its arguments: the row for Select and
// SetLevel, the level for SetLevel, the character for Type.
type Input struct {
	Action Action
	Item   int
	Value  int
	Rune   rune
}

// Do is shorthand for an Input of an action with no arguments.
func Do(a Action) Input { return Input{Action: a} }
