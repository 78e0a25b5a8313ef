package i18n

// warnPanelMessages are the texts of the dev server's warnings panel: a
// build that succeeds with warnings shows them in a small panel on every
// open page.
var warnPanelMessages = map[string]Message{
	"serve.warnings.title":   {"Sitet er bygget med %s", "The site was built with %s"},
	"serve.warnings.note":    {"Siden virker, men ret gerne dette. Panelet forsvinder, når advarslerne er rettet.", "The page works, but do fix these. The panel goes away when the warnings are fixed."},
	"serve.warnings.dismiss": {"Skjul advarslerne", "Hide the warnings"},
}

var _ = register(warnPanelMessages)
