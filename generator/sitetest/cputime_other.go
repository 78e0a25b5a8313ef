//go:build !unix

package sitetest

import "time"

// cpuTime is the wall clock where the system does not tell the process's
// CPU time.
func cpuTime() time.Duration { return time.Duration(time.Now().UnixNano()) }
