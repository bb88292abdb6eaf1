import ErrorCatalog

// The allocation-free core of the matcher: normalise (or, for clean ASCII, just lower-case) the
// message into a reusable scratch, run the automaton, turn every accepted path into a compact
// candidate (template index, value spans in the original bytes, tolerance bits, parsed integers)
// and rank the candidates. `MatchView` reads the best candidate in place; `match()` builds the
// typed `MatchResult` from the same candidates.

/// Per-template facts the core reads for each candidate, flat (no dictionaries, no ARC).
struct TemplateFacts {
    var literalBytes: Int32
    var order: Int32
    var slotBase: Int32
    var slotCount: Int32
    /// Index of the first of `slotCount + 1` literal ranges.
    var literalBase: Int32
    var codeID: Int32
    var localeID: Int32
    /// Templates with the same shape ID have the same value names, types, kinds and bindings.
    var shapeID: Int32
    var variantIndex: Int32
    var flags: UInt8

    static let hasPeriod: UInt8 = 1, spaceBeforePeriod: UInt8 = 2, endsWithSlot: UInt8 = 4
    static let hasBodyLiteral: UInt8 = 8, isObserved: UInt8 = 16
    @inline(__always) func has(_ flag: UInt8) -> Bool { flags & flag != 0 }
}

/// Per-slot facts.
struct SlotFacts {
    var type: PlaceholderType
    var kind: SlotKind
    var rejected: Bool
    /// The slot of the same template that first carries this slot's name (itself if none before).
    var first: Int32
    /// The k-th first-occurrence slot in name order (for comparing the values of two templates).
    var canonical: Int32
}

/// The flat tables, built once per matcher, read through raw pointers.
final class CoreTables: @unchecked Sendable {
    let facts: UnsafeMutablePointer<TemplateFacts>
    let slots: UnsafeMutablePointer<SlotFacts>
    /// Literal ranges (start, count) into `literalPool`: the template's literal text as written (NFC).
    let literalRanges: UnsafeMutablePointer<(Int32, Int32)>
    let literalPool: UnsafeMutablePointer<UInt8>
    /// Number of first-occurrence slots per template, for canonical comparison.
    let codes: [String]
    let locales: [String]
    let codeIndex: [String: Int32]
    let counts: (Int, Int, Int, Int)

    init(templates: [CompiledTemplate]) {
        var facts: [TemplateFacts] = []
        var slots: [SlotFacts] = []
        var ranges: [(Int32, Int32)] = []
        var pool: [UInt8] = []
        var codes: [String] = [], codeIndex: [String: Int32] = [:]
        var locales: [String] = [], localeIndex: [String: Int32] = [:]
        var shapes: [String: Int32] = [:]
        facts.reserveCapacity(templates.count)
        for template in templates {
            let codeID: Int32
            if let id = codeIndex[template.code] { codeID = id } else {
                codeID = Int32(codes.count); codeIndex[template.code] = codeID; codes.append(template.code)
            }
            let localeID: Int32
            if let id = localeIndex[template.locale] { localeID = id } else {
                localeID = Int32(locales.count); localeIndex[template.locale] = localeID; locales.append(template.locale)
            }
            let literalBase = Int32(ranges.count)
            for literal in template.literals {
                ranges.append((Int32(pool.count), Int32(literal.count)))
                pool += literal
            }
            let slotBase = Int32(slots.count)
            var firstOf: [String: Int32] = [:]
            var shape: [String] = []
            for (k, name) in template.slotNames.enumerated() {
                let placeholder = template.placeholders[name] ?? Placeholder(name: name, type: .string)
                let first = firstOf[name] ?? Int32(k)
                if firstOf[name] == nil {
                    firstOf[name] = Int32(k)
                    shape.append("S\u{1}\(name)\u{1}\(placeholder.type.rawValue)\u{1}\(placeholder.rejected)\u{1}\(template.slotKinds[k])")
                }
                slots.append(SlotFacts(type: placeholder.type, kind: template.slotKinds[k], rejected: placeholder.rejected,
                                       first: first, canonical: -1))
            }
            for (name, value) in template.bindings where firstOf[name] == nil {
                let type = template.placeholders[name]?.type ?? .string
                shape.append("B\u{1}\(name)\u{1}\(type.rawValue)\u{1}\(template.placeholders[name]?.rejected ?? false)\u{1}\(value)")
            }
            let canonical = firstOf.sorted { $0.key < $1.key }.map(\.value)
            for (j, k) in canonical.enumerated() { slots[Int(slotBase) + j].canonical = k }
            let shapeKey = shape.sorted().joined(separator: "\u{2}")
            let shapeID: Int32
            if let id = shapes[shapeKey] { shapeID = id } else { shapeID = Int32(shapes.count); shapes[shapeKey] = shapeID }
            var flags: UInt8 = 0
            if template.hasPeriod { flags |= TemplateFacts.hasPeriod }
            if template.spaceBeforePeriod { flags |= TemplateFacts.spaceBeforePeriod }
            if template.endsWithSlot { flags |= TemplateFacts.endsWithSlot }
            if template.hasBodyLiteral { flags |= TemplateFacts.hasBodyLiteral }
            if template.isObserved { flags |= TemplateFacts.isObserved }
            facts.append(TemplateFacts(literalBytes: Int32(template.literalBytes), order: Int32(template.order), slotBase: slotBase,
                                       slotCount: Int32(template.slotNames.count), literalBase: literalBase, codeID: codeID,
                                       localeID: localeID, shapeID: shapeID, variantIndex: Int32(template.variant.index), flags: flags))
        }
        self.facts = Automaton.Tables.copy(facts)
        self.slots = Automaton.Tables.copy(slots)
        self.literalRanges = Automaton.Tables.copy(ranges)
        self.literalPool = Automaton.Tables.copy(pool)
        self.codes = codes
        self.locales = locales
        self.codeIndex = codeIndex
        self.counts = (facts.count, slots.count, ranges.count, pool.count)
    }

    deinit {
        facts.deallocate(); slots.deallocate(); literalRanges.deallocate(); literalPool.deallocate()
    }
}

/// A few literals, one of which a message must contain: found in one pass over the message
/// (a 256-bit set of their first bytes, then the literals that start with that byte), read
/// through raw pointers.
final class LiteralSet: @unchecked Sendable {
    let firstBytes: (UInt64, UInt64, UInt64, UInt64)
    /// Per first byte: the range of its literals in `entries` (`groupStart[b] ..< groupStart[b + 1]`).
    let groupStart: UnsafeMutablePointer<Int32>
    /// Per literal: start and length in `bytes`.
    let entries: UnsafeMutablePointer<(Int32, Int32)>
    let bytes: UnsafeMutablePointer<UInt8>
    /// All literals have at least 4 bytes: per entry its first 4 bytes, and a filter over them.
    let anchored: Bool
    let anchors: UnsafeMutablePointer<UInt32>
    let filter: UnsafeMutablePointer<UInt64>
    let count: Int

