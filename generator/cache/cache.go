// Package cache keeps what one `handleplan build` learned for the next, so
// that a build after no change, or after a small one, redoes only what
// the change touches.
//
// It holds two things, both keyed by hashes of their inputs:
//   - rendered Markdown, by the hash of the source text, so that the model
//     is built again without rendering a text that did not change;
//   - per output page, the hash of everything the page is drawn from (its
//     sources, the theme, the config, "today", the generator's version:
//     see Key) with the size and modification time of the file the build
//     left in the output folder, so that a page whose inputs did not
//     change is not drawn again, and its last file stays.
//
// The cache is only an optimisation and is never trusted blindly: a file
// that is truncated, corrupt (it ends with a SHA-256 of its contents),
// written by another version of handleplan, or for another site or
// output folder, is ignored as if there were none, and the build draws
// everything. It is written whole, to a temporary file renamed over the
// last one, and only after a build without errors.
//
// It lives beside the site, in .handleplan/cache (a hidden folder, which
// the build, the watcher and the output pass over), or, when the site
// folder cannot be written, under the user's cache folder.
package cache

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"hash"
	"html/template"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"sort"
	"strconv"
	"sync"
)

// Dir is the cache's folder in a site folder.
const Dir = ".handleplan/cache"

// fileName is the one file the cache is kept in.
const fileName = "build.cache"

// format is the version of the file's layout and of what the keys sum
// up; change it whenever either changes.
const format = 2

// magic starts every cache file.
const magic = "handleplan build cache\n"

// maxSize is the largest cache file read; a bigger one is ignored.
const maxSize = 1 << 30

// Key is a SHA-256 of everything some output depends on.
type Key [sha256.Size]byte

// Entry is what the cache knows of one output page.
type Entry struct {
	// Key sums up the page's inputs.
	Key Key
	// Size and ModTime (Unix nanoseconds) are those of the file the
	// build left in the output folder: a file that no longer has them
	// was changed by someone else, and is drawn again.
	Size, ModTime int64
}

// Store is the cache of one site and one output folder. Its methods are
// safe for concurrent use.
type Store struct {
	file  string // the cache file
	out   string // the output folder
	id    string // version, site and output folder: see identity
	valid bool   // the file was read and is this site's

	old map[string]Entry // pages, as the last build left them
	// md is the Markdown the last build rendered, read from mdRaw (mdN
	// entries as the file holds them) when first asked for: a build
	// that changes nothing never reads it (see KeepMarkdown).
	md     map[[sha256.Size]byte]template.HTML
	mdRaw  []byte
	mdN    int
	mdOnce sync.Once

	// whole sums up every input of the last build, summary is what
	// the build said (see Whole).
	whole   Key
	summary []byte

	mu         sync.Mutex
	pages      map[string]Entry // pages as this build leaves them
	newWhole   Key
	newSummary []byte
	pending    map[string]Key // pages drawn, their files not yet seen
	newMD      map[[sha256.Size]byte]template.HTML
	mdKept     bool // KeepMarkdown: newMD is the last build's, unread
}

// Open reads the cache of the site in folder site built into folder out.
// It never fails: without a usable cache it returns an empty one, which
// Save may still write. A site folder that cannot be written keeps its
// cache under the user's cache folder.
func Open(site, out string) *Store {
	abs := func(p string) string {
		if a, err := filepath.Abs(p); err == nil {
			return a
		}
		return p
	}
	site, out = abs(site), abs(out)
	return OpenFile(filepath.Join(folder(site), fileName), site, out)
}

// OpenFile is Open with the cache file named, for tests.
func OpenFile(file, site, out string) *Store {
	s := &Store{id: identity(site, out), file: file, out: out}
	s.reset()
	s.load()
	return s
}

func (s *Store) reset() {
	s.old, s.md = map[string]Entry{}, map[[sha256.Size]byte]template.HTML{}
	s.pages, s.pending, s.newMD = map[string]Entry{}, map[string]Key{}, map[[sha256.Size]byte]template.HTML{}
}

// folder is where the cache of the site in folder site lives: beside it
// when the folder can be written, else under the user's cache folder, in
// a folder named by a hash of the site's path.
func folder(site string) string {
	dir := filepath.Join(site, filepath.FromSlash(Dir))
	if writable(dir) {
		return dir
	}
	if base, err := os.UserCacheDir(); err == nil {
		sum := sha256.Sum256([]byte(site))
		return filepath.Join(base, "handleplan", fmt.Sprintf("%x", sum[:12]))
	}
	return dir
}

// writable reports whether a file can be made in dir (made if missing).
func writable(dir string) bool {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return false
	}
	f, err := os.CreateTemp(dir, ".probe-*")
	if err != nil {
		return false
	}
	f.Close()
	os.Remove(f.Name())
	return true
}

