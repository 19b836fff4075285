package main

import (
	"bytes"
	"fmt"
	"io"

	"github.com/sixparty/sixparty/handbook"
)

var docCmd = command{
	name:    "doc",
	summary: "Write a scenario's player handbook in Markdown: actors, levers, variables, events and outcomes.",
	usage:   "FILE|NAME",
}

func init() {
	docCmd.run = runDoc
	register(docCmd)
}

func runDoc(args []string, stdout, stderr io.Writer) int {
	fs := newFlags(docCmd, stderr)
	out := fs.String("o", "", "write to this file instead of standard output")
	pos, code, ok := parseFlags(fs, args)
	if !ok {
		return code
	}
	if len(pos) != 1 {
		fmt.Fprintln(stderr, "sixparty doc: give one scenario")
		fs.Usage()
		return exitUsage
	}
	m, err := loadScenario(pos[0])
	if err != nil {
		printErr(stderr, err)
		return exitFail
	}
	var b bytes.Buffer
	if err := handbook.Write(&b, m); err != nil {
		fmt.Fprintf(stderr, "sixparty doc: %v\n", err)
		return exitFail
	}
	return writeOutput("doc", *out, b.Bytes(), stdout, stderr)
}