    init(_ literals: [[UInt8]]) {
        var bits: [UInt64] = [0, 0, 0, 0]
        var groups = [[[UInt8]]](repeating: [], count: 256)
        for literal in literals where !literal.isEmpty {
            bits[Int(literal[0] >> 6)] |= 1 << UInt64(literal[0] & 63)
            groups[Int(literal[0])].append(literal)
        }
        firstBytes = (bits[0], bits[1], bits[2], bits[3])
        var starts: [Int32] = [], entries: [(Int32, Int32)] = [], pool: [UInt8] = []
        for group in groups {
            starts.append(Int32(entries.count))
            for literal in group {
                entries.append((Int32(pool.count), Int32(literal.count)))
                pool += literal
            }
        }
        starts.append(Int32(entries.count))
        groupStart = Automaton.Tables.copy(starts)
        self.entries = Automaton.Tables.copy(entries)
        bytes = Automaton.Tables.copy(pool)
        count = entries.count
        anchored = !entries.isEmpty && entries.allSatisfy { $0.1 >= 4 }
        var anchorList: [UInt32] = [], bloom = [UInt64](repeating: 0, count: 64)
        for (start, length) in entries where length >= 4 {
            let s = Int(start)
            let w = UInt32(pool[s]) | UInt32(pool[s + 1]) << 8 | UInt32(pool[s + 2]) << 16 | UInt32(pool[s + 3]) << 24
            anchorList.append(w)
            let h = Int((w &* 0x9E37_79B1) >> 20)
            bloom[h >> 6] |= 1 << UInt64(h & 63)
        }
        if anchorList.isEmpty { anchorList = [0] }
        anchors = Automaton.Tables.copy(anchorList)
        filter = Automaton.Tables.copy(bloom)
    }

    deinit { groupStart.deallocate(); entries.deallocate(); bytes.deallocate(); anchors.deallocate(); filter.deallocate() }

    func occurs(in input: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = input.count
        if anchored {
            // Every literal has 4 bytes or more: look up each 4-byte window in a 4096-bit filter of
            // the literals' first 4 bytes, and compare only where it says so.
            guard n >= 4 else { return false }
            let base = UnsafeRawPointer(input.baseAddress!)
            var i = 0
            while i <= n &- 4 {
                let w = base.loadUnaligned(fromByteOffset: i, as: UInt32.self)
                let h = Int((w &* 0x9E37_79B1) >> 20)
                if filter[h >> 6] & (1 << UInt64(h & 63)) != 0 {
                    for e in 0..<count where anchors[e] == w {
                        let (start, length) = (Int(entries[e].0), Int(entries[e].1))
                        guard length <= n &- i else { continue }
                        var k = 4
                        while k < length && input[i &+ k] == bytes[start &+ k] { k &+= 1 }
                        if k == length { return true }
                    }
                }
                i &+= 1
            }
            return false
        }
        let (s0, s1, s2, s3) = firstBytes
        var i = 0
        while i < n {
            let b = input[i]
            let word = b < 128 ? (b < 64 ? s0 : s1) : (b < 192 ? s2 : s3)
            if word & (1 << UInt64(b & 63)) != 0 {
                for e in Int(groupStart[Int(b)])..<Int(groupStart[Int(b) + 1]) {
                    let (start, length) = (Int(entries[e].0), Int(entries[e].1))
                    guard length <= n - i else { continue }
                    var k = 1
                    while k < length && input[i + k] == bytes[start + k] { k += 1 }
                    if k == length { return true }
                }
            }
            i += 1
        }
        return false
    }
}

/// Which templates the caller's code and locale filters admit, resolved once per message.
struct Admission {
    let codeID: Int32
    let everyLocale: Bool
    /// Admitted locale IDs below 64.
    let localeMask: UInt64

    @inline(__always)
    func admits(_ f: TemplateFacts, core: CoreTables, locale: LocaleFilter) -> Bool {
        if codeID >= 0 && f.codeID != codeID { return false }
        if everyLocale { return true }
        if f.localeID < 64 { return localeMask & (1 << UInt64(f.localeID)) != 0 }
        return Self.admitsLocale(Int(f.localeID), core: core, locale: locale)
    }

    /// Matchers with more than 64 locales: the 65th and later by name.
    @inline(never)
    static func admitsLocale(_ id: Int, core: CoreTables, locale: LocaleFilter) -> Bool { locale.admits(core.locales[id]) }
}

/// One template the message matched, before ranking.
struct Candidate {
    var template: Int32
    /// First of the template's slots in the scratch's slot arrays.
    var slotBase: Int32
    var tolerances: UInt16
    /// Sum of the type specificity of the values; -1 until every value's validity is known.
    var typeScore: Int32
}

/// The scratch's fields, behind a pointer: reading and writing them costs no exclusivity check.
struct ScratchState {
    // The normalised body of the message, and per byte its original span (unless `identity`).
    var inputCapacity = 0
    var normalised = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)
    var origStart = UnsafeMutablePointer<Int32>.allocate(capacity: 1)
    var origEnd = UnsafeMutablePointer<Int32>.allocate(capacity: 1)
    /// The normalised body is the original body lower-cased, byte for byte.
    var identity = false
    var count = 0
    var trimmed = Trimmed(UnsafeBufferPointer(start: nil, count: 0))
    var nfcChanged = false
    /// The original message (valid during one call).
    var bytes = UnsafeBufferPointer<UInt8>(start: nil, count: 0)

    // The automaton's accepted paths.
    var acceptCapacity = 0
    var acceptNodes = UnsafeMutablePointer<Int32>.allocate(capacity: 1)
    var acceptCaps = UnsafeMutablePointer<Int32>.allocate(capacity: 1)
    var acceptCount = 0
    var death: Automaton.Death?
    /// The automaton (part) whose thread got furthest.
    unowned(unsafe) var deathAutomaton: Automaton? = nil

    // Candidates and their values.
    var candidateCapacity = 16
    var candidates = UnsafeMutablePointer<Candidate>.allocate(capacity: 16)
    var candidateCount = 0
    var slotCapacity = 32
    var slotStart = UnsafeMutablePointer<Int32>.allocate(capacity: 32)
    var slotEnd = UnsafeMutablePointer<Int32>.allocate(capacity: 32)
    var slotInteger = UnsafeMutablePointer<Int64>.allocate(capacity: 32)
    /// Bit 0: validity known; bit 1: valid; bit 2: integer parsed.
    var slotState = UnsafeMutablePointer<UInt8>.allocate(capacity: 32)
    var slotCount = 0
    /// Candidate indices in rank order (filled when there is more than one).
    var rankOrder = UnsafeMutablePointer<Int32>.allocate(capacity: 16)

    // The verdict.
    var best = -1
    var bestVariant: VariantID? = nil
    var ambiguous = false

    var acceptWidth = 0
    /// Per slot edge of the matcher's automata: the last position of the literal that must follow
    /// the slot, valid when the stamp is the current message's generation.
    var edgeCapacity = 0
    var edgeLast = UnsafeMutablePointer<Int32>.allocate(capacity: 1)
    var edgeStamp = UnsafeMutablePointer<UInt32>.allocate(capacity: 1)
    var generation: UInt32 = 0
    /// The automata ran with pruning (the nearest-template report needs a run without).
    var pruned = false
    /// The second automaton part was not run (the prefilter ruled all its templates out).
    var skippedPart = false
    var threadCapacity = 0
    var threads = UnsafeMutablePointer<Int32>.allocate(capacity: 1)
    /// The literal-anchored pre-pass decided the candidates (the automaton did not run).
    var answeredByAnchoredPass = false
    /// Free-text slots may be empty (the second look of `scan`).
    var allowEmptySlots = false
    /// Slot spans of the template the pre-pass parses.
    var anchoredCapacity = 0
    var anchoredCaps = UnsafeMutablePointer<Int32>.allocate(capacity: 1)
}

