import ErrorCatalog
import Foundation
import Testing
@testable import CatalogReview

/// The catalog writer (`CatalogWriter`, on `JSONWriter`'s catalog-file layout) and the one reader
/// (`CatalogDocument`) are inverse: the bundled files come back byte for byte, and documents full
/// of hostile text survive a write and a read unchanged.
@Suite struct CatalogFileLayoutTests {
    @Test(arguments: ["en.json", "de.json"])
    func bundledFilesRenderByteIdentically(file: String) throws {
        let text = try String(contentsOfFile: Fixture.bundled + "/" + file, encoding: .utf8)
        var problems: [CatalogProblem] = []
        let document = try #require(CatalogDocument.readFile(bytes: Data(text.utf8), name: file, problems: &problems))
        #expect(problems.isEmpty)
        #expect(CatalogWriter.text(of: document) == text)
    }

    /// Random documents of hostile text: written, read back, and compared field by field.
    @Test func hostileDocumentsSurviveAWriteAndARead() throws {
        var rng = SeededRandomNumberGenerator(seed: 0xCA7A)
        let pieces = ["\u{0}", "\u{8}", "\u{9}", "\u{A}", "\u{C}", "\u{D}", "\u{1B}", "\u{1F}", "\u{7F}", "\u{85}", "\u{2028}", "\u{FEFF}",
                      "\"", "\\", "/", "\u{202E}", "\u{200F}", "\u{FFFD}", "👩🏽‍💻", "e\u{301}", "ü", " ", "{x}", "a"]
        func text() -> String { (0..<Int.random(in: 1...6, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined() }
        for round in 0..<200 {
            let codes = (0..<Int.random(in: 1...4, using: &rng)).map { index -> DocumentCode in
                var code = DocumentCode(code: "Code\(index)", status: 400 + index,
                                        placeholders: [DocumentPlaceholder(name: "x", type: "string", rejected: Bool.random(using: &rng),
                                                                           description: Bool.random(using: &rng) ? text() : nil)],
                                        templates: [DocumentTemplate(id: "docs", pattern: text(), origin: Bool.random(using: &rng) ? text() : nil,
                                                                     note: Bool.random(using: &rng) ? text() : nil)])
                code.description = text()
                code.hint = Bool.random(using: &rng) ? text() : nil
                code.observed = Bool.random(using: &rng) ? [DocumentTemplate(id: "seen", pattern: text())] : nil
                return code
            }
            let file = DocumentFile(fileName: "en.json", catalog: text(), locale: "en", codes: codes)
            let written = CatalogWriter.text(of: file)
            var problems: [CatalogProblem] = []
            let read = try #require(CatalogDocument.readFile(bytes: Data(written.utf8), name: "en.json", problems: &problems), "round \(round)")
            #expect(problems.filter { $0.check != "json" }.isEmpty, "round \(round): \(problems)")
            #expect(read.catalog == file.catalog)
            #expect(read.codes.map(\.code) == file.codes.map(\.code))
            for (a, b) in zip(read.codes, file.codes) {
                #expect(a.templates.map(\.pattern) == b.templates.map(\.pattern))
                #expect(a.templates.map(\.origin) == b.templates.map(\.origin) && a.templates.map(\.note) == b.templates.map(\.note))
                #expect(a.observed?.map(\.pattern) == b.observed?.map(\.pattern))
                #expect(a.description == b.description && a.hint == b.hint)
                #expect(a.placeholders?.map(\.description) == b.placeholders?.map(\.description))
                #expect(a.placeholders?.map(\.rejected) == b.placeholders?.map(\.rejected))
            }
            // Foundation's parser agrees with ours on every text.
            let foundation = try JSONSerialization.jsonObject(with: Data(written.utf8)) as? [String: Any]
            #expect(foundation?["catalog"] as? String == file.catalog)
        }
        // Escaped beyond Python's set, on purpose: DEL, C1, U+2028/2029, U+FEFF.
        #expect(JSONWriter.string(.string("\u{7F}\u{85}\u{2028}"), layout: .catalogFile) == #""\u007f\u0085\u2028""#)
    }
}
