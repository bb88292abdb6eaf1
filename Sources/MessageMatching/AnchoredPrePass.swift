// The literal-anchored exact pre-pass: before the automaton runs, look up the templates that can
// match a message by their leading literal (and try the few templates that start with a value),
// then parse each candidate deterministically. Literal runs are compared directly; a slot ends
// where the literal that follows it occurs, and when that literal occurs more than once where the
// slot could end, the pre-pass gives up and the automaton decides (so ambiguity and ranking stay
// exactly what the automaton says). The pre-pass answers only when every template that can match
// was parsed to a definite yes or no: then the accepted paths are the automaton's accepted paths,
// and the candidates, values, tolerances and ranking come from the same `evaluate` and `rank`.

/// What the pre-pass reads per template, in one 16-byte record (one cache line per candidate).
struct AnchoredTemplate {
    var slots: Int32
    /// First of the template's `AnchoredSlot` records.
    var slotBase: Int32
}

/// What the pre-pass reads per slot, in one record: the bytes it can hold, its longest value, the
/// literal that follows it (in the pool) and the least the message needs after it.
struct AnchoredSlot {
    /// The 256 bytes the slot can hold, as 4 words (read at `bitsOffset`, one word per byte).
    var bits: (UInt64, UInt64, UInt64, UInt64)
    var maxLength: Int
    var literalStart: Int32
    var literalCount: Int32
    /// Bytes the rest of the template needs from the start of the following literal.
    var rest: Int32
    var any: Bool
    var kind: SlotKind
}

/// One distinct leading literal, with what the lookup reads next in the same record.
struct AnchoredLead {
    var start: Int32
    var length: Int32
    /// The longest other lead that is a prefix of this one (-1: none).
    var parent: Int32
    /// Its templates: `leadTemplates[templatesStart ..< templatesEnd]`, the first also here.
    var templatesStart: Int32
    var templatesEnd: Int32
    var firstTemplate: Int32
}

/// The tables of the pre-pass, built once per matcher, read through raw pointers.
final class AnchoredIndex: @unchecked Sendable {
    /// The normalised literal bytes of every template, then the leads.
    let pool: UnsafeMutablePointer<UInt8>
    /// Per template: its slot count and first slot record.
    let templateRecords: UnsafeMutablePointer<AnchoredTemplate>
    /// Per slot of every template, in template order.
    let slotRecords: UnsafeMutablePointer<AnchoredSlot>

    /// Distinct leading literals of the templates that start with literal text, sorted
    /// lexicographically (see `AnchoredLead`).
    let leads: UnsafeMutablePointer<AnchoredLead>
    let leadTemplates: UnsafeMutablePointer<Int32>
    let leadCount: Int
    /// Per two-byte string `b0 << 8 | b1` (and one more entry): the first lead that is not
    /// smaller than it. All leads that start with those two bytes are in `[k] ..< [k + 1]`.
    let lowerBound: UnsafeMutablePointer<Int32>
    /// Leads of 8 bytes or more grouped by their first 8 bytes (contiguous in sorted order):
    /// open addressing, (first 8 bytes, lo, hi); hi == 0 marks an empty entry.
    let groups: UnsafeMutablePointer<(UInt64, Int32, Int32)>
    let groupShift: UInt64
    let groupMask: Int
    /// Templates that start with a value (at most `maxValueFirst`): first the `valueFirstAlways`
    /// ones tried for every message (their last literal is shorter than 4 bytes), then the others
    /// grouped by the last 4 bytes of their last literal, found through `tails`.
    let valueFirst: UnsafeMutablePointer<Int32>
    let valueFirstCount: Int
    let valueFirstAlways: Int
    /// Open addressing, (last 4 bytes as a little-endian word, lo, hi) into `valueFirst`; hi == 0
    /// marks an empty entry. A template whose last literal ends with other bytes than the
    /// message cannot match it (`parse` would say 0 at its first check), so only one group is tried.
    let tails: UnsafeMutablePointer<(UInt32, Int32, Int32)>
    let tailShift: UInt32
    let tailMask: Int
    /// False when the pre-pass cannot be exact for this matcher (too many value-first templates).
    let usable: Bool
    /// Capture entries for the template with the most slots.
    let captureWidth: Int

    static let maxValueFirst = 64

