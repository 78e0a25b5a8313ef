package model

import "strings"

// plainTitle removes the bidirectional embedding, override and isolate
// controls (U+202A–U+202E, U+2066–U+2069) from a title, a role or a tema
// name. Titles are shown in many places (headings, links, crumbs,
// <title>, the search index, the feed); an unbalanced override in one of
// them reverses the text that follows it on the page, and can make a
// title read as something it is not.
func plainTitle(s string) string {
	if !strings.ContainsFunc(s, isBidiControl) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isBidiControl(r) {
			return -1
		}
		return r
	}, s)
}

func isBidiControl(r rune) bool {
	return r >= '\u202A' && r <= '\u202E' || r >= '\u2066' && r <= '\u2069'
}
