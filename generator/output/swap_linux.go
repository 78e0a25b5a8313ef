package output

import (
	"errors"

	"golang.org/x/sys/unix"
)

// exchange swaps the folders at a and b in one step, with
// renameat2(RENAME_EXCHANGE): at every instant each path holds one of the
// two, so the site's path is never empty, even if the build is killed
// in the middle. It returns errExchange when the file system cannot do
// it (RENAME_EXCHANGE needs Linux 3.15 and a file system that supports
// it: ext4, xfs, btrfs, tmpfs do; some network and FUSE ones do not).
func exchange(a, b string) error {
	err := unix.Renameat2(unix.AT_FDCWD, a, unix.AT_FDCWD, b, unix.RENAME_EXCHANGE)
	if errors.Is(err, unix.EINVAL) || errors.Is(err, unix.ENOSYS) || errors.Is(err, unix.EOPNOTSUPP) || errors.Is(err, unix.ENOTSUP) {
		return errExchange
	}
	return err
}
