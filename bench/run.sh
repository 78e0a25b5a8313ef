#!/usr/bin/env bash
# Times handleplan against Hugo on the same corpus, in the same run, and
# prints a markdown table of medians. Usage: bench/run.sh [N ...]
# (default: 100 1000 10000). Needs hugo on PATH or in $(go env GOPATH)/bin
# (go install github.com/gohugoio/hugo@v0.164.0); without it Hugo's
# columns say n/a. Not run in CI: it takes minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
sizes=("$@"); [ ${#sizes[@]} -eq 0 ] && sizes=(100 1000 10000)
# BENCH_DIR is where the corpus and every output go (default: a new
# folder under /tmp, on the disk). BENCH_DIR=/dev/shm measures without
# the disk: the CPU's share alone.
work=$(mktemp -d "${BENCH_DIR:-/tmp}/handleplan-bench.XXXXXX"); trap 'rm -rf "$work"' EXIT
go build -o "$work/handleplan" ./cmd/handleplan
go build -o "$work/corpus" ./bench/cmd/corpus
HUGO=$(command -v hugo || echo "$(go env GOPATH)/bin/hugo")
[ -x "$HUGO" ] || HUGO=""

# median of the numbers on stdin
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
# once CMD...: run it once; print "seconds max_rss_kb"
once() {
	/usr/bin/time -o "$work/time" -f "%e %M" "$@" >/dev/null 2>&1
	tail -1 "$work/time"
}
# fresh DIR...: remove each DIR and flush the disk's queue, outside the
# timing, so that every timed command starts from the same state of the disk.
fresh() { rm -rf "$@"; sync; }
# ratio A B: A ÷ B to two places
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.2f", a/b}'; }

echo "| N | handleplan build | Hugo build | Hugo ÷ handleplan | cp -r of output | handleplan ÷ cp | RSS handleplan | RSS Hugo | RSS ratio | output handleplan | output Hugo | no-change rebuild | files rewritten | no change ÷ cold | body edit ÷ cold | title edit ÷ cold |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
declare -A R
declare -A T
declare -A L
declare -A S
declare -A E # no change, body edit, title edit ÷ cold
for n in "${sizes[@]}"; do
	site="$work/site-$n"
	"$work/corpus" "$site" "$n"
	build=("$work/handleplan" build -s "$site" --now 2023-06-01)
	hugo=("$HUGO" --quiet --minify --source bench/hugo --contentDir "$site/content" --destination "$work/hugo-$n")
	"${build[@]}" >/dev/null 2>&1
	# The three take turns, run by run, so that a slow spell of the disk
	# or a busy neighbour falls on all of them alike.
	ours_t=(); cp_t=(); hugo_t=(); ours_rss=0; hugo_rss=0
	for _ in $(seq "$RUNS"); do
		fresh "$site/copy"
		read -r t _ < <(once cp -r "$site/public" "$site/copy")
		cp_t+=("$t")
		# A cold build: no output and no build cache.
		fresh "$site/public" "$site/.handleplan"
		read -r t rss < <(once "${build[@]}")
		ours_t+=("$t"); [ "$rss" -gt "$ours_rss" ] && ours_rss=$rss
		if [ -n "$HUGO" ]; then
			fresh "$work/hugo-$n"
			read -r t rss < <(once "${hugo[@]}")
			hugo_t+=("$t"); [ "$rss" -gt "$hugo_rss" ] && hugo_rss=$rss
		fi
	done
	ours=$(printf '%s\n' "${ours_t[@]}" | median)
	cp_m=$(printf '%s\n' "${cp_t[@]}" | median)
	T[$n]=$ours
	before=$(find "$site/public" -type f -printf '%T@ %p\n' | sort | md5sum)
	again=$(for _ in $(seq "$RUNS"); do once "${build[@]}" | cut -d' ' -f1; done | median)
	after=$(find "$site/public" -type f -printf '%T@ %p\n' | sort | md5sum)
	rewritten=$([ "$before" = "$after" ] && echo 0 || echo "some")
	# One edit to one indsats, then a build (with the cache the last
	# build left): its body, or its title (which lists show too).
	ind="$site/content/planer/plan-0000/indsats-00000.md"
	body_t=(); title_t=()
	for r in $(seq "$RUNS"); do
		printf '\nEt nyt afsnit %s.\n' "$r" >>"$ind"
		read -r t _ < <(once "${build[@]}")
		body_t+=("$t")
		sed -i "s/^title = \"Indsats 0[^\"]*\"/title = \"Indsats 0 rettet $r\"/" "$ind"
		read -r t _ < <(once "${build[@]}")
		title_t+=("$t")
	done
	body=$(printf '%s\n' "${body_t[@]}" | median)
	title=$(printf '%s\n' "${title_t[@]}" | median)
	E[$n]="$(ratio "$again" "$ours") $(ratio "$body" "$ours") $(ratio "$title" "$ours")"
	if [ -n "$HUGO" ]; then
		hugo_m=$(printf '%s\n' "${hugo_t[@]}" | median)
		ratio=$(awk -v a="$hugo_m" -v b="$ours" 'BEGIN{printf "%.1f×", a/b}')
		rss_ratio=$(awk -v a="$ours_rss" -v b="$hugo_rss" 'BEGIN{printf "%.0f%%", 100*a/b}')
		hugo_rss_mb="$((hugo_rss / 1024)) MB"
	else
		hugo_m=n/a; hugo_rss_mb=n/a; ratio=n/a; rss_ratio=n/a
	fi
	cp_ratio=$(awk -v a="$ours" -v b="$cp_m" 'BEGIN{printf "%.1f×", a/b}')
	size=$(du -sm "$site/public" | cut -f1)
	hsize=$([ -d "$work/hugo-$n" ] && echo "$(du -sm "$work/hugo-$n" | cut -f1) MB" || echo n/a)
	# The largest HTML page, and what the search page loads before a
	# word is typed: the page, the index's manifest, its scripts and CSS.
	L[$n]=$(find "$site/public" -name '*.html' -printf '%s\n' | sort -n | tail -1)
	S[$n]=$(cat "$site/public/soeg/index.html" "$site/public/search-index.js" "$site/public/assets/search.js" \
		"$site/public/assets/header-search.js" "$site/public/assets/style.css" | wc -c)
	read -r e_none e_body e_title <<<"${E[$n]}"
	echo "| $n | ${ours} s | ${hugo_m} s | $ratio | ${cp_m} s | $cp_ratio | $((ours_rss / 1024)) MB | $hugo_rss_mb | $rss_ratio | ${size} MB | $hsize | ${again} s | $rewritten | $e_none | $e_body | $e_title |"
	R[$n]="$ratio $cp_ratio $rss_ratio $rewritten"
done
if [ -n "${T[1000]:-}" ] && [ -n "${T[10000]:-}" ]; then
	echo; echo "time(10k) ÷ time(1k) = $(awk -v a="${T[10000]}" -v b="${T[1000]}" 'BEGIN{printf "%.1f", a/b}')"
fi
# The dev server: save an edit to one indsats body (or title), until the
# page is served new and told to reload (median of 30; Go benchmarks).
largest=${sizes[${#sizes[@]}-1]}
serve_bench() {
	go test ./generator/serve -run '^$' -bench "^Benchmark$1\$/^n=$largest\$" -benchtime "$2" 2>/dev/null |
		awk '/ms-median/{for(i=1;i<=NF;i++) if($(i+1)=="ms-median") print $i}'
}
edit=$(serve_bench ServeEdit 30x)
title=$(serve_bench ServeEditTitle 10x)
echo; echo "serve, N=$largest: an edit to one indsats body is served ${edit:-n/a} ms after the save (median of 30); an edit to its title ${title:-n/a} ms (median of 10)"

# The targets of issue #8, at the largest N.
if [ -n "${R[$largest]:-}" ]; then
	read -r ratio cp_ratio rss_ratio rewritten <<<"${R[$largest]}"
	verdict() { if awk "BEGIN{exit !($1)}"; then echo met; else echo "NOT met"; fi; }
	echo; echo "Targets at N=$largest:"
	echo "- at least 4× faster than Hugo: ${ratio} — $([ "$ratio" = n/a ] && echo n/a || verdict "${ratio%×} >= 4")"
	echo "- within 2× of cp -r of the output: ${cp_ratio} — $(verdict "${cp_ratio%×} <= 2")"
	echo "- peak RSS at most 25% of Hugo's: ${rss_ratio} — $([ "$rss_ratio" = n/a ] && echo n/a || verdict "${rss_ratio%\%} <= 25")"
	[ -n "${T[1000]:-}" ] && [ -n "${T[10000]:-}" ] && echo "- time(10k) ÷ time(1k) at most 11: $(awk -v a="${T[10000]}" -v b="${T[1000]}" 'BEGIN{printf "%.1f", a/b}') — $(verdict "${T[10000]} / ${T[1000]} <= 11")"
	echo "- a build with no change rewrites no file: ${rewritten} rewritten — $([ "$rewritten" = 0 ] && echo met || echo "NOT met")"
	echo "- serve edit within 50 ms (median): ${edit:-n/a} ms — $([ -z "$edit" ] && echo n/a || verdict "$edit <= 50")"
	# The targets of issue #18 (the build cache).
	read -r e_none e_body e_title <<<"${E[$largest]}"
	echo "- no-change build ÷ cold at most 0.1: $e_none — $(verdict "$e_none <= 0.1")"
	echo "- one body edit, then build, ÷ cold at most 0.15: $e_body — $(verdict "$e_body <= 0.15")"
	echo "- one title edit, then build, ÷ cold at most 0.3: $e_title — $(verdict "$e_title <= 0.3")"
	echo "- largest HTML page at most 1 MB: $((L[$largest] / 1024)) KB — $(verdict "${L[$largest]} <= 1048576")"
	echo "- the search page's first load at most 300 KB: $((S[$largest] / 1024)) KB — $(verdict "${S[$largest]} <= 307200")"
	if [ -d "$work/hugo-$largest" ]; then
		ob=$(du -sb "$work/site-$largest/public" | cut -f1); hb=$(du -sb "$work/hugo-$largest" | cut -f1)
		echo "- output bytes ÷ Hugo's at most 1.3: $(awk -v a="$ob" -v b="$hb" 'BEGIN{printf "%.2f", a/b}') — $(verdict "$ob / $hb <= 1.3")"
		echo "- peak RSS ÷ Hugo's at most 0.25: ${rss_ratio} — $([ "$rss_ratio" = n/a ] && echo n/a || verdict "${rss_ratio%\%} <= 25")"
	fi
	if [ "$ratio" != n/a ]; then
		echo "- cold build ÷ Hugo's at most 0.6: $(awk -v r="${ratio%×}" 'BEGIN{printf "%.2f", 1/r}') — $(verdict "1 / ${ratio%×} <= 0.6")"
	fi
fi
echo; echo "Machine: $(nproc) cores, $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(go version | cut -d' ' -f3), Hugo: ${HUGO:+$("$HUGO" version | cut -d' ' -f2)}"
