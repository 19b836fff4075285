package main

// The corpus of broken scenarios: mutations of the built-in scenarios (and
// of the built-in orders track), each with the one mistake it makes and
// where a careful author would expect 'sixparty validate' (or 'sixparty run
// --orders') to point. Every mutation must give exit 1, a line
// FILE:LINE:COL: message at the mistake, no panic, and an answer within
// corpusCeiling.
//
// Positions are never written as numbers: an edit's replacement text holds
// the marker ‸ where the error is expected (¶ where only its line is
// certain), and the line and column are read off the mutated source once
// the marker is removed. Columns count characters from 1, as yaml.v3 and
// the engine do; a quoted value's position is that of its text, inside
// the quotes, as the decoder records it. The edits find
// their place by text that must occur exactly once (or by its Nth
// occurrence), so the corpus survives edits to the scenarios and says so
// loudly when an anchor disappears.
//
// Run it with
//
//	go test ./cmd/sixparty -run Corpus -v
//
// for the per-mutation timings and the summary line.

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/sixparty/sixparty/scenarios"
)

// corpusCeiling is the longest a mutation may take: past it the command is
// killed and the mutation fails as a hang.
const corpusCeiling = 30 * time.Second

// marker marks, in an edit's text, where the expected error is;
// lineMarker marks a line where it is expected at any column, for the few
// mistakes where more than one column is right.
const (
	marker     = "‸"
	lineMarker = "¶"
)

// Phrases shared by many mutations.
const (
	didYouMean = `did you mean "%s"`
	inPlay     = `(?i)\bseed\b` // a fault met in play names the seed that met it
	onSomeTurn = `(?i)\bturn\b` // ... and the turn
	dup        = `(?i)twice|duplicate|already|more than once|again`
	nonFinite  = `(?i)finite|overflow|inf|too large`
	notANumber = `(?i)not a (finite )?number|nan|pow`
	yamlSyntax = `(?i)indent|mapping|expected|key|token|tab|scalar|quot|syntax|stream|flow|found|character`
)

// turnN is the phrase of a fault met on turn n.
func turnN(n int) string { return fmt.Sprintf(`(?i)\bturn %d\b`, n) }

// mean is the did-you-mean phrase for a suggestion.
func mean(s string) string { return regexp.QuoteMeta(fmt.Sprintf(didYouMean, s)) }

// An edit changes a built-in's source; it fails when its anchor is not
// where it expects.
type edit func(src string) (string, error)

// repN replaces the nth (from 1) occurrence of old with new.
func repN(old string, n int, new string) edit {
	return func(src string) (string, error) {
		at, from := -1, 0
		for k := 0; k < n; k++ {
			i := strings.Index(src[from:], old)
			if i < 0 {
				return "", fmt.Errorf("occurrence %d of %q not found", n, old)
			}
			at = from + i
			from = at + len(old)
		}
		return src[:at] + new + src[at+len(old):], nil
	}
}

// rep replaces old, which must occur exactly once, with new.
func rep(old, new string) edit {
	return func(src string) (string, error) {
		if c := strings.Count(src, old); c != 1 {
			return "", fmt.Errorf("%q occurs %d times, want exactly once", old, c)
		}
		return strings.Replace(src, old, new, 1), nil
	}
}

// insertAfter inserts text (whole lines) after the line holding anchor,
// which must occur exactly once.
func insertAfter(anchor, text string) edit {
	return func(src string) (string, error) {
		if c := strings.Count(src, anchor); c != 1 {
			return "", fmt.Errorf("%q occurs %d times, want exactly once", anchor, c)
		}
		i := strings.Index(src, anchor)
		end := strings.IndexByte(src[i:], '\n')
		if end < 0 {
			return src + "\n" + text, nil
		}
		end += i + 1
		return src[:end] + text + src[end:], nil
	}
}

// deleteLines deletes n lines from the one holding anchor, which must
// occur exactly once.
func deleteLines(anchor string, n int) edit {
	return func(src string) (string, error) {
		if c := strings.Count(src, anchor); c != 1 {
			return "", fmt.Errorf("%q occurs %d times, want exactly once", anchor, c)
		}
		i := strings.Index(src, anchor)
		start := strings.LastIndexByte(src[:i], '\n') + 1
		end := start
		for k := 0; k < n; k++ {
			j := strings.IndexByte(src[end:], '\n')
			if j < 0 {
				return "", fmt.Errorf("fewer than %d lines from %q", n, anchor)
			}
			end += j + 1
		}
		return src[:start] + src[end:], nil
	}
}

// markAt puts the marker just before anchor, which must occur exactly once
// (after the edits before it): for errors expected away from the text an
// edit changed.
func markAt(anchor string) edit { return rep(anchor, marker+anchor) }

// markStart puts the marker at the start of the file (1:1).
func markStart() edit { return func(src string) (string, error) { return marker + src, nil } }

// appendText adds text at the end of the file.
func appendText(text string) edit {
	return func(src string) (string, error) {
		if !strings.HasSuffix(src, "\n") {
			src += "\n"
		}
		return src + text, nil
	}
}

// A mutation is one broken variant of a built-in file.
type mutation struct {
	name  string // unique; the subtest's name is class/name
	class string
	// base is the built-in file mutated: a scenario ("nile-2020",
	// "pressure-2017"), validated with 'sixparty validate FILE', or an
	// orders track ("pressure-2017.history"), played with 'sixparty run
	// SCENARIO --orders FILE'.
	base  string
	edits []edit
	// want holds regular expressions that the message at each marker must
	// all match.
	want []string
}

// Classes of mistakes, as the issue lists them.
const (
	cYAML    = "yaml"
	cNames   = "names"
	cTypes   = "types"
	cConst   = "const"
	cPlay    = "play"
	cValues  = "values"
	cStruct  = "struct"
	cOrders  = "orders"
	nile     = "nile-2020"
	pressure = "pressure-2017"
	history  = "pressure-2017.history"
	// Strategies' orders tracks, checked by 'sixparty validate' on the
	// scenario beside them.
	rely          = "pressure-2017.rely-on-beijing"
	combinedTrack = "pressure-2017.combined"
	valueCap      = 500_000 // the decoder's cap on the values a file may hold
	bigValues     = valueCap + 1
)

