package sim

// The types in this file are a scenario as its author wrote it. The
// scenarios package fills them from YAML (the yaml tags name the fields of
// the format; the doc tags are the format reference, which docs/ and the
// JSON schema are generated from). Compile checks them and turns them into
// a Model.

// FormatVersion is the scenario format version this engine reads.
const FormatVersion = 1

// Scenario is a whole scenario definition.
type Scenario struct {
	Format   int       `yaml:"format" doc:"Format version of the file; must be 1."`
	Meta     Meta      `yaml:"meta" doc:"Title, dates and defaults of the scenario."`
	Actors   []Actor   `yaml:"actors" doc:"The sides that give orders, in the order they are shown."`
	Vars     []Var     `yaml:"variables" doc:"The state of the world: every number the rules read and write."`
	Levers   []Lever   `yaml:"levers" doc:"The policy levers actors pull each turn."`
	Rules    []Rule    `yaml:"rules" doc:"Per-turn dynamics, applied in the order written after all lever and event effects."`
	Events   []Event   `yaml:"events" doc:"Injects: scheduled or conditional events, with narrative, effects and optional choices."`
	Outcomes []Outcome `yaml:"outcomes" doc:"End conditions, checked in order after each turn; one without 'when' ends the game at the turn limit."`
	Checks   []Check   `yaml:"checks" doc:"Balance checks that 'sixparty check' measures over many computer-played games."`
	Params   []*Param  `yaml:"parameters" doc:"Declared uncertain coefficients: named numbers with a stated value, a plausible range and a source for that range. Formulas read them by id, like variables; a game plays at the stated values or with values drawn from the ranges."`

	Strategies     []*Strategy `yaml:"strategies" doc:"Named strategies: orders tracks for some actors (the rest computer-played), which 'sixparty compare' and the end screen play against each other."`
	Counterfactual string      `yaml:"counterfactual" doc:"Id of the strategy the end screen compares a game with (for example the policy the scenario's argument rejects)."`

	// Hash identifies the exact source text; the loader sets it. Game
	// records carry it so that a record is never replayed on another
	// version of the scenario.
	Hash string `yaml:"-"`
	// Pos is where the scenario starts (its file).
	Pos Pos `yaml:"-"`
	// FieldPos maps each field's YAML name to where its value is written;
	// the other types' FieldPos fields mean the same. Sequence items of
	// scalars are keyed as name[i].
	FieldPos map[string]Pos `yaml:"-"`
}

// Meta describes the scenario as a whole.
type Meta struct {
	ID      string   `yaml:"id" doc:"Short identifier, lower case, used in saved games."`
	Title   string   `yaml:"title" doc:"Title shown to players."`
	Summary string   `yaml:"summary" doc:"A paragraph introducing the scenario."`
	Sources []string `yaml:"sources" doc:"Where the scenario's facts and arguments come from."`
	Start   string   `yaml:"start" doc:"Date of the first turn, as YYYY-MM (for example 2017-10)."`
	Step    string   `yaml:"step" doc:"Length of a turn: month, quarter or year." default:"quarter"`
	Turns   int      `yaml:"turns" doc:"Number of turns before the game ends in the outcome without 'when'; at most 400."`
	Seed    uint64   `yaml:"seed" doc:"Default random seed."`
	// Map is the map's frame, when given.
	Map      []float64      `yaml:"map" doc:"The region the map shows, as [west, south, east, north] in degrees (for example [30, 10, 65, 38] for the Gulf); if absent, the box around the actors' capitals."`
	Pos      Pos            `yaml:"-"`
	FieldPos map[string]Pos `yaml:"-"`
}

// Actor is one side of the game.
type Actor struct {
	ID     string  `yaml:"id" doc:"Identifier, used as the prefix of the actor's levers and variables (for example 'us')."`
	Name   string  `yaml:"name" doc:"Name shown to players."`
	Colour string  `yaml:"colour" doc:"Display colour as #rrggbb."`
	Budget float64 `yaml:"budget" doc:"Political capital per turn: the total cost of the actor's lever levels may not exceed it."`
	// BudgetFormula makes the budget depend on the state.
	BudgetFormula Expr           `yaml:"budget_formula" doc:"A number expression of the state at the start of the turn that gives the actor's budget for the turn (for example \"2 + e3.support / 25\"), held between 0 and 'budget', which stays the most it can be. It is shown to the actor, so it may read only variables the actor sees exactly, and no parameter; it draws no random number."`
	Brief         string         `yaml:"brief" doc:"The actor's role, interests and fears, shown to whoever plays it."`
	Capital       *Place         `yaml:"capital" doc:"Where the actor is drawn on the map."`
	Objectives    []Objective    `yaml:"objectives" doc:"What the actor is scored on: the weighted sum of these expressions at the end of the game."`
	Doctrine      Doctrine       `yaml:"doctrine" doc:"How the computer plays this actor."`
	Pos           Pos            `yaml:"-"`
	FieldPos      map[string]Pos `yaml:"-"`
}

