#!/usr/bin/env bash
# Interleaved before/after page benchmark (BENCHMARKS.md, "Reader round 3"): two builds of the app
# run side by side on 127.0.0.1, each on its own embedded PostgreSQL with the fixture feed, and wrk
# measures them in alternation, ROUNDS times, the order swapped every round. On a shared machine
# both builds then meet the same noise, so the ratio of their medians holds where one-after-the-other
# runs (pages-bench.sh) do not.
#
#   src/test/bench/pages-ab.sh BEFORE.jar AFTER.jar [path ...]     # default path: /
#
# Environment: ROUNDS (default 6), DURATION per measurement (default 10s), CONNS (default "10 50"),
# JAVA_OPTS, BEFORE_ARGS / AFTER_ARGS (more arguments for one build, e.g.
# AFTER_ARGS=--archive.meaning.enabled=false so that its background embedding does not run during the
# measurement), READY_PATH (a page both builds answer once started; default: an episode of the fixture).
# With --spring.datasource.url=… in both *_ARGS (and --archive.poll.enabled=false) the builds serve
# existing archives instead, e.g. the search benchmark's (BENCHMARKS.md, "Run 13"). Writes one line per
# measurement and the medians to target/pages-ab/results.md.
set -euo pipefail

cd "$(dirname "$0")/../../.."
ROOT=$PWD
WORK=$ROOT/target/pages-ab
ROUNDS=${ROUNDS:-6}
DURATION=${DURATION:-10s}
CONNS=${CONNS:-10 50}
JAVA_OPTS=${JAVA_OPTS:--Xmx512m -XX:+ExitOnOutOfMemoryError}
[ $# -ge 2 ] || { echo "usage: $0 BEFORE.jar AFTER.jar [path ...]"; exit 2; }
JARS=("$1" "$2")
shift 2
PATHS=("${@:-/}")
[ ${#PATHS[@]} -gt 0 ] || PATHS=(/)
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)"; exit 1; }

rm -rf "$WORK"
mkdir -p "$WORK"
PIDS=()
cleanup() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

for i in 0 1; do
	port=$((18490 + i))
	# shellcheck disable=SC2086
	java $JAVA_OPTS -jar "${JARS[$i]}" --server.port="$port" --server.address=127.0.0.1 \
		--archive.embedded-db.data-dir="$WORK/pg$i" \
		--archive.feed.url="file:$ROOT/src/test/resources/feeds/interconnects-feed.xml" \
		--archive.feed.max-file-fetches-per-poll=0 \
		--archive.public-url="http://127.0.0.1:$port" \
		--archive.clients.max-concurrent-requests=1000 $([ "$i" = 0 ] && echo "${BEFORE_ARGS:-}" || echo "${AFTER_ARGS:-}") \
		>"$WORK/app$i.log" 2>&1 &
	PIDS+=($!)
done
for i in 0 1; do
	port=$((18490 + i))
	for _ in $(seq 300); do
		if curl -fs -o /dev/null "http://127.0.0.1:$port${READY_PATH:-/episodes/dean-ball-on-open-models-and-government-control}"; then break; fi
		sleep 1
	done
	for path in "${PATHS[@]}"; do curl -fs -o /dev/null "http://127.0.0.1:$port$path" || { echo "app $i: $path failed; see $WORK/app$i.log"; exit 1; }; done
done

cat >"$WORK/stats.lua" <<'LUA'
done = function(summary, latency, requests)
	io.write(string.format("STATS %.1f %.1f %.1f\n", summary.requests / (summary.duration / 1e6),
		latency:percentile(50) / 1000, latency:percentile(95) / 1000))
end
LUA
measure() { wrk -t2 -c"$2" -d"$DURATION" --latency -H 'Accept-Encoding: gzip' -s "$WORK/stats.lua" "$1" | awk '/^STATS/ {print $2, $3, $4}'; }

# warm-up: both builds, every path, every connection count
for path in "${PATHS[@]}"; do for c in $CONNS; do for i in 0 1; do
	DURATION=5s measure "http://127.0.0.1:$((18490 + i))$path" "$c" >/dev/null
done; done; done

echo "| round | build | path | conns | req/s | p50 ms | p95 ms | load avg |" >"$WORK/raw.md"
for r in $(seq "$ROUNDS"); do
	order="0 1"; [ $((r % 2)) -eq 0 ] && order="1 0"
	for path in "${PATHS[@]}"; do for c in $CONNS; do for i in $order; do
		read -r rps p50 p95 < <(measure "http://127.0.0.1:$((18490 + i))$path" "$c")
		name=$([ "$i" = 0 ] && echo before || echo after)
		echo "| $r | $name | \`$path\` | $c | $rps | $p50 | $p95 | $(cut -d' ' -f1 /proc/loadavg) |" | tee -a "$WORK/raw.md"
	done; done; done
done

{
	echo "| path | conns | before req/s | after req/s | before p50 | after p50 | before p95 | after p95 | after/before p95 |"
	echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
	for path in "${PATHS[@]}"; do for c in $CONNS; do
		med() { grep -F "| $1 | \`$path\` | $c |" "$WORK/raw.md" | awk -F'|' -v col="$2" '{print $col}' | sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
		b95=$(med before 8); a95=$(med after 8)
		echo "| \`$path\` | $c | $(med before 6) | $(med after 6) | $(med before 7) | $(med after 7) | $b95 | $a95 | $(awk -v a="$a95" -v b="$b95" 'BEGIN {printf "%.2f", a / b}') |"
	done; done
	echo
	echo "Medians of $ROUNDS rounds of $DURATION each, order swapped every round."
} >"$WORK/results.md"
cat "$WORK/results.md"
