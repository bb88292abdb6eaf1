import ErrorCatalog
import Foundation
import MessageSyntax

/// The reverse parser: recognises a received message (a server response, a log line, a localized
/// tool's output) as one of the catalog's templates and recovers the typed placeholder values.
///
/// Every template and observed wording of every locale is compiled into one automaton (see
/// `Automaton`), so the cost per message does not grow with the number of templates and is linear
/// in the message length. Immutable and `Sendable`: share one matcher across threads.
public struct MessageMatcher: Sendable {
    /// Everything behind one reference, so that copying the matcher (or capturing it in a
    /// closure) costs one retain.
    final class Storage: Sendable {
        let templates: [CompiledTemplate]
        let automaton: Automaton
        /// Templates with no literal body text ("{reason}."), matched without the automaton.
        let catchAll: [Int]
        let catalog: Catalog?
        init(templates: [CompiledTemplate], catalog: Catalog?) {
            self.templates = templates
            self.automaton = Automaton(templates: templates)
            self.catchAll = templates.indices.filter { templates[$0].isCatchAll }
            self.catalog = catalog
        }
    }
    let storage: Storage
    var templates: [CompiledTemplate] { storage.templates }
    var automaton: Automaton { storage.automaton }
    var catchAll: [Int] { storage.catchAll }
    /// The catalog the matcher was built from (descriptions and hints for `explain`).
    public var catalog: Catalog? { storage.catalog }

    /// Compiles every template and observed wording of every locale of `catalog`.
    public init(catalog: Catalog) throws(MatcherBuildError) {
        var compiled: [CompiledTemplate] = []
        var order = 0
        for entry in catalog.codes {
            var placeholders: [String: Placeholder] = [:]
            for placeholder in entry.placeholders { placeholders[placeholder.name] = placeholder }
            for locale in catalog.locales {
                guard let localized = entry.localized[locale] else { continue }
                let all = localized.templates.map { ($0, false) } + localized.observed.map { ($0, true) }
                for (index, (template, observed)) in all.enumerated() {
                    let variant = VariantID(id: template.id, index: index)
                    for alternative in TemplateCompiler.expand(template.message, placeholders: placeholders, locale: locale) {
                        compiled.append(TemplateCompiler.compile(alternative, code: entry.code, status: entry.status, locale: locale,
                                                                 variant: variant, isObserved: observed || template.isObserved,
                                                                 pattern: template.pattern, order: order, placeholders: placeholders))
                    }
                    order += 1
                }
            }
        }
        self.init(compiled: compiled, catalog: catalog)
    }

    /// Compiles raw templates (no catalog file): synthetic benchmarks, ad-hoc patterns. Templates
    /// keep the given order for ranking ties; variant indices count per (code, locale).
    public init(templates raw: [RawTemplate]) throws(MatcherBuildError) {
        var compiled: [CompiledTemplate] = []
        var variantCounts: [String: Int] = [:]
        for (order, template) in raw.enumerated() {
            let message: Message
            do {
                message = try MessageParser.parse(template.pattern)
            } catch {
                throw MatcherBuildError(code: template.code, locale: template.locale, pattern: template.pattern, reason: error.description)
            }
            var placeholders: [String: Placeholder] = [:]
            for placeholder in template.placeholders { placeholders[placeholder.name] = placeholder }
            for argument in message.allArguments where placeholders[argument.name.description] == nil {
                placeholders[argument.name.description] = Placeholder(name: argument.name.description, type: .string)
            }
            let key = template.code + "\u{0}" + template.locale
            let index = variantCounts[key, default: 0]
            variantCounts[key] = index + 1
            for alternative in TemplateCompiler.expand(message, placeholders: placeholders, locale: template.locale) {
                compiled.append(TemplateCompiler.compile(alternative, code: template.code, status: template.status,
                                                         locale: template.locale, variant: VariantID(id: template.variant, index: index),
                                                         isObserved: template.isObserved, pattern: template.pattern,
                                                         order: order, placeholders: placeholders))
            }
        }
        self.init(compiled: compiled, catalog: nil)
    }