/// Reusable working memory for matching, one per caller (a thread, a task, a pipeline stage):
/// after the first few messages, matching with it allocates nothing. Not thread-safe; the
/// matcher itself is immutable and can be shared.
public final class MatchScratch {
    let state: UnsafeMutablePointer<ScratchState>

    var inputCapacity: Int { get { state.pointee.inputCapacity } set { state.pointee.inputCapacity = newValue } }
    var normalised: UnsafeMutablePointer<UInt8> { get { state.pointee.normalised } set { state.pointee.normalised = newValue } }
    var origStart: UnsafeMutablePointer<Int32> { get { state.pointee.origStart } set { state.pointee.origStart = newValue } }
    var origEnd: UnsafeMutablePointer<Int32> { get { state.pointee.origEnd } set { state.pointee.origEnd = newValue } }
    var identity: Bool { get { state.pointee.identity } set { state.pointee.identity = newValue } }
    var count: Int { get { state.pointee.count } set { state.pointee.count = newValue } }
    var trimmed: Trimmed { get { state.pointee.trimmed } set { state.pointee.trimmed = newValue } }
    var nfcChanged: Bool { get { state.pointee.nfcChanged } set { state.pointee.nfcChanged = newValue } }
    var bytes: UnsafeBufferPointer<UInt8> { get { state.pointee.bytes } set { state.pointee.bytes = newValue } }
    var acceptCapacity: Int { get { state.pointee.acceptCapacity } set { state.pointee.acceptCapacity = newValue } }
    var acceptNodes: UnsafeMutablePointer<Int32> { get { state.pointee.acceptNodes } set { state.pointee.acceptNodes = newValue } }
    var acceptCaps: UnsafeMutablePointer<Int32> { get { state.pointee.acceptCaps } set { state.pointee.acceptCaps = newValue } }
    var acceptCount: Int { get { state.pointee.acceptCount } set { state.pointee.acceptCount = newValue } }
    var death: Automaton.Death? { get { state.pointee.death } set { state.pointee.death = newValue } }
    var deathAutomaton: Automaton? { get { state.pointee.deathAutomaton } set { state.pointee.deathAutomaton = newValue } }
    var candidateCapacity: Int { get { state.pointee.candidateCapacity } set { state.pointee.candidateCapacity = newValue } }
    var candidates: UnsafeMutablePointer<Candidate> { get { state.pointee.candidates } set { state.pointee.candidates = newValue } }
    var candidateCount: Int { get { state.pointee.candidateCount } set { state.pointee.candidateCount = newValue } }
    var slotCapacity: Int { get { state.pointee.slotCapacity } set { state.pointee.slotCapacity = newValue } }
    var slotStart: UnsafeMutablePointer<Int32> { get { state.pointee.slotStart } set { state.pointee.slotStart = newValue } }
    var slotEnd: UnsafeMutablePointer<Int32> { get { state.pointee.slotEnd } set { state.pointee.slotEnd = newValue } }
    var slotInteger: UnsafeMutablePointer<Int64> { get { state.pointee.slotInteger } set { state.pointee.slotInteger = newValue } }
    var slotState: UnsafeMutablePointer<UInt8> { get { state.pointee.slotState } set { state.pointee.slotState = newValue } }
    var slotCount: Int { get { state.pointee.slotCount } set { state.pointee.slotCount = newValue } }
    var rankOrder: UnsafeMutablePointer<Int32> { get { state.pointee.rankOrder } set { state.pointee.rankOrder = newValue } }
    var best: Int { get { state.pointee.best } set { state.pointee.best = newValue } }
    var bestVariant: VariantID? { get { state.pointee.bestVariant } set { state.pointee.bestVariant = newValue } }
    var ambiguous: Bool { get { state.pointee.ambiguous } set { state.pointee.ambiguous = newValue } }
    var edgeCapacity: Int { get { state.pointee.edgeCapacity } set { state.pointee.edgeCapacity = newValue } }
    var edgeLast: UnsafeMutablePointer<Int32> { get { state.pointee.edgeLast } set { state.pointee.edgeLast = newValue } }
    var edgeStamp: UnsafeMutablePointer<UInt32> { get { state.pointee.edgeStamp } set { state.pointee.edgeStamp = newValue } }
    var generation: UInt32 { get { state.pointee.generation } set { state.pointee.generation = newValue } }
    var pruned: Bool { get { state.pointee.pruned } set { state.pointee.pruned = newValue } }
    var skippedPart: Bool { get { state.pointee.skippedPart } set { state.pointee.skippedPart = newValue } }
    var acceptWidth: Int { get { state.pointee.acceptWidth } set { state.pointee.acceptWidth = newValue } }
    var threadCapacity: Int { get { state.pointee.threadCapacity } set { state.pointee.threadCapacity = newValue } }
    var threads: UnsafeMutablePointer<Int32> { get { state.pointee.threads } set { state.pointee.threads = newValue } }
    var allowEmptySlots: Bool { get { state.pointee.allowEmptySlots } set { state.pointee.allowEmptySlots = newValue } }
    var answeredByAnchoredPass: Bool {
        get { state.pointee.answeredByAnchoredPass } set { state.pointee.answeredByAnchoredPass = newValue }
    }

    public init() {
        state = .allocate(capacity: 1)
        state.initialize(to: ScratchState())
    }

    deinit {
        normalised.deallocate(); origStart.deallocate(); origEnd.deallocate()
        acceptNodes.deallocate(); acceptCaps.deallocate()
        candidates.deallocate(); rankOrder.deallocate()
        slotStart.deallocate(); slotEnd.deallocate(); slotInteger.deallocate(); slotState.deallocate()
        threads.deallocate(); edgeLast.deallocate(); edgeStamp.deallocate(); state.pointee.anchoredCaps.deallocate()
        state.deinitialize(count: 1)
        state.deallocate()
    }

