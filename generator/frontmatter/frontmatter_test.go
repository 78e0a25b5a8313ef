package frontmatter

import (
	"strings"
	"testing"
	"time"

	"github.com/handleplan/handleplan/generator/diag"
	"github.com/handleplan/handleplan/generator/i18n"
)

type aktivitet struct {
	Hvad     string `toml:"hvad"`
	Hvornaar string `toml:"hvornaar"`
}

type matter struct {
	Title     string      `toml:"title"`
	Maal      []string    `toml:"maal"`
	Orden     int         `toml:"orden"`
	Kladde    bool        `toml:"kladde"`
	Dato      time.Time   `toml:"dato"`
	Aktivitet []aktivitet `toml:"aktivitet"`
}

func TestSplit(t *testing.T) {
	tests := []struct {
		name     string
		src      string
		fm, body string
		bodyLine int
		errLine  int    // 0: no error expected
		errCol   int    // checked when > 0
		errText  string // part of the message
	}{
		{name: "plain", src: "+++\ntitle = \"A\"\n+++\nTekst\n", fm: "title = \"A\"\n", body: "Tekst\n", bodyLine: 4},
		{name: "crlf", src: "+++\r\ntitle = \"A\"\r\n+++\r\nTekst\r\nTo\r\n", fm: "title = \"A\"\n", body: "Tekst\nTo\n", bodyLine: 4},
		{name: "bom", src: "\ufeff+++\ntitle = \"Æ\"\n+++\n", fm: "title = \"Æ\"\n", body: "", bodyLine: 4},
		{name: "bom crlf", src: "\ufeff+++\r\ntitle = \"Å\"\r\n+++\r\nø\r\n", fm: "title = \"Å\"\n", body: "ø\n", bodyLine: 4},
		{name: "lone cr", src: "+++\rtitle = \"A\"\r+++\rTekst", fm: "title = \"A\"\n", body: "Tekst", bodyLine: 4},
		{name: "trailing spaces on fences", src: "+++  \ntitle = \"A\"\n+++ \t\nB", fm: "title = \"A\"\n", body: "B", bodyLine: 4},
		{name: "empty body", src: "+++\ntitle = \"A\"\n+++", fm: "title = \"A\"\n", body: "", bodyLine: 4},
		{name: "+++ later in body", src: "+++\na = 1\n+++\nx\n+++\ny\n", fm: "a = 1\n", body: "x\n+++\ny\n", bodyLine: 4},
		{name: "empty front matter", src: "+++\n+++\nTekst", fm: "", body: "Tekst", bodyLine: 3},
		{name: "empty file", src: "", errLine: 1, errText: "tom"},
		{name: "only whitespace", src: " \n\n", errLine: 1, errText: "tom"},
		{name: "yaml", src: "---\ntitle: A\n---\n", errLine: 1, errText: "YAML"},
		{name: "no front matter", src: "# Overskrift\n", errLine: 1, errText: "+++"},
		{name: "never closed", src: "+++\ntitle = \"A\"\nTekst\n", errLine: 1, errText: "afsluttet"},
		{name: "invalid utf-8", src: "+++\ntitle = \"A\"\n+++\nOK\nb\xe6d\n", errLine: 5, errCol: 2, errText: "UTF-8"},
		{name: "latin-1 in front matter", src: "+++\ntitle = \"Sygefrav\xe6r\"\n+++\n", errLine: 2, errCol: 18, errText: "UTF-8"},
		{name: "binary", src: "+++\n\x00\x01\n+++\n", errLine: 2, errText: "binære"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, ds := Split("c/x.md", []byte(tt.src), i18n.Da)
			if tt.errLine == 0 {
				if len(ds) != 0 {
					t.Fatalf("unexpected diagnostics: %v", ds)
				}
				if string(f.FrontMatter) != tt.fm || string(f.Body) != tt.body || f.BodyLine != tt.bodyLine {
					t.Errorf("got fm %q body %q line %d", f.FrontMatter, f.Body, f.BodyLine)
				}
				return
			}
			if len(ds) != 1 {
				t.Fatalf("want exactly one diagnostic, got %v", ds)
			}
			d := ds[0]
			if d.Pos.Line != tt.errLine || (tt.errCol > 0 && d.Pos.Col != tt.errCol) || !strings.Contains(d.Msg, tt.errText) || d.Severity != diag.Error {
				t.Errorf("got %v, want line %d col %d with %q", d, tt.errLine, tt.errCol, tt.errText)
			}
		})
	}
}

