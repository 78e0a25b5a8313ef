package output

import (
	"errors"

	"golang.org/x/sys/unix"
)

// exchange swaps the folders at a and b in one step, with
// renamex_np(RENAME_SWAP), macOS's counterpart of Linux's
// renameat2(RENAME_EXCHANGE): each path holds one of the two at every
// instant. It returns errExchange when the file system cannot do it.
func exchange(a, b string) error {
	err := unix.RenamexNp(a, b, unix.RENAME_SWAP)
	if errors.Is(err, unix.EINVAL) || errors.Is(err, unix.ENOTSUP) || errors.Is(err, unix.ENOSYS) {
		return errExchange
	}
	return err
}
