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
	fs := newFlagSet("period", stderr, nil)
	asJSON := fs.Bool("json", false, `print {"start","slut","kind"} as JSON`)
	ref := fs.String("ref", "", "the plan's date `DATE` (YYYY-MM-DD): \"nu\", and a text without a year is the first such time that does not end before it")
	lang := fs.String("lang", "da", "language of messages: da or en")
	pos, ok := parse(fs, args)
	if !ok {
		return exitUsage
	}
	if len(pos) == 0 {
		fmt.Fprintln(stderr, `usage: handleplan period [--json] [--ref DATE] "TEXT"`)
		return exitUsage
	}
	l := i18n.Lang(*lang)
	if !l.Valid() {
		fmt.Fprintf(stderr, "period: --lang %q: write da or en\n", *lang)
		return exitUsage
	}
	var r period.Ref
	if *ref != "" {
		t, err := time.Parse("2006-01-02", *ref)
		if err != nil {
			fmt.Fprintf(stderr, "period: --ref %q: write the date as YYYY-MM-DD\n", *ref)
			return exitUsage
		}
		r.Dato = t
	}
	text := strings.Join(pos, " ")
	p, warns, prob := period.Parse(text, r)
	for _, w := range warns {
		fmt.Fprintf(stderr, "warning: %s\n", i18n.T(l, w.Key, w.Args...))
	}
	if prob != nil {
		fmt.Fprintf(stderr, "error: %s\n", i18n.T(l, prob.Key, prob.Args...))
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
