package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/sixparty/sixparty/client"
	"github.com/sixparty/sixparty/scenarios"
	"github.com/sixparty/sixparty/server/proto"
)

var hostCmd = command{
	name:    "host",
	summary: "Create a game on a server and print its links: one per person seat, the facilitator's and the projector's.",
	usage:   "URL FILE|NAME",
}

func init() {
	hostCmd.run = runHost
	register(hostCmd)
}

func runHost(args []string, stdout, stderr io.Writer) int {
	fs := newFlags(hostCmd, stderr)
	seed := fs.Uint64("seed", 0, "random seed (default: one the server draws, kept from the seats until the end)")
	seats := fs.String("seats", "", "who plays each actor, e.g. us=person,china=computer:normal (default: persons)")
	auto := fs.Bool("auto", false, "adjudicate as soon as every seat is ready")
	asJSON := fs.Bool("json", false, "print the game's id and links as JSON")
	pos, code, ok := parseFlags(fs, args)
	if !ok {
		return code
	}
	if len(pos) != 2 {
		fmt.Fprintln(stderr, "sixparty host: give the server's URL and a scenario (a file or built-in name)")
		return exitUsage
	}
	req := proto.CreateRequest{Scenario: pos[1], Auto: *auto}
	if isFlagSet(fs, "seed") {
		req.Seed = seed
	}
	if !slices.Contains(scenarios.Builtin(), pos[1]) {
		src, err := os.ReadFile(pos[1])
		if err != nil {
			fmt.Fprintf(stderr, "sixparty host: %v\n", err)
			return exitFail
		}
		req.YAML = string(src)
		// The orders tracks its strategies name go with it.
		if sc, err := scenarios.Parse(pos[1], src); err == nil {
			for _, st := range sc.Strategies {
				if st.Orders == "" || !filepath.IsLocal(filepath.FromSlash(st.Orders)) {
					continue // the server says what is wrong
				}
				b, err := os.ReadFile(filepath.Join(filepath.Dir(pos[1]), filepath.FromSlash(st.Orders)))
				if err != nil {
					continue
				}
				if req.Files == nil {
					req.Files = map[string]string{}
				}
				req.Files[st.Orders] = string(b)
			}
		}
	}
	if *seats != "" {
		req.Seats = map[string]string{}
		for _, kv := range strings.Split(*seats, ",") {
			k, v, ok := strings.Cut(kv, "=")
			if !ok || k == "" || v == "" {
				fmt.Fprintf(stderr, "sixparty host: --seats: %q is not ACTOR=person or ACTOR=computer:LEVEL\n", kv)
				return exitUsage
			}
			req.Seats[k] = v
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	resp, err := client.Create(ctx, pos[0], req)
	if err != nil {
		fmt.Fprintf(stderr, "sixparty host: %v\n", err)
		return exitFail
	}
	if *asJSON {
		b, _ := json.MarshalIndent(resp, "", "  ")
		fmt.Fprintf(stdout, "%s\n", b)
		return exitOK
	}
	fmt.Fprintf(stdout, "game %s\n", resp.ID)
	var roles []string
	for r := range resp.Links {
		if r != proto.RoleFacilitator && r != proto.RoleProjector && (req.Seats[r] == "" || req.Seats[r] == "person") {
			roles = append(roles, r)
		}
	}
	slices.Sort(roles)
	for _, r := range append(roles, proto.RoleFacilitator, proto.RoleProjector) {
		fmt.Fprintf(stdout, "  %-12s %s\n", r, resp.Links[r])
	}
	return exitOK
}
