// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "defender-errcat",
    products: [
        .library(name: "ErrorCatalog", targets: ["ErrorCatalog"]),
        .library(name: "MessageSyntax", targets: ["MessageSyntax"]),
        .library(name: "MessageFormatting", targets: ["MessageFormatting"]),
        .library(name: "MessageMatching", targets: ["MessageMatching"]),
        .library(name: "MessageTranslation", targets: ["MessageTranslation"]),
        .library(name: "CatalogReview", targets: ["CatalogReview"]),
        .executable(name: "errcat", targets: ["errcat"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // The system ICU (Debian libicu-dev): flags only, never imported from Swift.
        .systemLibrary(name: "CICU", pkgConfig: "icu-i18n", providers: [.apt(["libicu-dev"])]),
        // Thin C/C++ facade over ICU. Its public headers use only <stdint.h> types and opaque handles.
        .target(name: "ICUShim", dependencies: ["CICU"], cxxSettings: [.unsafeFlags(["-std=c++17"])]),
        // ICU MessageFormat (MF1) syntax: parser, AST with positions, printer. No ICU, no Foundation.
        .target(name: "MessageSyntax"),
        // The catalog model: codes, typed placeholders, templates per locale; loading and validation.
        .target(name: "ErrorCatalog", dependencies: ["MessageSyntax"]),
        // ICU-backed rendering of catalog templates.
        .target(name: "MessageFormatting", dependencies: ["ErrorCatalog", "MessageSyntax", "ICUShim"]),
        // Reverse parser: received message -> code, locale, typed values.
        .target(name: "MessageMatching", dependencies: ["ErrorCatalog", "MessageSyntax"]),
        // Parse in one locale, render in another with the same values.
        .target(name: "MessageTranslation", dependencies: ["ErrorCatalog", "MessageFormatting", "MessageMatching"]),
        // Translation review: checks, reports (text, JSON, SARIF, HTML), PO/XLIFF exchange, pseudo-locale.
        .target(name: "CatalogReview", dependencies: ["ErrorCatalog", "MessageSyntax", "MessageMatching", "ICUShim"]),
        // The command-line tool.
        .executableTarget(
            name: "errcat",
            dependencies: [
                "ErrorCatalog", "MessageFormatting", "MessageMatching", "MessageTranslation", "MessageSyntax", "CatalogReview",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            resources: []
        ),
        .testTarget(name: "MessageSyntaxTests", dependencies: ["MessageSyntax", "ICUShim"]),
        .testTarget(name: "ErrorCatalogTests", dependencies: ["ErrorCatalog"]),
        .testTarget(name: "MessageFormattingTests", dependencies: ["MessageFormatting", "ErrorCatalog", "ICUShim"]),
        .testTarget(name: "MessageMatchingTests", dependencies: ["MessageMatching", "MessageFormatting", "ErrorCatalog"]),
        .testTarget(name: "MessageTranslationTests", dependencies: ["MessageTranslation", "MessageMatching", "ErrorCatalog"]),
        .testTarget(name: "CatalogReviewTests", dependencies: ["CatalogReview", "ErrorCatalog", "MessageSyntax"]),
        .testTarget(name: "errcatTests", dependencies: ["errcat", "ErrorCatalog", "MessageFormatting", "MessageMatching"]),
    ],
    swiftLanguageModes: [.v6]
)
