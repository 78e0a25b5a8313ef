// Package handleplan holds the default theme: the top-level layouts/ and
// assets/ folders, embedded into the binary. A site's own layouts/ and
// assets/ override files of the same name. The generator itself lives in
// generator/, the command in cmd/handleplan.
package handleplan

import "embed"

// Theme is the embedded default theme.
//
//go:embed layouts assets
var Theme embed.FS