// Valid reports whether a cache of this site and version was read.
func (s *Store) Valid() bool { return s.valid }

// Markdown is the Markdown the last build rendered, by the hash of its
// source (see markdown.Renderer.Seed).
func (s *Store) Markdown() map[[sha256.Size]byte]template.HTML {
	s.mdOnce.Do(func() {
		if s.mdRaw != nil {
			// decodeMD cannot fail on what load checked; if it did, the
			// cache would only have less in it.
			if md, err := decodeMD(s.mdN, s.mdRaw); err == nil {
				s.md = md
			}
			s.mdRaw = nil
		}
	})
	return s.md
}

// KeepMarkdown is SetMarkdown(Markdown()) without reading it: this build
// rendered nothing, and the next finds what the last one rendered.
func (s *Store) KeepMarkdown() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.mdKept = true
}

// SetMarkdown records what this build rendered, for the next.
func (s *Store) SetMarkdown(m map[[sha256.Size]byte]template.HTML) {
	s.mu.Lock()
	s.newMD = m
	s.mdKept = false
	s.mu.Unlock()
}

// Page is what the last build left for the page at output path p.
func (s *Store) Page(p string) (Entry, bool) {
	e, ok := s.old[p]
	return e, ok
}

// Whole returns the sum of every input of the last build and what it
// said (its summary), when it succeeded: when no input changed since,
// nothing need be drawn again. Whether the files it left in the output
// are still as it left them is the caller's to ask (Same), as it keeps
// each one.
func (s *Store) Whole() (Key, []byte, bool) {
	if !s.valid || s.summary == nil {
		return Key{}, nil, false
	}
	return s.whole, s.summary, true
}

// Files lists the output files the last build left, with their entries.
func (s *Store) Files() map[string]Entry { return s.old }

// SetWhole records the sum of every input of this build and what it
// said, for the next (see Whole).
func (s *Store) SetWhole(k Key, summary []byte) {
	s.mu.Lock()
	s.newWhole, s.newSummary = k, summary
	s.mu.Unlock()
}

// Kept records that the page at p stays as the last build left it.
func (s *Store) Kept(p string, e Entry) {
	s.mu.Lock()
	s.pages[p] = e
	s.mu.Unlock()
}

// Drawn records that the page at p was drawn from inputs key; Finish
// reads its file's size and time once the output is in place.
func (s *Store) Drawn(p string, key Key) {
	s.mu.Lock()
	s.pending[p] = key
	s.mu.Unlock()
}

// Finish reads, in the output folder out, the files of the pages drawn
// (see Drawn), and writes the cache. Call it only after a build without
// errors whose output is in place.
func (s *Store) Finish(out string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.valid && len(s.pending) == 0 && s.unchanged() && s.newWhole == s.whole && bytes.Equal(s.newSummary, s.summary) {
		return nil
	}
	for p, key := range s.pending {
		fi, err := os.Stat(filepath.Join(out, filepath.FromSlash(p)))
		if err != nil || !fi.Mode().IsRegular() {
			continue
		}
		s.pages[p] = Entry{Key: key, Size: fi.Size(), ModTime: fi.ModTime().UnixNano()}
	}
	clear(s.pending)
	return s.save()
}

// unchanged reports whether what this build recorded is what the file
// holds, so that it need not be written again.
func (s *Store) unchanged() bool {
	if len(s.pages) != len(s.old) {
		return false
	}
	for p, e := range s.pages {
		if s.old[p] != e {
			return false
		}
	}
	if s.mdKept {
		return true
	}
	md := s.Markdown()
	if len(s.newMD) != len(md) {
		return false
	}
	for k := range s.newMD {
		if _, ok := md[k]; !ok {
			return false
		}
	}
	return true
}

// Same reports whether the file at p in folder out is still the one the
// cache entry e describes.
func Same(out, p string, e Entry) bool {
	fi, err := os.Lstat(filepath.Join(out, filepath.FromSlash(p)))
	return err == nil && fi.Mode().IsRegular() && fi.Size() == e.Size && fi.ModTime().UnixNano() == e.ModTime
}

// identity names the generator that writes a cache, the site and the
// output folder: a cache whose identity differs is not used. The
// generator is its module version and VCS revision; a binary built from
// a modified tree, or without VCS information, is told apart by its own
// file's size and time, since its revision does not say what it holds.
func identity(site, out string) string {
	var b bytes.Buffer
	fmt.Fprintf(&b, "format %d\n%s\n", format, runtime.Version())
	exact := false
	if info, ok := debug.ReadBuildInfo(); ok {
		fmt.Fprintf(&b, "%s %s\n", info.Main.Path, info.Main.Version)
		rev, modified := "", true
		for _, st := range info.Settings {
			switch st.Key {
			case "vcs.revision":
				rev = st.Value
			case "vcs.modified":
				modified = st.Value != "false"
			}
		}
		fmt.Fprintf(&b, "%s\n", rev)
		exact = rev != "" && !modified || info.Main.Version != "" && info.Main.Version != "(devel)"
	}
	if !exact {
		if exe, err := os.Executable(); err == nil {
			if fi, err := os.Stat(exe); err == nil {
				fmt.Fprintf(&b, "%s %d %d\n", exe, fi.Size(), fi.ModTime().UnixNano())
			}
		}
	}
	fmt.Fprintf(&b, "site %s\nout %s\n", site, out)
	return b.String()
}

