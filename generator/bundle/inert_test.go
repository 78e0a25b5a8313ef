package bundle

import "testing"

func TestCheckInert(t *testing.T) {
	for _, tt := range []struct {
		doc string
		ok  bool
	}{
		{`<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:image/svg+xml;base64,AA=="><style>a{}</style></head><body><a href="#s1">x</a><img src="data:image/png;base64,AA==" alt=""><a href="https://example.org/">y</a></body></html>`, true},
		{`<p onclick="x()">`, false},
		{`<script>x()</script>`, false},
		{`<svg><script>x()</script></svg>`, false},
		{`<a href=" JavaScript:x()">`, false},
		{`<a href="data:text/html,x">`, false},
		{`<img src="data:text/html,x">`, false},
		{`<iframe></iframe>`, false},
		{`<meta http-equiv="refresh" content="0">`, false},
		{`<link rel="stylesheet" href="x.css">`, false},
		{`<form><button formaction="x">`, false},
	} {
		if err := checkInert([]byte(tt.doc)); (err == nil) != tt.ok {
			t.Errorf("checkInert(%q) = %v", tt.doc, err)
		}
	}
}
