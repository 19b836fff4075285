package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/hajimehoshi/ebiten/v2"

	"github.com/sixparty/sixparty/client"
	"github.com/sixparty/sixparty/internal/playcli"
	"github.com/sixparty/sixparty/ui"
	"github.com/sixparty/sixparty/ui/flow"
)

// runJoin opens the window at a served game as the link's seat, the
// facilitator's console or the projector. The connection lives on its own
// goroutine and reconnects by itself; the window redraws when a message
// arrives, and every second while a deadline runs (its countdown).
func runJoin(o playcli.Options, stdout, stderr io.Writer) int {
	l, err := client.ParseLink(o.Join)
	if err != nil {
		fmt.Fprintf(stderr, "sixparty play: %v\n", err)
		return exitUsage
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	dctx, dcancel := context.WithTimeout(ctx, 30*time.Second)
	rc, err := flow.JoinRemote(dctx, l)
	dcancel()
	if err != nil {
		fmt.Fprintf(stderr, "sixparty play: %v\n", err)
		return exitFail
	}
	rc.Wake = ebiten.ScheduleFrame
	go rc.Run(ctx)
	go func() {
		tick := time.NewTicker(time.Second)
		defer tick.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-tick.C:
				if rc.Table.Counting() {
					rc.Table.Touch()
					ebiten.ScheduleFrame()
				}
			}
		}
	}()
	opts := ui.Options{Flow: flow.NewRemote(flow.Config{}, rc), ShotsDir: o.Shots, Drawn: markDrawn}
	if o.Verbose {
		opts.Log = stderr
	}
	if err := ui.Run(opts); err != nil {
		fmt.Fprintf(stderr, "sixparty play: %v\n", err)
		return exitFail
	}
	if o.Shots != "" {
		fmt.Fprintf(stdout, "screenshots in %s\n", o.Shots)
	}
	return exitOK
}
