#!/usr/bin/env bash
# Personal feeds past one machine, on loopback: wrk (2 threads, 64 connections in all) against
# personal feeds, each request a token drawn at random from 200 live ones,
#   - one replica over SQLite (the default store beside the release), 64 connections;
#   - one replica over PostgreSQL, 64 connections;
#   - two replicas over one PostgreSQL, 32 connections on each at the same time;
# requests per second and errors (non-2xx/3xx answers and socket errors) for each; then, with
# both replicas under that load, how long after `convene tokens revoke` returns the other
# replica first refuses the revoked link (polled with curl, 5 revokes).
# PostgreSQL is Debian's (`make deps` installs it), started in a temporary folder on a free
# port and stopped at the end; as root its programs run as the postgres user.
# Usage: benchmarks/tokens.sh [SECONDS]   (needs wrk, curl and postgresql; `make bench` installs them)
set -euo pipefail
cd "$(dirname "$0")/.."
CONVENE=$(readlink -f "${CONVENE:-.build/release/convene}")
SECONDS_PER_RUN=${1:-10}
PG_BIN=${CONVENE_PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
[ -x "$PG_BIN/initdb" ] || { echo "tokens: no PostgreSQL (initdb) in '$PG_BIN': make deps installs it" >&2; exit 1; }
work=$(mktemp -d)
chmod a+rx "$work"
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  kill $(jobs -p) 2>/dev/null || true
  wait 2>/dev/null || true
  [ -f "$work/pg/data/postmaster.pid" ] && as_postgres "$PG_BIN/pg_ctl" -D "$work/pg/data" -m immediate -w stop >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# A release of the 2021 calendar, and 200 tokens for its people in the SQLite store.
cp -r calendars "$work/"
rm -f "$work"/calendars/*.ledger.json
cd "$work"
"$CONVENE" publish calendars/ogp-2021.yaml --out release --now 2021-01-15T09:00Z >/dev/null
people=$(ls release/private | sed -n 's/^person-\(.*\)\.ics$/\1/p')
for round in $(seq 200); do
  person=$(echo "$people" | sed -n "$(( (round - 1) % $(echo "$people" | wc -l) + 1 ))p")
  "$CONVENE" tokens issue "$person" --dir release | sed -n 's|^ *http://localhost:8080\(/feeds/p/.*\)$|\1|p'
done > paths.txt
echo "tokens: $(wc -l < paths.txt) tokens for $(echo "$people" | wc -l) people"

# PostgreSQL on a free port, and the same tokens moved into it.
mkdir -p pg && echo "bench-$RANDOM$RANDOM" > pg/password
[ "$(id -u)" -eq 0 ] && chown -R postgres pg
as_postgres "$PG_BIN/initdb" -D pg/data -U convene --pwfile=pg/password --auth-host=scram-sha-256 \
  --auth-local=trust -E UTF8 >/dev/null
pg_port=$(free_port)
as_postgres "$PG_BIN/pg_ctl" -D pg/data -w -l pg/log -o "-p $pg_port -k $work/pg -c listen_addresses=127.0.0.1" start >/dev/null
as_postgres "$PG_BIN/createdb" -h "$work/pg" -p "$pg_port" -U convene convene
url="postgres://convene@127.0.0.1:$pg_port/convene?sslmode=disable"
export PGPASSWORD=$(cat pg/password)
start=$(date +%s%N)
"$CONVENE" tokens migrate --from release.tokens.sqlite --to "$url" | sed 's/^/tokens: migrate: /'
echo "tokens: migrate took $(( ($(date +%s%N) - start) / 1000000 )) ms; again: $("$CONVENE" tokens migrate --from release.tokens.sqlite --to "$url")"

cat > paths.lua <<'LUA'
local paths = {}
init = function(args) for line in io.lines(args[1]) do paths[#paths + 1] = line end end
request = function() return wrk.format("GET", paths[math.random(#paths)]) end
LUA

serve() {  # port [serve options...]: starts a replica and waits until /healthz answers 200
  local port=$1; shift
  "$CONVENE" serve --dir release --port "$port" --quiet "$@" &
  served=$!
  for _ in $(seq 100); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/healthz")" = 200 ] && return
    sleep 0.1
  done
  echo "tokens: the replica on port $port never became healthy" >&2; exit 1
}
figures() {  # wrk output file -> "requests errors"
  awk '/requests in/ {r=$1} /Non-2xx or 3xx/ {e+=$5} /Socket errors/ {e+=$4+$6+$8+$10} END {print r+0, e+0}' "$1"
}
wrk_run() {  # port connections output
  wrk -t2 -c"$2" -d"${SECONDS_PER_RUN}s" -s paths.lua "http://127.0.0.1:$1" -- "$work/paths.txt" > "$3"
}

a=$(free_port); serve "$a"; sqlite_pid=$served
wrk_run "$a" 64 sqlite.txt
read -r r e < <(figures sqlite.txt)
printf 'tokens: one replica, SQLite:       %8d req/s  (errors %d)\n' $(( r / SECONDS_PER_RUN )) "$e"
kill "$sqlite_pid"; wait "$sqlite_pid" 2>/dev/null || true

a=$(free_port); b=$(free_port)
serve "$a" --tokens "$url"
serve "$b" --tokens "$url"
wrk_run "$a" 64 pg-one.txt
read -r r e < <(figures pg-one.txt)
printf 'tokens: one replica, PostgreSQL:   %8d req/s  (errors %d)\n' $(( r / SECONDS_PER_RUN )) "$e"

etag_a=$(curl -sI "http://127.0.0.1:$a$(head -1 paths.txt)" | awk 'tolower($1)=="etag:" {print $2}' | tr -d '\r')
etag_b=$(curl -sI "http://127.0.0.1:$b$(head -1 paths.txt)" | awk 'tolower($1)=="etag:" {print $2}' | tr -d '\r')
[ "$etag_a" = "$etag_b" ] && same="the same" || same="DIFFERENT"
echo "tokens: both replicas give $same ETag for a personal feed ($etag_a)"

wrk_run "$a" 32 pg-a.txt & wrk_a=$!
wrk_run "$b" 32 pg-b.txt & wrk_b=$!
# While both are loaded: revoke a link not in wrk's list through the CLI, and time until the
# other replica refuses it.
sleep 1
person=$(echo "$people" | head -1)
delays=()
for round in $(seq 5); do
  path=$("$CONVENE" tokens issue "$person" --dir release --tokens "$url" | sed -n 's|^ *http://localhost:8080\(/feeds/p/.*\)$|\1|p')
  [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$b$path")" = 200 ] || { echo "tokens: new link refused" >&2; exit 1; }
  id=$("$CONVENE" tokens list --tokens "$url" | awk -v p="$person" '$2==p && !/revoked/ {id=$1} END {print id}')
  "$CONVENE" tokens revoke "$id" --tokens "$url" >/dev/null
  revoked=$(date +%s%N); polls=0
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$b$path")" = 404 ]; do polls=$((polls + 1)); done
  delays+=("$(( ($(date +%s%N) - revoked) / 1000 ))us/$((polls + 1))")
done
wait "$wrk_a" "$wrk_b"
read -r ra ea < <(figures pg-a.txt)
read -r rb eb < <(figures pg-b.txt)
printf 'tokens: two replicas, PostgreSQL:  %8d req/s  (errors %d) = %d + %d, 32 connections each\n' \
  $(( (ra + rb) / SECONDS_PER_RUN )) $(( ea + eb )) $(( ra / SECONDS_PER_RUN )) $(( rb / SECONDS_PER_RUN ))
echo "tokens: a revoke through the CLI, seen by the other replica under load after (time/polls): ${delays[*]}"
echo "tokens: wrk ${SECONDS_PER_RUN}s per run, 2 threads, 200 tokens at random, $CONVENE, loopback, $(nproc) cores (wrk, the replicas and PostgreSQL share them)"
