// Package suggest finds the nearest known name to a misspelt one, for
// "did you mean" hints in error messages.
package suggest

import "strings"

// Closest returns the candidate nearest to name by edit distance, or "" when
// none is close enough to be a plausible typo. Ties go to the earliest
// candidate, so the answer does not depend on map order.
func Closest(name string, candidates []string) string {
	best, bestD := "", -1
	limit := len(name)/3 + 1
	if limit > 4 {
		limit = 4
	}
	for _, c := range candidates {
		d := distance(strings.ToLower(name), strings.ToLower(c))
		if d > limit || d >= len(name) {
			// A name that ends the same way after a namespace prefix is
			// still a good hint ("reserves" for "dprk.reserves").
			if i := strings.LastIndexByte(c, '.'); i < 0 || c[i+1:] != name {
				continue
			}
			d = min(limit, len(name))
		}
		if bestD < 0 || d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

// Hint returns `; did you mean "x"?` for the closest candidate, or "".
func Hint(name string, candidates []string) string {
	if c := Closest(name, candidates); c != "" && c != name {
		return `; did you mean "` + c + `"?`
	}
	return ""
}

// distance is the Levenshtein distance between a and b, counted in bytes.
func distance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
