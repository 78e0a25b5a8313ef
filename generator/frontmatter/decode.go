package frontmatter

import (
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/BurntSushi/toml"

	"github.com/handleplan/handleplan/generator/diag"
	"github.com/handleplan/handleplan/generator/i18n"
	"github.com/handleplan/handleplan/generator/suggest"
)

// Describer is implemented by value types that accept more than one TOML
// form and want to say so in type errors (e.g. "tekst eller liste af
// tekster"). It returns a catalog key.
type Describer interface {
	TOMLKind() string
}

// Decode decodes f.FrontMatter into v, a pointer to a struct with toml
// tags, strictly. It returns where each value stands in the file.
func Decode(f File, v any, lang i18n.Lang) (*Positions, diag.List) {
	var diags diag.List
	t := func(key string, args ...any) string { return i18n.T(lang, key, args...) }
	pos := lazyPositions(f)
	if d, ok := checkLimits(f, lang); !ok {
		diags.Add(d)
		return pos, diags
	}
	md, err := toml.Decode(string(f.FrontMatter), v)
	if err != nil {
		diags.Add(decodeError(f, pos, v, err, lang))
		pos.undecoded = true
		return pos, diags
	}
	root := reflect.TypeOf(v)
	// The decoder matches keys regardless of case; the format does not:
	// "Title" is reported, with the spelling to use.
	for _, key := range md.Keys() {
		parent := typeAt(root, key[:len(key)-1])
		if parent == nil || parent.Kind() != reflect.Struct {
			continue
		}
		name := key[len(key)-1]
		if _, exact := field(parent, name); exact {
			continue
		}
		for _, known := range fieldNames(parent) {
			if strings.EqualFold(known, name) {
				places := pos.places(strings.Join(key, "."))
				if len(places) == 0 {
					places = []diag.Pos{pos.Pos(toAny(key)...)}
				}
				for _, p := range places {
					diags.Add(diag.Diagnostic{Pos: p, Severity: diag.Error,
						Msg: t("fm.unknownkey", strings.Join(key, ".")), Hint: t("fm.didyoumean", known)})
				}
			}
		}
	}
	for _, key := range md.Undecoded() {
		parent := typeAt(root, key[:len(key)-1])
		if parent == nil {
			// Inside an unknown table: the table's own key is reported.
			continue
		}
		if isDescriber(parent) {
			// A value type that reads its own tables (content.PartList)
			// checks their keys itself.
			continue
		}
		name := key[len(key)-1]
		known := fieldNames(parent)
		hint := ""
		if best := suggest.Nearest(name, known); best != "" {
			hint = t("fm.didyoumean", best)
		} else {
			hint = t("fm.knownkeys", strings.Join(known, ", "))
		}
		plain := strings.Join(key, ".")
		places := pos.places(plain)
		if len(places) == 0 {
			places = []diag.Pos{pos.Pos(toAny(key)...)}
		}
		for _, p := range places {
			diags.Add(diag.Diagnostic{Pos: p, Severity: diag.Error, Msg: t("fm.unknownkey", plain), Hint: hint})
		}
	}
	return pos, diags
}

func toAny(s []string) []any {
	out := make([]any, len(s))
	for i, x := range s {
		out[i] = x
	}
	return out
}

var lineRE = regexp.MustCompile(`line (\d+)(?: \(last key "([^"]*)"\))?`)

// decodeError turns a TOML error into a diagnostic at the file's line.
func decodeError(f File, pos *Positions, v any, err error, lang i18n.Lang) diag.Diagnostic {
	t := func(key string, args ...any) string { return i18n.T(lang, key, args...) }
	d := diag.Diagnostic{Pos: diag.Pos{File: f.Path, Line: f.FMLine}, Severity: diag.Error}
	var pe toml.ParseError
	line, col, lastKey, msg := 0, 0, "", err.Error()
	if errors.As(err, &pe) {
		line, col, lastKey, msg = pe.Position.Line, pe.Position.Col, pe.LastKey, pe.Message
	} else if m := lineRE.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		lastKey = m[2]
	}
	if i := strings.Index(msg, "): "); i >= 0 && strings.HasPrefix(msg, "toml:") {
		msg = msg[i+3:]
	}
	msg = strings.TrimPrefix(msg, "toml: ")
	// The TOML parses on its own, so the value does not fit the field:
	// say what the field should hold. (Only errors take this second parse.)
	var raw map[string]any
	_, syntaxErr := toml.Decode(string(f.FrontMatter), &raw)
	if lastKey != "" && syntaxErr == nil {
		key := strings.Split(lastKey, ".")
		if ft := typeAt(reflect.TypeOf(v), key); ft != nil {
			kind, example := describe(ft, key[len(key)-1])
			d.Pos = locate(pos, key, line, f)
			d.Msg = t("fm.type", lastKey, t(kind))
			d.Hint = t("fm.type.hint", example)
			// One text where a list is wanted: the fix is the same text
			// in brackets.
			if s, ok := raw[lastKey].(string); ok && (kind == "fm.kind.list" || kind == "fm.kind.stringlist" || kind == "fm.kind.parts") {
				d.Hint = t("fm.fix", fmt.Sprintf("%s = [%s]", lastKey, strconv.Quote(s)))
			}
			return d
		}
	}
	if line > 0 {
		d.Pos.Line = f.FMLine + line - 1
		d.Pos.Col = col
	}
	d.Msg, d.Hint = explain(f, line, msg, lang)
	return d
}

