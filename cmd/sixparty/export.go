package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/sixparty/sixparty/client"
	"github.com/sixparty/sixparty/savegame"
)

var exportCmd = command{
	name:    "export",
	summary: "Write a served game's record as a save file that replay and debrief read (the facilitator's link).",
	usage:   "LINK",
}

func init() {
	exportCmd.run = runExport
	register(exportCmd)
}

func runExport(args []string, stdout, stderr io.Writer) int {
	fs := newFlags(exportCmd, stderr)
	out := fs.String("o", "", "the save file to write (required)")
	pos, code, ok := parseFlags(fs, args)
	if !ok {
		return code
	}
	if len(pos) != 1 || *out == "" {
		fmt.Fprintln(stderr, "sixparty export: give the facilitator's link and -o FILE")
		return exitUsage
	}
	l, err := client.ParseLink(pos[0])
	if err != nil {
		fmt.Fprintf(stderr, "sixparty export: %v\n", err)
		return exitUsage
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	data, err := client.Save(ctx, l)
	if err != nil {
		fmt.Fprintf(stderr, "sixparty export: %v\n", err)
		return exitFail
	}
	f, err := savegame.Unmarshal(data)
	if err != nil {
		fmt.Fprintf(stderr, "sixparty export: %v\n", err)
		return exitFail
	}
	if err := savegame.Write(*out, f); err != nil {
		fmt.Fprintf(stderr, "sixparty export: %v\n", err)
		return exitFail
	}
	fmt.Fprintf(stdout, "wrote %s (%d turns played)\n", *out, len(f.Record.Turns))
	return exitOK
}
