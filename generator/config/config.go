// Package config reads a site's config.toml.
//
// The file is TOML, decoded strictly like front matter: an unknown key is
// an error that suggests the nearest known one. See docs/content-format.md
// for the keys.
package config

import (
	"bytes"
	"errors"
	"io/fs"
	"net/url"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/handleplan/handleplan/generator/diag"
	"github.com/handleplan/handleplan/generator/frontmatter"
	"github.com/handleplan/handleplan/generator/i18n"
	"github.com/handleplan/handleplan/generator/kvalitet"
	"github.com/handleplan/handleplan/generator/suggest"
)

// File is the config file's name in the site folder.
const File = "config.toml"

// Config is the site configuration.
type Config struct {
	Title           string                 `toml:"title"`
	Language        string                 `toml:"language"`
	BaseURL         string                 `toml:"baseURL"`
	Tilgaengelighed string                 `toml:"tilgaengelighed"`
	Kvalitetsmodel  frontmatter.StringList `toml:"kvalitetsmodel"`
	// KvalitetsmodelVersion pins versions ("tilbud-2017"), one per model:
	// every plan answering to the model uses it, whatever its date.
	KvalitetsmodelVersion frontmatter.StringList `toml:"kvalitetsmodel_version"`
	TilladHTML            bool                   `toml:"tillad_html"`
	Roller                map[string]string      `toml:"roller"`
	// Organisation, Logo (a path under assets/) and Accentfarve
	// ("#rrggbb") brand the site without layouts; see brand.go.
	Organisation string `toml:"organisation"`
	Logo         string `toml:"logo"`
	Accentfarve  string `toml:"accentfarve"`
}

// Lang is the site's language.
func (c Config) Lang() i18n.Lang {
	if c.Language == "en" {
		return i18n.En
	}
	return i18n.Da
}

// Language is the language config.toml in site names, read without the
// rest of Load (quality models, logo): for a command's own messages. A
// missing or unreadable file is Danish, as Load's message about it is.
func Language(site fs.FS) i18n.Lang {
	src, err := fs.ReadFile(site, File)
	if err != nil {
		return i18n.Da
	}
	return peekLanguage(src)
}

// peekLanguage reads only the language key of config.toml's source:
// English when it says "en", else Danish, whatever else is wrong in it.
// Like the strict decode, it never hands the decoder nesting deeper than
// frontmatter.MaxDepth (which takes it superlinear time): only the lines
// before the one that nests too deep are read.
func peekLanguage(src []byte) i18n.Lang {
	if off := frontmatter.TooDeep(src); off >= 0 {
		src = src[:bytes.LastIndexByte(src[:off], '\n')+1]
	}
	var peek struct {
		Language string `toml:"language"`
	}
	toml.Decode(string(src), &peek)
	if peek.Language == "en" {
		return i18n.En
	}
	return i18n.Da
}

// TilgaengelighedURL reports whether the accessibility statement is an
// absolute URL rather than a page id.
func (c Config) TilgaengelighedURL() bool {
	return strings.HasPrefix(c.Tilgaengelighed, "http://") || strings.HasPrefix(c.Tilgaengelighed, "https://")
}

