package layout

import (
	"reflect"
	"testing"
	"unicode/utf8"
)

func TestCanvas(t *testing.T) {
	for _, tc := range []struct {
		w, h          int
		scale, bw, bh float64
	}{
		{1920, 1080, 1, 1920, 1080},
		{960, 540, 0.5, 1920, 1080},
		{1280, 1024, 1280.0 / 1920, 1920, 1024 / (1280.0 / 1920)},
		{2560, 1080, 1, 2560, 1080},
	} {
		c := NewCanvas(tc.w, tc.h)
		b := c.Bounds()
		if c.Scale != tc.scale || b.W != tc.bw || b.H != tc.bh {
			t.Errorf("NewCanvas(%d,%d) = scale %v bounds %vx%v, want %v %vx%v", tc.w, tc.h, c.Scale, b.W, b.H, tc.scale, tc.bw, tc.bh)
		}
		if b.W < BaseW-1e-9 || b.H < BaseH-1e-9 {
			t.Errorf("NewCanvas(%d,%d): bounds %v smaller than the base canvas", tc.w, tc.h, b)
		}
	}
	x, y := NewCanvas(960, 540).ToCanvas(480, 270)
	if x != 960 || y != 540 {
		t.Errorf("ToCanvas = %v,%v, want 960,540", x, y)
	}
}

func TestCuts(t *testing.T) {
	r := Rect{0, 0, 100, 50}
	top, rest := r.CutTop(10)
	if top != (Rect{0, 0, 100, 10}) || rest != (Rect{0, 10, 100, 40}) {
		t.Errorf("CutTop = %v %v", top, rest)
	}
	rest, bottom := r.CutBottom(80)
	if bottom != (Rect{0, 0, 100, 50}) || rest.H != 0 {
		t.Errorf("CutBottom beyond height = %v %v", rest, bottom)
	}
	left, rest := r.CutLeft(30)
	if left != (Rect{0, 0, 30, 50}) || rest != (Rect{30, 0, 70, 50}) {
		t.Errorf("CutLeft = %v %v", left, rest)
	}
	cols := r.Columns(2, 10)
	if !reflect.DeepEqual(cols, []Rect{{0, 0, 45, 50}, {55, 0, 45, 50}}) {
		t.Errorf("Columns = %v", cols)
	}
	rows := r.Rows(5, 0)
	if len(rows) != 5 || rows[4] != (Rect{0, 40, 100, 10}) {
		t.Errorf("Rows = %v", rows)
	}
	g := Rect{0, 0, 100, 100}.Grid(5, 2, 0)
	if len(g) != 5 || g[4] != (Rect{0, 200.0 / 3, 50, 100.0 / 3}) {
		t.Errorf("Grid = %v", g)
	}
	if in := r.Inset(30); in.W != 40 || in.H != 0 {
		t.Errorf("Inset = %v", in)
	}
}

func TestHits(t *testing.T) {
	var h Hits[string]
	h.Add(Rect{0, 0, 100, 100}, "panel")
	h.Add(Rect{10, 10, 20, 20}, "button")
	for _, tc := range []struct {
		x, y float64
		want string
		ok   bool
	}{
		{15, 15, "button", true},
		{29.9, 10, "button", true},
		{30, 10, "panel", true},
		{50, 50, "panel", true},
		{100, 50, "", false},
		{-1, 0, "", false},
	} {
		got, ok := h.At(tc.x, tc.y)
		if got != tc.want || ok != tc.ok {
			t.Errorf("At(%v,%v) = %q,%v, want %q,%v", tc.x, tc.y, got, ok, tc.want, tc.ok)
		}
	}
	h.Reset()
	if _, ok := h.At(15, 15); ok || h.Len() != 0 {
		t.Error("Reset left regions")
	}
}

// mono measures text as 10 units per rune.
func mono(s string) float64 { return 10 * float64(utf8.RuneCountInString(s)) }

func TestWrap(t *testing.T) {
	for _, tc := range []struct {
		text  string
		width float64
		want  []string
	}{
		{"the quick brown fox", 100, []string{"the quick", "brown fox"}},
		{"the quick brown fox", 1000, []string{"the quick brown fox"}},
		{"a verylongwordindeed b", 50, []string{"a", "verylongwordindeed", "b"}},
		{"one\n\ntwo", 100, []string{"one", "", "two"}},
		{"  spaced   out  ", 100, []string{"spaced out"}},
	} {
		if got := Wrap(tc.text, tc.width, mono); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Wrap(%q, %v) = %q, want %q", tc.text, tc.width, got, tc.want)
		}
	}
}

func TestEllipsis(t *testing.T) {
	if got := Ellipsis("short", 100, mono); got != "short" {
		t.Errorf("got %q", got)
	}
	if got := Ellipsis("a long label", 60, mono); got != "a lon…" {
		t.Errorf("got %q, want %q", got, "a lon…")
	}
}

func TestWindow(t *testing.T) {
	for _, tc := range []struct{ n, vis, cur, want int }{
		{5, 10, 4, 0},
		{20, 10, 0, 0},
		{20, 10, 9, 4},
		{20, 10, 19, 10},
	} {
		if got := Window(tc.n, tc.vis, tc.cur); got != tc.want {
			t.Errorf("Window(%d,%d,%d) = %d, want %d", tc.n, tc.vis, tc.cur, got, tc.want)
		}
	}
}
