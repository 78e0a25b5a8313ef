package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/handleplan/handleplan"
	"github.com/handleplan/handleplan/generator/bundle"
	"github.com/handleplan/handleplan/generator/i18n"
	"github.com/handleplan/handleplan/generator/model"
	"github.com/handleplan/handleplan/generator/output"
	"github.com/handleplan/handleplan/generator/site"
)

func runBundle(args []string, stdout, stderr io.Writer) int {
	var planID, out *string
	var single *bool
	sf, opts, ok := siteCommand("bundle", args, stderr, func(fs *flagSet) {
		planID = fs.String("plan", "", fs.t("cli.flag.plan"))
		out = new(string)
		fs.Var((*pathFlag)(out), "o", fs.t("cli.flag.o"))
		single = fs.Bool("single-file", false, fs.t("cli.flag.single"))
	})
	if !ok {
		return exitUsage
	}
	lang := sf.lang
	if sf.drafts {
		fmt.Fprintln(stderr, "bundle:", i18n.T(lang, "cli.bundle.drafts"))
		return exitUsage
	}
	if *planID == "" {
		fmt.Fprintln(stderr, "bundle:", i18n.T(lang, "cli.bundle.noplan"))
		return exitUsage
	}
	if *out == "" {
		*out = *planID + ".zip"
		if *single {
			*out = *planID + ".html"
		}
	}
	if err := checkBundlePath(lang, *out, sf.site); err != nil {
		fmt.Fprintln(stderr, "bundle: -o:", osMessage(lang, err))
		return exitUsage
	}
	if err := bundle.CheckTarget(*out); err != nil {
		fmt.Fprintln(stderr, "bundle: -o:", targetMessage(lang, err, *out))
		return exitUsage
	}
	res, err := site.Bundle(os.DirFS(sf.site), handleplan.Theme, opts, *planID)
	report(stderr, lang, res.Diags)
	var unknown *model.ErrUnknownPlan
	if errors.As(err, &unknown) {
		fmt.Fprintln(stderr, "bundle:", i18n.T(lang, "cli.bundle.unknown", unknown.ID, strings.Join(unknown.Known, ", ")))
		return exitUsage
	}
	if res.Diags.HasErrors() {
		fmt.Fprintln(stderr, "bundle:", i18n.T(lang, "cli.bundle.nothing"))
		return exitContent
	}
	var data []byte
	if *single {
		data, err = bundle.SingleFile(res.Files, *planID)
		data = bundle.MarkHTML(data)
	} else {
		data, err = bundle.Zip(res.Files, *planID, opts.Now)
	}
	if err == nil {
		// Again, right before writing: the file may have appeared while
		// the bundle was built.
		if err = bundle.CheckTarget(*out); err != nil {
			fmt.Fprintln(stderr, "bundle: -o:", targetMessage(lang, err, *out))
			return exitUsage
		}
		err = bundle.WriteFile(*out, data)
	}
	if err != nil {
		fmt.Fprintln(stderr, "bundle:", osMessage(lang, err))
		return exitContent
	}
	fmt.Fprintln(stdout, i18n.T(lang, "cli.bundle.done", *out, i18n.TN(lang, "count.files", len(res.Files)), len(data)))
	return exitOK
}

// checkBundlePath refuses to write a bundle into the site's sources,
// where the next build would read it as content: the check the output
// folder passes (output.SourceFolder), links resolved.
func checkBundlePath(lang i18n.Lang, out, site string) error {
	src, err := output.SourceFolder(out, site)
	if err != nil {
		return err
	}
	if src != "" {
		return errors.New(i18n.T(lang, "cli.bundle.inside", out, src))
	}
	return nil
}

// targetMessage says, in the site's language, why CheckTarget refused
// out.
func targetMessage(lang i18n.Lang, err error, out string) string {
	switch {
	case errors.Is(err, bundle.ErrNotBundle):
		return i18n.T(lang, "bundle.notbundle", out)
	case errors.Is(err, bundle.ErrNoFolder):
		return i18n.T(lang, "bundle.nofolder", filepath.Dir(out))
	case errors.Is(err, bundle.ErrFolder):
		return i18n.T(lang, "bundle.folder", out, filepath.Join(out, "plan.zip"))
	}
	return osMessage(lang, err)
}
