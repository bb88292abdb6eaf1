import ErrorCatalog
import Foundation
import MessageFormatting
import MessageMatching
import Testing

/// Issue 10.2: values that begin with punctuation (`.NET`) or are blank were formatted fine and
/// then read back as DisallowedOperation ("{reason}."), exact, with the right code not even an
/// alternative. Every template of the bundled catalog, every free-text placeholder, each edge value.
@Suite("Round trip with edge values")
struct EdgeValueRoundTripTests {
    static let edgeValues = ["", ".NET", ",x", ", x", ";DROP", "; rm -rf", ":8080", "!x", "?x", "...", ".", "  ", " \t ", "a  b", "x ."]

    @Test(arguments: edgeValues)
    func everyFreeTextPlaceholder(edge: String) throws {
        let catalog = Fixtures.catalog
        let matcher = Fixtures.matcher
        let formatter = try CatalogFormatter(catalog: catalog)
        var rng = SeededRandomNumberGenerator(seed: 0xED6E)
        var checked = 0
        var failures: [String] = []
        for entry in catalog.codes {
            for locale in catalog.locales {
                guard let localized = entry.localized[locale] else { continue }
                for (variant, template) in localized.templates.enumerated() {
                    let name = "\(entry.code)/\(locale)/\(template.id)"
                    if RoundTripTests.excused.contains(name) { continue }
                    let pattern = template.pattern.trimmingCharacters(in: .whitespaces)
                    for argument in template.argumentNames {
                        guard let placeholder = entry.placeholder(named: argument),
                              placeholder.type == .string || placeholder.rejected else { continue }
                        // Known limit (not fixed): every message is read without trailing
                        // whitespace and a final period (a tolerance), so a value at the very end of
                        // a template with nothing after it loses a trailing blank or period (and an
                        // empty one there leaves a message ending in the literal's own blank).
                        if pattern.hasSuffix("{\(argument)}"),
                           edge.hasSuffix(".") || edge.allSatisfy(\.isWhitespace) { continue }
                        // A template that starts with the value loses a blank one to the trimming too.
                        if pattern.hasPrefix("{\(argument)}"), edge.allSatisfy(\.isWhitespace) { continue }
                        var values: [String: Value] = [:]
                        for other in template.argumentNames {
                            guard let p = entry.placeholder(named: other) else { continue }
                            values[other] = p.type.randomValue(using: &rng)
                        }
                        values[argument] = .text(edge)
                        let text = try formatter.format(code: entry.code, values: values, locale: locale, variant: variant)
                        checked += 1
                        let result = matcher.match(text)
                        guard let best = result.best, best.code == entry.code, best.locale == locale,
                              best.values[argument]?.text == edge else {
                            failures.append("\(name) {\(argument)}='\(edge)': '\(text)' → "
                                + (result.best.map { "\($0.code)/\($0.locale) \($0.values.mapValues(\.text))" } ?? "no match"))
                            continue
                        }
                        // The allocation-free view agrees.
                        matcher.withMatch(text) { view in
                            if view.code != entry.code || view.text(of: argument) != edge { failures.append("\(name): view \(view.code ?? "nil")") }
                        }
                    }
                }
            }
        }
        #expect(checked > 10)
        #expect(failures.isEmpty, "\(failures.count) of \(checked):\n\(failures.prefix(8).joined(separator: "\n"))")
    }
}
