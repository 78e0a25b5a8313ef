package config

import (
	"bytes"
	"fmt"
	"io/fs"
	"math"
	"net/http"
	"path"
	"strconv"
	"strings"

	"github.com/handleplan/handleplan/generator/diag"
	"github.com/handleplan/handleplan/generator/frontmatter"
	"github.com/handleplan/handleplan/generator/i18n"
)

// Branding without layouts: config.toml may name the organisation, a logo
// under assets/ and an accent colour.
//
//	organisation = "Bostedet Solhøj"   # the header (or the logo's alt text), the footer, the bundle's cover
//	logo = "assets/logo.svg"           # PNG, JPEG, GIF, WebP or SVG, at most MaxLogoSize
//	accentfarve = "#0b5394"            # the header's background and the links' colour
//
// The accent colour is both the background of the header's white text and
// the colour of links on the white page, so it must reach a WCAG 2.x
// contrast of MinContrast against white; a colour that does not is an
// error that gives its ratio and a darker colour of the same hue that
// passes.

// MaxLogoSize is the largest logo file: it is in every page's header,
// and in every bundle.
const MaxLogoSize = 512 << 10

// MinContrast is WCAG 2.x's minimum contrast ratio for normal text (1.4.3,
// level AA).
const MinContrast = 4.5

// The colours the accent colour is paired with in the theme: the page's
// background behind links, and the header's text on the accent.
var (
	pageBackground = RGB{0xff, 0xff, 0xff}
	headerText     = RGB{0xff, 0xff, 0xff}
)

// LogoAsset is the logo's name under assets/, for the theme's asset
// function; "" without a logo.
func (c Config) LogoAsset() string {
	return strings.TrimPrefix(c.Logo, "assets/")
}

// RGB is a colour in sRGB, 8 bits a channel.
type RGB [3]uint8

// String is the colour as #rrggbb.
func (c RGB) String() string { return fmt.Sprintf("#%02x%02x%02x", c[0], c[1], c[2]) }

// ParseHex reads "#rrggbb" or "#rgb" (either case).
func ParseHex(s string) (RGB, bool) {
	if !strings.HasPrefix(s, "#") {
		return RGB{}, false
	}
	h := s[1:]
	if len(h) == 3 {
		h = string([]byte{h[0], h[0], h[1], h[1], h[2], h[2]})
	}
	if len(h) != 6 {
		return RGB{}, false
	}
	var c RGB
	for i := range c {
		v, err := strconv.ParseUint(h[2*i:2*i+2], 16, 8)
		if err != nil {
			return RGB{}, false
		}
		c[i] = uint8(v)
	}
	return c, true
}

// Luminance is the colour's relative luminance as WCAG 2.x defines it.
func (c RGB) Luminance() float64 {
	var l [3]float64
	for i, v := range c {
		s := float64(v) / 255
		if s <= 0.03928 {
			l[i] = s / 12.92
		} else {
			l[i] = math.Pow((s+0.055)/1.055, 2.4)
		}
	}
	return 0.2126*l[0] + 0.7152*l[1] + 0.0722*l[2]
}

