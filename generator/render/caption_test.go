package render

import (
	"testing"

	"github.com/handleplan/handleplan/generator/i18n"
)

func TestPlanCaption(t *testing.T) {
	tests := []struct{ title, want string }{
		{"Handleplan vedr. tilsynsrapport fra Socialtilsyn Midt", "Handleplan vedr. tilsynsrapport fra Socialtilsyn Midt"},
		{"Udviklingspunkter samt Handleplan 2017.", "Udviklingspunkter samt Handleplan 2017."},
		{"Eksempelhuset 2025", "Handleplan: Eksempelhuset 2025"},
	}
	for _, tt := range tests {
		if got := planCaption(i18n.Da, tt.title); got != tt.want {
			t.Errorf("planCaption(%q) = %q, want %q", tt.title, got, tt.want)
		}
	}
}
