import ErrorCatalog
import Foundation

// The literal-text fallback of `match()`: it runs only when no template with literal text
// matched (nothing, or only a free-text-only template such as DisallowedOperation "{reason}.").
// It reads every slot as any text and matches the templates' literal text on a folded form of
// the message (letter case beyond ASCII, ß/ss, apostrophes, whitespace), so that a message whose
// literal text fits a template is reported as that template, with named tolerances:
// `valueType` (a value that does not fit its type, kept as text), `truncated` (the message stops
// at a clause boundary of the template), `extraText` (more text after a clause boundary),
// `letterCase`, `sharpS` … The hot path (`withMatch`) never runs it; `match()` pays nothing for a
// message that matched a template with literal text.

/// The longest message (in Unicode scalars) the fallback reads; longer text keeps the
/// automaton's answer (real server messages are far shorter; this bounds the work).
let literalFallbackLimit = 1_024

/// A text folded for comparison: each folded scalar with the index of the original scalar it
/// came from.
struct FoldedText {
    var scalars: [Unicode.Scalar] = []
    var origin: [Int] = []

    /// Unicode White_Space, without a property lookup for ASCII.
    @inline(__always) static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x80 { return v == 0x20 || (v >= 0x09 && v <= 0x0D) }
        return scalar.properties.isWhitespace
    }

    init(_ text: [Unicode.Scalar]) {
        scalars.reserveCapacity(text.count)
        origin.reserveCapacity(text.count)
        for (i, scalar) in text.enumerated() {
            let v = scalar.value
            if FoldedText.isWhitespace(scalar) {
                if scalars.last == " " { continue }
                scalars.append(" "); origin.append(i)
            } else if v < 0x80 {
                // ASCII without property lookups: upper case folded.
                scalars.append(v >= 0x41 && v <= 0x5A ? Unicode.Scalar(UInt8(v + 0x20)) : scalar); origin.append(i)
            } else if v == 0x2019 || v == 0x2018 {
                scalars.append("'"); origin.append(i)
            } else if scalar == "ß" || scalar == "\u{1E9E}" {
                scalars.append("s"); origin.append(i)
                scalars.append("s"); origin.append(i)
            } else {
                for folded in scalar.properties.lowercaseMapping.unicodeScalars { scalars.append(folded); origin.append(i) }
            }
        }
    }
}

/// A template as the fallback reads it: folded literal characters and slots of any text.
/// A class, so that trying a candidate costs one reference, not a copy of five arrays; its
/// properties are set in `init` and never changed afterwards (hence `@unchecked Sendable`).
final class FallbackPattern: @unchecked Sendable {
    enum Token: Equatable {
        case character(Unicode.Scalar)
        /// The first character of slot k.
        case slotStart(Int)
        /// The rest of slot k (any length).
        case slotRest(Int)

        var isSlot: Bool {
            if case .character = self { return false }
            return true
        }
    }

    private(set) var tokens: [Token] = []
    /// For each literal token, its literal's index and the offset (in Unicode scalars) of the
    /// original character it came from; (-1, 0) for a slot token.
    private(set) var sources: [(literal: Int32, offset: Int32)] = []
    /// Where the template may be cut: tokens that are a clause boundary (`.`, `:`, `;`, `,`).
    private(set) var cuts: [Int] = []
    /// Folded literal characters.
    private(set) var literalCount = 0
    /// Literal characters before each token.
    private(set) var literalBefore: [Int] = []
    /// Where the template's tail of only spacing and values begins ("… reason of failure: {reason}"
    /// → the index of the space), when that tail holds a value: a message that stops there has
    /// those values empty. Nil when the template ends with literal text.
    private(set) var emptyTail: Int?
    /// The same at the start ("{action} is supported on …" → the index of "i"): a message that
    /// starts there has the head's values empty.
    private(set) var emptyHead: Int?

    /// A clause boundary: `.` `:` `;` `,` (compared directly: this runs at every position of a message).
    @inline(__always) static func isBoundary(_ c: Unicode.Scalar) -> Bool { c == "." || c == ":" || c == ";" || c == "," }

