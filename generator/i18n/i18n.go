// Package i18n is the one message catalog: every text a content author or a
// site visitor reads, in Danish and English.
//
// Messages live in several files by area (messages_*.go), each a map from a
// key to its Danish and English text with fmt verbs, registered into one
// catalog when the package loads, and a test checks that keys are unique
// and that both languages take the same arguments.
package i18n

import "fmt"

// Lang is a site language: "da" (default) or "en".
type Lang string

// The supported languages.
const (
	Da Lang = "da"
	En Lang = "en"
)

// Valid reports whether l is a supported language.
func (l Lang) Valid() bool { return l == Da || l == En }

// Message is one entry of the catalog.
type Message struct {
	Da, En string
}

var catalog = map[string]Message{}

// register adds one area's messages to the catalog; each messages_*.go
// file calls it once, as `var _ = register(areaMessages)`.
func register(part map[string]Message) bool {
	for k, m := range part {
		if _, dup := catalog[k]; dup {
			panic("i18n: duplicate message key " + k)
		}
		catalog[k] = m
	}
	return true
}

// T returns the message key in language l, formatted with args. An unknown
// key returns the key itself, so a missing message shows up in output and
// tests instead of vanishing.
func T(l Lang, key string, args ...any) string {
	m, ok := catalog[key]
	if !ok {
		return key
	}
	f := m.Da
	if l == En {
		f = m.En
	}
	if len(args) == 0 {
		return f
	}
	return fmt.Sprintf(f, args...)
}

// Has reports whether key is in the catalog.
func Has(key string) bool {
	_, ok := catalog[key]
	return ok
}

// TN returns the message for a count n in language l: key+".one" when n
// is 1, key+".other" otherwise ("1 aktivitet", "2 aktiviteter"), formatted
// with n and then args.
func TN(l Lang, key string, n int, args ...any) string {
	k := key + ".other"
	if n == 1 {
		k = key + ".one"
	}
	return T(l, k, append([]any{n}, args...)...)
}
