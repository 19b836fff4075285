// Package proto is the wire protocol between a sixparty server and its
// clients: the JSON messages a client sends over its WebSocket (Msg), the
// ones the server sends back (Out) and the views they carry, and the HTTP
// requests that create and list games. It has no dependencies beyond the
// standard library and sim's order types, so that every client (the
// command line, the window, the browser) can use it.
package proto

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/sixparty/sixparty/internal/suggest"
)

// Version is the protocol version: every message carries it in "v".
const Version = 1

// MaxMessage is the largest message, in bytes, a client may send.
const MaxMessage = 16 << 10

// The roles a link can give.
const (
	RoleSeat        = "seat"
	RoleFacilitator = "facilitator"
	RoleProjector   = "projector"
)

// Msg is a message from a client. Type says which fields it uses (see
// Types and docs/server.md). ID is the client's own number for it, echoed
// in the server's ack or error.
type Msg struct {
	V    int    `json:"v"`
	Type string `json:"type"`
	ID   int64  `json:"id,omitempty"`
	// Token is the secret of the link (hello).
	Token string `json:"token,omitempty"`
	// LastSeq is the last sequence number the client saw (hello), 0 for
	// none.
	LastSeq int64 `json:"last_seq,omitempty"`
	// Turn is the turn a command is meant for; a command for any other
	// turn is refused as stale.
	Turn int `json:"turn,omitempty"`
	// Actor is the actor a command is for: a seat may give only its own;
	// the facilitator names the seat it acts on.
	Actor string `json:"actor,omitempty"`
	// Orders are a seat's draft lever levels by lever id (draft).
	Orders map[string]int `json:"orders,omitempty"`
	// Choices are a seat's answers to its events, event id to option id
	// (draft).
	Choices map[string]string `json:"choices,omitempty"`
	// Ready says whether the seat is done with its orders (ready).
	Ready bool `json:"ready,omitempty"`
	// Channel and Text are a negotiation message (chat).
	Channel string `json:"channel,omitempty"`
	Text    string `json:"text,omitempty"`
	// Var, Value and Reason set a variable by hand (adjust); Event is
	// injected (inject).
	Var    string   `json:"var,omitempty"`
	Value  *float64 `json:"value,omitempty"`
	Reason string   `json:"reason,omitempty"`
	Event  string   `json:"event,omitempty"`
	// Seat is who plays Actor from now on (seat): "person" or
	// "computer:LEVEL"; Level is the difficulty of advice.
	Seat  string `json:"seat,omitempty"`
	Level string `json:"level,omitempty"`
	// Role is the link to reissue: an actor id, "facilitator" or
	// "projector" (reissue).
	Role string `json:"role,omitempty"`
	// Open opens (true) or closes (false) Channel (channel).
	Open *bool `json:"open,omitempty"`
	// Seconds and Policy set each turn's deadline (deadline: 0 for none;
	// policy hold, computer or wait) or extend the current one (extend).
	Seconds int    `json:"seconds,omitempty"`
	Policy  string `json:"policy,omitempty"`
}

// Types lists the message types a client may send, and who may send each:
// "any" (any link), "seat", "facilitator".
var Types = map[string]string{
	"hello":      "any",
	"ping":       "any",
	"draft":      "seat",
	"ready":      "seat",
	"advice":     "seat",
	"chat":       "seat or facilitator",
	"pause":      "facilitator",
	"resume":     "facilitator",
	"adjudicate": "facilitator",
	"adjust":     "facilitator",
	"inject":     "facilitator",
	"seat":       "facilitator",
	"reissue":    "facilitator",
	"deadline":   "facilitator",
	"extend":     "facilitator",
	"channel":    "facilitator",
}

// Decode reads one client message. It refuses a message over MaxMessage,
// anything but one JSON object of known fields, another protocol version,
// an unknown type, and a type without the fields it needs. The error says
// which, in words fit to send back.
func Decode(data []byte) (Msg, error) {
	var m Msg
	if len(data) > MaxMessage {
		return m, fmt.Errorf("message of %d bytes, the limit is %d", len(data), MaxMessage)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&m); err != nil {
		return Msg{}, fmt.Errorf("malformed message: %v", err)
	}
	if dec.More() {
		return Msg{}, errors.New("malformed message: data after the message")
	}
	if m.V != Version {
		return Msg{}, fmt.Errorf("protocol version %d, this server speaks %d", m.V, Version)
	}
	if _, ok := Types[m.Type]; !ok {
		if m.Type == "" {
			return Msg{}, errors.New(`the message has no "type"`)
		}
		return Msg{}, fmt.Errorf("unknown message type %q%s", m.Type, suggest.Hint(m.Type, slices.Sorted(maps.Keys(Types))))
	}
	need := func(ok bool, what string) error {
		if !ok {
			return fmt.Errorf("a %q message needs %s", m.Type, what)
		}
		return nil
	}
	var err error
	switch m.Type {
	case "hello":
		err = need(m.Token != "", `"token"`)
	case "draft", "ready", "adjudicate", "advice":
		err = need(m.Turn > 0, `"turn" (the turn it is for)`)
	case "chat":
		err = need(m.Channel != "" && strings.TrimSpace(m.Text) != "", `"channel" and "text"`)
	case "adjust":
		err = need(m.Var != "" && m.Value != nil, `"var" and "value"`)
	case "inject":
		err = need(m.Event != "", `"event"`)
	case "seat":
		err = need(m.Actor != "" && m.Seat != "", `"actor" and "seat"`)
	case "reissue":
		err = need(m.Role != "", `"role"`)
	case "deadline":
		err = need(m.Seconds >= 0 && m.Policy != "", `"seconds" (0 for none) and "policy"`)
	case "extend":
		err = need(m.Seconds > 0, `"seconds" (more than 0)`)
	case "channel":
		err = need(m.Channel != "" && m.Open != nil, `"channel" and "open"`)
	}
	if err != nil {
		return Msg{}, err
	}
	return m, nil
}

