package frontmatter

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/handleplan/handleplan/generator/i18n"
)

// The mistakes non-programmers make most often in TOML, each recognised
// from the line it stands on, with a fix the author can copy. Anything
// else gets the parser's own words in a Danish frame.

// curly are the typographic quotes that Word writes for '"' and '\”.
const curly = "“”„‟‘’‚‛«»"

var (
	// badDate is a date written the Danish way: 01-02-2026, 1.2.2026, 1/2/2026.
	badDate = regexp.MustCompile(`^(\d{1,2})[-./](\d{1,2})[-./](\d{4})$`)
	// assignment splits "key = value".
	assignment = regexp.MustCompile(`^\s*([^=\s][^=]*?)\s*=\s*(.*?)\s*(#.*)?$`)
)

// parserMessages translate the TOML parser's most common messages; the
// first that matches wins. %s is the character the parser found.
var parserMessages = []struct {
	re  *regexp.Regexp
	key string
}{
	{regexp.MustCompile(`^expected value but found (.*) instead`), "fm.syntax.value"},
	{regexp.MustCompile(`^expected '\.' or '=', but got (.*) instead`), "fm.syntax.equals"},
	{regexp.MustCompile(`^expected a comma \(','\) or array terminator \(']'\), but got (.*)`), "fm.syntax.comma"},
	{regexp.MustCompile(`^expected a top-level item to end with a newline, comment, or EOF, but got (.*) instead`), "fm.syntax.eol"},
	{regexp.MustCompile(`^(?:unexpected EOF|.*strings cannot contain newlines|.*unexpected newline)`), "fm.syntax.unclosed"},
	{regexp.MustCompile(`^Key '([^']*)' has already been defined`), "fm.syntax.twice"},
	{regexp.MustCompile(`^invalid datetime: "?([^"]*)"?`), "fm.syntax.date"},
}

// explain turns a TOML syntax error at line/col of f's front matter
// (1-based, within the front matter) into a message and a hint.
func explain(f File, line int, msg string, lang i18n.Lang) (string, string) {
	t := func(key string, args ...any) string { return i18n.T(lang, key, args...) }
	text := fmLine(f, line)
	key, value := "", ""
	if m := assignment.FindStringSubmatch(text); m != nil {
		key, value = m[1], m[2]
	}
	if strings.ContainsAny(text, curly) {
		fix := strings.TrimSpace(straighten(text))
		if key != "" {
			fix = key + " = " + straighten(value)
		}
		return t("fm.curly"), t("fm.curly.hint", fix)
	}
	if key != "" && strings.ContainsAny(key, "æøåÆØÅ") {
		ascii := asciiKey(key)
		return t("fm.key.danish", key), t("fm.key.danish.hint", ascii)
	}
	if m := badDate.FindStringSubmatch(value); m != nil {
		return t("fm.date.danish", value), t("fm.fix", key+" = "+m[3]+"-"+pad2(m[2])+"-"+pad2(m[1]))
	}
	for _, p := range parserMessages {
		if m := p.re.FindStringSubmatch(msg); m != nil {
			arg := ""
			if len(m) > 1 {
				arg = m[1]
			}
			if arg == `'\n'` || arg == `'\r'` || arg == "EOF" {
				arg = t("fm.syntax.eolword")
			}
			return t(p.key, arg), t(p.key + ".hint")
		}
	}
	return t("fm.syntax", msg), t("fm.syntax.hint")
}

// fmLine is line n (1-based) of f's front matter, or "".
func fmLine(f File, n int) string {
	lines := strings.Split(string(f.FrontMatter), "\n")
	if n < 1 || n > len(lines) {
		return ""
	}
	return strings.TrimSuffix(lines[n-1], "\r")
}

// straighten writes Word's quotes as the straight ones TOML reads.
func straighten(s string) string {
	return strings.NewReplacer("“", `"`, "”", `"`, "„", `"`, "‟", `"`, "«", `"`, "»", `"`,
		"‘", "'", "’", "'", "‚", "'", "‛", "'").Replace(s)
}

// asciiKey writes a key the way the format spells keys: æ, ø and å as
// ae, oe and aa, in lower case.
func asciiKey(k string) string {
	k = strings.NewReplacer("æ", "ae", "ø", "oe", "å", "aa", "Æ", "ae", "Ø", "oe", "Å", "aa").Replace(k)
	return strings.Map(unicode.ToLower, k)
}

func pad2(s string) string {
	if len(s) == 1 {
		return "0" + s
	}
	return s
}