func TestSplitHuge(t *testing.T) {
	src := make([]byte, 50<<20)
	_, ds := Split("c/huge.md", src, i18n.Da)
	if len(ds) != 1 || !strings.Contains(ds[0].Msg, "MB") {
		t.Errorf("50 MB file: %v", ds)
	}
}

func TestDecode(t *testing.T) {
	tests := []struct {
		name      string
		src       string
		line, col int
		msg, hint string
	}{
		{name: "ok", src: "+++\ntitle = \"A\"\nmaal = [\"x\", \"y\"]\n[[aktivitet]]\nhvad = \"h\"\n+++\n"},
		{name: "unknown key", src: "+++\ntitle = \"A\"\nmal = [\"x\"]\n+++\n", line: 3, col: 7, msg: `ukendt felt "mal"`, hint: `mente du "maal"?`},
		{name: "unknown key in array table", src: "+++\ntitle = \"A\"\n[[aktivitet]]\nhvad = \"a\"\n[[aktivitet]]\nhvad = \"b\"\nhvornar = \"2022\"\n+++\n",
			line: 7, col: 11, msg: `"aktivitet.hvornar"`, hint: `"hvornaar"`},
		{name: "unknown key far from any", src: "+++\nxyzzy = 1\n+++\n", line: 2, msg: "xyzzy", hint: "kendte felter"},
		{name: "string for list", src: "+++\ntitle = \"A\"\nmaal = \"et mål\"\n+++\n", line: 3, msg: `"maal" skal være en liste af tekster`, hint: `skriv maal = ["et mål"]`},
		{name: "list for string", src: "+++\ntitle = [\"A\"]\n+++\n", line: 2, msg: `"title" skal være en tekst`},
		{name: "string for int", src: "+++\norden = \"1\"\n+++\n", line: 2, msg: "helt tal"},
		{name: "string for bool", src: "+++\nkladde = \"ja\"\n+++\n", line: 2, msg: "true eller false"},
		{name: "syntax error", src: "+++\ntitle = \"A\"\nstatus = \n+++\n", line: 3, msg: "mangler en værdi, men der står linjens slutning", hint: `title = "Titel"`},
		{name: "unclosed string", src: "+++\ntitle = \"A\n+++\n", line: 2, msg: "ikke afsluttet", hint: "samme linje"},
		{name: "syntax error with bom crlf", src: "\ufeff+++\r\ntitle = \"A\"\r\nx y\r\n+++\r\n", line: 3, msg: "skal der stå =, men der står 'y'", hint: "felt = værdi"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, ds := Split("c/x.md", []byte(tt.src), i18n.Da)
			if len(ds) > 0 {
				t.Fatal(ds)
			}
			var m matter
			_, ds = Decode(f, &m, i18n.Da)
			if tt.msg == "" {
				if len(ds) > 0 {
					t.Fatalf("unexpected: %v", ds)
				}
				return
			}
			if len(ds) != 1 {
				t.Fatalf("want one diagnostic, got %v", ds)
			}
			d := ds[0]
			if d.Pos.File != "c/x.md" || d.Pos.Line != tt.line || (tt.col > 0 && d.Pos.Col != tt.col) ||
				!strings.Contains(d.Msg, tt.msg) || !strings.Contains(d.Hint, tt.hint) {
				t.Errorf("got %v\nwant line %d col %d msg %q hint %q", d, tt.line, tt.col, tt.msg, tt.hint)
			}
		})
	}
}

