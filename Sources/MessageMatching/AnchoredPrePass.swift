// The literal-anchored exact pre-pass: before the automaton runs, look up the templates that can
// match a message by their leading literal (and try the few templates that start with a value),
// then parse each candidate deterministically. Literal runs are compared directly; a slot ends
// where the literal that follows it occurs, and when that literal occurs more than once where the
// slot could end, the pre-pass gives up and the automaton decides (so ambiguity and ranking stay
// exactly what the automaton says). The pre-pass answers only when every template that can match
// was parsed to a definite yes or no: then the accepted paths are the automaton's accepted paths,
// and the candidates, values, tolerances and ranking come from the same `evaluate` and `rank`.

/// The tables of the pre-pass, built once per matcher, read through raw pointers.
final class AnchoredIndex: @unchecked Sendable {
    /// Per template: first literal range in `ranges`, slot count, first kind in `kinds`.
    let templateLiteralBase: UnsafeMutablePointer<Int32>
    let templateSlots: UnsafeMutablePointer<Int32>
    /// Normalised literal ranges (start, count) into `pool`.
    let ranges: UnsafeMutablePointer<(Int32, Int32)>
    let kinds: UnsafeMutablePointer<SlotKind>
    /// Per template: the literal bytes after each slot plus one byte per later slot (the least the
    /// rest of the message needs after slot k's following literal starts): `restBase + k`.
    let rest: UnsafeMutablePointer<Int32>
    let pool: UnsafeMutablePointer<UInt8>

    /// Distinct leading literals of the templates that start with literal text, sorted
    /// lexicographically: range in `pool`, longest other leading literal that is a prefix of it
    /// (-1: none), templates `leadTemplateStart[i] ..< leadTemplateStart[i + 1]`.
    let leads: UnsafeMutablePointer<(Int32, Int32)>
    let leadParent: UnsafeMutablePointer<Int32>
    let leadTemplateStart: UnsafeMutablePointer<Int32>
    let leadTemplates: UnsafeMutablePointer<Int32>
    let leadCount: Int
    /// Per two-byte string `b0 << 8 | b1` (and one more entry): the first lead that is not
    /// smaller than it. All leads that start with those two bytes are in `[k] ..< [k + 1]`.
    let lowerBound: UnsafeMutablePointer<Int32>
    /// Templates that start with a value (tried one by one; at most `maxValueFirst`).
    let valueFirst: [Int32]
    /// False when the pre-pass cannot be exact for this matcher (too many value-first templates).
    let usable: Bool

    static let maxValueFirst = 64

    init(templates: [CompiledTemplate]) {
        var pool: [UInt8] = []
        var ranges: [(Int32, Int32)] = []
        var kinds: [SlotKind] = []
        var literalBase: [Int32] = [], slotCounts: [Int32] = [], rest: [Int32] = []
        var leadMap: [[UInt8]: [Int32]] = [:]
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
        self.restBase = Automaton.Tables.copy(restBase)
        let sortedLeads = leadMap.keys.sorted { $0.lexicographicallyPrecedes($1) }
        var leads: [(Int32, Int32)] = [], parents: [Int32] = [], starts: [Int32] = [], members: [Int32] = []
        var stack: [Int] = []
        for (i, lead) in sortedLeads.enumerated() {
            leads.append((Int32(pool.count), Int32(lead.count)))
            pool += lead
            while let top = stack.last, !lead.starts(with: sortedLeads[top]) { stack.removeLast() }
            parents.append(Int32(stack.last ?? -1))
            stack.append(i)
            starts.append(Int32(members.count))
            members += leadMap[lead]!.sorted()
        }
        starts.append(Int32(members.count))
        var bounds = [Int32](repeating: 0, count: 65537)
        var j = 0
        for key in 0..<65536 {
            let pair: [UInt8] = [UInt8(key >> 8), UInt8(key & 0xFF)]
            while j < sortedLeads.count && sortedLeads[j].lexicographicallyPrecedes(pair) { j += 1 }
            bounds[key] = Int32(j)
        }
        bounds[65536] = Int32(sortedLeads.count)
        self.templateLiteralBase = Automaton.Tables.copy(literalBase)
        self.templateSlots = Automaton.Tables.copy(slotCounts)
        self.ranges = Automaton.Tables.copy(ranges)
        self.kinds = Automaton.Tables.copy(kinds)
        self.rest = Automaton.Tables.copy(rest)
        self.pool = Automaton.Tables.copy(pool)
        self.leads = Automaton.Tables.copy(leads)
        self.leadParent = Automaton.Tables.copy(parents)
        self.leadTemplateStart = Automaton.Tables.copy(starts)
        self.leadTemplates = Automaton.Tables.copy(members)
        self.leadCount = sortedLeads.count
        self.lowerBound = Automaton.Tables.copy(bounds)
        self.valueFirst = valueFirst
        self.usable = valueFirst.count <= Self.maxValueFirst
        // First kind of each template in `kinds`.
        var kindBase: [Int32] = [], k = 0
        for template in templates { kindBase.append(Int32(k)); k += template.slotKinds.count }
        self.kindBase = Automaton.Tables.copy(kindBase)
    }

    let restBase: UnsafeMutablePointer<Int32>
    let kindBase: UnsafeMutablePointer<Int32>

    deinit {
        templateLiteralBase.deallocate(); templateSlots.deallocate(); ranges.deallocate(); kinds.deallocate()
        rest.deallocate(); pool.deallocate(); leads.deallocate(); leadParent.deallocate()
        leadTemplateStart.deallocate(); leadTemplates.deallocate(); lowerBound.deallocate()
        restBase.deallocate(); kindBase.deallocate()
    }

