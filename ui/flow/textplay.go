package flow

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
)

// textWords names the actions `sixparty play --text` reads, a word (or a
// key's name, as in the window) a line; the first word of each action is
// the one the help line gives.
var textWords = []struct {
	word   string
	action Action
}{
	{"up", Up}, {"down", Down}, {"left", Left}, {"less", Left}, {"right", Right}, {"more", Right},
	{"enter", Confirm}, {"continue", Confirm}, {"space", Confirm}, {"back", Back}, {"esc", Back},
	{"b", ToggleBriefs}, {"briefs", ToggleBriefs}, {"m", OpenMap}, {"map", OpenMap},
	{"d", OpenDashboard}, {"dashboard", OpenDashboard}, {"w", AskWhy}, {"why", AskWhy},
	{"s", Save}, {"save", Save}, {"l", Load}, {"load", Load}, {"a", Autosave}, {"autosave", Autosave},
	{"e", EndGame}, {"f", Facilitate}, {"p", WhatIf}, {"n", Branch}, {"c", Compare},
	{"pgdn", PageNext}, {"next", PageNext}, {"pgup", PagePrev}, {"previous", PagePrev},
	{"home", ToFirst}, {"first", ToFirst}, {"end", ToLast}, {"last", ToLast},
	{"o", Downstream}, {"h", Tour}, {"tour", Tour}, {"t", FullText}, {"erase", Erase}, {"quit", Quit}, {"q", Quit},
}

// TextWord returns the word `play --text` reads for action a, or "".
func TextWord(a Action) string {
	for _, w := range textWords {
		if w.action == a {
			return w.word
		}
	}
	return ""
}

// ParseText turns one line typed to `play --text` into inputs: a word
// naming an action ("enter", "down", "w", ...), a row number ("3" selects
// and chooses the third row, as a click would), or "type TEXT" for a text
// field. ok is false for a line it cannot read.
func ParseText(line string) (ins []Input, ok bool) {
	line = strings.TrimSpace(line)
	if rest, found := strings.CutPrefix(line, "type "); found {
		for _, r := range rest {
			ins = append(ins, Input{Action: Type, Rune: r})
		}
		return ins, true
	}
	word := strings.ToLower(line)
	if n, err := strconv.Atoi(word); err == nil && n >= 1 {
		return []Input{{Action: Select, Item: n - 1}}, true
	}
	for _, w := range textWords {
		if w.word == word {
			return []Input{Do(w.action)}, true
		}
	}
	return nil, false
}

// PlayText plays f without a window, for a screen reader: it writes the
// screen shown as text (ScreenText) with the actions it offers, then reads
// a line of in (see ParseText) and applies it, until the player quits or
// in ends. It waits for the computer players and for forecasts.
func PlayText(f *Flow, in io.Reader, out io.Writer) error {
	sc := bufio.NewScanner(in)
	for !f.Quit {
		f.WaitThinking()
		f.WaitForecast()
		title, lines := ScreenText(f)
		f.SetScreenText(title, lines)
		var b strings.Builder
		fmt.Fprintf(&b, "== %s ==\n", title)
		for _, l := range lines {
			b.WriteString(l + "\n")
		}
		var hints []string
		for _, a := range f.Hints() {
			if w := TextWord(a); w != "" && !slices.Contains(hints, w+": "+f.Label(a)) {
				hints = append(hints, w+": "+f.Label(a))
			}
		}
		fmt.Fprintf(&b, "Actions: %s; or a row's number.\n", strings.Join(hints, ", "))
		io.WriteString(out, b.String())
		if !sc.Scan() {
			return sc.Err()
		}
		ins, ok := ParseText(sc.Text())
		if !ok {
			fmt.Fprintf(out, "? %q is not an action: say one of the actions listed or a row's number.\n", strings.TrimSpace(sc.Text()))
			continue
		}
		for _, x := range ins {
			f.Do(x) // quit in a game asks first, as in the window
		}
	}
	return nil
}
