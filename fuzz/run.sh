#!/usr/bin/env bash
# Runs one fuzz target under `nice -n 19` until it has used CPU_SECONDS of
# processor time (not wall time: the machine is shared) or WALL_SECONDS
# have passed, then stops it with SIGINT so libFuzzer prints its final
# statistics. Usage: fuzz/run.sh TARGET CPU_SECONDS WALL_SECONDS
# Build first: (cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz build -O); FUZZ_TARGET_DIR
# picks another build directory (e.g. one built with `--sanitizer none`).
set -euo pipefail
cd "$(dirname "$0")"
target=$1 cpu=$2 wall=$3
bin=${FUZZ_TARGET_DIR:-target}/x86_64-unknown-linux-gnu/release/$target
mkdir -p "corpus/$target" "artifacts/$target" logs
nice -n 19 "$bin" "corpus/$target" \
  -artifact_prefix="artifacts/$target/" -dict=planlint.dict \
  -timeout=120 -rss_limit_mb=2048 -max_len=131072 -print_final_stats=1 \
  -max_total_time="$wall" >"logs/$target.log" 2>&1 &
pid=$!
tick=$(getconf CLK_TCK)
start=$(date +%s)
while kill -0 "$pid" 2>/dev/null; do
  sleep 10
  [ -r "/proc/$pid/stat" ] || break
  used=$(awk -v t="$tick" '{ print int(($14 + $15) / t) }' "/proc/$pid/stat")
  echo "$(date -u +%H:%M:%S) cpu=${used}s wall=$(( $(date +%s) - start ))s" >"logs/$target.progress"
  if [ "$used" -ge "$cpu" ]; then
    kill -INT "$pid"
    break
  fi
done
wait "$pid" || true
echo "finished $(date -u +%H:%M:%S) cpu=${used:-0}s wall=$(( $(date +%s) - start ))s" >>"logs/$target.progress"
