package options

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/sixparty/sixparty/sim"
)

// Table is a titled table of text cells, written as aligned text or as
// Markdown by the same code.
type Table struct {
	Title string
	Head  []string
	Rows  [][]string
	// Note, if not empty, follows the table: how to read it.
	Note string
}

// WriteTables writes tables to w as aligned plain text, or as Markdown
// (a level-3 heading and a pipe table each) when md is set.
func WriteTables(w io.Writer, tables []Table, md bool) error {
	ew := &errWriter{w: w}
	for i, t := range tables {
		if i > 0 {
			fmt.Fprintln(ew)
		}
		if md {
			fmt.Fprintf(ew, "### %s\n\n", t.Title)
			fmt.Fprintf(ew, "| %s |\n", strings.Join(t.Head, " | "))
			seps := make([]string, len(t.Head))
			for k := range seps {
				seps[k] = "---"
				if k > 0 {
					seps[k] = "---:"
				}
			}
			fmt.Fprintf(ew, "| %s |\n", strings.Join(seps, " | "))
			for _, r := range t.Rows {
				fmt.Fprintf(ew, "| %s |\n", strings.Join(r, " | "))
			}
			if t.Note != "" {
				fmt.Fprintf(ew, "\n%s\n", t.Note)
			}
			continue
		}
		fmt.Fprintln(ew, t.Title)
		tw := tabwriter.NewWriter(ew, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, strings.Join(t.Head, "\t"))
		for _, r := range t.Rows {
			fmt.Fprintln(tw, strings.Join(r, "\t"))
		}
		tw.Flush()
		if t.Note != "" {
			fmt.Fprintln(ew, t.Note)
		}
	}
	return ew.err
}

// errWriter keeps the first write error.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(p []byte) (int, error) {
	if e.err != nil {
		return len(p), nil
	}
	_, e.err = e.w.Write(p)
	return len(p), nil
}

// pct formats a share as a percentage with one decimal.
func pct(x float64) string { return strconv.FormatFloat(100*x, 'f', 1, 64) + "%" }

// pts formats a difference of shares in percentage points, signed.
func pts(x float64) string {
	return signed(100*x, 1) + " pts"
}

// signed formats x with a sign and dec decimals (no negative zero).
func signed(x float64, dec int) string {
	s := strconv.FormatFloat(x, 'f', dec, 64)
	if strings.Trim(s, "-0.") == "" {
		return strconv.FormatFloat(0, 'f', dec, 64)
	}
	if x > 0 {
		return "+" + s
	}
	return s
}

// num formats a number with two decimals (no negative zero).
func num(x float64) string {
	s := strconv.FormatFloat(x, 'f', 2, 64)
	if strings.Trim(s, "-0.") == "" {
		return "0.00"
	}
	return s
}

// pval formats a p-value.
func pval(p float64) string {
	if p < 0.001 {
		return "<0.001"
	}
	return strconv.FormatFloat(p, 'f', 3, 64)
}

func verdict(sig bool) string {
	if sig {
		return "yes"
	}
	return "no"
}

