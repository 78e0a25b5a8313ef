package main

import (
	"errors"
	"io"
	"testing"

	"github.com/handleplan/handleplan/generator/i18n"
)

// refusingBool is a bool flag whose Set always fails: the only way to
// get the flag package's "invalid boolean flag" message.
type refusingBool struct{}

func (refusingBool) String() string   { return "false" }
func (refusingBool) Set(string) error { return errors.New("nej") }
func (refusingBool) IsBoolFlag() bool { return true }

// flagErrors reads the flag package's English messages back with regular
// expressions. This asks the real package for each of them, so that a Go
// release that rewords one fails here, not in front of an author who
// would then get English: every pattern must match a real message, and
// every real message must come out translated.
func TestFlagErrorsMatchTheFlagPackage(t *testing.T) {
	cases := []struct {
		args []string
		key  string
	}{
		{[]string{"--findes-ikke"}, "cli.flag.unknown"},
		{[]string{"-n"}, "cli.flag.noarg"},
		{[]string{"-=x"}, "cli.flag.syntax"},
		{[]string{"---n"}, "cli.flag.syntax"},
		{[]string{"-b=kanske"}, "cli.flag.bool"},
		{[]string{"-r"}, "cli.flag.bool"},
		{[]string{"-n", "tre"}, "cli.flag.value"},
	}
	used := map[int]bool{}
	for _, c := range cases {
		for _, lang := range []i18n.Lang{i18n.Da, i18n.En} {
			fs := newFlagSet("test", lang, io.Discard, nil)
			fs.Int("n", 0, "")
			fs.Bool("b", false, "")
			fs.Var(refusingBool{}, "r", "")
			err := fs.FlagSet.Parse(c.args)
			if err == nil {
				t.Fatalf("%v: the flag package took it", c.args)
			}
			matched := -1
			for i, fe := range flagErrors {
				if fe.re.MatchString(err.Error()) {
					matched = i
					break
				}
			}
			if matched < 0 || flagErrors[matched].key != c.key {
				t.Errorf("%v: the flag package says %q, which no pattern reads as %s", c.args, err, c.key)
				continue
			}
			used[matched] = true
			if got := fs.flagError(err); got == err.Error() || got == "" {
				t.Errorf("%v (%s): %q is not translated", c.args, lang, got)
			}
		}
	}
	for i, fe := range flagErrors {
		if !used[i] {
			t.Errorf("pattern %s matches no message of the flag package", fe.re)
		}
	}
}
