import ErrorCatalog
import Foundation
import MessageFormatting
@_spi(Benchmarks) @testable import MessageMatching
import Testing

/// The literal-anchored pre-pass must never change a result: whenever it answers, `match()` and
/// the fast view say exactly what the automaton alone says (every match, its rank, values,
/// tolerances, ambiguity), and when it cannot be sure it leaves the message to the automaton.
@Suite("Anchored pre-pass agrees with the automaton")
struct AnchoredPrePassTests {
    /// Everything `match()` reports about one match, comparable.
    struct Signature: Equatable, CustomStringConvertible {
        let text: String
        let values: [String: MatchedValue]
        init(_ match: Match) {
            text = "\(match.code) \(match.status) \(match.locale) \(match.variant) \(match.sameTextVariants) observed=\(match.isObserved) "
                + "\(match.tolerances) literal=\(match.literalBytes) type=\(match.typeScore) catchAll=\(match.isCatchAll)"
            values = match.values
        }
        var description: String { text + " " + values.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.text)" }.joined(separator: ",") }
    }

    /// Compares the pre-pass matcher with the automaton-only matcher on `text`; returns a problem
    /// or nil, and whether the pre-pass answered.
    static func compare(_ anchored: MessageMatcher, _ automaton: MessageMatcher, _ text: String, scratch: MatchScratch,
                        locale: LocaleFilter = .auto, code: String? = nil) -> (problem: String?, answered: Bool) {
        let expected = automaton.match(text, locale: locale, code: code)
        let got = anchored.match(text, locale: locale, code: code)
        let answered = anchored.withMatch(text, locale: locale, code: code, scratch: scratch) { $0.answeredByAnchoredPass }
        if got.all.map(Signature.init) != expected.all.map(Signature.init) {
            return ("matches \(got.all.map(Signature.init)) vs automaton \(expected.all.map(Signature.init))", answered)
        }
        if got.ambiguous != expected.ambiguous { return ("ambiguous \(got.ambiguous) vs \(expected.ambiguous)", answered) }
        if got.nearest != expected.nearest { return ("nearest \(String(describing: got.nearest)) vs \(String(describing: expected.nearest))", answered) }
        // The fast view of the pre-pass says what match() says.
        if let problem = MatchViewTests.agree(anchored, text, scratch: scratch, locale: locale, code: code) { return ("view: " + problem, answered) }
        return (nil, answered)
    }

    @Test func theSwitchWorks() {
        let on = Fixtures.matcher
        let off = on.withAnchoredPass(false)
        #expect(on.anchoredPassEnabled && !off.anchoredPassEnabled)
        let text = "Hash value 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08 is invalid."
        #expect(on.withMatch(text) { $0.answeredByAnchoredPass && $0.code == "InvalidHashValue" })
        #expect(off.withMatch(text) { !$0.answeredByAnchoredPass && $0.code == "InvalidHashValue" })
    }

    @Test(arguments: MatchViewTests.handwritten + [
        "Resource x was not found. Resource y was not found.", "Hash value is invalid. is invalid.", "Hash value  is invalid.",
        "Machine 123 was not found", "Received: 5, allowed: 4.", "Request body is incorrect", "request body is incorrect.",
    ])
    func handwrittenShapes(text: String) {
        let scratch = MatchScratch()
        let automaton = Fixtures.matcher.withAnchoredPass(false)
        for locale in [LocaleFilter.auto, .only("de"), .only("en")] {
            #expect(Self.compare(Fixtures.matcher, automaton, text, scratch: scratch, locale: locale).problem == nil, "\(text) [\(locale)]")
        }
        for code in ["InvalidHashValue", "ResourceNotFound", "NoSuchCode"] {
            #expect(Self.compare(Fixtures.matcher, automaton, text, scratch: scratch, code: code).problem == nil, "\(text) [\(code)]")
        }
    }

