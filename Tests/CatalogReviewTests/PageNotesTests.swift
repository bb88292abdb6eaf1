import Testing
import ErrorCatalog
@testable import CatalogReview

/// `import-docs` keeps the page's own wording in the templates' notes, and `review` on the imported
/// catalog alone lists what the page got wrong — not only what the clean templates still show.
@Suite("import-docs page notes")
struct PageNotesTests {
    static func imported() throws -> DocsImport.Result {
        try DocsImport.read(PageNotesFixture.text, fileName: "devices.md", catalogName: "devices")
    }

    static func files(_ result: DocsImport.Result) -> [String: String] {
        [result.source.fileName: CatalogWriter.text(of: result.source), result.translation.fileName: CatalogWriter.text(of: result.translation)]
    }

    /// A finding's range, as the text it marks.
    static func marked(_ finding: ReviewFinding) -> String? {
        guard let text = finding.text, let start = finding.start, let end = finding.end else { return nil }
        return String(String.UnicodeScalarView(Array(text.unicodeScalars)[start..<end]))
    }

    @Test func theNotesKeepThePageWordingAndTheCatalogStillLoads() throws {
        let result = try Self.imported()
        let throttled = try #require(result.translation.code("Throttled")?.templates.first)
        #expect(throttled.note == "page code column (line 8): Gedrosselt (Throttled)\npage text (line 8): Zu viele Anforderungen.")
        #expect(result.source.code("QuotaExceeded")?.templates.first?.note == "page text (line 10): Quota exceeded: <requests received> of {requests allowed}.")
        #expect(result.translation.code("DeviceNotFound")?.templates.first?.note == "page text (line 9): Gerät <the requested device> wurde nicht gefunden.")
        // The clean templates themselves show none of it.
        #expect(throttled.pattern == "Zu viele Anforderungen.")
        #expect(result.translation.code("DeviceNotFound")?.templates.first?.pattern == "Gerät {device} wurde nicht gefunden.")
        _ = try Catalog.load(files: Self.files(result))
    }

    @Test func reviewOfTheImportedCatalogAloneListsThePageDefects() throws {
        let result = try Self.imported()
        let review = CatalogReviewer.forFiles(Self.files(result)).review()
        let notes = review.findings.filter { $0.field == "note" }
        func one(_ code: String, _ check: String) throws -> ReviewFinding {
            let list = notes.filter { $0.code == code && $0.check == check }
            #expect(list.count == 1, "\(code):\(check) in \(notes.map { "\($0.code ?? ""):\($0.check)" })")
            return try #require(list.first)
        }
        let column = try one("Throttled", "identifier-translated")
        #expect(column.file == "de-DE.json" && column.severity == .warning)
        #expect(Self.marked(column) == "Gedrosselt (Throttled)")
        let prose = try one("DeviceNotFound", "untranslated-segment")
        #expect(Self.marked(prose) == "<the requested device>")
        #expect(prose.line != nil && prose.column != nil)
        let mixed = try one("QuotaExceeded", "placeholder-syntax-mixed")
        #expect(mixed.file == "en.json" && mixed.severity == .info)
        #expect(Self.marked(mixed) == "<requests received> of {requests allowed}")
        // The message cell of Throttled is a fine translation: only the note shows the glossed code column.
        #expect(!review.findings.contains { $0.code == "Throttled" && $0.field == "pattern" })
        // The German page text of QuotaExceeded keeps both placeholder descriptions in English.
        #expect(notes.filter { $0.code == "QuotaExceeded" && $0.check == "untranslated-segment" }.map(Self.marked) == ["<requests received>", "{requests allowed}"])
    }

    @Test func withoutTheNotesTheseFindingsAreGone() throws {
        var result = try Self.imported()
        for file in [\DocsImport.Result.source, \DocsImport.Result.translation] {
            for i in result[keyPath: file].codes.indices {
                for j in result[keyPath: file].codes[i].templates.indices { result[keyPath: file].codes[i].templates[j].note = nil }
            }
        }
        let review = CatalogReviewer.forFiles(Self.files(result)).review()
        #expect(!review.findings.contains { $0.field == "note" })
        #expect(!review.findings.contains { $0.check == "placeholder-syntax-mixed" || $0.check == "identifier-translated" })
    }

    @Test func aDescriptionOnlyRowsFindingIsReportedAsNotKept() throws {
        let result = try Self.imported()
        #expect(result.notKept.map { "\($0.code ?? ""):\($0.check)" } == ["General:identifier-translated"])
        #expect(result.translation.code("General")?.templates.isEmpty == true)
    }

    @Test(arguments: [
        ("page text (line 3): a <b> c", [PageNote.Line(key: "page text", line: 3, value: "a <b> c", offset: 20)]),
        ("maintainer remark\npage code column: X (Y)", [PageNote.Line(key: "page code column", line: nil, value: "X (Y)", offset: 36)]),
        ("page textual: no", []),
    ])
    func notesParse(_ note: String, _ expected: [PageNote.Line]) {
        #expect(PageNote.parse(note) == expected)
        for line in PageNote.parse(note) {
            #expect(String(String.UnicodeScalarView(Array(note.unicodeScalars)[line.offset...].prefix(line.value.unicodeScalars.count))) == line.value)
        }
    }
}
