package flow

import (
	"fmt"
	"slices"
	"strings"

	"github.com/sixparty/sixparty/sim"
)

// The window's orders, dashboard, why and end screens draw sheets: the
// values and words they show, worked out from the game (costs, budgets,
// the levels allowed, views, scores, series, causes) once, when what they
// depend on changes, and kept. The window prepares them in its Update
// (Prepare), so that its Draw only reads them. Each sheet is kept with a
// key of what it was made from (the game and its state, which every
// adjustment, injection and turn replaces; the seat and its draft; the
// table's version; the scene's indicator and turn), and made again
// whenever that key changes.

// sheets are the flow's prepared sheets and the keys they were made from.
type sheets struct {
	orders    *OrdersSheet
	ordersKey ordersKey
	dash      *DashSheet
	dashKey   viewKey
	why       *WhySheet
	whyKey    viewKey
	end       *EndSheet
	endKey    endKey
}

// Prepare makes the sheet of the scene shown (and of the orders under an
// event's choice) if what it depends on changed since it was made: the
// window calls it from Update, so that Draw finds it made.
func (f *Flow) Prepare() {
	switch f.Scene() {
	case Orders, Choice:
		if f.Game != nil {
			f.OrdersSheet()
		}
	case Dashboard:
		f.DashSheet()
	case Why:
		f.WhySheet()
	case End:
		if f.Game != nil {
			f.EndSheet()
		}
	}
}

// OrdersSheet is what the orders screen shows of the current actor's
// draft: the capital, the summary, every lever's level chips with their
// costs read on the state, and the selected lever in detail.
type OrdersSheet struct {
	// Spent and Budget are the draft's cost and the turn's capital;
	// BudgetNote says how a budget formula changes it ("" for a number).
	Spent, Budget float64
	BudgetNote    string
	// Injected names the events the facilitator injected this turn.
	Injected []string
	// Summary and Warning are the draft in words (DraftSummary).
	Summary, Warning string
	// Rows are the actor's levers in order.
	Rows []OrdersRow
	// Detail is the lever under the cursor.
	Detail OrdersDetail
}

// OrdersRow is one lever of the orders screen.
type OrdersRow struct {
	Lever     int
	Name      string
	Available bool
	Chips     []OrdersChip
}

// OrdersChip is one level of a lever: its name and cost ("some · 1"),
// whether the draft holds it, and whether the draft may not take it
// (CheckLevel refuses it).
type OrdersChip struct {
	Label   string
	Chosen  bool
	Refused bool
}

// OrdersDetail is the selected lever in detail: why it is unavailable
// ("" when it is available), its description, its costs read on the
// state, its effects with the indicators' values now, and what it does at
// the level drafted (or the first) played out from the seat's estimates.
type OrdersDetail struct {
	Name, Unavailable, Description, Source string
	CostNotes                              []string
	Effects                                []string
	// ForecastHead says the level and turns played out, "" when it shows
	// no effect; Forecast is its effects in words (LeverEffectText).
	ForecastHead string
	Forecast     []string
}

// ordersKey is what an orders sheet depends on.
type ordersKey struct {
	game                 *sim.Game
	state                *sim.State
	seat, viewer, cursor int
	levels               []int
}

func (k ordersKey) same(o ordersKey) bool {
	return k.game == o.game && k.state == o.state && k.seat == o.seat && k.viewer == o.viewer &&
		k.cursor == o.cursor && slices.Equal(k.levels, o.levels)
}

// OrdersSheet returns the orders screen's sheet for the current actor's
// draft, made again only when the game's state, the actor, its draft or
// the lever selected changed. It needs a local game.
func (f *Flow) OrdersSheet() *OrdersSheet {
	gm := f.Game
	key := ordersKey{game: gm, state: gm.State(), seat: f.Current, viewer: f.Viewer(), cursor: f.Cursor(), levels: f.Levels}
	if f.sheets.orders != nil && key.same(f.sheets.ordersKey) {
		return f.sheets.orders
	}
	key.levels = slices.Clone(f.Levels)
	f.sheets.orders, f.sheets.ordersKey = f.makeOrdersSheet(), key
	return f.sheets.orders
}

