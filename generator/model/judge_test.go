package model

import (
	"testing"
	"time"

	"github.com/handleplan/handleplan/generator/i18n"
)

// TestJudge: the one place that decides overdue, passed and ahead, and
// what the pages then say of it.
func TestJudge(t *testing.T) {
	now := time.Date(2022, 6, 1, 0, 0, 0, 0, time.UTC)
	past := time.Date(2021, 12, 31, 0, 0, 0, 0, time.UTC)
	later := time.Date(2022, 9, 30, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name   string
		s      Status
		slut   time.Time
		closed bool
		want   string // o(verdue), p(assed), a(head), or ""
		da, en string // Note
	}{
		{"i gang, passed", IGang, past, false, "o", "Frist overskredet", "Deadline overdue"},
		{"planlagt, passed", Planlagt, past, false, "o", "Frist overskredet", "Deadline overdue"},
		{"forsinket, passed", Forsinket, past, false, "o", "Frist overskredet", "Deadline overdue"},
		{"no status, passed", "", past, false, "p", i18n.T(i18n.Da, "frist.passeret", "31.12.2021"), i18n.T(i18n.En, "frist.passeret", "31 Dec 2021")},
		{"gennemført, passed", Gennemfoert, past, false, "", "", ""},
		{"opgivet, ahead", Opgivet, later, false, "", "", ""},
		{"i gang, ahead", IGang, later, false, "a", "", ""},
		{"no status, today", "", now, false, "a", "", ""},
		{"closed plan", IGang, past, true, "", "", ""},
		{"no end", IGang, time.Time{}, false, "", "", ""},
	}
	for _, tt := range tests {
		f := Judge(tt.s, tt.slut, now, tt.closed)
		got := ""
		if f.Overdue {
			got += "o"
		}
		if f.Passed {
			got += "p"
		}
		if f.Ahead {
			got += "a"
		}
		if got != tt.want || !f.Slut.Equal(tt.slut) {
			t.Errorf("%s: judged %q (slut %v), want %q", tt.name, got, f.Slut, tt.want)
		}
		if da, en := f.Note(i18n.Da), f.Note(i18n.En); da != tt.da || en != tt.en {
			t.Errorf("%s: Note = %q, %q; want %q, %q", tt.name, da, en, tt.da, tt.en)
		}
	}
}

func TestStatusWords(t *testing.T) {
	slugs := map[Status]string{Planlagt: "planlagt", IGang: "i-gang", Forsinket: "forsinket", Gennemfoert: "gennemfoert", Opgivet: "opgivet"}
	if len(Statuses) != len(slugs) {
		t.Errorf("Statuses = %v", Statuses)
	}
	for _, s := range Statuses {
		if s.Slug() != slugs[s] {
			t.Errorf("%q.Slug() = %q, want %q", s, s.Slug(), slugs[s])
		}
		if !i18n.Has("status." + s.Slug()) {
			t.Errorf("no label status.%s in the catalog", s.Slug())
		}
		if s.Closed() != (s == Gennemfoert || s == Opgivet) {
			t.Errorf("%q.Closed() = %v", s, s.Closed())
		}
	}
	if ShortDate(i18n.Da, time.Time{}) != "" {
		t.Error("ShortDate of no day")
	}
}