// corpus is the table of mutations.
var corpus = []mutation{
	// ---- YAML syntax: the position of the mistake, not where the parser noticed.
	{"indent-deeper", cYAML, nile, []edit{rep("    name: Ethiopia\n", "     ‸name: Ethiopia\n")}, []string{yamlSyntax}},
	{"indent-shallower", cYAML, nile, []edit{rep("    colour: \"#009E73\"\n    budget: 4\n", "    colour: \"#009E73\"\n   ‸budget: 4\n")}, []string{yamlSyntax}},
	{"tab-indent", cYAML, nile, []edit{rep("    name: Ethiopia\n", "‸\tname: Ethiopia\n")}, []string{`(?i)tab`}},
	{"tab-after-spaces", cYAML, nile, []edit{rep("    name: Egypt\n", "  ‸\tname: Egypt\n")}, []string{`(?i)tab`}},
	{"tab-deep", cYAML, nile, []edit{rep("    turn: 4\n", "‸\tturn: 4\n")}, []string{`(?i)tab`}},
	{"tab-deep-pressure", cYAML, pressure, []edit{rep("    when: \"china.retaliate == 0\"\n", "‸\twhen: \"china.retaliate == 0\"\n")}, []string{`(?i)tab`}},
	{"indent-deeper-pressure", cYAML, pressure, []edit{rep("    target: tension\n    change: \"(tension >= 88 ? 0.07 : 0.15) * (35 - tension)\"", "    target: tension\n      ‸change: \"(tension >= 88 ? 0.07 : 0.15) * (35 - tension)\"")}, []string{yamlSyntax}},
	{"unclosed-double-quote", cYAML, nile, []edit{rep(`title: "Filling the Dam: the Blue Nile (2020-2023)"`, `title: ‸"Filling the Dam: the Blue Nile (2020-2023)`)}, []string{yamlSyntax}},
	{"unclosed-quote-in-flow", cYAML, nile, []edit{rep(`score: "-tension / 25"}`, `score: ‸"-tension / 25}`)}, []string{yamlSyntax}},
	{"unclosed-flow-mapping", cYAML, nile, []edit{rep(`{id: deal, name: A binding deal, score: "talks.progress / 20"}`, `‸{id: deal, name: A binding deal, score: "talks.progress / 20"`)}, []string{yamlSyntax}},
	{"unclosed-flow-sequence", cYAML, nile, []edit{rep(`levels: [pause, gradual, fast]`, `levels: ‸[pause, gradual, fast`)}, []string{yamlSyntax}},
	{"duplicate-key", cYAML, nile, []edit{rep("    budget: 3\n    brief: >\n      Your Roseires", "    budget: 3\n    ‸budget: 3\n    brief: >\n      Your Roseires")}, []string{dup}},
	{"duplicate-key-flow", cYAML, nile, []edit{rep(`{id: power, name: Power from the dam,`, `{id: power, name: Power from the dam, ‸name: Power,`)}, []string{dup}},
	{"duplicate-key-meta", cYAML, nile, []edit{rep("  turns: 12\n", "  turns: 12\n  ‸turns: 12\n")}, []string{dup}},
	{"no-space-after-colon", cYAML, nile, []edit{rep("    budget: 3\n    brief: >\n      Your Roseires", "    ‸budget:3\n    brief: >\n      Your Roseires")}, []string{yamlSyntax}},
	{"dash-misaligned", cYAML, nile, []edit{rep("  - id: egypt\n", " ‸- id: egypt\n")}, []string{yamlSyntax}},
	{"block-scalar-dedent", cYAML, nile, []edit{rep("      country's power. Fill it on time", "    ‸country's power. Fill it on time")}, []string{yamlSyntax}},
	{"colon-in-plain-text", cYAML, nile, []edit{rep("    text: Egypt proposes a joint military", "    text: Egypt proposes‸: a joint military")}, []string{yamlSyntax}},

	// ---- Unknown names, with did-you-mean.
	{"variable-in-score", cNames, nile, []edit{rep(`score: "gerd.power / 1000"`, `score: "‸gerd.powr / 1000"`)}, []string{mean("gerd.power")}},
	{"variable-in-rule", cNames, nile, []edit{rep(`set: "min(5150, 60 * gerd.storage)"`, `set: "min(5150, 60 * ‸gerd.storag)"`)}, []string{mean("gerd.storage")}},
	{"variable-in-folded-block", cNames, pressure, []edit{rep("      - (dprk.gdp - 99.5 - 0.25 * turn)) + noise(0.15)", "      - (‸dprk.gpd - 99.5 - 0.25 * turn)) + noise(0.15)")}, []string{mean("dprk.gdp")}},
	{"variable-in-outcome", cNames, pressure, []edit{rep(`when: "dprk.regime_control <= 20"`, `when: "‸dprk.regime_contrl <= 20"`)}, []string{mean("dprk.regime_control")}},
	{"variable-in-check", cNames, nile, []edit{rep(`expect: "gerd.storage >= 10"`, `expect: "‸gerd.storge >= 10"`)}, []string{mean("gerd.storage")}},
	{"lever-in-effect", cNames, nile, []edit{rep(`level * ethiopia.talks * (1 + egypt.talks)`, `level * ‸ethiopia.talk * (1 + egypt.talks)`)}, []string{mean("ethiopia.talks")}},
	{"lever-in-requires", cNames, pressure, []edit{repN(`or dprk.charm > 0"`, 2, `or ‸dprk.charms > 0"`)}, []string{mean("dprk.charm")}},
	{"actor-of-lever", cNames, nile, []edit{rep("    actor: ethiopia\n    name: Share dam data", "    actor: ‸ethopia\n    name: Share dam data")}, []string{mean("ethiopia")}},
	{"actor-in-visible", cNames, nile, []edit{rep(`visible: [sudan], noise: 8`, `visible: [‸sudna], noise: 8`)}, []string{mean("sudan")}},
	{"actor-of-choice", cNames, nile, []edit{rep("      actor: sudan\n      prompt:", "      actor: ‸sudn\n      prompt:")}, []string{mean("sudan")}},
	{"objective-in-doctrine", cNames, pressure, []edit{rep(`weights: {talks: 2, nonproliferation: 1,`, `weights: {‸talk: 2, nonproliferation: 1,`)}, []string{mean("talks")}},
	{"outcome-in-check", cNames, nile, []edit{rep(`outcome: agreement, share`, `outcome: ‸agreemnt, share`)}, []string{mean("agreement")}},
	{"function", cNames, nile, []edit{rep(`set: "clamp(100 + noise(18), 50, 150)"`, `set: "‸clmp(100 + noise(18), 50, 150)"`)}, []string{mean("clamp")}},
	{"function-nested", cNames, nile, []edit{rep(`"-2 - max(0, tension - 50) / 10"`, `"-2 - ‸mx(0, tension - 50) / 10"`)}, []string{mean("max")}},
	{"target-of-rule", cNames, nile, []edit{rep("    target: tension\n    change: \"0.15", "    target: ‸tensoin\n    change: \"0.15")}, []string{mean("tension")}},
	{"target-is-a-lever", cNames, nile, []edit{rep(`{target: sudan.roseires_risk, change: "-2"}`, `{target: ‸sudan.side, change: "-2"}`)}, []string{`(?i)lever`}},
	{"field", cNames, nile, []edit{rep("    name: Pace of filling", "    ‸nmae: Pace of filling")}, []string{mean("name")}},
	{"field-chance", cNames, nile, []edit{rep(`    chance: "0.6"`, `    ‸chanse: "0.6"`)}, []string{mean("chance")}},
	{"step", cNames, nile, []edit{rep("  step: quarter", "  step: ‸quartr")}, []string{mean("quarter")}},
	{"level-outside-effect", cNames, nile, []edit{rep(`change: "-0.2 * sudan.roseires_risk`, `change: "-0.2 * ‸level * sudan.roseires_risk`)}, []string{`'level'`}},

	// ---- Type errors.
	{"number-as-outcome-condition", cTypes, nile, []edit{rep(`when: "talks.progress >= 40"`, `when: "‸talks.progress + 40"`)}, []string{`(?i)condition`}},
	{"number-as-event-condition", cTypes, nile, []edit{rep(`when: "nile.flow < 75"`, `when: "‸nile.flow - 75"`)}, []string{`(?i)condition`}},
	{"number-in-or", cTypes, pressure, []edit{repN(`requires: "dprk.negotiate >= 20 or`, 1, `requires: "‸dprk.negotiate or`)}, []string{`(?i)condition`}},
	{"number-as-ternary-condition", cTypes, nile, []edit{rep(`"(turn % 4 == 1 ? 4 : 0.4)`, `"(‸turn % 4 ? 4 : 0.4)`)}, []string{`(?i)condition`}},
	{"not-of-number", cTypes, nile, []edit{rep(`when: "tension >= 90"`, `when: "not ‸tension"`)}, []string{`(?i)condition`}},
	{"condition-as-score", cTypes, nile, []edit{rep(`score: "-tension / 20"`, `score: "‸tension > 20"`)}, []string{`(?i)number`}},
	{"condition-as-change", cTypes, nile, []edit{rep(`{target: talks.progress, change: "0.5"}`, `{target: talks.progress, change: "‸tension > 3"}`)}, []string{`(?i)number`}},
	{"branches-differ", cTypes, nile, []edit{rep(`(nile.flow < 90 ? dry_year_factor : 0.5)`, `(nile.flow < 90 ? dry_year_factor : ‸nile.flow < 50)`)}, []string{`(?i)branch|same type`}},
	{"compare-condition-with-number", cTypes, nile, []edit{rep(`(ethiopia.data == 0 ?`, `(ethiopia.data ‸== (turn > 0) ?`)}, []string{`(?i)compare`}},
	{"syntax-in-expression", cTypes, nile, []edit{rep(`score: "talks.progress / 10", weight: 2`, `score: "talks.progress / ‸/ 10", weight: 2`)}, []string{`(?i)syntax|unexpected`}},
	{"string-in-expression", cTypes, nile, []edit{rep(`{target: talks.progress, change: "1.5"}`, `{target: talks.progress, change: "‸'fast'"}`)}, []string{`(?i)number|string|unsupported`}},
	{"text-for-number", cTypes, nile, []edit{rep("    budget: 3\n    brief: >\n      \"African", "    budget: ‸lots\n    brief: >\n      \"African")}, []string{`(?i)number`}},
	{"fraction-for-turn", cTypes, nile, []edit{rep("    turn: 5\n", "    turn: ‸5.5\n")}, []string{`(?i)whole`}},
	{"number-for-bool", cTypes, nile, []edit{rep("    repeat: true", "    repeat: ‸1")}, []string{`(?i)true or false`}},
	{"scalar-for-list", cTypes, nile, []edit{rep(`levels: [withhold, share]`, `levels: ‸withhold`)}, []string{`(?i)list`}},
	{"list-for-text", cTypes, nile, []edit{rep("    name: Mediation\n", "    name: ‸[Mediation]\n")}, []string{`(?i)single|list`}},

	// ---- Constant faults: load-time errors at their position.
	{"div-zero", cConst, nile, []edit{rep(`{target: gerd.storage, change: "4.9"}`, `{target: gerd.storage, change: "4.9 ‸/ 0"}`)}, []string{`(?i)division by zero`}},
	{"var-div-zero", cConst, nile, []edit{rep(`max(0, tension - 50) / 10"`, `max(0, tension - 50) ‸/ 0"`)}, []string{`(?i)division by zero`}},
	{"div-folded-zero", cConst, pressure, []edit{rep(`change: "0.3 + 0.02 * russia.tech_transfer"`, `change: "0.3 + 0.02 * russia.tech_transfer ‸/ (3 - 3)"`)}, []string{`(?i)division by zero`}},
	{"div-zero-in-block", cConst, pressure, []edit{rep("      - 0.4 * (dprk.military_burden - 23)", "      - 0.4 ‸/ 0 * (dprk.military_burden - 23)")}, []string{`(?i)division by zero`}},
	{"div-zero-in-condition", cConst, nile, []edit{rep(`when: "talks.progress >= 40"`, `when: "talks.progress >= 40 ‸/ 0"`)}, []string{`(?i)division by zero`}},
	{"div-zero-in-chance", cConst, nile, []edit{rep(`chance: "0.6"`, `chance: "0.6 ‸/ 0"`)}, []string{`(?i)division by zero`}},
	{"mod-zero", cConst, nile, []edit{rep(`"(turn % 4 == 1 ? 1 : 0.1)`, `"(turn ‸% 0 == 1 ? 1 : 0.1)`)}, []string{`(?i)modulo`}},
	{"mod-zero-constant", cConst, nile, []edit{rep(`{target: talks.progress, change: "5"}`, `{target: talks.progress, change: "7 ‸% 0"}`)}, []string{`(?i)modulo`}},
	{"log-zero", cConst, nile, []edit{rep(`weight: 3, effects: [{target: tension, change: "5"}]`, `weight: 3, effects: [{target: tension, change: "‸log(0)"}]`)}, []string{`(?i)log`}},
	{"log-negative", cConst, nile, []edit{rep(`{target: gerd.storage, change: "4.9"}`, `{target: gerd.storage, change: "‸log(-1)"}`)}, []string{`(?i)log`}},
	{"log-zero-in-score", cConst, nile, []edit{rep(`score: "-egypt.shortfall"`, `score: "-egypt.shortfall - ‸log(0)"`)}, []string{`(?i)log`}},
	{"sqrt-negative", cConst, nile, []edit{rep(`{target: talks.progress, change: "5"}`, `{target: talks.progress, change: "‸sqrt(-4)"}`)}, []string{`(?i)sqrt|square root`}},
	{"sqrt-folded-negative", cConst, pressure, []edit{rep(`change: "0.3 + 0.02 * russia.tech_transfer"`, `change: "0.3 + ‸sqrt(2 - 6) * russia.tech_transfer"`)}, []string{`(?i)sqrt|square root`}},
	{"exp-overflow", cConst, nile, []edit{rep("{target: tension, change: \"6\"}\n\noutcomes:", "{target: tension, change: \"‸exp(1000)\"}\n\noutcomes:")}, []string{nonFinite}},
	{"pow-nan", cConst, nile, []edit{rep(`{target: sudan.roseires_risk, change: "-4"}`, `{target: sudan.roseires_risk, change: "‸pow(-8, 0.5)"}`)}, []string{notANumber}},
	{"mul-overflow", cConst, nile, []edit{rep(`when: "tension >= 90"`, `when: "tension >= 1e308 ‸* 10"`)}, []string{nonFinite}},
	{"power-overflow", cConst, nile, []edit{rep(`"min(5150, 60 * gerd.storage)"`, `"min(5150, 10 ‸** 400 * gerd.storage)"`)}, []string{nonFinite}},
	// Comparisons of constants: folded wrongly, each chance below is 0.5
	// or 0.4 and passes; folded rightly, it is above 1.
	{"folded-less-than", cConst, nile, []edit{rep(`chance: "0.6"`, `chance: "‸1 < 2 ? 2 : 0.5"`)}, []string{`(?i)chance`}},
	{"folded-difference-compared", cConst, nile, []edit{rep(`chance: "0.6"`, `chance: "‸2 - 1 > 0 ? 3 : 0.5"`)}, []string{`(?i)chance`}},
	{"folded-greater-than", cConst, pressure, []edit{rep(`chance: "0.4"`, `chance: "‸2 > 1 ? 2 : 0.4"`)}, []string{`(?i)chance`}},

	// ---- Run-time faults met in validate's games: errors with turn and seed.
	{"div-by-difference", cPlay, nile, []edit{rep(`max(0, tension - 50) / 10"`, `max(0, tension - 50) ‸/ (turn - 3)"`)}, []string{`(?i)division by zero`, turnN(3), inPlay}},
	{"log-x-minus-x", cPlay, nile, []edit{rep(`change: "0.15 * (45 - tension)`, `change: "‸log(tension - tension) + 0.15 * (45 - tension)`)}, []string{`(?i)log`, turnN(1), inPlay}},
	{"sqrt-of-negative-state", cPlay, nile, []edit{rep(`change: "-2 - max(0, tension - 50) / 10"`, `change: "-2 - ‸sqrt(-tension) - max(0, tension - 50) / 10"`)}, []string{`(?i)sqrt|square root`, turnN(1), inPlay}},
	{"mod-by-difference", cPlay, nile, []edit{rep(`"(turn % 4 == 1 ? 4 : 0.4)`, `"(turn ‸% (turn - 2) == 1 ? 4 : 0.4)`)}, []string{`(?i)modulo`, turnN(2), inPlay}},
	// The start of the formula and its overflowing '*' are both right:
	// the line only.
	{"growth-to-inf", cPlay, nile, []edit{
		insertAfter(`  - {id: tension, name: Tension,`, "  - {id: bubble, name: Bubble, init: 1}\n"),
		insertAfter("rules:", "  - {id: bubble, target: bubble, set: \"¶bubble * 1e200\"}\n"),
	}, []string{nonFinite, turnN(2), inPlay}},
	{"exp-of-turn", cPlay, nile, []edit{rep(`set: "min(5150, 60 * gerd.storage)"`, `set: "‸exp(turn * 300)"`)}, []string{nonFinite, turnN(3), inPlay}},
	// Overflow behaves the same whether constant or not: exp(1000) is a
	// fault even where min() would hide the +Inf from the state.
	{"exp-overflow-under-min", cPlay, nile, []edit{rep(`set: "min(5150, 60 * gerd.storage)"`, `set: "min(5150, ‸exp(turn * 300))"`)}, []string{nonFinite, turnN(3), inPlay}},
	{"pow-of-negative-state", cPlay, nile, []edit{rep(`change: "0.15 * (45 - tension) + tension_per_shortfall * egypt.shortfall + (nile.flow < 80 ? 3 : 0)"`, `change: "‸pow(tension - 101, 0.5)"`)}, []string{notANumber, turnN(1), inPlay}},
	{"chance-two", cPlay, nile, []edit{rep(`chance: "0.6"`, `chance: "‸1 + tension / tension"`)}, []string{`(?i)chance`, onSomeTurn, inPlay}},
	{"chance-negative", cPlay, nile, []edit{rep(`chance: "0.6"`, `chance: "‸(tension - 101) / 50"`)}, []string{`(?i)chance`, onSomeTurn, inPlay}},
	{"objective-div-zero", cPlay, nile, []edit{rep(`score: "-tension / 25"`, `score: "-tension ‸/ (tension - tension)"`)}, []string{`(?i)division by zero`, inPlay}},
	{"lever-effect-div-zero", cPlay, nile, []edit{rep("      - {target: talks.progress, change: \"2\"}\n      - {target: tension, change: \"-2\"", "      - {target: talks.progress, change: \"2 ‸/ (level - 1)\"}\n      - {target: tension, change: \"-2\"")}, []string{`(?i)division by zero`, onSomeTurn, inPlay}},
	{"div-by-state-that-reaches-zero", cPlay, nile, []edit{rep(`+ tension_per_shortfall * egypt.shortfall +`, `+ tension_per_shortfall ‸/ egypt.shortfall +`)}, []string{`(?i)division by zero`, onSomeTurn, inPlay}},
	{"event-condition-div-zero", cPlay, nile, []edit{rep(`when: "nile.flow < 75"`, `when: "100 ‸/ (nile.flow - nile.flow) < 75"`)}, []string{`(?i)division by zero`, onSomeTurn, inPlay}},
	{"outcome-condition-div-zero", cPlay, nile, []edit{rep(`when: "tension >= 90"`, `when: "tension ‸/ (turn - 4) >= 90"`)}, []string{`(?i)division by zero`, turnN(4), inPlay}},
	{"check-expect-div-zero", cPlay, nile, []edit{rep(`expect: "gerd.storage >= 10"`, `expect: "gerd.storage ‸/ (turn - turn) >= 10"`)}, []string{`(?i)division by zero`, inPlay}},
	{"rule-condition-log-zero", cPlay, pressure, []edit{rep(`when: "china.retaliate == 0"`, `when: "‸log(china.retaliate) == 0"`)}, []string{`(?i)log`, onSomeTurn, inPlay}},
	{"requires-log-zero", cPlay, pressure, []edit{repN(`requires: "dprk.negotiate >= 20 or`, 1, `requires: "‸log(dprk.negotiate - 10) >= 3 or`)}, []string{`(?i)log`, onSomeTurn, inPlay}},

	// ---- Values that cannot be right.
	{"chance-two-constant", cValues, nile, []edit{rep(`chance: "0.6"`, `chance: "‸2"`)}, []string{`(?i)chance`}},
	{"chance-negative-constant", cValues, nile, []edit{rep(`chance: "0.6"`, `chance: "‸-0.5"`)}, []string{`(?i)chance`}},
	{"chance-above-one-pressure", cValues, pressure, []edit{rep(`chance: "0.25"`, `chance: "‸2.5"`)}, []string{`(?i)chance`}},
	{"duplicate-level", cValues, nile, []edit{rep(`levels: [pause, gradual, fast]`, `levels: [pause, gradual, ‸pause]`)}, []string{`"pause"`, dup}},
	{"duplicate-level-pressure", cValues, pressure, []edit{rep(`levels: [none, sectoral, embargo]`, `levels: [none, sectoral, ‸sectoral]`)}, []string{`"sectoral"`, dup}},
	{"empty-level", cValues, nile, []edit{rep(`levels: [none, appeal]`, `levels: [none, "‸"]`)}, []string{`(?i)empty|blank|name`}},
	{"event-turn-zero", cValues, nile, []edit{rep("    turn: 1\n    text: Ethiopia announces", "    turn: ‸0\n    text: Ethiopia announces")}, []string{`(?i)turn`}},
	{"event-turn-beyond", cValues, nile, []edit{rep("    turn: 7\n", "    turn: ‸13\n")}, []string{`(?i)turn`}},
	{"event-turn-negative", cValues, nile, []edit{rep("    turn: 7\n", "    turn: ‸-2\n")}, []string{`(?i)turn`}},
	{"lasts-zero", cValues, nile, []edit{rep(`{target: gerd.storage, change: "4.9"}`, `{target: gerd.storage, change: "4.9", lasts: ‸0}`)}, []string{`(?i)lasts`}},
	{"lasts-zero-pressure", cValues, pressure, []edit{rep(`change: "2 * level", delay: 2, note`, `change: "2 * level", delay: 2, lasts: ‸0, note`)}, []string{`(?i)lasts`}},
	{"delay-negative", cValues, pressure, []edit{rep(`change: "level == 1 ? 1.0 : 2.5", delay: 1,`, `change: "level == 1 ? 1.0 : 2.5", delay: ‸-1,`)}, []string{`(?i)delay`}},
	{"second-document", cValues, nile, []edit{appendText("‸---\n# the previous version\nformat: 1\nmeta: {id: nile-2019}\n")}, []string{`(?i)document`}},
	{"noise-on-public-variable", cValues, nile, []edit{rep(`{id: tension, name: Tension, unit: points, group: Diplomacy, init: 45,`, `{id: tension, name: Tension, unit: points, group: Diplomacy, init: 45, noise: ‸5,`)}, []string{`(?i)noise`}},
	{"noise-on-public-variable-pressure", cValues, pressure, []edit{rep("    max: 5\n    format: \"%.2f\"\n    source: \"BOK 2017", "    max: 5\n    noise: ‸0.2\n    format: \"%.2f\"\n    source: \"BOK 2017")}, []string{`(?i)noise`}},
	{"noise-negative", cValues, nile, []edit{rep(`visible: [sudan], noise: 8`, `visible: [sudan], noise: ‸-8`)}, []string{`(?i)noise`}},
	// The costs are above every actor's budget, not only their own actor's.
	{"cost-over-budget", cValues, nile, []edit{rep(`cost: [0, 1, 3]`, `cost: [0, 1, ‸5]`)}, []string{`(?i)budget`}},
	{"cost-over-budget-pressure", cValues, pressure, []edit{rep("    levels: [none, build]\n    cost: [0, 2]", "    levels: [none, build]\n    cost: [0, ‸9]")}, []string{`(?i)budget`}},
	{"cost-negative", cValues, nile, []edit{rep("    levels: [withhold, share]\n    cost: [0, 1]", "    levels: [withhold, share]\n    cost: [0, ‸-1]")}, []string{`(?i)negative`}},
	{"costs-fewer-than-levels", cValues, nile, []edit{rep(`cost: [0, 1, 3]`, `cost: ‸[0, 1]`)}, []string{`(?i)levels.*costs`}},
	{"max-below-min", cValues, nile, []edit{rep(`init: 0, min: 0, max: 74`, `init: 0, min: 0, max: ‸-5`)}, []string{`(?i)max`}},
	{"init-above-max", cValues, nile, []edit{rep(`init: 45, min: 0, max: 100`, `init: ‸150, min: 0, max: 100`)}, []string{`(?i)init`}},
	{"init-below-min", cValues, pressure, []edit{rep("    init: 97.6\n    min: 40", "    init: ‸30\n    min: 40")}, []string{`(?i)init`}},
	{"turns-over-maximum", cValues, nile, []edit{rep("  turns: 12\n", "  turns: ‸1000000\n")}, []string{`(?i)turns`}},
	// Games of pressure-2017 rarely end before the turn limit: today this
	// one plays until the hang guard kills it.
	{"turns-over-maximum-pressure", cValues, pressure, []edit{rep("  turns: 12\n", "  turns: ‸1000000\n")}, []string{`(?i)turns`}},
	{"turns-zero", cValues, nile, []edit{rep("  turns: 12\n", "  turns: ‸0\n")}, []string{`(?i)turns`}},
	{"turns-negative", cValues, nile, []edit{rep("  turns: 12\n", "  turns: ‸-3\n")}, []string{`(?i)turns`}},
	{"colour-short", cValues, nile, []edit{rep(`colour: "#009E73"`, `colour: "‸#009E7"`)}, []string{`(?i)colou?r`}},
	{"colour-name", cValues, nile, []edit{rep(`colour: "#D55E00"`, `colour: ‸orange`)}, []string{`(?i)colou?r`}},
	{"step-unknown", cValues, nile, []edit{rep("  step: quarter", "  step: ‸fortnight")}, []string{`(?i)step`}},
	{"start-month", cValues, nile, []edit{rep("  start: 2020-07", "  start: ‸2020-13")}, []string{`(?i)start|month`}},
	{"start-form", cValues, nile, []edit{rep("  start: 2020-07", "  start: ‸July 2020")}, []string{`(?i)start|YYYY`}},
	{"format-version", cValues, nile, []edit{rep("format: 1\nmeta:", "format: ‸2\nmeta:")}, []string{`(?i)format`}},
	{"meta-id", cValues, nile, []edit{rep("  id: nile-2020", "  id: ‸Nile 2020")}, []string{`(?i)\bid\b`}},
	{"budget-negative", cValues, nile, []edit{rep("    budget: 3\n    brief: >\n      \"African", "    budget: ‸-3\n    brief: >\n      \"African")}, []string{`(?i)budget`}},
	{"risk-above-one", cValues, pressure, []edit{rep("      risk: 0.7\n", "      risk: ‸1.7\n")}, []string{`(?i)risk`}},
	{"option-weight-negative", cValues, nile, []edit{rep(`{id: decline, text: Stay out, weight: 1,`, `{id: decline, text: Stay out, weight: ‸-1,`)}, []string{`(?i)weight`}},
	{"share-reversed", cValues, nile, []edit{rep(`share: [0.02, 0.75]`, `share: ‸[0.75, 0.02]`)}, []string{`(?i)share`}},
	{"check-turn-beyond", cValues, nile, []edit{rep(`turn: 8, share`, `turn: ‸20, share`)}, []string{`(?i)turn`}},
	{"format-verb", cValues, nile, []edit{rep(`max: 5150, format: "%.0f"`, `max: 5150, format: "‸%d"`)}, []string{`(?i)format`}},
	// The decoder's cap: the message names what it is; the file as a
	// whole is at fault, so the position is its start.
	{"too-many-values", cValues, nile, []edit{rep("  sources:\n", "  sources:\n"+strings.Repeat("    - x\n", bigValues)), markStart()}, []string{`(?i)values`, `(?i)limit`}},

	// ---- Structure.
	{"lever-without-id", cStruct, nile, []edit{rep("  - id: ethiopia.data\n    actor: ethiopia\n", "  - ‸actor: ethiopia\n")}, []string{`(?i)\bid\b`}},
	{"event-without-id", cStruct, nile, []edit{rep("  - id: first_power\n    name: First power\n", "  - ‸name: First power\n")}, []string{`(?i)\bid\b`}},
	{"actor-without-id", cStruct, nile, []edit{rep("  - id: sudan\n    name: Sudan\n", "  - ‸name: Sudan\n")}, []string{`(?i)\bid\b`}},
	{"variable-without-id", cStruct, nile, []edit{rep(`  - {id: tension, name: Tension,`, `  - ‸{name: Tension,`)}, []string{`(?i)\bid\b`}},
	{"variable-without-name", cStruct, nile, []edit{rep(`  - {id: tension, name: Tension,`, `  - ‸{id: tension,`)}, []string{`(?i)name`}},
	{"duplicate-variable", cStruct, nile, []edit{insertAfter(`  - {id: tension, name: Tension,`, "  - {id: ‸tension, name: Tension again, init: 45}\n")}, []string{dup}},
	{"duplicate-lever", cStruct, nile, []edit{rep("  - id: egypt.talks\n", "  - id: ‸egypt.posture\n")}, []string{dup}},
	{"duplicate-rule", cStruct, nile, []edit{rep("  - id: talks_fade\n", "  - id: ‸flood\n")}, []string{dup}},
	{"duplicate-event", cStruct, nile, []edit{rep("  - id: first_power\n", "  - id: ‸guardians\n")}, []string{dup}},
	{"duplicate-outcome", cStruct, nile, []edit{rep("  - id: confrontation\n", "  - id: ‸agreement\n")}, []string{dup}},
	{"duplicate-actor", cStruct, nile, []edit{rep("  - id: au\n", "  - id: ‸sudan\n")}, []string{dup}},
	{"duplicate-objective", cStruct, nile, []edit{rep(`{id: calm, name: No confrontation`, `{id: ‸deal, name: No confrontation`)}, []string{dup}},
	{"duplicate-option", cStruct, nile, []edit{rep(`{id: decline, text: Stay out`, `{id: ‸join, text: Stay out`)}, []string{dup}},
	// Given both, the second of the two is the one too many.
	{"rule-change-and-set", cStruct, nile, []edit{rep("    change: \"-2 - max(0, tension - 50) / 10\"\n", "    change: \"-2 - max(0, tension - 50) / 10\"\n    ‸set: \"0\"\n")}, []string{`(?i)change`, `(?i)set`}},
	{"rule-neither-change-nor-set", cStruct, nile, []edit{rep("    change: \"-2 - max(0, tension - 50) / 10\"\n", ""), markAt("id: talks_fade")}, []string{`(?i)change`}},
	{"check-outcome-and-expect", cStruct, nile, []edit{rep(`outcome: confrontation, share`, `outcome: confrontation, ‸expect: "tension > 50", share`)}, []string{`(?i)outcome`, `(?i)expect`}},
	{"no-turn-limit-outcome", cStruct, nile, []edit{deleteLines("  - id: unresolved", 3), markAt("- id: agreement")}, []string{`(?i)turn limit|no 'when'`}},
	{"two-turn-limit-outcomes", cStruct, nile, []edit{rep("    when: \"tension >= 90\"\n", ""), markAt("id: unresolved")}, []string{`(?i)turn limit`}},
	{"event-neither-turn-nor-when", cStruct, nile, []edit{rep("    turn: 7\n", ""), markAt("id: first_power")}, []string{`(?i)turn`, `(?i)when`}},
	{"choice-with-one-option", cStruct, nile, []edit{deleteLines("{id: decline, text: Stay out", 1), markAt("- {id: join")}, []string{`(?i)two options`}},
	{"lever-with-one-level", cStruct, nile, []edit{rep("    levels: [none, appeal]\n    cost: [0, 2]", "    levels: ‸[appeal]\n    cost: [2]")}, []string{`(?i)two levels`}},
	{"effect-without-change", cStruct, nile, []edit{rep("      - {target: tension, change: \"5\"}\n  - id: guardians", "      - ‸{target: tension}\n  - id: guardians")}, []string{`(?i)change`}},
	{"effect-without-target", cStruct, nile, []edit{rep(`{target: tension, change: "-2 * level"}`, `‸{change: "-2 * level"}`)}, []string{`(?i)target`}},
	{"no-format", cStruct, nile, []edit{rep("format: 1\nmeta:", "meta:"), markStart()}, []string{`(?i)format`}},
	{"meta-without-id", cStruct, nile, []edit{rep("  id: nile-2020\n", ""), markAt(`title: "Filling`)}, []string{`(?i)\bid\b`}},

	// ---- Orders files (run --orders): all mistakes at load, before any output.
	{"another-actors-lever", cOrders, history, []edit{rep("      japan:\n        japan.aegis: build           # cabinet decision", "      japan:\n        ‸us.interdict: patrol\n        japan.aegis: build           # cabinet decision")}, []string{`us\.interdict`}},
	{"level-out-of-range", cOrders, history, []edit{rep("        us.unsc: sectoral            # resolution 2397", "        us.unsc: ‸7            # resolution 2397")}, []string{`(?i)level`}},
	{"level-negative", cOrders, history, []edit{rep("        us.unsc: sectoral            # resolution 2397", "        us.unsc: ‸-1            # resolution 2397")}, []string{`(?i)level`}},
	{"level-misspelt", cOrders, history, []edit{rep("        us.unsc: sectoral            # resolution 2397", "        us.unsc: ‸sectorl            # resolution 2397")}, []string{mean("sectoral")}},
	{"unknown-lever", cOrders, history, []edit{rep("        us.secondary: quiet          # EO 13810", "        ‸us.secondry: quiet          # EO 13810")}, []string{mean("us.secondary")}},
	{"unknown-actor", cOrders, history, []edit{rep("      russia:\n        russia.fuel: supply          # Russian fuel sales continued within", "      ‸rusia:\n        russia.fuel: supply          # Russian fuel sales continued within")}, []string{mean("russia")}},
	{"unknown-option", cOrders, history, []edit{rep("      three_noes: accept", "      three_noes: ‸acept")}, []string{mean("accept")}},
	{"unknown-event", cOrders, history, []edit{rep("      three_noes: accept", "      ‸three_nose: accept")}, []string{mean("three_noes")}},
	{"off-turn-event", cOrders, history, []edit{rep("      three_noes: accept", "      three_noes: accept\n      ‸olympics: accept")}, []string{`olympics`, `(?i)turn|2017-Q4`}},
	{"over-budget", cOrders, history, []edit{rep("      us:\n        us.unsc: sectoral            # resolution 2397", "      ‸us:\n        us.prompt_strike: deploy\n        us.interdict: board\n        us.unsc: sectoral            # resolution 2397")}, []string{`(?i)budget`}},
	{"no-such-date", cOrders, history, []edit{rep("  - date: 2018-Q1", "  - date: ‸2018-Q5")}, []string{`(?i)date|no turn`}},
	{"turn-out-of-range", cOrders, history, []edit{rep("  - date: 2018-Q1", "  - turn: ‸40")}, []string{`(?i)turn`}},
	{"turn-given-twice", cOrders, history, []edit{rep("  - date: 2018-Q1", "  - date: ‸2017-Q4")}, []string{dup}},
	{"two-mistakes", cOrders, history, []edit{
		rep("        us.unsc: sectoral            # resolution 2397", "        us.unsc: ‸sectorl            # resolution 2397"),
		repN("        japan.aegis: build", 2, "        japan.aegis: ‸buld"),
	}, []string{`(?i)did you mean`}},

	// ---- Parameters: declared uncertainty (validate, at load).
	{"param-value-outside-range", cValues, pressure, []edit{rep("    value: 1.1\n    range: [0.5, 1.5]", "    value: ‸1.9\n    range: [0.5, 1.5]")}, []string{`(?i)outside the range`}},
	{"param-range-reversed", cValues, pressure, []edit{rep("    value: 1.1\n    range: [0.5, 1.5]", "    value: 1.1\n    range: ‸[1.5, 0.5]")}, []string{`(?i)low below high`}},
	{"param-range-one-number", cValues, pressure, []edit{rep("    value: 1.1\n    range: [0.5, 1.5]", "    value: 1.1\n    range: ‸[0.5]")}, []string{`(?i)\[low, high\]`}},
	{"param-value-not-a-number", cTypes, pressure, []edit{rep("    value: 1.1\n    range: [0.5, 1.5]", "    value: ‸high\n    range: [0.5, 1.5]")}, []string{`(?i)number`}},
	{"param-range-item-not-a-number", cTypes, pressure, []edit{rep("    value: 1.1\n    range: [0.5, 1.5]", "    value: 1.1\n    range: [0.5, ‸one]")}, []string{`(?i)number`}},
	{"param-range-not-a-list", cTypes, pressure, []edit{rep("    value: 1.1\n    range: [0.5, 1.5]", "    value: 1.1\n    range: ‸1.5")}, []string{`(?i)list`}},
	{"param-without-source", cStruct, pressure, []edit{rep("    unit: points of willingness per point of elite rents below 70\n    source: judgement\n", "    unit: points of willingness per point of elite rents below 70\n"), markAt("id: rents_to_talks\n")}, []string{`(?i)source`, `(?i)judgement`}},
	{"param-dist-misspelt", cNames, pressure, []edit{rep("    unit: points of willingness per point of denial above 20\n", "    unit: points of willingness per point of denial above 20\n    dist: ‸triangluar\n")}, []string{mean("triangular")}},
	{"param-normal-without-sd", cStruct, pressure, []edit{rep("    unit: points of willingness per point of denial above 20\n", "    unit: points of willingness per point of denial above 20\n    dist: normal\n"), markAt("id: denial_to_talks\n")}, []string{`(?i)\bsd\b`}},
	{"param-sd-not-normal", cStruct, pressure, []edit{rep("    unit: points of willingness per point of denial above 20\n", "    unit: points of willingness per point of denial above 20\n    sd: ‸0.2\n")}, []string{`(?i)\bsd\b`, `(?i)normal`}},
	{"param-id-of-a-variable", cNames, pressure, []edit{rep("  - id: refugee_fear\n", "  - id: ‸tension\n")}, []string{`(?i)variable`, `pressure-2017\.yaml:\d+:\d+`}},
	{"param-misspelt-in-formula", cNames, pressure, []edit{rep("denial_to_talks * (allies.denial - 20)", "‸denial_to_talk * (allies.denial - 20)")}, []string{mean("denial_to_talks")}},
	{"param-defined-twice", cNames, pressure, []edit{rep("  - id: refugee_fear\n", "  - id: ‸denial_to_talks\n")}, []string{dup}},

	// ---- Strategies: the scenario's own fields, and its orders tracks.
	{"counterfactual-misspelt", cNames, pressure, []edit{rep("counterfactual: rely-on-beijing", "counterfactual: ‸rely-on-bejing")}, []string{mean("rely-on-beijing")}},
	{"strategy-orders-missing", cStruct, pressure, []edit{rep("    orders: pressure-2017.combined.yaml", "    orders: ‸pressure-2017.combind.yaml")}, []string{`(?i)no such file`}},
	{"strategy-seat-unknown-actor", cNames, pressure, []edit{rep("    orders: pressure-2017.rely-on-beijing.yaml\n", "    orders: pressure-2017.rely-on-beijing.yaml\n    seats: {‸chna: computer:hard}\n")}, []string{mean("china")}},
	{"strategy-seat-setting", cValues, pressure, []edit{rep("    orders: pressure-2017.rely-on-beijing.yaml\n", "    orders: pressure-2017.rely-on-beijing.yaml\n    seats: {‸china: computer:hardest}\n")}, []string{mean("computer:hard")}},
	{"strategy-defined-twice", cNames, pressure, []edit{rep("  - id: rely-on-beijing\n", "  - id: ‸combined\n")}, []string{dup}},
	{"strategy-track-level-misspelt", cOrders, rely, []edit{rep("        us.unsc: embargo", "        us.unsc: ‸embrago")}, []string{mean("embargo")}},
	{"strategy-track-unknown-lever", cOrders, rely, []edit{rep("        rok.aid: humanitarian", "        ‸rok.aide: humanitarian")}, []string{mean("rok.aid")}},
	{"strategy-track-over-budget", cOrders, combinedTrack, []edit{rep("      us:\n        us.secondary: quiet\n        us.russia_firms: designate\n        us.labor_sanctions: sanction_users\n        us.prompt_strike: deploy", "      ‸us:\n        us.secondary: public\n        us.russia_firms: designate\n        us.labor_sanctions: sanction_users\n        us.prompt_strike: deploy")}, []string{`(?i)budget`}},
}

