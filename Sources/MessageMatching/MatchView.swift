import ErrorCatalog

/// The best match of one message, read in place from a `MatchScratch` without building the typed
/// result (no dictionary, no `Match`, no strings until asked for one). Valid only inside the
/// `withMatch` closure that received it.
///
/// It says what `match(_:locale:code:)` says about its `best`: the same template, variant,
/// tolerances and values, and whether the result is ambiguous.
public struct MatchView {
    // Unowned: the view lives only inside `withMatch`, where the matcher and the scratch are alive
    // (no reference counting per message).
    unowned(unsafe) let storage: MessageMatcher.Storage
    unowned(unsafe) let scratch: MatchScratch
    var matcher: MessageMatcher { MessageMatcher(storage: storage) }
    /// The best candidate's facts, read once (no table lookups per accessor).
    let facts: TemplateFacts
    let slotFacts: UnsafeMutablePointer<SlotFacts>
    /// First of the best candidate's slots in the scratch.
    let slotBase: Int
    let toleranceBits: UInt16

    init(matcher: MessageMatcher, scratch: MatchScratch) {
        self.storage = matcher.storage
        self.scratch = scratch
        unowned(unsafe) let core = matcher.storage.core
        if scratch.best >= 0 {
            let candidate = scratch.candidates[scratch.best]
            facts = core.facts[Int(candidate.template)]
            slotBase = Int(candidate.slotBase)
            toleranceBits = candidate.tolerances
        } else {
            facts = TemplateFacts(literalBytes: 0, order: 0, slotBase: 0, slotCount: 0, literalBase: 0, codeID: -1, localeID: -1,
                                  shapeID: -1, variantIndex: -1, flags: 0)
            slotBase = 0
            toleranceBits = 0
        }
        slotFacts = core.slots + Int(facts.slotBase)
    }

    /// At least one template matched.
    public var matched: Bool { scratch.best >= 0 }
    /// Templates that matched (before same-text variants are merged).
    public var candidateCount: Int { scratch.candidateCount }
    /// More than one match has the best rank (see `MatchResult.ambiguous`).
    public var ambiguous: Bool { scratch.ambiguous }
    /// The literal-anchored pre-pass decided this result (the automaton did not run).
    @_spi(Benchmarks) public var answeredByAnchoredPass: Bool { scratch.answeredByAnchoredPass }

    var candidate: Candidate { scratch.candidates[scratch.best] }
    var template: CompiledTemplate { storage.templates[Int(candidate.template)] }

    /// The code of the best match (`nil` when nothing matched).
    public var code: String? { matched ? template.code : nil }
    /// Its HTTP status in the catalog.
    public var status: Int? { matched ? template.status : nil }
    public var locale: String? { matched ? template.locale : nil }
    /// The variant, as `Match.variant` (the first of same-text variants in catalog order).
    public var variant: VariantID? { matched ? scratch.bestVariant ?? template.variant : nil }
    /// A recognise-only wording.
    public var isObserved: Bool { matched && template.isObserved }
    /// The template matches any sentence ("{reason}."): the match says little.
    public var isCatchAll: Bool { matched && !template.hasBodyLiteral }
    /// As `Match.confidence`: `low` for a free-text-only template, `noMatch` when nothing matched.
    /// The view is the automaton's answer: for a `low` or unmatched view, `match()` may still find
    /// a template by its literal text (`valueType`, `truncated` …).
    public var confidence: Confidence { !matched ? .noMatch : isCatchAll ? .low : .high }
    /// No tolerance was needed.
    public var exact: Bool { matched && toleranceBits == 0 }
    /// Each tolerance applied, in `Tolerance` order (allocates when there is one).
    public var tolerances: [Tolerance] { matched ? ToleranceSet(bits: toleranceBits).sorted : [] }
    /// Whether `tolerance` was applied (no allocation).
    public func applied(_ tolerance: Tolerance) -> Bool { matched && toleranceBits & tolerance.bit != 0 }

    /// Number of placeholder slots in the matched template (a name can occur in more than one).
    public var slotCount: Int { matched ? Int(facts.slotCount) : 0 }
    /// The placeholder name of slot `index`.
    public func name(at index: Int) -> String { template.slotNames[index] }
    /// The slot that carries placeholder `name`, if the matched template has one.
    public func slot(named name: String) -> Int? {
        guard matched else { return nil }
        let names = template.slotNames
        for k in names.indices where names[k] == name { return k }
        return nil
    }

    /// Runs `body` on the original UTF-8 bytes of slot `index` (no copy).
    public func withBytes<R>(at index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        precondition(matched && index >= 0 && index < slotCount, "slot index out of range")
        return try body(scratch.slotBytes(slotBase + index))
    }
    /// The text of slot `index` exactly as it appeared in the message.
    public func text(at index: Int) -> String { withBytes(at: index) { String(decoding: $0, as: UTF8.self) } }
    /// The number in slot `index`, for a placeholder of type `integer` that is not `rejected`
    /// (from localized digits such as `1.200`).
    public func integer(at index: Int) -> Int64? {
        precondition(matched && index >= 0 && index < slotCount, "slot index out of range")
        let slot = slotFacts[index]
        guard slot.type == .integer, !slot.rejected else { return nil }
        let s = slotBase + index
        return scratch.slotState[s] & 4 != 0 ? scratch.slotInteger[s] : nil
    }

    /// The text of placeholder `name` as it appeared (or, for a value fixed by a plural/select
    /// branch, its description); `nil` if the matched template has no such placeholder.
    public func text(of name: String) -> String? {
        if let k = slot(named: name) { return text(at: k) }
        return matched ? template.bindings[name]?.description : nil
    }
    /// The number of placeholder `name`, when it is a (not rejected) `integer`.
    public func integer(of name: String) -> Int64? {
        if let k = slot(named: name) { return integer(at: k) }
        if matched, case .integer(let value)? = template.bindings[name] { return value }
        return nil
    }

