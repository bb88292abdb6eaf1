import Testing
@testable import ErrorCatalog

@Suite struct LocaleTagTests {
    struct Case: CustomStringConvertible, Sendable {
        var input: String
        var identifier: String
        var language: String
        var script: String?
        var region: String?
        var description: String { input.debugDescription }
    }

    @Test(arguments: [
        Case(input: "de", identifier: "de", language: "de"),
        Case(input: "DE", identifier: "de", language: "de"),
        Case(input: "de-ch", identifier: "de-CH", language: "de", region: "CH"),
        Case(input: "de_CH", identifier: "de-CH", language: "de", region: "CH"),
        Case(input: "de_CH.UTF-8", identifier: "de-CH", language: "de", region: "CH"),
        Case(input: "de_CH.UTF-8@euro", identifier: "de-CH", language: "de", region: "CH"),
        Case(input: "  en-us \t", identifier: "en-US", language: "en", region: "US"),
        Case(input: "zh-hant-tw", identifier: "zh-Hant-TW", language: "zh", script: "Hant", region: "TW"),
        Case(input: "sr_Latn_RS", identifier: "sr-Latn-RS", language: "sr", script: "Latn", region: "RS"),
        Case(input: "es-419", identifier: "es-419", language: "es", region: "419"),
        Case(input: "zh-yue-HK", identifier: "zh-yue-HK", language: "zh-yue", region: "HK"),
        Case(input: "de-CH-1996", identifier: "de-CH-1996", language: "de", region: "CH"),
        Case(input: "en-US-POSIX", identifier: "en-US-posix", language: "en", region: "US"),
        Case(input: "de-DE-U-CO-PHONEBK", identifier: "de-DE-u-co-phonebk", language: "de", region: "DE"),
        Case(input: "en-x-Test-a", identifier: "en-x-test-a", language: "en"),
        Case(input: "en-XA", identifier: "en-XA", language: "en", region: "XA"),
    ])
    func parsesAndCanonicalises(c: Case) throws {
        let tag = try LocaleTag(parsing: c.input)
        #expect(tag.identifier == c.identifier)
        #expect(tag.language == c.language)
        #expect(tag.script == c.script)
        #expect(tag.region == c.region)
        #expect(try LocaleTag(parsing: tag.identifier) == tag, "the canonical form parses to the same tag")
    }

    @Test(arguments: [
        ("de-AT", ["de-AT", "de"]),
        ("zh-Hant-TW", ["zh-Hant-TW", "zh-Hant", "zh"]),
        ("de-CH-1996-u-co-phonebk", ["de-CH-1996-u-co-phonebk", "de-CH-1996", "de-CH", "de"]),
        ("zh-yue", ["zh-yue", "zh"]),
        ("en", ["en"]),
    ])
    func fallsBackThroughItsParents(input: String, chain: [String]) throws {
        #expect(try LocaleTag(parsing: input).fallbackChain.map(\.identifier) == chain)
        #expect(LocaleTag.fallbackChain(input) == chain)
    }

    @Test(arguments: [
        ("", "it is empty"),
        ("   ", "it is empty"),
        ("12", "the language '12' must be 2 to 8 ASCII letters"),
        ("d", "the language 'd' must be 2 to 8 ASCII letters"),
        ("de--CH", "subtag 2 is empty"),
        ("de-", "subtag 2 is empty"),
        ("-de", "subtag 1 is empty"),
        ("de-CH-", "subtag 3 is empty"),
        ("deutschland", "subtag 'deutschland' is longer than 8 characters"),
        ("de-ÄT", "subtag 'ÄT' has characters other than ASCII letters and digits"),
        ("de CH", "subtag 'de CH' has characters other than ASCII letters and digits"),
        ("de-\u{1B}[2J", "subtag '\\u{1B}[2J' has characters other than ASCII letters and digits"),
        ("de-\u{202E}HC", "subtag '\\u{202E}HC' has characters other than ASCII letters and digits"),
        ("de-CH-AT", "'AT' is not a script (4 letters), region (2 letters or 3 digits), variant (5–8 characters) or extension here"),
        ("de-u", "the extension 'u' has no subtags after it"),
        ("de-u-x", "the extension 'u' has no subtags after it"),
        ("x-private", "the language 'x' must be 2 to 8 ASCII letters"),
        ("de\u{0}", "subtag 'de\\u{0}' has characters other than ASCII letters and digits"),
        ("de-DE-x", "the extension 'x' has no subtags after it"),
    ])
    func rejectsWithAClearReason(input: String, detail: String) {
        #expect(throws: LocaleTagError.self) { try LocaleTag(parsing: input) }
        do {
            _ = try LocaleTag(parsing: input)
        } catch {
            #expect(error.detail.hasPrefix(detail), "\(error.detail)")
            #expect(error.description.contains("is not a locale tag"))
            #expect(!error.description.unicodeScalars.contains { $0.value < 0x20 || $0 == "\u{202E}" })
        }
        #expect(!LocaleTag.isWellFormed(input))
        #expect(LocaleTag(input) == nil)
    }

    @Test func hostileInputIsBoundedAndNeverCrashes() {
        var rng = SeededRandomNumberGenerator(seed: 0x7A6)
        let alphabet = Array("aZ09-_.@ \u{0}\u{1B}\u{202E}\u{FFFD}éx;q=,*".unicodeScalars)
        for _ in 0..<5_000 {
            let text = String(String.UnicodeScalarView((0..<Int.random(in: 0...24, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }))
            if let tag = LocaleTag(text) {
                #expect(LocaleTag(tag.identifier) == tag)
                #expect(tag.fallbackChain.last?.identifier == tag.primaryLanguage.description)
            }
            _ = try? LocaleTag.acceptLanguage(text)
        }
        let long = String(repeating: "ab-", count: 10_000) + "cd"
        #expect(LocaleTag(long) == nil)
        let error = #expect(throws: LocaleTagError.self) { try LocaleTag(parsing: String(repeating: "\u{1B}", count: 500)) }
        #expect((error?.description.count ?? 0) < 700, "the message shows a bounded prefix of the input")
    }

    @Test func acceptLanguageSortsByQualityStably() throws {
        let ranges = try LocaleTag.acceptLanguage("fr-CH, de;q=0.8, *;q=0.1, en;q=0.8, it;q=0, es;q=1")
        #expect(ranges.map(\.description) == ["fr-CH", "es", "de;q=0.8", "en;q=0.8", "*;q=0.1"])
        #expect(ranges.map(\.tag?.identifier) == ["fr-CH", "es", "de", "en", nil])
        #expect(try LocaleTag.acceptLanguage("de_at").map(\.tag?.identifier) == ["de-AT"])
        #expect(try LocaleTag.acceptLanguage(" , de ;q=0.5 ; foo=bar,").map(\.description) == ["de;q=0.5"])
        #expect(try LocaleTag.acceptLanguage("").isEmpty)
    }

    @Test(arguments: ["de;q=abc", "de;q=2", "de;q=-1", "de;q=nan", "de;q=", "de;q=1e-1", "de, 12", "de, en--US"])
    func acceptLanguageRejectsMalformedItems(header: String) {
        #expect(throws: LocaleTagError.self) { try LocaleTag.acceptLanguage(header) }
    }

    @Test func stringConveniencesGoThroughTheType() {
        #expect(LocaleTag.canonical("de_at") == "de-AT")
        #expect(LocaleTag.canonical(" not a tag! ") == "not a tag!")
        #expect(LocaleTag.language("de_CH.UTF-8") == "de")
        #expect(LocaleTag.language("12") == "")
        #expect(LocaleTag.isWellFormed("en-XA"))
    }
}