// Place is a point on the map.
type Place struct {
	Name     string         `yaml:"name" doc:"Name of the place (for example the capital)."`
	Lon      float64        `yaml:"lon" doc:"Longitude in degrees east."`
	Lat      float64        `yaml:"lat" doc:"Latitude in degrees north."`
	Pos      Pos            `yaml:"-"`
	FieldPos map[string]Pos `yaml:"-"`
}

// Objective is one scored aim of an actor.
type Objective struct {
	ID     string  `yaml:"id" doc:"Identifier, unique within the actor."`
	Name   string  `yaml:"name" doc:"What the objective means, in words."`
	Score  Expr    `yaml:"score" doc:"Number expression over the state; higher is better for the actor."`
	Weight float64 `yaml:"weight" doc:"Weight of this objective in the actor's score." default:"1"`
	// Accumulate makes the objective a running total: its value is the
	// sum of the score expression after every turn played.
	Accumulate bool           `yaml:"accumulate" doc:"Count the objective after every turn played: its value is the running total of 'score' over the turns, so a game that ends early scores fewer turns."`
	Pos        Pos            `yaml:"-"`
	FieldPos   map[string]Pos `yaml:"-"`
}

// Doctrine steers the computer player of an actor.
type Doctrine struct {
	Weights  map[string]float64 `yaml:"weights" doc:"Weight per objective id for the computer player; objectives not listed keep their scoring weight."`
	Risk     float64            `yaml:"risk" doc:"Risk appetite from 0 (cautious) to 1 (bold). An actor without a 'doctrine' plays at 0." default:"0.5"`
	Pos      Pos                `yaml:"-"`
	FieldPos map[string]Pos     `yaml:"-"`
}

// Var is one variable of the state.
type Var struct {
	ID          string   `yaml:"id" doc:"Identifier, as 'owner.name' or 'name' (for example econ.reserves); expressions refer to it by this name."`
	Name        string   `yaml:"name" doc:"Name shown to players."`
	Unit        string   `yaml:"unit" doc:"Unit shown after values; it should read after a number (for example 'US$ bn', 'points', '% of GDP': a unit starting with % follows the number without a space). Say a scale such as 0 to 100 in the description, not here."`
	Description string   `yaml:"description" doc:"What the number means and where its starting value comes from."`
	Group       string   `yaml:"group" doc:"Dashboard group the variable is shown in."`
	Init        float64  `yaml:"init" doc:"Value at the start of the game."`
	Min         *float64 `yaml:"min" doc:"Lower bound; values below it are raised to it (the ledger records the correction)."`
	Max         *float64 `yaml:"max" doc:"Upper bound; values above it are lowered to it."`
	Owner       string   `yaml:"owner" doc:"Actor the variable belongs to, if any."`
	Visible     []string `yaml:"visible" doc:"Actors that see the exact value; if absent, everyone does. Others see an estimate."`
	Noise       float64  `yaml:"noise" doc:"Standard deviation of the estimate seen by actors not in 'visible'; only for a variable some actors do not see."`
	// SeenBy gives, per observing actor id, the standard deviation of
	// that actor's estimate, as a number expression read on the state
	// being viewed; actors not listed use Noise.
	SeenBy   map[string]Expr `yaml:"seen_by" doc:"Noise per observing actor: actor id, then the standard deviation of that actor's estimate as a number expression read on the state seen (for example \"4 / (1 + us.isr)\", which an intelligence effort narrows); 0 or below means that actor sees the value exactly. Actors not listed see it with 'noise'. It draws no random number. Only for a variable with 'visible'."`
	Format   string          `yaml:"format" doc:"How values are printed, as a Go fmt verb (for example %.1f)." default:"%.1f"`
	Source   string          `yaml:"source" doc:"Where the starting value comes from."`
	Pos      Pos             `yaml:"-"`
	FieldPos map[string]Pos  `yaml:"-"`
}

