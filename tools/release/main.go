// Command release builds handleplan for every platform we ship, packs
// each binary with the README, and writes SHA256SUMS:
//
//	go run ./tools/release -version v0.3.0          # into dist/
//	go run ./tools/release -check                   # compile every target, write nothing
//
// Binaries are static (CGO_ENABLED=0), built with -trimpath so no path of
// the build machine is in them, stamped with the version (-X main.version)
// and the VCS revision (-buildvcs=true). Windows gets a .zip, the others a
// .tar.gz. The same commit and Go version give the same binaries.
package main

import (
	"archive/tar"
	"archive/zip"
	"compress/gzip"
	"crypto/sha256"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// targets are the platforms of a release: Windows, macOS and Linux, each
// on amd64 and arm64.
var targets = []struct{ goos, goarch string }{
	{"linux", "amd64"}, {"linux", "arm64"},
	{"darwin", "amd64"}, {"darwin", "arm64"},
	{"windows", "amd64"}, {"windows", "arm64"},
}

func main() {
	version := flag.String("version", "", "the version to stamp, e.g. v0.3.0 (required unless -check)")
	out := flag.String("o", "dist", "the output `folder`")
	check := flag.Bool("check", false, "only compile every target (for CI); write nothing")
	flag.Parse()
	if err := run(*version, *out, *check); err != nil {
		fmt.Fprintln(os.Stderr, "release:", err)
		os.Exit(1)
	}
}

func run(version, out string, check bool) error {
	if !check && !strings.HasPrefix(version, "v") {
		return fmt.Errorf("-version must be given and start with v, e.g. -version v0.3.0")
	}
	tmp, err := os.MkdirTemp("", "handleplan-release-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	if !check {
		if err := os.MkdirAll(out, 0o755); err != nil {
			return err
		}
	}
	sums := map[string]string{}
	for _, t := range targets {
		exe := "handleplan"
		if t.goos == "windows" {
			exe += ".exe"
		}
		bin := filepath.Join(tmp, t.goos+"-"+t.goarch, exe)
		ldflags := "-s -w"
		if version != "" {
			ldflags += " -X main.version=" + version
		}
		cmd := exec.Command("go", "build", "-trimpath", "-buildvcs=true", "-ldflags", ldflags, "-o", bin, "./cmd/handleplan")
		cmd.Env = append(os.Environ(), "CGO_ENABLED=0", "GOOS="+t.goos, "GOARCH="+t.goarch, "GOFLAGS=")
		cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
		if err := cmd.Run(); err != nil {
			// Outside a git checkout there is no VCS to stamp.
			cmd = exec.Command("go", "build", "-trimpath", "-buildvcs=false", "-ldflags", ldflags, "-o", bin, "./cmd/handleplan")
			cmd.Env = append(os.Environ(), "CGO_ENABLED=0", "GOOS="+t.goos, "GOARCH="+t.goarch, "GOFLAGS=")
			cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
			if err := cmd.Run(); err != nil {
				return fmt.Errorf("%s/%s: %w", t.goos, t.goarch, err)
			}
		}
		fmt.Printf("built %s/%s\n", t.goos, t.goarch)
		if check {
			continue
		}
		name := fmt.Sprintf("handleplan_%s_%s_%s", strings.TrimPrefix(version, "v"), t.goos, t.goarch)
		var archive string
		if t.goos == "windows" {
			archive = filepath.Join(out, name+".zip")
			err = packZip(archive, name, bin, exe)
		} else {
			archive = filepath.Join(out, name+".tar.gz")
			err = packTar(archive, name, bin, exe)
		}
		if err != nil {
			return err
		}
		sum, err := sha256File(archive)
		if err != nil {
			return err
		}
		sums[filepath.Base(archive)] = sum
	}
	if check {
		return nil
	}
	names := make([]string, 0, len(sums))
	for n := range sums {
		names = append(names, n)
	}
	sort.Strings(names)
	var b strings.Builder
	for _, n := range names {
		fmt.Fprintf(&b, "%s  %s\n", sums[n], n)
	}
	if err := os.WriteFile(filepath.Join(out, "SHA256SUMS"), []byte(b.String()), 0o644); err != nil {
		return err
	}
	fmt.Printf("wrote %d archives and SHA256SUMS to %s\n", len(names), out)
	return nil
}

// files are what each archive holds beside the binary.
var files = []string{"README.md"}

// stamp is the modification time written into archives, so that the same
// binaries give the same archives.
var stamp = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

func packZip(archive, dir, bin, exe string) error {
	f, err := os.Create(archive)
	if err != nil {
		return err
	}
	zw := zip.NewWriter(f)
	add := func(src, name string) error {
		data, err := os.ReadFile(src)
		if err != nil {
			return err
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: dir + "/" + name, Method: zip.Deflate, Modified: stamp})
		if err != nil {
			return err
		}
		_, err = w.Write(data)
		return err
	}
	if err := add(bin, exe); err != nil {
		f.Close()
		return err
	}
	for _, name := range files {
		if err := add(name, name); err != nil {
			f.Close()
			return err
		}
	}
	if err := zw.Close(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func packTar(archive, dir, bin, exe string) error {
	f, err := os.Create(archive)
	if err != nil {
		return err
	}
	gz := gzip.NewWriter(f)
	tw := tar.NewWriter(gz)
	add := func(src, name string, mode int64) error {
		data, err := os.ReadFile(src)
		if err != nil {
			return err
		}
		hdr := &tar.Header{Name: dir + "/" + name, Mode: mode, Size: int64(len(data)), ModTime: stamp, Format: tar.FormatPAX}
		if err := tw.WriteHeader(hdr); err != nil {
			return err
		}
		_, err = tw.Write(data)
		return err
	}
	err = add(bin, exe, 0o755)
	for _, name := range files {
		if err == nil {
			err = add(name, name, 0o644)
		}
	}
	for _, c := range []io.Closer{tw, gz, f} {
		if cerr := c.Close(); err == nil {
			err = cerr
		}
	}
	return err
}

func sha256File(p string) (string, error) {
	f, err := os.Open(p)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return fmt.Sprintf("%x", h.Sum(nil)), nil
}