// load reads the cache file; anything wrong with it leaves the cache
// empty.
func (s *Store) load() {
	fi, err := os.Stat(s.file)
	if err != nil || !fi.Mode().IsRegular() || fi.Size() > maxSize {
		return
	}
	data, err := os.ReadFile(s.file)
	if err != nil {
		return
	}
	id, pages, mdN, mdRaw, whole, summary, err := decodeLazy(data)
	if err != nil || id != s.id {
		return
	}
	s.old, s.mdN, s.mdRaw, s.whole, s.summary, s.valid = pages, mdN, mdRaw, whole, summary, true
}

// save writes the cache whole, atomically: a temporary file beside it,
// renamed over it.
func (s *Store) save() error {
	var data []byte
	switch {
	case s.mdKept && s.mdRaw != nil:
		// The last build's Markdown, as the file held it.
		data = encodeParts(s.id, s.pages, s.mdN, len(s.mdRaw), func(b []byte) []byte { return append(b, s.mdRaw...) }, s.newWhole, s.newSummary)
	case s.mdKept:
		data = encode(s.id, s.pages, s.Markdown(), s.newWhole, s.newSummary)
	default:
		data = encode(s.id, s.pages, s.newMD, s.newWhole, s.newSummary)
	}
	dir := filepath.Dir(s.file)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, ".build.cache-*")
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.Name(), s.file)
	}
	if err != nil {
		os.Remove(f.Name())
		return fmt.Errorf("writing the build cache: %w", err)
	}
	return nil
}

// Remove deletes the cache of the site in folder site, wherever it is.
func Remove(site string) error {
	abs, err := filepath.Abs(site)
	if err != nil {
		return err
	}
	err = os.Remove(filepath.Join(folder(abs), fileName))
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return err
}

// The file: magic, then uvarint-length-prefixed strings and fixed-size
// keys, then the SHA-256 of everything before it.
//
//	magic | id | n | n × (key | html) | m | m × (path | key | size | mtime) | whole | summary | sum

func encode(id string, pages map[string]Entry, md map[[sha256.Size]byte]template.HTML, whole Key, summary []byte) []byte {
	size := 0
	for _, h := range md {
		size += sha256.Size + binary.MaxVarintLen64 + len(h)
	}
	// The Markdown in map order: sorting 100,000 keys cost more than
	// the rest, and nothing reads the file but decode.
	return encodeParts(id, pages, len(md), size, func(b []byte) []byte {
		for k, h := range md {
			b = append(b, k[:]...)
			b = binary.AppendUvarint(b, uint64(len(h)))
			b = append(b, h...)
		}
		return b
	}, whole, summary)
}