func (f *Flow) makeOrdersSheet() *OrdersSheet {
	gm := f.Game
	m := gm.Model
	s := gm.State()
	out := &OrdersSheet{Spent: f.Spent(), Budget: f.Budget(), BudgetNote: f.BudgetNote()}
	for _, iv := range Interventions(gm, gm.Turn()) {
		if iv.Var < 0 {
			out.Injected = append(out.Injected, strings.TrimPrefix(iv.Text, "Injected event: "))
		}
	}
	out.Summary, out.Warning = f.DraftSummary()
	mine := m.ActorLevers(f.Current)
	for _, li := range mine {
		l := &m.Scenario.Levers[li]
		ok, _ := m.Available(s, li)
		row := OrdersRow{Lever: li, Name: l.Name, Available: ok}
		for lvl := range l.Levels {
			row.Chips = append(row.Chips, OrdersChip{
				Label:   fmt.Sprintf("%s · %s", l.LevelName(lvl), Capital(m.CostIn(s, li, lvl))),
				Chosen:  f.Levels[li] == lvl,
				Refused: f.CheckLevel(li, lvl) != nil,
			})
		}
		out.Rows = append(out.Rows, row)
	}
	if len(mine) == 0 {
		return out
	}
	li := mine[max(0, min(f.Cursor(), len(mine)-1))]
	l := &m.Scenario.Levers[li]
	d := OrdersDetail{Name: l.Name, Description: l.Description, Source: l.Source, CostNotes: f.CostNotes(li)}
	if ok, why := m.Available(s, li); !ok {
		d.Unavailable = why
	}
	for _, e := range l.Effects {
		line := "• " + EffectText(m, e)
		if vi := m.VarIndex(e.Target); vi >= 0 {
			line += " — now " + f.Value(vi)
		}
		d.Effects = append(d.Effects, line)
	}
	lvl := max(1, f.Levels[li])
	if effects, n := f.LeverEffects(li, lvl); len(effects) > 0 {
		d.ForecastHead = fmt.Sprintf("At %q this turn, over %s (worked out from what you see):", l.LevelName(lvl), TurnsText(n))
		for _, e := range effects {
			d.Forecast = append(d.Forecast, "• "+LeverEffectText(m, e))
		}
	}
	out.Detail = d
	return out
}

// viewKey is what a dashboard or why sheet depends on: the table and its
// version, the turns played, whose view is shown, and for the why view
// its indicator, turn and kind.
type viewKey struct {
	table             Table
	version           any
	played, viewer    int
	vi, turn          int
	hidden            bool
	revelation        RevealKind
	humans, scoreSeat int
}

// tableVersion returns what changes whenever the table shown changes: a
// remote table's version, or a local game's state (which every turn,
// adjustment and injection replaces) and its turns played.
func (f *Flow) tableVersion() any {
	if f.remote != nil {
		return f.remote.Table.Version()
	}
	if f.Game != nil {
		return [2]any{f.Game.State(), len(f.Game.History())}
	}
	return nil
}

// viewKeyOf returns the key of the dashboard's and why view's sheets now.
func (f *Flow) viewKeyOf() viewKey {
	k := viewKey{table: f.Table(), version: f.tableVersion(), played: f.Played, viewer: f.Viewer(),
		revelation: f.Revelation(), humans: len(f.Humans()), scoreSeat: f.ScoreSeat()}
	if w := SceneOf[*WhyScene](f); w != nil {
		k.vi, k.turn, k.hidden = w.Var, w.Turn, w.Hidden
	}
	return k
}

// DashSheet is what the dashboard shows: its title, the seat's score
// line, and a card per indicator the viewer may see.
type DashSheet struct {
	// Title and Right are DashTitle's; Right is "" before the first turn.
	Title, Right string
	// ScoreSeat is the seat whose score ScoreLine says, -1 for none.
	ScoreSeat int
	ScoreLine string
	Cards     []DashCard
	// Viewer is whose view the cards show (Viewer), for the hint under
	// them (DashHintOf).
	Viewer int
}

// DashCard is one indicator's card: its group (in capitals), name and
// value now, whether that value is exact, how it counts for the seat's
// score, and its series so far with their range and the least span of
// its small chart.
type DashCard struct {
	Var                int
	Group, Name, Value string
	Exact              bool
	Stake              Stake
	StakeText          string
	Vals, SD           []float64
	Range              string
	Span               float64
}

// DashSheet returns the dashboard's sheet, made again only when the table
// shown or whose view it is changed.
func (f *Flow) DashSheet() *DashSheet {
	key := f.viewKeyOf()
	key.vi, key.turn, key.hidden = 0, 0, false
	if f.sheets.dash != nil && key == f.sheets.dashKey {
		return f.sheets.dash
	}
	f.sheets.dash, f.sheets.dashKey = f.makeDashSheet(), key
	return f.sheets.dash
}