    /// Per-edge caches for `count` edges (stamps start outside every generation).
    func reserveEdges(_ count: Int) -> UnsafeMutablePointer<Int32> {
        if count > edgeCapacity {
            edgeLast.deallocate(); edgeStamp.deallocate()
            edgeLast = .allocate(capacity: count)
            edgeStamp = .allocate(capacity: count)
            edgeStamp.initialize(repeating: UInt32.max, count: count)
            edgeCapacity = count
        }
        return edgeLast
    }

    /// Room for `width` captures of the pre-pass.
    @inline(__always)
    func anchoredCaps(_ width: Int) -> UnsafeMutablePointer<Int32> {
        if width > state.pointee.anchoredCapacity {
            state.pointee.anchoredCaps.deallocate()
            state.pointee.anchoredCaps = .allocate(capacity: width)
            state.pointee.anchoredCapacity = width
        }
        return state.pointee.anchoredCaps
    }

    /// Starts a new message for the per-edge caches.
    func nextGeneration() {
        generation &+= 1
        if generation == UInt32.max {
            generation = 0
            edgeStamp.update(repeating: UInt32.max, count: edgeCapacity)
        }
    }

    /// Room for `count` thread slots (states and captures of the automaton's two generations).
    func reserveThreads(_ count: Int) -> UnsafeMutablePointer<Int32> {
        if count > threadCapacity {
            threads.deallocate()
            threads = .allocate(capacity: count)
            threadCapacity = count
        }
        return threads
    }

    func reserveInput(_ length: Int) {
        guard length > inputCapacity else { return }
        let capacity = max(length, 2 * inputCapacity, 256)
        normalised.deallocate(); origStart.deallocate(); origEnd.deallocate()
        normalised = .allocate(capacity: capacity); origStart = .allocate(capacity: capacity); origEnd = .allocate(capacity: capacity)
        inputCapacity = capacity
    }

    /// Room for `count` accepts of `width` captures, keeping those already there.
    func reserveAccepts(_ count: Int, width: Int) {
        guard count > acceptCapacity || width > acceptWidth else { return }
        precondition(acceptCount == 0 || width == acceptWidth, "automaton parts share one capture width")
        let capacity = max(count, 2 * acceptCapacity)
        let nodes = UnsafeMutablePointer<Int32>.allocate(capacity: capacity)
        let caps = UnsafeMutablePointer<Int32>.allocate(capacity: capacity * width)
        nodes.update(from: acceptNodes, count: acceptCount)
        caps.update(from: acceptCaps, count: acceptCount * width)
        acceptNodes.deallocate(); acceptCaps.deallocate()
        acceptNodes = nodes; acceptCaps = caps
        acceptCapacity = capacity
        acceptWidth = width
    }

    /// Whether the best candidate is an exact match (no tolerance) of a template with literal text.
    func bestIsExactBodyLiteral(core: CoreTables) -> Bool {
        guard best >= 0, best < candidateCount else { return false }
        let candidate = candidates[best]
        return candidate.tolerances == 0 && core.facts[Int(candidate.template)].has(TemplateFacts.hasBodyLiteral)
    }

    /// Whether a template with literal text in its body (not only a catch-all) is a candidate.
    func hasBodyLiteralCandidate(core: CoreTables) -> Bool {
        for c in 0..<candidateCount where core.facts[Int(candidates[c].template)].has(TemplateFacts.hasBodyLiteral) { return true }
        return false
    }

    func appendCandidate(_ candidate: Candidate) {
        if candidateCount == candidateCapacity {
            let capacity = 2 * candidateCapacity
            let grown = UnsafeMutablePointer<Candidate>.allocate(capacity: capacity)
            grown.update(from: candidates, count: candidateCount)
            candidates.deallocate(); candidates = grown
            rankOrder.deallocate(); rankOrder = .allocate(capacity: capacity)
            candidateCapacity = capacity
        }
        candidates[candidateCount] = candidate
        candidateCount += 1
    }

    func reserveSlots(_ extra: Int) {
        guard slotCount + extra > slotCapacity else { return }
        let capacity = max(2 * slotCapacity, slotCount + extra)
        func grow<T>(_ p: UnsafeMutablePointer<T>) -> UnsafeMutablePointer<T> {
            let q = UnsafeMutablePointer<T>.allocate(capacity: capacity)
            q.update(from: p, count: slotCount)
            p.deallocate()
            return q
        }
        slotStart = grow(slotStart); slotEnd = grow(slotEnd); slotInteger = grow(slotInteger); slotState = grow(slotState)
        slotCapacity = capacity
    }

    /// Original offset where normalised byte `i` starts / ends.
    @inline(__always) func originalStart(_ i: Int) -> Int { identity ? trimmed.bodyStart + i : Int(origStart[i]) }
    @inline(__always) func originalEnd(_ i: Int) -> Int { identity ? trimmed.bodyStart + i + 1 : Int(origEnd[i]) }