// encodeParts is encode with the Markdown's n entries written by
// appendMD, in at most mdSize bytes.
func encodeParts(id string, pages map[string]Entry, n, mdSize int, appendMD func([]byte) []byte, whole Key, summary []byte) []byte {
	size := len(magic) + len(id) + 3*binary.MaxVarintLen64 + 2*sha256.Size + len(summary) + mdSize
	for p := range pages {
		size += len(p) + sha256.Size + 4*binary.MaxVarintLen64
	}
	b := make([]byte, 0, size)
	b = append(b, magic...)
	str := func(s string) {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	str(id)
	b = binary.AppendUvarint(b, uint64(n))
	b = appendMD(b)
	paths := make([]string, 0, len(pages))
	for p := range pages {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	b = binary.AppendUvarint(b, uint64(len(paths)))
	for _, p := range paths {
		e := pages[p]
		str(p)
		b = append(b, e.Key[:]...)
		b = binary.AppendVarint(b, e.Size)
		b = binary.AppendVarint(b, e.ModTime)
	}
	b = append(b, whole[:]...)
	str(string(summary))
	sum := sha256.Sum256(b)
	return append(b, sum[:]...)
}

var errCorrupt = errors.New("corrupt build cache")

// decode reads what encode wrote; any other bytes are errCorrupt.
func decode(data []byte) (id string, pages map[string]Entry, md map[[sha256.Size]byte]template.HTML, whole Key, summary []byte, err error) {
	id, pages, n, raw, whole, summary, err := decodeLazy(data)
	if err == nil {
		md, err = decodeMD(n, raw)
	}
	if err != nil {
		return "", nil, nil, Key{}, nil, err
	}
	return id, pages, md, whole, summary, nil
}

// decodeLazy is decode with the Markdown left as it is in data: its n
// entries are checked for their bounds and returned unread, as raw.
func decodeLazy(data []byte) (id string, pages map[string]Entry, n int, raw []byte, whole Key, summary []byte, err error) {
	fail := func() (string, map[string]Entry, int, []byte, Key, []byte, error) {
		return "", nil, 0, nil, Key{}, nil, errCorrupt
	}
	if len(data) < len(magic)+sha256.Size || string(data[:len(magic)]) != magic {
		return fail()
	}
	body, sum := data[:len(data)-sha256.Size], data[len(data)-sha256.Size:]
	if got := sha256.Sum256(body); !bytes.Equal(got[:], sum) {
		return fail()
	}
	r := reader{b: body[len(magic):]}
	id = r.str()
	n = r.count(sha256.Size + 1)
	start := r.b
	for range n {
		r.key()
		r.skipStr()
	}
	raw = start[:len(start)-len(r.b)]
	m := r.count(1 + sha256.Size + 2)
	pages = make(map[string]Entry, m)
	for range m {
		p := r.str()
		pages[p] = Entry{Key: r.key(), Size: r.varint(), ModTime: r.varint()}
	}
	whole = r.key()
	if sm := r.str(); sm != "" {
		summary = []byte(sm)
	}
	if r.bad || len(r.b) != 0 {
		return fail()
	}
	return id, pages, n, raw, whole, summary, nil
}

// decodeMD reads the n Markdown entries decodeLazy left in raw.
func decodeMD(n int, raw []byte) (map[[sha256.Size]byte]template.HTML, error) {
	r := reader{b: raw}
	md := make(map[[sha256.Size]byte]template.HTML, n)
	for range n {
		k := r.key()
		md[k] = template.HTML(r.str())
	}
	if r.bad || len(r.b) != 0 {
		return nil, errCorrupt
	}
	return md, nil
}

// reader reads encode's parts, bounds checked: after the first fault it
// sets bad and returns zero values.
type reader struct {
	b   []byte
	bad bool
}

// fail marks the reader bad, with nothing left to read.
func (r *reader) fail() {
	r.bad = true
	r.b = nil
}

func (r *reader) uvarint() uint64 {
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.fail()
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *reader) varint() int64 {
	v, n := binary.Varint(r.b)
	if n <= 0 {
		r.fail()
		return 0
	}
	r.b = r.b[n:]
	return v
}

// count reads a number of items of at least min bytes each, refusing
// one that the rest of the file cannot hold.
func (r *reader) count(min int) int {
	n := r.uvarint()
	if n > uint64(len(r.b)/min) {
		r.fail()
		return 0
	}
	return int(n)
}

func (r *reader) str() string {
	n := r.uvarint()
	if n > uint64(len(r.b)) {
		r.fail()
		return ""
	}
	s := string(r.b[:n])
	r.b = r.b[n:]
	return s
}

// skipStr steps over what str would read.
func (r *reader) skipStr() {
	n := r.uvarint()
	if n > uint64(len(r.b)) {
		r.fail()
		return
	}
	r.b = r.b[n:]
}

func (r *reader) key() Key {
	var k Key
	if len(r.b) < len(k) {
		r.fail()
		return k
	}
	copy(k[:], r.b)
	r.b = r.b[len(k):]
	return k
}

// Hasher sums up inputs into a Key, each part told apart from the next
// by its length. The zero value is not ready: use NewHasher.
type Hasher struct {
	h   hash.Hash
	num []byte
}

// NewHasher returns an empty Hasher.
func NewHasher() *Hasher { return &Hasher{h: sha256.New()} }

func (h *Hasher) length(n int) {
	h.num = strconv.AppendInt(h.num[:0], int64(n), 10)
	h.num = append(h.num, ':')
	h.h.Write(h.num)
}

// String adds s.
func (h *Hasher) String(s string) *Hasher {
	h.length(len(s))
	io.WriteString(h.h, s)
	return h
}

// Bytes adds b.
func (h *Hasher) Bytes(b []byte) *Hasher {
	h.length(len(b))
	h.h.Write(b)
	return h
}

// Key adds k.
// Reader adds everything r yields, then its length, and returns the sum.
func (h *Hasher) Reader(r io.Reader) (Key, error) {
	n, err := io.Copy(h.h, r)
	if err != nil {
		return Key{}, err
	}
	h.length(int(n))
	return h.Sum(), nil
}

func (h *Hasher) Key(k Key) *Hasher {
	h.h.Write(k[:])
	return h
}

// Sum is the Key of what was added.
func (h *Hasher) Sum() Key {
	var k Key
	h.h.Sum(k[:0])
	return k
}