    init(templates: [CompiledTemplate]) {
        var pool: [UInt8] = []
        var ranges: [(Int32, Int32)] = []
        var kinds: [SlotKind] = []
        var literalBase: [Int32] = [], slotCounts: [Int32] = [], rest: [Int32] = []
        var leadMap: [[UInt8]: [Int32]] = [:]
        leadMap.reserveCapacity(templates.count)
        var valueFirst: [Int32] = []
        for (t, template) in templates.enumerated() {
            literalBase.append(Int32(ranges.count))
            slotCounts.append(Int32(template.slotKinds.count))
            let literals = template.normalisedLiterals
            for literal in literals {
                ranges.append((Int32(pool.count), Int32(literal.count)))
                pool += literal
            }
            kinds += template.slotKinds
            // rest[k]: bytes that must follow the start of literal k + 1 (literal k + 1 itself,
            // and every later slot and literal), for slot k.
            let s = template.slotKinds.count
            for k in 0..<max(s, 1) {
                var need = 0
                if k + 1 <= s { for j in (k + 1)...s { need += literals[j].count } }
                need += max(0, s - 1 - k)
                rest.append(Int32(need))
            }
            if template.isCatchAll { continue }
            if let first = literals.first, !first.isEmpty {
                leadMap[first, default: []].append(Int32(t))
            } else {
                valueFirst.append(Int32(t))
            }
        }
        // rest is indexed per template: rebuild bases (one entry per slot, at least one).
        var restBase: [Int32] = []
        var running: Int32 = 0
        for template in templates {
            restBase.append(running)
            running += Int32(max(template.slotKinds.count, 1))
        }
        // First kind of each template in `kinds`.
        var kindBase: [Int32] = [], kindCount = 0
        for template in templates { kindBase.append(Int32(kindCount)); kindCount += template.slotKinds.count }
        let sortedLeads = leadMap.keys.sorted { $0.lexicographicallyPrecedes($1) }
        var leads: [AnchoredLead] = [], members: [Int32] = []
        var stack: [Int] = []
        for lead in sortedLeads {
            let start = Int32(pool.count)
            pool += lead
            while let top = stack.last, !lead.starts(with: sortedLeads[top]) { stack.removeLast() }
            let templatesOfLead = leadMap[lead]!.sorted()
            leads.append(AnchoredLead(start: start, length: Int32(lead.count), parent: Int32(stack.last ?? -1),
                                      templatesStart: Int32(members.count), templatesEnd: Int32(members.count + templatesOfLead.count),
                                      firstTemplate: templatesOfLead[0]))
            stack.append(leads.count - 1)
            members += templatesOfLead
        }
        // A lead sorts before the two bytes of `key` exactly when key >= its threshold: 0 for an
        // empty lead, b0 << 8 for a one-byte lead (a prefix of every pair starting with b0), and
        // (b0 << 8 | b1) + 1 for a longer one. Thresholds grow with the sorted leads, so one walk
        // fills the table (comparing leads with a pair per key was most of a small matcher's build).
        let thresholds = sortedLeads.map { lead -> Int in
            guard let b0 = lead.first else { return 0 }
            return lead.count == 1 ? Int(b0) << 8 : (Int(b0) << 8 | Int(lead[1])) + 1
        }
        var bounds = [Int32](repeating: 0, count: 65537)
        bounds.withUnsafeMutableBufferPointer { bounds in
            var j = 0
            for key in 0..<65536 {
                while j < thresholds.count && thresholds[j] <= key { j += 1 }
                bounds[key] = Int32(j)
            }
        }
        bounds[65536] = Int32(sortedLeads.count)
        var runs: [(UInt64, Int32, Int32)] = []
        for (i, lead) in sortedLeads.enumerated() where lead.count >= 8 {
            let key = Self.word(lead)
            if let last = runs.last, last.0 == key, Int(last.2) == i { runs[runs.count - 1].2 = Int32(i + 1) } else {
                runs.append((key, Int32(i), Int32(i + 1)))
            }
        }
        let (table, tableBits) = Self.openTable(runs, minimumBits: 4, multiplier: 0x9E37_79B9_7F4A_7C15)
        self.groups = Automaton.Tables.copy(table)
        self.groupShift = UInt64(64 - tableBits)
        self.groupMask = (1 << tableBits) - 1
        self.pool = Automaton.Tables.copy(pool)
        self.leads = Automaton.Tables.copy(leads)
        self.leadTemplates = Automaton.Tables.copy(members)
        self.leadCount = sortedLeads.count
        self.lowerBound = Automaton.Tables.copy(bounds)
        var always: [Int32] = [], byTail: [UInt32: [Int32]] = [:]
        for t in valueFirst {
            let last = templates[Int(t)].normalisedLiterals.last ?? []
            if last.count >= 4 {
                byTail[Self.tail(Array(last.suffix(4))), default: []].append(t)
            } else {
                always.append(t)
            }
        }
        var ordered = always
        var tailRuns: [(UInt32, Int32, Int32)] = []
        for key in byTail.keys.sorted() {
            let members = byTail[key]!
            tailRuns.append((key, Int32(ordered.count), Int32(ordered.count + members.count)))
            ordered += members
        }
        let (tailTable, tailBits) = Self.openTable(tailRuns, minimumBits: 2, multiplier: 0x9E37_79B1)
        self.tails = Automaton.Tables.copy(tailTable)
        self.tailShift = UInt32(32 - tailBits)
        self.tailMask = (1 << tailBits) - 1
        self.valueFirst = Automaton.Tables.copy(ordered)
        self.valueFirstCount = ordered.count
        self.valueFirstAlways = always.count
        var bits: [UInt64] = [], any: [Bool] = [], maxLengths: [Int] = []
        for kind in kinds {
            var words: [UInt64] = [0, 0, 0, 0]
            for b in 0...255 where kind.accepts(UInt8(b)) { words[b >> 6] |= 1 << UInt64(b & 63) }
            bits += words
            any.append(words.allSatisfy { $0 == ~0 })
            maxLengths.append(kind.maxLength)
        }
        var templateRecords: [AnchoredTemplate] = [], slotRecords: [AnchoredSlot] = []
        for (t, template) in templates.enumerated() {
            templateRecords.append(AnchoredTemplate(slots: Int32(template.slotKinds.count), slotBase: Int32(slotRecords.count)))
            for (k, kind) in template.slotKinds.enumerated() {
                let entry = Int(kindBase[t]) + k
                let range = ranges[Int(literalBase[t]) + k + 1]
                slotRecords.append(AnchoredSlot(bits: (bits[4 * entry], bits[4 * entry + 1], bits[4 * entry + 2], bits[4 * entry + 3]),
                                                maxLength: kind.maxLength, literalStart: range.0, literalCount: range.1,
                                                rest: rest[Int(restBase[t]) + k], any: any[entry], kind: kind))
            }
        }
        self.templateRecords = Automaton.Tables.copy(templateRecords)
        self.slotRecords = Automaton.Tables.copy(slotRecords)
        self.usable = valueFirst.count <= Self.maxValueFirst
        self.captureWidth = 2 * max(1, templates.map(\.slotKinds.count).max() ?? 1)
    }