// Lever is a policy an actor sets to a level each turn.
type Lever struct {
	ID           string   `yaml:"id" doc:"Identifier (for example gov.sanctions); expressions read its level by this name (the level ordered in the turn being resolved; in 'requires', last turn's: see Expressions)."`
	Actor        string   `yaml:"actor" doc:"Actor who pulls the lever."`
	Name         string   `yaml:"name" doc:"Name shown to players."`
	Description  string   `yaml:"description" doc:"What the lever does, in words, shown on the orders screen."`
	Levels       []string `yaml:"levels" doc:"Identifiers of the levels, from 0 (usually off) upwards; each different. Orders, records and level_requires use them."`
	Labels       []string `yaml:"labels" doc:"Names of the levels shown to players, one per level and each different (for example [None, Campaign, Sanction users]); if absent, each level's identifier with its underscores read as spaces."`
	Cost         []Expr   `yaml:"cost" doc:"Political capital each level costs per turn, one per level: a number (none above the actor's budget), or, for a level above the first, a number expression of the state at the start of the turn (for example \"2 + hormuz.risk / 50\"; read like 'requires'), which must come out 0 or more and draws no random number."`
	Requires     Expr     `yaml:"requires" doc:"Condition that must hold at the start of the turn to set the lever above level 0; a lever's id in it reads the level ordered last turn. It draws no random number."`
	RequiresText string   `yaml:"requires_text" doc:"The condition in words, shown when the lever is unavailable."`
	// LevelRequires gates levels above the first by conditions of their own.
	LevelRequires map[string]Expr `yaml:"level_requires" doc:"Conditions per level, by level identifier (as in levels, not labels): the level, and every level above it, may be ordered only while the condition holds at the start of the turn (read like 'requires'). For example {deploy: \"tension >= 60\"}."`
	Effects       []Effect        `yaml:"effects" doc:"Changes the lever makes while above level 0."`
	Source        string          `yaml:"source" doc:"The argument or fact the lever stands on."`
	Pos           Pos             `yaml:"-"`
	FieldPos      map[string]Pos  `yaml:"-"`
}

// Effect is a change to one variable made by a lever or an event.
type Effect struct {
	Target   string         `yaml:"target" doc:"Variable changed."`
	Change   Expr           `yaml:"change" doc:"Number expression for the change per turn; 'level' is the lever's level (or 1 for events). Evaluated on the start-of-turn state."`
	Delay    int            `yaml:"delay" doc:"Turns before the effect starts (0 = this turn)."`
	Lasts    int            `yaml:"lasts" doc:"Turns the effect keeps applying; at least 1." default:"1"`
	Note     string         `yaml:"note" doc:"The effect in words, for the handbook and the orders screen."`
	Pos      Pos            `yaml:"-"`
	FieldPos map[string]Pos `yaml:"-"`
}

// Rule is a per-turn dynamic of the model.
type Rule struct {
	ID       string         `yaml:"id" doc:"Identifier of the rule, shown as the cause in the ledger."`
	Name     string         `yaml:"name" doc:"What the rule models, in words."`
	Target   string         `yaml:"target" doc:"Variable the rule changes."`
	Change   Expr           `yaml:"change" doc:"Number expression added to the target each turn (give this or 'set')."`
	Set      Expr           `yaml:"set" doc:"Number expression that replaces the target each turn (give this or 'change')."`
	When     Expr           `yaml:"when" doc:"Condition; the rule applies only on turns when it holds."`
	Source   string         `yaml:"source" doc:"The argument or fact the rule stands on."`
	Pos      Pos            `yaml:"-"`
	FieldPos map[string]Pos `yaml:"-"`
}

