package main

import (
	"fmt"
	"io"

	"github.com/sixparty/sixparty/format"
)

var schemaCmd = command{
	name:    "schema",
	summary: "Write the JSON Schema (draft 2020-12) of the scenario format, for editors.",
	usage:   "",
}

func init() {
	schemaCmd.run = runSchema
	register(schemaCmd)
}

func runSchema(args []string, stdout, stderr io.Writer) int {
	fs := newFlags(schemaCmd, stderr)
	out := fs.String("o", "", "write to this file instead of standard output")
	pos, code, ok := parseFlags(fs, args)
	if !ok {
		return code
	}
	if len(pos) > 0 {
		fmt.Fprintln(stderr, "sixparty schema: takes no arguments")
		return exitUsage
	}
	src, err := format.Schema()
	if err != nil {
		fmt.Fprintf(stderr, "sixparty schema: %v\n", err)
		return exitFail
	}
	return writeOutput("schema", *out, src, stdout, stderr)
}