    /// An open-addressing table of (key, lo, hi) runs, at most half full: a run sits at the slot
    /// `(key &* multiplier) >> (key bits − table bits)` or the next free one after it; hi == 0
    /// marks a free slot. Returns the table and its size in bits.
    static func openTable<Key: FixedWidthInteger & UnsignedInteger>(_ runs: [(Key, Int32, Int32)], minimumBits: Int,
                                                                  multiplier: Key) -> ([(Key, Int32, Int32)], Int) {
        var bits = minimumBits
        while (1 << bits) < 2 * max(1, runs.count) { bits += 1 }
        var table = [(Key, Int32, Int32)](repeating: (0, 0, 0), count: 1 << bits)
        let shift = Key(Key.bitWidth - bits)
        for run in runs {
            var h = Int((run.0 &* multiplier) >> shift)
            while table[h].2 != 0 { h = (h + 1) & ((1 << bits) - 1) }
            table[h] = run
        }
        return (table, bits)
    }

    /// Four bytes as the little-endian word a message's last 4 bytes load as.
    static func tail(_ bytes: [UInt8]) -> UInt32 {
        var w: UInt32 = 0
        for k in 0..<4 { w |= UInt32(bytes[k]) << UInt32(8 * k) }
        return w
    }

    /// The first 8 bytes as the little-endian word a message's first 8 bytes load as.
    static func word(_ bytes: [UInt8]) -> UInt64 {
        var w: UInt64 = 0
        for k in 0..<8 { w |= UInt64(bytes[k]) << UInt64(8 * k) }
        return w
    }

    deinit {
        pool.deallocate(); leads.deallocate(); leadTemplates.deallocate(); lowerBound.deallocate(); groups.deallocate()
        valueFirst.deallocate(); templateRecords.deallocate(); slotRecords.deallocate(); tails.deallocate()
    }

