// Package config reads a site's config.toml.
//
// The file is TOML, decoded strictly like front matter: an unknown key is
// an error that suggests the nearest known one. See docs/content-format.md
// for the keys.
package config

import (
	"errors"
	"io/fs"
	"net/url"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/handleplan/handleplan/generator/content"
	"github.com/handleplan/handleplan/generator/diag"
	"github.com/handleplan/handleplan/generator/frontmatter"
	"github.com/handleplan/handleplan/generator/i18n"
	"github.com/handleplan/handleplan/generator/kvalitet"
)

// File is the config file's name in the site folder.
const File = "config.toml"

// Config is the site configuration.
type Config struct {
	Title           string             `toml:"title"`
	Language        string             `toml:"language"`
	BaseURL         string             `toml:"baseURL"`
	Tilgaengelighed string             `toml:"tilgaengelighed"`
	Kvalitetsmodel  content.StringList `toml:"kvalitetsmodel"`
	TilladHTML      bool               `toml:"tillad_html"`
	Roller          map[string]string  `toml:"roller"`
}

// Lang is the site's language.
func (c Config) Lang() i18n.Lang {
	if c.Language == "en" {
		return i18n.En
	}
	return i18n.Da
}

// TilgaengelighedURL reports whether the accessibility statement is an
// absolute URL rather than a page id.
func (c Config) TilgaengelighedURL() bool {
	return strings.HasPrefix(c.Tilgaengelighed, "http://") || strings.HasPrefix(c.Tilgaengelighed, "https://")
}

// Load reads config.toml from site and the quality models it names. The
// registry always holds the embedded default model unless a site file
// replaces it.
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
	var peek struct {
		Language string `toml:"language"`
	}
	toml.Decode(string(src), &peek)
	lang := i18n.Da
	if peek.Language == "en" {
		lang = i18n.En
	}
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

	models := []*kvalitet.Model{}
	def, ds := kvalitet.Load("(indbygget) "+kvalitet.DefaultID+".toml", kvalitet.DefaultSource(), lang)
	diags.Merge(ds)
	models = append(models, def)
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
		if m != nil {
			models = append(models, m)
		}
	}
	return cfg, kvalitet.NewRegistry(models...), diags
}

func defaultRegistry() *kvalitet.Registry {
	m, _ := kvalitet.Load("", kvalitet.DefaultSource(), i18n.Da)
	return kvalitet.NewRegistry(m)
}
