import Foundation
import Testing
import ErrorCatalog
@testable import CatalogReview

/// The docs pages under `Tests/Fixtures/docs-pages` (written by hand for these tests; the CLI tests
/// read the same files).
enum DocsPages {
    static let directory = Fixture.root + "/Tests/Fixtures/docs-pages"
    static func text(_ name: String) throws -> String { try String(contentsOfFile: directory + "/" + name, encoding: .utf8) }

    static func files(_ result: DocsImport.Result) -> [String: String] {
        [result.source.fileName: CatalogWriter.text(of: result.source), result.translation.fileName: CatalogWriter.text(of: result.translation)]
    }

    /// `code:check` of every finding of one file and field.
    static func checks(_ findings: [ReviewFinding], file: String, field: String? = nil) -> Set<String> {
        Set(findings.filter { $0.file == file && (field == nil || $0.field == field) }.map { "\($0.code ?? ""):\($0.check)" })
    }

    static func marked(_ finding: ReviewFinding) -> String? {
        guard let text = finding.text, let start = finding.start, let end = finding.end else { return nil }
        return String(String.UnicodeScalarView(Array(text.unicodeScalars)[start..<end]))
    }
}

@Suite("Markdown tables in any layout")
struct MarkdownTableTests {
    @Test(arguments: [
        ("a | b | c", ["a", "b", "c"]),
        ("| a | b | c |", ["a", "b", "c"]),
        ("a |b |c", ["a", "b", "c"]),
        ("|a|b|c", ["a", "b", "c"]),
        ("a|b|c|", ["a", "b", "c"]),
        (#"  | x \| y | b |  "#, ["x | y", "b"]),
        (#"a \| b | c"#, ["a | b", "c"]),
        ("a | | c", ["a", "", "c"]),
    ])
    func cellsOfARow(_ line: String, _ expected: [String]) {
        #expect(MarkdownTable.cells(line) == expected)
    }

    @Test func aLineWithoutAnUnescapedPipeIsNoRow() {
        #expect(MarkdownTable.cells("Just text.") == nil)
        #expect(MarkdownTable.cells(#"Only \| escaped"#) == nil)
    }

    @Test(arguments: ["-|-|-", "|---|---|---|", ":---|:---|:---", " :-: | ---: |:--", "|-|"])
    func delimiterRows(_ line: String) {
        #expect(MarkdownTable.isDelimiterRow(line))
    }

    @Test(arguments: ["---", "a|b", "--|x", "|:|", "| |---|"])
    func notDelimiterRows(_ line: String) {
        #expect(!MarkdownTable.isDelimiterRow(line))
    }

    /// One small bilingual table written in every layout GFM allows imports to the same catalog.
    static let layouts: [(header: String, delimiter: String, open: String, separator: String, close: String)] = [
        ("Fehlercode | HTTP-Statuscode | Meldung", "-|-|-", "", " | ", ""),
        ("| Fehlercode | HTTP-Statuscode | Meldung |", "|:---|:---:|---:|", "| ", " | ", " |"),
        ("Fehlercode |HTTP-Statuscode |Message", ":---|:---|:---", "", " |", ""),
        ("|Fehlercode|HTTP-Statuscode|Meldung", "|---|---|---", "|", "|", ""),
    ]

    static func span(_ id: Int, _ target: String, _ source: String) -> String {
        #"<span data-ttu-id="f-\#(id)">\#(target)</span><span class="sxs-lookup"><span data-stu-id="f-\#(id)">\#(source)</span></span>"#
    }

    static func page(_ layout: Int) -> String {
        let (header, delimiter, open, separator, close) = layouts[layout]
        func row(_ a: String, _ b: String, _ c: String) -> String { open + [a, b, c].joined(separator: separator) + close }
        let rows = [
            row(span(1, "InvalidColor", "InvalidColor"), span(2, "BadRequest (400)", "BadRequest (400)"),
                span(3, #"Farbe {die ungültige Farbe} ist ungültig (rot \| grün)."#, #"Color {the invalid color} is invalid (red \| green)."#)),
            row(span(4, "Denied", "Denied"), span(5, "Verboten (403)", "Forbidden (403)"), span(6, "Verweigert.", "Denied.")),
        ]
        return (["---", "ms.contentlocale: de-DE", "---", "", header, delimiter] + rows + [""]).joined(separator: "\n")
    }

    @Test(arguments: 0..<4)
    func everyLayoutImportsTheSameCatalog(_ layout: Int) throws {
        let result = try DocsImport.read(Self.page(layout), fileName: "layout.md")
        let reference = try DocsImport.read(Self.page(0), fileName: "layout.md")
        #expect(DocsPages.files(result) == DocsPages.files(reference))
        let color = try #require(result.translation.code("InvalidColor")?.templates.first)
        #expect(color.pattern == "Farbe {color} ist ungültig (rot | grün).")
        #expect(color.from == "Color {color} is invalid (red | green).")
        #expect(result.source.code("Denied")?.status == 403)
        _ = try Catalog.load(files: DocsPages.files(result))
    }

    @Test func aRowWithoutAnHTTPStatusIsRefusedWithFileAndLine() throws {
        let page = Self.page(1).replacingOccurrences(of: "Verboten (403)</span>", with: "Verboten</span>")
            .replacingOccurrences(of: "Forbidden (403)</span>", with: "Forbidden</span>")
        let failure = try #require(throws: DocsImport.Failure.self) { try DocsImport.read(page, fileName: "layout.md") }
        #expect(failure.description == "layout.md:8: the status column of Denied has no HTTP status: 'Forbidden'; expected a number from 100 to 599, e.g. 'BadRequest (400)'")
    }
}

@Suite("import-docs: table rows that do not fit")
struct DocsTableRowTests {
    static let english = """
    ---
    ms.contentlocale: en-US
    ---
    Error code | HTTP status code | Message
    -|-|-
    InvalidColor | BadRequest (400) | Color \\<the invalid color\\> is invalid (red | green).
    TooManyWidgets | BadRequest (400) | Too many widgets: \\<widgets received\\> of {widgets allowed}.

    """
    static let italian = """
    ---
    ms.contentlocale: it-IT
    ---
    Codice di errore | Codice di stato HTTP | Messaggio
    -|-|-
    InvalidColor | BadRequest (400) | Il colore \\<il colore non valido\\> non è valido (rosso \\| verde).
    TooManyWidgets | BadRequest (400) | Troppi widget: \\<widget ricevuti\\>.

    """

    @Test func anUnescapedPipeAndAMissingPlaceholderAreReportedWithFileAndLine() throws {
        let result = try DocsImport.readPair(source: Self.english, sourceName: "en.md", translation: Self.italian, translationName: "it.md")
        let cells = try #require(result.findings.first { $0.check == "table-cells" })
        #expect(cells.location == "en.md:6" && cells.expected == #"write a '|' inside a cell as '\|'"#)
        #expect(result.source.code("InvalidColor")?.templates.first?.pattern == "Color {color} is invalid (red | green).")
        #expect(result.translation.code("InvalidColor")?.templates.first?.pattern == "Il colore {color} non è valido (rosso | verde).")
        let missing = try #require(result.findings.first { $0.check == "placeholder-missing" })
        #expect(missing.location == "it.md:7: TooManyWidgets" && missing.locale == "it-IT")
        // The loader refuses the translation that drops {allowed}: check and review say so.
        #expect(throws: CatalogLoadError.self) { try Catalog.load(files: DocsPages.files(result)) }
        let review = CatalogReviewer.forFiles(DocsPages.files(result)).review()
        #expect(review.findings.contains { $0.check == "placeholder-missing" && $0.file == "it-IT.json" && $0.code == "TooManyWidgets" })
    }
}

@Suite("import-docs: the Defender for Endpoint page layout")
struct EndpointPageImportTests {
    static func imported() throws -> DocsImport.Result {
        try DocsImport.read(try DocsPages.text("endpoint-de-DE.md"), fileName: "endpoint-de-DE.md", catalogName: "endpoint")
    }

    @Test func theCompactTableWithAlignmentColonsImports() throws {
        let result = try Self.imported()
        #expect(result.source.codes.map(\.code) == ["BadRequest", "InvalidInput", "InvalidHashValue", "InvalidIpAddress", "InvalidUrl",
                                                     "MaximumBatchSizeExceeded", "ClientVersionNotSupported", "Unauthorized", "TooManyRequests",
                                                     "ResourceNotFound"])
        #expect(result.translation.locale == "de-DE")
        #expect(result.source.code("TooManyRequests")?.status == 429)
        let catalog = try Catalog.load(files: DocsPages.files(result))
        #expect(catalog.locales == ["en", "de-DE"])
    }

    @Test func curlyPlaceholdersWithTranslatedDescriptionsBecomeTheSourcePlaceholders() throws {
        let result = try Self.imported()
        func patterns(_ code: String) -> (String?, String?) {
            (result.source.code(code)?.templates.first?.pattern, result.translation.code(code)?.templates.first?.pattern)
        }
        #expect(patterns("InvalidHashValue") == ("Hash value {hash} is invalid.", "Hashwert {hash} ist ungültig."))
        let hash = try #require(result.source.code("InvalidHashValue")?.placeholders?.first)
        #expect(hash.type == "hash" && hash.rejected && hash.description == "the invalid hash")
        #expect(patterns("ClientVersionNotSupported") == ("{action} is supported on client version {clientVersion} and above.",
                                                          "{action} wird ab der Clientversion {clientVersion} unterstützt."))
        #expect(patterns("MaximumBatchSizeExceeded").1 == "Die maximale Batchgröße wurde überschritten. Received: {received}, allowed: {allowed}.")
        #expect(patterns("ResourceNotFound").1 == "Ressource {resource} wurde nicht gefunden.")
        // A translated description is not an English leftover; the English ones are.
        let leftovers = result.findings.filter { $0.check == "untranslated-segment" }.map { $0.code ?? "" }
        #expect(leftovers == ["MaximumBatchSizeExceeded", "MaximumBatchSizeExceeded"])
    }

