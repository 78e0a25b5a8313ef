package main

import (
	"strings"
	"testing"
)

func TestServeHostFlag(t *testing.T) {
	var h hostList
	for _, v := range []string{"preview.lan", "a.lan, b.lan:8080"} {
		if err := h.Set(v); err != nil {
			t.Fatalf("--host %s: %v", v, err)
		}
	}
	if got := h.String(); got != "preview.lan,a.lan,b.lan:8080" {
		t.Errorf("hosts = %q", got)
	}
	for _, bad := range []string{"", "a b", "http://x", "x@y"} {
		if err := (&hostList{}).Set(bad); err == nil {
			t.Errorf("--host %q accepted", bad)
		}
	}
	code, _, stderr := runCLI(t, "serve", "--host", "http://x")
	if code != exitUsage || !strings.Contains(stderr, "host") {
		t.Errorf("serve --host http://x: exit %d, %s", code, stderr)
	}
}
