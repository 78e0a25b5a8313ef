package pages

import "testing"

func TestRel(t *testing.T) {
	tests := []struct{ from, to, want string }{
		{"index.html", "planer/a/index.html", "planer/a/index.html"},
		{"planer/a/index.html", "index.html", "../../index.html"},
		{"planer/a/b.html", "planer/a/index.html", "index.html"},
		{"planer/a/b.html", "planer/c/d.html", "../c/d.html"},
		{"historier/x.html", "assets/style.css", "../assets/style.css"},
		{"404.html", "assets/style.css", "assets/style.css"},
		{"planer/a/b.html", "planer/a/img/x.png", "img/x.png"},
	}
	for _, tt := range tests {
		if got := Rel(tt.from, tt.to); got != tt.want {
			t.Errorf("Rel(%q, %q) = %q, want %q", tt.from, tt.to, got, tt.want)
		}
	}
}