    /// The hot tables as a trivial value (no reference counting when the pre-pass reads them).
    var view: AnchoredView {
        AnchoredView(pool: pool, leads: leads, leadTemplates: leadTemplates, leadCount: leadCount, lowerBound: lowerBound,
                     valueFirst: valueFirst, valueFirstCount: valueFirstCount, valueFirstAlways: valueFirstAlways,
                     tails: tails, tailShift: tailShift, tailMask: tailMask, captureWidth: captureWidth, usable: usable,
                     groups: groups, groupShift: groupShift, groupMask: groupMask,
                     templateRecords: templateRecords, slotRecords: slotRecords)
    }
}

/// The pre-pass's tables, read through raw pointers owned by an `AnchoredIndex`.
/// Immutable after the index is built, and alive as long as the matcher storage that holds both.
struct AnchoredView: @unchecked Sendable {
    let pool: UnsafeMutablePointer<UInt8>
    let leads: UnsafeMutablePointer<AnchoredLead>
    let leadTemplates: UnsafeMutablePointer<Int32>
    let leadCount: Int
    let lowerBound: UnsafeMutablePointer<Int32>
    let valueFirst: UnsafeMutablePointer<Int32>
    let valueFirstCount: Int
    let valueFirstAlways: Int
    let tails: UnsafeMutablePointer<(UInt32, Int32, Int32)>
    let tailShift: UInt32
    let tailMask: Int
    let captureWidth: Int
    let usable: Bool
    let groups: UnsafeMutablePointer<(UInt64, Int32, Int32)>
    let groupShift: UInt64
    let groupMask: Int
    let templateRecords: UnsafeMutablePointer<AnchoredTemplate>
    let slotRecords: UnsafeMutablePointer<AnchoredSlot>

    /// -1, 0, 1: `pool[lead]` compared with the whole of `x`.
    @inline(__always)
    func compare(lead i: Int, _ x: UnsafePointer<UInt8>, _ n: Int) -> Int {
        let (start, length) = (Int(leads[i].start), Int(leads[i].length))
        let m = min(length, n)
        let a = pool + start
        var k = 0
        // Eight bytes at a time (big-endian words compare as the bytes do).
        while k &+ 8 <= m {
            let u = UnsafeRawPointer(a + k).loadUnaligned(as: UInt64.self)
            let v = UnsafeRawPointer(x + k).loadUnaligned(as: UInt64.self)
            if u != v { return u.byteSwapped < v.byteSwapped ? -1 : 1 }
            k &+= 8
        }
        while k < m {
            if a[k] != x[k] { return a[k] < x[k] ? -1 : 1 }
            k &+= 1
        }
        return length == n ? 0 : (length < n ? -1 : 1)
    }

    /// The value-first templates that can match `x[0 ..< n]` by its last 4 bytes:
    /// `valueFirst[valueFirstAlways ..< ]` range of the group, or an empty range.
    @inline(__always)
    func tailGroup(_ x: UnsafePointer<UInt8>, _ n: Int) -> Range<Int> {
        guard n >= 4 else { return 0..<0 }
        let key = UnsafeRawPointer(x + (n &- 4)).loadUnaligned(as: UInt32.self)
        var h = Int((key &* 0x9E37_79B1) >> tailShift)
        while tails[h].2 != 0 {
            if tails[h].0 == key { return Int(tails[h].1)..<Int(tails[h].2) }
            h = (h &+ 1) & tailMask
        }
        return 0..<0
    }

    /// The deepest lead that is a prefix of `x[0 ..< n]`, or -1. Its `leadParent` chain holds every
    /// other lead that is.
    func deepestLead(_ x: UnsafePointer<UInt8>, _ n: Int) -> Int {
        guard leadCount > 0, n > 0 else { return -1 }
        var lo = 0, hi = leadCount
        var grouped = false
        if n >= 8 {
            // Leads of 8 bytes or more that can be prefixes of x share its first 8 bytes: one probe.
            let key = UnsafeRawPointer(x).loadUnaligned(as: UInt64.self)
            var h = Int((key &* 0x9E37_79B9_7F4A_7C15) >> groupShift)
            while groups[h].2 != 0 {
                if groups[h].0 == key { lo = Int(groups[h].1); hi = Int(groups[h].2); grouped = true; break }
                h = (h &+ 1) & groupMask
            }
        }
        if !grouped && n >= 2 {
            let key = Int(x[0]) << 8 | Int(x[1])
            lo = Int(lowerBound[key]); hi = Int(lowerBound[key + 1])
        }
        // Last lead in [lo, hi) that is <= x (leads before lo are all smaller than x).
        var a = lo, b = hi
        while a < b {
            let mid = (a &+ b) >> 1
            if compare(lead: mid, x, n) <= 0 { a = mid &+ 1 } else { b = mid }
        }
        var p = a - 1
        guard p >= 0 else { return -1 }
        // Every lead that is a prefix of x is a prefix of p no longer than their common prefix.
        let (start, length) = (Int(leads[p].start), Int(leads[p].length))
        var lcp = 0
        let limit = min(length, n)
        let leadBytes = UnsafeRawPointer(pool + start), messageBytes = UnsafeRawPointer(x)
        while lcp &+ 8 <= limit {
            let u: UInt64 = leadBytes.loadUnaligned(fromByteOffset: lcp, as: UInt64.self)
            let v: UInt64 = messageBytes.loadUnaligned(fromByteOffset: lcp, as: UInt64.self)
            if u != v { break }
            lcp &+= 8
        }
        while lcp < limit && pool[start &+ lcp] == x[lcp] { lcp &+= 1 }
        while p >= 0 && Int(leads[p].length) > lcp { p = Int(leads[p].parent) }
        return p
    }