// locate finds the value of key on or near the reported line.
func locate(pos *Positions, key []string, line int, f File) diag.Pos {
	want := f.FMLine + line - 1
	for _, p := range pos.places(strings.Join(key, ".")) {
		if line == 0 || p.Line == want {
			return p
		}
	}
	// Array elements and nested keys: the line the decoder named.
	if line > 0 {
		return diag.Pos{File: f.Path, Line: want}
	}
	return pos.Pos(toAny(key)...)
}

// typeAt walks a struct type along key (skipping slices and pointers; a
// key into a map takes the map's values) and returns the type found, or
// nil if some key is not a field.
func typeAt(t reflect.Type, key []string) reflect.Type {
	for _, k := range key {
		t = deref(t)
		if t.Kind() == reflect.Map && t.Key().Kind() == reflect.String {
			t = t.Elem()
			continue
		}
		if t.Kind() != reflect.Struct {
			return nil
		}
		f, ok := field(t, k)
		if !ok {
			return nil
		}
		t = f.Type
	}
	return deref(t)
}

func deref(t reflect.Type) reflect.Type {
	for t.Kind() == reflect.Pointer || (t.Kind() == reflect.Slice && deref1(t.Elem()).Kind() == reflect.Struct && !isDescriber(t)) {
		t = t.Elem()
	}
	return t
}

func deref1(t reflect.Type) reflect.Type {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t
}

func isDescriber(t reflect.Type) bool {
	return t.Implements(reflect.TypeFor[Describer]()) || reflect.PointerTo(t).Implements(reflect.TypeFor[Describer]())
}

// field finds the field of struct type t that the TOML key name fills.
// Every key of every file asks, so the answers are kept.
func field(t reflect.Type, name string) (reflect.StructField, bool) {
	k := fieldKey{t, name}
	if f, ok := fields.Load(k); ok {
		f := f.(foundField)
		return f.f, f.ok
	}
	var found foundField
	for i := 0; i < t.NumField(); i++ {
		if f := t.Field(i); tomlName(f) == name {
			found = foundField{f, true}
			break
		}
	}
	fields.Store(k, found)
	return found.f, found.ok
}

type fieldKey struct {
	t    reflect.Type
	name string
}

type foundField struct {
	f  reflect.StructField
	ok bool
}

var fields sync.Map // fieldKey → foundField

func tomlName(f reflect.StructField) string {
	tag := strings.Split(f.Tag.Get("toml"), ",")[0]
	if tag == "" {
		return f.Name
	}
	return tag
}

// fieldNames lists the keys a table accepts, sorted.
func fieldNames(t reflect.Type) []string {
	t = deref(t)
	if t.Kind() != reflect.Struct {
		return nil
	}
	var out []string
	for i := 0; i < t.NumField(); i++ {
		if f := t.Field(i); f.IsExported() && tomlName(f) != "-" {
			out = append(out, tomlName(f))
		}
	}
	sort.Strings(out)
	return out
}

// describe names the kind of value a field takes (a catalog key) and an
// example of the right form.
func describe(t reflect.Type, key string) (kind, example string) {
	if isDescriber(t) {
		v := reflect.New(t).Interface()
		if d, ok := v.(Describer); ok {
			kind = d.TOMLKind()
		}
	}
	t = deref1(t)
	if kind == "" {
		switch t.Kind() {
		case reflect.String:
			kind = "fm.kind.string"
		case reflect.Bool:
			kind = "fm.kind.bool"
		case reflect.Int, reflect.Int64, reflect.Int32:
			kind = "fm.kind.int"
		case reflect.Float64, reflect.Float32:
			kind = "fm.kind.float"
		case reflect.Map:
			kind = "fm.kind.table"
		case reflect.Slice:
			if deref1(t.Elem()).Kind() == reflect.Struct {
				kind = "fm.kind.tables"
			} else {
				kind = "fm.kind.list"
			}
		default:
			kind = "fm.kind.other"
		}
	}
	examples := map[string]string{
		"fm.kind.string":     `%s = "…"`,
		"fm.kind.bool":       `%s = true`,
		"fm.kind.int":        `%s = 1`,
		"fm.kind.float":      `%s = 7.5`,
		"fm.kind.list":       `%s = ["…", "…"]`,
		"fm.kind.stringlist": `%s = ["…", "…"]`,
		"fm.kind.parts":      `%s = ["…", { etiket = "…", tekst = "…" }]`,
		"fm.kind.date":       `%s = 2022-03-01`,
		"fm.kind.points":     `%s = [["2022-01", 9.4], ["2022-02", 8.7]]`,
		"fm.kind.point":      `["2022-01", 9.4]`,
		"fm.kind.tables":     `[[%s]]`,
		"fm.kind.table":      `[%s]`,
	}
	ex, ok := examples[kind]
	if !ok {
		return kind, key + " = …"
	}
	return kind, strings.ReplaceAll(ex, "%s", key)
}