    /// A free-text value that holds the literal after it: the slot could end in two places, so the
    /// pre-pass must leave the message to the automaton. A forced end (the last literal) is not
    /// ambiguous, and the pre-pass answers it; so is text no template can match.
    @Test func ambiguousFreeTextFallsBack() throws {
        let matcher = try MessageMatcher(templates: [
            RawTemplate(code: "Two", locale: "en", pattern: "Value {a} is bad because {b}."),
            RawTemplate(code: "One", locale: "en", pattern: "Resource {a} was not found."),
        ])
        let automaton = matcher.withAnchoredPass(false)
        let scratch = MatchScratch()
        for (text, expected) in [("Value x is bad because y is bad because z.", false), ("Value x is bad because y.", true),
                                 ("Resource a was not found b was not found.", true),
                                 // No template can match: decided without the automaton (nothing matched).
                                 ("Value x is fine.", true)] {
            let answered = matcher.withMatch(text, scratch: scratch) { $0.answeredByAnchoredPass }
            #expect(answered == expected, "\(text)")
            #expect(Self.compare(matcher, automaton, text, scratch: scratch).problem == nil, "\(text)")
        }
        #expect(matcher.withMatch("Value x is bad because y.") { $0.text(of: "a") == "x" && $0.text(of: "b") == "y" })
        #expect(!matcher.withMatch("Value x is fine.") { $0.matched })
        // The nearest-template report still comes from the automaton.
        #expect(matcher.match("Value x is fine.").nearest?.code == automaton.match("Value x is fine.").nearest?.code)
        #expect(matcher.match("Value x is fine.").nearest != nil)
    }

    @Test func everyCatalogTemplateWithGeneratedValuesAndDrift() throws {
        let catalog = Fixtures.catalog
        let matcher = Fixtures.matcher
        let automaton = matcher.withAnchoredPass(false)
        let formatter = try CatalogFormatter(catalog: catalog)
        var rng = SeededRandomNumberGenerator(seed: 0xA7C4)
        let scratch = MatchScratch()
        var checked = 0, answered = 0
        for entry in catalog.codes {
            for locale in catalog.locales {
                guard let localized = entry.localized[locale] else { continue }
                for (variant, template) in localized.templates.enumerated() {
                    for round in 0..<40 {
                        var values: [String: Value] = [:]
                        for argument in template.argumentNames {
                            guard let placeholder = entry.placeholder(named: argument) else { continue }
                            values[argument] = placeholder.type.randomValue(using: &rng)
                        }
                        var text = try formatter.format(code: entry.code, values: values, locale: locale, variant: variant)
                        switch round % 8 {
                        case 1: if text.hasSuffix(".") { text.removeLast() }
                        case 2: text = text.uppercased()
                        case 3: text = text.replacingOccurrences(of: " ", with: "  ")
                        case 4: text = text.replacingOccurrences(of: "'", with: "’")
                        case 5: text = "  " + text + " "
                        case 6: text = text.dropLast(3) + "xyz"
                        default: break
                        }
                        checked += 1
                        let (problem, yes) = Self.compare(matcher, automaton, text, scratch: scratch)
                        if yes { answered += 1 }
                        if let problem { Issue.record("\(text): \(problem)") }
                    }
                }
            }
        }
        #expect(checked > 1000)
        // The point of the pre-pass: most catalog messages never reach the automaton.
        #expect(answered * 2 > checked, "pre-pass answered \(answered) of \(checked)")
    }

