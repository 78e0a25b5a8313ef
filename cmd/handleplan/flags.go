package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"regexp"
	"strconv"
	"strings"
	"syscall"

	"github.com/handleplan/handleplan/generator/i18n"
	"github.com/handleplan/handleplan/generator/output"
)

// A command's flags speak the site's language: their descriptions come
// from the catalog (cli.flag.*), and so do the help that -h prints and the
// messages for a flag written wrong, which the flag package would print in
// English. The language is known before the flags are parsed: argsLang
// reads -s (and --lang for period) from the arguments.

// flagSet is a command's flags with the language and the stream they
// report in.
type flagSet struct {
	*flag.FlagSet
	name   string
	lang   i18n.Lang
	stderr io.Writer
}

// newFlagSet makes the flags of command name; with sf, the flags every
// site command has (-s, --drafts, --now).
func newFlagSet(name string, lang i18n.Lang, stderr io.Writer, sf *siteFlags) *flagSet {
	fs := &flagSet{FlagSet: flag.NewFlagSet(name, flag.ContinueOnError), name: name, lang: lang, stderr: stderr}
	// The flag package's own messages are English: parse prints them
	// translated instead.
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	if sf != nil {
		sf.site = "."
		fs.Var((*pathFlag)(&sf.site), "s", fs.t("cli.flag.s"))
		fs.BoolVar(&sf.drafts, "drafts", false, fs.t("cli.flag.drafts"))
		fs.StringVar(&sf.now, "now", "", fs.t("cli.flag.now"))
	}
	return fs
}

func (fs *flagSet) t(key string, args ...any) string { return i18n.T(fs.lang, key, args...) }

// argsLang is the language a command speaks before its flags are parsed:
// --lang when given (period), else that of the site named by -s, else that
// of the current folder's site, else Danish.
func argsLang(args []string) i18n.Lang {
	site := "."
	for i := 0; i < len(args); i++ {
		name, val, hasVal := strings.Cut(strings.TrimLeft(args[i], "-"), "=")
		if !strings.HasPrefix(args[i], "-") || (name != "s" && name != "lang") {
			continue
		}
		if !hasVal {
			if i+1 >= len(args) {
				break
			}
			i++
			val = args[i]
		}
		if name == "lang" {
			if l := i18n.Lang(val); l.Valid() {
				return l
			}
			continue
		}
		site = val
	}
	return cliLang(site)
}

// parse parses flags; flags may come after positional arguments too. A
// flag written wrong, or -h, prints the message and the command's help.
func parse(fs *flagSet, args []string) ([]string, bool) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if !errors.Is(err, flag.ErrHelp) {
				fmt.Fprintf(fs.stderr, "%s: %s\n", fs.name, fs.flagError(err))
			}
			fs.help()
			return nil, false
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, true
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// flagErrors are the flag package's messages, read back into catalog keys.
var flagErrors = []struct {
	re  *regexp.Regexp
	key string
}{
	{regexp.MustCompile(`^flag provided but not defined: (-.*)$`), "cli.flag.unknown"},
	{regexp.MustCompile(`^flag needs an argument: (-.*)$`), "cli.flag.noarg"},
	{regexp.MustCompile(`^bad flag syntax: (.*)$`), "cli.flag.syntax"},
	{regexp.MustCompile(`^invalid boolean value "(.*)" for (-\S+):`), "cli.flag.bool"},
	{regexp.MustCompile(`^invalid boolean flag (\S+):`), "cli.flag.bool"},
	{regexp.MustCompile(`^invalid value "(.*)" for flag (-\S+): (.*)$`), "cli.flag.value"},
}

func (fs *flagSet) flagError(err error) string {
	msg := err.Error()
	for _, fe := range flagErrors {
		m := fe.re.FindStringSubmatch(msg)
		if m == nil {
			continue
		}
		switch fe.key {
		case "cli.flag.bool":
			if len(m) == 2 { // "invalid boolean flag x: …"
				return fs.t(fe.key, "", "-"+m[1])
			}
			return fs.t(fe.key, m[1], m[2])
		case "cli.flag.value":
			// A value our own flag refused says why in the site's
			// language; a number that is not one is said here.
			if m[3] == (hostError{}).Error() {
				return fs.t("cli.flag.host", m[1], m[2])
			}
			if m[3] == (windowsPathError{}).Error() {
				// The flag package quoted the value with %q.
				p, err := strconv.Unquote(`"` + m[1] + `"`)
				if err != nil {
					p = m[1]
				}
				return pathHint(fs.lang, p)
			}
			return fs.t(fe.key, m[1], m[2])
		}
		return fs.t(fe.key, m[1])
	}
	return msg
}

// help prints the command's help: its lines of the usage text, then its
// flags, each with its description and default.
func (fs *flagSet) help() {
	var b strings.Builder
	usage := fs.t("cli.usage.text")
	b.WriteString(fs.t("cli.help.usage") + "\n")
	in := false
	for _, line := range strings.Split(usage, "\n") {
		switch {
		case strings.HasPrefix(line, "  handleplan "+fs.name+" "):
			in = true
		case in && strings.HasPrefix(line, "        "):
		default:
			in = false
		}
		if in {
			b.WriteString(line + "\n")
		}
	}
	n := 0
	fs.VisitAll(func(f *flag.Flag) {
		if n == 0 {
			b.WriteString("\n" + fs.t("cli.help.flags") + "\n")
		}
		n++
		name, text := flag.UnquoteUsage(f)
		fmt.Fprintf(&b, "  -%s", f.Name)
		if name != "" {
			b.WriteString(" " + name)
		}
		b.WriteString("\n    \t" + strings.ReplaceAll(text, "\n", "\n    \t"))
		if d := f.DefValue; d != "" && d != "false" && d != "0" {
			b.WriteString(" " + fs.t("cli.help.default", d))
		}
		b.WriteString("\n")
	})
	fmt.Fprint(fs.stderr, b.String())
}

// hostError is the error of a --host value that is not a host name; the
// flag package passes on only its text, which flagError recognises.
type hostError struct{}

func (hostError) Error() string { return "not a host name" }

// osMessage says in lang what went wrong with a file: the common causes in
// words, the path it concerns, and otherwise the system's own text.
func osMessage(lang i18n.Lang, err error) string {
	path := ""
	var pe *fs.PathError
	var le *os.LinkError
	switch {
	case errors.As(err, &pe):
		path = pe.Path
	case errors.As(err, &le):
		path = le.New
	}
	var ue *output.UnsafeTargetError
	if errors.As(err, &ue) {
		return i18n.T(lang, ue.Key, ue.Args...)
	}
	for _, c := range []struct {
		err error
		key string
	}{
		{fs.ErrNotExist, "cli.os.notexist"},
		{fs.ErrPermission, "cli.os.permission"},
		{fs.ErrExist, "cli.os.exist"},
		{syscall.ENOTDIR, "cli.os.notdir"},
		{syscall.EISDIR, "cli.os.isdir"},
		{syscall.ENOSPC, "cli.os.nospace"},
		{syscall.EROFS, "cli.os.readonly"},
	} {
		if errors.Is(err, c.err) {
			return i18n.T(lang, c.key, path)
		}
	}
	return err.Error()
}