// Event is an inject: something that happens at the start of a turn.
type Event struct {
	ID      string   `yaml:"id" doc:"Identifier of the event."`
	Name    string   `yaml:"name" doc:"Headline shown to players."`
	Text    string   `yaml:"text" doc:"Narrative shown in the briefing."`
	Turn    int      `yaml:"turn" doc:"Turn on which a scheduled event fires (1 = first turn); leave it out for an event with only a 'when'. With a 'when' too, the event fires on that turn only if the condition held at the end of the turn before."`
	When    Expr     `yaml:"when" doc:"Condition for a conditional event, checked at the end of each turn for the next; in it 'turn' is the turn just played (0 before the first)."`
	Chance  Expr     `yaml:"chance" doc:"Probability (0 to 1, an expression) that a conditional event fires when its condition holds." default:"1"`
	Repeat  bool     `yaml:"repeat" doc:"Whether the event may fire more than once."`
	Effects []Effect `yaml:"effects" doc:"Changes the event makes."`
	Choice  *Choice  `yaml:"choice" doc:"A decision the event asks of one actor."`
	Source  string   `yaml:"source" doc:"The fact the event stands on."`
	// Expected is "rare" for an event meant to be rare.
	Expected string         `yaml:"expected" doc:"'rare' for an event meant to be rare: 'validate' does not warn that computer players never caused it, provided random legal orders do (it plays more of those to find out)."`
	Pos      Pos            `yaml:"-"`
	FieldPos map[string]Pos `yaml:"-"`
}

// Choice is a decision an event asks of one actor.
type Choice struct {
	Actor string `yaml:"actor" doc:"Actor who decides."`
	// With lists the actors who must agree: a joint decision.
	With     []string       `yaml:"with" doc:"Actors who must agree, for a joint decision: each answers too (choice key 'event/actor'), and the option 'actor' picks is taken only if every one of them picks the same; otherwise the first option (the default: no agreement) is."`
	Prompt   string         `yaml:"prompt" doc:"The question put to the actor."`
	Options  []Option       `yaml:"options" doc:"The possible answers; the first is the default."`
	Pos      Pos            `yaml:"-"`
	FieldPos map[string]Pos `yaml:"-"`
}

// Option is one answer to a Choice.
type Option struct {
	ID       string         `yaml:"id" doc:"Identifier of the option."`
	Text     string         `yaml:"text" doc:"The option in words."`
	Effects  []Effect       `yaml:"effects" doc:"Changes the option makes."`
	Weight   float64        `yaml:"weight" doc:"Relative likelihood that a computer-played actor picks it." default:"1"`
	Binds    []Bind         `yaml:"binds" doc:"Commitments the option makes: levers capped at a level for some turns (see Bind)."`
	Pos      Pos            `yaml:"-"`
	FieldPos map[string]Pos `yaml:"-"`
}

// Outcome is a way the game can end.
type Outcome struct {
	ID   string `yaml:"id" doc:"Identifier of the outcome."`
	Name string `yaml:"name" doc:"Headline shown at the end."`
	When Expr   `yaml:"when" doc:"Condition that ends the game after a turn; absent for the outcome of the turn limit."`
	Text string `yaml:"text" doc:"Narrative shown at the end."`
	// Expected is "rare" for an outcome meant to be rare (a deterrent).
	Expected string `yaml:"expected" doc:"'rare' for an outcome meant to be rare, such as a deterrent: 'validate' does not warn that computer players never reached it, provided random legal orders do (it plays more of those to find out)."`
	// Score is the payoff of the outcome per actor id.
	Score    map[string]float64 `yaml:"score" doc:"Payoff per actor id: a number added to the actor's score when the game ends in this outcome (for example {iran: -40, us: -10})."`
	Pos      Pos                `yaml:"-"`
	FieldPos map[string]Pos     `yaml:"-"`
}

// Check is a balance expectation measured over many computer-played games.
type Check struct {
	Name    string    `yaml:"name" doc:"What the check is for, in words."`
	Outcome string    `yaml:"outcome" doc:"Outcome whose share of games is measured (give this or 'expect')."`
	Expect  Expr      `yaml:"expect" doc:"Condition whose share of games is measured at 'turn' (give this or 'outcome')."`
	Turn    int       `yaml:"turn" doc:"Turn after which 'expect' is evaluated; 0 means the end of the game."`
	Share   []float64 `yaml:"share" doc:"Allowed share of games as [low, high], each from 0 to 1."`
	Games   int       `yaml:"games" doc:"Number of seeded games to play; at least 1." default:"200"`
	// Difficulty is the difficulty the check was written for.
	Difficulty string         `yaml:"difficulty" doc:"The difficulty the computer players play the check's games at: easy, normal or hard ('sixparty check' uses it unless told otherwise)." default:"easy"`
	Pos        Pos            `yaml:"-"`
	FieldPos   map[string]Pos `yaml:"-"`
}

