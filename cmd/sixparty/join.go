package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"

	"github.com/sixparty/sixparty/client"
	"github.com/sixparty/sixparty/scenarios"
	"github.com/sixparty/sixparty/server/proto"
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
		m, err := sc.Load()
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