    /// Parses template `t` over `x[0 ..< n]` deterministically: 1 (matched, slot spans in
    /// `caps`), 0 (cannot match), -1 (a slot could end at more than one place, or two slots are
    /// adjacent: the automaton decides). `from` is where the first slot starts (the leading
    /// literal already compared).
    @inline(__always)
    func parse(_ t: Int, _ x: UnsafePointer<UInt8>, _ n: Int, from: Int, caps: UnsafeMutablePointer<Int32>) -> Int {
        let record = templateRecords[t]
        let slots = Int(record.slots)
        if slots == 0 { return from == n ? 1 : 0 }
        var slot = slotRecords + Int(record.slotBase)
        // The last literal ends the message: the cheapest way to rule a template out.
        let last = slot + (slots &- 1)
        let lastCount = Int(last.pointee.literalCount)
        if lastCount > 0 {
            guard n &- lastCount > from else { return 0 }
            let literal = pool + Int(last.pointee.literalStart), end = n &- lastCount
            var j = 0
            while j < lastCount { if x[end &+ j] != literal[j] { return 0 }; j &+= 1 }
        }
        // The slot's byte set, as words in its record (a branch-free lookup per byte).
        let bitsOffset = MemoryLayout<AnchoredSlot>.offset(of: \AnchoredSlot.bits)!
        var bits = (UnsafeRawPointer(slot) + bitsOffset).assumingMemoryBound(to: UInt64.self)
        var pos = from
        for k in 0..<slots {
            let litCount = Int(slot.pointee.literalCount)
            let literal = pool + Int(slot.pointee.literalStart)
            let maxLength = slot.pointee.maxLength
            let any = slot.pointee.any
            if k == slots &- 1 {
                let end = n &- litCount
                guard end > pos, end &- pos <= maxLength else { return 0 }
                var j = 0
                while j < litCount { if x[end &+ j] != literal[j] { return 0 }; j &+= 1 }
                if !any {
                    var i = pos
                    while i < end {
                        let b = x[i]
                        if bits[Int(b >> 6)] & (1 << UInt64(b & 63)) == 0 { return 0 }
                        i &+= 1
                    }
                }
                guard slot.pointee.kind.quickCheck(UnsafeBufferPointer(start: x + pos, count: end &- pos)) else { return 0 }
                caps[2 &* k] = Int32(pos); caps[2 &* k &+ 1] = Int32(end)
                return 1
            }
            if litCount == 0 { return -1 }
            let maxEnd = min(n &- Int(slot.pointee.rest), maxLength == Int.max ? Int.max : pos &+ maxLength)
            var found = -1
            var p = pos &+ 1
            let first = literal[0]
            if any {
                // Free text: only where the literal's first byte is, eight bytes at a time.
                let pattern = 0x0101_0101_0101_0101 &* UInt64(first)
                while p &+ 8 <= maxEnd &+ 1 {
                    let w = UnsafeRawPointer(x + p).loadUnaligned(as: UInt64.self) ^ pattern
                    var hits = (w &- 0x0101_0101_0101_0101) & ~w & 0x8080_8080_8080_8080
                    while hits != 0 {
                        let q = p &+ hits.trailingZeroBitCount >> 3
                        // (Bytes above a match can be false hits: compare from the first byte.)
                        var j = 0
                        while j < litCount && x[q &+ j] == literal[j] { j &+= 1 }
                        if j == litCount && slot.pointee.kind.quickCheck(UnsafeBufferPointer(start: x + pos, count: q &- pos)) {
                            if found >= 0 { return -1 }
                            found = q
                        }
                        hits &= hits &- 1
                    }
                    p &+= 8
                }
            }
            while p <= maxEnd {
                if !any {
                    let b = x[p &- 1]
                    if bits[Int(b >> 6)] & (1 << UInt64(b & 63)) == 0 { break }
                }
                if x[p] == first {
                    var j = 1
                    while j < litCount && x[p &+ j] == literal[j] { j &+= 1 }
                    if j == litCount && slot.pointee.kind.quickCheck(UnsafeBufferPointer(start: x + pos, count: p &- pos)) {
                        if found >= 0 { return -1 }
                        found = p
                    }
                }
                p &+= 1
            }
            if found < 0 { return 0 }
            caps[2 &* k] = Int32(pos); caps[2 &* k &+ 1] = Int32(found)
            pos = found &+ litCount
            slot += 1
            bits = (UnsafeRawPointer(slot) + bitsOffset).assumingMemoryBound(to: UInt64.self)
        }
        return 1
    }
}