// Tables returns the comparison as tables: the outcome shares, the mean
// scores, each indicator's course, and each pair of strategies.
func (c *Comparison) Tables(m *sim.Model) []Table {
	names := make([]string, len(c.Strategies))
	for i, s := range c.Strategies {
		names[i] = s.Name
	}
	var ts []Table
	out := Table{Title: fmt.Sprintf("Outcomes: share of %d games, with 95%% Wilson interval", c.Games), Head: append([]string{"outcome"}, names...)}
	for oi, id := range c.Outcomes {
		row := []string{id}
		for _, s := range c.Strategies {
			o := s.Outcomes[oi]
			row = append(row, fmt.Sprintf("%s (%s–%s)", pct(o.Share), pct(o.Lo), pct(o.Hi)))
		}
		out.Rows = append(out.Rows, row)
	}
	for _, s := range c.Strategies {
		if s.Dropped > 0 {
			out.Note += fmt.Sprintf("%s: %d scripted order(s) in %d game(s) were not allowed on their turn (a lever unavailable in that course of the game) and were left out.\n", s.Name, s.Dropped, s.DroppedGames)
		}
	}
	out.Note = strings.TrimSuffix(out.Note, "\n")
	ts = append(ts, out)
	sc := Table{Title: "Mean score per actor (± standard deviation)", Head: append([]string{"actor"}, names...)}
	for ai, id := range c.Actors {
		row := []string{id}
		for _, s := range c.Strategies {
			row = append(row, fmt.Sprintf("%s ± %s", num(s.Scores[ai].Mean), num(s.Scores[ai].SD)))
		}
		sc.Rows = append(sc.Rows, row)
	}
	ts = append(ts, sc)
	for k, id := range c.Indicators {
		vi := m.VarIndex(id)
		t := Table{Title: fmt.Sprintf("%s (%s): median [10%%–90%%] by turn", id, m.Scenario.Vars[vi].Name), Head: append([]string{"turn", "date"}, names...)}
		for turn := range len(c.Strategies[0].Indicators[k].Median) {
			date := "start"
			if turn > 0 {
				date = "after " + m.Date(turn)
			}
			row := []string{strconv.Itoa(turn), date}
			for _, s := range c.Strategies {
				b := s.Indicators[k]
				row = append(row, fmt.Sprintf("%s [%s–%s]", m.Format(vi, b.Median[turn]), m.Format(vi, b.P10[turn]), m.Format(vi, b.P90[turn])))
			}
			t.Rows = append(t.Rows, row)
		}
		ts = append(ts, t)
	}
	for _, p := range c.Pairs {
		t := Table{
			Title: fmt.Sprintf("%s against %s, paired by seed", p.A, p.B),
			Head:  []string{"measure", "A − B", "seeds A>B", "seeds B>A", "p", "beyond noise"},
			Note: fmt.Sprintf("A is %s, B %s. Outcomes: McNemar's exact test on the seeds where only one strategy's game ended in the outcome (seeds A>B: only A's did). "+
				"Scores: the exact sign test on the seeds where one strategy scored higher (ties left out). Beyond noise: p < %g, not corrected for the number of tests.", p.A, p.B, Alpha),
		}
		for _, d := range p.Outcomes {
			t.Rows = append(t.Rows, []string{"outcome " + d.ID, pts(d.Diff), strconv.Itoa(d.OnlyA), strconv.Itoa(d.OnlyB), pval(d.P), verdict(d.Significant)})
		}
		for _, d := range p.Scores {
			t.Rows = append(t.Rows, []string{"score " + d.Actor, signed(d.Diff, 2), strconv.Itoa(d.Better), strconv.Itoa(d.Worse), pval(d.P), verdict(d.Significant)})
		}
		ts = append(ts, t)
	}
	return ts
}

// WriteCSV writes the comparison as one CSV table of rows
// kind,strategy,versus,item,turn,value,low,high,p: kind is outcome (value
// the share, low and high its interval), score (value the mean, low and
// high mean ± SD), indicator (value the median, low and high the 10% and
// 90% quantiles at a turn), outcome-diff or score-diff (strategy against
// versus: the difference and its p-value).
func (c *Comparison) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	f := func(x float64) string { return strconv.FormatFloat(x, 'g', 10, 64) }
	cw.Write([]string{"kind", "strategy", "versus", "item", "turn", "value", "low", "high", "p"})
	for _, s := range c.Strategies {
		for _, o := range s.Outcomes {
			cw.Write([]string{"outcome", s.Name, "", o.ID, "", f(o.Share), f(o.Lo), f(o.Hi), ""})
		}
		for _, sc := range s.Scores {
			cw.Write([]string{"score", s.Name, "", sc.Actor, "", f(sc.Mean), f(sc.Mean - sc.SD), f(sc.Mean + sc.SD), ""})
		}
		for _, b := range s.Indicators {
			for t := range b.Median {
				cw.Write([]string{"indicator", s.Name, "", b.ID, strconv.Itoa(t), f(b.Median[t]), f(b.P10[t]), f(b.P90[t]), ""})
			}
		}
	}
	for _, p := range c.Pairs {
		for _, d := range p.Outcomes {
			cw.Write([]string{"outcome-diff", p.A, p.B, d.ID, "", f(d.Diff), "", "", f(d.P)})
		}
		for _, d := range p.Scores {
			cw.Write([]string{"score-diff", p.A, p.B, d.Actor, "", f(d.Diff), "", "", f(d.P)})
		}
	}
	cw.Flush()
	return cw.Error()
}