    @Test func reorderedTranslatedPlaceholdersAreMatchedByTheirWords() throws {
        let page = try DocsPages.text("endpoint-de-DE.md").replacingOccurrences(
            of: "{Die angeforderte Aktion} wird ab der Clientversion {unterstützte Clientversion} unterstützt.",
            with: "Ab der Clientversion {unterstützte Clientversion} wird {die angeforderte Aktion} unterstützt.")
        let result = try DocsImport.read(page, fileName: "endpoint-de-DE.md")
        #expect(result.translation.code("ClientVersionNotSupported")?.templates.first?.pattern
                == "Ab der Clientversion {clientVersion} wird {action} unterstützt.")
        #expect(DocsImport.sharedWords("unterstützte Clientversion", "supported client version") == 2)
        #expect(DocsImport.sharedWords("die angeforderte Aktion", "The requested action") == 1)
        #expect(DocsImport.sharedWords("taille de lot reçue", "batch size received") == 0)
    }

    @Test func descriptionsOfTheEndpointPageStayDescriptions() throws {
        let result = try Self.imported()
        let throttled = try #require(result.source.code("TooManyRequests"))
        #expect(throttled.templates.isEmpty)
        #expect(throttled.description == "Response will represent reaching quota limit either by number of requests or by CPU.")
        #expect(result.translation.code("TooManyRequests")?.description?.hasPrefix("Die Antwort zeigt an") == true)
        #expect(result.source.code("Unauthorized")?.description == "Note: Usually caused by an invalid or expired authorization header.")
    }

    @Test func reviewFindsTheMachineTranslationDefectsInGerman() throws {
        let result = try Self.imported()
        let review = CatalogReviewer.forFiles(DocsPages.files(result)).review()
        let found = DocsPages.checks(review.findings, file: "de-DE.json")
        for expected in ["InvalidInput:whitespace", "InvalidUrl:capitalisation", "InvalidIpAddress:placeholder-position",
                         "MaximumBatchSizeExceeded:untranslated-segment", "Unauthorized:identifier-translated"] {
            #expect(found.contains(expected), "\(expected) missing from \(found.sorted())")
        }
        #expect(!found.contains("InvalidHashValue:untranslated-segment"), "{der ungültige Hash} is German")
        #expect(!review.hasErrors, "\(ReviewReport.text(review))")
    }
}