    @inline(__always) func slotBytes(_ slot: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[Int(slotStart[slot])..<Int(slotEnd[slot])])
    }

    /// Trims and normalises `bytes` into the scratch. Clean text (no tab, no doubled space, no
    /// space before punctuation, no non-ASCII space, curly apostrophe or combining mark) is only
    /// lower-cased: its offsets map one to one. Returns
    /// false, doing nothing more, when `checkNFC` is set and the text has combining marks
    /// (U+0300–U+036F start with 0xCC or 0xCD): the caller composes it first.
    func prepare(_ bytes: UnsafeBufferPointer<UInt8>, nfcChanged: Bool, checkNFC: Bool = false, keepSpacing: Bool = false) -> Bool {
        let trimmed = Trimmed(bytes, keepSpacing: keepSpacing)
        let start = trimmed.bodyStart, end = trimmed.bodyEnd
        let length = end - start
        reserveInput(max(1, length))
        let out = normalised
        var clean = !keepSpacing
        var i = start
        var previous: UInt8 = 0
        if length > 0 && clean {
            let base = UnsafeRawPointer(bytes.baseAddress!)
            let outRaw = UnsafeMutableRawPointer(out)
            let high: UInt64 = 0x8080_8080_8080_8080
            // Eight bytes at a time: ASCII, no control byte, no space followed by a space or
            // punctuation; lower-cased in the word.
            while i + 8 <= end {
                let w = base.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                // Non-ASCII: the byte loop below decides.
                if w & high != 0 { break }
                if (w &- 0x2020_2020_2020_2020) & ~w & high != 0 { clean = false; break }
                let x = w ^ 0x2020_2020_2020_2020
                let spaces = ~((((x & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F) | x)) & high
                if previous == 0x20 {
                    let first = UInt8(truncatingIfNeeded: w)
                    if first == 0x20 || ByteNormaliser.isPunctuation(first) { clean = false; break }
                }
                var after = spaces << 8
                var bad = false
                while after != 0 {
                    let b = UInt8(truncatingIfNeeded: w >> UInt64(after.trailingZeroBitCount - 7))
                    if b == 0x20 || ByteNormaliser.isPunctuation(b) { bad = true; break }
                    after &= after &- 1
                }
                if bad { clean = false; break }
                let upper = ((w &+ 0x3F3F_3F3F_3F3F_3F3F) & ~(w &+ 0x2525_2525_2525_2525)) & high
                outRaw.storeBytes(of: w | (upper >> 2), toByteOffset: i - start, as: UInt64.self)
                previous = UInt8(truncatingIfNeeded: w >> 56)
                i += 8
            }
        }
        if clean {
            while i < end {
                let b = bytes[i]
                if b >= 0x80 {
                    // UTF-8 passes through the normal form unchanged, except what starts with these
                    // lead bytes: no-break and other spaces, curly apostrophes (0xC2, 0xE2, 0xE3),
                    // combining marks (0xCC, 0xCD: NFC).
                    if b == 0xC2 || b == 0xE2 || b == 0xE3 || b == 0xCC || b == 0xCD { clean = false; break }
                    out[i - start] = b
                    previous = b
                    i += 1
                    continue
                }
                if b < 0x20 || (b == 0x20 && previous == 0x20) { clean = false; break }
                if previous == 0x20 && ByteNormaliser.isPunctuation(b) { clean = false; break }
                out[i - start] = (b >= 0x41 && b <= 0x5A) ? b | 0x20 : b
                previous = b
                i += 1
            }
        }
        if !clean && checkNFC && bytes.contains(where: { $0 == 0xCC || $0 == 0xCD }) { return false }
        self.bytes = bytes
        self.nfcChanged = nfcChanged
        self.trimmed = trimmed
        if clean {
            identity = true
            count = length
            return true
        }
        identity = false
        var normaliser = ByteNormaliser()
        normaliser.keepSpacing = keepSpacing
        var produced = 0
        normaliser.normalise(bytes, from: start, to: end, out: out, origStart: origStart, origEnd: origEnd, count: &produced)
        count = produced
        return true
    }
}

extension MessageMatcher {
    /// Runs the core over `bytes`: candidates, ranking and verdict land in `scratch`.
    /// Returns false (and does nothing) when `checkNFC` is set and the text must be composed first.
    @discardableResult
    func scan(_ bytes: UnsafeBufferPointer<UInt8>, nfcChanged: Bool, checkNFC: Bool = false, locale: LocaleFilter, code: String?,
              scratch: MatchScratch) -> Bool {
        guard scan(bytes, nfcChanged: nfcChanged, checkNFC: checkNFC, keepSpacing: false, locale: locale, code: code, scratch: scratch)
        else { return false }
        // The normal form drops a space before punctuation and collapses runs of spaces, so a
        // value that begins with punctuation (".NET", ", x") or is blank ("IP address   is
        // invalid.") cannot match its template's literal text there. When nothing but a
        // catch-all matched and the message has such spacing, look again with the spacing kept.
        // When the first look found no exact match of a template with literal text and the
        // message has such spacing, look again with the spacing kept; that look wins when it
        // finds a template with literal text and either the first found none or this one is exact
        // (the spacing then belongs to a value, not to a typing slip the first look tolerated).
        if !scratch.bestIsExactBodyLiteral(core: storage.core), Self.hasSpacingTheNormalFormDrops(bytes) {
            let firstHadBodyLiteral = scratch.hasBodyLiteralCandidate(core: storage.core)
            scan(bytes, nfcChanged: nfcChanged, checkNFC: false, keepSpacing: true, locale: locale, code: code, scratch: scratch)
            let keep = scratch.hasBodyLiteralCandidate(core: storage.core)
                && (!firstHadBodyLiteral || scratch.bestIsExactBodyLiteral(core: storage.core))
            if !keep {
                // The first look's result stands.
                scan(bytes, nfcChanged: nfcChanged, checkNFC: false, keepSpacing: false, locale: locale, code: code, scratch: scratch)
            }
        }
        return true
    }

    /// Whether `bytes` has a space before `.,:;!?` or two whitespace bytes in a row (ASCII).
    static func hasSpacingTheNormalFormDrops(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var previousSpace = false
        for b in bytes {
            let space = b == 0x20 || (b >= 0x09 && b <= 0x0D)
            if previousSpace && (space || ByteNormaliser.isPunctuation(b)) { return true }
            previousSpace = space
        }
        return false
    }

