/// All templates of all locales compiled into one trie over normalised literal bytes, with typed
/// slot edges. Templates that share a prefix (and the same slot kinds) share states, so the number
/// of live states while matching depends on the text, not on how many templates there are.
///
/// Matching is a Pike-VM simulation (one thread per state, at most `maxThreads`), so the work per
/// message is O(length × maxThreads × slot kinds): linear in the length, whatever the input.
final class Automaton: @unchecked Sendable {
    // Per node.
    let firstByte: [UInt16]          // 0x100: no child
    let firstChild: [Int32]
    let slotStart: [Int32]           // edges slotStart[n] ..< slotStart[n + 1]
    let terminalStart: [Int32]       // terminals terminalStart[n] ..< terminalStart[n + 1]
    let depth: [Int32]               // slots on the path from the root
    /// Literal bytes on the path from the root (how far a thread got, for the nearest template).
    let literalDepth: [Int32]
    /// (template, element index, byte offset) of the first template through the node: the
    /// "nearest template" of a message that dies here.
    let representative: [(template: Int32, element: Int32, offset: Int32)]
    // Per slot edge.
    let edgeKind: [SlotKind]
    let edgeChild: [Int32]
    let edgeDepth: [Int32]
    // Terminals (template indices).
    let terminals: [Int32]
    /// Further children: open addressing, key (node << 8 | byte) + 1, 0 = empty.
    let extraKeys: [UInt64]
    let extraValues: [Int32]
    let extraMask: Int
    /// Capture slots per thread: 2 × (maximum slots on a path).
    let captureWidth: Int
    /// This automaton's slot edges are `edgeOffset ..< edgeOffset + edgeKind.count` in a scratch's
    /// per-edge caches (the parts of one matcher share the scratch).
    let edgeOffset: Int

    static let maxThreads = 64

    /// One trie node, packed so that a step reads one cache line.
    struct Node {
        var firstChild: Int32
        var slotStart: Int32
        var firstByte: UInt16
        var slotCount: UInt16
        var isTerminal: Bool
        /// More literal children than `firstByte` (in the hash table).
        var hasMoreChildren: Bool
        /// Path compression (see `Tables.runLength`), in the node's own cache line.
        var runLength: Int32 = 0
        var runStart: Int32 = 0
        var runEnd: Int32 = 0
    }

    /// Raw copies of the hot tables: the matching loop reads them without reference counting.
    /// Immutable after `init`, freed with the automaton.
    final class Tables: @unchecked Sendable {
        let nodes: UnsafeMutablePointer<Node>
        let edgeKind: UnsafeMutablePointer<SlotKind>
        let edgeChild: UnsafeMutablePointer<Int32>
        let edgeDepth: UnsafeMutablePointer<Int32>
        let extraKeys: UnsafeMutablePointer<UInt64>
        let extraValues: UnsafeMutablePointer<Int32>
        let literalDepth: UnsafeMutablePointer<Int32>
        /// Per slot edge, 256 bits: the bytes at which a thread in the slot can change (a byte
        /// that can follow the slot's text, or one the slot cannot hold). Between two such bytes
        /// the threads stay as they are, so the matcher skips.
        let edgeStop: UnsafeMutablePointer<UInt64>
        /// Whether the slot's exit node has no slot edge of its own (only then can it be skipped over).
        let edgeSkippable: UnsafeMutablePointer<Bool>
        /// Path compression: from a node with one literal child, no slot and no terminal, the bytes
        /// of the whole chain of such nodes (`runLength` of them at `runStart` in `runBytes`) and
        /// the node they lead to. One thread follows a chain by comparing words, not nodes.
        let runLength: UnsafeMutablePointer<Int32>
        let runStart: UnsafeMutablePointer<Int32>
        let runEnd: UnsafeMutablePointer<Int32>
        let runBytes: UnsafeMutablePointer<UInt8>
        /// Terminal template indices per node (`terminalStart[n] ..< terminalStart[n + 1]`).
        let terminalStart: UnsafeMutablePointer<Int32>
        let terminals: UnsafeMutablePointer<Int32>
        /// Per slot edge: the literal chain that must follow the slot's text (its exit node's run).
        let edgeNeedStart: UnsafeMutablePointer<Int32>
        let edgeNeedLength: UnsafeMutablePointer<Int32>
        let counts: [Int]

