package cpr

import (
	"strings"
	"testing"
)

func TestFind(t *testing.T) {
	tests := []struct {
		in   string
		want []string // masked matches
	}{
		{"", nil},
		{"borger 010280-1234 bor her", []string{"01xxxx-xxxx"}},
		{"0102801234", []string{"01xxxxxxxx"}},
		{"cpr: 010280 1234.", []string{"01xxxx xxxx"}},
		{"311299-4321 og 290200-1111", []string{"31xxxx-xxxx", "29xxxx-xxxx"}},
		{"290201-1234", nil},                     // 29 Feb 1901 and 2001 do not exist
		{"290204-1234", []string{"29xxxx-xxxx"}}, // 2004 is a leap year
		{"320180-1234", nil},                     // day 32
		{"011380-1234", nil},                     // month 13
		{"000180-1234", nil},                     // day 0
		{"10102801234", nil},                     // part of a longer number
		{"01028012345", nil},                     // trailing digit
		{"010280--1234", nil},                    // two separators
		{"010280-123", nil},                      // too short
		{"tlf. 86 12 34 56", nil},
		{"2022-03-01 og 1.2.2018", nil},
		{"konto 1234 0102801234", []string{"01xxxxxxxx"}},
		{"æøå010280-1234æøå", []string{"01xxxx-xxxx"}},
		{"010280\t1234", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, m := range Find([]byte(tt.in)) {
			got = append(got, m.Masked)
			if d := tt.in[m.Offset : m.Offset+m.Len]; strings.Trim(d, "0123456789 -") != "" {
				t.Errorf("Find(%q): match %q is not the number", tt.in, d)
			}
		}
		if strings.Join(got, ",") != strings.Join(tt.want, ",") {
			t.Errorf("Find(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzFind(f *testing.F) {
	f.Add([]byte("010280-1234"))
	f.Add([]byte("a 0102801234 b 311299 4321"))
	f.Fuzz(func(t *testing.T, b []byte) {
		prev := -1
		for _, m := range Find(b) {
			if m.Offset <= prev || m.Offset+m.Len > len(b) || m.Len < 10 || m.Len > 11 {
				t.Fatalf("bad match %+v in %q", m, b)
			}
			if strings.ContainsAny(m.Masked[2:], "0123456789") {
				t.Fatalf("mask leaks digits: %q", m.Masked)
			}
			prev = m.Offset
		}
	})
}
