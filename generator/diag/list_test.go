package diag

import (
	"reflect"
	"strings"
	"testing"
)

// TestListCollects: Errorf and Warnf add with their severity, Merge keeps
// order, and HasErrors, Count and Strict read the list as a build does.
func TestListCollects(t *testing.T) {
	var l List
	if l.HasErrors() {
		t.Error("an empty list has errors")
	}
	l.Warnf(Pos{File: "a.md", Line: 2}, "skriv x", "advarsel %d", 1)
	if l.HasErrors() {
		t.Error("a warning counts as an error")
	}
	var other List
	other.Errorf(Pos{File: "b.md"}, "", "fejl %s", "her")
	other.Add(Diagnostic{Severity: Warning, Msg: "tilføjet"})
	l.Merge(other)
	want := List{
		{Pos: Pos{File: "a.md", Line: 2}, Severity: Warning, Msg: "advarsel 1", Hint: "skriv x"},
		{Pos: Pos{File: "b.md"}, Severity: Error, Msg: "fejl her"},
		{Severity: Warning, Msg: "tilføjet"},
	}
	if !reflect.DeepEqual(l, want) {
		t.Fatalf("list = %+v, want %+v", l, want)
	}
	if !l.HasErrors() {
		t.Error("HasErrors misses the merged error")
	}
	if e, w := l.Count(); e != 1 || w != 2 {
		t.Errorf("Count = %d errors, %d warnings; want 1, 2", e, w)
	}
	s := l.Strict()
	if e, w := s.Count(); e != 3 || w != 0 {
		t.Errorf("Strict: %d errors, %d warnings; want 3, 0", e, w)
	}
	if l[0].Severity != Warning {
		t.Error("Strict changed the list it was called on")
	}
}

// TestSortOrder: file, then line, then column, then message; equal
// positions keep their messages in order, whatever order they came in.
func TestSortOrder(t *testing.T) {
	l := List{
		{Pos: Pos{File: "b.md", Line: 1}, Msg: "b1"},
		{Pos: Pos{File: "a.md", Line: 3, Col: 2}, Msg: "a3:2"},
		{Pos: Pos{File: "a.md", Line: 3, Col: 1}, Msg: "z"},
		{Pos: Pos{File: "a.md", Line: 3, Col: 1}, Msg: "a"},
		{Pos: Pos{File: "a.md", Line: 10}, Msg: "a10"},
		{Pos: Pos{File: "", Line: 0}, Msg: "config"},
	}
	l.Sort()
	var got []string
	for _, d := range l {
		got = append(got, d.Msg)
	}
	want := []string{"config", "a", "z", "a3:2", "a10", "b1"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("sorted = %v, want %v", got, want)
	}
}

func TestSourceLine(t *testing.T) {
	src := []byte("+++\r\ntitle = \"X\"\r\n+++\nsidste")
	tests := []struct {
		n    int
		want string
	}{
		{0, ""},
		{-1, ""},
		{1, "+++"},
		{2, `title = "X"`},
		{3, "+++"},
		{4, "sidste"},
		{5, ""},
	}
	for _, tt := range tests {
		if got := SourceLine(src, tt.n); got != tt.want {
			t.Errorf("SourceLine(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
	if got := SourceLine(nil, 1); got != "" {
		t.Errorf("SourceLine of nothing = %q", got)
	}
}

// TestPrintSortsAndMasks: Print writes every diagnostic sorted, with its
// hint on the next line, and never a CPR-like number.
func TestPrintSortsAndMasks(t *testing.T) {
	l := List{
		{Pos: Pos{File: "b.md", Line: 4, Col: 2}, Severity: Error, Msg: "borger 010203-1234", Hint: "fjern nummeret"},
		{Pos: Pos{File: "a.md", Line: 1}, Severity: Warning, Msg: "først"},
	}
	var b strings.Builder
	l.Print(&b)
	want := "a.md:1: warning: først\nb.md:4:2: error: borger 01xxxx-xxxx\n\tfjern nummeret\n"
	if b.String() != want {
		t.Errorf("Print =\n%s\nwant\n%s", b.String(), want)
	}
	if l[0].Pos.File != "b.md" {
		t.Error("Print sorted the caller's list")
	}
}