    /// The typed values, as `Match.values` (builds the dictionary).
    public var values: [String: MatchedValue] { matched ? matcher.values(of: scratch.best, scratch: scratch) : [:] }

    /// Runs `body` on each of `values`' entries in name order, without building the dictionary
    /// (for writers that print values sorted by name, such as `errcat parse --json`).
    public func forEachValueInNameOrder(_ body: (String, MatchedValue) throws -> Void) rethrows {
        try forEachRawValueInNameOrder({ name, raw in try body(name, raw.matchedValue) }, binding: body)
    }

    /// A slot's value as the scan left it: what `MatchedValue` is built from, without building
    /// it (for writers that print values, such as `errcat parse --json`).
    package struct RawValue {
        package let type: PlaceholderType
        package let rejected: Bool
        package let valid: Bool
        /// The number, for an integer slot the recognisers read one from.
        package let integer: Int64?
        /// The slot's bytes in the message (`MatchedValue.text` is these, decoded).
        package let bytes: UnsafeBufferPointer<UInt8>

        /// The value `forEachValueInNameOrder` gives for this slot.
        package var matchedValue: MatchedValue {
            Recognisers.value(text: String(decoding: bytes, as: UTF8.self), type: type, rejected: rejected, valid: valid, integer: integer)
        }
    }

    /// `forEachValueInNameOrder` for writers: a slot's value comes as its raw parts (no string),
    /// a value the template binds (`MatchedValue`) as it is.
    package func forEachRawValueInNameOrder(_ slot: (String, RawValue) throws -> Void,
                                           binding: (String, MatchedValue) throws -> Void) rethrows {
        guard matched else { return }
        matcher.completeValidity(scratch.best, scratch: scratch)
        let template = self.template
        for source in template.valueOrder {
            switch source {
            case .slot(let k):
                let facts = slotFacts[k]
                let s = slotBase + k
                let state = scratch.slotState[s]
                try slot(template.slotNames[k], RawValue(type: facts.type, rejected: facts.rejected, valid: state & 2 != 0,
                                                         integer: state & 4 != 0 ? scratch.slotInteger[s] : nil,
                                                         bytes: scratch.slotBytes(s)))
            case .binding(let name, let value):
                try binding(name, MatchedValue(type: template.placeholders[name]?.type ?? .string, value: value, text: value.description,
                                               rejected: template.placeholders[name]?.rejected ?? false, isValidForType: true))
            }
        }
    }
}

extension MessageMatcher {
    /// Matches `message` with `scratch` as working memory and runs `body` on the best match,
    /// read in place. After the scratch has grown to the longest message, this allocates nothing
    /// unless `body` asks for strings: the fast API for pipelines. The view must not escape `body`.
    /// Inlinable so that it is specialised for the caller's `R` (no generic metadata per message).
    @inlinable
    public func withMatch<R>(_ message: String, locale: LocaleFilter = .auto, code: String? = nil, scratch: MatchScratch,
                             _ body: (MatchView) throws -> R) rethrows -> R {
        var text = message
        if let result = try text.withUTF8({ bytes -> R? in
            guard scanForView(bytes, locale: locale, code: code, scratch: scratch) else { return nil }
            return try body(makeView(scratch))
        }) {
            return result
        }
        return try withComposedScan(message, locale: locale, code: code, scratch: scratch) { try body(makeView(scratch)) }
    }

    /// Scans `bytes` (false: the text must be composed to NFC first).
    @usableFromInline
    func scanForView(_ bytes: UnsafeBufferPointer<UInt8>, locale: LocaleFilter, code: String?, scratch: MatchScratch) -> Bool {
        scan(bytes, nfcChanged: false, checkNFC: true, locale: locale, code: code, scratch: scratch)
    }

    @usableFromInline
    func makeView(_ scratch: MatchScratch) -> MatchView { MatchView(matcher: self, scratch: scratch) }

    /// `withMatch(_:locale:code:scratch:_:)` with a scratch from the matcher's own pool.
    public func withMatch<R>(_ message: String, locale: LocaleFilter = .auto, code: String? = nil,
                             _ body: (MatchView) throws -> R) rethrows -> R {
        try withPooledScratch { scratch in
            try withMatch(message, locale: locale, code: code, scratch: scratch, body)
        }
    }

    /// The full `MatchResult` of what the view's scratch holds: the automaton's answer (what
    /// `withMatch` saw), without matching again and without `match()`'s literal-text fallback.
    public func result(of view: MatchView) -> MatchResult { result(view.scratch, nearest: nil) }

    /// Exactly what `match(message, locale: locale, code: code)` returns, built from the view of
    /// that same call to `withMatch` (no second scan): for callers that answer the common case
    /// from the view and need the full result only for the rest. Pass the same message, locale
    /// and code that `withMatch` was given.
    public func result(of view: MatchView, message: String, locale: LocaleFilter = .auto, code: String? = nil) -> MatchResult {
        // The nearest-template report comes from the view's own scratch (the same scan, so no
        // second one), and only when the finished result wants it: not when a template with
        // literal text matched, nor when the literal-text fallback found one.
        let scratch = view.scratch
        let done = completed(result(scratch, nearest: .computed(nil)), message: message, locale: locale, code: code)
        guard done.nearestQuery != nil else { return done }
        return MatchResult(best: done.best, alternatives: done.alternatives, ambiguous: done.ambiguous,
                           nearestQuery: .scanned(nearMiss(after: scratch), matcher: self, message: message, locale: locale,
                                                  code: code))
    }
}
