#!/bin/sh
# Runs one libFuzzer target for a while and prints what it did (docs/fuzzing.md).
#
#   fuzz/run.sh BINARY NAME SECONDS
#
# NAME picks the seeds (fuzz/corpus/NAME), the dictionary (fuzz/NAME.dict) and the folders it
# writes: fuzz/generated/NAME (the inputs it found that reach new code; git-ignored),
# fuzz/findings/NAME (crashes, hangs and blow-ups; git-ignored) and fuzz/logs/NAME.log.
# libFuzzer runs in fork mode with one child at a time, so a finding is recorded and the run
# goes on; each child is held to FUZZ_RSS_MB of memory, FUZZ_TIMEOUT seconds an input and
# FUZZ_MAX_LEN bytes an input.
set -eu
binary=$1 name=$2 seconds=$3
generated=fuzz/generated/$name findings=fuzz/findings/$name log=fuzz/logs/$name.log
mkdir -p "$generated" "$findings" fuzz/logs
started=$(date +%s)
# Swift's own crash handler, under AddressSanitizer, reports a spurious "unknown-crash" of its
# memory reader after the real failure; without it libFuzzer prints the stack itself.
export SWIFT_BACKTRACE=enable=no
/usr/bin/time -f '%M' -o "$log.rss" "$binary" \
    -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
    -max_total_time="$seconds" -rss_limit_mb="${FUZZ_RSS_MB:-2048}" -malloc_limit_mb="${FUZZ_RSS_MB:-2048}" \
    -timeout="${FUZZ_TIMEOUT:-10}" -max_len="${FUZZ_MAX_LEN:-131072}" \
    -dict="fuzz/$name.dict" -artifact_prefix="$findings/" -print_final_stats=1 \
    "$generated" "fuzz/corpus/$name" >"$log" 2>&1 || true
elapsed=$(( $(date +%s) - started ))
# Fork mode's progress lines: "#EXECS: cov: C ft: F corp: N exec/s: R oom/timeout/crash: O/T/X time: Ss job: J ...".
last=$(grep -E '^#[0-9]+: cov:' "$log" | tail -n 1)
echo "== $name: $elapsed s, peak RSS $(( $(cat "$log.rss" | tail -n 1) / 1024 )) MB (largest process)"
echo "   ${last:-no progress line; see $log}"
echo "   corpus: $(ls "$generated" | wc -l) generated + $(ls "fuzz/corpus/$name" | wc -l) seeds"
count=$(ls "$findings" | wc -l)
echo "   findings in $findings: $count"
ls -l "$findings" | tail -n +2 | awk '{ print "     " $NF " (" $5 " bytes)" }'
