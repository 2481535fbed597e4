#!/usr/bin/env bash
# Seeds the fuzz corpora from the real rules/ and plans/ and the test
# fixtures. Run from anywhere; corpora live in fuzz/corpus/<target>/.
set -euo pipefail
cd "$(dirname "$0")/.."
shopt -s nullglob globstar
mkdir -p fuzz/corpus/rules_file fuzz/corpus/plan_file fuzz/corpus/pipeline
files=(rules/*.plan plans/*.plan tests/fixtures/**/*.plan)
for f in "${files[@]}"; do
  name=$(echo "$f" | tr '/' '_')
  cp "$f" "fuzz/corpus/rules_file/$name"
  cp "$f" "fuzz/corpus/plan_file/$name"
done
# Pipeline seeds: every higher document paired with every plan, split by a NUL byte.
for higher in rules/*.plan; do
  for plan in plans/*.plan rules/*.plan tests/fixtures/**/*.plan; do
    [ "$higher" = "$plan" ] && continue
    name=$(echo "$higher+$plan" | tr '/' '_')
    { cat "$higher"; printf '\0'; cat "$plan"; } > "fuzz/corpus/pipeline/$name"
  done
done
