import ErrorCatalog
import MessageFormatting
@testable import MessageMatching
import Testing

/// The literal-text fallback tries only the templates its index names for a message. The index
/// must never lose a match: with the index and with every template tried, the fallback gives the
/// same ranked matches, on messages cut from every template in every way the fallback accepts.
@Suite("Literal-text fallback index")
struct FallbackIndexTests {
    static func variants(of text: String) -> [String] {
        var out = [text, text.uppercased(), text.lowercased(), "  " + text + "  ", text + " and then some more words.",
                   text.replacingOccurrences(of: "'", with: "’"), text.replacingOccurrences(of: "ss", with: "ß")]
        // Stopped at every clause boundary, with and without the boundary character.
        let scalars = Array(text.unicodeScalars)
        for (i, scalar) in scalars.enumerated() where [".", ":", ";", ","].contains(scalar) && i > 0 {
            out.append(String(String.UnicodeScalarView(scalars[..<i])))
            out.append(String(String.UnicodeScalarView(scalars[...i])))
            out.append(String(String.UnicodeScalarView(scalars[...i])) + " extra words here.")
        }
        return out
    }

    @Test func theIndexLosesNoMatch() throws {
        let catalog = Fixtures.catalog
        let matcher = Fixtures.matcher
        let formatter = try CatalogFormatter(catalog: catalog)
        var rng = SeededRandomNumberGenerator(seed: 0xF411)
        var messages: [String] = ["zorb quint fellow 123", "", ".", "was not found", "is supported on client version 1.2 and above"]
        for entry in catalog.codes {
            for locale in catalog.locales {
                for (variant, template) in (entry.localized[locale]?.templates ?? []).enumerated() {
                    var values: [String: Value] = [:]
                    for name in template.argumentNames {
                        guard let placeholder = entry.placeholder(named: name) else { continue }
                        values[name] = placeholder.type.randomValue(using: &rng)
                    }
                    let text = try formatter.format(code: entry.code, values: values, locale: locale, variant: variant)
                    messages += Self.variants(of: text)
                    // Empty free-text values (at the start, in the middle, at the end).
                    for name in template.argumentNames where entry.placeholder(named: name).map({ $0.type == .string || $0.rejected }) ?? false {
                        var empty = values
                        empty[name] = .text("")
                        messages += Self.variants(of: try formatter.format(code: entry.code, values: empty, locale: locale, variant: variant))
                    }
                }
            }
        }
        var compared = 0, nonEmpty = 0
        for message in messages {
            for locale in [LocaleFilter.auto, .only("de")] {
                let indexed = matcher.literalFallback(message, locale: locale, code: nil)
                let exhaustive = matcher.literalFallback(message, locale: locale, code: nil, exhaustive: true)
                compared += 1
                if !exhaustive.isEmpty { nonEmpty += 1 }
                let a = indexed.map { "\($0.match.code)/\($0.match.locale)/\($0.match.variant.id) \($0.key)" }
                let b = exhaustive.map { "\($0.match.code)/\($0.match.locale)/\($0.match.variant.id) \($0.key)" }
                #expect(a == b, "\(message.debugDescription) [\(locale)]")
            }
        }
        #expect(compared > 1_000 && nonEmpty > 500, "\(compared) compared, \(nonEmpty) with a fallback match")
    }

    /// A template whose first run of six literal characters comes after a clause boundary the
    /// fallback may stop at: a message stopped there must still find it.
    @Test func aRunAfterTheFirstCutDoesNotIndexTheTemplate() throws {
        let matcher = try MessageMatcher(templates: [
            RawTemplate(code: "Short", locale: "en", pattern: "Id {a}, id {b}, id {c}. Afterwards nothing works.",
                        placeholders: [Placeholder(name: "a", type: .string), Placeholder(name: "b", type: .string),
                                       Placeholder(name: "c", type: .string)]),
            RawTemplate(code: "Other", locale: "en", pattern: "Something else entirely {x}.", placeholders: [Placeholder(name: "x", type: .string)]),
        ])
        for message in ["Id 1, id 2, id 3", "Id 1, id 2, id 3.", "Id 1, id 2, id 3. Afterwards nothing works", "id 1, ID 2, id 3. afterwards nothing works."] {
            let indexed = matcher.literalFallback(message, locale: .auto, code: nil).map(\.match.code)
            let exhaustive = matcher.literalFallback(message, locale: .auto, code: nil, exhaustive: true).map(\.match.code)
            #expect(indexed == exhaustive && indexed.first == "Short", "\(message): \(indexed) vs \(exhaustive)")
        }
    }
}
