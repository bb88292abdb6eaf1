#!/usr/bin/env bash
# The documented install (scripts/install.sh) into a temporary prefix; then, with the build tree
# moved out of the way and from another working directory, the installed errcat must find its
# bundled catalog and answer list, format and parse correctly. Usage: .ci/install.sh
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
start=$(date +%s)
prefix="$(mktemp -d)"
moved=""
cleanup() {
  [ -z "$moved" ] || mv "$moved" "$root/.build"
  rm -rf "$prefix"
}
trap cleanup EXIT

# debug: the configuration `swift test` has just built, so CI does not build errcat a second time.
bash scripts/install.sh --configuration debug "$prefix" >/dev/null 2>&1 || { echo "install failed"; bash scripts/install.sh --configuration debug "$prefix"; exit 1; }

# The build tree (and with it every path the build knows) is gone while the installed tool runs.
moved="$(mktemp -d "$root/.build-moved-by-ci.XXXXXX")"
rmdir "$moved"
mv "$root/.build" "$moved"

fail=0
check() { # name, expected, command...
  local name="$1" expected="$2"; shift 2
  local got
  got="$(cd / && env -u ERRCAT_CATALOG NO_COLOR=1 "$@" 2>&1)" || true
  if [ "$got" != "$expected" ]; then
    printf 'FAIL %s\n--- expected\n%s\n--- got\n%s\n' "$name" "$expected" "$got"; fail=1
  else
    printf 'ok   %s\n' "$name"
  fi
}
errcat="$prefix/bin/errcat"
check "list (de): 21 codes with German text" "21
InvalidHashValue            400     Der Hashwert {hash} ist ungültig." \
  bash -c "'$errcat' list --locale de | grep -c '^[A-Z][A-Za-z]* *[45][0-9][0-9] '; '$errcat' list --locale de | grep '^InvalidHashValue'"
check "format in German" "Die maximale Batchgröße wurde überschritten. Empfangen: 1.200, zulässig: 1.000." \
  "$errcat" format MaximumBatchSizeExceeded --locale de received=1200 allowed=1000
check "parse" 'ResourceNotFound (HTTP 404), locale en, variant 2 "example", exact
  entityType = Machine  (identifier)
  entityId = 123123123  (identifier)' "$errcat" parse "Machine 123123123 was not found"
check "import refuses the bundled catalog" "1" bash -c "'$errcat' import /dev/null 2>&1 | grep -c 'bundled catalog.*read-only'"
[ -s "$prefix/share/man/man1/errcat.1" ] && echo "ok   man page" || { echo "FAIL man page missing"; fail=1; }
grep -q 'errcat' "$prefix/share/bash-completion/completions/errcat" && echo "ok   bash completion" || { echo "FAIL bash completion"; fail=1; }

echo "install: $([ $fail = 0 ] && echo ok || echo FAILED) ($(( $(date +%s) - start ))s)"
exit $fail
