import ErrorCatalog
@testable import MessageFormatting
import MessageSyntax
import Testing

/// The one-pass path (values read once from the dictionary, their bytes staged on the stack, the
/// result written from plain memory) against ICU, at the edges where it hands over to the general
/// path: value text around the staging limit, repeated slots, lists, number slots given text,
/// locales with non-ASCII separators and digits.
@Suite struct OnePassRender {
    /// Text of `count` bytes, with a two-byte letter inside when `count` allows.
    static func text(_ count: Int, seed: Int) -> String {
        var bytes = (0..<count).map { UInt8(ascii: "a") + UInt8(($0 + seed) % 26) }
        if count >= 4 { bytes.replaceSubrange(1..<3, with: Array("ä".utf8)) }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test(arguments: ["en", "de", "de-CH", "fr", "ar-EG", "en-IN"])
    func repeatedSlotsAndLimits(locale: String) throws {
        let patterns = [
            "{a} and {a} again, {n, number} or {n}: {b}.",
            "Größe {n}; Liste {b}; {a}",
            "{a}{b}",
        ]
        let limit = FlatProgram.stagingBytes
        for pattern in patterns {
            let message = try MessageParser.parse(pattern)
            let compiled = try CompiledMessage(pattern: pattern, message: message, locale: locale)
            let reference = try ICUMessageFormat(pattern: pattern, locale: locale)
            // Sizes of a + b around the staging limit (the values are staged once, however often
            // the template shows them).
            for (sizeA, sizeB) in [(0, 0), (1, 1), (limit / 2, limit / 2), (limit - 1, 1), (limit, 0), (limit, 1),
                                   (limit + 1, 0), (3 * limit, 5)] {
                for (index, b) in [Value.text(Self.text(sizeB, seed: 3)), .list(["x", Self.text(sizeB, seed: 5), "zz"]),
                                   .integer(-1_234_567)].enumerated() {
                    let values: [String: Value] = ["a": .text(Self.text(sizeA, seed: index)), "b": b,
                                                   "n": .integer(Int64(sizeA) * 1001 - 7)]
                    #expect(try compiled.render(values) == (try reference.format(values)),
                            "\(pattern) in \(locale), a \(sizeA) bytes, b \(b.description.utf8.count) bytes")
                }
            }
            // A text in a number slot: the general path decides, as ICU does (both fail or agree).
            if pattern.contains("number") {
                let values: [String: Value] = ["a": .text("x"), "b": .text("y"), "n": .text("many")]
                let expected = Result { try reference.format(values) }
                let got = Result { try compiled.render(values) }
                switch (expected, got) {
                case (.success(let e), .success(let g)): #expect(g == e)
                case (.failure, .failure): break
                default: Issue.record("\(pattern) in \(locale): ICU \(expected), Swift \(got)")
                }
            }
        }
    }

    /// `format` and `format(appendingTo:)` by name with values around the staging limit: the same
    /// bytes as ICU on every catalog template (the one-pass path below the limit, the general path
    /// above it).
    @Test(arguments: ["en", "de", "de-CH"])
    func catalogTemplatesAroundTheLimit(locale: String) throws {
        let catalog = try bundledCatalog()
        let formatter = try CatalogFormatter(catalog: catalog)
        let catalogLocale = try catalog.negotiateLocale(locale).catalogLocale
        var generator = SeededRandomNumberGenerator(seed: 99)
        var compared = 0
        for entry in catalog.codes {
            let textual = entry.placeholders.filter { $0.type == .string }
            guard !textual.isEmpty else { continue }
            for (variant, template) in (entry.localized[catalogLocale]?.templates ?? []).enumerated() {
                let reference = try ICUMessageFormat(pattern: template.pattern, locale: locale)
                for size in [FlatProgram.stagingBytes / textual.count, FlatProgram.stagingBytes + 1] {
                    var values = randomValues(entry, &generator)
                    for placeholder in textual { values[placeholder.name] = .text(Self.text(size, seed: compared)) }
                    let expected = try reference.format(values)
                    #expect(try formatter.format(code: entry.code, values: values, locale: locale, variant: variant) == expected,
                            "\(entry.code) #\(variant) in \(locale), \(size)-byte texts")
                    var bytes: [UInt8] = [0x2A]
                    try formatter.format(code: entry.code, values: values, locale: locale, variant: variant, appendingTo: &bytes)
                    let same = bytes == [0x2A] + Array(expected.utf8)
                    #expect(same, "format(appendingTo:) differs from ICU: \(entry.code) #\(variant) in \(locale), \(size)-byte texts")
                    compared += 1
                }
            }
        }
        #expect(compared > 20)
    }

    /// Symbols with fewer than ten digits (a hand-built `NumberSymbols`) render the missing ones
    /// as ASCII digits instead of trapping.
    @Test func shortDigitListDoesNotTrap() {
        let symbols = NumberSymbols(locale: "x", groupingSeparator: ",", decimalSeparator: ".",
                                    digits: [Array("٠".utf8), Array("١".utf8)])
        let renderer = IntegerRenderer(symbols)
        #expect(renderer.format(1209) == "١,2٠9")
        #expect(renderer.format(-10) == "-١٠")
    }
}