    init(_ template: CompiledTemplate) {
        for (k, literal) in template.literals.enumerated() {
            let folded = FoldedText(Array(String(decoding: literal, as: UTF8.self).unicodeScalars))
            for (j, scalar) in folded.scalars.enumerated() {
                tokens.append(.character(scalar))
                sources.append((literal: Int32(k), offset: Int32(folded.origin[j])))
            }
            if k < template.slotNames.count {
                tokens.append(contentsOf: [.slotStart(k), .slotRest(k)])
                sources.append(contentsOf: [(literal: -1, offset: 0), (literal: -1, offset: 0)])
            }
        }
        for (i, token) in tokens.enumerated() {
            literalBefore.append(literalCount)
            if case .character(let c) = token {
                literalCount += 1
                if FallbackPattern.isBoundary(c) { cuts.append(i) }
            }
        }
        // Spacing and values only; a head or tail that is the whole template would let an empty
        // message match.
        let spacingOrSlot = { (token: Token) in token == .character(" ") || token.isSlot }
        let tail = (tokens.lastIndex { !spacingOrSlot($0) } ?? -1) + 1
        emptyTail = tail > 0 && tokens[tail...].contains { $0.isSlot } ? tail : nil
        let head = tokens.firstIndex { !spacingOrSlot($0) } ?? tokens.count
        emptyHead = head < tokens.count && tokens[..<head].contains { $0.isSlot } ? head : nil
    }

    /// The template's text from token `p` on, as the pattern shows it (literal text and
    /// `{placeholders}`, e.g. `", application roles: {grantedRoles}."`); with `literalOnly`, only
    /// the rest of the literal that token `p` is in.
    func rest(from p: Int, of template: CompiledTemplate, literalOnly: Bool = false) -> String {
        var text = ""
        var k: Int
        if p >= tokens.count {
            return template.hasPeriod ? "." : ""
        } else if sources[p].literal >= 0 {
            k = Int(sources[p].literal)
            let raw = Array(String(decoding: template.literals[k], as: UTF8.self).unicodeScalars)
            text = String(String.UnicodeScalarView(raw[Int(sources[p].offset)...]))
            if literalOnly { return text }
        } else {
            switch tokens[p] {
            case .slotStart(let slot), .slotRest(let slot): k = slot
            case .character: k = 0
            }
        }
        while k < template.slotNames.count {
            text += "{\(template.slotNames[k])}" + String(decoding: template.literals[k + 1], as: UTF8.self)
            k += 1
        }
        return text + (template.hasPeriod ? "." : "")
    }

    /// Matches `tokens[..<count]` against the whole of `text` (slots non-empty): the text
    /// position of every token, or nil. Linear-time glob matching with one backtrack point.
    /// With `first`, the tokens before it are skipped (their positions stay -1).
    func match(_ text: ArraySlice<Unicode.Scalar>, count: Int, from first: Int = 0) -> [Int]? {
        // Most candidates fail: find out without allocating, then record the positions.
        guard glob(text, count: count, from: first, positions: nil) else { return nil }
        var positions = [Int](repeating: -1, count: count)
        _ = positions.withUnsafeMutableBufferPointer { glob(text, count: count, from: first, positions: $0) }
        return positions
    }

    /// The glob match itself; records each token's text position in `positions` when given.
    private func glob(_ text: ArraySlice<Unicode.Scalar>, count: Int, from first: Int,
                      positions: UnsafeMutableBufferPointer<Int>?) -> Bool {
        var p = first
        var t = text.startIndex
        var starP = -1
        var starT = 0
        while t < text.endIndex {
            if p < count {
                switch tokens[p] {
                case .character(let c) where c == text[t]:
                    positions?[p] = t; p += 1; t += 1; continue
                case .slotStart:
                    positions?[p] = t; p += 1; t += 1; continue
                case .slotRest:
                    starP = p; starT = t; positions?[p] = t; p += 1; continue
                default:
                    break
                }
            }
            if starP >= 0 {
                p = starP + 1
                starT += 1
                t = starT
                continue
            }
            return false
        }
        while p < count, case .slotRest = tokens[p] { positions?[p] = t; p += 1 }
        return p == count
    }
}

/// Which templates the fallback tries for a message: a template that starts with literal text
/// only when the message starts with its first six folded characters; a template that starts
/// with a value only when the message contains the first six characters of the literal after
/// that value; the few others always. Keeps the fallback's work small in a catalog of thousands
/// of templates.
struct FallbackIndex: Sendable {
    var byPrefix: [UInt64: [Int]] = [:]
    var byInner: [UInt64: [Int]] = [:]
    /// A one-hash Bloom filter of `byInner`'s keys (8,192 bits): the scan looks up every position
    /// of the message, and most positions start no key, so they cost a bit test, not a hash lookup.
    var innerFilter = [UInt64](repeating: 0, count: 128)
    var unanchored: [Int] = []