func (f *Flow) makeDashSheet() *DashSheet {
	m := f.Table().Model()
	out := &DashSheet{ScoreSeat: f.ScoreSeat(), Viewer: f.Viewer()}
	out.Title, out.Right = f.DashTitle()
	var stakes []Stake
	if out.ScoreSeat >= 0 {
		out.ScoreLine = f.DashScoreLine()
		stakes = Stakes(f.Table(), out.ScoreSeat, f.Played)
	}
	for _, g := range f.DashGroups() {
		for _, vi := range g.Vars {
			c := DashCard{Var: vi, Group: strings.ToUpper(g.Name), Name: m.Scenario.Vars[vi].Name, Value: f.Value(vi),
				Exact: f.Known(vi), Range: f.SeriesRange(vi), Span: f.SparkSpan(vi)}
			if stakes != nil {
				c.Stake = stakes[vi]
				c.StakeText = StakeText(stakes[vi])
			}
			c.Vals, c.SD = f.Series(vi)
			out.Cards = append(out.Cards, c)
		}
	}
	return out
}

// The kinds of why view a WhySheet is.
const (
	// WhyCauses shows the indicator's change and its causes.
	WhyCauses = iota
	// WhyEstimate shows an estimate's basis, for an indicator the viewer
	// sees only as an estimate.
	WhyEstimate
	// WhyNotRebuilt shows an indicator of a served game revealed but not
	// rebuilt on this machine that the seat did not see exactly: its
	// estimates, the true value at the end, and no causes (WhyUnrebuilt).
	WhyNotRebuilt
)

// WhySheet is what the why view shows of its indicator and turn.
type WhySheet struct {
	Kind int
	// Title is the view's title; Right its turn and date.
	Title, Right string
	// Head is the change over the turn in a line; Description the
	// indicator's own.
	Head, Description string
	// Notes are lines said before the causes: how a revealed game's values
	// were got (WhyRevealNote), or what an estimate is based on.
	Notes []string
	// Net is the turn's whole change; Causes its causes, largest first;
	// Links the inputs they read that can be followed.
	Net    float64
	Causes []WhyCause
	Links  int
	// ChartLabel says what the chart shows; Vals and SD are its series.
	ChartLabel string
	Vals, SD   []float64
}

// WhyCause is one cause of the why view's change: its amount, signed in
// words, what it was (with "— against the turn's change" when it went the
// other way), the scenario line it came from, and the inputs of its
// formula that moved on the turn, each a line.
type WhyCause struct {
	Amount       float64
	Signed, Text string
	Plain        string
	Pos          string
	Inputs       []string
}

// WhySheet returns the why view's sheet, made again only when the table,
// the viewer, or the indicator or turn explained changed.
func (f *Flow) WhySheet() *WhySheet {
	key := f.viewKeyOf()
	if f.sheets.why != nil && key == f.sheets.whyKey {
		return f.sheets.why
	}
	f.sheets.why, f.sheets.whyKey = f.makeWhySheet(), key
	return f.sheets.why
}

func (f *Flow) makeWhySheet() *WhySheet {
	w := SceneOf[*WhyScene](f)
	out := &WhySheet{}
	if w == nil {
		return out
	}
	m := f.Table().Model()
	vi := w.Var
	v := &m.Scenario.Vars[vi]
	out.Title = "Why did " + v.Name + " move?"
	out.Right = fmt.Sprintf("Turn %d · %s", w.Turn, m.Date(w.Turn))
	out.Description = v.Description
	out.Vals, out.SD = f.Series(vi)
	switch {
	case w.Hidden:
		out.Kind = WhyEstimate
		if w.Turn >= 1 && w.Turn < len(out.Vals) {
			out.Head = fmt.Sprintf("Your estimate: %s → %s (hidden from you)", FormatValue(m, vi, out.Vals[w.Turn-1], out.SD[w.Turn-1], true), FormatValue(m, vi, out.Vals[w.Turn], out.SD[w.Turn], true))
		}
		out.Notes = f.EstimateBasis(vi)
		out.ChartLabel = v.Name + " as you estimated it each turn, with its uncertainty (the shaded turn is the one asked about)"
		return out
	case f.WhyUnrebuilt():
		out.Kind = WhyNotRebuilt
		out.Head = f.WhyUnrebuiltChange()
		out.Notes = f.WhyRevealNote()
		out.ChartLabel = v.Name + " as you estimated it each turn, and its true value at the end (the shaded turn is the one asked about)"
		return out
	}
	before, after := f.WhyChange()
	out.Net = after - before
	out.Head = fmt.Sprintf("%s → %s   (%s)", m.Format(vi, before), sim.WithUnit(m.Format(vi, after), v.Unit), Signed(m, vi, after-before))
	out.Notes = f.WhyRevealNote()
	for _, r := range f.WhyReasons() {
		e := r.Entry
		c := WhyCause{Amount: e.Amount, Signed: Signed(m, vi, e.Amount), Text: CauseText(m, e)}
		c.Plain = c.Signed + " " + c.Text
		if e.Amount*out.Net < 0 {
			c.Text += " — against the turn's change"
		}
		if e.Pos.IsValid() {
			c.Pos = "scenario line " + e.Pos.String()
		}
		for _, in := range r.Inputs {
			c.Inputs = append(c.Inputs, fmt.Sprintf("because %s moved %s: %s", m.Scenario.Vars[in.Var].Name, Signed(m, in.Var, in.Change), CauseText(m, in.Top)))
		}
		out.Links += len(c.Inputs)
		out.Causes = append(out.Causes, c)
	}
	out.ChartLabel = v.Name + " at the start of each turn (the shaded turn is the one explained)"
	return out
}

