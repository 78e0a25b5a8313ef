package frontmatter

import (
	"fmt"
	"strings"
	"testing"

	"github.com/handleplan/handleplan/generator/i18n"
	"github.com/handleplan/handleplan/generator/sitetest"
)

type measured struct {
	Maal    []string `toml:"maal"`
	Maaling []struct {
		Navn string  `toml:"navn"`
		Data [][]any `toml:"data"`
	} `toml:"maaling"`
}

func TestDepthLimit(t *testing.T) {
	deep := strings.Repeat("[", 17)
	tests := []struct {
		name      string
		fm        string
		line, col int // 0: not refused for depth
	}{
		{"points", "[[maaling]]\ndata = [[\"2022-01\", 9.4], [\"2022-02\", 8.7]]\n", 0, 0},
		{"16 deep", "x = " + strings.Repeat("[", 16) + strings.Repeat("]", 16) + "\n", 0, 0},
		{"17 deep", "title = \"Æ\"\nmaal = " + deep + "\n", 3, 24},
		{"a million", "maal = " + strings.Repeat("[", 1_000_000), 2, 24},
		{"tables", "x = " + strings.Repeat("{a = ", 17) + "1" + strings.Repeat("}", 17), 2, 85},
		{"in strings", "maal = [\"" + deep + "\", '" + deep + "', \"\"\"\n" + deep + "\n\"\"\", '''" + deep + "''']\n", 0, 0},
		{"escaped quote", `maal = ["\"` + deep + `"]` + "\n", 0, 0},
		{"in comments", "# " + deep + "\nmaal = [] # " + deep + "\n", 0, 0},
		{"closed and opened", strings.Repeat("x = [[[[[[[[[[]]]]]]]]]]\n", 20), 0, 0},
		{"after a string", "maal = [\"]]]]]]]]]]\", " + deep, 2, 38},
	}
	for _, tt := range tests {
		f := File{Path: "c/x.md", FrontMatter: []byte(tt.fm), FMLine: 2}
		var m measured
		_, ds := Decode(f, &m, i18n.Da)
		refused := len(ds) == 1 && strings.Contains(ds[0].Msg, "16 niveauer")
		if tt.line == 0 {
			if refused {
				t.Errorf("%s: refused: %v", tt.name, ds)
			}
			continue
		}
		if !refused || ds[0].Pos.Line != tt.line || ds[0].Pos.Col != tt.col || ds[0].Hint == "" {
			t.Errorf("%s: got %v, want the depth limit at %d:%d", tt.name, ds, tt.line, tt.col)
		}
	}
}

// A million [ is refused at once, in time linear in the input.
func TestDeepNestingLinear(t *testing.T) {
	srcs := map[int][]byte{}
	sitetest.Linear(t, 100_000, func(n int) {
		if srcs[n] == nil {
			srcs[n] = []byte("+++\nmaal = " + strings.Repeat("[", n) + "\n+++\n")
			return
		}
		f, _ := Split("c/x.md", srcs[n], i18n.Da)
		var m measured
		Decode(f, &m, i18n.Da)
	})
}

// The positions of the elements of a one-line array are found in one
// pass over the line: a measurement with 200,000 points took over a
// minute.
func TestPositionsLinear(t *testing.T) {
	point := `["2022-01", 9.4], `
	srcs := map[int][]byte{}
	sitetest.Linear(t, 20_000, func(n int) {
		if srcs[n] == nil {
			srcs[n] = []byte("[[maaling]]\nnavn = \"æ\"\ndata = [" + strings.Repeat(point, n) + "]\n")
			return
		}
		p := scan(File{Path: "c/x.md", FrontMatter: srcs[n], FMLine: 2})
		if got, want := p.Pos("maaling", 0, "data", n-1).Col, len("data = [")+(n-1)*len(point)+1; got != want {
			t.Fatalf("last point at column %d, want %d", got, want)
		}
	})
}

// Columns count characters, not bytes, also when the positions of one
// line are asked for in turn.
func TestPositionsColumns(t *testing.T) {
	p := scan(File{Path: "c/x.md", FrontMatter: []byte("maal = [\"æø\", \"å\", 'x']\ntitle = \"ü\"\n"), FMLine: 2})
	for _, c := range []struct {
		path []any
		col  int
	}{{[]any{"maal", 0}, 9}, {[]any{"maal", 1}, 15}, {[]any{"maal", 2}, 20}, {[]any{"maal"}, 8}, {[]any{"title"}, 9}} {
		if got := p.Pos(c.path...).Col; got != c.col {
			t.Errorf("Pos(%v).Col = %d, want %d", c.path, got, c.col)
		}
	}
}

// A body that Markdown would take more than linear time on is refused
// where it goes over the limit.
func TestBodyLimits(t *testing.T) {
	for _, c := range []struct {
		body      string
		line, col int
		msg       string
	}{
		{"Tekst.\n\n" + strings.Repeat("*a_ ", 100_000), 6, 1, "for mange af tegnene"},
		{"Tekst.\n\n" + strings.Repeat("> ", 40) + "x\n", 6, 1, "mere end 32 niveauer"},
		{"Tekst.\n\n|a|b|\n|-|-|\n" + strings.Repeat("|x|y|\n", 60_000), 6, 1, "over 100000 celler"},
		{"Tekst *med* [et link](x).\n\n- a\n  - b\n\n|a|b|\n|-|-|\n|x|y|\n", 0, 0, ""},
	} {
		_, ds := Split("c/x.md", []byte("+++\ntitle = \"T\"\n+++\n"+c.body), i18n.Da)
		if c.msg == "" {
			if len(ds) != 0 {
				t.Errorf("%.20q: %v", c.body, ds)
			}
			continue
		}
		if len(ds) != 1 || ds[0].Pos.Line != c.line || ds[0].Pos.Col != c.col || !strings.Contains(ds[0].Msg, c.msg) || ds[0].Hint == "" {
			t.Errorf("%.20q: got %v, want %q at %d:%d", c.body, ds, c.msg, c.line, c.col)
		}
	}
}

// BenchmarkHostile reads front matter that took more than linear time
// before, at 1, 2 and 4 times a size, to show how the time grows:
// go test -run '^$' -bench Hostile ./generator/frontmatter/
func BenchmarkHostile(b *testing.B) {
	hostile := map[string]func(n int) string{
		// A one-line measurement whose last point is wrong: the error
		// asks where the points stand.
		"points":   func(n int) string { return "[[maaling]]\ndata = [" + strings.Repeat(`["2022-01", 9.4], `, n) + "3]\n" },
		"brackets": func(n int) string { return "maal = " + strings.Repeat("[", 10*n) },
	}
	for _, name := range []string{"points", "brackets"} {
		for _, scale := range []int{1, 2, 4} {
			src := []byte("+++\n" + hostile[name](20_000*scale) + "\n+++\n")
			b.Run(fmt.Sprintf("%s/%dx", name, scale), func(b *testing.B) {
				b.SetBytes(int64(len(src)))
				for b.Loop() {
					f, _ := Split("c/x.md", src, i18n.Da)
					var m measured
					pos, _ := Decode(f, &m, i18n.Da)
					pos.Pos("maaling", 0, "data", 20_000*scale-1)
				}
			})
		}
	}
}
