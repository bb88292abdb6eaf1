#!/usr/bin/env bash
# A long fuzzing campaign, resumable: runs each target for a number of executions in sessions of
# a fixed size (a fresh libFuzzer process per session, so FoundationXML's leak in the XML targets
# never reaches the RSS limit), on a working corpus that persists between sessions, and keeps a
# tally of every session in $CAMPAIGN/tally.txt. Run it again with the same arguments and it
# continues from the tally. A crash, sanitizer report or violated property stops that target and
# keeps the input in $CAMPAIGN/crash-<target>-*.
#
# Usage: Fuzz/campaign.sh [target[:runs[:max_len[:session]]] ...]
#        Fuzz/campaign.sh --tally          (executions and crashes per target so far)
# Defaults: every target, 10,000,000 executions, the max_len below, sessions of 1,000,000
# (300,000 for xliff/xliff2 at the default RSS limit; set RSS_MB=8192 for 1,000,000).
# Environment: CAMPAIGN (default /tmp/errcat-campaign), BIN (default: build it), NICE (19),
# SLOW_S (120: libFuzzer's slow-unit report; at the lowest priority a build can starve the fuzzer
# for 15 s, which the default of 10 s reported as a slow input), LANE (a name: a second process on
# the same targets, e.g. LANE=2 beside the first, sharing corpus and tally; its logs and artifacts
# carry -lane<name>, and each lane stops when the shared tally reaches the total).
# Runs at the lowest priority, also across autogroups (see Fuzz/README.md).
set -uo pipefail
cd "$(dirname "$0")/.."
CAMPAIGN="${CAMPAIGN:-/tmp/errcat-campaign}"
mkdir -p "$CAMPAIGN"
tally="$CAMPAIGN/tally.txt"
touch "$tally"

done_for() { awk -v t="$1" '$1 == t && $2 == "session" { sum += $4 } END { print sum + 0 }' "$tally"; }
# Sessions the lanes are running now (a lane's own file exists only while its session runs): $CAMPAIGN/running-<target><lane> holds "pid executions"
# while a session runs. Counted as done when planning the next session, so that two lanes that
# finish within seconds of each other do not both start one more (a file whose process is gone,
# e.g. after kill -9, or is no longer a campaign, is ignored).
running_for() {
  local sum=0 f pid r
  for f in "$CAMPAIGN/running-$1-main" "$CAMPAIGN/running-$1-lane"*; do
    [ -e "$f" ] || continue
    read -r pid r < "$f" || continue
    grep -qa campaign "/proc/$pid/cmdline" 2>/dev/null && sum=$((sum + r))
  done
  echo "$sum"
}
# Artifacts are $CAMPAIGN/crash-<target>-<kind>-<sha1>: crash, leak, timeout and deadly-signal are
# findings; oom (the XML leak reaching the RSS limit) and slow-unit (over 10 s, e.g. a paused
# process) are listed apart: rerun them to judge.
artifacts_for() { ls "$CAMPAIGN"/crash-"$1"-* 2>/dev/null | grep -Ec -- "$2" || true; }
crashes_for() { artifacts_for "$1" '-(crash|leak|timeout|deadly-signal)-'; }

if [ "${1:-}" = "--tally" ]; then
  printf '%-10s %12s %8s %8s %6s %10s\n' target executions sessions crashes oom slow-units
  for t in syntax catalog matcher body po xliff xliff2 roundtrip; do
    sessions=$(awk -v t="$t" '$1 == t && $2 == "session" { n++ } END { print n + 0 }' "$tally")
    printf '%-10s %12s %8s %8s %6s %10s\n' "$t" "$(done_for "$t")" "$sessions" "$(crashes_for "$t")" \
      "$(artifacts_for "$t" '-oom-')" "$(artifacts_for "$t" '-slow-unit-')"
  done
  exit 0
fi

