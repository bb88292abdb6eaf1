import Testing
@testable import CatalogReview

/// One injected defect: the German pattern, the check that must fire, and where (scalar offset in the pattern).
struct Defect: Sendable, CustomStringConvertible {
    var check: String
    var target: String
    var source: String = "Hash value {hash} is invalid."
    var offset: Int?
    var from: String?
    var severity: ReviewFinding.Severity = .warning
    var description: String { "\(check): \(target)" }
}

@Suite("Review checks")
struct ChecksTests {
    @Test func bundledCatalogIsClean() throws {
        let result = CatalogReviewer.forFiles(try Fixture.bundledFiles()).review()
        #expect(result.findings.filter { $0.severity != .info } == [], "\(ReviewReport.text(result))")
        #expect(result.locales == ["de"])
        #expect(result.catalogName == "defender")
    }

    static let defects: [Defect] = [
        Defect(check: "placeholder-missing", target: "Der Hashwert ist ungültig.", offset: 0, severity: .error),
        Defect(check: "placeholder-unknown", target: "Der Hashwert {hashwert} ist ungültig.", offset: 14, severity: .error),
        Defect(check: "placeholder-type", target: "Der Hashwert {hash, number} ist ungültig.", offset: 13, severity: .error),
        Defect(check: "placeholder-broken", target: "Der Hashwert <the invalid hash> {hash} ist ungültig.", offset: 13, severity: .error),
        Defect(check: "placeholder-broken", target: "Der Hashwert '{hash}' ist ungültig.", offset: 13, severity: .error),
        Defect(check: "apostrophe", target: "Der Hashwert '{hash}' ist ungültig.", offset: 13),
        Defect(check: "syntax", target: "Der Hashwert {hash ist ungültig.", offset: 19, severity: .error),
        Defect(check: "unbalanced", target: "Der Hashwert {hash} ist ungültig (SHA-256.", offset: 33),
        Defect(check: "unbalanced", target: "Der Hashwert „{hash} ist ungültig.", offset: 13),
        Defect(check: "untranslated", target: "Hash value {hash} is invalid.", offset: 0),
        Defect(check: "untranslated-segment", target: "Batchgröße überschritten. Received: {received}, allowed: {allowed}.",
               source: "Maximum batch size exceeded. Received: {received}, allowed: {allowed}.", offset: 26),
        Defect(check: "identifier-translated", target: "Nicht autorisiert (Unauthorized) {hash}.", source: "Unauthorized {hash}.", offset: 0),
        Defect(check: "identifier-altered", target: "Der Hashwert {hash} ist für InvalidHashWert ungültig.",
               source: "Hash value {hash} is invalid for InvalidHashValue.", offset: 28, severity: .error),
        Defect(check: "whitespace", target: "Der Hashwert {hash} ist ungültig .", offset: 32),
        Defect(check: "whitespace", target: "Der  Hashwert {hash} ist ungültig.", offset: 3),
        Defect(check: "whitespace", target: " Der Hashwert {hash} ist ungültig.", offset: 0),
        Defect(check: "whitespace", target: "Der Hashwert {hash} ist ungültig. ", offset: 33),
        Defect(check: "final-punctuation", target: "Der Hashwert {hash} ist ungültig", offset: 31),
        Defect(check: "final-punctuation", target: "Der Hashwert {hash} ist ungültig!", offset: 32),
        Defect(check: "capitalisation", target: "DIE URL {hash} ist ungültig.", source: "URL {hash} is invalid.", offset: 0),
        Defect(check: "stale", target: "Der Hashwert {hash} ist ungültig.", offset: nil, from: "Hash {hash} is invalid."),
    ]

