// Package sim is the sixparty engine: the scenario model, the game state,
// orders, turn resolution, the ledger of every change, fog of war and
// outcomes.
//
// It knows no country, lever or variable: everything that is a rule of the
// game comes from a Scenario, which the scenarios package loads from YAML.
// The package does no I/O and imports neither Ebitengine nor YAML.
//
// The flow is: build a Scenario (usually with scenarios.Load), Compile it
// into a Model, start a Game with NewGame and a seed, then each turn read
// the briefing (Game.Briefing), collect every actor's Orders, and call
// Game.Play. Every change lands in the Ledger with its cause; Game.Why
// answers "why did this variable move on turn N?".
package sim
