// swift-tools-version: 6.0
// Fuzz targets live in their own package (like Benchmarks/) so the library's manifest and build
// are untouched. Build (libFuzzer + AddressSanitizer, see Fuzz/README.md):
//   swift build -c release --package-path Fuzz -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
// Run one target: Fuzz/.build/release/errcat-fuzz <target> [libFuzzer options] [corpus dirs]
import PackageDescription

let package = Package(
    name: "defender-errcat-fuzz",
    dependencies: [
        .package(name: "defender-errcat", path: ".."),
    ],
    targets: [
        .executableTarget(
            name: "errcat-fuzz",
            dependencies: [
                .product(name: "MessageSyntax", package: "defender-errcat"),
                .product(name: "ErrorCatalog", package: "defender-errcat"),
                .product(name: "MessageFormatting", package: "defender-errcat"),
                .product(name: "MessageMatching", package: "defender-errcat"),
                .product(name: "CatalogReview", package: "defender-errcat"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
