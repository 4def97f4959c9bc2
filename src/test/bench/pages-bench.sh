#!/usr/bin/env bash
# Reading-page benchmark (BENCHMARKS.md, "Reading pages"): the app next to nginx serving the
# very same response bytes, both on 127.0.0.1, measured with wrk.
#
#   src/test/bench/pages-bench.sh            # from the repository root; needs nginx and wrk (Debian packages)
#
# Builds the jar if needed, starts the app with its own embedded PostgreSQL under
# target/pages-bench, archives the fixture feed (src/test/resources/feeds/interconnects-feed.xml),
# saves each page's bytes, starts nginx (its own temporary config, gzip on) on those bytes, runs
#   wrk -t2 -c10 -d15s --latency -H 'Accept-Encoding: gzip'   and the same with -c50
# against both for every page, stops both, and writes the table to target/pages-bench/results.md.
# Environment: DURATION (default 15s), APP_PORT (18480), NGINX_PORT (18481), JAVA_OPTS, APP_ARGS (more
# app arguments, e.g. APP_ARGS=--archive.pages.cache.enabled=false to measure without the rendered-page cache),
# DB_URL (a JDBC URL of an archive already built, e.g. the library benchmark's: the app reads it, user postgres,
# with polling off, instead of archiving the fixture feed), PAGES_LIST ("name|path name|path …": other pages;
# the first is the one waited for at start-up), WORK (the output directory, default target/pages-bench).
# wrk is one client with 50 connections: the per-client request cap (20) is lifted for it.
set -euo pipefail

cd "$(dirname "$0")/../../.."
ROOT=$PWD
WORK=${WORK:-$ROOT/target/pages-bench}
DURATION=${DURATION:-15s}
APP_PORT=${APP_PORT:-18480}
NGINX_PORT=${NGINX_PORT:-18481}
JAVA_OPTS=${JAVA_OPTS:--Xmx512m -XX:+ExitOnOutOfMemoryError}
EPISODE=/episodes/dean-ball-on-open-models-and-government-control
PAGES=(
	"home|/"
	"episode|$EPISODE"
	"transcript|$EPISODE/transcript"
	"chapter|$EPISODE/chapters/2"
	"chapters|/chapters"
	"search|/search?q=open+models"
)
if [ -n "${PAGES_LIST:-}" ]; then
	read -r -a PAGES <<<"$PAGES_LIST"
	EPISODE=${PAGES[0]#*|}
fi
if [ -n "${DB_URL:-}" ]; then
	SOURCE_ARGS=(--spring.datasource.url="$DB_URL" --spring.datasource.username=postgres --spring.datasource.password=
		--archive.poll.enabled=false)
else
	SOURCE_ARGS=(--archive.embedded-db.data-dir="$WORK/pg"
		--archive.feed.url="file:$ROOT/src/test/resources/feeds/interconnects-feed.xml")
fi

command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)"; exit 1; }
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
[ -x "$NGINX" ] || { echo "nginx is not installed (apt-get install nginx-light)"; exit 1; }

JAR=$(ls "$ROOT"/target/podcast-archive-*.jar 2>/dev/null | head -1 || true)
if [ -z "$JAR" ]; then
	./mvnw -B -q -DskipTests package
	JAR=$(ls "$ROOT"/target/podcast-archive-*.jar | head -1)
fi

rm -rf "$WORK"
mkdir -p "$WORK/www" "$WORK/nginx/logs"
APP_PID=
NGINX_STARTED=
cleanup() {
	if [ -n "$NGINX_STARTED" ]; then "$NGINX" -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -s quit 2>/dev/null || true; fi
	if [ -n "$APP_PID" ]; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; fi
}
trap cleanup EXIT

echo "Starting the app on 127.0.0.1:$APP_PORT ($JAR)"
# shellcheck disable=SC2086
java $JAVA_OPTS -jar "$JAR" --server.port="$APP_PORT" --server.address=127.0.0.1 "${SOURCE_ARGS[@]}" \
	--archive.public-url="http://127.0.0.1:$APP_PORT" \
	--archive.clients.max-concurrent-requests=1000 ${APP_ARGS:-} >"$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 300); do
	if curl -fs -o /dev/null "http://127.0.0.1:$APP_PORT$EPISODE"; then break; fi
	kill -0 "$APP_PID" 2>/dev/null || { echo "The app exited; see $WORK/app.log"; exit 1; }
	sleep 1