    /// Synthetic templates like the benchmark's: shared openings, typed and free-text slots.
    @Test func syntheticTemplates() throws {
        var rng = SeededRandomNumberGenerator(seed: 0x5E7)
        let words = (0..<60).map { _ in
            String((0..<Int.random(in: 3...6, using: &rng)).map { _ in "abcdefghijklmnoprstuvw".randomElement(using: &rng)! })
        }
        let types: [PlaceholderType] = [.identifier, .integer, .hash, .ipAddress, .string, .guid, .version]
        func phrase() -> String { (0..<Int.random(in: 1...3, using: &rng)).map { _ in words.randomElement(using: &rng)! }.joined(separator: " ") }
        var raws: [RawTemplate] = []
        var shapes: [([String], [Placeholder])] = []
        var seen: Set<String> = []
        while raws.count < 400 {
            let slotCount = Int.random(in: 0...3, using: &rng)
            let valueFirst = slotCount > 0 && Int.random(in: 0..<8, using: &rng) == 0
            var pieces = [valueFirst ? "" : (Int.random(in: 0..<5, using: &rng) == 0 ? "The operation " : "") + phrase().capitalized + " "]
            var slots: [Placeholder] = []
            for k in 0..<slotCount {
                slots.append(Placeholder(name: "v\(k)", type: types.randomElement(using: &rng)!))
                pieces.append(" " + phrase() + (k == slotCount - 1 ? "" : " "))
            }
            if slotCount == 0 { pieces[0] = String(pieces[0].dropLast()) }
            pieces[pieces.count - 1] += Int.random(in: 0..<4, using: &rng) == 0 ? "" : "."
            var pattern = pieces[0]
            for k in 0..<slotCount { pattern += "{v\(k)}" + pieces[k + 1] }
            guard seen.insert(pattern).inserted else { continue }
            raws.append(RawTemplate(code: "Syn\(raws.count)", locale: "en", pattern: pattern, placeholders: slots))
            shapes.append((pieces, slots))
        }
        let matcher = try MessageMatcher(templates: raws)
        let automaton = matcher.withAnchoredPass(false)
        let scratch = MatchScratch()
        var checked = 0, answered = 0
        for _ in 0..<4000 {
            let (pieces, slots) = shapes.randomElement(using: &rng)!
            var text = pieces[0]
            for (k, slot) in slots.enumerated() {
                // Now and then a free-text value that holds words of the templates (ambiguity).
                let value = slot.type == .string && Int.random(in: 0..<3, using: &rng) == 0
                    ? phrase() : slot.type.randomValue(using: &rng).description
                text += value + pieces[k + 1]
            }
            if Int.random(in: 0..<10, using: &rng) == 0 { text = phrase() + " " + text }
            checked += 1
            let (problem, yes) = Self.compare(matcher, automaton, text, scratch: scratch)
            if yes { answered += 1 }
            if let problem { Issue.record("\(text): \(problem)") }
        }
        #expect(answered * 2 > checked, "pre-pass answered \(answered) of \(checked)")
    }

    /// Templates that start with a value are looked up by the last 4 bytes of their last literal:
    /// the pre-pass must still see every one that can match — those with a short last literal or
    /// none (a trailing value), several sharing one tail, tails that differ in one byte — and say
    /// what the automaton says.
    @Test func valueFirstTemplatesByTheirTail() throws {
        let patterns = [
            "{a} was not found", "{a} was not found.", "{a} is invalid.", "{a} is not valid.", "{a} and {b} are invalid.",
            "{a} {b}.", "{a} ok", "{a}: {b}", "{a}", "{a} failed: {b}", "{a} is valid.", "Value {a} is invalid.",
            "{a} was not found!", "{a} id.", "{a}d.",
        ]
        let raws = patterns.enumerated().map { index, pattern in
            RawTemplate(code: "T\(index)", locale: "en", pattern: pattern,
                        placeholders: [Placeholder(name: "a", type: .identifier), Placeholder(name: "b", type: .string)])
        }
        let matcher = try MessageMatcher(templates: raws)
        let automaton = matcher.withAnchoredPass(false)
        let scratch = MatchScratch()
        let values = ["x", "id42", "abc.def", "a b", "invalid.", "not found", "ok", "d"]
        var checked = 0, answered = 0, matched = 0
        for pattern in patterns {
            for a in values where !a.contains(" ") {
                for b in values {
                    let text = pattern.replacingOccurrences(of: "{a}", with: a).replacingOccurrences(of: "{b}", with: b)
                    for variant in [text, text + ".", String(text.dropLast()), "x" + text] {
                        checked += 1
                        let (problem, yes) = Self.compare(matcher, automaton, variant, scratch: scratch)
                        if yes { answered += 1 }
                        if matcher.match(variant).best != nil { matched += 1 }
                        if let problem { Issue.record("\(variant): \(problem)") }
                    }
                }
            }
        }
        #expect(checked > 1000)
        #expect(answered * 2 > checked, "pre-pass answered \(answered) of \(checked)")
        #expect(matched * 2 > checked, "\(matched) of \(checked) matched")
    }

