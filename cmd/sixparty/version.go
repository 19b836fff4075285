package main

import (
	"fmt"
	"io"
	"runtime"
	"runtime/debug"

	"github.com/sixparty/sixparty/savegame"
	"github.com/sixparty/sixparty/sim"
)

var versionCmd = command{
	name:    "version",
	summary: "Print the version of sixparty and the versions of the file formats it reads (also --version).",
	usage:   "",
}

func init() {
	versionCmd.run = runVersion
	register(versionCmd)
}

// version is the program's version. A release build sets it with
// -ldflags "-X main.version=v1.2.3"; otherwise it comes from the build
// information Go records: the module's version when installed with
// 'go install', else the source's commit.
var version = ""

func runVersion(args []string, stdout, stderr io.Writer) int {
	fs := newFlags(versionCmd, stderr)
	pos, code, ok := parseFlags(fs, args)
	if !ok {
		return code
	}
	if len(pos) > 0 {
		fmt.Fprintln(stderr, "sixparty version: takes no arguments")
		return exitUsage
	}
	fmt.Fprintf(stdout, "sixparty %s (%s, %s/%s)\n", programVersion(), runtime.Version(), runtime.GOOS, runtime.GOARCH)
	fmt.Fprintln(stdout, formatVersions())
	return exitOK
}

// formatVersions says which versions of its files this program reads.
func formatVersions() string {
	return fmt.Sprintf("reads scenario format %d, game record format %d, save file version %d", sim.FormatVersion, sim.RecordFormat, savegame.Version)
}

// programVersion returns version, or one made from the build information:
// the module's version, else "devel" with the commit, its date and
// whether the source had uncommitted changes.
func programVersion() string {
	if version != "" {
		return version
	}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "devel"
	}
	if v := info.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	var rev, date, dirty string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.time":
			date = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				dirty = ", with uncommitted changes"
			}
		}
	}
	if rev == "" {
		return "devel"
	}
	return fmt.Sprintf("devel, commit %.12s of %s%s", rev, date, dirty)
}
