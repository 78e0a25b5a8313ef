package i18n

// limitMessages are the diagnostics for files that would cost the build
// far more time or memory than their size: each names the limit and how
// to stay under it.
var limitMessages = map[string]Message{
	"limit.depth": {"lister og tabeller er indlejret mere end %d niveauer dybt her",
		"lists and tables are nested more than %d levels deep here"},
	"limit.depth.hint": {"en liste i en liste er nok, fx data = [[\"2022-01\", 9.4], [\"2022-02\", 8.7]]; tjek at hver [ og { bliver lukket",
		"a list in a list is enough, e.g. data = [[\"2022-01\", 9.4], [\"2022-02\", 8.7]]; check that every [ and { is closed"},
}

var _ = register(limitMessages)
