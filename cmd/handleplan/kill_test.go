package main

import (
	"crypto/sha256"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/handleplan/handleplan/bench/corpus"
)

// asCLI makes the test binary act as handleplan itself, so that a test
// can start the real command as a process of its own, and kill it.
const asCLI = "HANDLEPLAN_TEST_AS_CLI"

func TestMain(m *testing.M) {
	if os.Getenv(asCLI) == "1" {
		os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

// command is handleplan run as a process of its own.
func command(args ...string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), asCLI+"=1")
	return cmd
}

// tree is a folder's files: path → SHA-256 of the bytes.
type tree map[string][sha256.Size]byte

func readTree(t *testing.T, dir string) tree {
	t.Helper()
	out := tree{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = sha256.Sum256(b)
		return nil
	})
	if err != nil {
		t.Fatalf("reading %s: %v", dir, err)
	}
	return out
}

func (a tree) equal(b tree) bool {
	if len(a) != len(b) {
		return false
	}
	for p, h := range a {
		if b[p] != h {
			return false
		}
	}
	return true
}

// TestKilledBuildsLeaveASite kills real builds of a 2,000-indsats site at
// random moments: after each kill the output path holds the whole old or
// the whole new site, file for file, and after the next build that
// finishes nothing is left beside it. The number of kills is bounded by
// time, so that a busy machine makes the test shorter, not red.
func TestKilledBuildsLeaveASite(t *testing.T) {
	n, kills, budget := 2000, 24, 35*time.Second
	if testing.Short() {
		n, kills, budget = 300, 8, 15*time.Second
	}
	start := time.Now()
	site := t.TempDir()
	if err := corpus.Write(site, n, 1); err != nil {
		t.Fatal(err)
	}
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	days := []string{"2023-06-01", "2024-06-01"}
	build := func(day string) *exec.Cmd {
		return command("build", "-s", site, "-d", out, "--now", day)
	}

	// The two sites the output may hold: a build "today" and a year on.
	var want [2]tree
	var took time.Duration // of the second build, which is like the killed ones
	for i, day := range days {
		t0 := time.Now()
		if b, err := build(day).CombinedOutput(); err != nil {
			t.Fatalf("build --now %s: %v\n%s", day, err, b)
		}
		took = time.Since(t0)
		want[i] = readTree(t, out)
	}
	if want[0].equal(want[1]) {
		t.Fatal("the two days build the same site; the test could not tell them apart")
	}
	if _, ok := want[0]["index.html"]; !ok {
		t.Fatal("no index.html")
	}

	seed := uint64(time.Now().UnixNano())
	rng := rand.New(rand.NewPCG(seed, 7))
	t.Logf("seed %d; a build takes %s", seed, took.Round(time.Millisecond))
	done := 0
	for i := 0; i < kills && (i < 2 || time.Since(start) < budget); i++ {
		cmd := build(days[i%2])
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// Anywhere from the start to a little past the end of a whole
		// build: writing, the swap, cleaning up, or done.
		time.Sleep(time.Duration(rng.Int64N(int64(took) * 11 / 10)))
		cmd.Process.Kill()
		cmd.Wait()
		got := readTree(t, out)
		if !got.equal(want[0]) && !got.equal(want[1]) {
			t.Fatalf("kill %d: the output holds neither site whole (%d files; the sites have %d and %d)", i, len(got), len(want[0]), len(want[1]))
		}
		done++
	}
	t.Logf("%d builds killed in %s", done, time.Since(start).Round(time.Millisecond))

	if b, err := build(days[0]).CombinedOutput(); err != nil {
		t.Fatalf("build after the kills: %v\n%s", err, b)
	}
	if got := readTree(t, out); !got.equal(want[0]) {
		t.Error("the build after the kills differs from the first build")
	}
	entries, _ := os.ReadDir(parent)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if !slices.Equal(names, []string{"public"}) {
		t.Errorf("beside the output after a build: %v", names)
	}
}