extension MessageMatcher {
    /// The pre-pass over the prepared message in `scratch`: `.matched` when it decided the
    /// candidates (at least one, ranked), `.none` when it proved that no template with literal
    /// text matches (the automaton would accept nothing the filters admit), `.undecided` when the
    /// automaton must run (the scratch's candidates are then reset).
    func anchoredPass(admission: Admission, locale: LocaleFilter, scratch: MatchScratch) -> AnchoredVerdict {
        unowned(unsafe) let storage = self.storage
        let index = storage.anchoredView
        unowned(unsafe) let core = storage.core
        guard index.usable else { return .undecided }
        let n = scratch.count
        guard n > 0 else { return .undecided }
        let x = UnsafePointer(scratch.normalised)
        let facts = core.facts
        scratch.candidateCount = 0
        scratch.slotCount = 0
        scratch.best = -1
        scratch.bestVariant = nil
        scratch.ambiguous = false
        let caps = scratch.anchoredCaps(index.captureWidth)
        let everyTemplate = admission.codeID < 0 && admission.everyLocale
        var decided = true
        var lead = index.deepestLead(x, n)
        chain: while lead >= 0 {
            let entry = index.leads[lead]
            let from = Int(entry.length)
            for m in Int(entry.templatesStart)..<Int(entry.templatesEnd) {
                let t = m == Int(entry.templatesStart) ? Int(entry.firstTemplate) : Int(index.leadTemplates[m])
                let verdict = index.parse(t, x, n, from: from, caps: caps)
                if verdict < 0 { decided = false; break chain }
                if verdict == 1 && (everyTemplate || admission.admits(facts[t], core: core, locale: locale)) {
                    evaluate(t, captures: caps, scratch: scratch)
                }
            }
            lead = Int(entry.parent)
        }
        if decided {
            // Value-first templates: those with a short last literal, then the one group whose
            // last literal ends like the message (every other one fails `parse`'s first check).
            let group = index.valueFirstCount > index.valueFirstAlways ? index.tailGroup(x, n) : 0..<0
            var v = 0
            while v < index.valueFirstAlways + group.count {
                let t = Int(index.valueFirst[v < index.valueFirstAlways ? v : group.lowerBound &+ (v &- index.valueFirstAlways)])
                let verdict = index.parse(t, x, n, from: 0, caps: caps)
                if verdict < 0 { decided = false; break }
                if verdict == 1 && (everyTemplate || admission.admits(facts[t], core: core, locale: locale)) {
                    evaluate(t, captures: caps, scratch: scratch)
                }
                v &+= 1
            }
        }
        let count = scratch.candidateCount
        guard decided, count > 0 else {
            scratch.candidateCount = 0
            scratch.slotCount = 0
            return decided ? .none : .undecided
        }
        rank(scratch)
        if count > 1 {
            // Equal sort keys would leave the order to the automaton's accept order: let it decide.
            for a in 0..<count {
                for b in (a + 1)..<count where sortKey(a, scratch: scratch) == sortKey(b, scratch: scratch) {
                    scratch.candidateCount = 0
                    scratch.slotCount = 0
                    scratch.best = -1
                    scratch.bestVariant = nil
                    scratch.ambiguous = false
                    return .undecided
                }
            }
        }
        return .matched
    }
}

/// What the pre-pass decided.
enum AnchoredVerdict {
    case matched, none, undecided
}