// knownFailing lists the mutations that the engine does not catch yet, as
// of the commit that added the corpus; the fixes of issue 9 are to empty
// it. A listed mutation that passes fails the test, so the list cannot
// rot: remove it from here.
var knownFailing = map[string]bool{}

// TestCorpusHelperProcess is not a test: it is the sixparty command, which
// TestCorpus runs in a child process so that a hang can be killed and a
// panic in any goroutine is seen.
func TestCorpusHelperProcess(t *testing.T) {
	if os.Getenv("SIXPARTY_CORPUS_HELPER") != "1" {
		return
	}
	args := os.Args
	if i := slices.Index(args, "--"); i >= 0 {
		args = args[i+1:]
	}
	os.Exit(run(args, os.Stdout, os.Stderr))
}

// applied is a mutation ready to run: its source, and the positions
// (line, column, from 1; column 0 for any) where errors are expected.
type applied struct {
	src  string
	want [][2]int
}

// apply builds m's source from its base and reads off the markers.
func apply(m mutation) (applied, error) {
	name := m.base
	base, err := scenarios.BuiltinSource(name)
	if err != nil {
		return applied{}, err
	}
	src := string(base)
	if strings.Contains(src, marker) || strings.Contains(src, lineMarker) {
		return applied{}, fmt.Errorf("the built-in %s holds a marker (%s or %s)", name, marker, lineMarker)
	}
	for i, e := range m.edits {
		if src, err = e(src); err != nil {
			return applied{}, fmt.Errorf("edit %d no longer applies to %s: %v", i+1, name, err)
		}
	}
	var a applied
	for {
		i, mk := strings.Index(src, marker), marker
		if j := strings.Index(src, lineMarker); j >= 0 && (i < 0 || j < i) {
			i, mk = j, lineMarker
		}
		if i < 0 {
			break
		}
		before := src[:i]
		line := strings.Count(before, "\n") + 1
		col := utf8.RuneCountInString(before[strings.LastIndexByte(before, '\n')+1:]) + 1
		if mk == lineMarker {
			col = 0
		}
		a.want = append(a.want, [2]int{line, col})
		src = before + src[i+len(mk):]
	}
	if len(a.want) == 0 {
		return applied{}, errors.New("no marker: where is the error expected?")
	}
	if src == string(base) {
		return applied{}, errors.New("the edits change nothing")
	}
	a.src = src
	return a, nil
}