    @Test(arguments: defects)
    func eachDefectIsReportedWithItsPosition(_ defect: Defect) throws {
        let files = Fixture.catalog(placeholders: #"[{ "name": "hash", "type": "hash", "rejected": true }, { "name": "received", "type": "integer" }, { "name": "allowed", "type": "integer" }]"#,
                                    source: defect.source, target: defect.target, from: defect.from)
        let result = CatalogReviewer.forFiles(files).review()
        let hits = result.findings.filter { $0.check == defect.check && $0.file == "de.json" }
        let hit = try #require(hits.first, "no \(defect.check) in:\n\(ReviewReport.text(result))")
        #expect(hit.code == "InvalidHashValue")
        #expect(hit.variant == "docs")
        #expect(hit.locale == "de")
        #expect(hit.severity == defect.severity)
        #expect(hit.line == 2, "the de.json line of the pattern")
        if let offset = defect.offset {
            #expect(hits.contains { $0.start == offset }, "positions: \(hits.map { $0.start ?? -1 })")
        }
        if defect.severity == .error { #expect(result.hasErrors) }
    }

    @Test func theRightTextHasNoFindingsOfThoseKinds() throws {
        let files = Fixture.catalog(source: "Hash value {hash} is invalid.", target: "Der Hashwert {hash} ist ungültig.")
        let result = CatalogReviewer.forFiles(files).review()
        #expect(result.findings.isEmpty, "\(ReviewReport.text(result))")
    }

    @Test func pluralCategoriesComeFromICU() {
        #expect(PluralCategories.keywords(locale: "de") == ["one", "other"])
        #expect(PluralCategories.keywords(locale: "pl") == ["one", "few", "many", "other"])
        #expect(PluralCategories.keywords(locale: "ja") == ["other"])
        #expect(PluralCategories.keywords(locale: "en", ordinal: true) == ["one", "two", "few", "other"])
    }

    @Test(arguments: [("de", "{count, plural, other {# Elemente}}", true), ("de", "{count, plural, one {# Element} other {# Elemente}}", false),
                      ("pl", "{count, plural, one {# element} other {# elementów}}", true)])
    func pluralCategoriesTheLocaleNeeds(locale: String, target: String, reported: Bool) {
        let en = """
        { "catalog": "t", "locale": "en", "codes": [ { "code": "MaximumBatchSizeExceeded", "status": 400,
          "placeholders": [ { "name": "count", "type": "integer" } ],
          "templates": [ { "id": "docs", "pattern": "{count, plural, one {# item} other {# items}}" } ] } ] }
        """
        let other = """
        { "catalog": "t", "locale": "\(locale)", "codes": [ { "code": "MaximumBatchSizeExceeded",
          "templates": [ { "id": "docs", "pattern": "\(target)", "from": "{count, plural, one {# item} other {# items}}" } ] } ] }
        """
        let result = CatalogReviewer.forFiles(["en.json": en, "\(locale).json": other]).review()
        let hits = result.findings.filter { $0.check == "plural-categories" && $0.severity != .info }
        #expect(hits.isEmpty == !reported, "\(ReviewReport.text(result))")
        if reported { #expect(hits.first?.start == 0) }
    }

    @Test func aCatalogThatDoesNotLoadStillGetsEveryFinding() {
        // Two defects the loader rejects (missing placeholder, syntax) plus typography it accepts.
        let en = """
        { "catalog": "t", "locale": "en", "codes": [
          { "code": "InvalidHashValue", "status": 400, "placeholders": [ { "name": "hash", "type": "hash" } ],
            "templates": [ { "id": "docs", "pattern": "Hash value {hash} is invalid." } ] },
          { "code": "InvalidUrl", "status": 400, "placeholders": [ { "name": "url", "type": "url" } ],
            "templates": [ { "id": "docs", "pattern": "URL {url} is invalid." } ] },
          { "code": "InvalidInput", "status": 400, "placeholders": [ { "name": "input", "type": "string" } ],
            "templates": [ { "id": "docs", "pattern": "Invalid input {input}." } ] }
        ] }
        """
        let de = """
        { "catalog": "t", "locale": "de", "codes": [
          { "code": "InvalidHashValue", "templates": [ { "id": "docs", "pattern": "Der Hashwert ist ungültig.", "from": "Hash value {hash} is invalid." } ] },
          { "code": "InvalidUrl", "templates": [ { "id": "docs", "pattern": "DIE URL {url ist ungültig.", "from": "URL {url} is invalid." } ] },
          { "code": "InvalidInput", "templates": [ { "id": "docs", "pattern": "Ungültige Eingabe {input} .", "from": "Invalid input {input}." } ], "bogus": 1 }
        ] }
        """
        let result = CatalogReviewer.forFiles(["en.json": en, "de.json": de]).review()
        let checks = result.findings.map(\.check)
        #expect(checks.contains("placeholder-missing"))
        #expect(checks.contains("syntax"))
        #expect(checks.contains("whitespace"))
        #expect(checks.contains("catalog.unknown-key"), "the loader's structural findings are merged: \(checks)")
        #expect(result.findings.filter { $0.check == "syntax" }.first?.code == "InvalidUrl")
        #expect(result.hasErrors)
    }

    @Test func reversibilityWarnsAboutWhatTheTranslationIntroduces() throws {
        let files = Fixture.catalog(code: "ClientVersionNotSupported",
                                    placeholders: #"[{ "name": "action", "type": "identifier" }, { "name": "clientVersion", "type": "version" }]"#,
                                    source: "{action} is supported on client version {clientVersion} and above.",
                                    target: "{action}{clientVersion} wird unterstützt.")
        let result = CatalogReviewer.forFiles(files).review()
        let hit = try #require(result.findings.first { $0.check == "reversibility" && $0.file == "de.json" }, "\(ReviewReport.text(result))")
        #expect(hit.severity == .warning)
        #expect(hit.message.contains("adjacentFreeText"))
        #expect(hit.variant == "docs")
        #expect(result.skippedChecks.isEmpty)
    }

    @Test func reversibilityOfTheShippedCatalogIsExplainedAsNotes() throws {
        let result = CatalogReviewer.forFiles(try Fixture.bundledFiles()).review()
        let notes = result.findings.filter { $0.check == "reversibility" }
        #expect(notes.allSatisfy { $0.severity == .info && $0.code == "DisallowedOperation" }, "\(ReviewReport.text(result))")
        #expect(!notes.isEmpty, "'{reason}.' has no literal text: the reverse parser says so")
    }

    @Test func reversibilityIsSkippedWithAReasonWhenTheCatalogDoesNotLoad() {
        let files = Fixture.catalog(source: "Hash value {hash} is invalid.", target: "Der Hashwert ist ungültig.")
        let result = CatalogReviewer.forFiles(files).review()
        #expect(result.skippedChecks["reversibility"]?.contains("does not load") == true)
        #expect(ReviewReport.text(result).contains("note: check 'reversibility' did not run"))
    }

    @Test func observedWordingsAreNotHeldToTranslationRules() throws {
        // The bundled de.json keeps the seed's machine translation as `observed`: no typography findings for it.
        let result = CatalogReviewer.forFiles(try Fixture.bundledFiles()).review()
        #expect(!result.findings.contains { $0.field == "observed" })
    }
}
