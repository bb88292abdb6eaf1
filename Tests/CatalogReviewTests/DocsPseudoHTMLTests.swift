import Foundation
import Testing
import ErrorCatalog
import MessageSyntax
@testable import CatalogReview

@Suite("import-docs")
struct DocsImportTests {
    static func imported() throws -> DocsImport.Result {
        let text = DocsPageFixture.text
        return try DocsImport.read(text, fileName: "docs-page.md", catalogName: "widgets")
    }

    @Test func readsTheTableIntoACatalogPairThatLoads() throws {
        let result = try Self.imported()
        #expect(result.source.codes.map(\.code) == ["Widget", "InvalidColor", "TooManyWidgets", "InvalidIpAddress", "Denied"])
        #expect(result.translation.locale == "de-DE")
        let catalog = try Catalog.load(files: [result.source.fileName: CatalogWriter.text(of: result.source), result.translation.fileName: CatalogWriter.text(of: result.translation)])
        #expect(catalog.locales == ["en", "de-DE"])
        #expect(catalog.entry("Denied")?.status == 403)
    }

    @Test func prosePlaceholdersBecomeNamedTypedPlaceholdersInBothLanguages() throws {
        let result = try Self.imported()
        let batch = try #require(result.source.code("TooManyWidgets"))
        #expect(batch.placeholders?.map(\.name) == ["received", "allowed"])
        #expect(batch.placeholders?.map(\.type) == ["integer", "integer"])
        #expect(batch.templates.first?.pattern == "Too many widgets. Received: {received}, allowed: {allowed}.")
        #expect(result.translation.code("TooManyWidgets")?.templates.first?.pattern == "Zu viele Widgets. Received: {received}, allowed: {allowed}.")
        let ip = try #require(result.source.code("InvalidIpAddress")?.placeholders?.first)
        #expect(ip.name == "ipAddress" && ip.type == "ipAddress" && ip.rejected)
        #expect(result.translation.code("InvalidIpAddress")?.templates.first?.pattern == "Die {ipAddress} IP-Adresse ist ungültig.")
        #expect(result.translation.code("InvalidColor")?.templates.first?.from == "Color {color} is invalid.")
    }

    @Test func descriptionsAreKeptApartFromTemplates() throws {
        let result = try Self.imported()
        #expect(result.source.code("Widget")?.templates.isEmpty == true)
        #expect(result.source.code("Widget")?.description == "General widget error message.")
        #expect(result.source.code("Denied")?.templates.first?.pattern == "Denied")
        #expect(result.source.code("Denied")?.description == "Note: Valid token but missing permission.")
        #expect(result.translation.code("Denied")?.description == "Hinweis: Das Token ist gültig, die Berechtigung fehlt.")
    }

    @Test func thePageAndTheReviewListEveryMachineTranslationDefect() throws {
        let result = try Self.imported()
        let pageChecks = result.findings.map { "\($0.code ?? ""):\($0.check)" }
        #expect(pageChecks.contains("Denied:identifier-translated"))
        #expect(pageChecks.contains("InvalidColor:untranslated-segment"))
        #expect(pageChecks.contains("TooManyWidgets:placeholder-syntax-mixed"))
        let review = CatalogReviewer.forFiles([result.source.fileName: CatalogWriter.text(of: result.source), result.translation.fileName: CatalogWriter.text(of: result.translation)]).review()
        let found = Set(review.findings.map { "\($0.code ?? ""):\($0.check)" })
        for expected in ["InvalidColor:whitespace", "InvalidColor:capitalisation", "TooManyWidgets:untranslated-segment",
                         "InvalidIpAddress:placeholder-position", "Denied:identifier-translated"] {
            #expect(found.contains(expected), "\(expected) missing from \(found.sorted())")
        }
        #expect(!found.contains("Widget:untranslated"))
    }

    @Test func aPageWithoutTheTableIsRefused() {
        #expect(throws: DocsImport.Failure.self) { try DocsImport.read("# Just a heading\n\nSome text.\n", fileName: "x.md") }
    }
}