// result is what one mutation gave.
type result struct {
	name    string
	took    time.Duration
	pass    bool
	problem string // why it failed, with the output
}

// runMutation writes the mutated file and runs the command on it in a
// child process, within corpusCeiling.
func runMutation(t *testing.T, m mutation, a applied) result {
	dir := t.TempDir()
	file := filepath.Join(dir, m.base+".yaml")
	// The scenario and its strategies' orders tracks, as built in, then
	// the mutated file over its own.
	scenario, _, track := strings.Cut(m.base, ".")
	siblings := []string{scenario}
	if bm, err := scenarios.LoadBuiltin(scenario); err == nil {
		for _, st := range bm.Scenario.Strategies {
			siblings = append(siblings, strings.TrimSuffix(st.Orders, ".yaml"))
		}
	}
	for _, name := range siblings {
		src, err := scenarios.BuiltinSource(name)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name+".yaml"), src, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(file, []byte(a.src), 0o644); err != nil {
		t.Fatal(err)
	}
	args := []string{"validate", file}
	orders := strings.HasSuffix(m.base, ".history")
	switch {
	case orders:
		args = []string{"run", strings.TrimSuffix(m.base, ".history"), "--orders", file}
	case track:
		args = []string{"validate", "-games", "0", filepath.Join(dir, scenario+".yaml")}
	}
	ctx, cancel := context.WithTimeout(context.Background(), corpusCeiling)
	defer cancel()
	cmd := exec.CommandContext(ctx, os.Args[0], append([]string{"-test.run=^TestCorpusHelperProcess$", "--"}, args...)...)
	cmd.Env = append(os.Environ(), "SIXPARTY_CORPUS_HELPER=1")
	cmd.WaitDelay = time.Second
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err := cmd.Run()
	r := result{name: m.class + "/" + m.name, took: time.Since(start)}
	code := cmd.ProcessState.ExitCode()
	out := stderr.String() + stdout.String()
	fail := func(format string, args ...any) result {
		r.problem = fmt.Sprintf(format, args...) + "\n" + excerpt(out, file)
		return r
	}
	switch {
	case ctx.Err() != nil:
		return fail("no answer within %v: killed (a hang?)", corpusCeiling)
	case strings.Contains(out, "panic:") || strings.Contains(out, "goroutine "):
		return fail("panic (exit %d)", code)
	case err != nil && code < 0:
		return fail("the command did not run: %v", err)
	case code != exitFail:
		return fail("exit %d, want %d", code, exitFail)
	case orders && stdout.Len() > 0:
		return fail("the orders were refused after output had started")
	}
	for _, at := range a.want {
		if !hasMessage(out, file, at, m.want) {
			return fail("no error at %d:%d matching %q", at[0], at[1], m.want)
		}
	}
	r.pass = true
	return r
}

