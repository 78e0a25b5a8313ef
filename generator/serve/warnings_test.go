package serve

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

type warningsPayload struct {
	Key         string     `json:"key"`
	Title       string     `json:"title"`
	Dismiss     string     `json:"dismiss"`
	Diagnostics []jsonDiag `json:"diagnostics"`
}

func decodeWarnings(t *testing.T, s string) warningsPayload {
	t.Helper()
	var w warningsPayload
	if err := json.Unmarshal([]byte(s), &w); err != nil {
		t.Fatalf("warnings JSON: %v\n%s", err, s)
	}
	return w
}

// A build that succeeds with warnings shows them in the browser too: the
// JSON endpoint and the event stream carry each with its position, message
// and hint, CPR-like numbers masked, under a key that changes with the set.
func TestWarningsReachTheBrowser(t *testing.T) {
	dir, ts, _ := startSite(t)
	_, body, _ := get(t, ts.URL+warnPath)
	if w := decodeWarnings(t, body); len(w.Diagnostics) != 0 || w.Key != "" {
		t.Fatalf("a site without warnings: %s", body)
	}
	events := subscribe(t, ts.URL)
	events.next(t, "warnings")

	file := filepath.Join(dir, "content/planer/plan-a/uklar.md")
	os.WriteFile(file, []byte("+++\ntitle = \"Uklar\"\nindikatorer = [\"9.b\"]\n\n[[aktivitet]]\nhvad = \"Samtaler\"\nhvornaar = \"en gang imellem\"\n+++\n"), 0o644)
	ev := decodeWarnings(t, events.next(t, "warnings"))
	for len(ev.Diagnostics) == 0 {
		// The watcher may report the new file before its text is written.
		ev = decodeWarnings(t, events.next(t, "warnings"))
	}
	if len(ev.Diagnostics) != 1 {
		t.Fatalf("want one warning, got %+v", ev.Diagnostics)
	}
	d := ev.Diagnostics[0]
	if d.Pos != "content/planer/plan-a/uklar.md:7:12" || d.Severity != "warning" || d.Hint == "" || !strings.Contains(d.Msg, "tidsrummet") {
		t.Errorf("warning = %+v", d)
	}
	if ev.Key == "" || ev.Title != "Sitet er bygget med 1 advarsel" || ev.Dismiss == "" {
		t.Errorf("panel = %+v", ev)
	}
	_, body, _ = get(t, ts.URL+warnPath)
	if got := decodeWarnings(t, body); got.Key != ev.Key || len(got.Diagnostics) != 1 {
		t.Errorf("endpoint = %s, event key %s", body, ev.Key)
	}

	// A second warning: a new key, so a dismissed panel shows again. Its
	// file name holds a CPR-like number, masked as in the overlay.
	notes := filepath.Join(dir, "content/planer/plan-a/noter-010203-1234.txt")
	os.WriteFile(notes, []byte("noter"), 0o644)
	next := decodeWarnings(t, events.next(t, "warnings"))
	for len(next.Diagnostics) < 2 {
		next = decodeWarnings(t, events.next(t, "warnings"))
	}
	if next.Key == ev.Key {
		t.Errorf("the key did not change with the set: %s", next.Key)
	}
	if raw, _ := json.Marshal(next); strings.Contains(string(raw), "0203-1234") || !strings.Contains(string(raw), "noter-01xxxx-xxxx.txt") {
		t.Errorf("the number is not masked: %s", raw)
	}

	// Fixed: an empty set removes the panel.
	os.Remove(file)
	os.Remove(notes)
	for w := decodeWarnings(t, events.next(t, "warnings")); len(w.Diagnostics) != 0; w = decodeWarnings(t, events.next(t, "warnings")) {
	}
}

// While the build fails the overlay shows every diagnostic, warnings
// included; the panel has nothing to add.
func TestWarningsEmptyWhileFailing(t *testing.T) {
	dir, _, srv := startSite(t)
	os.WriteFile(filepath.Join(dir, "content/planer/plan-a/noter.txt"), []byte("noter"), 0o644)
	os.WriteFile(filepath.Join(dir, "content/planer/plan-a/brudt.md"), []byte("+++\ntitle = \n+++\n"), 0o644)
	srv.Rebuild([]string{"content/planer/plan-a/brudt.md", "content/planer/plan-a/noter.txt"})
	if w := decodeWarnings(t, string(srv.warningsJSON())); len(w.Diagnostics) != 0 {
		t.Errorf("panel while failing: %+v", w)
	}
	if got := string(srv.errorsJSON()); !strings.Contains(got, "noter.txt") {
		t.Errorf("overlay lacks the warning: %s", got)
	}
}
