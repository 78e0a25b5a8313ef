package markdown

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/handleplan/handleplan/generator/sitetest"
)

// hostile are texts that goldmark takes more than linear time on, each
// made n units long.
var hostile = map[string]func(n int) string{
	// Each _ is matched against every * before it.
	"emphasis":      func(n int) string { return strings.Repeat("*a_ ", n) },
	"strikethrough": func(n int) string { return strings.Repeat("~a_ ", n) },
	// The paragraph's lines are copied once per definition taken out.
	"references": func(n int) string {
		var b strings.Builder
		for i := range n {
			fmt.Fprintf(&b, "[r%d]: /u%d\n", i, i)
		}
		return b.String()
	},
	// Each ]( scans the rest of the line for the end of the destination.
	"destinations": func(n int) string { return strings.Repeat("[a](", n/8) + strings.Repeat("x", n*25) },
	"brackets":     func(n int) string { return strings.Repeat("[", n) },
	// A row with fewer cells than the header is filled up.
	"padded table": func(n int) string {
		return strings.Repeat("|a", 100) + "|\n" + strings.Repeat("|-", 100) + "|\n" + strings.Repeat("x\n", n)
	},
	// Every line walks every open container.
	"quotes":      func(n int) string { return strings.Repeat(">", n) + " x\n" },
	"list items":  func(n int) string { return strings.Repeat("- ", n) + "x\n" },
	"quoted list": func(n int) string { return strings.Repeat("> - ", n) + "x\n" },
	"indented": func(n int) string {
		var b strings.Builder
		for i := range n {
			b.WriteString(strings.Repeat("  ", i%30) + "- x\n")
		}
		return b.String()
	},
}

func TestCheck(t *testing.T) {
	table1000 := "| a | b |\n|---|--:|\n" + strings.Repeat("| x | y |\n", 1000) + "\n"
	tests := []struct {
		name string
		src  string
		lim  Limit
		off  int
	}{
		{"prose", "Et *mål* og [et link](x).\n\n- a\n  - b\n", WithinLimits, 0},
		{"32 quotes", strings.Repeat(">", 32) + " x", WithinLimits, 0},
		{"33 quotes", "a\n\n" + strings.Repeat("> ", 33) + "x", TooDeep, 3},
		{"33 list items", "a\n" + strings.Repeat("- ", 32) + "1. x", TooDeep, 2},
		{"66 columns", strings.Repeat(" ", 64) + "- x", TooDeep, 0},
		{"tabs", strings.Repeat("\t", 16) + "> x", TooDeep, 0},
		{"list markers need a space", strings.Repeat("-", 100) + strings.Repeat("1.", 100), WithinLimits, 0},
		{"emphasis", "Først.\n\n" + strings.Repeat("*a_ ", 100_000), TooHeavy, len("Først.\n\n")},
		{"emphasis in paragraphs", strings.Repeat(strings.Repeat("*a_ ", 50)+"\n\n", 1000), WithinLimits, 0},
		{"references", hostile["references"](20_000), TooHeavy, 0},
		{"references apart", strings.Repeat("[r]: /u\n\n", 20_000), WithinLimits, 0},
		{"destinations", hostile["destinations"](20_000), TooHeavy, 0},
		{"code spans", strings.Repeat("`", 1) + strings.Repeat("a", 1<<20) + strings.Repeat(" `` a", 100), TooHeavy, 0},
		{"padded table", "a\n\n" + hostile["padded table"](1000), TooManyCells, 3},
		{"quoted padded table", "> |" + strings.Repeat("a|", 1000) + "\n> " + strings.Repeat("|:-:", 1000) + "\n" + strings.Repeat("> x\n", 100), TooManyCells, 0},
		// Up to 4 cells a row are counted (one more than the |), and the
		// 25th table of 1,000 rows passes 100,000.
		{"tables apart", strings.Repeat(table1000, 40), TooManyCells, 24 * len(table1000)},
		{"a big table", "a | b | c\n- | - | -\n" + strings.Repeat("x | y | z\n", 10_000), WithinLimits, 0},
		{"a long paragraph", strings.Repeat("Ord og ord. ", 500_000), WithinLimits, 0},
	}
	for _, tt := range tests {
		lim, off := Check([]byte(tt.src))
		if lim != tt.lim || off != tt.off {
			t.Errorf("%s: Check = %v at %d, want %v at %d", tt.name, lim, off, tt.lim, tt.off)
		}
	}
}

// The limits leave real plans far alone: no file of the demo site comes
// near them.
func TestDemoWithinLimits(t *testing.T) {
	files, _ := filepath.Glob("../../content/*/*/*.md")
	more, _ := filepath.Glob("../../content/*/*.md")
	files = append(files, more...)
	if len(files) < 10 {
		t.Fatalf("found only %d demo files", len(files))
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if lim, _, work := check(src); lim != WithinLimits || work > MaxWork/100 {
			t.Errorf("%s: %v, work %d of %d", f, lim, work, MaxWork)
		}
	}
}

// Rendering takes time linear in the text, whatever the text: 8 times as
// much takes less than 24 times as long.
func TestRenderLinear(t *testing.T) {
	r := New(false)
	for name, text := range hostile {
		t.Run(name, func(t *testing.T) {
			srcs := map[int][]byte{}
			sitetest.Linear(t, 2000, func(n int) {
				if srcs[n] == nil {
					srcs[n] = []byte(text(n))
					return
				}
				r.Block(srcs[n])
			})
		})
	}
}

// A text over the limits is shown as written, escaped.
func TestOverLimitsShownAsText(t *testing.T) {
	src := strings.Repeat("*a_ <b>", 10_000)
	got := string(New(false).Block([]byte(src)))
	if !strings.HasPrefix(got, "<p>*a_ &lt;b&gt;*a_") || strings.Contains(got, "<b>") {
		t.Errorf("got %.100q…", got)
	}
}

// BenchmarkHostile renders each hostile text at 1, 2 and 4 times a size,
// to show how the time grows: go test -run '^$' -bench Hostile
// ./generator/markdown/
func BenchmarkHostile(b *testing.B) {
	r := New(false)
	for name, text := range hostile {
		for _, scale := range []int{1, 2, 4} {
			src := []byte(text(4000 * scale))
			b.Run(fmt.Sprintf("%s/%dx", name, scale), func(b *testing.B) {
				b.SetBytes(int64(len(src)))
				for b.Loop() {
					r.Block(src)
				}
			})
		}
	}
}
