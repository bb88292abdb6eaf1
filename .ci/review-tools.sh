#!/usr/bin/env bash
# Checks the translation-review outputs with the tools translators and browsers use:
#   - GNU gettext:       msgfmt --check on the exported PO
#   - translate-toolkit: po2csv / pofilter on the PO, xliff2po on the XLIFF (both must read them)
#   - Debian chromium:   loads the HTML review report headless (no console errors, the filters
#                        work) and takes a screenshot.
# Idempotent: installs only what is missing. Usage: .ci/review-tools.sh [path/to/errcat]
set -euo pipefail
cd "$(dirname "$0")/.."

ERRCAT="${1:-${ERRCAT:-}}"
if [ -z "$ERRCAT" ]; then
  swift build --product errcat >/dev/null
  ERRCAT="$(swift build --product errcat --show-bin-path)/errcat"
fi
OUT="${REVIEW_TOOLS_OUT:-.build/review-tools}"
mkdir -p "$OUT"

# --- install (only what is missing) ---------------------------------------------------------
need=()
command -v msgfmt >/dev/null 2>&1 || need+=(gettext)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
if [ ${#need[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
VENV="${REVIEW_TOOLS_VENV:-$HOME/.cache/errcat-review-tools/venv}"
if [ ! -x "$VENV/bin/po2csv" ]; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q translate-toolkit lxml
fi

fail=0
step() { printf '== %s\n' "$*"; }

# --- export ------------------------------------------------------------------------------------
step "export PO and XLIFF"
"$ERRCAT" export --format po --locale de -o "$OUT/de.po"
"$ERRCAT" export --format xliff --locale de -o "$OUT/de.xlf"

# --- gettext -------------------------------------------------------------------------------------
step "msgfmt --check"
msgfmt --check --statistics -o "$OUT/de.mo" "$OUT/de.po" || fail=1

# --- translate-toolkit -------------------------------------------------------------------------
step "translate-toolkit reads both files"
"$VENV/bin/po2csv" --progress=none "$OUT/de.po" "$OUT/de.csv" || fail=1
"$VENV/bin/xliff2po" --progress=none "$OUT/de.xlf" "$OUT/de-from-xliff.po" || fail=1
# The same number of translated units in both formats.
po_units=$(grep -c '^msgctxt ' "$OUT/de.po")
xliff_units=$(grep -c '<trans-unit ' "$OUT/de.xlf")
# xliff2po keeps every unit (plus its header entry).
converted=$(grep -c '^msgid ' "$OUT/de-from-xliff.po")
[ "$converted" = "$((xliff_units + 1))" ] || { echo "xliff2po read $((converted - 1)) of $xliff_units units"; fail=1; }
[ "$po_units" = "$xliff_units" ] || { echo "PO has $po_units units, XLIFF $xliff_units"; fail=1; }
"$VENV/bin/pofilter" --progress=none -t variables -t escapes -t doublespacing "$OUT/de.po" "$OUT/pofilter.po" || fail=1
if grep -q '^msgctxt' "$OUT/pofilter.po" 2>/dev/null; then
  echo "pofilter found issues:"; grep -B2 -A3 '^# (pofilter)' "$OUT/pofilter.po" | head -40; fail=1
fi

# --- round trip ------------------------------------------------------------------------------
step "import of the exported files leaves de.json byte-identical"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
cp Catalogs/defender/*.json "$tmp/"
for f in "$OUT/de.po" "$OUT/de.xlf"; do
  "$ERRCAT" import "$f" --catalog "$tmp"
  cmp "$tmp/de.json" Catalogs/defender/de.json || { echo "round trip of $f changed de.json"; fail=1; }
done

# --- HTML report in headless chromium --------------------------------------------------------
step "HTML report in headless chromium"
cp Catalogs/defender/*.json "$tmp/"
# A hostile translation: the report must escape it (no script runs, no element injected).
python3 - "$tmp/de.json" <<'PY'
import json, sys
p = sys.argv[1]
d = json.load(open(p, encoding="utf-8"))
for c in d["codes"]:
    if c["code"] == "InvalidUrl":
        c["templates"][0]["pattern"] = "DIE URL {url} ist ungültig ."
    if c["code"] == "InvalidHashValue":
        c["description"] = "<script>document.title='HACKED'</script><img src=x onerror=\"document.title='HACKED'\">"
open(p, "w", encoding="utf-8").write(json.dumps(d, indent=2, ensure_ascii=False) + "\n")
PY
"$ERRCAT" review --catalog "$tmp" --format html -o "$OUT/review.html" || true
CHROME_FLAGS=(--headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --disable-dev-shm-usage)
chromium "${CHROME_FLAGS[@]}" --window-size=1400,1000 --screenshot="$OUT/review.png" "file://$(realpath "$OUT/review.html")" >/dev/null 2>&1 || fail=1
[ -s "$OUT/review.png" ] || { echo "no screenshot"; fail=1; }
# The DOM after scripts ran: the filter script must have run (it writes 'findings shown'),
# and the hostile text must not have changed the title or injected an <img>.
chromium "${CHROME_FLAGS[@]}" --dump-dom "file://$(realpath "$OUT/review.html")" > "$OUT/review.dom.html" 2>/dev/null || fail=1
grep -q 'findings shown' "$OUT/review.dom.html" || { echo "the filter script did not run"; fail=1; }
if grep -q 'HACKED</title>\|<img src="x"' "$OUT/review.dom.html"; then echo "hostile text was not escaped"; fail=1; fi
grep -q '&lt;script&gt;' "$OUT/review.dom.html" || { echo "escaped hostile text missing from the page"; fail=1; }

if [ "$fail" -ne 0 ]; then echo "review tools: FAILED"; exit 1; fi
echo "review tools: ok (outputs in $OUT)"
