package main

import (
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/handleplan/handleplan/generator/config"
	"github.com/handleplan/handleplan/generator/i18n"
)

// skabelon is the new site that init writes, less the plan and its
// indsats, which come from the same scaffolds as `new`.
//
//go:embed all:skabelon
var skabelon embed.FS

// runInit makes a new site in DIR (default: the current folder) that
// builds and passes check --strict as it is: config.toml, the front
// page, the accessibility statement, one plan with one indsats, and a
// short LÆSMIG.md for the author. It writes nothing over an existing
// file: a folder that already has config.toml or content/ is refused.
func runInit(args []string, stdout, stderr io.Writer) int {
	flags := newFlagSet("init", i18n.Da, stderr, nil)
	pos, ok := parse(flags, args)
	if !ok {
		return exitUsage
	}
	if len(pos) > 1 {
		fmt.Fprintln(stderr, i18n.T(i18n.Da, "cli.usage", "handleplan init [MAPPE]"))
		return exitUsage
	}
	dir := "."
	if len(pos) == 1 {
		dir = pos[0]
	}
	if err := initSite(dir, stdout); err != nil {
		fmt.Fprintln(stderr, "init:", osMessage(i18n.Da, err))
		return exitUsage
	}
	fmt.Fprintln(stdout, i18n.T(i18n.Da, "cli.init.done", dir, dir))
	return exitOK
}

func initSite(dir string, notes io.Writer) error {
	for _, name := range []string{"config.toml", "content"} {
		if _, err := os.Lstat(filepath.Join(dir, name)); err == nil {
			return errors.New(i18n.T(i18n.Da, "cli.init.exists", dir, name))
		}
	}
	err := fs.WalkDir(skabelon, "skabelon", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := skabelon.ReadFile(p)
		if err != nil {
			return err
		}
		rel := strings.TrimPrefix(p, "skabelon/")
		return writeNew(filepath.Join(dir, filepath.FromSlash(rel)), string(data), i18n.Da)
	})
	if err != nil {
		return err
	}
	now, err := today(i18n.Da, "")
	if err != nil {
		return err
	}
	if _, err := newFile(dir, "plan", "min-plan", now, i18n.Da, notes); err != nil {
		return err
	}
	_, err = newFile(dir, "indsats", "min-plan/foerste-indsats", now, i18n.Da, notes)
	return err
}

// cliLang is the language of the site in folder site, for the messages
// the command prints: Danish unless its config.toml says "en".
func cliLang(site string) i18n.Lang {
	return config.Language(os.DirFS(site))
}
