package content

import (
	"errors"
	"io/fs"
	"path"
	"strings"
)

// maxHops bounds a chain of links, so a loop ends.
const maxHops = 16

// Link reports whether the site-relative path p may be read: it is not a
// symbolic link, or it is one whose target, followed link by link, is a
// file or folder inside the site reached through real folders. A link
// that leads out of the site (an absolute target, or one that climbs
// above the site with ".."), a dangling link and a loop are never read:
// the site folder is what is published, and a link must not pull in a
// file from elsewhere on the machine.
//
// The same rule holds for build, serve and bundle, because all of them
// read content/ through Load and ReadFile. A file system that cannot
// read links (fs.ReadLinkFS) has none of them followed.
func Link(site fs.FS, p string) bool {
	for hop := range maxHops {
		fi, err := fs.Lstat(site, p)
		if err != nil {
			// A path that is not there at all holds nothing to read, and
			// the caller reports it as it would without links; a link
			// to nowhere is refused.
			return hop == 0 && errors.Is(err, fs.ErrNotExist)
		}
		if fi.Mode()&fs.ModeSymlink == 0 {
			return true
		}
		target, err := fs.ReadLink(site, p)
		if err != nil || target == "" || strings.HasPrefix(target, "/") || strings.Contains(target, "\\") || len(target) > 1 && target[1] == ':' {
			return false
		}
		next := path.Join(path.Dir(p), target)
		if !fs.ValidPath(next) || next == "." || !realFolders(site, next) {
			return false
		}
		p = next
	}
	return false
}

// realFolders reports whether every folder above the site-relative path p
// is a folder, not a link to one: a linked folder would carry the path
// anywhere.
func realFolders(site fs.FS, p string) bool {
	for d := path.Dir(p); d != "."; d = path.Dir(d) {
		fi, err := fs.Lstat(site, d)
		if err != nil {
			// A folder that is not there holds nothing to read.
			return errors.Is(err, fs.ErrNotExist)
		}
		if fi.Mode()&fs.ModeSymlink != 0 {
			return false
		}
	}
	return true
}

// imageExts are the file endings of the images a site may publish: those
// a browser shows in <img>.
var imageExts = map[string]bool{
	".jpg": true, ".jpeg": true, ".png": true, ".gif": true, ".svg": true, ".webp": true, ".avif": true,
}

// IsImage reports whether a file name ends like an image a browser
// shows (.jpg, .jpeg, .png, .gif, .svg, .webp, .avif, in any case).
func IsImage(name string) bool {
	return imageExts[strings.ToLower(path.Ext(name))]
}