func TestPositions(t *testing.T) {
	src := "+++\n" +
		"title = \"Træning\"\n" + // 2
		"maal = [\n" + // 3
		"  \"første\",\n" + // 4
		"  \"anden\", \"tredje\"\n" + // 5
		"]\n" + // 6
		"henstilling = \"\"\"\n" + // 7
		"[[ikke en tabel]]\n" + // 8
		"\"\"\"\n" + // 9
		"[[aktivitet]]\n" + // 10
		"hvad = \"a\"\n" + // 11
		"[[aktivitet]]\n" + // 12
		"hvad = \"b\" # kommentar\n" + // 13
		"hvornaar = '1. kvartal 2022'\n" + // 14
		"[roller]\n" + // 15
		"\"Konst. aftaleholder\" = \"K\"\n" + // 16
		"+++\n"
	f, _ := Split("c/x.md", []byte(src), i18n.Da)
	var m struct {
		matter
		Henstilling string            `toml:"henstilling"`
		Roller      map[string]string `toml:"roller"`
	}
	pos, ds := Decode(f, &m, i18n.Da)
	if len(ds) > 0 {
		t.Fatal(ds)
	}
	tests := []struct {
		path      []any
		line, col int
	}{
		{[]any{"title"}, 2, 9},
		{[]any{"maal"}, 3, 8},
		{[]any{"maal", 0}, 4, 3},
		{[]any{"maal", 1}, 5, 3},
		{[]any{"maal", 2}, 5, 12},
		{[]any{"henstilling"}, 7, 15},
		{[]any{"aktivitet", 0, "hvad"}, 11, 8},
		{[]any{"aktivitet", 1, "hvad"}, 13, 8},
		{[]any{"aktivitet", 1, "hvornaar"}, 14, 12},
		{[]any{"aktivitet", 1, "status"}, 12, 1},         // falls back to the table
		{[]any{"nope"}, 2, 0},                            // falls back to the front matter
		{[]any{"roller", "Konst. aftaleholder"}, 16, 25}, // a dot inside quotes does not split
	}
	for _, tt := range tests {
		p := pos.Pos(tt.path...)
		if p.Line != tt.line || p.Col != tt.col {
			t.Errorf("Pos(%v) = %d:%d, want %d:%d", tt.path, p.Line, p.Col, tt.line, tt.col)
		}
	}
}

func TestWhole(t *testing.T) {
	f := Whole("config.toml", []byte("\ufefftitle = \"T\"\r\nsprog = \"da\"\r\n"))
	var c struct {
		Title string `toml:"title"`
	}
	_, ds := Decode(f, &c, i18n.En)
	if len(ds) != 1 || ds[0].Pos.Line != 2 || ds[0].Pos.Col != 9 || !strings.Contains(ds[0].Msg, "unknown field") {
		t.Errorf("got %v", ds)
	}
}

func FuzzFrontMatter(f *testing.F) {
	f.Add([]byte("+++\ntitle = \"A\"\nmaal = [\"x\"]\n[[aktivitet]]\nhvad = \"h\"\n+++\nTekst"))
	f.Add([]byte("\ufeff+++\r\ntitle = \"Æ\"\r\n+++\r\n"))
	f.Add([]byte("---\ntitle: A\n---\n"))
	f.Add([]byte("+++\ntitle = \"\"\"\nx\n+++\n"))
	f.Add([]byte("+++\nmaal = [\n\"a\",\n+++\n"))
	f.Add([]byte("+++\n[[a.b]]\n[c]\nd.e = 1\n+++\n"))
	f.Add([]byte("+++\nmaal = [[[[[[[[[[[[[[[[[[\"]\", '[', \"\"\"[\n\"\"\"] # [\n+++\n"))
	f.Add([]byte("+++\n+++\n> > > > - - 1. *a_ *a_ [a](x [r]: /u\n[r]: /v\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		file, ds := Split("f.md", src, i18n.Da)
		lines := strings.Count(string(src), "\n") + strings.Count(string(src), "\r") + 1
		check := func(ds diag.List) {
			for _, d := range ds {
				if d.Pos.Line < 0 || d.Pos.Line > lines {
					t.Fatalf("diagnostic at line %d of a %d-line file: %v", d.Pos.Line, lines, d)
				}
			}
		}
		check(ds)
		if ds.HasErrors() {
			return
		}
		var m matter
		pos, ds := Decode(file, &m, i18n.Da)
		check(ds)
		pos.Pos("aktivitet", 3, "hvad")
		pos.Pos("maal", 100)
	})
}

func TestKeysAreCaseSensitive(t *testing.T) {
	f, _ := Split("c/x.md", []byte("+++\nTitle = \"A\"\n[[Aktivitet]]\nhvad = \"x\"\n+++\n"), i18n.Da)
	var m matter
	_, ds := Decode(f, &m, i18n.Da)
	if len(ds) != 2 || ds[0].Pos.Line != 2 || !strings.Contains(ds[0].Hint, `"title"`) {
		t.Errorf("got %v", ds)
	}
}