    init(compiled: [CompiledTemplate], catalog: Catalog?) {
        self.storage = Storage(templates: compiled, catalog: catalog)
    }

    /// Number of compiled alternatives (templates after plural/select expansion).
    public var templateCount: Int { templates.count }
    /// Number of automaton states (a size measure).
    public var stateCount: Int { automaton.nodeCount }

    /// Matches `message` against every template (of `locale`, and of `code` if given).
    public func match(_ message: String, locale: LocaleFilter = .auto, code: String? = nil) -> MatchResult {
        var message = message
        var fast: MatchResult? = nil
        message.withUTF8 { bytes in
            // Combining marks U+0300–U+036F start with 0xCC or 0xCD: decomposed text takes the slow path.
            if bytes.contains(where: { $0 == 0xCC || $0 == 0xCD }) { return }
            fast = match(bytes: bytes, locale: locale, code: code, nfcChanged: false)
        }
        if let fast { return fast }
        var composed = message.precomposedStringWithCanonicalMapping
        // String == compares canonically: compare the bytes.
        let changed = !composed.utf8.elementsEqual(message.utf8)
        return composed.withUTF8 { match(bytes: $0, locale: locale, code: code, nfcChanged: changed) }
    }

    func match(bytes: UnsafeBufferPointer<UInt8>, locale: LocaleFilter, code: String?, nfcChanged: Bool) -> MatchResult {
        let storage = self.storage
        let templates = storage.templates, automaton = storage.automaton
        let trimmed = Trimmed(bytes)
        let length = max(1, trimmed.bodyEnd - trimmed.bodyStart)
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: length) { out in
            withUnsafeTemporaryAllocation(of: Int32.self, capacity: 2 * length) { offsets in
                let origStart = offsets.baseAddress!
                let origEnd = offsets.baseAddress! + length
                var normaliser = ByteNormaliser()
                var count = 0
                normaliser.normalise(bytes, from: trimmed.bodyStart, to: trimmed.bodyEnd, out: out.baseAddress!,
                                     origStart: origStart, origEnd: origEnd, count: &count)
                let input = UnsafeBufferPointer(start: out.baseAddress!, count: count)
                let (accepts, death) = automaton.run(input)
                var context = Context(bytes: bytes, trimmed: trimmed, origStart: origStart, origEnd: origEnd,
                                      count: count, nfcChanged: nfcChanged)
                var matches: [Match] = []
                var sortKeys: [(Int, Int, Int, Int, Int, Int)] = []
                for accept in accepts {
                    let s = Int(automaton.terminalStart[Int(accept.node)]), e = Int(automaton.terminalStart[Int(accept.node) + 1])
                    for k in s..<e {
                        let index = Int(automaton.terminals[k])
                        guard locale.admits(templates[index].locale), code == nil || code == templates[index].code else { continue }
                        guard let match = build(templates[index], captures: accept.captures, context: &context) else { continue }
                        matches.append(match)
                        sortKeys.append((Self.tier(match, templates[index]), match.tolerances.count, -match.literalBytes, -match.typeScore,
                                         templates[index].isObserved ? 1 : 0, templates[index].order))
                    }
                }
                // Catch-all templates ("{reason}.") match any sentence: they are the fallback when
                // no template with literal text matched, not an alternative to every message.
                if count > 0 && matches.isEmpty {
                    for index in catchAll {
                        guard locale.admits(templates[index].locale), code == nil || code == templates[index].code else { continue }
                        var captures = [Int32](repeating: -1, count: automaton.captureWidth)
                        captures[0] = 0; captures[1] = Int32(count)
                        guard let match = build(templates[index], captures: captures, context: &context) else { continue }
                        matches.append(match)
                        sortKeys.append((Self.tier(match, templates[index]), match.tolerances.count, -match.literalBytes, -match.typeScore,
                                         templates[index].isObserved ? 1 : 0, templates[index].order))
                    }
                }
                if matches.isEmpty {
                    return MatchResult(best: nil, alternatives: [], ambiguous: false,
                                       nearest: death.flatMap { nearMiss($0, context: context) })
                }
                var ranked: [Match]
                if matches.count == 1 {
                    ranked = matches
                } else {
                    let order = sortKeys.indices.sorted { sortKeys[$0] < sortKeys[$1] }
                    ranked = Self.mergeSameText(order.map { matches[$0] })
                }
                let ambiguous = ranked.count > 1 && Self.rank(ranked[0]) == Self.rank(ranked[1])
                // Only catch-all templates ("{reason}.") matched: still say which template came closest.
                let weak = ranked.allSatisfy(\.isCatchAll)
                return MatchResult(best: ranked[0], alternatives: Array(ranked.dropFirst()), ambiguous: ambiguous,
                                   nearest: weak ? death.flatMap { nearMiss($0, context: context) } : nil)
            }
        }
    }

    /// Exactness tier, then fewer tolerances, then more literal text, then more specific types.
    static func rank(_ match: Match) -> (Int, Int, Int, Int) {
        (match.isCatchAll ? 2 : match.exact ? 0 : 1, match.tolerances.count, match.literalBytes, match.typeScore)
    }

    /// Exact matches first, then tolerant ones, then catch-all templates with no literal text in
    /// their body (DisallowedOperation "{reason}."), which say almost nothing about the message.
    static func tier(_ match: Match, _ template: CompiledTemplate) -> Int {
        if !template.hasBodyLiteral { return 2 }
        return match.exact ? 0 : 1
    }

    /// Variants of the same code and locale that produced the same text with the same values
    /// are reported once, under the first in catalog order.
    static func mergeSameText(_ ranked: [Match]) -> [Match] {
        var out: [Match] = []
        for match in ranked {
            if let index = out.firstIndex(where: {
                $0.code == match.code && $0.locale == match.locale && $0.values == match.values
                    && $0.tolerances == match.tolerances && $0.literalBytes == match.literalBytes && $0.isObserved == match.isObserved
            }) {
                let kept = out[index]
                var first = kept, second = match
                if second.variant.index < first.variant.index { swap(&first, &second) }
                if first.variant == second.variant { continue }
                out[index] = Match(code: first.code, status: first.status, locale: first.locale, variant: first.variant,
                                   sameTextVariants: (first.sameTextVariants + [second.variant] + second.sameTextVariants)
                                       .sorted { $0.index < $1.index },
                                   isObserved: first.isObserved, values: first.values, tolerances: first.tolerances,
                                   literalBytes: first.literalBytes, typeScore: first.typeScore, isCatchAll: first.isCatchAll)
            } else {
                out.append(match)
            }
        }
        return out
    }

    /// Thread steps the automaton takes on `message` (a deterministic measure of matching work,
    /// for tests of the linear bound).
    func work(for message: String) -> Int {
        let bytes = Array(message.utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            let trimmed = Trimmed(buffer)
            let length = max(1, trimmed.bodyEnd - trimmed.bodyStart)
            var out = [UInt8](repeating: 0, count: length)
            var starts = [Int32](repeating: 0, count: length), ends = [Int32](repeating: 0, count: length)
            var count = 0
            var normaliser = ByteNormaliser()
            out.withUnsafeMutableBufferPointer { o in
                starts.withUnsafeMutableBufferPointer { s in
                    ends.withUnsafeMutableBufferPointer { e in
                        normaliser.normalise(buffer, from: trimmed.bodyStart, to: trimmed.bodyEnd, out: o.baseAddress!,
                                             origStart: s.baseAddress!, origEnd: e.baseAddress!, count: &count)
                    }
                }
            }
            var work = 0
            _ = out.withUnsafeBufferPointer { automaton.run(UnsafeBufferPointer(rebasing: $0[0..<count]), work: &work) }
            return work
        }
    }

    struct Context {
        let bytes: UnsafeBufferPointer<UInt8>
        let trimmed: Trimmed
        let origStart: UnsafeMutablePointer<Int32>
        let origEnd: UnsafeMutablePointer<Int32>
        let count: Int
        let nfcChanged: Bool

        func text(_ start: Int, _ end: Int) -> String {
            guard end > start else { return "" }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }
    }

    /// Turns an accepted path into a match for `template`: values, tolerances, scores.
    func build(_ template: CompiledTemplate, captures: [Int32], context: inout Context) -> Match? {
        let trimmed = context.trimmed
        let slots = template.slotNames.count
        // A template without literal text in its body (DisallowedOperation "{reason}.") matches
        // only with its final punctuation exactly as written.
        if !template.hasBodyLiteral && template.hasPeriod != trimmed.hasPeriod { return nil }
        // Original spans of the slots.
        var spans: [(Int, Int)] = []
        spans.reserveCapacity(slots)
        for k in 0..<slots {
            let s = Int(captures[2 * k]), e = Int(captures[2 * k + 1])
            guard s >= 0, e > s else { return nil }
            spans.append((Int(context.origStart[s]), Int(context.origEnd[e - 1])))
        }
        var tolerances = ToleranceSet()
        if trimmed.trimmedWhitespace { tolerances.insert(.whitespace) }
        if context.nfcChanged { tolerances.insert(.unicodeNormalization) }
        // The final period.
        var lastValueEnd: Int? = nil
        if template.hasPeriod != trimmed.hasPeriod {
            if !template.hasPeriod && template.endsWithSlot && slots > 0 {
                lastValueEnd = trimmed.textEnd // the period belongs to the value
            } else {
                tolerances.insert(.finalPeriod)
            }
        } else if template.hasPeriod && template.spaceBeforePeriod != trimmed.spaceBeforePeriod {
            tolerances.insert(.spaceBeforePunctuation)
        }
        // Literals against the original text between the values.
        for k in 0...slots {
            let from = k == 0 ? trimmed.bodyStart : spans[k - 1].1
            let to = k == slots ? trimmed.bodyEnd : spans[k].0
            compareLiteral(template.literals[k], context: context, from: from, to: to, into: &tolerances)
        }
        // Values.
        var values: [String: MatchedValue] = [:]
        var typeScore = 0
        for k in 0..<slots {
            let name = template.slotNames[k]
            var (from, to) = spans[k]
            if k == slots - 1, let end = lastValueEnd { to = end }
            let placeholder = template.placeholders[name] ?? Placeholder(name: name, type: .string)
            guard let value = Recognisers.value(bytes: UnsafeBufferPointer(rebasing: context.bytes[from..<to]), placeholder: placeholder,
                                                kind: template.slotKinds[k]) else { return nil }
            if let existing = values[name] {
                if existing.text != value.text { return nil }
                continue
            }
            values[name] = value
            typeScore += Recognisers.typeScore(value)
        }
        for (name, value) in template.bindings where values[name] == nil {
            let type = template.placeholders[name]?.type ?? .string
            values[name] = MatchedValue(type: type, value: value, text: value.description,
                                        rejected: template.placeholders[name]?.rejected ?? false, isValidForType: true)
        }
        return Match(code: template.code, status: template.status, locale: template.locale, variant: template.variant,
                     sameTextVariants: [], isObserved: template.isObserved, values: values,
                     tolerances: tolerances.sorted, literalBytes: template.literalBytes, typeScore: typeScore,
                     isCatchAll: !template.hasBodyLiteral)
    }

    /// Names the differences between a template literal and the received text it matched.
    func compareLiteral(_ literal: [UInt8], context: Context, from: Int, to: Int, into tolerances: inout ToleranceSet) {
        let bytes = context.bytes
        let segmentCount = to - from
        if segmentCount == literal.count {
            var equal = true
            for k in 0..<segmentCount where bytes[from + k] != literal[k] { equal = false; break }
            if equal { return }
        }
        literal.withUnsafeBufferPointer { template in
            var i = 0, j = from
            while i < template.count || j < to {
                let t: UInt8? = i < template.count ? template[i] : nil
                let s: UInt8? = j < to ? bytes[j] : nil
                if let t, let s, t == s, ByteNormaliser.whitespaceLength(template, i) == 0 {
                    i += 1; j += 1; continue
                }
                let tw = i < template.count ? ByteNormaliser.whitespaceLength(template, i) : 0
                let sw = j < to ? ByteNormaliser.whitespaceLength(bytes, j) : 0
                if tw > 0 || sw > 0 {
                    // Consume whitespace runs on both sides.
                    var ti = i, tRun = 0
                    while ti < template.count { let w = ByteNormaliser.whitespaceLength(template, ti); if w == 0 { break }; ti += w; tRun += 1 }
                    var sj = j, sRun: [UInt8] = []
                    while sj < to { let w = ByteNormaliser.whitespaceLength(bytes, sj); if w == 0 { break }; sRun += bytes[sj..<sj + w]; sj += w }
                    let nextT: UInt8? = ti < template.count ? template[ti] : nil
                    let nextS: UInt8? = sj < to ? bytes[sj] : nil
                    if tRun > 0 && !sRun.isEmpty {
                        if sRun != [0x20] || tRun != 1 { tolerances.insert(.whitespace) }
                    } else if let p = (tRun > 0 ? nextT : nextS), ByteNormaliser.isPunctuation(p) {
                        tolerances.insert(.spaceBeforePunctuation)
                    } else if (tRun > 0 && nextT == nil) || (!sRun.isEmpty && nextS == nil) || (tRun > 0 && i == 0) || (!sRun.isEmpty && j == from) {
                        tolerances.insert(.whitespace)
                    } else {
                        tolerances.insert(.whitespace)
                    }
                    i = ti; j = sj
                    continue
                }
                let tApostrophe = t == 0x27 || ByteNormaliser.isCurlyApostrophe(template, i)
                let sApostrophe = s == 0x27 || (j < to && ByteNormaliser.isCurlyApostrophe(bytes, j))
                if tApostrophe && sApostrophe {
                    tolerances.insert(.apostrophe)
                    i += t == 0x27 ? 1 : 3
                    j += s == 0x27 ? 1 : 3
                    continue
                }
                if let t, let s, t | 0x20 == s | 0x20, (t | 0x20) >= 0x61, (t | 0x20) <= 0x7A {
                    tolerances.insert(j == context.trimmed.bodyStart ? .firstLetterCase : .letterCase)
                    i += 1; j += 1; continue
                }
                // Not explained by a tolerance (should not happen: the normal forms were equal).
                tolerances.insert(.letterCase)
                i += 1; j += 1
            }
        }
    }

    /// Describes where an unmatched message left the template it followed furthest.
    func nearMiss(_ death: Automaton.Death, context: Context) -> NearMiss? {
        var node = death.state
        var expectedSlot: SlotKind? = nil
        if node < 0 {
            let edge = Int(-node - 1)
            node = automaton.edgeChild[edge]
            expectedSlot = nil
            _ = edge
        }
        let rep = automaton.representative[Int(node)]
        guard rep.template >= 0 else { return nil }
        let template = templates[Int(rep.template)]
        let element = Int(rep.element)
        var expected: String
        if element < template.normalisedLiterals.count {
            let literal = template.normalisedLiterals[element]
            let rest = Array(literal[min(Int(rep.offset), literal.count)...])
            if !rest.isEmpty {
                expected = "\"" + String(decoding: rest, as: UTF8.self) + "\""
            } else if element < template.slotKinds.count {
                expectedSlot = template.slotKinds[element]
                expected = "{\(template.slotNames[element])}: " + (expectedSlot?.describedAs ?? "text")
            } else {
                expected = template.hasPeriod ? "\".\" and the end of the message" : "the end of the message"
            }
        } else {
            expected = "the end of the message"
        }
        let position = death.position
        let offset: Int
        if position < context.count {
            offset = Int(context.origStart[position])
        } else {
            offset = context.trimmed.bodyEnd
        }
        var scalarOffset = 0
        for k in 0..<offset where context.bytes[k] & 0xC0 != 0x80 { scalarOffset += 1 }
        return NearMiss(code: template.code, locale: template.locale, variant: template.variant, pattern: template.pattern,
                        utf8Offset: offset, scalarOffset: scalarOffset, expected: expected)
    }
}
