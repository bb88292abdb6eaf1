#!/usr/bin/env bash
# Builds the DocC documentation of every public module with swift-docc-plugin, warnings as errors
# (a broken symbol link or a missing article fails CI). Usage: .ci/docs.sh
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
modules=(ErrorCatalog MessageSyntax MessageFormatting MessageMatching MessageTranslation CatalogReview
         DefenderCatalog CatalogErrors DefenderErrors)
targets=()
for module in "${modules[@]}"; do targets+=(--target "$module"); done
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
if ! swift package generate-documentation "${targets[@]}" --warnings-as-errors >"$log" 2>&1; then
  grep -Ev '^\[[0-9]+/[0-9]+\]' "$log" | tail -40
  echo "docs: FAILED"
  exit 1
fi
for module in "${modules[@]}"; do
  archive=".build/plugins/Swift-DocC/outputs/$module.doccarchive"
  [ -d "$archive/data/documentation" ] || { echo "docs: no archive for $module"; exit 1; }
done
echo "docs: ${#modules[@]} modules built with no warnings ($(( $(date +%s) - start ))s)"
