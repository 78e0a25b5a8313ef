package kvalitet

import (
	"github.com/handleplan/handleplan/generator/diag"
	"github.com/handleplan/handleplan/generator/frontmatter"
	"github.com/handleplan/handleplan/generator/i18n"
)

// Load reads a model from TOML, strictly: unknown keys and inconsistent
// numbering are errors at path.
func Load(path string, src []byte, lang i18n.Lang) (*Model, diag.List) {
	m := &Model{}
	_, diags := frontmatter.Decode(frontmatter.Whole(path, src), m, lang)
	for _, p := range m.Index() {
		diags.Errorf(diag.Pos{File: path}, "", "%s", i18n.T(lang, "model.invalid", p))
	}
	return m, diags
}