// Param is a declared uncertain coefficient (scenario 'parameters:'):
// a number the scenario's verdict may hinge on, with the value the
// scenario states, the range an honest reader could defend, and where
// that range comes from. Formulas read it by its id, like a variable; it
// holds one value for a whole game.
type Param struct {
	ID          string `yaml:"id" doc:"Identifier (lower-case letters, digits and underscores, no dot); expressions read the parameter by this name."`
	Name        string `yaml:"name" doc:"Name shown to players and in reports."`
	Unit        string `yaml:"unit" doc:"Unit of the value (for example 'points per point of denial')."`
	Source      string `yaml:"source" doc:"Where the range comes from: a citation, or the word 'judgement' for the author's own estimate."`
	Description string `yaml:"description" doc:"What the coefficient means and what a higher value says about the world."`
	// Value is the stated value, the one every game plays at unless the
	// parameters are drawn.
	Value float64 `yaml:"value" doc:"The stated value: games play at it unless parameters are drawn. Must lie within 'range'."`
	// Range is the range as written ([lo, hi]); Compile copies it into Lo
	// and Hi. A Param built in Go may leave it nil and set Lo and Hi.
	Range []float64 `yaml:"range" doc:"The plausible range as [low, high], with low below high; drawn values fall within it."`
	// Lo and Hi are the range's ends.
	Lo float64 `yaml:"-"`
	Hi float64 `yaml:"-"`
	// Dist is how drawn values are spread over the range: "uniform" (the
	// default), "triangular" (with its mode at Value) or "normal" (mean
	// Value, standard deviation SD, truncated to the range).
	Dist string `yaml:"dist" doc:"How values are drawn from the range: uniform, triangular (mode at 'value') or normal (mean 'value', standard deviation 'sd', truncated to the range)." default:"uniform"`
	// SD is the standard deviation of a normal distribution.
	SD       float64        `yaml:"sd" doc:"Standard deviation of a normal 'dist'; only with dist: normal, and above 0."`
	Pos      Pos            `yaml:"-"`
	FieldPos map[string]Pos `yaml:"-"`
}

// Strategy is a named way of playing some of the actors (scenario
// 'strategies:'): an orders track for the actors it lists, and seat
// settings for others; actors it does not mention are computer-played at
// the default difficulty. The scenarios package reads and checks the
// orders track; what a strategy means in play is the options package's.
type Strategy struct {
	ID          string `yaml:"id" doc:"Identifier (lower-case letters, digits, underscores and dashes)."`
	Name        string `yaml:"name" doc:"Name shown in comparisons."`
	Description string `yaml:"description" doc:"The strategy in words: what its advocate would do and why."`
	// Orders is the orders track's path as written, relative to the
	// scenario's file (for a built-in scenario, a built-in file).
	Orders string `yaml:"orders" doc:"The orders track (the format of an orders file, as 'sixparty run --orders' reads), relative to the scenario's file."`
	// Seats maps an actor id to a seat setting such as "computer:hard".
	Seats map[string]string `yaml:"seats" doc:"Seat settings by actor id, as computer:easy, computer:normal or computer:hard, for actors the orders track does not script; actors neither listed here nor in the track are computer-played at the default difficulty."`
	// TrackFile and Track are the orders track's file name (for error
	// positions) and text, as the loader found and read them; Track is
	// nil for a strategy without orders, or one not loaded by package
	// scenarios.
	TrackFile string         `yaml:"-"`
	Track     []byte         `yaml:"-"`
	Pos       Pos            `yaml:"-"`
	FieldPos  map[string]Pos `yaml:"-"`
}

// Expr is an expression in a scenario, in the language of
// github.com/expr-lang/expr, with where it was written.
type Expr struct {
	Src string
	// Pos is where the expression's first character is in the file.
	Pos Pos
	// Indent is the column that continuation lines of a multi-line
	// expression start at, so that an error inside the expression can be
	// placed on the right line and column.
	Indent int
	// At, when not nil, holds the file position of each rune of Src, for
	// an expression whose text is not the file's text from Pos on: one
	// written as a folded or literal block, a quoted or plain scalar over
	// several lines, or a quoted one with escapes ('' or \").
	At []Pos `json:"-" yaml:"-"`
}