// Load reads config.toml from site and the quality model versions it
// names. The registry holds the embedded versions, those of the site's
// files (a file with an embedded version's id replaces it), and the
// versions the site pins.
func Load(site fs.FS) (Config, *kvalitet.Registry, diag.List) {
	var diags diag.List
	var cfg Config
	src, err := fs.ReadFile(site, File)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			diags.Errorf(diag.Pos{File: File}, i18n.T(i18n.Da, "config.missing.hint"), "%s", i18n.T(i18n.Da, "config.missing"))
		} else {
			diags.Errorf(diag.Pos{File: File}, "", "%s", i18n.T(i18n.Da, "content.unreadable", err))
		}
		return cfg, defaultRegistry(), diags
	}
	// The language decides the language of every other message, so peek at
	// it before the strict decode.
	lang := peekLanguage(src)
	pos, ds := frontmatter.Decode(frontmatter.Whole(File, src), &cfg, lang)
	diags.Merge(ds)

	if cfg.Language == "" {
		cfg.Language = "da"
	}
	if !i18n.Lang(cfg.Language).Valid() {
		diags.Errorf(pos.Pos("language"), i18n.T(lang, "config.language.hint"), "%s", i18n.T(lang, "config.language", cfg.Language))
		cfg.Language = "da"
	}
	if strings.TrimSpace(cfg.Title) == "" && !ds.HasErrors() {
		diags.Errorf(pos.Pos("title"), i18n.T(lang, "config.title.hint"), "%s", i18n.T(lang, "config.title"))
	}
	if cfg.BaseURL != "" && !ds.HasErrors() {
		u, err := url.Parse(cfg.BaseURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			diags.Errorf(pos.Pos("baseURL"), i18n.T(lang, "config.baseurl.hint"), "%s", i18n.T(lang, "config.baseurl", cfg.BaseURL))
			cfg.BaseURL = ""
		} else if !strings.HasSuffix(cfg.BaseURL, "/") {
			cfg.BaseURL += "/"
		}
	}
	if !ds.HasErrors() {
		checkBrand(site, &cfg, pos, lang, &diags)
	}

	models := embeddedModels(lang, &diags)
	for i, name := range cfg.Kvalitetsmodel {
		p := strings.TrimPrefix(name, "./")
		if !fs.ValidPath(p) {
			diags.Errorf(pos.Pos("kvalitetsmodel", i), "", "%s", i18n.T(lang, "config.model.path", name))
			continue
		}
		src, err := fs.ReadFile(site, p)
		if err != nil {
			diags.Errorf(pos.Pos("kvalitetsmodel", i), "", "%s", i18n.T(lang, "config.model.read", name, err))
			continue
		}
		m, ds := kvalitet.Load(p, src, lang)
		diags.Merge(ds)
		if !ds.HasErrors() {
			models = append(models, m)
		}
	}
	reg := kvalitet.NewRegistry(models...)
	for _, o := range reg.Overlaps() {
		diags.Errorf(diag.Pos{File: o[1].File}, i18n.T(lang, "kvalitet.file.overlap.hint", o[0].ID), "%s",
			i18n.T(lang, "kvalitet.file.overlap", o[0].ID, o[1].ID, o[0].Family))
	}
	pinned := map[string]bool{}
	for i, id := range cfg.KvalitetsmodelVersion {
		m, ok := reg.Version(strings.TrimSpace(id))
		if !ok {
			ids := reg.VersionIDs()
			hint := i18n.T(lang, "config.pin.hint", strings.Join(ids, ", "))
			if best := suggest.Nearest(id, ids); best != "" {
				hint = i18n.T(lang, "fm.didyoumean", best) + " " + hint
			}
			diags.Errorf(pos.Pos("kvalitetsmodel_version", i), hint, "%s", i18n.T(lang, "config.pin", id))
			continue
		}
		if pinned[m.Family] {
			diags.Errorf(pos.Pos("kvalitetsmodel_version", i), i18n.T(lang, "config.pin.twice.hint"), "%s", i18n.T(lang, "config.pin.twice", m.Family))
			continue
		}
		pinned[m.Family] = true
		reg.Pin(m)
	}
	return cfg, reg, diags
}

// embeddedModels loads the versions built into the binary; a problem in
// them is the program's, reported like a site file's.
func embeddedModels(lang i18n.Lang, diags *diag.List) []*kvalitet.Model {
	var out []*kvalitet.Model
	names, srcs := kvalitet.Embedded()
	for i, name := range names {
		m, ds := kvalitet.Load("(indbygget) "+name, srcs[i], lang)
		diags.Merge(ds)
		out = append(out, m)
	}
	return out
}

func defaultRegistry() *kvalitet.Registry {
	var ds diag.List
	return kvalitet.NewRegistry(embeddedModels(i18n.Da, &ds)...)
}