    @discardableResult
    func scan(_ bytes: UnsafeBufferPointer<UInt8>, nfcChanged: Bool, checkNFC: Bool, keepSpacing: Bool, locale: LocaleFilter,
              code: String?, scratch: MatchScratch) -> Bool {
        let storage = self.storage
        let core = storage.core
        guard scratch.prepare(bytes, nfcChanged: nfcChanged, checkNFC: checkNFC, keepSpacing: keepSpacing) else { return false }
        scratch.answeredByAnchoredPass = false
        // The second look (spacing kept) also lets a free-text value be empty; the pre-pass does
        // not know empty slots, so that look runs the automaton only.
        scratch.allowEmptySlots = keepSpacing
        if storage.anchoredEnabled, !keepSpacing, let admission = Self.admission(locale: locale, code: code, core: core) {
            switch anchoredPass(admission: admission, locale: locale, scratch: scratch) {
            case .matched:
                // The pre-pass decided: the same candidates as the automaton's accepted paths.
                // The automaton did not run, so there is no record of where other templates
                // died: marked as pruned, `nearMiss(after:)` runs it when the report is wanted (a
                // match of a template without literal text, such as "{reason}", still reports the
                // nearest template, as the automaton alone would).
                scratch.acceptCount = 0
                scratch.death = nil
                scratch.deathAutomaton = nil
                scratch.pruned = true
                scratch.skippedPart = false
                scratch.answeredByAnchoredPass = true
                return true
            case .none:
                // No template with literal text matches: only the catch-all fallback remains. The
                // automaton did not run, so `result` runs it for the nearest-template report.
                scratch.acceptCount = 0
                scratch.death = nil
                scratch.deathAutomaton = nil
                scratch.pruned = true
                scratch.skippedPart = false
                catchAllFallback(admission: admission, locale: locale, scratch: scratch)
                rank(scratch)
                scratch.answeredByAnchoredPass = true
                return true
            case .undecided:
                break
            }
        }
        scratch.acceptCount = 0
        scratch.death = nil
        scratch.deathAutomaton = nil
        // Templates that start with literal text and templates that start with a value run as two
        // automata: the first usually has one thread on a literal path, the second only threads
        // inside slots, which skip from one possible slot end to the next.
        let input = UnsafeBufferPointer(start: scratch.normalised, count: scratch.count)
        var partOfAccept = (0, 0)
        scratch.nextGeneration()
        scratch.pruned = true
        storage.parts[0].run(input, into: scratch, prune: true, allowEmpty: keepSpacing)
        partOfAccept.0 = scratch.acceptCount
        scratch.skippedPart = false
        if storage.parts.count > 1 {
            if let required = storage.slotFirstFilter, !required.occurs(in: input) {
                // None of those templates can match; only the nearest-template report would want
                // this part's run, and `result` runs it then.
                scratch.skippedPart = true
            } else {
                storage.parts[1].run(input, into: scratch, prune: true, allowEmpty: keepSpacing)
            }
        }
        partOfAccept.1 = scratch.acceptCount
        scratch.candidateCount = 0
        scratch.slotCount = 0
        scratch.best = -1
        scratch.bestVariant = nil
        scratch.ambiguous = false
        // Filters resolved once per message.
        var codeID: Int32 = -1
        if let code {
            guard let id = core.codeIndex[code] else { return true }
            codeID = id
        }
        var localeAdmitted: UInt64 = ~0
        var everyLocale = true
        if case .only = locale {
            everyLocale = false
            localeAdmitted = 0
            for (id, name) in core.locales.enumerated() where id < 64 && locale.admits(name) { localeAdmitted |= 1 << UInt64(id) }
        }
        let facts = core.facts
        let admission = Admission(codeID: codeID, everyLocale: everyLocale, localeMask: localeAdmitted)
        let width = storage.parts[0].captureWidth
        for a in 0..<scratch.acceptCount {
            let tables = storage.parts[a < partOfAccept.0 ? 0 : 1].tables!
            let terminalStart = tables.terminalStart, terminals = tables.terminals
            let node = Int(scratch.acceptNodes[a])
            let caps = scratch.acceptCaps + a * width
            for k in Int(terminalStart[node])..<Int(terminalStart[node + 1]) {
                let t = Int(terminals[k])
                guard admission.admits(facts[t], core: core, locale: locale) else { continue }
                evaluate(t, captures: caps, scratch: scratch)
            }
        }
        catchAllFallback(admission: admission, locale: locale, scratch: scratch)
        rank(scratch)
        return true
    }

    /// Catch-all templates ("{reason}.") match any sentence: they are the fallback when no
    /// template with literal text matched, not an alternative to every message.
    func catchAllFallback(admission: Admission, locale: LocaleFilter, scratch: MatchScratch) {
        let storage = self.storage
        let core = storage.core
        let facts = core.facts
        if scratch.count > 0 && scratch.candidateCount == 0 && !storage.catchAll.isEmpty {
            withUnsafeTemporaryAllocation(of: Int32.self, capacity: storage.parts[0].captureWidth) { caps in
                caps.initialize(repeating: -1)
                caps[0] = 0; caps[1] = Int32(scratch.count)
                for t in storage.catchAll where admission.admits(facts[t], core: core, locale: locale) {
                    evaluate(t, captures: caps.baseAddress!, scratch: scratch)
                }
            }
        }
    }

    /// The code and locale filters resolved once per message (nil: the code is not in the matcher).
    @inline(__always)
    static func admission(locale: LocaleFilter, code: String?, core: CoreTables) -> Admission? {
        var codeID: Int32 = -1
        if let code {
            guard let id = core.codeIndex[code] else { return nil }
            codeID = id
        }
        guard case .only = locale else { return Admission(codeID: codeID, everyLocale: true, localeMask: ~0) }
        var mask: UInt64 = 0
        for (id, name) in core.locales.enumerated() where id < 64 && locale.admits(name) { mask |= 1 << UInt64(id) }
        return Admission(codeID: codeID, everyLocale: false, localeMask: mask)
    }

