package i18n

// pathMessages are about paths typed on the command line.
var pathMessages = map[string]Message{
	"cli.path.drive":     {"%q er en Windows-sti med drevbogstav, og den findes ikke her: skriv stien, som den hedder på denne maskine, med / (fx ./mit-sted)", "%q is a Windows path with a drive letter, and it does not exist here: write the path as it is on this machine, with / (e.g. ./my-site)"},
	"cli.path.backslash": {"%q findes ikke: her skrives stier med /, fx %s", "%q does not exist: paths here are written with /, e.g. %s"},
}

var _ = register(pathMessages)
