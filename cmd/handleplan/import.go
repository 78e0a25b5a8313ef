package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/handleplan/handleplan/generator/content"
	"github.com/handleplan/handleplan/generator/docx"
	"github.com/handleplan/handleplan/generator/i18n"
	"github.com/handleplan/handleplan/generator/importplan"
	"github.com/handleplan/handleplan/generator/urls"
)

// maxDocxSize is the largest .docx import reads: far above any plan, far
// below what would strain the machine.
const maxDocxSize = 100 << 20

// runImport reads the tilsyn's plan table from a .docx and writes the plan
// folder SITE/content/planer/ID/. It never overwrites a file: when any of
// the files exists, nothing is written. What it could not place is listed
// on stdout.
func runImport(args []string, stdout, stderr io.Writer) int {
	var sf siteFlags
	flags := newFlagSet("import", argsLang(args), stderr, &sf)
	planID := flags.String("plan", "", flags.t("cli.flag.importid"))
	pos, ok := parse(flags, args)
	if !ok {
		return exitUsage
	}
	lang := cliLang(sf.site)
	if len(pos) != 1 {
		fmt.Fprintln(stderr, i18n.T(lang, "cli.usage", i18n.T(lang, "import.usage")))
		return exitUsage
	}
	src := pos[0]
	if err := checkUserPath(src); err != nil {
		fmt.Fprintln(stderr, "import:", pathHint(lang, src))
		return exitUsage
	}
	if _, err := os.Stat(filepath.Join(sf.site, "config.toml")); err != nil {
		fmt.Fprintln(stderr, "import:", i18n.T(lang, "import.nosite", sf.site))
		return exitUsage
	}
	if *planID != "" && !urls.ValidID(*planID) {
		fmt.Fprintln(stderr, "import:", i18n.T(lang, "import.badid", *planID, urls.Slug(*planID)))
		return exitUsage
	}
	data, err := readLimited(src, maxDocxSize)
	if err != nil {
		fmt.Fprintln(stderr, "import:", osMessage(lang, err))
		return exitUsage
	}
	if data == nil {
		fmt.Fprintln(stderr, "import:", i18n.T(lang, "import.toobig", src, maxDocxSize>>20))
		return exitUsage
	}
	doc, err := docx.Read(data)
	if err != nil {
		fmt.Fprintln(stderr, "import:", docxError(lang, src, err))
		return exitUsage
	}
	name := strings.TrimSuffix(filepath.Base(src), filepath.Ext(src))
	res, err := importplan.Convert(doc, importplan.Options{Name: name, PlanID: *planID, Lang: lang})
	switch {
	case errors.Is(err, importplan.ErrNoTable):
		fmt.Fprintln(stderr, "import:", i18n.T(lang, "import.notable", src))
		return exitContent
	case errors.Is(err, importplan.ErrNoID):
		fmt.Fprintln(stderr, "import:", i18n.T(lang, "import.noid", name))
		return exitUsage
	case err != nil:
		fmt.Fprintln(stderr, "import:", osMessage(lang, err))
		return exitContent
	}
	dir := filepath.Join(sf.site, content.Dir, "planer", res.PlanID)
	// Refuse before writing anything, so a refused import leaves no
	// half-written plan behind.
	for _, f := range res.Files {
		p := filepath.Join(dir, f.Name)
		_, err := os.Lstat(p)
		if err == nil {
			fmt.Fprintln(stderr, "import:", i18n.T(lang, "import.exists", p))
			return exitUsage
		}
		if !errors.Is(err, fs.ErrNotExist) {
			// Not "exists": a folder it may not read, or a file
			// where the plan's folder should be, is said as it is.
			fmt.Fprintln(stderr, "import:", osMessage(lang, err))
			return exitUsage
		}
	}
	for _, f := range res.Files {
		if err := writeNew(filepath.Join(dir, f.Name), string(f.Data), lang); err != nil {
			fmt.Fprintln(stderr, "import:", osMessage(lang, err))
			return exitUsage
		}
	}
	fmt.Fprintln(stdout, i18n.T(lang, "import.wrote", len(res.Files), dir))
	if len(res.Notes) > 0 {
		fmt.Fprintln(stdout, i18n.T(lang, "import.report"))
		for _, n := range res.Notes {
			fmt.Fprintln(stdout, "  -", n)
		}
	}
	fmt.Fprintln(stdout, i18n.T(lang, "import.checkit", sf.site))
	return exitOK
}

// readLimited reads at most limit bytes of the file at p; it returns nil
// data and no error when the file is larger.
func readLimited(p string, limit int64) ([]byte, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > limit {
		return nil, nil
	}
	return b, nil
}

// docxError says in the author's language why a file could not be read.
func docxError(lang i18n.Lang, src string, err error) string {
	switch {
	case errors.Is(err, docx.ErrEncrypted):
		return i18n.T(lang, "import.encrypted", src)
	case errors.Is(err, docx.ErrLegacyDoc):
		return i18n.T(lang, "import.legacydoc", src)
	case errors.Is(err, docx.ErrNotZip):
		return i18n.T(lang, "import.notzip", src)
	case errors.Is(err, docx.ErrNoDocument):
		return i18n.T(lang, "import.nodoc", src)
	case errors.Is(err, docx.ErrDTD):
		return i18n.T(lang, "import.dtd", src)
	case errors.Is(err, docx.ErrTooLarge):
		return i18n.T(lang, "import.toolarge", src, docx.MaxPartSize>>20)
	case errors.Is(err, docx.ErrTooManyFile):
		return i18n.T(lang, "import.toomany", src, docx.MaxEntries)
	case errors.Is(err, docx.ErrMalformed):
		// The decoder's own words are English and name a line of the
		// zip's XML, which the author never sees: say what to do.
		return i18n.T(lang, "import.malformed", src)
	}
	return i18n.T(lang, "import.read", src, err)
}
