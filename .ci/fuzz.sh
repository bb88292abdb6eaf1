#!/usr/bin/env bash
# Builds the libFuzzer targets of Fuzz/ (libFuzzer + AddressSanitizer) and runs each for a FIXED
# number of executions from the committed seed corpus, so CI time does not depend on the machine.
# A crash, a sanitizer report or a violated property fails the script; the input is kept in
# $FUZZ_OUT (reproduce: Fuzz/.build/release/errcat-fuzz <target> <file>).
# Usage: .ci/fuzz.sh [runs per target]   (FUZZ_RUNS, default 5000; the catalog target runs a tenth)
# A longer campaign: see Fuzz/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS="${1:-${FUZZ_RUNS:-5000}}"
OUT="${FUZZ_OUT:-.build/fuzz}"
FLAGS=(-c release --package-path Fuzz -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library)
swift build "${FLAGS[@]}"
BIN="$(swift build "${FLAGS[@]}" --show-bin-path)/errcat-fuzz"
mkdir -p "$OUT"

dict() {
  case "$1" in
    syntax) echo syntax ;; catalog|body) echo json ;; po) echo po ;; xliff|xliff2) echo xliff ;; *) echo message ;;
  esac
}

fail=0
for target in syntax catalog matcher body po xliff xliff2 roundtrip; do
  runs="$RUNS"
  [ "$target" = catalog ] && runs=$(( RUNS / 10 > 0 ? RUNS / 10 : 1 ))
  work="$OUT/corpus-$target"
  mkdir -p "$work"
  start=$(date +%s)
  # Leaks: FoundationXML leaks ~72 bytes per malformed document (inside
  # _CFErrorCreateFromXMLInterface, not errcat's code), suppressed by .ci/lsan.supp. libFuzzer's
  # per-input leak check would rescan the heap after nearly every XML input (10x slower), so
  # the XML targets are checked for leaks once, at exit (LeakSanitizer, same suppression).
  per_input=1
  case "$target" in xliff|xliff2) per_input=0 ;; esac
  if LSAN_OPTIONS="suppressions=$PWD/.ci/lsan.supp:print_suppressions=0" \
     "$BIN" "$target" -runs="$runs" -seed=1 -max_len=65536 -detect_leaks="$per_input" -print_final_stats=1 \
       -dict="Fuzz/Dictionaries/$(dict "$target").dict" -artifact_prefix="$OUT/crash-$target-" \
       "$work" "Fuzz/Corpus/$target" > "$OUT/$target.log" 2>&1; then
    execs=$(grep -Eo 'stat::number_of_executed_units: *[0-9]+' "$OUT/$target.log" | grep -Eo '[0-9]+$' || echo "?")
    echo "fuzz $target: $execs executions in $(( $(date +%s) - start )) s, no crash"
  else
    echo "fuzz $target: FAILED (log: $OUT/$target.log)"; tail -30 "$OUT/$target.log"; fail=1
  fi
done
exit "$fail"