    static let keyLength = 6

    /// A hash of `keyLength` scalars (a collision only adds a candidate).
    @inline(__always) static func key<C: Collection>(_ scalars: C) -> UInt64 where C.Element == Unicode.Scalar {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for scalar in scalars { hash = (hash ^ UInt64(scalar.value)) &* 0x100_0000_01B3 }
        return hash
    }

    /// `skipping`: templates the fallback never reports (no literal text besides the final
    /// punctuation): left out, so a message that fits no template with literal text has no candidate.
    init(_ patterns: [FallbackPattern], skipping: Set<Int> = []) {
        for (t, pattern) in patterns.enumerated() where !skipping.contains(t) {
            let tokens = pattern.tokens
            func trigram(at i: Int) -> UInt64? {
                var run: [Unicode.Scalar] = []
                var j = i
                while j < tokens.count, run.count < FallbackIndex.keyLength, case .character(let c) = tokens[j] { run.append(c); j += 1 }
                return run.count == FallbackIndex.keyLength ? FallbackIndex.key(run) : nil
            }
            if let key = trigram(at: 0) {
                byPrefix[key, default: []].append(t)
            } else if case .slotStart = tokens.first, let key = trigram(at: 2) {
                byInner[key, default: []].append(t)
                innerFilter[Int(key & 8191) >> 6] |= 1 << (key & 63)
            } else if let start = Self.firstRun(pattern) {
                // The first run of six literal characters (not starting with a space) that every
                // match the fallback accepts contains: a whole match, one stopped at a clause
                // boundary (the run ends before the first cut it may stop at), empty leading or
                // trailing values, more text after the template.
                let key = FallbackIndex.key(tokens[start..<start + FallbackIndex.keyLength].map { token -> Unicode.Scalar in
                    if case .character(let c) = token { return c }
                    return " "
                })
                byInner[key, default: []].append(t)
                innerFilter[Int(key & 8191) >> 6] |= 1 << (key & 63)
                continue
            } else {
                unanchored.append(t)
                continue
            }
            // A message whose leading values are empty starts with the literal after them.
            if let head = pattern.emptyHead, head > 0, let key = trigram(at: head) { byPrefix[key, default: []].append(t) }
        }
    }

    /// The start of the first run of `keyLength` literal characters whose first is not a space,
    /// when it ends before the first clause boundary a truncated match may stop at; else nil.
    static func firstRun(_ pattern: FallbackPattern) -> Int? {
        let tokens = pattern.tokens
        let firstCut = pattern.cuts.first { $0 > 0 && pattern.literalBefore[$0] >= 12 } ?? tokens.count
        var i = 0
        while i + keyLength <= min(tokens.count, firstCut) {
            var length = 0
            while length < keyLength, case .character(let c) = tokens[i + length], length > 0 || c != " " { length += 1 }
            if length == keyLength { return i }
            i += max(1, length)
        }
        return nil
    }

    /// Candidate templates for a folded message, in catalog order.
    func candidates(_ text: ArraySlice<Unicode.Scalar>) -> [Int] {
        var found = unanchored
        let s = text.startIndex
        let k = FallbackIndex.keyLength
        if text.count >= k {
            if let anchored = byPrefix[FallbackIndex.key(text[s..<s + k])] { found += anchored }
            if !byInner.isEmpty {
                for i in s...(text.endIndex - k) {
                    let key = FallbackIndex.key(text[i..<i + k])
                    guard innerFilter[Int(key & 8191) >> 6] & (1 << (key & 63)) != 0 else { continue }
                    if let inner = byInner[key] { found += inner }
                }
            }
        }
        found.sort()
        var unique: [Int] = []
        unique.reserveCapacity(found.count)
        for t in found where unique.last != t { unique.append(t) }
        return unique
    }
}

extension MessageMatcher {
    /// `result` with the literal-text fallback's matches ranked first, when `result` has no
    /// match of a template with literal text.
    func withLiteralFallback(_ result: MatchResult, message: String, locale: LocaleFilter, code: String?) -> MatchResult {
        if let best = result.best, !best.isCatchAll { return result }
        let found = literalFallback(message, locale: locale, code: code)
        guard let first = found.first else { return result }
        let ambiguous = found.count > 1 && found[0].key == found[1].key
        let alternatives = found.dropFirst().map(\.match) + result.all
        return MatchResult(best: first.match, alternatives: alternatives, ambiguous: ambiguous, nearestQuery: nil)
    }