        static func copy<T>(_ array: [T]) -> UnsafeMutablePointer<T> {
            let pointer = UnsafeMutablePointer<T>.allocate(capacity: max(1, array.count))
            array.withUnsafeBufferPointer { buffer in
                if let base = buffer.baseAddress { pointer.initialize(from: base, count: buffer.count) }
            }
            return pointer
        }

        init(_ a: Automaton) {
            var multi = [Bool](repeating: false, count: a.firstByte.count)
            for key in a.extraKeys where key != 0 { multi[Int((key - 1) >> 8)] = true }
            var packed: [Node] = []
            packed.reserveCapacity(a.firstByte.count)
            for n in 0..<a.firstByte.count {
                packed.append(Node(firstChild: a.firstChild[n], slotStart: a.slotStart[n], firstByte: a.firstByte[n],
                                   slotCount: UInt16(a.slotStart[n + 1] - a.slotStart[n]),
                                   isTerminal: a.terminalStart[n] < a.terminalStart[n + 1], hasMoreChildren: multi[n]))
            }
            nodes = Self.copy(packed)
            edgeKind = Self.copy(a.edgeKind); edgeChild = Self.copy(a.edgeChild); edgeDepth = Self.copy(a.edgeDepth)
            extraKeys = Self.copy(a.extraKeys); extraValues = Self.copy(a.extraValues)
            literalDepth = Self.copy(a.literalDepth)
            var childBytes: [Int: [UInt8]] = [:]
            for key in a.extraKeys where key != 0 { childBytes[Int((key - 1) >> 8), default: []].append(UInt8((key - 1) & 0xFF)) }
            var stops = [UInt64](repeating: 0, count: 4 * max(1, a.edgeKind.count))
            var skippable = [Bool](repeating: false, count: max(1, a.edgeKind.count))
            for edge in 0..<a.edgeKind.count {
                let exit = Int(a.edgeChild[edge])
                skippable[edge] = a.slotStart[exit] == a.slotStart[exit + 1]
                var bytes = childBytes[exit] ?? []
                if a.firstByte[exit] < 0x100 { bytes.append(UInt8(a.firstByte[exit])) }
                for b in 0...255 where !a.edgeKind[edge].accepts(UInt8(b)) { bytes.append(UInt8(b)) }
                for b in bytes { stops[4 * edge + Int(b >> 6)] |= 1 << UInt64(b & 63) }
            }
            edgeStop = Self.copy(stops)
            edgeSkippable = Self.copy(skippable)
            let count = a.firstByte.count
            var length = [Int32](repeating: 0, count: count), end = [Int32](repeating: 0, count: count)
            var start = [Int32](repeating: -1, count: count)
            func simple(_ n: Int) -> Bool {
                a.firstByte[n] < 0x100 && !multi[n] && a.slotStart[n] == a.slotStart[n + 1] && a.terminalStart[n] == a.terminalStart[n + 1]
            }
            // Children have higher numbers than their parents.
            for n in stride(from: count - 1, through: 0, by: -1) where simple(n) {
                let child = Int(a.firstChild[n])
                length[n] = 1 + length[child]
                end[n] = length[child] > 0 ? end[child] : Int32(child)
            }
            var pool: [UInt8] = []
            for n in 0..<count where length[n] > 0 && start[n] < 0 {
                // A chain head: write its run; the nodes along it start inside it.
                var m = n
                while length[m] > 0 {
                    start[m] = Int32(pool.count)
                    pool.append(UInt8(a.firstByte[m]))
                    m = Int(a.firstChild[m])
                }
            }
            // Interior nodes point into their head's run: the run of a node is the suffix that starts at it.
            runLength = Self.copy(length); runStart = Self.copy(start); runEnd = Self.copy(end); runBytes = Self.copy(pool)
            for n in 0..<count {
                nodes[n].runLength = length[n]; nodes[n].runStart = start[n]; nodes[n].runEnd = end[n]
            }
            terminalStart = Self.copy(a.terminalStart)
            terminals = Self.copy(a.terminals)
            edgeNeedStart = Self.copy((0..<max(1, a.edgeKind.count)).map { $0 < a.edgeKind.count ? max(0, start[Int(a.edgeChild[$0])]) : 0 })
            edgeNeedLength = Self.copy((0..<max(1, a.edgeKind.count)).map { $0 < a.edgeKind.count ? length[Int(a.edgeChild[$0])] : 0 })
            counts = [a.firstByte.count, a.edgeKind.count]
        }