// Out is a message from the server. Type is one of: "welcome" (the
// client's role and first View), "view" (a new View after a change),
// "ack" (a command accepted and logged, Ref its ID, Seq its place in the
// log), "error" (a command refused: Ref, Code, Error), "advice" (a
// computer player's suggestion for the seat), "link" (a reissued link,
// to the facilitator), "pong", "redirect" (the game lives on the server
// at Addr: connect there).
type Out struct {
	V      int     `json:"v"`
	Type   string  `json:"type"`
	Ref    int64   `json:"ref,omitempty"`
	Seq    int64   `json:"seq,omitempty"`
	Code   string  `json:"code,omitempty"`
	Error  string  `json:"error,omitempty"`
	View   *View   `json:"view,omitempty"`
	Advice *Advice `json:"advice,omitempty"`
	Link   string  `json:"link,omitempty"`
	Role   string  `json:"role,omitempty"`
	Addr   string  `json:"addr,omitempty"`
	// Resumed marks a welcome after a reconnection with last_seq: its view
	// leaves out the turns and chat messages the client saw before, and
	// holds those it missed.
	Resumed bool `json:"resumed,omitempty"`
}

// Error codes of an "error" message.
const (
	CodeBad       = "bad-message" // malformed, unknown type, missing fields
	CodeAuth      = "auth"        // wrong, reissued or missing link
	CodeForbidden = "forbidden"   // a command the link's role may not give, or for another seat
	CodeStale     = "stale"       // for a turn other than the current one
	CodeRefused   = "refused"     // against the rules of the game (illegal orders, paused, over)
	CodeRate      = "rate"        // too many messages
	CodeInternal  = "internal"    // the server could not log the command
)

// View is what one client may see of a game: a seat's view through its
// fog, the projector's public view, or the facilitator's whole game.
type View struct {
	Game     string `json:"game"`
	Scenario string `json:"scenario"`
	Title    string `json:"title"`
	Role     string `json:"role"`
	// Actor is the seat's actor ("" for the facilitator and projector).
	Actor string `json:"actor,omitempty"`
	// Seq is the game log's length when the view was made.
	Seq     int64  `json:"seq"`
	Turn    int    `json:"turn"`
	Date    string `json:"date"`
	Over    bool   `json:"over,omitempty"`
	Outcome string `json:"outcome,omitempty"`
	Paused  bool   `json:"paused,omitempty"`
	// Vars is every variable the client may see, with its value as seen;
	// left out, with VarsSame, when they are those of the view before on
	// the same connection.
	Vars     []Var `json:"vars,omitempty"`
	VarsSame bool  `json:"vars_same,omitempty"`
	// Briefing lists the events of the current turn.
	Briefing []string `json:"briefing,omitempty"`
	// Draft is the seat's own draft for the current turn.
	Draft *Draft `json:"draft,omitempty"`
	// Drafts holds every seat's draft (the facilitator only).
	Drafts map[string]*Draft `json:"drafts,omitempty"`
	// Ready and Seats are public: who is done, and who plays each actor
	// ("person" or "computer:LEVEL").
	Ready map[string]bool   `json:"ready"`
	Seats map[string]string `json:"seats"`
	// Connected counts each role's open connections (the facilitator only).
	Connected map[string]int `json:"connected,omitempty"`
	// Turns are the turns played: the orders revealed and the changes the
	// client may see.
	Turns []Turn `json:"turns,omitempty"`
	// Closed lists the channels the facilitator has closed.
	Closed []string `json:"closed,omitempty"`
	// Chat holds the messages of the channels the client is in.
	Chat []Chat `json:"chat,omitempty"`
	// Deadline is the turn's deadline, when the facilitator set one.
	Deadline *Deadline `json:"deadline,omitempty"`
	// Reveal is the game's secrets, shown once it is over.
	Reveal *Reveal `json:"reveal,omitempty"`
}

