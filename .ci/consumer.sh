#!/usr/bin/env bash
# A consumer's view of the package (issue 8): a new package in a temporary directory depends on a
# tagged file:// clone of this checkout with `from: "0.1.0"`, builds, and runs from `/`, printing a
# German message and a parsed value through Catalog.defender and the generated DefenderError. It
# also turns a catalog of its own (the test fixture Tests/SmallErrors/small) into a Swift type with
# the package's command plugin, as an adopter would.
# The tag is made in the temporary clone only, never in this repository. Usage: .ci/consumer.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
start=$(date +%s)

# The committed state (CI runs on a clean clone; uncommitted edits are not part of a release).
git clone -q "$root" "$tmp/errcat"
git -C "$tmp/errcat" tag -l | xargs -r git -C "$tmp/errcat" tag -d >/dev/null
git -C "$tmp/errcat" -c user.name=ci -c user.email=ci@localhost tag -a 0.1.0 -m "consumer check"

mkdir -p "$tmp/consumer/Sources/Consumer"
cp -R "$root/Tests/SmallErrors/small" "$tmp/consumer/Sources/Consumer/small"
cat > "$tmp/consumer/Package.swift" <<MANIFEST
// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "consumer",
    dependencies: [
        .package(url: "file://$tmp/errcat", from: "0.1.0"),
    ],
    targets: [
        .executableTarget(name: "Consumer", dependencies: [
            .product(name: "DefenderCatalog", package: "errcat"),
            .product(name: "DefenderErrors", package: "errcat"),
            .product(name: "ErrorCatalog", package: "errcat"),
            .product(name: "MessageFormatting", package: "errcat"),
            .product(name: "CatalogErrors", package: "errcat"),
        ], resources: [.copy("small")]),
    ]
)
MANIFEST
cat > "$tmp/consumer/Sources/Consumer/main.swift" <<'SWIFT'
import DefenderCatalog
import DefenderErrors
import ErrorCatalog
import Foundation
import MessageFormatting

enum SmallCatalog {
    static func load() throws -> Catalog {
        try Catalog.load(directory: Bundle.module.url(forResource: "small", withExtension: nil)!.path)
    }
}

let catalog = try Catalog.defender
let formatter = try CatalogFormatter(catalog: catalog)
print(try formatter.format(code: "InvalidHashValue", values: ["hash": .text("xyz")], locale: "de"))

let error = DefenderError.maximumBatchSizeExceeded(received: 1200, allowed: 1000)
print(try error.message(locale: "de"))

if case .maximumBatchSizeExceeded(let received, let allowed)? =
    DefenderError(message: "Die maximale Batchgröße wurde überschritten. Empfangen: 1.500, zulässig: 1.000.") {
    print("received \(received), allowed \(allowed)")
}

print(try QuotaError.quotaExceeded(used: 1200, limit: 1000).message(locale: "de"))
print(QuotaError(message: "Quota exceeded: 5 of 4 requests used.").map { "\($0)" } ?? "no match")
SWIFT

echo "== generating QuotaError from the consumer's own catalog (command plugin)"
plugin_start=$(date +%s)
(cd "$tmp/consumer" && swift package --allow-writing-to-package-directory generate-error-types \
  --catalog Sources/Consumer/small --type QuotaError --catalog-expression 'SmallCatalog.load()' --access internal \
  -o Sources/Consumer/QuotaError.swift 2>&1 | tail -1)
plugin_seconds=$(( $(date +%s) - plugin_start ))

echo "== building the consumer (dependency: file://…/errcat from 0.1.0)"
build_start=$(date +%s)
swift build --package-path "$tmp/consumer" 2>&1 | tail -3
build_seconds=$(( $(date +%s) - build_start ))
bin="$(swift build --package-path "$tmp/consumer" --show-bin-path)"

echo "== running it from /"
out="$(cd / && "$bin/Consumer")"
printf '%s\n' "$out"
expected="Der Hashwert xyz ist ungültig.
Die maximale Batchgröße wurde überschritten. Empfangen: 1.200, zulässig: 1.000.
received 1500, allowed 1000
Kontingent überschritten: 1.200 von 1.000 Anforderungen verbraucht.
quotaExceeded(used: 5, limit: 4)"
if [ "$out" != "$expected" ]; then
  echo "consumer: unexpected output; expected:"; printf '%s\n' "$expected"
  exit 1
fi
echo "consumer: ok (plugin ${plugin_seconds}s, build ${build_seconds}s, total $(( $(date +%s) - start ))s)"