    /// -1, 0, 1: `pool[lead]` compared with the whole of `x`.
    @inline(__always)
    func compare(lead i: Int, _ x: UnsafePointer<UInt8>, _ n: Int) -> Int {
        let (start, length) = (Int(leads[i].0), Int(leads[i].1))
        let m = min(length, n)
        let a = pool + start
        var k = 0
        while k < m {
            if a[k] != x[k] { return a[k] < x[k] ? -1 : 1 }
            k &+= 1
        }
        return length == n ? 0 : (length < n ? -1 : 1)
    }

    /// The deepest lead that is a prefix of `x[0 ..< n]`, or -1. Its `leadParent` chain holds every
    /// other lead that is.
    func deepestLead(_ x: UnsafePointer<UInt8>, _ n: Int) -> Int {
        guard leadCount > 0, n > 0 else { return -1 }
        var lo = 0, hi = leadCount
        if n >= 2 {
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
        let (start, length) = (Int(leads[p].0), Int(leads[p].1))
        var lcp = 0
        let limit = min(length, n)
        while lcp < limit && pool[start &+ lcp] == x[lcp] { lcp &+= 1 }
        while p >= 0 && Int(leads[p].1) > lcp { p = Int(leadParent[p]) }
        return p
    }

    /// Parses template `t` over `x[0 ..< n]` deterministically: 1 (matched, slot spans in
    /// `caps`), 0 (cannot match), -1 (a slot could end at more than one place, or two slots are
    /// adjacent: the automaton decides). `from` is where the first slot starts (the leading
    /// literal already compared).
    @inline(__always)
    func parse(_ t: Int, _ x: UnsafePointer<UInt8>, _ n: Int, from: Int, caps: UnsafeMutablePointer<Int32>) -> Int {
        let slots = Int(templateSlots[t])
        let literalBase = Int(templateLiteralBase[t])
        if slots == 0 { return from == n ? 1 : 0 }
        let kindBase = Int(self.kindBase[t]), restBase = Int(self.restBase[t])
        var pos = from
        for k in 0..<slots {
            let kind = kinds[kindBase &+ k]
            let (litStart, litCount) = (Int(ranges[literalBase &+ k &+ 1].0), Int(ranges[literalBase &+ k &+ 1].1))
            let literal = pool + litStart
            let maxLength = kind.maxLength
            if k == slots &- 1 {
                let end = n &- litCount
                guard end > pos, end &- pos <= maxLength else { return 0 }
                var j = 0
                while j < litCount { if x[end &+ j] != literal[j] { return 0 }; j &+= 1 }
                var i = pos
                while i < end { if !kind.accepts(x[i]) { return 0 }; i &+= 1 }
                guard kind.quickCheck(UnsafeBufferPointer(start: x + pos, count: end &- pos)) else { return 0 }
                caps[2 &* k] = Int32(pos); caps[2 &* k &+ 1] = Int32(end)
                return 1
            }
            if litCount == 0 { return -1 }
            let maxEnd = n &- Int(rest[restBase &+ k])
            var found = -1
            var p = pos &+ 1
            let first = literal[0]
            while p <= maxEnd && p &- pos <= maxLength {
                if !kind.accepts(x[p &- 1]) { break }
                if x[p] == first {
                    var j = 1
                    while j < litCount && x[p &+ j] == literal[j] { j &+= 1 }
                    if j == litCount && kind.quickCheck(UnsafeBufferPointer(start: x + pos, count: p &- pos)) {
                        if found >= 0 { return -1 }
                        found = p
                    }
                }
                p &+= 1
            }
            if found < 0 { return 0 }
            caps[2 &* k] = Int32(pos); caps[2 &* k &+ 1] = Int32(found)
            pos = found &+ litCount
        }
        return 1
    }
}

extension MessageMatcher {
    /// The pre-pass over the prepared message in `scratch`: true when it decided the candidates
    /// (at least one, ranked), false when the automaton must run (the scratch's candidates are
    /// then reset).
    func anchoredPass(admission: Admission, locale: LocaleFilter, scratch: MatchScratch) -> Bool {
        let storage = self.storage
        let index = storage.anchored
        guard index.usable else { return false }
        let n = scratch.count
        guard n > 0 else { return false }
        let x = UnsafePointer(scratch.normalised)
        let core = storage.core
        let facts = core.facts
        scratch.candidateCount = 0
        scratch.slotCount = 0
        scratch.best = -1
        scratch.bestVariant = nil
        scratch.ambiguous = false
        let width = storage.parts[0].captureWidth
        let decided: Bool = withUnsafeTemporaryAllocation(of: Int32.self, capacity: width) { buffer in
            let caps = buffer.baseAddress!
            var lead = index.deepestLead(x, n)
            while lead >= 0 {
                let from = Int(index.leads[lead].1)
                for m in Int(index.leadTemplateStart[lead])..<Int(index.leadTemplateStart[lead + 1]) {
                    let t = Int(index.leadTemplates[m])
                    let verdict = index.parse(t, x, n, from: from, caps: caps)
                    if verdict < 0 { return false }
                    if verdict == 1 && admission.admits(facts[t], core: core, locale: locale) {
                        evaluate(t, captures: caps, scratch: scratch)
                    }
                }
                lead = Int(index.leadParent[lead])
            }
            for t32 in index.valueFirst {
                let t = Int(t32)
                let verdict = index.parse(t, x, n, from: 0, caps: caps)
                if verdict < 0 { return false }
                if verdict == 1 && admission.admits(facts[t], core: core, locale: locale) {
                    evaluate(t, captures: caps, scratch: scratch)
                }
            }
            return true
        }
        let count = scratch.candidateCount
        guard decided, count > 0 else {
            scratch.candidateCount = 0
            scratch.slotCount = 0
            return false
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
                    return false
                }
            }
        }
        return true
    }
}
