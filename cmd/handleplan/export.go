package main

import (
	"fmt"
	"io"
	"os"

	"github.com/handleplan/handleplan/generator/export"
	"github.com/handleplan/handleplan/generator/site"
)

// runExport prints the model as JSON (generator/export) on stdout.
func runExport(args []string, stdout, stderr io.Writer) int {
	sf, opts, ok := siteCommand("export", args, stderr, nil)
	if !ok {
		return exitUsage
	}
	m, diags := site.Model(os.DirFS(sf.site), opts)
	report(stderr, sf.lang, diags)
	if diags.HasErrors() {
		return exitContent
	}
	data, err := export.JSON(m)
	if err != nil {
		fmt.Fprintln(stderr, "export:", osMessage(sf.lang, err))
		return exitContent
	}
	// The JSON passes the CPR guard like any output file.
	if ds := site.CheckOutput(m, "export.json", data); ds.HasErrors() {
		report(stderr, sf.lang, ds)
		return exitContent
	}
	stdout.Write(data)
	return exitOK
}