// hasMessage reports whether out holds an error line file:line:col: msg
// (not a warning) at the position (any column if at[1] is 0), whose
// message matches every pattern.
func hasMessage(out, file string, at [2]int, want []string) bool {
	prefix := fmt.Sprintf("%s:%d:%d: ", file, at[0], at[1])
	anyCol := regexp.MustCompile("^" + regexp.QuoteMeta(fmt.Sprintf("%s:%d:", file, at[0])) + `\d+: `)
	for _, line := range strings.Split(out, "\n") {
		msg, ok := strings.CutPrefix(line, prefix)
		if at[1] == 0 {
			loc := anyCol.FindString(line)
			msg, ok = line[len(loc):], loc != ""
		}
		if !ok || strings.HasPrefix(msg, "warning:") {
			continue
		}
		all := true
		for _, w := range want {
			all = all && regexp.MustCompile(w).MatchString(msg)
		}
		if all {
			return true
		}
	}
	return false
}

// excerpt is the first lines and the last of a command's output, with the
// temporary directory cut from the file name, for failure reports.
func excerpt(out, file string) string {
	out = strings.ReplaceAll(out, filepath.Dir(file)+string(filepath.Separator), "")
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	if n := len(lines); n > 6 {
		lines = append(lines[:4], fmt.Sprintf("... (%d lines in all)", n), lines[n-1])
	}
	return "    | " + strings.Join(lines, "\n    | ")
}