    /// The lead search finds the longest lead that is a prefix of the message, also where leads
    /// share 8, 16 or 20 bytes (groups of the 8-byte table, several levels of parents), where the
    /// message ends inside a lead and where it holds NUL bytes (a natural padding byte for any
    /// packed-key layout of the search). Brute force over every lead is the reference.
    @Test func leadSearchFindsTheDeepestPrefixLead() throws {
        var rng = SeededRandomNumberGenerator(seed: 0x1EAD)
        let stems = ["abcdefgh", "abcdefgi", "abcdefghabcdefgh", "abcdefghabcdefghabcd", "zzzzzzzz"]
        let alphabet: [UInt8] = Array("ab".utf8) + [0x00]
        func suffix(_ count: Int) -> [UInt8] { (0..<count).map { _ in alphabet.randomElement(using: &rng)! } }
        var leads = Set<[UInt8]>()
        while leads.count < 400 {
            let lead = Array(stems.randomElement(using: &rng)!.utf8) + suffix(Int.random(in: 0...14, using: &rng)).map { $0 == 0 ? UInt8(ascii: "x") : $0 }
            leads.insert(lead)
        }
        let templates = leads.enumerated().map { k, lead in
            RawTemplate(code: "L\(k)", locale: "en", pattern: String(decoding: lead, as: UTF8.self) + "{v} end", placeholders: [Placeholder(name: "v", type: .string)])
        }
        let matcher = try MessageMatcher(templates: templates)
        let index = matcher.storage.anchored
        let view = matcher.storage.anchoredView
        func bytes(of lead: Int) -> [UInt8] {
            Array(UnsafeBufferPointer(start: index.pool + Int(index.leads[lead].start), count: Int(index.leads[lead].length)))
        }
        let all = (0..<index.leadCount).map(bytes(of:))
        #expect(Set(all) == leads)
        var messages: [[UInt8]] = []
        for lead in all {
            messages.append(lead)
            messages.append(lead + suffix(3))
            messages.append(Array(lead.dropLast()))
            var cut: [UInt8] = Array(lead.prefix(12))
            cut.append(0x00)
            messages.append(cut + suffix(8))
        }
        for _ in 0..<3_000 {
            let stem = Array(stems.randomElement(using: &rng)!.utf8)
            messages.append(Array(stem.prefix(Int.random(in: 1...stem.count, using: &rng))) + suffix(Int.random(in: 0...24, using: &rng)))
        }
        for message in messages {
            let expected = all.indices.filter { message.starts(with: all[$0]) }.max { all[$0].count < all[$1].count } ?? -1
            let got = message.withUnsafeBufferPointer { view.deepestLead($0.baseAddress!, $0.count) }
            #expect(got == expected, "\(message): got \(got), expected \(expected)")
        }
    }

    /// Leads shorter than 8 bytes (one byte, two bytes, several sharing their first two) are found
    /// through the two-byte bounds table, for messages of any length: brute force is the reference.
    @Test func leadSearchWithShortLeads() throws {
        var rng = SeededRandomNumberGenerator(seed: 0x5407)
        let alphabet: [UInt8] = Array("abc".utf8) + [0xC3, 0x00]
        func random(_ count: Int) -> [UInt8] { (0..<count).map { _ in alphabet.randomElement(using: &rng)! } }
        var leads = Set<[UInt8]>()
        while leads.count < 120 {
            // Letters only in leads (templates are text); messages may hold any of the alphabet.
            leads.insert(random(Int.random(in: 1...7, using: &rng)).map { $0 == 0 || $0 == 0xC3 ? UInt8(ascii: "c") : $0 })
        }
        let templates = leads.enumerated().map { k, lead in
            RawTemplate(code: "S\(k)", locale: "en", pattern: String(decoding: lead, as: UTF8.self) + " {v} end",
                        placeholders: [Placeholder(name: "v", type: .string)])
        }
        let matcher = try MessageMatcher(templates: templates)
        let index = matcher.storage.anchored
        let view = matcher.storage.anchoredView
        let all = (0..<index.leadCount).map {
            Array(UnsafeBufferPointer(start: index.pool + Int(index.leads[$0].start), count: Int(index.leads[$0].length)))
        }
        var messages: [[UInt8]] = []
        for lead in all { messages += [lead, lead + random(2), lead + random(9), Array(lead.dropLast())] }
        for _ in 0..<2_000 { messages.append(random(Int.random(in: 1...12, using: &rng))) }
        for _ in 0..<2_000 {
            let lead = all.randomElement(using: &rng)!
            messages.append(Array(lead.prefix(Int.random(in: 1...lead.count, using: &rng))) + random(Int.random(in: 0...9, using: &rng)))
        }
        var found = 0
        for message in messages {
            let expected = all.indices.filter { message.starts(with: all[$0]) }.max { all[$0].count < all[$1].count } ?? -1
            let got = message.withUnsafeBufferPointer { view.deepestLead($0.baseAddress!, $0.count) }
            #expect(got == expected, "\(message): got \(got), expected \(expected)")
            if expected >= 0 { found += 1 }
        }
        #expect(found > 500)
    }
}