@Suite("pseudo-locale")
struct PseudoTests {
    @Test(arguments: ["Hash value {hash} is invalid.", "Maximum batch size exceeded. Received: {received}, allowed: {allowed}.",
                      "{count, plural, one {# item} other {# items}} for {name}", "OS Platform {osPlatform} isn't supported for this action.",
                      "Quote '{'literal'}' {x}"])
    func placeholdersAndSyntaxSurvive(_ pattern: String) throws {
        let pseudo = try Pseudo.pattern(pattern)
        let original = try MessageParser.parse(pattern)
        let rewritten = try MessageParser.parse(pseudo)
        #expect(rewritten.allArguments.map(\.name) == original.allArguments.map(\.name))
        #expect(rewritten.allArguments.map { Self.kind($0.kind) } == original.allArguments.map { Self.kind($0.kind) })
        #expect(pseudo.hasPrefix("[") && pseudo.hasSuffix("]"))
        #expect(Double(pseudo.count) >= Double(pattern.count) * 1.25, "expanded about 30%: \(pseudo)")
        #expect(pseudo != pattern)
    }

    static func kind(_ kind: ArgumentKind) -> String {
        switch kind {
        case .simple: return "simple"
        case .plural: return "plural"
        default: return "other"
        }
    }

    @Test func accentsLettersOnly() {
        #expect(Pseudo.accent("Hash {x} 42.") == "Ĥåšĥ {ẋ} 42.")
    }

    @Test func theBundledCatalogWithAPseudoLocaleLoads() throws {
        var files = try Fixture.bundledFiles()
        let (raw, _) = CatalogDocument.read(files: files)
        let pseudo = try Pseudo.file(from: try #require(raw.source))
        files[pseudo.fileName] = CatalogWriter.text(of: pseudo)
        let catalog = try Catalog.load(files: files)
        #expect(catalog.locales.contains("en-XA"))
        let template = try #require(catalog.entry("InvalidHashValue")?.localized["en-XA"]?.templates.first)
        #expect(template.argumentNames == ["hash"])
        #expect(template.pattern.contains("Ĥåšĥ ṽåļûé {hash} îš îñṽåļîð."))
    }

    @Test func theReverseParserReadsThePseudoLocaleBack() throws {
        var files = try Fixture.bundledFiles()
        let (raw, _) = CatalogDocument.read(files: files)
        let pseudo = try Pseudo.file(from: try #require(raw.source))
        files[pseudo.fileName] = CatalogWriter.text(of: pseudo)
        let readBack = try Pseudo.readBack(document: CatalogDocument.read(files: files).0)
        #expect(readBack.failures == [])
        #expect(readBack.checked >= 25, "every template with simple placeholders: \(readBack.checked), skipped \(readBack.skipped)")
    }
}

@Suite("HTML report")
struct HTMLReportTests {
    static let hostile = "<script>alert(1)</script><img src=x onerror=alert(2)> {hash} \" ' &amp;"

    @Test func hostileTranslationsAreEscaped() throws {
        let files = Fixture.catalog(source: "Hash value {hash} is invalid.", target: Self.hostile,
                                    description: ("A <b>bold</b> claim.", "</td></tr><script>alert(3)</script>"))
        let result = CatalogReviewer.forFiles(files).review()
        let html = HTMLReport.render(result)
        #expect(!html.contains("<script>alert"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("<b>bold"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("&amp;amp"))
        // Exactly one script element: the page's own, locked to the CSP nonce.
        #expect(html.components(separatedBy: "<script").count == 2)
        #expect(html.contains("script-src 'nonce-"))
    }

    @Test func sideBySideWithPlaceholdersAndFindingsInline() throws {
        let files = Fixture.catalog(source: "Hash value {hash} is invalid.", target: "DIE Hashwert {hash} ist ungültig .")
        let result = CatalogReviewer.forFiles(files).review()
        let html = HTMLReport.render(result)
        #expect(html.contains("<span class=\"ph\">{hash}</span>"))
        #expect(html.contains("<mark class=\"sev-warning\""))
        #expect(html.contains("data-check=\"capitalisation\""))
        #expect(html.contains("<option value=\"whitespace\">whitespace</option>"))
        #expect(html.contains("\(result.warningCount) warnings"))
    }
}