// TestCorpus runs every mutation of the corpus, in parallel, and logs a
// summary: how many there are, how many pass, the slowest and the total
// time.
func TestCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("the corpus plays games: not in -short")
	}
	var (
		mu      sync.Mutex
		results []result
	)
	start := time.Now()
	t.Run("m", func(t *testing.T) {
		for _, m := range corpus {
			t.Run(m.class+"/"+m.name, func(t *testing.T) {
				t.Parallel()
				a, err := apply(m)
				if err != nil {
					t.Fatalf("broken mutation: %v", err)
				}
				r := runMutation(t, m, a)
				mu.Lock()
				results = append(results, r)
				mu.Unlock()
				known := knownFailing[m.name]
				switch {
				case r.pass && known:
					t.Errorf("passes now (%v): remove %q from knownFailing", r.took.Round(time.Millisecond), m.name)
				case r.pass:
					t.Logf("ok in %v", r.took.Round(time.Millisecond))
				case known:
					t.Logf("known failing (%v): %s", r.took.Round(time.Millisecond), r.problem)
				default:
					t.Errorf("%s (%v)", r.problem, r.took.Round(time.Millisecond))
				}
			})
		}
	})
	pass, known := 0, 0
	var slowest, slowestPass result
	var sum time.Duration
	for _, r := range results {
		switch {
		case r.pass:
			pass++
			if r.took > slowestPass.took {
				slowestPass = r
			}
		case knownFailing[r.name[strings.IndexByte(r.name, '/')+1:]]:
			known++
		}
		if r.took > slowest.took {
			slowest = r
		}
		sum += r.took
	}
	ms := func(d time.Duration) time.Duration { return d.Round(time.Millisecond) }
	t.Logf("corpus: %d of %d mutations run: %d pass, %d fail (%d of them known); slowest %s in %v, slowest passing %s in %v; %v in all, %v of wall time at -parallel %s",
		len(results), len(corpus), pass, len(results)-pass, known, slowest.name, ms(slowest.took), slowestPass.name, ms(slowestPass.took),
		ms(sum), ms(time.Since(start)), testingParallel())
}

