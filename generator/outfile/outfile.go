// Package outfile holds the one type the stages hand their output on in:
// a file of the built site, its path and its bytes. It is a leaf, so the
// stages that make files (site, render, bundle) need not import the disk
// writer (generator/output) that consumes them.
package outfile

// File is one output file.
type File struct {
	// Path is slash-separated and relative to the output root; see
	// urls.ValidPath.
	Path string
	Data []byte
}
