import ErrorCatalog
import MessageMatching

/// Writes a parse result as one line of JSON straight into bytes — the streaming path of
/// `parse --json`. It states the keys in sorted order by hand and the punctuation between them as
/// literals, writes into a buffer it owns (one capacity check per piece, no `Array` bookkeeping)
/// and escapes every string with the package's one escape function (`JSONWriter.escape`), so it
/// produces exactly what `JSONWriter.string(MatchOutput.json(…), layout: .compact)` produces; a
/// test holds the two together on catalog messages and on random hostile text.
struct MatchJSONWriter {
    private let buffer = LineBuffer()
    private var names: [String] = []
    /// With `terminalSafe`, strings also escape what `Terminal.jsonSafe` escapes (invisible, bidi
    /// and control characters), in the same pass: the bytes equal `jsonSafe` of the plain output.
    let isTerminalSafe: Bool

    init(terminalSafe: Bool = false) {
        isTerminalSafe = terminalSafe
    }

    /// The bytes written since the last `reset()`.
    var bytes: [UInt8] { Array(buffer.bytes) }

    /// Appends the bytes written since the last `reset()` to `out`.
    func append(to out: inout [UInt8]) {
        out.append(contentsOf: buffer.bytes)
    }

    mutating func reset() {
        buffer.count = 0
    }

    mutating func write(_ result: MatchResult, input: String) {
        let specific = result.best.map { !$0.isCatchAll } ?? false
        buffer.put("{\"alternatives\":[")
        var first = true
        for alternative in result.alternatives where !specific || !alternative.isCatchAll {
            buffer.put(first ? "{" : ",{")
            first = false
            matchFields(alternative, input: nil)
            buffer.put("}")
        }
        buffer.put("],\"ambiguous\":")
        bool(result.ambiguous)
        if let best = result.best {
            // The best match's fields interleave with input/matched in sorted key order.
            buffer.put(",")
            matchFields(best, input: input)
        } else {
            buffer.put(",\"code\":null,\"confidence\":")
            string(result.confidence.rawValue)
            buffer.put(",\"input\":")
            string(input)
            buffer.put(",\"matched\":false")
            if let nearest = result.nearest {
                buffer.put(",\"nearest\":{\"code\":")
                string(nearest.code)
                buffer.put(",\"expected\":")
                string(nearest.expected)
                buffer.put(",\"locale\":")
                string(nearest.locale)
                buffer.put(",\"offset\":")
                buffer.putDecimal(Int64(nearest.scalarOffset))
                buffer.put(",\"pattern\":")
                string(nearest.pattern)
                buffer.put(",\"variant\":")
                string(nearest.variant.id)
                buffer.put("}")
            }
        }
        buffer.put("}")
    }

    /// Whether `write(view:input:)` writes what `write(_:input:)` writes for `match()`'s result:
    /// one candidate, a template with literal text (so no alternatives, no literal-text fallback
    /// and no nearest-template report).
    static func canWrite(_ view: MatchView) -> Bool {
        view.matched && view.candidateCount == 1 && !view.isCatchAll
    }

    /// The line for a message whose view `canWrite` accepts, read from the view in place (no
    /// `MatchResult`, no values dictionary): byte for byte what `write(match(message), input:)`
    /// writes (a test holds the two together).
    mutating func write(view: MatchView, input: String) {
        buffer.put("{\"alternatives\":[],\"ambiguous\":false,\"args\":{")
        var first = true
        view.forEachRawValueInNameOrder({ name, raw in
            if !first { buffer.put(",") }
            first = false
            string(name)
            buffer.put(":")
            self.value(raw)
        }, binding: { name, value in
            if !first { buffer.put(",") }
            first = false
            string(name)
            buffer.put(":")
            self.value(value)
        })
        fieldsAfterArgs(catchAll: false, code: view.code!, confidence: view.confidence, exact: view.exact, extraText: nil,
                        input: input, locale: view.locale!, missingText: nil, observed: view.isObserved, status: view.status!,
                        tolerances: view.tolerances, variant: view.variant!)
        buffer.put("}")
    }

    /// A match's fields in sorted key order, without the braces; with `input`, also the top
    /// level's `input` and `matched` in their sorted places.
    private mutating func matchFields(_ match: Match, input: String?) {
        buffer.put("\"args\":{")
        names.removeAll(keepingCapacity: true)
        names.append(contentsOf: match.values.keys)
        names.sort()
        for (k, name) in names.enumerated() {
            if k > 0 { buffer.put(",") }
            string(name)
            buffer.put(":")
            value(match.values[name]!)
        }
        fieldsAfterArgs(catchAll: match.isCatchAll, code: match.code, confidence: match.confidence, exact: match.exact,
                        extraText: match.extraText, input: input, locale: match.locale, missingText: match.missingText,
                        observed: match.isObserved, status: match.status, tolerances: match.tolerances, variant: match.variant)
    }

