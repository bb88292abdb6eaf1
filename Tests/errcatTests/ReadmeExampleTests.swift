import DefenderCatalog
import DefenderErrors
import ErrorCatalog
import Foundation
import MessageFormatting
import MessageMatching
import Testing

/// The Swift example of the README, verbatim, with its printed output checked.
@Suite struct ReadmeExampleTests {
    @Test func readmeExample() throws {
        var printed: [String] = []
        func print(_ items: Any...) { printed.append(items.map { "\($0)" }.joined(separator: " ")) }

        // --- README example begins
        let catalog = try Catalog.defender   // the bundled catalog, a SwiftPM resource: no path needed
        let formatter = try CatalogFormatter(catalog: catalog)
        print(try formatter.format(code: "MaximumBatchSizeExceeded",
                                   values: ["received": .integer(1200), "allowed": .integer(1000)],
                                   locale: "de-DE, en;q=0.5"))

        let matcher = try MessageMatcher(catalog: catalog)
        let result = matcher.match("Die maximale Batchgröße wurde überschritten. Empfangen: 1.200, zulässig: 1.000.")
        if let best = result.best {
            print(best.code, best.status, best.locale, best.values["received"]!.integer!)
        }
        // --- README example ends

        #expect(printed == [
            "Die maximale Batchgröße wurde überschritten. Empfangen: 1.200, zulässig: 1.000.",
            "MaximumBatchSizeExceeded 400 de 1200",
        ])
    }

    @Test func readmePipelineExample() throws {
        var printed: [String] = []
        func print(_ items: Any...) { printed.append(items.map { "\($0)" }.joined(separator: " ")) }
        let matcher = try MessageMatcher(catalog: try Catalog.load(directory: Errcat.packageRoot.appendingPathComponent("Catalogs/defender").path))

        // --- README pipeline example begins
        let scratch = MatchScratch()
        for line in ["Maximum batch size exceeded. Received: 1,200, allowed: 1,000.", "Machine 42 was not found"] {
            matcher.withMatch(line, scratch: scratch) { view in
                guard view.matched, let code = view.code else { return }
                if code == "MaximumBatchSizeExceeded" {
                    print(code, view.integer(of: "received")!, view.integer(of: "allowed")!)
                } else {
                    print(code, view.text(of: "entityType")!, view.text(of: "entityId")!)
                }
            }
        }
        // --- README pipeline example ends

        #expect(printed == ["MaximumBatchSizeExceeded 1200 1000", "ResourceNotFound Machine 42"])
    }

    @Test func readmeDependencyExample() throws {
        var printed: [String] = []
        func print(_ items: Any...) { printed.append(items.map { "\($0)" }.joined(separator: " ")) }

        // --- README dependency example begins
        let error = DefenderError.maximumBatchSizeExceeded(received: 1200, allowed: 1000)
        print(try error.message(locale: "de"))
        print(error.errorCode, error.recoverySuggestion != nil)

        if case .resourceNotFoundExample(let entityType, let entityId)? = DefenderError(message: "Machine 42 was not found") {
            print(entityType, entityId)
        }
        // --- README dependency example ends

        #expect(printed == [
            "Die maximale Batchgröße wurde überschritten. Empfangen: 1.200, zulässig: 1.000.",
            "400 true",
            "Machine 42",
        ])
    }

    /// The README's Swift blocks are the code of these tests, line for line.
    @Test func readmeBlocksAreTheTestedCode() throws {
        let readme = try String(contentsOf: Errcat.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let source = try String(contentsOf: URL(fileURLWithPath: #filePath), encoding: .utf8)
        func trimmed(_ text: Substring) -> String { text.trimmingCharacters(in: .whitespaces) }
        for (begin, end) in [("README example begins", "README example ends"), ("README dependency example begins", "README dependency example ends")] {
            guard let start = source.range(of: begin), let stop = source.range(of: end, range: start.upperBound..<source.endIndex) else {
                Issue.record("markers \(begin) missing"); continue
            }
            let lines = source[start.upperBound..<stop.lowerBound].split(separator: "\n").dropFirst().dropLast().map(trimmed).filter { !$0.isEmpty }
            let readmeLines = Set(readme.split(separator: "\n").map(trimmed))
            for line in lines { #expect(readmeLines.contains(line), "README lacks: \(line)") }
        }
    }
}
