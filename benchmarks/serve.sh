#!/usr/bin/env bash
# Requests per second of `convene serve` against nginx serving the same all.ics as a static
# file, on loopback, in the same run: wrk, 30 s, 64 connections, for 200 and for 304 answers.
# Usage: [ROUNDS=3] benchmarks/serve.sh [SECONDS]   (needs wrk and nginx; `make bench` installs them)
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

# wrk's figures drift by a quarter between runs on a small machine, so each server's 30 s are
# taken in ROUNDS interleaved slices (nginx, convene, nginx, ...) and the rates are totals over
# the slices: drift then hits both sides alike.
ROUNDS=${ROUNDS:-3}
slice=$(( SECONDS_PER_RUN / ROUNDS )); [ "$slice" -ge 1 ] || slice=1
rate() {  # url [header] -> "requests errors"
  local out
  if [ -n "${2:-}" ]; then out=$(wrk -t2 -c64 -d"${slice}s" -H "$2" "$1"); else out=$(wrk -t2 -c64 -d"${slice}s" "$1"); fi
  local requests errors
  requests=$(echo "$out" | awk '/requests in/ {print $1}')
  errors=$(echo "$out" | awk '/Non-2xx or 3xx/ {s+=$5} /Socket errors/ {s+=$4+$6+$8+$10} END {print s+0}')
  echo "$requests $errors"
}

declare -A total errs
for kind in n200 c200 n304 c304; do total[$kind]=0; errs[$kind]=0; done
for round in $(seq "$ROUNDS"); do
  for kind in n200 c200 n304 c304; do
    case $kind in
      n200) read -r r e < <(rate http://127.0.0.1:18081/feeds/all.ics) ;;
      c200) read -r r e < <(rate http://127.0.0.1:18082/feeds/all.ics) ;;
      n304) read -r r e < <(rate http://127.0.0.1:18081/feeds/all.ics "If-None-Match: $etag_nginx") ;;
      c304) read -r r e < <(rate http://127.0.0.1:18082/feeds/all.ics "If-None-Match: $etag_convene") ;;
    esac
    total[$kind]=$(( ${total[$kind]} + r )); errs[$kind]=$(( ${errs[$kind]} + e ))
    printf 'serve: round %d %s %d req/s\n' "$round" "$kind" $(( r / slice ))
  done
done
duration=$(( slice * ROUNDS ))
size=$(stat -c %s "$release/feeds/all.ics")
printf 'serve: all.ics (%d bytes), wrk %ss per server and status (%d interleaved slices), 64 connections, 2 threads, loopback\n' "$size" "$duration" "$ROUNDS"
for status in 200 304; do
  n=$(( ${total[n$status]} / duration )); c=$(( ${total[c$status]} / duration ))
  printf 'serve: %s: nginx %10d req/s (errors %s) | convene %10d req/s (errors %s) | ratio %.2f\n' \
    "$status" "$n" "${errs[n$status]}" "$c" "${errs[c$status]}" "$(echo "$c / $n" | bc -l)"
done
