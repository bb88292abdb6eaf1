#!/usr/bin/env bash
# Installs errcat under PREFIX so that it works from any directory, with this source tree gone:
#
#   PREFIX/libexec/errcat/errcat                                   the executable
#   PREFIX/libexec/errcat/defender-errcat_DefenderCatalog.resources   the bundled catalog, next to it
#                                                                  (where SwiftPM's Bundle.module and
#                                                                  Catalog.defender look on Linux)
#   PREFIX/bin/errcat -> ../libexec/errcat/errcat                  (the catalog is found next to the
#                                                                  link's target)
#   PREFIX/share/man/man1/errcat.1, errcat-*.1                      man pages (swift-argument-parser's
#                                                                  generate-manual plugin)
#   PREFIX/share/bash-completion/completions/errcat                shell completions
#   PREFIX/share/zsh/site-functions/_errcat
#   PREFIX/share/fish/vendor_completions.d/errcat.fish
#
# Usage: scripts/install.sh [--configuration release|debug] [--no-man] PREFIX
# The executable links the Swift runtime of the toolchain that built it (and the system ICU).
set -euo pipefail
cd "$(dirname "$0")/.."

usage() { echo "usage: scripts/install.sh [--configuration release|debug] [--no-man] PREFIX" >&2; exit 2; }
configuration=release
man=1
prefix=""
while [ $# -gt 0 ]; do
  case "$1" in
    --configuration) [ $# -ge 2 ] || usage; configuration="$2"; shift 2 ;;
    --no-man) man=0; shift ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    -*) echo "error: unknown option '$1'" >&2; usage ;;
    *) [ -z "$prefix" ] || { echo "error: more than one PREFIX ('$prefix', '$1')" >&2; usage; }; prefix="$1"; shift ;;
  esac
done
[ -n "$prefix" ] || { echo "error: no PREFIX given (such as /usr/local or ~/.local)" >&2; usage; }
case "$configuration" in release|debug) ;; *) echo "error: --configuration '$configuration': use release or debug" >&2; exit 2 ;; esac
mkdir -p "$prefix"
prefix="$(cd "$prefix" && pwd)"

echo "== building errcat ($configuration)"
swift build -c "$configuration" --product errcat
bin="$(swift build -c "$configuration" --show-bin-path)"
bundle="defender-errcat_DefenderCatalog.resources"
[ -f "$bin/$bundle/defender/en.json" ] || { echo "error: $bin/$bundle/defender/en.json is missing after the build" >&2; exit 1; }

echo "== installing into $prefix"
libexec="$prefix/libexec/errcat"
rm -rf "$libexec/$bundle"
mkdir -p "$libexec" "$prefix/bin"
install -m 755 "$bin/errcat" "$libexec/errcat"
cp -R "$bin/$bundle" "$libexec/$bundle"
chmod -R a+rX,go-w "$libexec/$bundle"
ln -sf ../libexec/errcat/errcat "$prefix/bin/errcat"

echo "== shell completions"
mkdir -p "$prefix/share/bash-completion/completions" "$prefix/share/zsh/site-functions" "$prefix/share/fish/vendor_completions.d"
"$libexec/errcat" --generate-completion-script bash > "$prefix/share/bash-completion/completions/errcat"
"$libexec/errcat" --generate-completion-script zsh > "$prefix/share/zsh/site-functions/_errcat"
"$libexec/errcat" --generate-completion-script fish > "$prefix/share/fish/vendor_completions.d/errcat.fish"

if [ "$man" = 1 ]; then
  echo "== man pages (swift package generate-manual)"
  swift package generate-manual --configuration "$configuration" --multi-page >/dev/null
  pages=".build/plugins/GenerateManual/outputs/errcat"
  ls "$pages"/*.1 >/dev/null 2>&1 || { echo "error: generate-manual wrote no pages into $pages" >&2; exit 1; }
  mkdir -p "$prefix/share/man/man1"
  install -m 644 "$pages"/*.1 "$prefix/share/man/man1/"
fi

echo "installed: $prefix/bin/errcat ($("$prefix/bin/errcat" --version))"
