// Package suggest finds the nearest valid word for a misspelt one, for the
// "mente du ...?" hints that authors get for unknown keys, indikatorer,
// statuses and references.
package suggest

import "strings"

// Distance is the edit distance between a and b in runes, counting an
// insertion, deletion, substitution or swap of two neighbours as one edit
// (optimal string alignment): "titel" is one edit from "title".
func Distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	rows := make([][]int, len(ra)+1)
	for i := range rows {
		rows[i] = make([]int, len(rb)+1)
		rows[i][0] = i
	}
	for j := range rows[0] {
		rows[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			c := 1
			if ra[i-1] == rb[j-1] {
				c = 0
			}
			d := min(rows[i-1][j]+1, rows[i][j-1]+1, rows[i-1][j-1]+c)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d = min(d, rows[i-2][j-2]+1)
			}
			rows[i][j] = d
		}
	}
	return rows[len(ra)][len(rb)]
}

// Nearest returns the candidate closest to word (ignoring case), or "" if
// none is close enough to be a likely misspelling: at most a third of the
// longer word's letters differ (and at least 1, at most 3 edits).
func Nearest(word string, candidates []string) string {
	w := strings.ToLower(word)
	best, bestD := "", -1
	for _, c := range candidates {
		d := Distance(w, strings.ToLower(c))
		if bestD < 0 || d < bestD || (d == bestD && c < best) {
			best, bestD = c, d
		}
	}
	if best == "" {
		return ""
	}
	limit := max(len([]rune(word)), len([]rune(best))) / 3
	limit = min(max(limit, 1), 3)
	if bestD > limit {
		return ""
	}
	return best
}
