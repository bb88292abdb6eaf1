import ErrorCatalog
import MessageFormatting
import Testing
@testable import MessageMatching

/// The matcher reads localized integers with separators that come from ICU's data: either from
/// ICU itself (`NumberSymbolsProvider.icu`) or from the built-in table, which must say exactly
/// what ICU says.
@Suite struct NumberSymbolsTests {
    static let locales: [String] = Array(Set(Fixtures.catalog.locales + ["de-AT", "de-CH", "en-IN", "fr", "it"]
                                             + NumberSymbolsProvider.builtInLocales)).sorted()

    @Test(arguments: locales)
    func builtInTableIsWhatICUSays(locale: String) throws {
        let builtIn = NumberSymbolsProvider.builtIn.symbols(for: locale)
        var icu = try NumberSymbols(locale: locale)
        icu.locale = builtIn.locale
        #expect(builtIn == icu, "\(locale): table \(Self.show(builtIn)) ICU \(Self.show(icu))")
        #expect(NumberSymbolsProvider.icu.symbols(for: locale) == NumberSymbolsProvider.icu.symbols(for: locale))
    }

    static func show(_ s: NumberSymbols) -> String {
        "grouping \(s.groupingSeparator.unicodeScalars.map { String($0.value, radix: 16) }) decimal \(s.decimalSeparator) "
            + "affixes [\(s.positivePrefix)|\(s.positiveSuffix)|\(s.negativePrefix.unicodeScalars.map { String($0.value, radix: 16) })|\(s.negativeSuffix)] "
            + "sizes \(s.primaryGrouping)/\(s.secondaryGrouping)/min \(s.minimumGroupingDigits) used \(s.groupingUsed) ascii \(s.digits == NumberSymbols.asciiDigits)"
    }

    @Test func unknownRegionsFallBackToTheirLanguage() {
        #expect(NumberSymbolsProvider.builtIn.symbols(for: "de_LU.UTF-8").groupingSeparator == ".")
        #expect(NumberSymbolsProvider.builtIn.symbols(for: "de-BE").locale == "de")
        #expect(NumberSymbolsProvider.builtIn.symbols(for: "tlh").locale == "root")
        #expect(NumberSymbolsProvider.builtIn.symbols(for: "not a tag").groupingSeparator == ",")
    }

    @Test(arguments: [("en", UInt8(ascii: ",")), ("de", UInt8(ascii: ".")), ("de-CH", UInt8(ascii: "'")), ("it", UInt8(ascii: ".")),
                      ("fr", UInt8(0)), ("de-AT", UInt8(0)), ("en-IN", UInt8(ascii: ","))])
    func groupingByteForTheRecogniser(locale: String, byte: UInt8) throws {
        #expect(Recognisers.groupingByte(try NumberSymbols(locale: locale)) == byte)
        #expect(Recognisers.groupingByte(NumberSymbolsProvider.builtIn.symbols(for: locale)) == byte)
    }

    /// The separator the matcher reads is the provider's, not a table of its own.
    @Test func matcherReadsIntegersWithTheProvidersSeparator() throws {
        let templates = [RawTemplate(code: "Count", locale: "en", pattern: "Received: {n}.", placeholders: [Placeholder(name: "n", type: .integer)])]
        let standard = try MessageMatcher(templates: templates)
        #expect(standard.match("Received: 1,200.").best?.values["n"]?.value == .integer(1200))
        #expect(standard.match("Received: 1.200.").best?.values["n"]?.value != .integer(1200))
        let swiss = NumberSymbolsProvider { _ in NumberSymbols(locale: "x", groupingSeparator: "’", decimalSeparator: ".") }
        let custom = try MessageMatcher(templates: templates, numberSymbols: swiss)
        #expect(custom.match("Received: 1’200.").best?.values["n"]?.value == .integer(1200))
        #expect(custom.match("Received: 1,200.").best?.values["n"]?.value != .integer(1200))
        let icu = try MessageMatcher(catalog: Fixtures.catalog, numberSymbols: .icu)
        let message = "Die maximale Batchgröße wurde überschritten. Empfangen: 1.200, zulässig: 1.000."
        #expect(icu.match(message).best?.values["received"]?.value == .integer(1200))
        #expect(Fixtures.matcher.match(message).best?.values["received"]?.value == .integer(1200))
    }
}
