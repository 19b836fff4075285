package web

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestHandler serves a build folder: the page at / and at a join link's
// path, the wasm gzip-compressed (and plain to a client that asks for
// no compression), and every other path from the API.
func TestHandler(t *testing.T) {
	dir := t.TempDir()
	wasm := bytes.Repeat([]byte("\x00asm wasm wasm "), 1000)
	for name, b := range map[string][]byte{"index.html": []byte("<html>page</html>"), "wasm_exec.js": []byte("// go"), "sixparty.wasm": wasm} {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	api := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "api "+r.URL.Path) })
	hs := httptest.NewServer(Handler(dir, api))
	defer hs.Close()
	get := func(path, enc string) (*http.Response, []byte) {
		req, _ := http.NewRequest("GET", hs.URL+path, nil)
		if enc != "" {
			req.Header.Set("Accept-Encoding", enc)
		}
		res, err := http.DefaultTransport.RoundTrip(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return res, b
	}
	for _, p := range []string{"/", "/g/abc"} {
		if _, b := get(p, ""); string(b) != "<html>page</html>" {
			t.Errorf("%s: %q", p, b)
		}
	}
	if _, b := get("/api/games", ""); string(b) != "api /api/games" {
		t.Errorf("/api/games: %q", b)
	}
	res, b := get("/sixparty.wasm", "gzip, br")
	if res.Header.Get("Content-Encoding") != "gzip" || res.Header.Get("Content-Type") != "application/wasm" {
		t.Fatalf("wasm headers: %v", res.Header)
	}
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	plain, _ := io.ReadAll(zr)
	if !bytes.Equal(plain, wasm) || len(b) >= len(wasm)/10 {
		t.Errorf("wasm: %d bytes compressed to %d, decompressed equal %v", len(wasm), len(b), bytes.Equal(plain, wasm))
	}
	if res, b := get("/sixparty.wasm", "identity"); res.Header.Get("Content-Encoding") != "" || !bytes.Equal(b, wasm) {
		t.Errorf("plain wasm: %v, %d bytes", res.Header, len(b))
	}
}

// TestHandlerNoBuild says how to make the build when the folder lacks it.
func TestHandlerNoBuild(t *testing.T) {
	hs := httptest.NewServer(Handler(t.TempDir(), http.NotFoundHandler()))
	defer hs.Close()
	res, err := http.Get(hs.URL + "/g/abc")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 404 || !strings.Contains(string(b), "run 'make web'") || !strings.Contains(string(b), "missing index.html, wasm_exec.js, sixparty.wasm") {
		t.Errorf("%d %q", res.StatusCode, b)
	}
}
