package savegame

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/sixparty/sixparty/sim"
)

// Branch is a named branch of a saved game: the game as it stood at the
// start of turn From (its first From-1 turns replayed from the record),
// then played on with other orders. Its record holds every turn, the
// shared ones included, so it replays on its own.
type Branch struct {
	// Name is the branch's name, unique within the save.
	Name string `json:"name"`
	// From is the first turn the branch plays differently, from 1.
	From int `json:"from"`
	// Record replays the branch.
	Record sim.Record `json:"record"`
}

// Fork returns the record of a game as it stood at the start of turn k:
// the first k-1 turns of r (with their facilitator's adjustments), none of
// turn k's, and nothing pending. Replaying it (sim.Replay) re-simulates the
// game exactly to that point, the setup the record holds included.
func Fork(r sim.Record, k int) (sim.Record, error) {
	if k < 1 || k > len(r.Turns)+1 {
		return sim.Record{}, fmt.Errorf("savegame: no turn %d to branch from (the game has played %d)", k, len(r.Turns))
	}
	out := r
	out.Turns = slices.Clone(r.Turns[:k-1])
	out.Pending = nil
	return out, nil
}

// NewBranch returns a branch named name of the game recorded in r, from
// turn k (see Fork), after checking the name against the branches
// already made.
func NewBranch(r sim.Record, k int, name string, have []Branch) (Branch, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return Branch{}, fmt.Errorf("savegame: a branch needs a name")
	}
	for _, b := range have {
		if b.Name == name {
			return Branch{}, fmt.Errorf("savegame: there is already a branch named %q", name)
		}
	}
	rec, err := Fork(r, k)
	if err != nil {
		return Branch{}, err
	}
	return Branch{Name: name, From: k, Record: rec}, nil
}

// BranchIndex returns the index of the branch named name, or -1.
func (f *File) BranchIndex(name string) int {
	return slices.IndexFunc(f.Branches, func(b Branch) bool { return b.Name == name })
}

// BranchGame replays branch i of the save on m, which must be the
// scenario the save was made with.
func (f *File) BranchGame(m *sim.Model, i int) (*sim.Game, error) {
	if i < 0 || i >= len(f.Branches) {
		return nil, fmt.Errorf("savegame: no branch %d", i)
	}
	g, err := sim.Replay(m, f.Branches[i].Record)
	if err != nil {
		return nil, fmt.Errorf("savegame: branch %q: %w", f.Branches[i].Name, err)
	}
	return g, nil
}

// checkBranches checks that every branch has a name of its own, is of the
// save's scenario, and shares its first From-1 turns (and seed and setup)
// with another game of the save: the game saved or a branch before it.
func (f *File) checkBranches() error {
	seen := map[string]bool{}
	for i, b := range f.Branches {
		switch {
		case strings.TrimSpace(b.Name) == "":
			return fmt.Errorf("savegame: branch %d has no name", i+1)
		case seen[b.Name]:
			return fmt.Errorf("savegame: two branches are named %q", b.Name)
		case b.Record.Scenario != f.Scenario || b.Record.Hash != f.Hash:
			return fmt.Errorf("savegame: branch %q is of another scenario or version (the file was edited or damaged)", b.Name)
		case b.From < 1 || b.From > len(b.Record.Turns)+1:
			return fmt.Errorf("savegame: branch %q starts at turn %d but holds %d turns", b.Name, b.From, len(b.Record.Turns))
		}
		seen[b.Name] = true
		shares := func(r sim.Record) bool {
			return len(r.Turns) >= b.From-1 && sameStart(r, b.Record, b.From-1)
		}
		ok := shares(f.Record)
		for _, o := range f.Branches[:i] {
			ok = ok || shares(o.Record)
		}
		if !ok {
			return fmt.Errorf("savegame: branch %q does not share its first %d turns with the game saved (the file was edited or damaged)", b.Name, b.From-1)
		}
	}
	return nil
}

// sameStart reports whether two records have the same seed and setup and
// the same first n turns, compared as the save writes them.
func sameStart(a, b sim.Record, n int) bool {
	a.Turns, b.Turns = a.Turns[:n], b.Turns[:n]
	a.Pending, b.Pending = nil, nil
	ja, errA := json.Marshal(a)
	jb, errB := json.Marshal(b)
	return errA == nil && errB == nil && bytes.Equal(ja, jb)
}