    /// Everything after the `args` object's members, in sorted key order (the one place that
    /// states it, for a `Match` and for a view); with `input`, the top level's `input` and
    /// `matched` too.
    @inline(__always)
    private func fieldsAfterArgs(catchAll: Bool, code: String, confidence: Confidence, exact: Bool, extraText: String?,
                                 input: String?, locale: String, missingText: String?, observed: Bool, status: Int,
                                 tolerances list: [Tolerance], variant: VariantID) {
        buffer.put(catchAll ? "},\"catchAll\":true,\"code\":" : "},\"catchAll\":false,\"code\":")
        string(code)
        buffer.put(",\"confidence\":")
        string(confidence.rawValue)
        buffer.put(exact ? ",\"exact\":true" : ",\"exact\":false")
        if let extraText { buffer.put(",\"extraText\":"); string(extraText) }
        if let input { buffer.put(",\"input\":"); string(input) }
        buffer.put(",\"locale\":")
        string(locale)
        if input != nil { buffer.put(",\"matched\":true") }
        if let missingText { buffer.put(",\"missingText\":"); string(missingText) }
        buffer.put(observed ? ",\"observed\":true,\"status\":" : ",\"observed\":false,\"status\":")
        buffer.putDecimal(Int64(status))
        buffer.put(",\"tolerances\":[")
        tolerances(list)
        buffer.put("],\"variant\":")
        string(variant.id)
        buffer.put(",\"variantIndex\":")
        buffer.putDecimal(Int64(variant.index))
    }

    private func tolerances(_ list: [Tolerance]) {
        var first = true
        for tolerance in list {
            if !first { buffer.put(",") }
            first = false
            string(tolerance.rawValue)
        }
    }

    /// One value's object.
    private func value(_ value: MatchedValue) {
        buffer.put(value.rejected ? "{\"rejected\":true,\"text\":" : "{\"text\":")
        string(value.text)
        buffer.put(",\"type\":")
        string(value.type.rawValue)
        buffer.put(value.isValidForType ? ",\"valid\":true,\"value\":" : ",\"valid\":false,\"value\":")
        switch value.value {
        case .integer(let number): buffer.putDecimal(number)
        case .number(let number):
            // JSONWriter's form: Swift's shortest round trip; JSON has no infinity or NaN.
            if number.isFinite { buffer.putRaw(number.description) } else { buffer.put("null") }
        case .text(let text): string(text)
        case .date: string(value.value.description)
        case .list(let items):
            buffer.put("[")
            for (k, item) in items.enumerated() {
                if k > 0 { buffer.put(",") }
                string(item)
            }
            buffer.put("]")
        }
        buffer.put("}")
    }

    /// A slot's value object from its raw parts: the bytes `MatchedValue.text` decodes, written
    /// as they are (`"text"` and, for text values, `"value"`). A list, and text that is not
    /// plain ASCII (whose decoding could repair a cut sequence), take `MatchedValue`'s way.
    private func value(_ raw: MatchView.RawValue) {
        let isList = raw.type == .list && !raw.rejected && raw.valid
        guard !isList, JSONWriter.isASCII(raw.bytes) else {
            value(raw.matchedValue)
            return
        }
        buffer.put(raw.rejected ? "{\"rejected\":true,\"text\":" : "{\"text\":")
        buffer.putQuoted(raw.bytes, invisible: isTerminalSafe)
        buffer.put(",\"type\":")
        string(raw.type.rawValue)
        buffer.put(raw.valid ? ",\"valid\":true,\"value\":" : ",\"valid\":false,\"value\":")
        if raw.type == .integer, !raw.rejected, let number = raw.integer {
            buffer.putDecimal(number)
        } else {
            buffer.putQuoted(raw.bytes, invisible: isTerminalSafe)
        }
        buffer.put("}")
    }

    private func string(_ text: String) {
        buffer.putQuoted(text, invisible: isTerminalSafe)
    }

    private func bool(_ flag: Bool) {
        buffer.put(flag ? "true" : "false")
    }
}

/// A growable byte buffer for one line of output: a capacity check per piece, then a copy.
final class LineBuffer {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var capacity: Int
    var count = 0

    init(capacity: Int = 1 << 12) {
        self.capacity = capacity
        base = .allocate(capacity: capacity)
    }

    deinit { base.deallocate() }

    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    /// Room for `n` more bytes; returns where they go.
    @inline(__always)
    private func room(_ n: Int) -> UnsafeMutablePointer<UInt8> {
        if n > capacity - count { grow(count + n) }
        return base + count
    }

    @inline(never)
    private func grow(_ needed: Int) {
        let newCapacity = max(needed, capacity * 2)
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.update(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }

    /// Literal JSON (punctuation and keys written by hand).
    @inline(__always)
    func put(_ literal: StaticString) {
        let n = literal.utf8CodeUnitCount
        room(n).update(from: literal.utf8Start, count: n)
        count += n
    }

    /// Text already in its JSON form (a number's digits).
    func putRaw(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            guard let start = utf8.baseAddress, !utf8.isEmpty else { return }
            room(utf8.count).update(from: start, count: utf8.count)
            count += utf8.count
        }
    }

    func putDecimal(_ number: Int64) {
        count += JSONWriter.writeDecimal(number, into: room(20))
    }

    /// `text` as a JSON string, quotes included (`JSONWriter`'s escaping).
    func putQuoted(_ text: String, invisible: Bool) {
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { putQuoted($0, invisible: invisible) }
        if done == nil {
            var copy = text
            copy.withUTF8 { putQuoted($0, invisible: invisible) }
        }
    }

    func putQuoted(_ utf8: UnsafeBufferPointer<UInt8>, invisible: Bool) {
        let out = room(utf8.count * JSONWriter.maximumEscapeGrowth + 2)
        out[0] = UInt8(ascii: "\"")
        let n = JSONWriter.escape(utf8, invisible: invisible, into: out + 1)
        out[n + 1] = UInt8(ascii: "\"")
        count += n + 2
    }
}
