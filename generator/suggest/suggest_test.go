package suggest

import "testing"

func TestNearest(t *testing.T) {
	keys := []string{"title", "maal", "hvem", "hvornaar", "status", "indikatorer"}
	tests := []struct{ in, want string }{
		{"mal", "maal"},
		{"Titel", "title"},
		{"hvornår", "hvornaar"},
		{"indikator", "indikatorer"},
		{"xyzzy", ""},
		{"", ""},
		{"stauts", "status"},
	}
	for _, tt := range tests {
		if got := Nearest(tt.in, keys); got != tt.want {
			t.Errorf("Nearest(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if Nearest("a", nil) != "" {
		t.Error("no candidates must give no suggestion")
	}
}

func TestDistance(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		d    int
	}{{"", "", 0}, {"a", "", 1}, {"kitten", "sitting", 3}, {"titel", "title", 1}, {"æø", "ae", 2}, {"sygefravær", "sygefravaer", 2}} {
		if got := Distance(tt.a, tt.b); got != tt.d {
			t.Errorf("Distance(%q,%q) = %d, want %d", tt.a, tt.b, got, tt.d)
		}
	}
}