        deinit {
            nodes.deallocate()
            edgeKind.deinitialize(count: counts[1]); edgeKind.deallocate()
            edgeChild.deallocate(); edgeDepth.deallocate(); extraKeys.deallocate(); extraValues.deallocate()
            literalDepth.deallocate(); edgeStop.deallocate(); edgeSkippable.deallocate()
            runLength.deallocate(); runStart.deallocate(); runEnd.deallocate(); runBytes.deallocate()
            edgeNeedStart.deallocate(); edgeNeedLength.deallocate(); terminalStart.deallocate(); terminals.deallocate()
        }
    }

    private(set) var tables: Tables! = nil

    /// Compiles the templates that `include` admits (all but catch-alls, which are matched
    /// outside); captures are at least `minimumWidth` wide so that parts share one layout.
    init(templates: [CompiledTemplate], minimumWidth: Int = 2, edgeOffset: Int = 0, include: (CompiledTemplate) -> Bool = { _ in true }) {
        self.edgeOffset = edgeOffset
        var firstByte: [UInt16] = [0x100]
        var firstChild: [Int32] = [-1]
        var edges: [[(SlotKind, Int32)]] = [[]]
        var terms: [[Int32]] = [[]]
        var depth: [Int32] = [0]
        var literalDepth: [Int32] = [0]
        var representative: [(Int32, Int32, Int32)] = [(-1, 0, 0)]
        var extra: [UInt64: Int32] = [:]
        var maxDepth = 0

        func newNode(depth d: Int32, literal: Int32, rep: (Int32, Int32, Int32)) -> Int32 {
            firstByte.append(0x100); firstChild.append(-1); edges.append([]); terms.append([])
            depth.append(d); literalDepth.append(literal); representative.append(rep)
            return Int32(firstByte.count - 1)
        }
        for (t, template) in templates.enumerated() where !template.isCatchAll && include(template) {
            var node: Int32 = 0
            if representative[0].0 < 0 { representative[0] = (Int32(t), 0, 0) }
            for (k, literal) in template.normalisedLiterals.enumerated() {
                for (offset, b) in literal.enumerated() {
                    let n = Int(node)
                    if firstByte[n] == UInt16(b) {
                        node = firstChild[n]
                    } else if firstByte[n] == 0x100 {
                        let child = newNode(depth: depth[n], literal: literalDepth[n] + 1, rep: (Int32(t), Int32(k), Int32(offset + 1)))
                        firstByte[n] = UInt16(b); firstChild[n] = child
                        node = child
                    } else {
                        let key = (UInt64(n) << 8 | UInt64(b)) + 1
                        if let child = extra[key] {
                            node = child
                        } else {
                            let child = newNode(depth: depth[n], literal: literalDepth[n] + 1, rep: (Int32(t), Int32(k), Int32(offset + 1)))
                            extra[key] = child
                            node = child
                        }
                    }
                }
                if k < template.slotKinds.count {
                    let kind = template.slotKinds[k]
                    let n = Int(node)
                    if let existing = edges[n].first(where: { $0.0 == kind }) {
                        node = existing.1
                    } else {
                        let child = newNode(depth: depth[n] + 1, literal: literalDepth[n], rep: (Int32(t), Int32(k + 1), 0))
                        edges[n].append((kind, child))
                        node = child
                    }
                    maxDepth = max(maxDepth, Int(depth[Int(node)]))
                }
            }
            terms[Int(node)].append(Int32(t))
        }
        // Freeze.
        var slotStart: [Int32] = [], edgeKind: [SlotKind] = [], edgeChild: [Int32] = [], edgeDepth: [Int32] = []
        var terminalStart: [Int32] = [], terminals: [Int32] = []
        slotStart.reserveCapacity(edges.count + 1)
        terminalStart.reserveCapacity(edges.count + 1)
        for n in 0..<edges.count {
            slotStart.append(Int32(edgeKind.count))
            for (kind, child) in edges[n] {
                edgeKind.append(kind); edgeChild.append(child); edgeDepth.append(depth[n])
            }
            terminalStart.append(Int32(terminals.count))
            terminals += terms[n]
        }
        slotStart.append(Int32(edgeKind.count))
        terminalStart.append(Int32(terminals.count))
        var capacity = 16
        while capacity < extra.count * 2 { capacity <<= 1 }
        var keys = [UInt64](repeating: 0, count: capacity)
        var values = [Int32](repeating: -1, count: capacity)
        for (key, value) in extra {
            var slot = Automaton.hash(key) & (capacity - 1)
            while keys[slot] != 0 { slot = (slot + 1) & (capacity - 1) }
            keys[slot] = key; values[slot] = value
        }
        self.firstByte = firstByte
        self.firstChild = firstChild
        self.slotStart = slotStart
        self.terminalStart = terminalStart
        self.depth = depth
        self.literalDepth = literalDepth
        self.representative = representative.map { (template: $0.0, element: $0.1, offset: $0.2) }
        self.edgeKind = edgeKind
        self.edgeChild = edgeChild
        self.edgeDepth = edgeDepth
        self.terminals = terminals
        self.extraKeys = keys
        self.extraValues = values
        self.extraMask = capacity - 1
        self.captureWidth = max(minimumWidth, 2 * max(1, maxDepth))
        self.tables = Tables(self)
    }

