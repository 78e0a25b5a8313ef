// Command handleplan builds the website of a social-care offer's action
// plans (handleplaner) from Markdown files with TOML front matter.
//
// The command is thin: it parses flags, calls the generator, prints
// diagnostics and maps the result to an exit code: 0 ok, 1 content errors,
// 2 usage errors.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"runtime/pprof"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/handleplan/handleplan"
	"github.com/handleplan/handleplan/generator/cache"
	"github.com/handleplan/handleplan/generator/diag"
	"github.com/handleplan/handleplan/generator/i18n"
	"github.com/handleplan/handleplan/generator/output"
	"github.com/handleplan/handleplan/generator/site"
)

// version may be set at release time with -ldflags "-X main.version=...";
// otherwise versionString reads the module version and the VCS revision
// that the Go toolchain stamps into the binary.
var version = ""

// versionString is what `handleplan version` prints: the version, then the
// VCS revision and time when the binary carries them, e.g.
// "handleplan v1.2.0 (a1b2c3d4e5f6, 2026-11-28T06:00:00Z)".
func versionString() string {
	v := version
	info, ok := debug.ReadBuildInfo()
	if v == "" && ok {
		v = info.Main.Version
	}
	if v == "" {
		v = "(devel)"
	}
	var rev, at, dirty string
	if ok {
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.time":
				at = s.Value
			case "vcs.modified":
				if s.Value == "true" {
					dirty = ", " + i18n.T(cliLang("."), "cli.modified")
				}
			}
		}
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	switch {
	case rev != "" && at != "":
		return fmt.Sprintf("handleplan %s (%s, %s%s)", v, rev, at, dirty)
	case rev != "":
		return fmt.Sprintf("handleplan %s (%s%s)", v, rev, dirty)
	}
	return "handleplan " + v
}

const (
	exitOK      = 0
	exitContent = 1
	exitUsage   = 2
)

// usageText is the help in lang: Danish unless the site in the current
// folder says language = "en" (help has no -s; without a site, Danish).
func usageText() string { return i18n.T(cliLang("."), "cli.usage.text") }

func main() {
	// HANDLEPLAN_CPUPROFILE=FILE writes a CPU profile of the run: how the
	// performance work in bench/ looks inside the real binary.
	if p := os.Getenv("HANDLEPLAN_CPUPROFILE"); p != "" {
		if f, err := os.Create(p); err == nil {
			if pprof.StartCPUProfile(f) == nil {
				code := run(os.Args[1:], os.Stdout, os.Stderr)
				pprof.StopCPUProfile()
				f.Close()
				os.Exit(code)
			}
		}
	}
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usageText())
		return exitUsage
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "build":
		return runBuild(rest, stdout, stderr)
	case "serve":
		return runServe(rest, stdout, stderr)
	case "check":
		return runCheck(rest, stdout, stderr)
	case "init":
		return runInit(rest, stdout, stderr)
	case "new":
		return runNew(rest, stdout, stderr)
	case "export":
		return runExport(rest, stdout, stderr)
	case "import":
		return runImport(rest, stdout, stderr)
	case "bundle":
		return runBundle(rest, stdout, stderr)
	case "period":
		return runPeriod(rest, stdout, stderr)
	case "version", "--version", "-version":
		fmt.Fprintln(stdout, versionString())
		return exitOK
	case "help", "-h", "--help", "-help":
		fmt.Fprint(stdout, usageText())
		return exitOK
	}
	fmt.Fprintf(stderr, "handleplan: %s\n\n%s", i18n.T(cliLang("."), "cli.unknowncmd", cmd), usageText())
	return exitUsage
}

// siteFlags are the flags shared by the commands that read a site.
type siteFlags struct {
	site   string
	drafts bool
	now    string
	// lang is the site's language, read from its config.toml once the
	// flags are parsed, so a command reads the file once for it.
	lang i18n.Lang
}

// today decides "today": --now, else SOURCE_DATE_EPOCH, else the clock;
// a date it cannot read is said in lang.
func today(lang i18n.Lang, now string) (time.Time, error) {
	if now != "" {
		t, err := time.Parse("2006-01-02", now)
		if err != nil {
			return time.Time{}, errors.New(i18n.T(lang, "cli.now", now))
		}
		return t, nil
	}
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		sec, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return time.Time{}, errors.New(i18n.T(lang, "cli.epoch", s))
		}
		t := time.Unix(sec, 0).UTC()
		return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), nil
	}
	t := time.Now()
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), nil
}

// siteCommand parses the flags of a command that reads a site: the shared
// ones plus those extra adds. It prints the problem and reports false on
// a usage error.
func siteCommand(name string, args []string, stderr io.Writer, extra func(*flagSet)) (siteFlags, site.Options, bool) {
	var sf siteFlags
	fs := newFlagSet(name, argsLang(args), stderr, &sf)
	if extra != nil {
		extra(fs)
	}
	pos, ok := parse(fs, args)
	if !ok {
		return sf, site.Options{}, false
	}
	if len(pos) > 0 {
		fmt.Fprintf(stderr, "%s: %s\n", name, fs.t("cli.unexpected", pos[0]))
		return sf, site.Options{}, false
	}
	sf.lang = cliLang(sf.site)
	opts, err := sf.options()
	if err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", name, err)
		return sf, site.Options{}, false
	}
	return sf, opts, true
}

func (sf siteFlags) options() (site.Options, error) {
	now, err := today(sf.lang, sf.now)
	if err != nil {
		return site.Options{}, err
	}
	if st, err := os.Stat(sf.site); err != nil || !st.IsDir() {
		return site.Options{}, errors.New(i18n.T(sf.lang, "cli.nosite", sf.site))
	}
	return site.Options{Drafts: sf.drafts, Now: now}, nil
}

