#!/usr/bin/env bash
# Library pages at 2 M segments (issue 24, BENCHMARKS.md "A library of 200 shows"): the pages of the
# search benchmark's library archive (bench_lib2m: 200 shows x 25 episodes x 400 segments), measured by
# pages-bench.sh (wrk at 10 and 50 connections, next to nginx serving the same bytes), once with the
# rendered-page cache and once without.
#
#   src/test/bench/library-pages-bench.sh     # from the repository root; needs nginx and wrk
#
# Builds the archive first if needed (./mvnw -Pbench ... -Dbench.sizes=bench_lib2m -Dbench.load-only=true),
# serves it from the benchmark's PostgreSQL (target/bench-pg) and points the app at it.
# Environment: DURATION (default 10s), as pages-bench.sh.
set -euo pipefail

cd "$(dirname "$0")/../../.."
ROOT=$PWD
export DURATION=${DURATION:-10s}
LOG=$ROOT/target/library-pages-bench-pg.log

./mvnw -B -q -Pbench test-compile exec:exec -Dbench.sizes=bench_lib2m -Dbench.meaning=off -Dbench.load-only=true
./mvnw -B -q -Pbench exec:exec -Dbench.sizes=bench_lib2m -Dbench.meaning=off -Dbench.serve=true >"$LOG" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; pkill -f "bench.serve=true" 2>/dev/null || true' EXIT
PORT=
for _ in $(seq 120); do
	PORT=$(sed -n 's/^bench server on port \([0-9]*\)$/\1/p' "$LOG")
	[ -n "$PORT" ] && break
	sleep 1
done
[ -n "$PORT" ] || { echo "The benchmark's PostgreSQL did not start; see $LOG"; exit 1; }

export DB_URL="jdbc:postgresql://127.0.0.1:$PORT/bench_lib2m"
export PAGES_LIST="episode|/shows/bench-show-7/episodes/bench-episode-7 home|/ shows|/shows show|/shows/bench-show-7 speakers|/speakers speaker|/speakers/dean-ball search|/search?q=open+models&show=bench-show-7"
for cache in true false; do
	echo "== rendered-page cache enabled=$cache"
	WORK=$ROOT/target/library-pages-bench/cache-$cache APP_ARGS="--archive.pages.cache.enabled=$cache --archive.meaning.enabled=false" \
		src/test/bench/pages-bench.sh
done