// testingParallel is the -test.parallel setting, for the summary.
func testingParallel() string {
	if f := flag.Lookup("test.parallel"); f != nil {
		return f.Value.String()
	}
	return "?"
}

// TestCorpusTable checks the table itself: unique names, every class
// covered, at least 110 mutations, and no stale knownFailing entry.
func TestCorpusTable(t *testing.T) {
	names := map[string]bool{}
	classes := map[string]int{}
	for _, m := range corpus {
		if names[m.name] {
			t.Errorf("mutation %q is in the table twice", m.name)
		}
		names[m.name] = true
		classes[m.class]++
		for _, w := range m.want {
			if _, err := regexp.Compile(w); err != nil {
				t.Errorf("%s: %v", m.name, err)
			}
		}
	}
	for _, c := range []string{cYAML, cNames, cTypes, cConst, cPlay, cValues, cStruct, cOrders} {
		if classes[c] == 0 {
			t.Errorf("no mutation of class %s", c)
		}
	}
	if len(corpus) < 110 {
		t.Errorf("%d mutations, want at least 110", len(corpus))
	}
	for name := range knownFailing {
		if !names[name] {
			t.Errorf("knownFailing names %q, which is not in the corpus", name)
		}
	}
	t.Logf("%d mutations: %v", len(corpus), classes)
}
