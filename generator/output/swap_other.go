//go:build !linux && !darwin

package output

// exchange would swap two folders in one step. Windows and the BSDs have
// no such call that Go reaches, so Commit falls back to the best they
// offer: two renames, the old site aside as ".NAME.new-*.old" and the new
// one into its place. Between the two the site's path is empty for a
// moment; a build killed in that moment leaves the old site aside, whole,
// and the next run puts it back before it starts (see removeLeftovers).
func exchange(a, b string) error { return errExchange }