    /// The fallback's matches, ranked: complete ones first, then fewer tolerances, more literal text.
    /// The literal-text fallback's ranked matches as `code/locale/variant key` lines, with the
    /// index's candidates or (`exhaustive`) every template: the fuzz target compares the two.
    @_spi(Benchmarks) public func literalFallbackSummary(_ message: String, exhaustive: Bool) -> [String] {
        literalFallback(message, locale: .auto, code: nil, exhaustive: exhaustive).map {
            "\($0.match.code)/\($0.match.locale)/\($0.match.variant.id) \($0.key) \($0.match.values.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.text)" })"
        }
    }

    /// `exhaustive` tries every template instead of the index's candidates (tests compare the two).
    func literalFallback(_ message: String, locale: LocaleFilter, code: String?, exhaustive: Bool = false) -> [(match: Match, key: [Int])] {
        if message.utf8.count > 4 * literalFallbackLimit { return [] }
        // ASCII text is already NFC.
        let ascii = message.utf8.allSatisfy { $0 < 0x80 }
        let composed = ascii ? message : message.precomposedStringWithCanonicalMapping
        var original = Array(composed.unicodeScalars)
        if original.count > literalFallbackLimit { return [] }
        var base = ToleranceSet()
        if !ascii && !composed.unicodeScalars.elementsEqual(message.unicodeScalars) { base.insert(.unicodeNormalization) }
        // Trim, then take off a final period (and a space before it).
        while let last = original.last, FoldedText.isWhitespace(last) { original.removeLast(); base.insert(.whitespace) }
        var leading = 0
        while leading < original.count, FoldedText.isWhitespace(original[leading]) { leading += 1 }
        if leading > 0 { original.removeFirst(leading); base.insert(.whitespace) }
        var period = false
        var spaceBeforePeriod = false
        if original.last == "." {
            original.removeLast()
            period = true
            while let last = original.last, FoldedText.isWhitespace(last) { original.removeLast(); spaceBeforePeriod = true }
        }
        if original.isEmpty { return [] }
        let folded = FoldedText(original)
        let text = folded.scalars[...]

        var found: [(match: Match, key: [Int])] = []
        for t in exhaustive ? Array(templates.indices) : storage.fallbackIndex.candidates(text) {
            let template = templates[t]
            guard template.hasBodyLiteral && locale.admits(template.locale) && (code == nil || template.code == code) else { continue }
            // One match per template (a plural's branches are templates of their own here).
            if found.contains(where: { $0.match.code == template.code && $0.match.locale == template.locale && $0.match.variant == template.variant }) {
                continue
            }
            let pattern = storage.fallbackPatterns[t]
            let all = pattern.tokens.count
            var tolerances = base
            if template.hasPeriod != period { tolerances.insert(.finalPeriod) }
            if spaceBeforePeriod && !template.spaceBeforePeriod { tolerances.insert(.spaceBeforePunctuation) }
            var positions: [Int]? = nil
            var used = all
            var textEnd = text.endIndex
            var missing: String? = nil
            var extra: String? = nil
            var emptyValues = false
            var emptyBefore = 0
            if let whole = pattern.match(text, count: all) {
                positions = whole
            } else if let tail = pattern.emptyTail, let prefix = pattern.match(text, count: tail) {
                // The message stops where only spacing and values are left: the values are empty
                // ("Unauthorized request - reason of failure: " with no reason), not missing.
                positions = prefix
                used = tail
                emptyValues = true
                if template.hasPeriod == period, case .character = pattern.tokens[tail] { tolerances.insert(.whitespace) }
            } else if let head = pattern.emptyHead, let whole = pattern.match(text, count: all, from: head) {
                // The same at the start (" is supported on client version … and above." with no action).
                positions = whole
                emptyBefore = head
                emptyValues = true
                if pattern.tokens[..<head].contains(.character(" ")) { tolerances.insert(.whitespace) }
            } else {
                // The message stops at a clause boundary of the template.
                for cut in pattern.cuts.reversed() where cut > 0 {
                    guard pattern.literalBefore[cut] >= 12, let prefix = pattern.match(text, count: cut) else { continue }
                    positions = prefix
                    used = cut
                    missing = pattern.rest(from: cut, of: template)
                    tolerances.insert(.truncated)
                    break
                }
                // More text after the whole template, from a clause boundary on.
                if positions == nil, !template.endsWithSlot, pattern.literalCount >= 8 {
                    for end in text.indices where end > 0 && FallbackPattern.isBoundary(text[end]) {
                        guard let prefix = pattern.match(text[..<end], count: all) else { continue }
                        positions = prefix
                        textEnd = end
                        let from = folded.origin[end]
                        extra = String(String.UnicodeScalarView(original[from...])) + (period ? (spaceBeforePeriod ? " ." : ".") : "")
                        tolerances.insert(.extraText)
                        break
                    }
                }
            }
            guard let positions else { continue }
            // Values: each slot's original text.
            var values: [String: MatchedValue] = [:]
            var typeScore = 0
            var emptyNotAValue = false
            for k in 0..<template.slotNames.count {
                guard let start = pattern.tokens.firstIndex(of: .slotStart(k)) else { continue }
                let name = template.slotNames[k]
                if values[name] != nil { continue }
                if start >= used || start < emptyBefore {
                    guard emptyValues else { continue }
                    // An empty value only where the empty text is a value of the placeholder's type.
                    let placeholder = template.placeholders[name] ?? Placeholder(name: name, type: .string)
                    guard placeholder.type == .string || placeholder.rejected else { emptyNotAValue = true; break }
                    values[name] = Recognisers.value(text: "", type: placeholder.type, rejected: placeholder.rejected,
                                                     valid: true, integer: nil)
                    continue
                }
                let restIndex = start + 1
                let endFolded = restIndex + 1 < used ? positions[restIndex + 1] : textEnd
                let from = folded.origin[positions[start]]
                let to = endFolded < text.endIndex ? folded.origin[endFolded] : original.count
                let valueText = String(String.UnicodeScalarView(original[from..<max(from, to)]))
                let placeholder = template.placeholders[name] ?? Placeholder(name: name, type: .string)
                var utf8 = Array(valueText.utf8)
                let (valid, integer) = utf8.withUnsafeMutableBufferPointer {
                    Recognisers.check(UnsafeBufferPointer($0), type: placeholder.type, kind: template.slotKinds[k])
                }
                if !valid && !placeholder.rejected { tolerances.insert(.valueType) }
                let value = Recognisers.value(text: valueText, type: placeholder.type, rejected: placeholder.rejected,
                                              valid: valid, integer: integer)
                typeScore += Recognisers.typeScore(value)
                values[name] = value
            }
            if emptyNotAValue { continue }
            for (name, value) in template.bindings where values[name] == nil {
                values[name] = MatchedValue(type: template.placeholders[name]?.type ?? .string, value: value, text: value.description,
                                            rejected: template.placeholders[name]?.rejected ?? false, isValidForType: true)
            }
            // A partial message must at least have values that fit: otherwise the cut is a guess.
            if (missing != nil || extra != nil) && tolerances.bits & Tolerance.valueType.bit != 0 { continue }
            // Name what the folding forgave in the literal text.
            tolerances.bits |= Self.literalDifferences(pattern: pattern, template: template, positions: positions, used: used,
                                                       folded: folded, original: original).bits
            var match = Match(code: template.code, status: template.status, locale: template.locale, variant: template.variant,
                              sameTextVariants: [], isObserved: template.isObserved, values: values,
                              tolerances: tolerances.sorted, literalBytes: template.literalBytes, typeScore: typeScore,
                              isCatchAll: false)
            match.missingText = missing
            match.extraText = extra
            let partial = missing != nil || extra != nil ? 1 : 0
            let literal = used < pattern.tokens.count ? pattern.literalBefore[used] : pattern.literalCount
            found.append((match, [partial, tolerances.bits.nonzeroBitCount, -literal, -typeScore, template.isObserved ? 1 : 0, template.order]))
        }
        found.sort { $0.key.lexicographicallyPrecedes($1.key) }
        // Ambiguity compares rank, not catalog order.
        return found.map { ($0.match, Array($0.key.dropLast())) }
    }

    /// The tolerances the folding hid: letter case (first letter or others), `ß`/`ss`,
    /// apostrophes, whitespace, comparing each matched literal character with the original.
    static func literalDifferences(pattern: FallbackPattern, template: CompiledTemplate, positions: [Int], used: Int,
                                   folded: FoldedText, original: [Unicode.Scalar]) -> ToleranceSet {
        var set = ToleranceSet()
        // The template's literal text, unfolded, in token order.
        var rawCharacters: [Unicode.Scalar] = []
        for (k, literal) in template.literals.enumerated() {
            let raw = Array(String(decoding: literal, as: UTF8.self).unicodeScalars)
            let f = FoldedText(raw)
            for j in f.scalars.indices { rawCharacters.append(raw[f.origin[j]]) }
            if k < template.slotNames.count { rawCharacters.append(" "); rawCharacters.append(" ") }
        }
        for p in 0..<min(used, rawCharacters.count) {
            guard case .character = pattern.tokens[p], positions[p] >= 0 else { continue }
            let got = original[folded.origin[positions[p]]]
            let want = rawCharacters[p]
            if got == want { continue }
            if got == "ß" || want == "ß" || got == "\u{1E9E}" || want == "\u{1E9E}" {
                set.insert(.sharpS)
            } else if got == "\u{2019}" || got == "\u{2018}" || want == "\u{2019}" || want == "\u{2018}" {
                set.insert(.apostrophe)
            } else if got.properties.isWhitespace || want.properties.isWhitespace {
                set.insert(.whitespace)
            } else {
                set.insert(p == 0 ? .firstLetterCase : .letterCase)
            }
        }
        return set
    }
}