// Contrast is the WCAG 2.x contrast ratio of two colours, 1 to 21.
func Contrast(a, b RGB) float64 {
	la, lb := a.Luminance(), b.Luminance()
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// accentContrast is the lowest contrast of c with the colours it is
// paired with.
func accentContrast(c RGB) float64 {
	return min(Contrast(c, pageBackground), Contrast(c, headerText))
}

// Darker returns the lightest colour of c's hue (each channel scaled by
// the same factor) whose contrast with the accent's pairs is at least
// MinContrast; c itself when it passes.
func Darker(c RGB) RGB {
	for k := 1000; k >= 0; k-- {
		var d RGB
		for i, v := range c {
			d[i] = uint8(math.Round(float64(v) * float64(k) / 1000))
		}
		if accentContrast(d) >= MinContrast {
			return d
		}
	}
	return RGB{}
}

// ratio shows a contrast ratio to two decimals, with a decimal comma in
// Danish. A failing ratio that would round up to the minimum (4.497) is
// cut instead, so it never reads as passing.
func ratio(lang i18n.Lang, r float64) string {
	v := math.Round(r*100) / 100
	if r < MinContrast && v >= MinContrast {
		v = math.Floor(r*100) / 100
	}
	return i18n.Decimal(lang, strconv.FormatFloat(v, 'f', 2, 64))
}

// logoTypes are the logo's file types, by extension, with the media type
// its content must sniff as ("" for SVG, which is text).
var logoTypes = map[string]string{
	".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg",
	".gif": "image/gif", ".webp": "image/webp", ".svg": "",
}

// checkBrand validates organisation, logo and accentfarve, clearing what
// is wrong so the build goes on without it.
func checkBrand(site fs.FS, cfg *Config, pos *frontmatter.Positions, lang i18n.Lang, diags *diag.List) {
	cfg.Organisation = strings.TrimSpace(cfg.Organisation)
	if cfg.Accentfarve != "" {
		c, ok := ParseHex(strings.TrimSpace(cfg.Accentfarve))
		switch {
		case !ok:
			diags.Errorf(pos.Pos("accentfarve"), i18n.T(lang, "config.accent.hint"), "%s", i18n.T(lang, "config.accent", cfg.Accentfarve))
			cfg.Accentfarve = ""
		case accentContrast(c) < MinContrast:
			d := Darker(c)
			diags.Errorf(pos.Pos("accentfarve"), i18n.T(lang, "config.accent.contrast.hint", d.String(), ratio(lang, accentContrast(d))), "%s",
				i18n.T(lang, "config.accent.contrast", c.String(), ratio(lang, accentContrast(c)), ratio(lang, MinContrast)))
			cfg.Accentfarve = ""
		default:
			cfg.Accentfarve = c.String()
		}
	}
	if cfg.Logo == "" {
		return
	}
	at := pos.Pos("logo")
	p := strings.TrimPrefix(strings.ReplaceAll(strings.TrimSpace(cfg.Logo), `\`, "/"), "./")
	cfg.Logo = ""
	name := path.Base(p)
	if !fs.ValidPath(p) || !strings.HasPrefix(p, "assets/") || p == "assets/" {
		diags.Errorf(at, i18n.T(lang, "config.logo.where.hint", name), "%s", i18n.T(lang, "config.logo.where", p))
		return
	}
	want, ok := logoTypes[strings.ToLower(path.Ext(p))]
	if !ok {
		diags.Errorf(at, i18n.T(lang, "config.logo.type.hint"), "%s", i18n.T(lang, "config.logo.type", p))
		return
	}
	info, err := fs.Stat(site, p)
	if err != nil || info.IsDir() {
		diags.Errorf(at, i18n.T(lang, "config.logo.missing.hint", name), "%s", i18n.T(lang, "config.logo.missing", p))
		return
	}
	if info.Size() > MaxLogoSize {
		diags.Errorf(at, i18n.T(lang, "config.logo.size.hint"), "%s",
			i18n.T(lang, "config.logo.size", p, kb(info.Size()), kb(MaxLogoSize)))
		return
	}
	data, err := fs.ReadFile(site, p)
	if err != nil {
		diags.Errorf(at, "", "%s", i18n.T(lang, "content.unreadable", err))
		return
	}
	if !isImage(data, want) {
		diags.Errorf(at, i18n.T(lang, "config.logo.type.hint"), "%s", i18n.T(lang, "config.logo.type", p))
		return
	}
	if cfg.Organisation == "" {
		// The logo's alt text names the organisation.
		diags.Errorf(at, i18n.T(lang, "config.logo.alt.hint"), "%s", i18n.T(lang, "config.logo.alt"))
		return
	}
	cfg.Logo = p
}

// isImage reports whether data is an image of the media type want; ""
// means SVG.
func isImage(data []byte, want string) bool {
	if want != "" {
		return http.DetectContentType(data) == want
	}
	head := data[:min(len(data), 4096)]
	return bytes.Contains(head, []byte("<svg")) && !bytes.Contains(head, []byte{0})
}

// kb shows a size in whole kilobytes, rounded up.
func kb(n int64) string { return strconv.FormatInt((n+1023)/1024, 10) + " KB" }
