package i18n

// brandingMessages are config.toml's organisation, logo and accentfarve.
var brandingMessages = map[string]Message{
	"config.accent":               {"accentfarve %q er ikke en farve, som sitet kan bruge", "accentfarve %q is not a colour the site can use"},
	"config.accent.hint":          {"skriv farven som # og seks hexcifre, fx accentfarve = \"#0b5394\"", "write the colour as # and six hex digits, e.g. accentfarve = \"#0b5394\""},
	"config.accent.contrast":      {"accentfarve %s er for lys: kontrasten mod den hvide baggrund og sidehovedets hvide tekst er %s:1, og WCAG kræver mindst %s:1", "accentfarve %s is too light: its contrast with the white background and the header's white text is %s:1, and WCAG requires at least %s:1"},
	"config.accent.contrast.hint": {"brug en mørkere farve af samme slags, fx accentfarve = \"%s\" (kontrast %s:1)", "use a darker colour of the same hue, e.g. accentfarve = \"%s\" (contrast %s:1)"},
	"config.logo.where":           {"logoet %q skal ligge i mappen assets/ i sitets mappe", "the logo %q must be in the folder assets/ of the site folder"},
	"config.logo.where.hint":      {"læg billedet i assets/ og skriv logo = \"assets/%s\"", "put the image in assets/ and write logo = \"assets/%s\""},
	"config.logo.missing":         {"logoet %q findes ikke", "the logo %q does not exist"},
	"config.logo.missing.hint":    {"læg billedet %s i mappen assets/ ved siden af config.toml, eller ret navnet", "put the image %s in the folder assets/ beside config.toml, or correct the name"},
	"config.logo.type":            {"logoet %q er ikke et billede, som en browser kan vise", "the logo %q is not an image a browser can show"},
	"config.logo.type.hint":       {"gem logoet som PNG, JPEG, GIF, WebP eller SVG, med den rigtige endelse (fx logo.png)", "save the logo as PNG, JPEG, GIF, WebP or SVG, with the right ending (e.g. logo.png)"},
	"config.logo.size":            {"logoet %q fylder %s; højst %s, da det er med på hver side", "the logo %q takes %s; at most %s, as every page shows it"},
	"config.logo.size.hint":       {"gem det i en mindre udgave, fx 400 pixel bredt, eller som SVG", "save a smaller version, e.g. 400 pixels wide, or an SVG"},
	"config.logo.alt":             {"logoet kræver, at organisationen er nævnt: dens navn er logoets tekst for dem, der ikke ser billedet", "the logo needs the organisation named: its name is the logo's text for those who cannot see the image"},
	"config.logo.alt.hint":        {"skriv fx organisation = \"Bostedet Solhøj\" i config.toml", "write e.g. organisation = \"Bostedet Solhøj\" in config.toml"},
}

var _ = register(brandingMessages)