@Suite("import-docs: an English page and its translation side by side")
struct PagePairImportTests {
    static func imported() throws -> DocsImport.Result {
        try DocsImport.readPair(source: try DocsPages.text("endpoint-en.md"), sourceName: "endpoint-en.md",
                                translation: try DocsPages.text("endpoint-fr-FR.md"), translationName: "endpoint-fr-FR.md", catalogName: "endpoint")
    }

    @Test func rowsAreAlignedByCodeAndTheCatalogLoads() throws {
        let result = try Self.imported()
        #expect(result.translation.locale == "fr-FR")
        #expect(result.source.codes.map(\.code) == ["BadRequest", "InvalidInput", "InvalidHashValue", "InvalidIpAddress", "MaximumBatchSizeExceeded",
                                                     "OsPlatformNotSupported", "Unauthorized", "DisabledFeature", "ResourceNotFound"])
        #expect(result.translation.codes.map(\.code) == result.source.codes.map(\.code))
        let catalog = try Catalog.load(files: DocsPages.files(result))
        #expect(catalog.locales == ["en", "fr-FR"])
        func patterns(_ code: String) -> (String?, String?) {
            (result.source.code(code)?.templates.first?.pattern, result.translation.code(code)?.templates.first?.pattern)
        }
        #expect(patterns("InvalidHashValue") == ("Hash value {hash} is invalid.", "La valeur de hachage {hash} n'est pas Valide."))
        #expect(patterns("MaximumBatchSizeExceeded") == ("Maximum batch size exceeded. Received: {received}, allowed: {allowed}.",
                                                         "Taille de lot maximale dépassée. Received: {received}, allowed: {allowed}."))
        #expect(patterns("InvalidIpAddress").1 == "La {ipAddress} adresse IP n'est pas valide.")
        #expect(result.translation.code("Unauthorized")?.description == "Remarque : généralement causé par un en-tête d'autorisation non valide ou expiré.")
        // Notes point at each page's own line.
        #expect(result.source.code("InvalidInput")?.templates.first?.note == "page text (line 14): Invalid input <the invalid input>.")
        #expect(result.translation.code("InvalidInput")?.templates.first?.note == "page text (line 15): Entrée non valide <the invalid input> .")
        #expect(result.translation.code("Unauthorized")?.templates.first?.note
                == "page code column (line 20): Non autorisé (Unauthorized)\npage text (line 20): Non autorisé (Unauthorized)")
    }

    @Test func rowsInOnePageOnlyAreReportedWithFileAndLine() throws {
        let result = try Self.imported()
        let unmatched = result.findings.filter { $0.check == "row-unmatched" }.map(\.location)
        #expect(unmatched.sorted() == ["endpoint-en.md:20: Forbidden", "endpoint-en.md:23: TooManyRequests", "endpoint-fr-FR.md:21"])
        let interdit = try #require(result.findings.first { $0.check == "row-unmatched" && $0.file == "endpoint-fr-FR.md" })
        #expect(interdit.message.contains("'Interdit'") && interdit.message.contains("endpoint-en.md"))
        let glossed = try #require(result.findings.first { $0.check == "identifier-translated" })
        #expect(glossed.file == "endpoint-fr-FR.md" && glossed.line == 20 && glossed.code == "Unauthorized")
    }

    @Test func aCodeColumnWithAnAlteredIdentifierIsAlignedAndReported() throws {
        let french = try DocsPages.text("endpoint-fr-FR.md").replacingOccurrences(of: "\nInvalidHashValue |", with: "\nInvalidHashValeur |")
        let result = try DocsImport.readPair(source: try DocsPages.text("endpoint-en.md"), sourceName: "endpoint-en.md",
                                             translation: french, translationName: "endpoint-fr-FR.md")
        #expect(result.translation.code("InvalidHashValue")?.templates.first?.pattern == "La valeur de hachage {hash} n'est pas Valide.")
        let altered = try #require(result.findings.first { $0.check == "identifier-translated" && $0.code == "InvalidHashValue" })
        #expect(altered.location == "endpoint-fr-FR.md:16: InvalidHashValue")
        #expect(altered.message == "the code column shows \"InvalidHashValeur\" instead of the identifier 'InvalidHashValue'")
        #expect(!result.findings.contains { $0.check == "row-unmatched" && $0.line == 16 })
    }

    @Test func reviewFindsTheMachineTranslationDefectsInFrench() throws {
        let result = try Self.imported()
        let review = CatalogReviewer.forFiles(DocsPages.files(result)).review()
        #expect(review.locales == ["fr-FR"])
        let french = review.findings.filter { $0.file == "fr-FR.json" }
        func one(_ code: String, _ check: String, field: String = "pattern") throws -> ReviewFinding {
            let hits = french.filter { $0.code == code && $0.check == check && $0.field == field }
            return try #require(hits.first, "\(code):\(check) (\(field)) missing from \(french.map { "\($0.code ?? ""):\($0.check):\($0.field ?? "")" })")
        }
        // A space before the final period.
        let space = try one("InvalidInput", "whitespace")
        #expect(DocsPages.marked(space) == " .")
        // Odd capitals in mid-sentence (French does not capitalise nouns or adjectives).
        #expect(DocsPages.marked(try one("InvalidHashValue", "capitalisation")) == "Valide")
        // The placeholder moved into the noun phrase.
        #expect(DocsPages.marked(try one("InvalidIpAddress", "placeholder-position")) == "La {ipAddress} adresse")
        // English segment left untranslated.
        #expect(try one("MaximumBatchSizeExceeded", "untranslated-segment").message.contains("'Received'"))
        // The translated (glossed) code identifier, in the text and in the code column.
        #expect(DocsPages.marked(try one("Unauthorized", "identifier-translated")) == "Non autorisé (Unauthorized)")
        #expect(DocsPages.marked(try one("Unauthorized", "identifier-translated", field: "note")) == "Non autorisé (Unauthorized)")
        // Placeholder descriptions left in English on the page.
        #expect(DocsPages.marked(try one("InvalidIpAddress", "untranslated-segment", field: "note")) == #"<the invalid IP>"#)
        // French words shared with English are not "untranslated"; French spacing before ':' is right.
        #expect(!french.contains { $0.code == "OsPlatformNotSupported" && $0.check == "untranslated-segment" }, "'action' is French")
        #expect(!french.contains { $0.code == "Unauthorized" && $0.field == "description" && $0.check == "whitespace" }, "'Remarque :'")
        #expect(!review.hasErrors, "\(ReviewReport.text(review))")
    }

    @Test func aTranslationWithoutALocaleOrARowlessPageIsRefusedClearly() throws {
        let english = try DocsPages.text("endpoint-en.md")
        let noLocale = try DocsPages.text("endpoint-fr-FR.md").replacingOccurrences(of: "ms.contentlocale: fr-FR\n", with: "")
        let missing = try #require(throws: DocsImport.Failure.self) {
            try DocsImport.readPair(source: english, sourceName: "en.md", translation: noLocale, translationName: "fr.md")
        }
        #expect(missing.description.hasPrefix("fr.md: ") && missing.description.contains("--locale"))
        let given = try DocsImport.readPair(source: english, sourceName: "en.md", translation: noLocale, translationName: "fr.md", locale: "fr")
        #expect(given.translation.locale == "fr")

        let noTable = try #require(throws: DocsImport.Failure.self) {
            try DocsImport.readPair(source: english, sourceName: "en.md", translation: "# Codes\n\nRien ici.\n", translationName: "fr.md", locale: "fr")
        }
        #expect(noTable.description.hasPrefix("fr.md: no error table found; expected a Markdown table"))

        let badStatus = english.replacingOccurrences(of: "| InvalidInput | BadRequest (400) |", with: "| InvalidInput | BadRequest |")
        let status = try #require(throws: DocsImport.Failure.self) {
            try DocsImport.readPair(source: badStatus, sourceName: "en.md", translation: try DocsPages.text("endpoint-fr-FR.md"), translationName: "fr.md")
        }
        #expect(status.description.hasPrefix("en.md:14: the status column of InvalidInput has no HTTP status"))
    }

    @Test func anotherTableBeforeTheErrorTableIsSkipped() throws {
        let other = "| Platform | Supported | Notes |\n|---|---|---|\n| Windows | Yes | Version 1809 and later |\n\n"
        let english = try DocsPages.text("endpoint-en.md").replacingOccurrences(of: "| Error code |", with: other + "| Error code |")
        let french = try DocsPages.text("endpoint-fr-FR.md").replacingOccurrences(of: "Code d'erreur |",
            with: "Plateforme | Prise en charge | Remarques\n-|-|-\nWindows | Oui | Version 1809 et ultérieures\n\nCode d'erreur |")
        let result = try DocsImport.readPair(source: english, sourceName: "en.md", translation: french, translationName: "fr.md")
        #expect(result.source.codes.first?.code == "BadRequest")
        #expect(result.translation.codes.count == 9)
        let bilingual = try DocsPages.text("endpoint-de-DE.md").replacingOccurrences(of: "Fehlercode |HTTP-Statuscode |Message",
            with: MarkdownTableTests.span(90, "Windows", "Windows") + " | " + MarkdownTableTests.span(91, "Ja", "Yes") + " | x\n-|-|-\n"
                + MarkdownTableTests.span(92, "Windows", "Windows") + " | " + MarkdownTableTests.span(93, "Ja", "Yes") + " | x\n\nFehlercode |HTTP-Statuscode |Message")
        #expect(try DocsImport.read(bilingual, fileName: "de.md").source.codes.count == 10)
    }

    @Test func theSourcePageMustBeEnglish() throws {
        let french = try DocsPages.text("endpoint-fr-FR.md")
        let failure = try #require(throws: DocsImport.Failure.self) {
            try DocsImport.readPair(source: french, sourceName: "fr.md", translation: french, translationName: "fr2.md")
        }
        #expect(failure.description == "fr.md: the source page is in fr-FR (ms.contentlocale); give the English page as --source")
    }

    @Test func aPageWithoutSpansNamesThePairImport() throws {
        let failure = try #require(throws: DocsImport.Failure.self) {
            try DocsImport.read(try DocsPages.text("endpoint-fr-FR.md"), fileName: "endpoint-fr-FR.md")
        }
        #expect(failure.description.hasPrefix("endpoint-fr-FR.md:12: the table has no sxs-lookup span pairs"))
        #expect(failure.description.contains("--source EN.md --translation endpoint-fr-FR.md"))
    }
}
