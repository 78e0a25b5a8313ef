package watch

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"testing/synctest"
	"time"

	"github.com/fsnotify/fsnotify"
)

func TestRelevant(t *testing.T) {
	tests := []struct {
		path string
		op   fsnotify.Op
		want bool
	}{
		{"content/planer/a/b.md", fsnotify.Write, true},
		{"content/planer/a/b.md", fsnotify.Chmod, false},
		{"content/planer/a/b.md", fsnotify.Write | fsnotify.Chmod, true},
		{"config.toml", fsnotify.Write, true},
		{"layouts/plan.html", fsnotify.Create, true},
		{"assets/style.css", fsnotify.Rename, true},
		{"content/planer/a/4913", fsnotify.Create, false},
		{"content/planer/a/.b.md.swp", fsnotify.Write, false},
		{"content/planer/a/b.md~", fsnotify.Write, false},
		{"content/planer/a/.#b.md", fsnotify.Create, false},
		{"content/planer/a/b.md___jb_tmp___", fsnotify.Write, false},
		{"content/planer/a/b.md___jb_old___", fsnotify.Rename, false},
		{"public/index.html", fsnotify.Write, false},
		{".git/index", fsnotify.Write, false},
		{"content/.hidden/x.md", fsnotify.Write, false},
		{"config.toml.bak", fsnotify.Write, false},
	}
	for _, tt := range tests {
		if got := Relevant(tt.path, tt.op); got != tt.want {
			t.Errorf("Relevant(%q, %v) = %v, want %v", tt.path, tt.op, got, tt.want)
		}
	}
}

// TestDebouncerCoalesces runs in a synctest bubble, where time is virtual
// and advances only when every goroutine waits: the test is exact and
// does not depend on how busy the machine is.
func TestDebouncerCoalesces(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var batches [][]string
		d := NewDebouncer(30*time.Millisecond, func(p []string) { batches = append(batches, p) })
		defer d.Stop()
		for range 5 {
			d.Add("content/b.md")
			d.Add("content/a.md")
			time.Sleep(5 * time.Millisecond)
		}
		time.Sleep(100 * time.Millisecond)
		synctest.Wait()
		d.Add("config.toml")
		time.Sleep(100 * time.Millisecond)
		synctest.Wait()
		want := [][]string{{"content/a.md", "content/b.md"}, {"config.toml"}}
		if !reflect.DeepEqual(batches, want) {
			t.Errorf("batches = %v, want %v", batches, want)
		}
	})
}

// TestDebouncerOneBuildAtATime: paths that arrive while a (slow) build
// runs become exactly one more build, and builds never overlap.
func TestDebouncerOneBuildAtATime(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var batches [][]string
		running, overlapped := false, false
		d := NewDebouncer(10*time.Millisecond, func(p []string) {
			if running {
				overlapped = true
			}
			running = true
			batches = append(batches, p)
			time.Sleep(6 * time.Second) // a full build at 10,000 indsatser
			running = false
		})
		defer d.Stop()
		d.Add("content/a.md")
		time.Sleep(50 * time.Millisecond) // the first build has started
		for i := range 40 {
			d.Add(fmt.Sprintf("content/x%02d.md", i%7))
			time.Sleep(100 * time.Millisecond)
		}
		time.Sleep(20 * time.Second)
		synctest.Wait()
		if overlapped {
			t.Error("two builds ran at once")
		}
		if len(batches) != 2 || len(batches[1]) != 7 {
			t.Errorf("want the first build and one more with the 7 paths of the burst; got %v", batches)
		}
	})
}

// TestWatcher makes real file-system changes the way editors save, and
// expects one batch naming the file for each.
func TestWatcher(t *testing.T) {
	site := t.TempDir()
	os.MkdirAll(filepath.Join(site, "content", "planer", "a"), 0o755)
	file := filepath.Join(site, "content", "planer", "a", "b.md")
	os.WriteFile(file, []byte("x"), 0o644)
	got := make(chan []string, 20)
	w, err := New(site, 40*time.Millisecond, func(p []string) { got <- p }, func(err error) { t.Log(err) })
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	expect := func(what string, want string) {
		t.Helper()
		deadline := time.After(3 * time.Second)
		for {
			select {
			case p := <-got:
				for _, x := range p {
					if x == want {
						return
					}
				}
			case <-deadline:
				t.Fatalf("%s: no batch with %s", what, want)
			}
		}
	}
	quiet := func() {
		time.Sleep(80 * time.Millisecond)
		for len(got) > 0 {
			<-got
		}
	}

	os.WriteFile(file, []byte("plain write"), 0o644)
	expect("write", "content/planer/a/b.md")
	quiet()

	// vim: write 4913 probe, rename original to backup, write new file.
	probe := filepath.Join(site, "content", "planer", "a", "4913")
	os.WriteFile(probe, nil, 0o644)
	os.Remove(probe)
	os.Rename(file, file+"~")
	os.WriteFile(file, []byte("vim save"), 0o644)
	os.Remove(file + "~")
	expect("vim rename-over-save", "content/planer/a/b.md")
	quiet()

	// JetBrains: write a temp file and rename it over the original.
	tmp := file + "___jb_tmp___"
	os.WriteFile(tmp, []byte("jetbrains"), 0o644)
	os.Rename(tmp, file)
	expect("jetbrains", "content/planer/a/b.md")
	quiet()

	// delete then create
	os.Remove(file)
	expect("delete", "content/planer/a/b.md")
	os.WriteFile(file, []byte("again"), 0o644)
	expect("create", "content/planer/a/b.md")
	quiet()

	// A new folder with a file made right after it.
	nd := filepath.Join(site, "content", "planer", "ny")
	os.MkdirAll(nd, 0o755)
	os.WriteFile(filepath.Join(nd, "_index.md"), []byte("x"), 0o644)
	expect("new folder", "content/planer/ny/_index.md")
	quiet()
	// ...and a later write inside it is seen too.
	os.WriteFile(filepath.Join(nd, "c.md"), []byte("y"), 0o644)
	expect("write in new folder", "content/planer/ny/c.md")
	quiet()

	// Remove the folder; the watcher keeps going.
	os.RemoveAll(nd)
	expect("removed folder", "content/planer/ny")
	quiet()
	os.WriteFile(file, []byte("still watching"), 0o644)
	expect("after removal", "content/planer/a/b.md")
}
