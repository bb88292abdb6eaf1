import CatalogReview
import DefenderCatalog
import DefenderErrors
import ErrorCatalog
import Foundation
import MessageFormatting
import MessageMatching
import Testing

/// The Swift code of the DocC getting-started articles, run here with its printed output checked;
/// `articlesShowThisCode` checks each article's Swift lines are these, so they cannot drift apart.
@Suite struct DocumentationArticleTests {
    final class Printed: @unchecked Sendable {
        var lines: [String] = []
    }

    @Test func showingAnAPIErrorToAPerson() throws {
        let printed = Printed()
        func print(_ items: Any...) { printed.lines.append(items.map { "\($0)" }.joined(separator: " ")) }

        // --- article ShowingAnAPIErrorToAPerson begins
        let body = Data(#"{"error":{"code":"InvalidHashValue","message":"Hash value xyz is invalid.","target":"43f4cb08-8fac-4b65-9db1-745c2ae65f3a"}}"#.utf8)
        if let error = DefenderError(body: body) {
            print(try error.message(locale: "de"))
            print(error.hint(locale: "de") ?? "")
            print(error.errorCode)
        }
        func submit(batch: [String]) throws {
            guard batch.count <= 1000 else {
                throw DefenderError.maximumBatchSizeExceeded(received: batch.count, allowed: 1000)
            }
        }
        do {
            try submit(batch: Array(repeating: "id", count: 1200))
        } catch let error as DefenderError {
            print(error.code, error.status, error.values["received"]!)
        }
        // --- article ShowingAnAPIErrorToAPerson ends

        #expect(printed.lines == [
            "Der Hashwert xyz ist ungültig.",
            "Senden Sie den Dateihash als 32 (MD5), 40 (SHA-1) oder 64 (SHA-256) Hexadezimalziffern.",
            "400",
            "MaximumBatchSizeExceeded 400 1200",
        ])
    }

    @Test func readingValuesInAPipeline() throws {
        let printed = Printed()
        func print(_ items: Any...) { printed.lines.append(items.map { "\($0)" }.joined(separator: " ")) }

        // --- article ReadingValuesInAPipeline begins
        let matcher = try MessageMatcher(catalog: try Catalog.defender)
        let result = matcher.match("Die maximale Batchgröße wurde überschritten. Empfangen: 1.200, zulässig: 1.000.")
        if let best = result.best {
            print(best.code, best.locale, best.values["received"]!.integer!)
        }
        let scratch = MatchScratch()
        var received: [Int64] = []
        for line in ["Maximum batch size exceeded. Received: 1,200, allowed: 1,000.", "Machine 42 was not found", "noise"] {
            matcher.withMatch(line, scratch: scratch) { view in
                if view.matched, view.code == "MaximumBatchSizeExceeded", let value = view.integer(of: "received") {
                    received.append(value)
                }
            }
        }
        print(received)
        var summaries: [String] = []
        for line in ["Machine 42 was not found", "Unauthorized request - reason of failure:"] {
            matcher.withMatch(line, scratch: scratch) { view in
                if view.matched, view.candidateCount == 1, !view.isCatchAll {
                    var fields: [String] = []
                    view.forEachValueInNameOrder { name, value in fields.append("\(name)=\(value.text)") }
                    summaries.append("\(view.code!) \(fields.joined(separator: " "))")
                } else if let best = matcher.result(of: view, message: line).best {
                    summaries.append("\(best.code) \(best.tolerances.map(\.rawValue)) reason=\"\(best.values["reason"]?.text ?? "-")\"")
                }
            }
        }
        print(summaries)
        // --- article ReadingValuesInAPipeline ends

        #expect(printed.lines == ["MaximumBatchSizeExceeded de 1200", "[1200]",
                                  #"["ResourceNotFound entityId=42 entityType=Machine", "Unauthorized [\"whitespace\"] reason=\"\""]"#])
    }

    @Test func reviewingATranslation() throws {
        let printed = Printed()
        func print(_ items: Any...) { printed.lines.append(items.map { "\($0)" }.joined(separator: " ")) }
        let catalogDirectory = try Catalog.defenderDirectory()

        // --- article ReviewingATranslation begins
        let reviewer = CatalogReviewer.forDirectory(catalogDirectory)
        let result = reviewer.review(locales: ["de"])
        print(result.errorCount)
        for finding in result.findings where finding.severity == .error {
            print(finding.location, finding.check, finding.message)
        }
        let po = try CatalogExchange.export(raw: reviewer.raw, locale: "de", format: .po)
        print(po.contains("msgctxt \"InvalidHashValue/docs\""))
        // --- article ReviewingATranslation ends

        #expect(printed.lines == ["0", "true"])
    }

    @Test func messageFormattingOverview() throws {
        // --- article MessageFormatting begins
        let formatter = try CatalogFormatter(catalog: try Catalog.defender)
        let text = try formatter.format(code: "InvalidHashValue", values: ["hash": .text("xyz")], locale: "de")
        // --- article MessageFormatting ends
        #expect(text == "Der Hashwert xyz ist ungültig.")
    }

    static let checkedArticles = [
        "Sources/DefenderErrors/DefenderErrors.docc/ShowingAnAPIErrorToAPerson.md",
        "Sources/MessageMatching/MessageMatching.docc/ReadingValuesInAPipeline.md",
        "Sources/CatalogReview/CatalogReview.docc/ReviewingATranslation.md",
        "Sources/MessageFormatting/MessageFormatting.docc/MessageFormatting.md",
    ]

    /// A page with Swift code that no test runs fails here.
    @Test func everyDocCPageWithSwiftIsChecked() throws {
        let fileManager = FileManager.default
        var pages: [String] = []
        for base in ["Sources", "Catalogs"] {
            guard let walker = fileManager.enumerator(atPath: packageRoot.appendingPathComponent(base).path) else { continue }
            while let path = walker.nextObject() as? String {
                guard path.hasSuffix(".md"), path.contains(".docc/") else { continue }
                let text = try String(contentsOf: packageRoot.appendingPathComponent("\(base)/\(path)"), encoding: .utf8)
                if text.contains("```swift") { pages.append("\(base)/\(path)") }
            }
        }
        #expect(pages.count >= 4)
        for page in pages { #expect(Self.checkedArticles.contains(page), "\(page) has Swift code that no test runs") }
    }

    @Test(arguments: [
        ("Sources/DefenderErrors/DefenderErrors.docc/ShowingAnAPIErrorToAPerson.md", "ShowingAnAPIErrorToAPerson"),
        ("Sources/MessageMatching/MessageMatching.docc/ReadingValuesInAPipeline.md", "ReadingValuesInAPipeline"),
        ("Sources/CatalogReview/CatalogReview.docc/ReviewingATranslation.md", "ReviewingATranslation"),
        ("Sources/MessageFormatting/MessageFormatting.docc/MessageFormatting.md", "MessageFormatting"),
    ])
    func articlesShowThisCode(article: String, marker: String) throws {
        let text = try String(contentsOf: packageRoot.appendingPathComponent(article), encoding: .utf8)
        let source = try String(contentsOf: URL(fileURLWithPath: #filePath), encoding: .utf8)
        guard let start = source.range(of: "// --- article \(marker) begins\n"),
              let end = source.range(of: "// --- article \(marker) ends", range: start.upperBound..<source.endIndex) else {
            Issue.record("no markers for \(marker)")
            return
        }
        let tested = Set(source[start.upperBound..<end.lowerBound].split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) })
        // Every line of every ```swift block that is not an output comment.
        var inSwift = false, lines = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") { inSwift = line == "```swift"; continue }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard inSwift, !trimmed.isEmpty, !trimmed.hasPrefix("//") else { continue }
            lines += 1
            #expect(tested.contains(trimmed), "\(article): not in the tested code: \(trimmed)")
        }
        #expect(lines >= 2)
    }
}