    var nodeCount: Int { firstByte.count }

    /// The first position after `i` where `needle` starts in `input`, or -1.
    static func firstOccurrence(_ input: UnsafeBufferPointer<UInt8>, after i: Int, _ needle: UnsafePointer<UInt8>, _ length: Int) -> Int {
        let first = needle[0]
        var p = i + 1
        let last = input.count - length
        while p <= last {
            if input[p] == first {
                var k = 1
                while k < length && input[p + k] == needle[k] { k += 1 }
                if k == length { return p }
            }
            p += 1
        }
        return -1
    }

    @inline(__always)
    static func hash(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32)
    }

    @inline(__always)
    static func child(_ t: Tables, _ mask: Int, _ node: Int32, _ b: UInt8) -> Int32 {
        let n = Int(node)
        let first = t.nodes[n].firstByte
        if first == UInt16(b) { return t.nodes[n].firstChild }
        if first == 0x100 { return -1 }
        let key = (UInt64(n) << 8 | UInt64(b)) + 1
        var slot = Automaton.hash(key) & mask
        while true {
            let k = t.extraKeys[slot]
            if k == key { return t.extraValues[slot] }
            if k == 0 { return -1 }
            slot = (slot + 1) & mask
        }
    }

    /// Where the thread that got furthest into a template died (for the nearest-template report):
    /// the most literal bytes matched, then the latest position.
    struct Death {
        var position: Int
        /// A node state, or -(edge + 1) for a slot state.
        var state: Int32
        var progress: Int32
    }

    /// Adds a thread to the next generation (first come, first kept: priority order).
    @inline(__always)
    static func add(_ state: Int32, from caps: UnsafeMutablePointer<Int32>, set index: Int, to value: Int32,
                    into states: UnsafeMutablePointer<Int32>, _ allCaps: UnsafeMutablePointer<Int32>,
                    count: inout Int, produced: inout Bool, width: Int) {
        produced = true
        for k in 0..<count where states[k] == state { return }
        guard count < maxThreads else { return }
        states[count] = state
        let dest = allCaps + count * width
        var k = 0
        while k < width { dest[k] = caps[k]; k += 1 }
        if index >= 0 { dest[index] = value }
        count += 1
    }

    /// Records where a thread died if it got further than the one recorded.
    @inline(__always)
    static func died(_ t: Tables, _ state: Int32, at position: Int, _ death: inout Death?) {
        let p = Automaton.progress(t, state)
        if let d = death, d.progress > p || (d.progress == p && d.position >= position) { return }
        death = Death(position: position, state: state, progress: p)
    }

    @inline(__always)
    static func accept(_ node: Int32, _ caps: UnsafeMutablePointer<Int32>, _ nodes: UnsafeMutablePointer<Int32>,
                       _ allCaps: UnsafeMutablePointer<Int32>, count: inout Int, width: Int) {
        nodes[count] = node
        (allCaps + count * width).update(from: caps, count: width)
        count += 1
    }

    @inline(__always)
    static func progress(_ t: Tables, _ state: Int32) -> Int32 {
        state >= 0 ? t.literalDepth[Int(state)] : t.literalDepth[Int(t.edgeChild[Int(-state - 1)])]
    }

    /// Runs the automaton over normalised bytes; writes the accepted paths in priority order into
    /// `scratch` (`acceptCount`, `acceptNodes`, `acceptCaps`), and where matching stopped into
    /// `scratch.death`. No allocation: threads and accepts live in the scratch.
    ///
    /// With `prune`, a thread does not enter a slot whose following literal (the chain after it)
    /// does not occur later in the message: it could never leave the slot. The accepted paths
    /// are the same; only the report of where unmatched text died is not (the caller runs again
    /// without pruning when it needs that report).
    /// With `allowEmpty`, a free-text slot (`.any`) may also be empty: a thread at a node with
    /// such a slot edge also follows the slot's exit at once (the matcher's second look at a
    /// message, see `MessageMatcher.scan`; `IP address  is invalid.` with an empty address).
    func run(_ input: UnsafeBufferPointer<UInt8>, into scratch: MatchScratch, work: UnsafeMutablePointer<Int>? = nil, prune: Bool = false,
             allowEmpty: Bool = false) {
        let width = captureWidth
        let maxThreads = Automaton.maxThreads
        let t = tables!
        let mask = extraMask
        let nodes = t.nodes, edgeKind = t.edgeKind, edgeChild = t.edgeChild, edgeDepth = t.edgeDepth
        scratch.reserveAccepts(scratch.acceptCount + maxThreads, width: width)
        let acceptNodes = scratch.acceptNodes, acceptCaps = scratch.acceptCaps
        var acceptCount = scratch.acceptCount
        var death: Death?
        let generation = scratch.generation
        let found = prune ? scratch.reserveEdges(edgeOffset + self.edgeKind.count) : nil
        /// Whether the literal that must follow slot `edge` occurs after position `i`. Per edge the
        /// scratch keeps the occurrence found last (-1: none after it); positions only grow during
        /// a run, so each edge searches the message at most once in all.
        @inline(__always)
        func feasible(_ edge: Int, _ i: Int) -> Bool {
            guard let found else { return true }
            let length = Int(t.edgeNeedLength[edge])
            if length == 0 { return true }
            let key = edgeOffset + edge
            if scratch.edgeStamp[key] == generation {
                let p = Int(found[key])
                if p > i { return true }
                if p == -1 { return false }
            }
            scratch.edgeStamp[key] = generation
            let p = Automaton.firstOccurrence(input, after: i, t.runBytes + Int(t.edgeNeedStart[edge]), length)
            if let work { work.pointee += (p < 0 ? input.count : p) - i }
            found[key] = Int32(p)
            return p > i
        }
        /// Whether the literal chain that starts at `node` (a slot's exit) is the text at `i`:
        /// when it is not, a thread leaving the slot here would die inside it (pruned runs only).
        @inline(__always)
        func exitRunMatches(_ node: Int, at i: Int) -> Bool {
            let length = Int(t.nodes[node].runLength)
            if length < 2 { return true }
            if i + length > input.count { return false }
            let run = t.runBytes + Int(t.nodes[node].runStart)
            var k = 1
            while k < length && input[i + k] == run[k] { k += 1 }
            if let work { work.pointee += k }
            return k == length
        }
        body: do {
            let base = scratch.reserveThreads(2 * maxThreads * (width + 1))
            var curStates = base
            var curCaps = base + maxThreads
            var nextStates = base + maxThreads * (width + 1)
            var nextCaps = nextStates + maxThreads
            var curCount = 1
            var nextCount = 0
            curStates[0] = 0
            for k in 0..<width { curCaps[k] = -1 }

            var produced = false

            let n = input.count
            var i = 0
            while i < n {
                // Every thread inside a slot that ends only before a literal: skip to the next byte
                // at which one of them can leave its slot or dies (a 256-bit stop set per slot).
                var s0: UInt64 = 0, s1: UInt64 = 0, s2: UInt64 = 0, s3: UInt64 = 0
                var limit = n
                var allSlots = true
                for thread in 0..<curCount {
                    let state = curStates[thread]
                    if state >= 0 { allSlots = false; break }
                    let edge = Int(-state - 1)
                    if !t.edgeSkippable[edge] { allSlots = false; break }
                    let stop = t.edgeStop + 4 * edge
                    s0 |= stop[0]; s1 |= stop[1]; s2 |= stop[2]; s3 |= stop[3]
                    let kind = edgeKind[edge]
                    if kind.maxLength != Int.max {
                        limit = min(limit, Int(curCaps[thread * width + 2 * Int(edgeDepth[edge])]) + kind.maxLength)
                    }
                }
                if allSlots {
                    let from = i
                    scan: while i < limit {
                        let b = input[i]
                        let word = b < 128 ? (b < 64 ? s0 : s1) : (b < 192 ? s2 : s3)
                        if word & (1 << UInt64(b & 63)) != 0 {
                            guard prune else { break }
                            // A stop byte where nothing would happen in a pruned run: every thread
                            // holds the byte, and leaving its slot here would die inside the
                            // literal that follows. Keep skipping.
                            for thread in 0..<curCount {
                                let edge = Int(-curStates[thread] - 1)
                                if !edgeKind[edge].accepts(b) { break scan }
                                let exit = edgeChild[edge]
                                if Automaton.child(t, mask, exit, b) >= 0 && exitRunMatches(Int(exit), at: i) { break scan }
                            }
                        }
                        i += 1
                    }
                    if let work { work.pointee += (i - from) * curCount }
                    if i == n { break }
                } else {
                    // Lockstep: while every literal thread has exactly its next byte and no slot
                    // starts, and every slot thread just stays in its slot, advance all of them
                    // without the general step (captures do not change, no thread is born or dies).
                    lockstep: while i < n {
                        if curCount == 1 && curStates[0] >= 0 && nodes[Int(curStates[0])].runLength > 0 {
                            // One thread on literal text: follow whole chains of the trie word by word.
                            var node = Int(curStates[0])
                            let base = UnsafeRawPointer(input.baseAddress!)
                            while true {
                                let packed = nodes[node]
                                let length = Int(packed.runLength)
                                if length == 0 || i + length > n { break }
                                let run = UnsafeRawPointer(t.runBytes + Int(packed.runStart))
                                var k = 0
                                while k + 8 <= length
                                    && base.loadUnaligned(fromByteOffset: i + k, as: UInt64.self) == run.loadUnaligned(fromByteOffset: k, as: UInt64.self) {
                                    k += 8
                                }
                                while k < length && input[i + k] == run.load(fromByteOffset: k, as: UInt8.self) { k += 1 }
                                if k < length { break }
                                if let work { work.pointee += length }
                                i += length
                                node = Int(packed.runEnd)
                            }
                            curStates[0] = Int32(node)
                            if i == n { break lockstep }
                        }
                        let b = input[i]
                        for thread in 0..<curCount {
                            let state = curStates[thread]
                            if state >= 0 {
                                if nodes[Int(state)].slotCount != 0 { break lockstep }
                                let c = Automaton.child(t, mask, state, b)
                                if c < 0 { break lockstep }
                                nextStates[thread] = c
                            } else {
                                let edge = Int(-state - 1)
                                if !t.edgeSkippable[edge] { break lockstep }
                                if t.edgeStop[4 * edge + Int(b >> 6)] & (1 << UInt64(b & 63)) != 0 { break lockstep }
                                let kind = edgeKind[edge]
                                if kind.maxLength != Int.max
                                    && i - Int(curCaps[thread * width + 2 * Int(edgeDepth[edge])]) >= kind.maxLength { break lockstep }
                                nextStates[thread] = state
                            }
                        }
                        for thread in 0..<curCount { curStates[thread] = nextStates[thread] }
                        if let work { work.pointee += curCount }
                        i += 1
                    }
                    if i == n { break }
                }
                let b = input[i]
                nextCount = 0
                if let work { work.pointee += curCount }
                for thread in 0..<curCount {
                    let state = curStates[thread]
                    let caps = curCaps + thread * width
                    produced = false
                    if state >= 0 {
                        let c = Automaton.child(t, mask, state, b)
                        if c >= 0 { Automaton.add(c, from: caps, set: -1, to: 0, into: nextStates, nextCaps, count: &nextCount, produced: &produced, width: width) }
                        let s = Int(nodes[Int(state)].slotStart), e = s + Int(nodes[Int(state)].slotCount)
                        if s < e {
                            for edge in s..<e where edgeKind[edge].accepts(b) && feasible(edge, i) {
                                Automaton.add(-Int32(edge) - 1, from: caps, set: 2 * Int(edgeDepth[edge]), to: Int32(i), into: nextStates, nextCaps, count: &nextCount, produced: &produced, width: width)
                            }
                            if allowEmpty {
                                // An empty free-text slot: its exit's literal starts at this byte.
                                for edge in s..<e where edgeKind[edge] == .any {
                                    let exit = edgeChild[edge]
                                    let c = Automaton.child(t, mask, exit, b)
                                    guard c >= 0, !prune || exitRunMatches(Int(exit), at: i) else { continue }
                                    let d = Int(edgeDepth[edge])
                                    let saved = (caps[2 * d], caps[2 * d + 1])
                                    caps[2 * d] = Int32(i); caps[2 * d + 1] = Int32(i)
                                    Automaton.add(c, from: caps, set: -1, to: 0, into: nextStates, nextCaps, count: &nextCount, produced: &produced, width: width)
                                    caps[2 * d] = saved.0; caps[2 * d + 1] = saved.1
                                }
                            }
                        }
                    } else {
                        let edge = Int(-state - 1)
                        let kind = edgeKind[edge]
                        let d = Int(edgeDepth[edge])
                        let start = Int(caps[2 * d])
                        // Exit the slot before this byte (lazy: the shortest value first).
                        let ok = kind.quickCheck(UnsafeBufferPointer(rebasing: input[start..<i]))
                        if ok {
                            caps[2 * d + 1] = Int32(i)
                            let node = edgeChild[edge]
                            let c = Automaton.child(t, mask, node, b)
                            if c >= 0 && (!prune || exitRunMatches(Int(node), at: i)) { Automaton.add(c, from: caps, set: -1, to: 0, into: nextStates, nextCaps, count: &nextCount, produced: &produced, width: width) }
                            let s = Int(nodes[Int(node)].slotStart), e = s + Int(nodes[Int(node)].slotCount)
                            if s < e {
                                for next in s..<e where edgeKind[next].accepts(b) && feasible(next, i) {
                                    Automaton.add(-Int32(next) - 1, from: caps, set: 2 * Int(edgeDepth[next]), to: Int32(i), into: nextStates, nextCaps, count: &nextCount, produced: &produced, width: width)
                                }
                            }
                            caps[2 * d + 1] = -1
                        }
                        // Stay in the slot.
                        if kind.accepts(b) && i - start < kind.maxLength {
                            Automaton.add(state, from: caps, set: -1, to: 0, into: nextStates, nextCaps, count: &nextCount, produced: &produced, width: width)
                        }
                    }
                    if !produced && !prune { Automaton.died(t, state, at: i, &death) }
                }
                if nextCount == 0 { break body }
                swap(&curStates, &nextStates)
                swap(&curCaps, &nextCaps)
                curCount = nextCount
                i += 1
            }
            // End of input.
            for thread in 0..<curCount {
                let state = curStates[thread]
                let caps = curCaps + thread * width
                if state >= 0 {
                    if nodes[Int(state)].isTerminal {
                        Automaton.accept(state, caps, acceptNodes, acceptCaps, count: &acceptCount, width: width)
                    } else {
                        var acceptedEmpty = false
                        if allowEmpty {
                            // An empty free-text slot at the end of the message.
                            let s = Int(nodes[Int(state)].slotStart), e = s + Int(nodes[Int(state)].slotCount)
                            for edge in s..<e where edgeKind[edge] == .any && nodes[Int(edgeChild[edge])].isTerminal
                                && acceptCount < scratch.acceptCapacity {
                                let d = Int(edgeDepth[edge])
                                let saved = (caps[2 * d], caps[2 * d + 1])
                                caps[2 * d] = Int32(n); caps[2 * d + 1] = Int32(n)
                                Automaton.accept(edgeChild[edge], caps, acceptNodes, acceptCaps, count: &acceptCount, width: width)
                                caps[2 * d] = saved.0; caps[2 * d + 1] = saved.1
                                acceptedEmpty = true
                            }
                        }
                        if !acceptedEmpty { Automaton.died(t, state, at: n, &death) }
                    }
                } else {
                    let edge = Int(-state - 1)
                    let node = edgeChild[edge]
                    let d = Int(edgeDepth[edge])
                    let start = Int(caps[2 * d])
                    if nodes[Int(node)].isTerminal,
                       edgeKind[edge].quickCheck(UnsafeBufferPointer(rebasing: input[start..<n])) {
                        caps[2 * d + 1] = Int32(n)
                        Automaton.accept(node, caps, acceptNodes, acceptCaps, count: &acceptCount, width: width)
                    } else {
                        Automaton.died(t, state, at: n, &death)
                    }
                }
            }
        }
        scratch.acceptCount = acceptCount
        if let death, scratch.death.map({ death.progress > $0.progress || (death.progress == $0.progress && death.position > $0.position) }) ?? true {
            scratch.death = death
            scratch.deathAutomaton = self
        }
    }
}
