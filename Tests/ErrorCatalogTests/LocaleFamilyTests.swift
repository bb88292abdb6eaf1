import Testing
@testable import ErrorCatalog

/// `de` and `de-DE` files are one family: a catalog written by `import-docs` has `de-DE.json`, and
/// `--locale de` / `de-AT` must still get German, not English.
@Suite("Locale families in negotiation")
struct LocaleFamilyTests {
    static func catalog(translation locale: String, extra: [String] = []) throws -> Catalog {
        var files = ["en.json": sourceJSON]
        for tag in [locale] + extra {
            files["\(tag).json"] = germanJSON.replacingOccurrences(of: "\"locale\": \"de\"", with: "\"locale\": \"\(tag)\"")
        }
        return try Catalog.load(files: files)
    }

    @Test(arguments: [("de", "de"), ("de-AT", "de-AT"), ("de-DE", "de-DE"), ("de_CH.UTF-8", "de-CH"), ("fr-CH, de;q=0.8", "de")])
    func aCatalogWithOnlyDeDEServesTheWholeFamily(_ request: String, _ formatting: String) throws {
        let catalog = try Self.catalog(translation: "de-DE")
        let negotiated = try catalog.negotiateLocale(request)
        #expect(negotiated.catalogLocale == "de-DE", "\(request): tried \(negotiated.tried)")
        #expect(negotiated.formattingLocale == formatting)
        #expect(catalog.negotiate(request) == "de-DE")
    }

    @Test(arguments: ["de-DE", "de-AT", "de"])
    func aCatalogWithDeServesRegionalRequests(_ request: String) throws {
        let catalog = try Self.catalog(translation: "de")
        #expect(try catalog.negotiateLocale(request).catalogLocale == "de")
    }

    @Test func anExactOrParentFileWinsOverAnotherFamilyMember() throws {
        let catalog = try Self.catalog(translation: "de-DE", extra: ["de-AT", "de"])
        #expect(try catalog.negotiateLocale("de-AT").catalogLocale == "de-AT")
        #expect(try catalog.negotiateLocale("de-CH").catalogLocale == "de", "the parent before a sibling")
        #expect(try catalog.negotiateLocale("de").catalogLocale == "de")
        let siblings = try Self.catalog(translation: "de-DE", extra: ["de-AT"])
        let firstGerman = siblings.locales.first { $0.hasPrefix("de-") }
        #expect(try siblings.negotiateLocale("de").catalogLocale == firstGerman, "among siblings, the first in catalog order")
    }

    @Test func otherLanguagesAndScriptsStillFallBackToTheSource() throws {
        let catalog = try Self.catalog(translation: "de-DE")
        #expect(try catalog.negotiateLocale("fr").catalogLocale == "en")
        #expect(try catalog.negotiateLocale("fr-CH, en;q=0.5").catalogLocale == "en")
        let chinese = try Self.catalog(translation: "zh-Hant-TW")
        #expect(try chinese.negotiateLocale("zh-Hans").catalogLocale == "en", "another script is another family")
        #expect(try chinese.negotiateLocale("zh").catalogLocale == "zh-Hant-TW")
    }

    @Test func familyMembership() throws {
        let de = try LocaleTag(parsing: "de"), deAT = try LocaleTag(parsing: "de-AT"), deDE = try LocaleTag(parsing: "de_DE")
        #expect(de.isSameFamily(as: deAT) && deAT.isSameFamily(as: deDE) && deDE.isSameFamily(as: de))
        #expect(!(try LocaleTag(parsing: "fr")).isSameFamily(as: de))
        #expect(!(try LocaleTag(parsing: "zh-Hant")).isSameFamily(as: try LocaleTag(parsing: "zh-Hans-CN")))
        #expect((try LocaleTag(parsing: "zh")).isSameFamily(as: try LocaleTag(parsing: "zh-Hans-CN")))
    }
}