default_len() { case "$1" in matcher) echo 1024 ;; catalog|po) echo 2048 ;; *) echo 4096 ;; esac; }
default_session() {
  case "$1" in xliff|xliff2) [ "${RSS_MB:-2048}" -ge 8192 ] && echo 1000000 || echo 300000 ;; *) echo 1000000 ;; esac
}
dict() { case "$1" in syntax) echo syntax ;; catalog|body) echo json ;; po) echo po ;; xliff|xliff2) echo xliff ;; *) echo message ;; esac; }

if [ -z "${BIN:-}" ]; then
  FLAGS=(-c release --package-path Fuzz -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library)
  swift build "${FLAGS[@]}" || exit 1
  # A copy: a later build must not replace the binary under a running campaign.
  BIN="$CAMPAIGN/errcat-fuzz-$(git rev-parse --short HEAD)"
  cp "$(swift build "${FLAGS[@]}" --show-bin-path)/errcat-fuzz" "$BIN"
fi
# nice ranks processes only inside one autogroup: lower this script's group too.
[ -w /proc/self/autogroup ] && echo "${NICE:-19}" > /proc/self/autogroup 2>/dev/null

specs=("$@")
[ ${#specs[@]} -eq 0 ] && specs=(syntax catalog matcher body po xliff xliff2 roundtrip)
for spec in "${specs[@]}"; do
  IFS=: read -r t runs len session <<<"$spec"
  runs="${runs:-10000000}"; len="${len:-$(default_len "$t")}"; session="${session:-$(default_session "$t")}"
  mkdir -p "$CAMPAIGN/corpus-$t"
  dl=1; case $t in xliff|xliff2) dl=0 ;; esac   # FoundationXML's leak: not errcat's (see README)
  lane="${LANE:+-lane$LANE}"
  running="$CAMPAIGN/running-$t${lane:--main}"
  trap 'rm -f "$running"' EXIT
  while :; do
    # Counted again each time: another lane may have added sessions meanwhile, or be running one.
    # Planning and the tally line are made under a lock so two lanes never plan from the same state.
    exec 9> "$CAMPAIGN/.plan.lock"; flock 9
    done_=$(done_for "$t")
    left=$((runs - done_ - $(running_for "$t")))
    [ "$left" -le 0 ] && { flock -u 9; break; }
    n=$(awk -v t="$t" '$1 == t && $2 == "session" { n++ } END { print n + 1 }' "$tally")
    r=$(( left < session ? left : session ))
    echo "$$ $r" > "$running"
    flock -u 9
    log="$CAMPAIGN/$t-$n$lane.log"
    start=$(date +%s)
    LSAN_OPTIONS="suppressions=$PWD/.ci/lsan.supp:print_suppressions=0" nice -n "${NICE:-19}" "$BIN" "$t" \
      -dict="Fuzz/Dictionaries/$(dict "$t").dict" -max_len="$len" -detect_leaks=$dl -rss_limit_mb="${RSS_MB:-2048}" \
      -runs="$r" -report_slow_units="${SLOW_S:-120}" -print_final_stats=1 -artifact_prefix="$CAMPAIGN/crash-$t$lane-" \
      "$CAMPAIGN/corpus-$t" "Fuzz/Corpus/$t" > "$log" 2>&1 9>&-
    rc=$?
    e=$(grep -Eo 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -Eo '[0-9]+$' || true)
    # target session n executions rc seconds binary[-lane]
    flock 9
    echo "$t session $n ${e:-0} rc=$rc $(( $(date +%s) - start ))s $(basename "$BIN")$lane $(date +%FT%T)" >> "$tally"
    rm -f "$running"
    flock -u 9
    if [ "$rc" -ne 0 ]; then
      if [[ "$t" == xliff* ]] && grep -q "out-of-memory (used:" "$log" && [ "${e:-0}" -gt 0 ]; then
        echo "$t: session $n reached the RSS limit after ${e} executions (the XML leak): continuing" >&2
        continue
      fi
      echo "$t: session $n failed (rc=$rc): see $log and $CAMPAIGN/crash-$t$lane-*" >&2
      break
    fi
  done
done
"$0" --tally
