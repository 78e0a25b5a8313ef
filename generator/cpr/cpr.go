// Package cpr finds numbers that look like Danish CPR numbers, so that a
// published plan never carries one.
//
// A CPR-like number is a valid calendar date written DDMMYY followed by
// four digits, either directly or after one dash or space: 010280-1234,
// 0102801234, 010280 1234. The modulus-11 check is deliberately not used:
// numbers issued since 2007 need not satisfy it. Digits directly before or
// after the match (part of a longer number) do not count, so an account
// number or a phone number run together with other digits is not flagged.
package cpr

import "time"

// Match is one CPR-like number in a text.
type Match struct {
	// Offset is the byte offset of the first digit in the text.
	Offset int
	// Len is the length of the match in bytes.
	Len int
	// Masked is the number with everything but the date's day hidden,
	// safe to print in a diagnostic: "01xxxx-xxxx".
	Masked string
}

// Find returns every CPR-like number in text, in order.
func Find(text []byte) []Match {
	var out []Match
	n := len(text)
	for i := 0; i+10 <= n; i++ {
		if !isDigit(text[i]) || (i > 0 && isDigit(text[i-1])) {
			continue
		}
		if !allDigits(text[i : i+6]) {
			continue
		}
		j := i + 6
		sep := byte(0)
		if j < n && (text[j] == '-' || text[j] == ' ') {
			sep = text[j]
			j++
		}
		if j+4 > n || !allDigits(text[j:j+4]) || (j+4 < n && isDigit(text[j+4])) {
			continue
		}
		if !validDate(text[i : i+6]) {
			continue
		}
		m := Match{Offset: i, Len: j + 4 - i}
		masked := []byte{text[i], text[i+1], 'x', 'x', 'x', 'x'}
		if sep != 0 {
			masked = append(masked, sep)
		}
		m.Masked = string(append(masked, 'x', 'x', 'x', 'x'))
		out = append(out, m)
		i = j + 3
	}
	return out
}

func validDate(d []byte) bool {
	day := int(d[0]-'0')*10 + int(d[1]-'0')
	month := int(d[2]-'0')*10 + int(d[3]-'0')
	yy := int(d[4]-'0')*10 + int(d[5]-'0')
	if month < 1 || month > 12 || day < 1 {
		return false
	}
	// The century is unknown from six digits; a day valid in either
	// century counts (29 February is valid in 2000 and 1900+yy leap years).
	for _, year := range []int{1900 + yy, 2000 + yy} {
		if day <= time.Date(year, time.Month(month+1), 0, 0, 0, 0, 0, time.UTC).Day() {
			return true
		}
	}
	return false
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

func allDigits(b []byte) bool {
	for _, c := range b {
		if !isDigit(c) {
			return false
		}
	}
	return true
}
