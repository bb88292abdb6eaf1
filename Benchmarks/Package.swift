// swift-tools-version: 6.0
// Benchmarks live in their own package so the library's manifest carries no benchmark dependency.
// Run: swift run -c release --package-path Benchmarks FormatBenchmark [N]
import PackageDescription

let package = Package(
    name: "defender-errcat-benchmarks",
    dependencies: [
        .package(name: "defender-errcat", path: ".."),
    ],
    targets: [
        .executableTarget(
            name: "FormatBenchmark",
            dependencies: [
                .product(name: "MessageFormatting", package: "defender-errcat"),
                .product(name: "ErrorCatalog", package: "defender-errcat"),
            ]
        ),
        .executableTarget(
            name: "MatchBenchmark",
            dependencies: [
                .product(name: "MessageMatching", package: "defender-errcat"),
                .product(name: "ErrorCatalog", package: "defender-errcat"),
                .product(name: "MessageFormatting", package: "defender-errcat"),
            ]
        ),
        .executableTarget(
            name: "CatalogBenchmark",
            dependencies: [
                .product(name: "ErrorCatalog", package: "defender-errcat"),
                .product(name: "MessageMatching", package: "defender-errcat"),
                .product(name: "MessageFormatting", package: "defender-errcat"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
