package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"

	"github.com/sixparty/sixparty/client"
	"github.com/sixparty/sixparty/scenarios"
	"github.com/sixparty/sixparty/server/proto"
	"github.com/sixparty/sixparty/sim"
	"github.com/sixparty/sixparty/sim/ai"
)

var joinCmd = command{
	name:    "join",
	summary: "Play one seat of a served game headless, to its end, from an orders file or as a computer player.",
	usage:   "LINK",
}

func init() {
	joinCmd.run = runJoin
	register(joinCmd)
}

func runJoin(args []string, stdout, stderr io.Writer) int {
	fs := newFlags(joinCmd, stderr)
	ordersFile := fs.String("orders", "", "YAML orders track to play the seat's orders from")
	level := fs.String("computer", "normal", "play as the computer at this difficulty: easy, normal or hard")
	trace := fs.String("trace", "", "write every message received to this file, one JSON object a line")
	pos, code, ok := parseFlags(fs, args)
	if !ok {
		return code
	}
	if len(pos) != 1 {
		fmt.Fprintln(stderr, "sixparty join: give one link")
		return exitUsage
	}
	if *ordersFile != "" && isFlagSet(fs, "computer") {
		fmt.Fprintln(stderr, "sixparty join: give --orders or --computer, not both")
		return exitUsage
	}
	if _, err := ai.ParseDifficulty(*level); err != nil {
		fmt.Fprintf(stderr, "sixparty join: --computer: %v\n", err)
		return exitUsage
	}
	l, err := client.ParseLink(pos[0])
	if err != nil {
		fmt.Fprintf(stderr, "sixparty join: %v\n", err)
		return exitUsage
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	opt := client.Options{Level: *level}
	if *ordersFile != "" {
		src, err := os.ReadFile(*ordersFile)
		if err != nil {
			fmt.Fprintf(stderr, "sixparty join: %v\n", err)
			return exitFail
		}
		sc, err := client.Scenario(ctx, l)
		if err != nil {
			fmt.Fprintf(stderr, "sixparty join: %v\n", err)
			return exitFail
		}
		m, err := servedScenario(sc)
		if err != nil {
			printErr(stderr, err)
			return exitFail
		}
		track, err := scenarios.LoadTrack(*ordersFile, src, m)
		if err != nil {
			printErr(stderr, err)
			return exitFail
		}
		opt.Player = func(v *proto.View) (map[string]int, map[string]string, bool) {
			me := m.ActorIndex(v.Actor)
			if me < 0 || !track.Scripted[me] {
				return nil, nil, false
			}
			o, c := track.Orders(v.Turn)
			mine := map[string]string{}
			for k, opt := range c {
				if ei := m.EventIndex(k); ei >= 0 && m.Chooser(ei) == me {
					mine[k] = opt
				}
			}
			return o[v.Actor], mine, true
		}
	}
	if *trace != "" {
		f, err := os.Create(*trace)
		if err != nil {
			fmt.Fprintf(stderr, "sixparty join: %v\n", err)
			return exitFail
		}
		defer f.Close()
		opt.Trace = f
	}
	v, err := client.Play(ctx, l, opt)
	if err != nil {
		fmt.Fprintf(stderr, "sixparty join: %v\n", err)
		return exitFail
	}
	who := v.Actor
	if who == "" {
		who = v.Role
	}
	fmt.Fprintf(stdout, "%s: the game is over on turn %d (%s): %s\n", who, v.Turn, v.Date, v.Outcome)
	return exitOK
}

// servedScenario loads a served game's scenario: a built-in one as built
// in, any other with the orders tracks the server sent, in a temporary
// folder of its own.
func servedScenario(sc *client.GameScenario) (*sim.Model, error) {
	if sc.Builtin {
		return scenarios.LoadBuiltinEdited(sc.Name, []byte(sc.YAML))
	}
	dir, err := os.MkdirTemp("", "sixparty-join-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	for f, src := range sc.Files {
		p := filepath.FromSlash(f)
		if !filepath.IsLocal(p) {
			return nil, fmt.Errorf("sixparty join: the server sent an orders track outside the scenario's folder: %q", f)
		}
		p = filepath.Join(dir, p)
		if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
			return nil, err
		}
		if err := os.WriteFile(p, []byte(src), 0o600); err != nil {
			return nil, err
		}
	}
	return scenarios.Load(filepath.Join(dir, filepath.Base(sc.Name)), []byte(sc.YAML))
}
