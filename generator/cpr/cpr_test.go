package cpr

import (
	"strings"
	"testing"
	"unicode"
)

func masked(ms []Match) string {
	var out []string
	for _, m := range ms {
		out = append(out, m.Masked)
	}
	return strings.Join(out, ",")
}

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
		{"tlf. 86123456", nil},
		{"2022-03-01 og 1.2.2018", nil},
		{"konto 1234 0102801234", []string{"01xxxxxxxx"}},
		{"æøå010280-1234æøå", []string{"01xxxx-xxxx"}},
		// A bank account: registration number, a dash, the account.
		{"konto 1234-0102031234", nil},
		{"konto 1234\u20130102031234", nil},
		{"0102031234-5678", nil},
		// What the reader sees as a space or a dash is one.
		{"010280\t1234", []string{"01xxxx xxxx"}},
		{"010280\n1234", []string{"01xxxx xxxx"}},
		{"010280  1234", []string{"01xxxx xxxx"}},
		{"010203\u20131234", []string{"01xxxx-xxxx"}}, // en dash
		{"010203\u20141234", []string{"01xxxx-xxxx"}}, // em dash
		{"010203\u20111234", []string{"01xxxx-xxxx"}}, // non-breaking hyphen
		{"010203\u22121234", []string{"01xxxx-xxxx"}}, // minus sign
		{"010203\u00a01234", []string{"01xxxx xxxx"}}, // no-break space
		{"010203\u202f1234", []string{"01xxxx xxxx"}}, // narrow no-break space
		{"010203\u20091234", []string{"01xxxx xxxx"}}, // thin space
		{"010203\u30001234", []string{"01xxxx xxxx"}}, // ideographic space
		// What the reader does not see cannot split a number.
		{"0102\u00ad031234", []string{"01xxxxxxxx"}}, // soft hyphen
		{"0102\u200b031234", []string{"01xxxxxxxx"}}, // zero-width space
		{"0102\u2060031234", []string{"01xxxxxxxx"}}, // word joiner
		{"010203\u202e-1234", []string{"01xxxx-xxxx"}},
		// Digits of other scripts are digits.
		{"\uff10\uff11\uff10\uff12\uff10\uff13-1234", []string{"01xxxx-xxxx"}},
		{"\u0660\u0661\u0660\u0662\u0660\u0663\u0661\u0662\u0663\u0664", []string{"01xxxxxxxx"}},
	}
	for _, tt := range tests {
		ms := Find([]byte(tt.in))
		for _, m := range ms {
			if d := tt.in[m.Offset : m.Offset+m.Len]; strings.TrimFunc(d, func(r rune) bool {
				return unicode.IsDigit(r) || unicode.IsSpace(r) || classify(r) != 'x'
			}) != "" {
				t.Errorf("Find(%q): match %q is not the number", tt.in, d)
			}
		}
		if got := masked(ms); got != strings.Join(tt.want, ",") {
			t.Errorf("Find(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFindDoc(t *testing.T) {
	tests := []struct {
		src  string
		body int // where the body starts; -1: all front matter
		want string
		span string // the first match as written
	}{
		{"+++\ntitle = \"x\"\n+++\n010203\\-1234\n", 19, "01xxxx-xxxx", `010203\-1234`},
		{"+++\n+++\n020304&#45;1234\n", 8, "02xxxx-xxxx", "020304&#45;1234"},
		{"+++\n+++\n0102&#48;31234\n", 8, "01xxxxxxxx", "0102&#48;31234"},
		{"+++\n+++\n0102&#x30;3&ndash;1234\n", 8, "01xxxx-xxxx", "0102&#x30;3&ndash;1234"},
		{"+++\n+++\n010203&nbsp;1234\n", 8, "01xxxx xxxx", "010203&nbsp;1234"},
		{"title = \"010203\\u002d1234\"\n", -1, "01xxxx-xxxx", `010203\u002d1234`},
		{"title = \"0102\\u00303-1234\"\n", -1, "01xxxx-xxxx", `0102\u00303-1234`},
		{"title = \"010203\\U00002013\\u0031234\"\n", -1, "01xxxx-xxxx", `010203\U00002013\u0031234`},
		// TOML's \\ is one backslash, which Markdown then reads.
		{"maal = [\"010203\\\\-1234\"]\n", -1, "01xxxx-xxxx", `010203\\-1234`},
		{"maal = [\"010203\\u0026#45;1234\"]\n", -1, "01xxxx-xxxx", `010203\u0026#45;1234`},
		// Not escapes: a number stays a number only if it was one.
		{"+++\n+++\nkonto 1234&#45;0102031234\n", 8, "", ""},
		{"+++\n+++\n2022&#45;01&#45;02\n", 8, "", ""},
	}
	for _, tt := range tests {
		body := tt.body
		if body < 0 {
			body = len(tt.src)
		}
		ms := FindDoc([]byte(tt.src), body)
		if got := masked(ms); got != tt.want {
			t.Errorf("FindDoc(%q) = %q, want %q", tt.src, got, tt.want)
			continue
		}
		if len(ms) > 0 {
			if got := tt.src[ms[0].Offset : ms[0].Offset+ms[0].Len]; got != tt.span {
				t.Errorf("FindDoc(%q): span %q, want %q", tt.src, got, tt.span)
			}
		}
	}
}

func TestFindOutput(t *testing.T) {
	tests := []struct {
		name, data string
		want       string
	}{
		{"a.html", "<p>0102<b>03</b>-1234</p>", "01xxxx-xxxx"},
		{"a.html", "<p>0102<B>03</B>&#8209;1234</p>", "01xxxx-xxxx"},
		{"a.html", "<td>0102031234</td><td>5</td>", "01xxxxxxxx"},
		{"a.html", "<td>010203</td><td>1234</td>", "01xxxx xxxx"},
		{"a.html", "<p>010203<br>1234</p>", "01xxxx xxxx"},
		{"a.html", `<a title="010203&#45;1234">x</a>`, "01xxxx-xxxx"},
		{"a.html", `<a title='0102031234'>x</a>`, "01xxxxxxxx"},
		{"a.html", `<img alt=0102031234>`, "01xxxxxxxx"},
		{"a.html", `<a href="../010203%2D1234/">x</a>`, "01xxxx-xxxx"},
		{"a.html", `<a href="../010203%E2%80%931234/">x</a>`, "01xxxx-xxxx"},
		{"a.html", "<!-- 0102031234 --><p>x</p>", "01xxxxxxxx"},
		{"a.html", `<script>var a="010203\u002d1234"</script>`, "01xxxx-xxxx"},
		{"a.html", `<style>p:after{content:"010203\2d 1234"}</style>`, "01xxxx-xxxx"},
		{"a.html", "<p>konto 1234-0102031234</p>", ""},
		{"a.html", "<p>1234</p><p>-0102031234</p>", "01xxxxxxxx"},
		{"a.html", "<p>a < 0102031234 > b</p>", "01xxxxxxxx"},
		{"a.html", "<p title=\"2022-03-01\">86 12 34 56</p>", ""},
		{"a.svg", `<svg><text x="10">010203<tspan>-1234</tspan></text></svg>`, "01xxxx-xxxx"},
		{"a.svg", `<svg><path d="M10 20L30 40 110280 2"/></svg>`, ""},
		{"a.xml", "<entry><title>010203&#x2013;1234</title></entry>", "01xxxx-xxxx"},
		{"a.xml", "<![CDATA[0102031234]]>", "01xxxxxxxx"},
		{"search-index.js", `x=["010203\u002d1234","a"]`, "01xxxx-xxxx"},
		{"search-index.js", `x=["0102\u003cb\u003e031234"]`, ""},
		{"a.json", `{"t":"010203\u00a01234"}`, "01xxxx xxxx"},
		{"a.json", `{"t":"010203\u0026#45;1234"}`, "01xxxx-xxxx"},
		{"a.css", `a:after{content:"010203\2013 1234"}`, "01xxxx-xxxx"},
		{"a.png", "\x89PNG\x00\x00tEXt0102031234\x00", "01xxxxxxxx"},
		{"a.png", "\x89PNG\x00\x00\x01\x02\x03\x04", ""},
	}
	for _, tt := range tests {
		if got := masked(FindOutput(tt.name, []byte(tt.data))); got != tt.want {
			t.Errorf("FindOutput(%q, %q) = %q, want %q", tt.name, tt.data, got, tt.want)
		}
	}
}

// FindLoose reads a file that may publish numbers in every way its text
// may show.
func TestFindLoose(t *testing.T) {
	for _, tt := range []struct{ src, want string }{
		{"+++\n+++\n0102*03*1234", "01xxxxxxxx"},
		{"+++\n+++\n0102<b>03</b>-1234", "01xxxx-xxxx"},
		{"+++\n+++\n`0102`03\\-1234", "01xxxx-xxxx"},
		{"+++\n+++\nkonto 1234-0102031234", ""},
	} {
		var got []string
		for _, m := range FindLoose([]byte(tt.src), 8) {
			got = append(got, m.Masked)
		}
		if strings.Join(got, ",") != tt.want {
			t.Errorf("FindLoose(%q) = %q, want %q", tt.src, got, tt.want)
		}
	}
}

func TestMask(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{`invalid datetime: "010203-1234"`, `invalid datetime: "01xxxx-xxxx"`},
		{`Invalid integer "0102031234"`, `Invalid integer "01xxxxxxxx"`},
		{`ukendt felt '010203_1234' — mente du 'maal'?`, `ukendt felt '010203_1234' — mente du 'maal'?`},
		{`ukendt felt "010203\u002d1234"`, `ukendt felt "01xxxx-xxxx"`},
		{`kan ikke læse datoen "010203 1234"`, `kan ikke læse datoen "01xxxx xxxx"`},
		{"status \"0102031234\" findes ikke", "status \"01xxxxxxxx\" findes ikke"},
		{"010203\u20131234 og 311299-4321", "01xxxx-xxxx og 31xxxx-xxxx"},
		{"0102&#48;31234", "01xxxxxxxx"},
		{"tlf. 86 12 34 56, 2022-03-01", "tlf. 86 12 34 56, 2022-03-01"},
		{"konto 1234-0102031234", "konto 1234-0102031234"},
	}
	for _, tt := range tests {
		if got := Mask(tt.in); got != tt.want {
			t.Errorf("Mask(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// Every Unicode decimal digit is read as its value: Unicode keeps them in
// runs of ten from zero, which digitValue relies on.
func TestDigitRuns(t *testing.T) {
	for _, tab := range unicode.Nd.R16 {
		if tab.Stride != 1 || (tab.Hi-tab.Lo+1)%10 != 0 {
			t.Errorf("digits %U-%U are not runs of ten", tab.Lo, tab.Hi)
		}
	}
	for _, tab := range unicode.Nd.R32 {
		if tab.Stride != 1 || (tab.Hi-tab.Lo+1)%10 != 0 {
			t.Errorf("digits %U-%U are not runs of ten", tab.Lo, tab.Hi)
		}
	}
}

func FuzzFind(f *testing.F) {
	f.Add([]byte("010280-1234"))
	f.Add([]byte("a 0102801234 b 311299 4321"))
	f.Add([]byte("0102&#48;3\\-1234 <b>x</b>"))
	f.Fuzz(func(t *testing.T, b []byte) {
		for _, find := range []func([]byte) []Match{
			Find,
			func(b []byte) []Match { return FindDoc(b, len(b)/2) },
			func(b []byte) []Match { return FindOutput("x.html", b) },
		} {
			prev := -1
			for _, m := range find(b) {
				if m.Offset <= prev || m.Offset < 0 || m.Len < 10 || m.Offset+m.Len > len(b) {
					t.Fatalf("bad match %+v in %q", m, b)
				}
				if strings.ContainsAny(m.Masked[2:], "0123456789") {
					t.Fatalf("mask leaks digits: %q", m.Masked)
				}
				prev = m.Offset
			}
		}
		if m := Mask(string(b)); len(FindDoc([]byte(m), len(m))) > 0 && len(FindDoc(b, len(b))) > 0 {
			t.Fatalf("Mask(%q) = %q still holds a number", b, m)
		}
	})
}

// BenchmarkFindOutput reads a page of the size the site draws, with
// Danish text, tags, attributes and numbers that are not CPR numbers.
func BenchmarkFindOutput(b *testing.B) {
	var page strings.Builder
	page.WriteString("<!doctype html><html lang=da><head><title>Sygefravær</title></head><body>")
	for page.Len() < 40<<10 {
		page.WriteString(`<tr><td class="tema"><a href="../../temaer/organisation-og-ledelse.html#k9">Organisation og ledelse</a></td>` +
			`<td>Sygefraværet skal reduceres til 5-6 procent, målt hver måned fra 1.2.2022 til 31.12.2022.</td>` +
			`<td><svg viewBox="0 0 640 120"><rect x="12.5" y="40" width="310.25" height="18"/><text x="14">1. kvartal 2022</text></svg></td></tr>`)
	}
	page.WriteString("</body></html>")
	data := []byte(page.String())
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if len(FindOutput("x.html", data)) > 0 {
			b.Fatal("found a number")
		}
	}
}
