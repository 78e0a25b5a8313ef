package main

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/handleplan/handleplan/generator/i18n"
	"github.com/handleplan/handleplan/generator/period"
)

func runPeriod(args []string, stdout, stderr io.Writer) int {
	l := argsLang(args)
	fs := newFlagSet("period", l, stderr, nil)
	asJSON := fs.Bool("json", false, fs.t("cli.flag.json"))
	ref := fs.String("ref", "", fs.t("cli.flag.ref"))
	lang := fs.String("lang", string(l), fs.t("cli.flag.lang"))
	pos, ok := parse(fs, args)
	if !ok {
		return exitUsage
	}
	if !i18n.Lang(*lang).Valid() {
		fmt.Fprintln(stderr, "period:", i18n.T(l, "cli.period.lang", *lang))
		return exitUsage
	}
	l = i18n.Lang(*lang)
	if len(pos) == 0 {
		fmt.Fprintln(stderr, i18n.T(l, "cli.usage", i18n.T(l, "cli.period.usage")))
		return exitUsage
	}
	var r period.Ref
	if *ref != "" {
		t, err := time.Parse("2006-01-02", *ref)
		if err != nil {
			fmt.Fprintln(stderr, "period:", i18n.T(l, "cli.period.ref", *ref))
			return exitUsage
		}
		r.Dato = t
	}
	text := strings.Join(pos, " ")
	p, warns, prob := period.Parse(text, r)
	for _, w := range warns {
		fmt.Fprintln(stderr, i18n.T(l, "cli.period.warn", i18n.T(l, w.Key, w.Args...)))
	}
	if prob != nil {
		fmt.Fprintln(stderr, i18n.T(l, "cli.period.error", i18n.T(l, prob.Key, prob.Args...)))
		if i18n.Has(prob.HintKey) {
			fmt.Fprintf(stderr, "\t%s\n", i18n.T(l, prob.HintKey))
		}
		return exitContent
	}
	if *asJSON {
		fmt.Fprintf(stdout, "%s\n", p.JSON())
		return exitOK
	}
	fmt.Fprintf(stdout, "%s → %s: %s\n", text, p.Kind, p.Format(l))
	return exitOK
}
