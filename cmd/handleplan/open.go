package main

import (
	"os/exec"
	"runtime"
)

// openCommand is the command that opens url in the default browser on
// the operating system goos: Windows has no "open" or "xdg-open", and
// "start" is a built-in of cmd.exe that reads & in a URL as a command
// separator, so it goes through the URL protocol handler instead.
func openCommand(goos, url string) (name string, args []string) {
	switch goos {
	case "windows":
		return "rundll32", []string{"url.dll,FileProtocolHandler", url}
	case "darwin", "ios":
		return "open", []string{url}
	default:
		return "xdg-open", []string{url}
	}
}

// openBrowser opens url in the default browser (`serve --open`); a
// machine without one keeps serving, and the address is printed anyway.
func openBrowser(url string) {
	name, args := openCommand(runtime.GOOS, url)
	cmd := exec.Command(name, args...)
	if cmd.Start() == nil {
		go cmd.Wait() // reap it
	}
}
