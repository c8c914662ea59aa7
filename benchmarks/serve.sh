#!/usr/bin/env bash
# Requests per second of `convene serve` against nginx serving the same all.ics as a static
# file, on loopback, in the same run: wrk, 30 s, 64 connections, for 200 and for 304 answers.
# Usage: benchmarks/serve.sh [SECONDS]   (needs wrk and nginx; `make bench` installs them)
set -euo pipefail
cd "$(dirname "$0")/.."
CONVENE=${CONVENE:-.build/release/convene}
SECONDS_PER_RUN=${1:-30}
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null; rm -rf "$work"' EXIT

cp -r calendars "$work/"
rm -f "$work"/calendars/*.ledger.json
(cd "$work" && "$OLDPWD/$CONVENE" publish calendars/ogp-2021.yaml --out release --now 2021-01-15T09:00Z >/dev/null)
release=$(readlink -f "$work/release")

chmod -R a+rX "$work"   # nginx's workers read the release as another user
cat > "$work/nginx.conf" <<CONF
worker_processes 2;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  types { text/calendar ics; }
  server {
    listen 127.0.0.1:18081;
    root $release;
    etag on;
  }
}
CONF
nginx -c "$work/nginx.conf"
"$CONVENE" serve --dir "$work/release" --port 18082 --quiet &
sleep 1

etag_nginx=$(curl -sI http://127.0.0.1:18081/feeds/all.ics | awk 'tolower($1)=="etag:" {print $2}' | tr -d '\r')
etag_convene=$(curl -sI http://127.0.0.1:18082/feeds/all.ics | awk 'tolower($1)=="etag:" {print $2}' | tr -d '\r')
code_nginx=$(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $etag_nginx" http://127.0.0.1:18081/feeds/all.ics)
code_convene=$(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $etag_convene" http://127.0.0.1:18082/feeds/all.ics)
echo "serve: conditional check: nginx $code_nginx, convene $code_convene (both must be 304)"

rate() {  # url [header] -> "requests/s errors"
  local out
  if [ -n "${2:-}" ]; then out=$(wrk -t2 -c64 -d"${SECONDS_PER_RUN}s" -H "$2" "$1"); else out=$(wrk -t2 -c64 -d"${SECONDS_PER_RUN}s" "$1"); fi
  local rps errors
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  errors=$(echo "$out" | awk '/Non-2xx or 3xx/ {s+=$5} /Socket errors/ {s+=$4+$6+$8+$10} END {print s+0}')
  echo "$rps $errors"
}

read -r n200 e_n200 < <(rate http://127.0.0.1:18081/feeds/all.ics)
read -r c200 e_c200 < <(rate http://127.0.0.1:18082/feeds/all.ics)
read -r n304 e_n304 < <(rate http://127.0.0.1:18081/feeds/all.ics "If-None-Match: $etag_nginx")
read -r c304 e_c304 < <(rate http://127.0.0.1:18082/feeds/all.ics "If-None-Match: $etag_convene")
size=$(stat -c %s "$release/feeds/all.ics")
printf 'serve: all.ics (%d bytes), wrk %ss, 64 connections, 2 threads, loopback\n' "$size" "$SECONDS_PER_RUN"
printf 'serve: 200: nginx %10.0f req/s (errors %s) | convene %10.0f req/s (errors %s) | ratio %.2f\n' "$n200" "$e_n200" "$c200" "$e_c200" "$(echo "$c200 / $n200" | bc -l)"
printf 'serve: 304: nginx %10.0f req/s (errors %s) | convene %10.0f req/s (errors %s) | ratio %.2f\n' "$n304" "$e_n304" "$c304" "$e_c304" "$(echo "$c304 / $n304" | bc -l)"