    /// Whether `needle` occurs in `haystack`.
    static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        let m = needle.count, n = haystack.count
        guard m > 0 else { return true }
        guard m <= n else { return false }
        return needle.withUnsafeBufferPointer { needle in
            let first = needle[0], base = haystack.baseAddress!, pattern = needle.baseAddress!
            var i = 0
            while i <= n - m {
                if base[i] == first {
                    var k = 1
                    while k < m && base[i + k] == pattern[k] { k += 1 }
                    if k == m { return true }
                }
                i += 1
            }
            return false
        }
    }

    /// Turns an accepted path into a candidate for template `t`: value spans in the original
    /// bytes, tolerances, validity of the typed values. Appends nothing if a value is malformed.
    func evaluate(_ t: Int, captures: UnsafeMutablePointer<Int32>, scratch: MatchScratch) {
        let core = storage.core
        let f = core.facts[t]
        let trimmed = scratch.trimmed
        let slots = Int(f.slotCount)
        // A template without literal text in its body (DisallowedOperation "{reason}.") matches
        // only with its final punctuation exactly as written.
        if !f.has(TemplateFacts.hasBodyLiteral) && f.has(TemplateFacts.hasPeriod) != trimmed.hasPeriod { return }
        scratch.reserveSlots(slots)
        let base = scratch.slotCount
        let starts = scratch.slotStart + base, ends = scratch.slotEnd + base
        for k in 0..<slots {
            let s = Int(captures[2 * k]), e = Int(captures[2 * k + 1])
            guard s >= 0, e > s || (e == s && scratch.allowEmptySlots) else { return }
            if e == s {
                // An empty value: an empty span where the next literal starts in the original.
                let p = s < scratch.count ? scratch.originalStart(s) : s > 0 ? scratch.originalEnd(s - 1) : trimmed.bodyStart
                starts[k] = Int32(p); ends[k] = Int32(p)
                continue
            }
            starts[k] = Int32(scratch.originalStart(s))
            ends[k] = Int32(scratch.originalEnd(e - 1))
        }
        var tolerances = ToleranceSet()
        if trimmed.trimmedWhitespace { tolerances.insert(.whitespace) }
        if scratch.nfcChanged { tolerances.insert(.unicodeNormalization) }
        var lastValueEnd = -1
        let hasPeriod = f.has(TemplateFacts.hasPeriod)
        if hasPeriod != trimmed.hasPeriod {
            if !hasPeriod && f.has(TemplateFacts.endsWithSlot) && slots > 0 {
                lastValueEnd = trimmed.textEnd // the period belongs to the value
            } else {
                tolerances.insert(.finalPeriod)
            }
        } else if hasPeriod && f.has(TemplateFacts.spaceBeforePeriod) != trimmed.spaceBeforePeriod {
            tolerances.insert(.spaceBeforePunctuation)
        }
        // Literals against the original text between the values.
        let bytes = scratch.bytes
        for k in 0...slots {
            let from = k == 0 ? trimmed.bodyStart : Int(ends[k - 1])
            let to = k == slots ? trimmed.bodyEnd : Int(starts[k])
            let range = core.literalRanges[Int(f.literalBase) + k]
            let literal = UnsafeBufferPointer(start: core.literalPool + Int(range.0), count: Int(range.1))
            Self.compareLiteral(literal, bytes, from: from, to: to, bodyStart: trimmed.bodyStart, into: &tolerances)
        }
        if lastValueEnd >= 0 { ends[slots - 1] = Int32(lastValueEnd) }
        // Values: a malformed value of a placeholder that is not `rejected` rules the template out;
        // the validity of rejected values is only needed for ranking, so it waits.
        var typeScore: Int32 = 0
        for k in 0..<slots {
            let slot = core.slots[Int(f.slotBase) + k]
            let value = UnsafeBufferPointer(rebasing: bytes[Int(starts[k])..<Int(ends[k])])
            if slot.first != k {
                let other = UnsafeBufferPointer(rebasing: bytes[Int(starts[Int(slot.first)])..<Int(ends[Int(slot.first)])])
                if !other.elementsEqual(value) { return }
                scratch.slotState[base + k] = scratch.slotState[base + Int(slot.first)]
                scratch.slotInteger[base + k] = scratch.slotInteger[base + Int(slot.first)]
                continue
            }
            if slot.rejected && slot.type != .integer {
                scratch.slotState[base + k] = 0
                typeScore = -1
                continue
            }
            let (valid, integer) = Recognisers.check(value, type: slot.type, kind: slot.kind)
            if !slot.rejected && !valid { return }
            scratch.slotState[base + k] = 1 | (valid ? 2 : 0) | (integer != nil ? 4 : 0)
            scratch.slotInteger[base + k] = integer ?? 0
            if typeScore >= 0 { typeScore += Int32(Recognisers.typeScore(type: slot.type, valid: valid)) }
        }
        scratch.slotCount += slots
        scratch.appendCandidate(Candidate(template: Int32(t), slotBase: Int32(base), tolerances: tolerances.bits, typeScore: typeScore))
    }

    /// Fills in the validity (and type score) that `evaluate` left for later.
    func completeValidity(_ c: Int, scratch: MatchScratch) {
        guard scratch.candidates[c].typeScore < 0 else { return }
        let core = storage.core
        let candidate = scratch.candidates[c]
        let f = core.facts[Int(candidate.template)]
        var score: Int32 = 0
        for k in 0..<Int(f.slotCount) {
            let slot = core.slots[Int(f.slotBase) + k]
            let s = Int(candidate.slotBase) + k
            if scratch.slotState[s] & 1 == 0, let same = knownSlot(like: s, type: slot.type, before: c, scratch: scratch) {
                // Same-text variants hold the same value: check it once.
                scratch.slotState[s] = scratch.slotState[same]
                scratch.slotInteger[s] = scratch.slotInteger[same]
            }
            if scratch.slotState[s] & 1 == 0 {
                let (valid, integer) = Recognisers.check(scratch.slotBytes(s), type: slot.type, kind: slot.kind)
                scratch.slotState[s] = 1 | (valid ? 2 : 0) | (integer != nil ? 4 : 0)
                scratch.slotInteger[s] = integer ?? 0
            }
            if slot.first == k { score += Int32(Recognisers.typeScore(type: slot.type, valid: scratch.slotState[s] & 2 != 0)) }
        }
        scratch.candidates[c].typeScore = score
    }

    /// A slot of an earlier candidate with the same span and type whose validity is known.
    func knownSlot(like s: Int, type: PlaceholderType, before c: Int, scratch: MatchScratch) -> Int? {
        let core = storage.core
        let start = scratch.slotStart[s], end = scratch.slotEnd[s]
        for other in 0..<c {
            let candidate = scratch.candidates[other]
            let f = core.facts[Int(candidate.template)]
            for k in 0..<Int(f.slotCount) {
                let o = Int(candidate.slotBase) + k
                if scratch.slotStart[o] == start && scratch.slotEnd[o] == end && scratch.slotState[o] & 1 != 0
                    && core.slots[Int(f.slotBase) + k].type == type && type != .integer { return o }
            }
        }
        return nil
    }

    /// The sort key of `match()`: tier, tolerances, literal text, type specificity, observed, catalog order.
    @inline(__always)
    func sortKey(_ c: Int, scratch: MatchScratch) -> (Int, Int, Int, Int, Int, Int) {
        let candidate = scratch.candidates[c]
        let f = storage.core.facts[Int(candidate.template)]
        let tier = !f.has(TemplateFacts.hasBodyLiteral) ? 2 : candidate.tolerances == 0 ? 0 : 1
        return (tier, candidate.tolerances.nonzeroBitCount, -Int(f.literalBytes), -Int(candidate.typeScore),
                f.has(TemplateFacts.isObserved) ? 1 : 0, Int(f.order))
    }

    /// `MessageMatcher.rank(_:)` of the candidate.
    @inline(__always)
    func rankKey(_ c: Int, scratch: MatchScratch) -> (Int, Int, Int, Int) {
        let candidate = scratch.candidates[c]
        let f = storage.core.facts[Int(candidate.template)]
        let tier = !f.has(TemplateFacts.hasBodyLiteral) ? 2 : candidate.tolerances == 0 ? 0 : 1
        return (tier, candidate.tolerances.nonzeroBitCount, Int(f.literalBytes), Int(candidate.typeScore))
    }

    /// Ranks the candidates as `match()` does (a stable sort on the same keys, then same-text
    /// variants merged): the best candidate, its variant, and whether the result is ambiguous.
    func rank(_ scratch: MatchScratch) {
        let n = scratch.candidateCount
        guard n > 0 else { return }
        if n == 1 {
            scratch.best = 0
            scratch.rankOrder[0] = 0
            return
        }
        for c in 0..<n { completeValidity(c, scratch: scratch) }
        let order = scratch.rankOrder
        for c in 0..<n {
            // Insertion sort: stable, and n is small.
            var j = c
            let key = sortKey(c, scratch: scratch)
            while j > 0 && key < sortKey(Int(order[j - 1]), scratch: scratch) {
                order[j] = order[j - 1]
                j -= 1
            }
            order[j] = Int32(c)
        }
        let best = Int(order[0])
        scratch.best = best
        let bestTemplate = templates[Int(scratch.candidates[best].template)]
        var variant = bestTemplate.variant
        var second = -1
        for r in 1..<n {
            let c = Int(order[r])
            if sameText(best, c, scratch: scratch) {
                let other = templates[Int(scratch.candidates[c].template)].variant
                if other.index < variant.index { variant = other }
            } else if second < 0 {
                second = c
            }
        }
        if variant != bestTemplate.variant { scratch.bestVariant = variant }
        scratch.ambiguous = second >= 0 && rankKey(best, scratch: scratch) == rankKey(second, scratch: scratch)
    }

    /// Whether `match()` would merge the two candidates (same code, locale, values, tolerances,
    /// literal text and observed flag).
    func sameText(_ a: Int, _ b: Int, scratch: MatchScratch) -> Bool {
        let core = storage.core
        let ca = scratch.candidates[a], cb = scratch.candidates[b]
        let fa = core.facts[Int(ca.template)], fb = core.facts[Int(cb.template)]
        guard fa.codeID == fb.codeID, fa.localeID == fb.localeID, ca.tolerances == cb.tolerances,
              fa.literalBytes == fb.literalBytes, fa.has(TemplateFacts.isObserved) == fb.has(TemplateFacts.isObserved) else { return false }
        if fa.shapeID == fb.shapeID {
            // Same names, types, kinds and bindings: the values are equal when the texts are.
            var j = 0
            while j < Int(fa.slotCount) {
                let ka = core.slots[Int(fa.slotBase) + j].canonical
                if ka < 0 { break }
                let kb = core.slots[Int(fb.slotBase) + j].canonical
                if !scratch.slotBytes(Int(ca.slotBase) + Int(ka)).elementsEqual(scratch.slotBytes(Int(cb.slotBase) + Int(kb))) { return false }
                j += 1
            }
            return true
        }
        // Different shapes can still give equal values (a binding and a slot of the same value): compare them built.
        return values(of: a, scratch: scratch) == values(of: b, scratch: scratch)
    }

    /// The typed values of a candidate, as `Match.values`.
    func values(of c: Int, scratch: MatchScratch) -> [String: MatchedValue] {
        var texts = SpanText()
        return values(of: c, scratch: scratch, texts: &texts)
    }

    /// The same, decoding a span's text only if `texts` does not hold it yet: the candidates of
    /// one message share spans (the catch-all "{reason}." of each locale spans the same body).
    func values(of c: Int, scratch: MatchScratch, texts: inout SpanText) -> [String: MatchedValue] {
        completeValidity(c, scratch: scratch)
        let candidate = scratch.candidates[c]
        let template = templates[Int(candidate.template)]
        let core = storage.core
        let f = core.facts[Int(candidate.template)]
        var values = [String: MatchedValue](minimumCapacity: Int(f.slotCount) + template.bindings.count)
        for k in 0..<Int(f.slotCount) {
            let slot = core.slots[Int(f.slotBase) + k]
            guard slot.first == k else { continue }
            let s = Int(candidate.slotBase) + k
            let state = scratch.slotState[s]
            values[template.slotNames[k]] = Recognisers.value(text: texts.text(of: s, scratch: scratch), type: slot.type, rejected: slot.rejected,
                                                              valid: state & 2 != 0, integer: state & 4 != 0 ? scratch.slotInteger[s] : nil)
        }
        if !template.bindings.isEmpty {
            for (name, value) in template.bindings where values[name] == nil {
                let type = template.placeholders[name]?.type ?? .string
                values[name] = MatchedValue(type: type, value: value, text: value.description,
                                            rejected: template.placeholders[name]?.rejected ?? false, isValidForType: true)
            }
        }
        return values
    }

    /// The full `Match` of a candidate.
    func buildMatch(_ c: Int, scratch: MatchScratch) -> Match {
        var texts = SpanText()
        return buildMatch(c, scratch: scratch, texts: &texts)
    }

    /// The same, sharing decoded value texts with the other candidates of the message.
    func buildMatch(_ c: Int, scratch: MatchScratch, texts: inout SpanText) -> Match {
        let candidate = scratch.candidates[c]
        let template = templates[Int(candidate.template)]
        let values = values(of: c, scratch: scratch, texts: &texts)
        return Match(code: template.code, status: template.status, locale: template.locale, variant: template.variant,
                     sameTextVariants: [], isObserved: template.isObserved, values: values,
                     tolerances: ToleranceSet(bits: candidate.tolerances).sorted, literalBytes: template.literalBytes,
                     typeScore: Int(scratch.candidates[c].typeScore), isCatchAll: !template.hasBodyLiteral)
    }

    /// Names the differences between a template literal and the received text it matched.
    static func compareLiteral(_ template: UnsafeBufferPointer<UInt8>, _ bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int,
                               bodyStart: Int, into tolerances: inout ToleranceSet) {
        let segmentCount = to - from
        if segmentCount == template.count {
            if segmentCount == 0 { return }
            var k = 0
            let base = bytes.baseAddress! + from, literal = template.baseAddress!
            while k < segmentCount && base[k] == literal[k] { k += 1 }
            if k == segmentCount { return }
        }
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
                var sj = j, sRunBytes = 0, sRunFirst: UInt8 = 0
                while sj < to {
                    let w = ByteNormaliser.whitespaceLength(bytes, sj)
                    if w == 0 { break }
                    if sRunBytes == 0 { sRunFirst = bytes[sj] }
                    sRunBytes += w; sj += w
                }
                let nextT: UInt8? = ti < template.count ? template[ti] : nil
                let nextS: UInt8? = sj < to ? bytes[sj] : nil
                if tRun > 0 && sRunBytes > 0 {
                    if !(sRunBytes == 1 && sRunFirst == 0x20) || tRun != 1 { tolerances.insert(.whitespace) }
                } else if let p = (tRun > 0 ? nextT : nextS), ByteNormaliser.isPunctuation(p) {
                    tolerances.insert(.spaceBeforePunctuation)
                } else {
                    tolerances.insert(.whitespace)
                }
                i = ti; j = sj
                continue
            }
            let tApostrophe = t == 0x27 || (i < template.count && ByteNormaliser.isCurlyApostrophe(template, i))
            let sApostrophe = s == 0x27 || (j < to && ByteNormaliser.isCurlyApostrophe(bytes, j))
            if tApostrophe && sApostrophe {
                tolerances.insert(.apostrophe)
                i += t == 0x27 ? 1 : 3
                j += s == 0x27 ? 1 : 3
                continue
            }
            if let t, let s, t | 0x20 == s | 0x20, (t | 0x20) >= 0x61, (t | 0x20) <= 0x7A {
                tolerances.insert(j == bodyStart ? .firstLetterCase : .letterCase)
                i += 1; j += 1; continue
            }
            // Not explained by a tolerance (should not happen: the normal forms were equal).
            tolerances.insert(.letterCase)
            i += 1; j += 1
        }
    }
}

/// The last value text decoded for a message, by span: candidates of one message that capture the
/// same bytes share one `String` (one allocation instead of one per candidate).
struct SpanText {
    var start: Int32 = -1
    var end: Int32 = -1
    var text = ""

    mutating func text(of slot: Int, scratch: MatchScratch) -> String {
        let start = scratch.slotStart[slot], end = scratch.slotEnd[slot]
        if start != self.start || end != self.end {
            self.start = start
            self.end = end
            text = String(decoding: scratch.slotBytes(slot), as: UTF8.self)
        }
        return text
    }
}