// EndSheet is what the end screen shows of the game: its length, the
// outcome, the final scores, the reviewed seats' scores, the games of the
// session and every indicator's true series.
type EndSheet struct {
	// Played is the number of turns played; Pages the end's pages; Name
	// the game's name when a branch is shown ("" for the game played).
	Played, Pages int
	Name          string
	// Headline and Text are the outcome's, or, Stopped, say the game
	// stopped before the end.
	Headline, Text string
	Stopped        bool
	// Scores are the final scores in the scenario's order, or ScoreError
	// says why there are none.
	Scores     []float64
	ScoreError string
	// Reviews are the reviewed seats' reviews in words (ReviewSeats), nil
	// for a seat with none.
	Reviews []*EndSeatReview
	// Branches are the games of the session in words (BranchLines).
	Branches []string
	// Series is each indicator's true value at the start of every turn.
	Series [][]float64
}

// EndSeatReview is one reviewed seat's end review in words: its final score
// (Head on the summary page, Title on the review page), by objective (a
// line each, without a bullet), against the computer's, and the turns that
// moved it.
type EndSeatReview struct {
	Seat           int
	Head, Title    string
	Objectives     []string
	Baseline       string
	TurningPoints  []string
	Counterfactual string
}

// endKey is what an end sheet depends on.
type endKey struct {
	game                  *sim.Game
	state                 *sim.State
	trunk                 *sim.Game
	played, onBranch, nbr int
	humans                int
}

// EndSheet returns the end screen's sheet, made again only when the game
// shown, its state or the session's branches changed. It needs a local
// game.
func (f *Flow) EndSheet() *EndSheet {
	gm := f.Game
	key := endKey{game: gm, state: gm.State(), played: len(gm.Reports()), onBranch: f.OnBranch, nbr: len(f.Branches), trunk: f.Trunk, humans: len(f.Humans())}
	if f.sheets.end != nil && key == f.sheets.endKey {
		return f.sheets.end
	}
	f.sheets.end, f.sheets.endKey = f.makeEndSheet(), key
	return f.sheets.end
}

func (f *Flow) makeEndSheet() *EndSheet {
	gm := f.Game
	m := gm.Model
	out := &EndSheet{Played: len(gm.Reports()), Pages: f.EndPages(), Branches: f.BranchLines()}
	if f.OnBranch >= 0 {
		out.Name = f.GameName()
	}
	if o := gm.Outcome(); o != nil {
		out.Headline, out.Text = o.Name, strings.TrimSpace(o.Text)
	} else {
		out.Headline, out.Text, out.Stopped = "Stopped before the end", StoppedText(out.Played, m.Scenario.Meta.Turns), true
	}
	if sc, err := gm.Scores(); err != nil {
		out.ScoreError = err.Error()
	} else {
		out.Scores = sc
	}
	for _, seat := range f.ReviewSeats() {
		rv := f.Review(seat)
		if rv == nil {
			out.Reviews = append(out.Reviews, nil)
			continue
		}
		name, total := m.Scenario.Actors[rv.Seat].Name, SignedScore(rv.Score.Total)
		r := &EndSeatReview{Seat: seat, Head: ReviewHead(name, rv.Score.Total), Title: fmt.Sprintf("%s — final score %s", name, total),
			Baseline: BaselineLine(m, rv, out.Played), TurningPoints: rv.TurningPoints, Counterfactual: rv.Counterfactual}
		for _, o := range rv.Score.Objectives {
			r.Objectives = append(r.Objectives, ObjectiveLine(o))
		}
		out.Reviews = append(out.Reviews, r)
	}
	for vi := range m.Scenario.Vars {
		out.Series = append(out.Series, TrueSeries(gm, vi))
	}
	return out
}
