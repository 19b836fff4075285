// Package web serves the browser build of the sixparty window (this
// folder, after `make web`: index.html, sixparty.wasm, wasm_exec.js) beside
// a server's API, so that a join link (http://HOST/g/GAME#SECRET) opened
// in a browser loads the window, which connects back to the server that
// served it.
//
// The WebAssembly file is large (tens of MB), so it is sent compressed:
// sixparty.wasm.gz when `make web` wrote one, else compressed once on the
// first request and kept in memory. It is served from a folder, not
// embedded in the sixparty binary, so that the command line stays small
// and the window can be rebuilt without rebuilding the server.
package web

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// Files are the files of the browser build, as `make web` writes them.
var Files = []string{"index.html", "wasm_exec.js", "sixparty.wasm"}

// Handler serves the browser build in dir at / and at every join link's
// path (/g/GAME), and passes every other request to api. A dir without the
// build (no sixparty.wasm) serves a page saying how to make it.
func Handler(dir string, api http.Handler) http.Handler {
	h := &handler{dir: dir, api: api}
	mux := http.NewServeMux()
	mux.Handle("/", api)
	mux.HandleFunc("GET /{$}", h.index)
	mux.HandleFunc("GET /g/{id}", h.index)
	mux.HandleFunc("GET /wasm_exec.js", h.file("wasm_exec.js", "text/javascript"))
	mux.HandleFunc("GET /sixparty.wasm", h.wasm)
	return mux
}

type handler struct {
	dir string
	api http.Handler

	once sync.Once
	gz   []byte
	err  error
}

// Missing reports which files of the build dir lacks, or nil.
func Missing(dir string) []string {
	var out []string
	for _, f := range Files {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			out = append(out, f)
		}
	}
	return out
}

func (h *handler) index(w http.ResponseWriter, r *http.Request) {
	if miss := Missing(h.dir); len(miss) > 0 {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.WriteHeader(http.StatusNotFound)
		fmt.Fprintf(w, "sixparty: the browser build is not in %s (missing %s): run 'make web', or open the link with 'sixparty play --join LINK'.\n", h.dir, strings.Join(miss, ", "))
		return
	}
	w.Header().Set("Cache-Control", "no-cache")
	http.ServeFile(w, r, filepath.Join(h.dir, "index.html"))
}

func (h *handler) file(name, ctype string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", ctype)
		http.ServeFile(w, r, filepath.Join(h.dir, name))
	}
}

// wasm sends the WebAssembly build gzip-compressed to a browser that
// accepts it (every one does), plain otherwise.
func (h *handler) wasm(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/wasm")
	w.Header().Set("Cache-Control", "no-cache")
	if !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
		http.ServeFile(w, r, filepath.Join(h.dir, "sixparty.wasm"))
		return
	}
	gz, err := h.compressed()
	if err != nil {
		http.Error(w, "sixparty: "+err.Error(), http.StatusNotFound)
		return
	}
	w.Header().Set("Content-Encoding", "gzip")
	w.Header().Set("Vary", "Accept-Encoding")
	w.Header().Set("Content-Length", fmt.Sprint(len(gz)))
	w.Write(gz)
}

// compressed returns the gzipped build: sixparty.wasm.gz when it is at
// least as new as sixparty.wasm, else the build compressed once.
func (h *handler) compressed() ([]byte, error) {
	h.once.Do(func() {
		plain := filepath.Join(h.dir, "sixparty.wasm")
		ps, err := os.Stat(plain)
		if err != nil {
			h.err = fmt.Errorf("web: %w", err)
			return
		}
		if gs, err := os.Stat(plain + ".gz"); err == nil && !gs.ModTime().Before(ps.ModTime()) {
			h.gz, h.err = os.ReadFile(plain + ".gz")
			return
		}
		b, err := os.ReadFile(plain)
		if err != nil {
			h.err = fmt.Errorf("web: %w", err)
			return
		}
		h.gz, h.err = Gzip(b)
	})
	return h.gz, h.err
}

// Gzip compresses b at the best compression.
func Gzip(b []byte) ([]byte, error) {
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	if _, err := zw.Write(b); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// DefaultDir returns the folder of the browser build when --web is not
// given: web/ beside the folder of the running program (bin/sixparty in a
// checkout finds the checkout's web/), else web/ in the working folder.
func DefaultDir() string {
	if exe, err := os.Executable(); err == nil {
		d := filepath.Join(filepath.Dir(filepath.Dir(exe)), "web")
		if _, err := os.Stat(filepath.Join(d, "index.html")); err == nil {
			return d
		}
	}
	return "web"
}
