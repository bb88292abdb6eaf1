import ErrorCatalog
@testable import MessageFormatting
import Testing

@Suite struct PreparedMessages {
    /// Every variant of every code, in catalog and regional locales: the prepared message by name
    /// and by slot, `format`, and ICU's own MessageFormat all give the same text.
    @Test(arguments: ["en", "de", "de-AT", "en-GB"])
    func preparedEqualsFormatAndICU(locale: String) throws {
        let catalog = try bundledCatalog()
        let formatter = try CatalogFormatter(catalog: catalog)
        var generator = SeededRandomNumberGenerator(seed: 7)
        var compared = 0
        for entry in catalog.codes {
            let catalogLocale = try catalog.negotiateLocale(locale).catalogLocale
            let templates = entry.localized[catalogLocale]?.templates ?? []
            for variant in templates.indices {
                let prepared = try formatter.prepared(code: entry.code, locale: locale, variant: variant)
                #expect(prepared.code == entry.code)
                #expect(prepared.variant == variant)
                #expect(prepared.templateID == templates[variant].id)
                #expect(prepared.catalogLocale == catalogLocale)
                #expect(prepared.formattingLocale == locale)
                let reference = try ICUMessageFormat(pattern: prepared.message.pattern, locale: locale)
                for _ in 0..<20 {
                    let values = randomValues(entry, &generator)
                    let byName = try prepared.render(values)
                    let bySlot = try prepared.render(slots: prepared.slotNames.map { values[$0] })
                    let formatted = try formatter.format(code: entry.code, values: values, locale: locale, variant: variant)
                    #expect(byName == formatted)
                    #expect(bySlot == formatted)
                    let icu = try reference.format(values)
                    #expect(formatted == icu, "\(entry.code)/\(variant) in \(locale)")
                    compared += 1
                }
            }
        }
        #expect(compared > 500)
    }

    /// Prepared by id gives the same message as by index.
    @Test func preparedByID() throws {
        let formatter = try CatalogFormatter(catalog: try bundledCatalog())
        let byIndex = try formatter.prepared(code: "ResourceNotFound", locale: "de", variant: 1)
        let byID = try formatter.prepared(code: "ResourceNotFound", locale: "de", variantID: byIndex.templateID)
        #expect(byID === byIndex)
    }

    /// The prepared message reports what `format` reports, with the same text.
    @Test func preparedErrorsAreFormatErrors() throws {
        let formatter = try CatalogFormatter(catalog: try bundledCatalog())
        let message = try formatter.prepared(code: "MaximumBatchSizeExceeded", locale: "de")
        let cases: [[String: Value]] = [
            ["received": .integer(1200)],                                      // missing
            ["received": .integer(1200), "allowed": .text("many")],            // invalid
            ["received": .integer(1200), "allowed": .integer(5), "extra": .integer(1)],  // extra
        ]
        for values in cases {
            let viaPrepared = #expect(throws: FormatError.self) { try message.render(values) }
            let viaFormat = #expect(throws: FormatError.self) {
                try formatter.format(code: "MaximumBatchSizeExceeded", values: values, locale: "de")
            }
            #expect(viaPrepared.map(String.init(describing:)) == viaFormat.map(String.init(describing:)))
        }
        #expect(throws: FormatError.self) { try message.render(slots: [.integer(1), nil]) }
        #expect(try message.render(slots: [.integer(1200), .integer(1000)]).contains("1.200"))
        // Errors of the lookup itself.
        #expect(throws: FormatError.self) { try formatter.prepared(code: "NoSuchCode", locale: "en") }
        #expect(throws: FormatError.self) { try formatter.prepared(code: "BadRequest", locale: "en", variant: 99) }
        #expect(throws: FormatError.self) { try formatter.prepared(code: "BadRequest", locale: "en", variant: -1) }
    }

    /// The quick check in front of `Placeholder.validate` never accepts a value that `validate`
    /// rejects, and it does accept the common valid values (else it would save nothing).
    @Test(arguments: PlaceholderType.allCases)
    func quickCheckNeverAcceptsWhatValidateRejects(type: PlaceholderType) {
        var generator = SeededRandomNumberGenerator(seed: 11)
        let edge: [Value] = [
            .text(""), .text("abc"), .text(" "), .text("a b"), .text("ä"), .text("x\u{7F}"), .text(","),
            .text("1."), .text(".1"), .text("1..2"), .text("1.2"), .text("1.2.3.4"), .text("1.2.3.4.5"),
            .text("１.２"), .text("1.2\u{301}"),
            .text(String(repeating: "a", count: 32)), .text(String(repeating: "G", count: 32)),
            .text(String(repeating: "F", count: 40)), .text(String(repeating: "0", count: 63)),
            .text(String(repeating: "e", count: 64)), .text("10.0.0.1"), .text("contoso.com"),
            .integer(0), .integer(-5), .number(1.5), .date(millisecondsSince1970: 0),
            .list([]), .list([""]), .list(["a", "b"]), .list(["a,b"]), .list(["a", ""]),
        ]
        for rejected in [false, true] {
            let placeholder = Placeholder(name: "x", type: type, rejected: rejected)
            let check = ValueCheck(placeholder)
            var values = edge
            for _ in 0..<200 { values.append(type.randomValue(using: &generator)) }
            var accepted = 0
            for value in values where check.accepts(value) {
                accepted += 1
                #expect(placeholder.validate(value) == nil, "\(type) rejected=\(rejected): \(value)")
            }
            if check != .full { #expect(accepted >= 200, "\(type) rejected=\(rejected): the quick check saves nothing") }
        }
    }
}