extension MessageMatcher {
    /// The nearest-template report among the templates a filter admits (`--code`, `--locale`):
    /// the automaton's report follows every template, so when the template it names is not
    /// admitted, this walks each admitted template's literal text over the message (each slot
    /// skips to the next occurrence of the literal after it) and reports the one that got furthest.
    func literalNearest(_ message: String, locale: LocaleFilter, code: String?) -> NearMiss? {
        let composed = message.precomposedStringWithCanonicalMapping
        let all = Array(composed.unicodeScalars)
        if all.count > literalFallbackLimit { return nil }
        var leading = 0
        while leading < all.count, all[leading].properties.isWhitespace { leading += 1 }
        let original = Array(all[leading...])
        let folded = FoldedText(original)
        let text = folded.scalars
        var best: (progress: Int, position: Int, template: CompiledTemplate, pattern: FallbackPattern, token: Int)? = nil
        for (t, template) in templates.enumerated()
        where template.hasBodyLiteral && locale.admits(template.locale) && (code == nil || template.code == code) {
            let pattern = storage.fallbackPatterns[t]
            let tokens = pattern.tokens
            var p = 0
            var t = 0
            var progress = 0
            walk: while p < tokens.count {
                switch tokens[p] {
                case .character(let c):
                    guard t < text.count, text[t] == c else { break walk }
                    progress += 1
                case .slotStart:
                    guard t < text.count else { break walk }
                case .slotRest:
                    // The literal run after the slot: skip to its first occurrence (or the longest
                    // prefix of it that occurs).
                    var run: [Unicode.Scalar] = []
                    var q = p + 1
                    while q < tokens.count, case .character(let c) = tokens[q] { run.append(c); q += 1 }
                    var found = text.count
                    var length = run.count
                    search: while length > 0 {
                        let needle = run[..<length]
                        var start = t
                        while start + length <= text.count {
                            if text[start..<start + length].elementsEqual(needle) { found = start; break search }
                            start += 1
                        }
                        length -= 1
                    }
                    t = found
                    p += 1
                    continue walk
                }
                p += 1
                t += 1
            }
            if best == nil || progress > best!.progress || (progress == best!.progress && t > best!.position) {
                best = (progress, t, template, pattern, p)
            }
        }
        guard let best else { return nil }
        let template = best.template
        let expected: String
        if best.token >= best.pattern.tokens.count {
            expected = template.hasPeriod ? "\".\" and the end of the message" : "the end of the message"
        } else {
            switch best.pattern.tokens[best.token] {
            case .character:
                expected = "\"" + best.pattern.rest(from: best.token, of: template, literalOnly: true) + "\""
            case .slotStart(let k), .slotRest(let k):
                expected = "{\(template.slotNames[k])}: " + template.slotKinds[k].describedAs
            }
        }
        let scalarOffset = leading + (best.position < folded.origin.count ? folded.origin[best.position] : original.count)
        let utf8Offset = all[..<min(scalarOffset, all.count)].reduce(0) { $0 + $1.utf8.count }
        return NearMiss(code: template.code, locale: template.locale, variant: template.variant, pattern: template.pattern,
                        utf8Offset: utf8Offset, scalarOffset: scalarOffset, expected: expected)
    }
}
