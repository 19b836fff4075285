package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/sixparty/sixparty/server"
	"github.com/sixparty/sixparty/server/store"
	"github.com/sixparty/sixparty/web"
)

var serveCmd = command{
	name:    "serve",
	summary: "Serve games over the network: teams join with links, one WebSocket each; every command is logged before it is acknowledged.",
	usage:   "",
}

func init() {
	serveCmd.run = runServe
	register(serveCmd)
}

// defaultDataDir is where serve keeps its games without --data.
func defaultDataDir() string {
	dir, err := os.UserConfigDir()
	if err != nil {
		dir = "."
	}
	return filepath.Join(dir, "sixparty", "server")
}

func runServe(args []string, stdout, stderr io.Writer) int {
	fs := newFlags(serveCmd, stderr)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on (port 0 picks a free one; the address is printed)")
	data := fs.String("data", "", "folder of the SQLite game store (default: "+defaultDataDir()+")")
	pg := fs.String("postgres", "", "PostgreSQL URL: a store shared by several servers, each game owned by one at a time")
	origins := fs.String("origin", "", "comma-separated hosts whose web pages may connect, besides the server's own")
	lease := fs.Duration("lease", 10*time.Second, "with --postgres, how long a game stays with a server that stops renewing its lease")
	webDir := fs.String("web", "", "folder of the browser build served at / and at each join link (default: web/ beside the program's folder, else ./web; 'make web' builds it)")
	public := fs.String("public", "", "with --postgres, the URL at which a client another server redirects here reaches this one (default: http://ADDR)")
	pos, code, ok := parseFlags(fs, args)
	if !ok {
		return code
	}
	if len(pos) > 0 {
		fmt.Fprintf(stderr, "sixparty serve: takes no arguments (got %q)\n", pos[0])
		return exitUsage
	}
	if *pg != "" && *data != "" {
		fmt.Fprintln(stderr, "sixparty serve: give --data or --postgres, not both")
		return exitUsage
	}
	var st store.Store
	var err error
	if *pg != "" {
		st, err = store.OpenPostgres(context.Background(), *pg)
	} else {
		dir := *data
		if dir == "" {
			dir = defaultDataDir()
		}
		st, err = store.OpenSQLite(dir)
	}
	if err != nil {
		fmt.Fprintf(stderr, "sixparty serve: %v\n", err)
		return exitFail
	}
	defer st.Close()
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(stderr, "sixparty serve: %v\n", err)
		return exitFail
	}
	url := "http://" + ln.Addr().String()
	if *public != "" {
		url = strings.TrimRight(*public, "/")
	}
	cfg := server.Config{Store: st, Addr: url, LeaseTTL: *lease, Logf: func(f string, a ...any) { fmt.Fprintf(stderr, "sixparty serve: "+f+"\n", a...) }}
	if *origins != "" {
		cfg.OriginPatterns = strings.Split(*origins, ",")
	}
	srv := server.New(cfg)
	if n, err := srv.Resume(context.Background()); err != nil {
		fmt.Fprintf(stderr, "sixparty serve: %v\n", err)
		return exitFail
	} else if n > 0 {
		fmt.Fprintf(stderr, "sixparty serve: resumed %d game(s)\n", n)
	}
	if *webDir == "" {
		*webDir = web.DefaultDir()
	}
	if miss := web.Missing(*webDir); len(miss) > 0 {
		fmt.Fprintf(stderr, "sixparty serve: no browser build in %s (missing %s): join links open with 'sixparty play --join LINK' only; 'make web' builds it\n", *webDir, strings.Join(miss, ", "))
	}
	hs := &http.Server{Handler: web.Handler(*webDir, srv.Handler()), ReadHeaderTimeout: 10 * time.Second}
	fmt.Fprintf(stdout, "sixparty serve: listening on %s\n", url)
	if f, ok := stdout.(*os.File); ok {
		f.Sync()
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err = <-errc:
	case <-ctx.Done():
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		srv.Close()
		err = hs.Shutdown(sctx)
		cancel()
	}
	if err != nil && !errors.Is(err, http.ErrServerClosed) {
		fmt.Fprintf(stderr, "sixparty serve: %v\n", err)
		return exitFail
	}
	return exitOK
}