// IsZero reports whether the expression was left out.
func (e Expr) IsZero() bool { return e.Src == "" }

// PosAt returns the file position of the rune at offset off of Src.
func (e Expr) PosAt(off int) Pos {
	p := e.Pos
	if !p.IsValid() {
		return p
	}
	if n := len(e.At); n > 0 {
		switch {
		case off < 0:
			return e.At[0]
		case off < n:
			return e.At[off]
		}
		// Past the end: just after the last rune.
		p = e.At[n-1]
		p.Col++
		return p
	}
	i := 0
	for _, r := range e.Src {
		if i == off {
			break
		}
		if r == '\n' {
			p.Line++
			p.Col = e.Indent
			if p.Col == 0 {
				p.Col = 1
			}
		} else {
			p.Col++
		}
		i++
	}
	return p
}

// ApplyDefaults gives every field of s that was left out the default its
// doc tag names (the format reference lists them), changing s; Compile
// calls it, so it is the one place defaults are applied. A field counts as
// left out when its struct's FieldPos does not name it, or, for a struct
// without FieldPos (built in Go rather than read from a file), when it
// holds its zero value. A value written in the file, even a zero, is kept
// for Compile to check: 'lasts: 0' is a mistake, not the default.
//
// A missing 'chance' is not filled in: an event without one fires
// whenever its condition holds, as with a chance of 1.
func ApplyDefaults(s *Scenario) {
	if absent(s.Meta.FieldPos, "step", s.Meta.Step == "") {
		s.Meta.Step = "quarter"
	}
	for i := range s.Actors {
		a := &s.Actors[i]
		for j := range a.Objectives {
			o := &a.Objectives[j]
			if absent(o.FieldPos, "weight", o.Weight == 0) {
				o.Weight = 1
			}
		}
		if hasDoctrine(a) && absent(a.Doctrine.FieldPos, "risk", a.Doctrine.Risk == 0) {
			a.Doctrine.Risk = 0.5
		}
	}
	for i := range s.Vars {
		v := &s.Vars[i]
		if absent(v.FieldPos, "format", v.Format == "") {
			v.Format = "%.1f"
		}
	}
	effects := func(list []Effect) {
		for i := range list {
			e := &list[i]
			if absent(e.FieldPos, "lasts", e.Lasts == 0) {
				e.Lasts = 1
			}
		}
	}
	for i := range s.Levers {
		effects(s.Levers[i].Effects)
	}
	for i := range s.Events {
		ev := &s.Events[i]
		effects(ev.Effects)
		if ev.Choice != nil {
			for j := range ev.Choice.Options {
				o := &ev.Choice.Options[j]
				effects(o.Effects)
				for k := range o.Binds {
					effects(o.Binds[k].Broken)
				}
				if absent(o.FieldPos, "weight", o.Weight == 0) {
					o.Weight = 1
				}
			}
		}
	}
	for _, p := range s.Params {
		if p != nil && absent(p.FieldPos, "dist", p.Dist == "") {
			p.Dist = "uniform"
		}
	}
	for i := range s.Checks {
		ck := &s.Checks[i]
		if absent(ck.FieldPos, "games", ck.Games == 0) {
			ck.Games = 200
		}
		if absent(ck.FieldPos, "difficulty", ck.Difficulty == "") {
			ck.Difficulty = "easy"
		}
	}
}

// hasDoctrine reports whether an actor has a doctrine: a 'doctrine' block
// in its file, or, built in Go, doctrine weights or a risk. An actor
// without one keeps a risk of 0, as format 1 always had it.
func hasDoctrine(a *Actor) bool {
	if a.FieldPos != nil {
		_, given := a.FieldPos["doctrine"]
		return given
	}
	return a.Doctrine.Weights != nil || a.Doctrine.Risk != 0
}

// absent reports whether a field was left out: fields (a FieldPos) does
// not name it, or, when fields is nil, its value is zero.
func absent(fields map[string]Pos, name string, zero bool) bool {
	if fields == nil {
		return zero
	}
	_, given := fields[name]
	return !given
}

// fieldPos returns where field is written, or fallback if that is unknown.
func fieldPos(fields map[string]Pos, field string, fallback Pos) Pos {
	if p, ok := fields[field]; ok {
		return p
	}
	return fallback
}