done
curl -fs -o /dev/null "http://127.0.0.1:$APP_PORT$EPISODE" || { echo "The app did not start; see $WORK/app.log"; exit 1; }

# Same bytes for nginx: each page saved as the app renders it (uncompressed; nginx gzips).
for page in "${PAGES[@]}"; do
	name=${page%%|*}
	path=${page#*|}
	curl -fs -o "$WORK/www/$name.html" "http://127.0.0.1:$APP_PORT$path"
done
chmod -R a+rX "$WORK"

cat >"$WORK/nginx/nginx.conf" <<CONF
worker_processes 2;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/logs/error.log warn;
events { worker_connections 1024; }
http {
	access_log off;
	client_body_temp_path $WORK/nginx/tmp;
	proxy_temp_path $WORK/nginx/tmp;
	fastcgi_temp_path $WORK/nginx/tmp;
	uwsgi_temp_path $WORK/nginx/tmp;
	scgi_temp_path $WORK/nginx/tmp;
	default_type text/html;
	sendfile on;
	keepalive_requests 100000;
	gzip on;
	server {
		listen 127.0.0.1:$NGINX_PORT;
		root $WORK/www;
		location / { try_files \$uri.html =404; }
	}
}
CONF
mkdir -p "$WORK/nginx/tmp"
"$NGINX" -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf"
NGINX_STARTED=1

cat >"$WORK/stats.lua" <<'LUA'
done = function(summary, latency, requests)
	local e = summary.errors
	io.write(string.format("STATS %.1f %d %.1f %.1f %.1f c%d/r%d/w%d/s%d/t%d\n",
		summary.requests / (summary.duration / 1e6),
		e.connect + e.read + e.write + e.status + e.timeout,
		latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
		e.connect, e.read, e.write, e.status, e.timeout))
end
LUA

measure() { # url connections -> "req/s errors p50 p95 p99"
	wrk -t2 -c"$2" -d"$DURATION" --latency -H 'Accept-Encoding: gzip' -s "$WORK/stats.lua" "$1" | awk '/^STATS/ {print $2, $3, $4, $5, $6, $7}'
}

echo "Warming up the app"
for page in "${PAGES[@]}"; do
	wrk -t2 -c10 -d5s -H 'Accept-Encoding: gzip' "http://127.0.0.1:$APP_PORT${page#*|}" >/dev/null
done

RESULTS=$WORK/results.md
{
	echo "| page | bytes | conns | app req/s | app p50 | app p95 | app p99 | app errors | nginx req/s | nginx p95 | app / nginx | load avg |"
	echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
} >"$RESULTS"
for page in "${PAGES[@]}"; do
	name=${page%%|*}
	path=${page#*|}
	bytes=$(stat -c %s "$WORK/www/$name.html")
	for c in 10 50; do
		read -r app_rps app_err app_p50 app_p95 app_p99 app_kinds <<<"$(measure "http://127.0.0.1:$APP_PORT$path" "$c")"
		load=$(cut -d' ' -f1 /proc/loadavg)
		read -r ng_rps ng_err _ ng_p95 _ ng_kinds <<<"$(measure "http://127.0.0.1:$NGINX_PORT/$name" "$c")"
		ratio=$(awk -v a="$app_rps" -v n="$ng_rps" 'BEGIN { printf "%.0f %%", (n > 0) ? 100 * a / n : 0 }')
		line="| $name \`$path\` | $bytes | $c | $app_rps | $app_p50 ms | $app_p95 ms | $app_p99 ms | $app_err | $ng_rps | $ng_p95 ms | $ratio | $load |"
		echo "$line" | tee -a "$RESULTS"
		[ "$app_err" = "0" ] || echo "  (app errors by kind, connect/read/write/status/timeout: $app_kinds)"
		[ "$ng_err" = "0" ] || echo "  (nginx errors: $ng_err, $ng_kinds)"
	done
done
echo
echo "Written to $RESULTS"
