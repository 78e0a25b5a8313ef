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
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
go build -o "$work/handleplan" ./cmd/handleplan
go build -o "$work/corpus" ./bench/cmd/corpus
HUGO=$(command -v hugo || echo "$(go env GOPATH)/bin/hugo")
[ -x "$HUGO" ] || HUGO=""

# median of the numbers on stdin
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
# run CMD... RUNS times; print "median_seconds max_rss_kb"
measure() {
	local t rss=0 times=()
	for _ in $(seq "$RUNS"); do
		/usr/bin/time -o "$work/time" -f "%e %M" "$@" >/dev/null 2>&1
		out=$(tail -1 "$work/time")
		times+=("${out% *}"); r=${out#* }; [ "$r" -gt "$rss" ] && rss=$r
	done
	printf '%s %s\n' "$(printf '%s\n' "${times[@]}" | median)" "$rss"
}

echo "| N | handleplan build | Hugo build | Hugo ÷ handleplan | cp -r of output | handleplan ÷ cp | RSS handleplan | RSS Hugo | RSS ratio | output handleplan | output Hugo | no-change rebuild | files rewritten |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
declare -A R
declare -A T
for n in "${sizes[@]}"; do
	site="$work/site-$n"
	"$work/corpus" "$site" "$n"
	read -r ours ours_rss < <(measure sh -c "rm -rf '$site/public' && '$work/handleplan' build -s '$site' --now 2023-06-01")
	T[$n]=$ours
	"$work/handleplan" build -s "$site" --now 2023-06-01 >/dev/null 2>&1
	cp_t=$(for _ in $(seq "$RUNS"); do rm -rf "$work/copy"; /usr/bin/time -o "$work/time" -f %e cp -r "$site/public" "$work/copy"; tail -1 "$work/time"; done | median)
	before=$(find "$site/public" -type f -printf '%T@ %p\n' | sort | md5sum)
	read -r again _ < <(measure "$work/handleplan" build -s "$site" --now 2023-06-01)
	after=$(find "$site/public" -type f -printf '%T@ %p\n' | sort | md5sum)
	rewritten=$([ "$before" = "$after" ] && echo 0 || echo "some")
	if [ -n "$HUGO" ]; then
		read -r hugo hugo_rss < <(measure sh -c "rm -rf '$work/hugo-$n' && '$HUGO' --quiet --minify --source bench/hugo --contentDir '$site/content' --destination '$work/hugo-$n'")
		ratio=$(awk -v a="$hugo" -v b="$ours" 'BEGIN{printf "%.1f×", a/b}')
		rss_ratio=$(awk -v a="$ours_rss" -v b="$hugo_rss" 'BEGIN{printf "%.0f%%", 100*a/b}')
	else
		hugo=n/a; hugo_rss=n/a; ratio=n/a; rss_ratio=n/a
	fi
	cp_ratio=$(awk -v a="$ours" -v b="$cp_t" 'BEGIN{printf "%.1f×", a/b}')
	size=$(du -sm "$site/public" | cut -f1)
	hsize=$([ -d "$work/hugo-$n" ] && echo "$(du -sm "$work/hugo-$n" | cut -f1) MB" || echo n/a)
	echo "| $n | ${ours} s | ${hugo} s | $ratio | ${cp_t} s | $cp_ratio | $((ours_rss/1024)) MB | $([ "$hugo_rss" = n/a ] && echo n/a || echo "$((hugo_rss/1024)) MB") | $rss_ratio | ${size} MB | $hsize | ${again} s | $rewritten |"
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
fi
echo; echo "Machine: $(nproc) cores, $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(go version | cut -d' ' -f3), Hugo: ${HUGO:+$("$HUGO" version | cut -d' ' -f2)}"
