// Command screenshots builds the demo site and photographs it for the
// README, in headless Chromium as the browser tests (e2e) drive it:
//
//	go run ./tools/screenshots               # into docs/screenshots/
//	go run ./tools/screenshots -o /tmp/shots # somewhere else
//
// It writes, at a phone's width (375 px) and a desktop's (1280 px), one
// screen of the front page, of a plan (at its table) and of an indsats,
// and the
// first page of the printed plan table: Auning's single-file bundle
// printed on A4 landscape, that page turned into a PNG by pdftoppm at 60
// dpi. It needs Chromium (the Debian package chromium) and pdftoppm
// (poppler-utils). Run it from the repository root; "today" is fixed, so
// the pictures change only when the pages do.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/chromedp/chromedp"
)

// now is "today" for the build and the bundle, as in the browser tests.
const now = "2026-11-25"

// shots are the pages photographed, with the file name each gets, and
// what the picture starts at when it is not the top of the page.
var shots = []struct{ name, page, from string }{
	{"forside", "index.html", ""},
	{"plan", "planer/auning-allingaabro/index.html", ".plan-table"},
	{"indsats", "planer/eksempelhuset-2025/sygefravaer.html", ""},
}

// widths are the viewports, each with the height of its first screen.
var widths = []struct{ w, h int64 }{{375, 812}, {1280, 800}}

// printed is the plan whose bundle is printed, and the line that marks a
// page of its table: the table's header.
const printed = "auning-allingaabro"

var tableHeaderRE = regexp.MustCompile(`(?m)^\s*Tema\s+Emne\s+Mål\s+Hvad\s+Hvornår`)

// candidates are the names and paths of a Chromium, as in e2e/browser.
var candidates = []string{"/usr/lib/chromium/chromium", "chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "headless-shell"}

func main() {
	out := flag.String("o", filepath.Join("docs", "screenshots"), "the output `folder`")
	flag.Parse()
	if err := run(*out); err != nil {
		fmt.Fprintln(os.Stderr, "screenshots:", err)
		os.Exit(1)
	}
}

func run(out string) error {
	if _, err := os.Stat("go.mod"); err != nil {
		return errors.New("run me from the repository root (where go.mod is)")
	}
	chromium := ""
	for _, c := range candidates {
		if p, err := exec.LookPath(c); err == nil {
			chromium = p
			break
		}
	}
	if chromium == "" {
		return fmt.Errorf("no Chromium found (tried %s); install the Debian package chromium", strings.Join(candidates, ", "))
	}
	if _, err := exec.LookPath("pdftoppm"); err != nil {
		return errors.New("pdftoppm not found; install the Debian package poppler-utils")
	}
	tmp, err := os.MkdirTemp("", "handleplan-screenshots-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)

	// The real command, as a reader would run it.
	bin := filepath.Join(tmp, "handleplan")
	site := filepath.Join(tmp, "public")
	bundle := filepath.Join(tmp, printed+".html")
	for _, args := range [][]string{
		{"go", "build", "-o", bin, "./cmd/handleplan"},
		{bin, "build", "-s", ".", "-d", site, "--now", now},
		{bin, "bundle", "-s", ".", "--plan", printed, "-o", bundle, "--single-file", "--now", now},
	} {
		if b, err := exec.Command(args[0], args[1:]...).CombinedOutput(); err != nil {
			return fmt.Errorf("%s: %v\n%s", strings.Join(args, " "), err, b)
		}
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}

	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromium),
		chromedp.NoSandbox,
		chromedp.Flag("headless", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.Flag("disable-background-networking", true),
		// The pages ask for nothing outside themselves; nothing may leave.
		chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1"),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	ctx, cancel := chromedp.NewContext(allocCtx)
	defer cancel()
	ctx, cancelTime := context.WithTimeout(ctx, 3*time.Minute)
	defer cancelTime()

	for _, s := range shots {
		url := "file://" + filepath.ToSlash(filepath.Join(site, s.page))
		for _, w := range widths {
			var png []byte
			err := chromedp.Do(ctx,
				chromedp.EmulateViewport(w.w, w.h),
				chromedp.Navigate(url),
			)
			if err == nil && s.from != "" {
				// The plan's table, not its introduction, a little
				// of what is above it showing.
				_, err = chromedp.Run(ctx, chromedp.Evaluate[bool](`(() => { const e = document.querySelector(`+strconv.Quote(s.from)+`);
					if (!e) return false; window.scrollTo(0, e.getBoundingClientRect().top + window.scrollY - 40); return true })()`))
			}
			if err == nil {
				png, err = chromedp.Run(ctx, chromedp.CaptureScreenshot())
			}
			if err != nil {
				return fmt.Errorf("%s at %d px: %w", s.page, w.w, err)
			}
			if err := write(out, fmt.Sprintf("%s-%d.png", s.name, w.w), png); err != nil {
				return err
			}
		}
	}

	// The printed table: the bundle on A4 landscape, its first page with
	// the table's header as a PNG.
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1200, 800), chromedp.Navigate("file://"+filepath.ToSlash(bundle))); err != nil {
		return fmt.Errorf("open the bundle: %w", err)
	}
	pdf, err := chromedp.Run(ctx, chromedp.PrintToPDF(chromedp.PDFPaper(chromedp.PaperA4), chromedp.PDFLandscape(), chromedp.PDFPrintBackground(), chromedp.PDFPreferCSSPageSize()))
	if err != nil {
		return fmt.Errorf("print the bundle: %w", err)
	}
	pdfFile := filepath.Join(tmp, printed+".pdf")
	if err := os.WriteFile(pdfFile, pdf, 0o644); err != nil {
		return err
	}
	text, err := exec.Command("pdftotext", "-layout", pdfFile, "-").Output()
	if err != nil {
		return fmt.Errorf("pdftotext: %v", err)
	}
	page := 0
	for i, p := range strings.Split(string(text), "\f") {
		if tableHeaderRE.MatchString(p) {
			page = i + 1
			break
		}
	}
	if page == 0 {
		return errors.New("no page of the printed bundle holds the plan table's header")
	}
	n := fmt.Sprint(page)
	prefix := filepath.Join(tmp, "tabel")
	if b, err := exec.Command("pdftoppm", "-png", "-r", "60", "-f", n, "-l", n, "-singlefile", pdfFile, prefix).CombinedOutput(); err != nil {
		return fmt.Errorf("pdftoppm: %v\n%s", err, b)
	}
	png, err := os.ReadFile(prefix + ".png")
	if err != nil {
		return err
	}
	return write(out, "print-tabel.png", png)
}

// write writes one picture and says where.
func write(dir, name string, png []byte) error {
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, png, 0o644); err != nil {
		return err
	}
	fmt.Printf("%s (%d kB)\n", p, (len(png)+512)/1024)
	return nil
}