// Deadline is a turn's deadline: Due in Unix milliseconds (0 while
// paused), each turn's Seconds, the Policy for seats not ready by then;
// Warning once it is near, Overdue once passed under the wait policy.
type Deadline struct {
	Due     int64  `json:"due,omitempty"`
	Seconds int    `json:"seconds"`
	Policy  string `json:"policy"`
	Warning bool   `json:"warning,omitempty"`
	Overdue bool   `json:"overdue,omitempty"`
}

// Var is one variable as a client sees it.
type Var struct {
	ID    string  `json:"id"`
	Value float64 `json:"value"`
	// Exact is false for an estimate, whose standard deviation is SD.
	Exact bool    `json:"exact,omitempty"`
	SD    float64 `json:"sd,omitempty"`
}

// Draft is a seat's orders and choices for the current turn.
type Draft struct {
	Orders  map[string]int    `json:"orders,omitempty"`
	Choices map[string]string `json:"choices,omitempty"`
	Ready   bool              `json:"ready,omitempty"`
}

// Turn is a played turn: every actor's orders, revealed together, the
// events that fired, and the ledger entries the client may see.
type Turn struct {
	Turn    int                       `json:"turn"`
	Orders  map[string]map[string]int `json:"orders"`
	Choices map[string]string         `json:"choices,omitempty"`
	Events  []string                  `json:"events,omitempty"`
	Ledger  []Change                  `json:"ledger,omitempty"`
}

// Change is a ledger entry: a variable changed by a cause. Cause says the
// cause in words; Kind, Index, Actor, Level and Option identify it in the
// scenario, as the engine's ledger does, so that a client needs no text
// matching: Kind is "lever", "rule", "event", "facilitator" or "bounds";
// Index the lever's, rule's or event's index in the scenario (the
// variable's for bounds, -1 for the facilitator); Actor the actor's index
// for a lever or an event's chooser (-1 when none); Level the lever's
// level; Option the index of the option chosen in an event (-1 when
// none). Pos is the scenario line the change came from, when known.
type Change struct {
	Var    string  `json:"var"`
	Amount float64 `json:"amount"`
	Cause  string  `json:"cause"`
	Kind   string  `json:"kind"`
	Index  int     `json:"index"`
	Actor  int     `json:"actor"`
	Level  int     `json:"level"`
	Option int     `json:"option"`
	Pos    *Pos    `json:"pos,omitempty"`
	Reason string  `json:"reason,omitempty"`
}

// Pos is a position in a scenario file: its name as the game was made
// with it, line and column from 1.
type Pos struct {
	File string `json:"file,omitempty"`
	Line int    `json:"line"`
	Col  int    `json:"col,omitempty"`
}

// Chat is a negotiation message. Channel is "all", "white:ACTOR" (a
// seat and the facilitator) or "A+B" (two actors, in the scenario's
// order).
type Chat struct {
	Seq     int64  `json:"seq"`
	Turn    int    `json:"turn"`
	Channel string `json:"channel"`
	From    string `json:"from"`
	Text    string `json:"text"`
}

// Reveal is what a game kept from its seats, shown at the debrief.
type Reveal struct {
	Seed      uint64 `json:"seed"`
	FogSecret uint64 `json:"fog_secret"`
	Truth     []Var  `json:"truth"`
	// Scores are every actor's final score by actor id; ScoreError, when
	// the scenario's objectives faulted on the final state, says where
	// and why instead.
	Scores     map[string]float64 `json:"scores,omitempty"`
	ScoreError string             `json:"score_error,omitempty"`
}

// Advice is a computer player's orders for a seat.
type Advice struct {
	Turn    int               `json:"turn"`
	Level   string            `json:"level"`
	Orders  map[string]int    `json:"orders"`
	Choices map[string]string `json:"choices,omitempty"`
	Explain string            `json:"explain,omitempty"`
}

// CreateRequest is the body of POST /api/games.
type CreateRequest struct {
	// Scenario is a built-in scenario's name, or the name of the file
	// whose YAML is in YAML.
	Scenario string `json:"scenario"`
	YAML     string `json:"yaml,omitempty"`
	// Files are the orders tracks the strategies of a scenario sent in
	// YAML name, by their paths relative to it.
	Files map[string]string `json:"files,omitempty"`
	// Seed is the game's seed (default: one drawn from crypto/rand, not
	// the scenario's own, which its public YAML shows every seat).
	Seed *uint64 `json:"seed,omitempty"`
	// Seats maps actor ids to "person" or "computer:LEVEL"; actors left
	// out are persons.
	Seats map[string]string `json:"seats,omitempty"`
	// Auto adjudicates as soon as every seat is ready.
	Auto bool `json:"auto,omitempty"`
}

// CreateResponse is the answer to POST /api/games: the game's id and its
// links, by role (actor ids, "facilitator", "projector"). The links are
// the only copy of their secrets: the server keeps only their hashes.
type CreateResponse struct {
	ID    string            `json:"id"`
	Links map[string]string `json:"links"`
}

// GameInfo is one game of GET /api/games.
type GameInfo struct {
	ID       string `json:"id"`
	Scenario string `json:"scenario"`
	Turn     int    `json:"turn"`
	Over     bool   `json:"over,omitempty"`
}