// report prints diagnostics to stderr and a summary line in the site's
// language ("0 fejl, 1 advarsel").
//
// Each diagnostic keeps the English tokens "error:" and "warning:" after
// file:line:col, whatever the language: editors' problem matchers (VS Code,
// Emacs compilation mode, vim's errorformat) recognise exactly these words
// to list and jump to problems. The message and hint after the token are in
// the site's language.
func report(stderr io.Writer, lang i18n.Lang, diags diag.List) {
	diags.Print(stderr)
	e, w := diags.Count()
	if e+w > 0 {
		fmt.Fprintln(stderr, i18n.T(lang, "cli.summary", i18n.TN(lang, "count.errors", e), i18n.TN(lang, "count.warnings", w)))
	}
}

func runBuild(args []string, stdout, stderr io.Writer) int {
	var out *string
	var noCache *bool
	sf, opts, ok := siteCommand("build", args, stderr, func(fs *flagSet) {
		out = new(string)
		fs.Var((*pathFlag)(out), "d", fs.t("cli.flag.d"))
		noCache = fs.Bool("no-cache", false, fs.t("cli.build.nocache"))
	})
	if !ok {
		return exitUsage
	}
	if *out == "" {
		*out = filepath.Join(sf.site, "public")
	}
	if err := output.Check(*out, sf.site); err != nil {
		fmt.Fprintln(stderr, "build: -d:", osMessage(sf.lang, err))
		return exitUsage
	}
	start := time.Now()
	defer limitMemory(sf.site)()
	// Pages go to disk as they are drawn, into a new folder beside the
	// output that replaces it only when the whole build succeeded. The
	// folder is made with the first page: a build whose content has
	// errors draws none, and makes nothing at all.
	var w *output.Writer
	var werr error
	var begin sync.Once
	start1 := func() { w, werr = output.Begin(*out, sf.site) }
	opts.Sink = func(p string, data []byte) {
		begin.Do(start1)
		if w != nil {
			w.Put(p, data)
		}
	}
	// The build cache: pages drawn from what the last build drew them
	// from keep their files (see generator/cache).
	var store *cache.Store
	if !*noCache {
		store = cache.Open(sf.site, *out)
		opts.Cache = store
		opts.Keep = func(p string, e cache.Entry) bool {
			begin.Do(start1)
			return w != nil && w.Keep(p, e.Size, e.ModTime)
		}
		opts.Unchanged = func(files map[string]cache.Entry) bool { return output.Unchanged(*out, files) }
	}
	res := site.Build(os.DirFS(sf.site), handleplan.Theme, opts)
	lang := sf.lang
	report(stderr, lang, res.Diags)
	if res.Diags.HasErrors() {
		if w != nil {
			w.Abort()
		}
		fmt.Fprintln(stderr, i18n.T(lang, "cli.build.nothing", *out))
		return exitContent
	}
	var st output.Stats
	if res.Untouched {
		// No input changed and the output is as the last build left
		// it: nothing to write.
		st.Unchanged = len(store.Files())
	} else {
		begin.Do(start1)
		if werr != nil {
			fmt.Fprintln(stderr, i18n.T(lang, "cli.build.write", osMessage(lang, werr)))
			return exitContent
		}
		var err error
		if st, err = w.Commit(); err != nil {
			fmt.Fprintln(stderr, i18n.T(lang, "cli.build.write", osMessage(lang, err)))
			return exitContent
		}
	}
	if store != nil {
		if err := store.Finish(*out); err != nil {
			fmt.Fprintln(stderr, i18n.T(lang, "cli.build.cachewarn", err))
		}
	}
	npages, base := len(res.Pages), ""
	if res.Site != nil {
		base = res.Site.Config.BaseURL
	}
	if res.Reused != nil {
		// Nothing changed since the last build: the cache says what it
		// said.
		npages, base = res.Reused.Pages, res.Reused.BaseURL
	}
	if base == "" {
		fmt.Fprintln(stdout, i18n.T(lang, "cli.build.nobaseurl"))
	}
	fmt.Fprintln(stdout, i18n.T(lang, "cli.build.done", i18n.TN(lang, "count.pages", npages), i18n.TN(lang, "count.files", st.Written+st.Unchanged), *out,
		st.Written, st.Unchanged, st.Removed, time.Since(start).Round(time.Millisecond)))
	return exitOK
}

func runCheck(args []string, stdout, stderr io.Writer) int {
	var strict *bool
	sf, opts, ok := siteCommand("check", args, stderr, func(fs *flagSet) {
		strict = fs.Bool("strict", false, fs.t("cli.flag.strict"))
	})
	if !ok {
		return exitUsage
	}
	opts.Strict = *strict
	site, diags := site.Model(os.DirFS(sf.site), opts)
	lang := sf.lang
	report(stderr, lang, diags)
	if diags.HasErrors() {
		return exitContent
	}
	n := 0
	for _, p := range site.Plans {
		n += len(p.Indsatser)
	}
	fmt.Fprintln(stdout, i18n.T(lang, "cli.check.ok", i18n.TN(lang, "count.plans", len(site.Plans)), i18n.TN(lang, "front.count", n),
		i18n.TN(lang, "count.stories", len(site.Stories)), i18n.TN(lang, "count.sider", len(site.Pages))))
	return exitOK
}

func init() {
	// Keep "help" text and reality in step: every command in usage exists.
	for _, c := range []string{"build", "serve", "check", "bundle", "init", "new", "export", "import", "period", "version", "help"} {
		if !strings.Contains(i18n.T(i18n.Da, "cli.usage.text"), "handleplan "+c) || !strings.Contains(i18n.T(i18n.En, "cli.usage.text"), "handleplan "+c) {
			panic("usage lacks " + c)
		}
	}
}
