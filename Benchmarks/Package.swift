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
        // The baselines' libraries: system ICU (umsg_format) for compiler and linker flags only, and
        // RE2. Swift sees neither: BaselineShim's header has stdint types only.
        .systemLibrary(name: "CICUBench", pkgConfig: "icu-i18n", providers: [.apt(["libicu-dev"])]),
        // RE2 (Debian libre2-dev: headers in /usr/include, .ci/run installs it when missing) is linked
        // by name: its re2.pc only adds -pthread, which SwiftPM drops with a warning.
        .target(name: "BaselineShim", dependencies: ["CICUBench"], linkerSettings: [.linkedLibrary("re2")]),
        .executableTarget(
            name: "FormatBenchmark",
            dependencies: [
                "BaselineShim",
                .product(name: "MessageFormatting", package: "defender-errcat"),
                .product(name: "ErrorCatalog", package: "defender-errcat"),
            ]
        ),
        .executableTarget(
            name: "MatchBenchmark",
            dependencies: [
                "BaselineShim",
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
        // `errcat parse` on a generated stream: runs the built tool (see the file's header).
        .executableTarget(
            name: "StreamBenchmark",
            dependencies: [
                .product(name: "DefenderCatalog", package: "defender-errcat"),
                .product(name: "ErrorCatalog", package: "defender-errcat"),
                .product(name: "MessageFormatting", package: "defender-errcat"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6],
    cxxLanguageStandard: .cxx17
)
