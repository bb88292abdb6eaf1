import ErrorCatalog
import Foundation
import MessageSyntax
import Synchronization

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
        /// Templates that start with literal text, then (if any) templates that start with a value.
        let parts: [Automaton]
        /// Literals of which a message must contain one for the second part to match (nil: no filter).
        let slotFirstFilter: LiteralSet?
        /// Templates with no literal body text ("{reason}."), matched without the automaton.
        let catchAll: [Int]
        let catalog: Catalog?
        /// Flat per-template tables for the allocation-free core.
        let core: CoreTables
        /// The literal-anchored exact pre-pass (see `AnchoredIndex`).
        let anchored: AnchoredIndex
        let anchoredView: AnchoredView
        /// Whether `scan` tries the pre-pass first (off only to compare it with the automaton).
        let anchoredEnabled: Bool
        /// Each template's literal text for the fallback of `match()` (see LiteralFallback.swift).
        let fallbackPatterns: [FallbackPattern]
        let fallbackIndex: FallbackIndex
        /// Scratches for callers that do not bring their own (`match`, `withMatch` without one).
        let pool = ScratchPool()
        init(templates: [CompiledTemplate], catalog: Catalog?, anchoredEnabled: Bool = true) {
            self.templates = templates
            self.anchored = AnchoredIndex(templates: templates)
            self.anchoredView = anchored.view
            self.anchoredEnabled = anchoredEnabled
            // One capture layout for both parts: two entries per slot of the longest template.
            let width = 2 * max(1, templates.filter { !$0.isCatchAll }.map(\.slotKinds.count).max() ?? 1)
            let literalFirst = Automaton(templates: templates, minimumWidth: width) { !($0.normalisedLiterals.first?.isEmpty ?? true) }
            let slotFirst = Automaton(templates: templates, minimumWidth: width, edgeOffset: literalFirst.edgeKind.count) {
                $0.normalisedLiterals.first?.isEmpty ?? true
            }
            self.parts = slotFirst.nodeCount > 1 ? [literalFirst, slotFirst] : [literalFirst]
            // What a message must contain for a template that starts with a value to match: the
            // longest literal of each such template (at most 32 of them; otherwise no filter).
            var required: Set<[UInt8]> = []
            var usable = true
            for template in templates where !template.isCatchAll && (template.normalisedLiterals.first?.isEmpty ?? true) {
                guard let longest = template.normalisedLiterals.max(by: { $0.count < $1.count }), !longest.isEmpty else { usable = false; break }
                required.insert(longest)
            }
            self.slotFirstFilter = usable && required.count <= 32 ? LiteralSet(required.sorted { $0.lexicographicallyPrecedes($1) }) : nil
            self.core = CoreTables(templates: templates)
            self.catchAll = templates.indices.filter { templates[$0].isCatchAll }
            self.catalog = catalog
            self.fallbackPatterns = templates.map(FallbackPattern.init)
            self.fallbackIndex = FallbackIndex(fallbackPatterns, skipping: Set(templates.indices.filter { !templates[$0].hasBodyLiteral }))
        }
    }
    let storage: Storage
    var templates: [CompiledTemplate] { storage.templates }
    var parts: [Automaton] { storage.parts }
    var catchAll: [Int] { storage.catchAll }
    /// The catalog the matcher was built from (descriptions and hints for `explain`).
    public var catalog: Catalog? { storage.catalog }

    /// Compiles every template and observed wording of every locale of `catalog`. Integers are
    /// read with each locale's grouping separator from `numberSymbols` (the built-in table by
    /// default, which a test holds equal to ICU; pass `.icu` from MessageFormatting to ask ICU).
    public init(catalog: Catalog, numberSymbols: NumberSymbolsProvider = .builtIn) throws(MatcherBuildError) {
        var compiled: [CompiledTemplate] = []
        var order = 0
        var grouping: [String: UInt8] = [:]
        for locale in catalog.locales { grouping[locale] = Recognisers.groupingByte(numberSymbols.symbols(for: locale)) }
        for entry in catalog.codes {
            var placeholders: [String: Placeholder] = [:]
            for placeholder in entry.placeholders { placeholders[placeholder.name] = placeholder }
            for locale in catalog.locales {
                guard let localized = entry.localized[locale] else { continue }
                let all = localized.templates.map { ($0, false) } + localized.observed.map { ($0, true) }
                for (index, (template, observed)) in all.enumerated() {
                    let variant = VariantID(id: template.id, index: index)
                    try Self.checkAlternativeLimit(template.message, code: entry.code, locale: locale, pattern: template.pattern)
                    for alternative in TemplateCompiler.expand(template.message, placeholders: placeholders, grouping: grouping[locale]!) {
                        try Self.checkSlotLimit(alternative, code: entry.code, locale: locale, pattern: template.pattern)
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
    public init(templates raw: [RawTemplate], numberSymbols: NumberSymbolsProvider = .builtIn) throws(MatcherBuildError) {
        var compiled: [CompiledTemplate] = []
        var variantCounts: [String: Int] = [:]
        var grouping: [String: UInt8] = [:]
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
            let separator = grouping[template.locale] ?? Recognisers.groupingByte(numberSymbols.symbols(for: template.locale))
            grouping[template.locale] = separator
            try Self.checkAlternativeLimit(message, code: template.code, locale: template.locale, pattern: template.pattern)
            for alternative in TemplateCompiler.expand(message, placeholders: placeholders, grouping: separator) {
                try Self.checkSlotLimit(alternative, code: template.code, locale: template.locale, pattern: template.pattern)
                compiled.append(TemplateCompiler.compile(alternative, code: template.code, status: template.status,
                                                         locale: template.locale, variant: VariantID(id: template.variant, index: index),
                                                         isObserved: template.isObserved, pattern: template.pattern,
                                                         order: order, placeholders: placeholders))
            }
        }
        self.init(compiled: compiled, catalog: nil)
    }

    init(storage: Storage) { self.storage = storage }

    /// Refuses a template whose plural/select/choice branches expand to more alternatives than
    /// `MatcherLimits.maxAlternativesPerTemplate` (the rest would silently never match).
    static func checkAlternativeLimit(_ message: Message, code: String, locale: String, pattern: String) throws(MatcherBuildError) {
        let count = TemplateCompiler.alternativeCount(message)
        if count > MatcherLimits.maxAlternativesPerTemplate {
            throw MatcherBuildError(code: code, locale: locale, pattern: pattern,
                                    reason: "its plural/select branches expand to \(count >= Int.max / 2 ? "too many" : String(count)) alternatives; "
                                        + "the matcher accepts at most \(MatcherLimits.maxAlternativesPerTemplate) per template "
                                        + "(MatcherLimits.maxAlternativesPerTemplate): nest fewer branches")
        }
    }

    /// Refuses an alternative with more placeholder slots than `MatcherLimits.maxSlotsPerTemplate`
    /// (the automaton's per-thread captures grow with it; the catalog loader checks the same limit).
    static func checkSlotLimit(_ alternative: TemplateCompiler.Alternative, code: String, locale: String,
                               pattern: String) throws(MatcherBuildError) {
        let slots = alternative.elements.reduce(0) { count, element in
            if case .slot = element { return count + 1 }
            return count
        }
        if slots > MatcherLimits.maxSlotsPerTemplate {
            throw MatcherBuildError(code: code, locale: locale, pattern: pattern,
                                    reason: "the template has \(slots) placeholder slots; the matcher accepts at most "
                                        + "\(MatcherLimits.maxSlotsPerTemplate) per template (MatcherLimits.maxSlotsPerTemplate): "
                                        + "split the message or use fewer placeholders")
        }
    }

    init(compiled: [CompiledTemplate], catalog: Catalog?) {
        self.storage = Storage(templates: compiled, catalog: catalog)
    }

    /// The same templates with the literal-anchored exact pre-pass on or off (on by default).
    /// The results are the same either way; off, every message runs through the automaton (for
    /// differential tests and benchmarks).
    @_spi(Benchmarks) public func withAnchoredPass(_ enabled: Bool) -> MessageMatcher {
        if enabled == storage.anchoredEnabled { return self }
        return MessageMatcher(storage: Storage(templates: storage.templates, catalog: storage.catalog, anchoredEnabled: enabled))
    }

    /// Whether the literal-anchored pre-pass is on.
    @_spi(Benchmarks) public var anchoredPassEnabled: Bool { storage.anchoredEnabled }

    /// Number of compiled alternatives (templates after plural/select expansion).
    public var templateCount: Int { templates.count }
    /// Number of automaton states (a size measure).
    public var stateCount: Int { parts.reduce(0) { $0 + $1.nodeCount } }

    /// Matches `message` against every template (of `locale`, and of `code` if given).
    /// When no template with literal text matches, a fallback reads the literal text alone (see
    /// `Tolerance.valueType`, `.truncated`, `.extraText`, `.sharpS`); its matches rank above any
    /// free-text-only template.
    public func match(_ message: String, locale: LocaleFilter = .auto, code: String? = nil) -> MatchResult {
        completed(automatonMatch(message, locale: locale, code: code), message: message, locale: locale, code: code)
    }

    /// The automaton's answer made `match()`'s: the literal-text fallback when no template with
    /// literal text matched.
    func completed(_ scanned: MatchResult, message: String, locale: LocaleFilter, code: String?) -> MatchResult {
        if let best = scanned.best, !best.isCatchAll { return scanned }
        return withLiteralFallback(scanned, message: message, locale: locale, code: code)
    }

    /// `match()` without the literal-text fallback: what the automaton (and `withMatch`) says.
    @_spi(Benchmarks) public func automatonMatch(_ message: String, locale: LocaleFilter = .auto, code: String? = nil) -> MatchResult {
        withPooledScratch { scratch in
            withScan(message, locale: locale, code: code, scratch: scratch) {
                result(scratch, nearest: .query(matcher: self, message: message, locale: locale, code: code))
            }
        }
    }

    /// Runs `body` with a scratch from the matcher's pool (returned afterwards).
    func withPooledScratch<R>(_ body: (MatchScratch) throws -> R) rethrows -> R {
        let box = storage.pool.take()
        defer { storage.pool.give(box) }
        return try body(box.scratch)
    }

    /// Scans `message` into `scratch` (NFC first when it has combining marks) and runs `body`
    /// while the message bytes are alive.
    func withScan<R>(_ message: String, locale: LocaleFilter, code: String?, scratch: MatchScratch, _ body: () throws -> R) rethrows -> R {
        var message = message
        // Decomposed text (combining marks) is composed first: `scan` says so and does nothing.
        if let result = try message.withUTF8({ bytes -> R? in
            guard scan(bytes, nfcChanged: false, checkNFC: true, locale: locale, code: code, scratch: scratch) else { return nil }
            return try body()
        }) {
            return result
        }
        return try withComposedScan(message, locale: locale, code: code, scratch: scratch, body)
    }

    /// Composes decomposed text to NFC, scans it and runs `body` while its bytes are alive.
    @usableFromInline
    func withComposedScan<R>(_ message: String, locale: LocaleFilter, code: String?, scratch: MatchScratch,
                             _ body: () throws -> R) rethrows -> R {
        var composed = message.precomposedStringWithCanonicalMapping
        // String == compares canonically: compare the bytes.
        let changed = !composed.utf8.elementsEqual(message.utf8)
        return try composed.withUTF8 { bytes in
            scan(bytes, nfcChanged: changed, locale: locale, code: code, scratch: scratch)
            return try body()
        }
    }

    /// The full result of the scan in `scratch`: every candidate as a typed `Match`, ranked.
    /// `nearest` is kept in the result only when it has no match or only catch-all matches; the
    /// report itself is computed when it is read (with no query: now, from the scratch).
    func result(_ scratch: MatchScratch, nearest makeQuery: @autoclosure () -> NearestQuery?) -> MatchResult {
        let templates = self.templates
        if scratch.candidateCount == 1 {
            // One match (what most messages give): no arrays to rank or merge.
            let match = buildMatch(0, scratch: scratch)
            return MatchResult(best: match, alternatives: [], ambiguous: false,
                               nearestQuery: match.isCatchAll ? makeQuery() ?? .computed(nearMiss(after: scratch)) : nil)
        }
        let count = scratch.candidateCount
        if count == 0 {
            return MatchResult(best: nil, alternatives: [], ambiguous: false, nearestQuery: makeQuery() ?? .computed(nearMiss(after: scratch)))
        }
        // Rank the candidates by their keys, then build a `Match` only for each one that stays in
        // the result (same-text variants merge first), in rank order: no array of matches to
        // permute, no dictionary built for a variant that is merged away.
        var sortKeys: [(Int, Int, Int, Int, Int, Int)] = []
        sortKeys.reserveCapacity(count)
        for c in 0..<count {
            completeValidity(c, scratch: scratch)
            let candidate = scratch.candidates[c]
            let template = templates[Int(candidate.template)]
            sortKeys.append((!template.hasBodyLiteral ? 2 : candidate.tolerances == 0 ? 0 : 1, candidate.tolerances.nonzeroBitCount,
                             -template.literalBytes, -Int(candidate.typeScore), template.isObserved ? 1 : 0, template.order))
        }
        let order = sortKeys.indices.sorted { sortKeys[$0] < sortKeys[$1] }
        var ranked: [Match] = []
        ranked.reserveCapacity(count)
        /// The candidate each entry of `ranked` was built from.
        var kept: [Int] = []
        kept.reserveCapacity(count)
        var texts = SpanText()
        for c in order {
            if let index = kept.firstIndex(where: { sameText($0, c, scratch: scratch) }) {
                // A same-text variant: reported once, under the variant first in catalog order;
                // no `Match` is built for it (its values equal the kept one's).
                let other = ranked[index]
                let template = templates[Int(scratch.candidates[c].template)]
                let variant = template.variant
                if variant == other.variant { continue }
                if variant.index < other.variant.index {
                    ranked[index] = Match(code: template.code, status: template.status, locale: template.locale, variant: variant,
                                          sameTextVariants: ([other.variant] + other.sameTextVariants).sorted { $0.index < $1.index },
                                          isObserved: template.isObserved, values: other.values, tolerances: other.tolerances,
                                          literalBytes: template.literalBytes, typeScore: Int(scratch.candidates[c].typeScore),
                                          isCatchAll: !template.hasBodyLiteral)
                } else {
                    ranked[index] = Match(code: other.code, status: other.status, locale: other.locale, variant: other.variant,
                                          sameTextVariants: (other.sameTextVariants + [variant]).sorted { $0.index < $1.index },
                                          isObserved: other.isObserved, values: other.values, tolerances: other.tolerances,
                                          literalBytes: other.literalBytes, typeScore: other.typeScore, isCatchAll: other.isCatchAll)
                }
            } else {
                ranked.append(buildMatch(c, scratch: scratch, texts: &texts))
                kept.append(c)
            }
        }
        let ambiguous = ranked.count > 1 && Self.rank(ranked[0]) == Self.rank(ranked[1])
        // Only catch-all templates ("{reason}.") matched: still say which template came closest.
        let weak = ranked.allSatisfy(\.isCatchAll)
        let best = ranked.removeFirst()
        return MatchResult(best: best, alternatives: ranked, ambiguous: ambiguous,
                           nearestQuery: weak ? makeQuery() ?? .computed(nearMiss(after: scratch)) : nil)
    }

    /// The nearest-template report for a message scanned into `scratch`: when the scan pruned
    /// threads or skipped an automaton, the automata run again without either (the report follows
    /// every thread to where it died). Candidates are not touched.
    func nearMiss(after scratch: MatchScratch) -> NearMiss? {
        if scratch.pruned || scratch.skippedPart {
            let accepts = scratch.acceptCount
            scratch.death = nil
            scratch.deathAutomaton = nil
            for automaton in parts {
                automaton.run(UnsafeBufferPointer(start: scratch.normalised, count: scratch.count), into: scratch)
            }
            scratch.acceptCount = accepts
            scratch.skippedPart = false
            scratch.pruned = false
        }
        return scratch.death.flatMap { nearMiss($0, scratch: scratch) }
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

    /// Thread steps the automaton takes on `message` (a deterministic measure of matching work,
    /// for tests of the linear bound).
    /// With `pruned`, the run that `withMatch` and `match()` do first (pruned slots, skipped stop
    /// bytes), counting the bytes compared by the pruning as well.
    func work(for message: String, pruned: Bool = false) -> Int {
        var message = message
        let scratch = MatchScratch()
        return message.withUTF8 { bytes in
            _ = scratch.prepare(bytes, nfcChanged: false)
            var work = 0
            scratch.acceptCount = 0
            scratch.nextGeneration()
            for automaton in parts {
                automaton.run(UnsafeBufferPointer(start: scratch.normalised, count: scratch.count), into: scratch, work: &work, prune: pruned)
            }
            return work
        }
    }

    /// Describes where an unmatched message left the template it followed furthest.
    func nearMiss(_ death: Automaton.Death, scratch: MatchScratch) -> NearMiss? {
        guard let automaton = scratch.deathAutomaton else { return nil }
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
        if position < scratch.count {
            offset = scratch.originalStart(position)
        } else {
            offset = scratch.trimmed.bodyEnd
        }
        var scalarOffset = 0
        for k in 0..<offset where scratch.bytes[k] & 0xC0 != 0x80 { scalarOffset += 1 }
        return NearMiss(code: template.code, locale: template.locale, variant: template.variant, pattern: template.pattern,
                        utf8Offset: offset, scalarOffset: scalarOffset, expected: expected)
    }
}

/// What `MatchResult.nearest` needs to compute its report on access: the matcher and the query
/// (`match()`), or the report itself (`result(of:)`, whose scratch is not the result's to keep).
enum NearestQuery: Sendable {
    /// Scan the message again (in a pooled scratch) when the report is read.
    case query(matcher: MessageMatcher, message: String, locale: LocaleFilter, code: String?)
    /// The automaton's report already taken from the scratch of the scan that produced the result
    /// (`result(of:message:locale:code:)`: no second scan); filters apply as for `query`.
    case scanned(NearMiss?, matcher: MessageMatcher, message: String, locale: LocaleFilter, code: String?)
    case computed(NearMiss?)

    func nearest() -> NearMiss? {
        switch self {
        case .computed(let nearMiss):
            return nearMiss
        case .query(let matcher, let message, let locale, let code):
            let nearMiss = matcher.withPooledScratch { scratch in
                matcher.withScan(message, locale: locale, code: code, scratch: scratch) { matcher.nearMiss(after: scratch) }
            }
            return Self.filtered(nearMiss, matcher: matcher, message: message, locale: locale, code: code)
        case .scanned(let nearMiss, let matcher, let message, let locale, let code):
            return Self.filtered(nearMiss, matcher: matcher, message: message, locale: locale, code: code)
        }
    }

    /// The automaton follows every template: a filter (code, locale) applies to the report too,
    /// and a filtered request whose report falls outside it gets the literal-text report.
    private static func filtered(_ nearMiss: NearMiss?, matcher: MessageMatcher, message: String, locale: LocaleFilter,
                                 code: String?) -> NearMiss? {
        if let nearMiss, locale.admits(nearMiss.locale) && (code == nil || nearMiss.code == code) { return nearMiss }
        if nearMiss == nil && code == nil && locale == .auto { return nil }
        return matcher.literalNearest(message, locale: locale, code: code)
    }
}

/// A scratch in the matcher's pool. Only ever used by the one caller that checked it out.
final class PooledScratch: @unchecked Sendable {
    let scratch = MatchScratch()
}

/// The matcher's scratches for callers that bring none: one in an atomic slot, so that a single
/// thread takes and returns it with one atomic operation each (no lock, no call into a generic
/// `withLock`: about 550 instructions of every `match()` before), and up to 16 more behind a lock
/// for concurrent callers. ThreadSanitizer understands both (acquire/release atomics, pthread
/// mutex), so the concurrency tests check the pool rather than trust it.
final class ScratchPool: Sendable {
    private let slot = Atomic<Unmanaged<PooledScratch>?>(nil)
    private let rest = Locked<[PooledScratch]>([])

    func take() -> PooledScratch {
        if let box = slot.exchange(nil, ordering: .acquiring) { return box.takeRetainedValue() }
        return rest.withLock { $0.popLast() } ?? PooledScratch()
    }

    func give(_ box: PooledScratch) {
        let retained = Unmanaged.passRetained(box)
        if slot.compareExchange(expected: nil, desired: retained, ordering: .releasing).exchanged { return }
        retained.release()
        rest.withLock { if $0.count < 16 { $0.append(box) } }
    }

    deinit {
        slot.load(ordering: .acquiring)?.release()
    }
}
