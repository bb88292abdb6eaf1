/// The one JSON writer of the package: a typed value (`JSONValue`) or a stream of calls, written
/// into a byte buffer, with one escape function and three layouts.
///
/// Every JSON text the tool prints or writes goes through here (`list --json`, `parse --json`,
/// `explain --json`, `format --envelope`, the review's JSON and SARIF reports, and the catalog
/// files), so every one of them escapes the same characters:
///
/// - `"` and `\` as `\"` and `\\`;
/// - every C0 control (U+0000–U+001F): `\b` `\t` `\n` `\f` `\r` by name, the others as `\u00XX`;
/// - DEL and the C1 controls (U+007F–U+009F) and the line/paragraph separators U+2028/U+2029 as
///   `\u00XX`/`\u2028`/`\u2029`, so server text can never reach a terminal or a JavaScript
///   consumer raw;
/// - U+FEFF (zero-width no-break space, the byte-order mark) as `\ufeff`: Foundation's
///   `JSONSerialization` on Linux drops a raw U+FEFF at the start of a string (and so loses or
///   merges object keys), the escaped form it keeps;
/// - everything else, including other non-ASCII text, bidi marks and U+FFFD, as UTF-8.
///
/// The input is a Swift `String`, which is always valid Unicode: a lone surrogate cannot occur,
/// and bytes that were not valid UTF-8 were already replaced by U+FFFD when the text was decoded
/// (`String(decoding:as:)`), so the output is always valid UTF-8 and valid JSON.
package struct JSONWriter {
    /// Whitespace and key order.
    package enum Layout: Sendable, Hashable {
        /// One line, no spaces: `{"a":1,"b":[]}` — NDJSON. Object keys sorted.
        case compact
        /// The tool's output: two-space indentation, `"key": value`, `[]`/`{}` for empty
        /// containers, object keys sorted so output is stable. No final newline.
        case pretty
        /// The catalog files' layout — Python's `json.dumps(indent=2, ensure_ascii=False)`:
        /// the whitespace of `pretty`, object keys in the order given. The caller adds the final
        /// newline.
        case catalogFile

        var indented: Bool { self != .compact }
        var sortsKeys: Bool { self != .catalogFile }
    }

    package private(set) var bytes: [UInt8] = []
    package let layout: Layout
    /// Also escape, inside strings, every scalar `Sanitized.isInvisibleOrControl` names (bidi
    /// controls, zero-width and tag characters …) as `\uXXXX` (surrogate pairs above U+FFFF): JSON
    /// that is safe on a terminal, in one pass (the same bytes as `jsonSafe` of the plain output).
    package var escapesInvisible = false
    /// Nesting depth of the open containers.
    private var depth = 0
    /// Per open container: it has no member yet (no comma before the next one; `[]`/`{}` when
    /// it closes like that). One bit per level for the first 64 levels (no array traffic on the
    /// streaming paths), an array beyond.
    private var firstBits: UInt64 = 0
    private var deepFirstFlags: [Bool] = []
    /// A key was just written: the next value follows it on the same line, with no comma.
    private var afterKey = false

    package init(layout: Layout = .compact, capacity: Int = 1 << 12) {
        self.layout = layout
        bytes.reserveCapacity(capacity)
    }

    /// Starts a new document in the same buffer (keeps its capacity).
    package mutating func reset() {
        bytes.removeAll(keepingCapacity: true)
        depth = 0
        firstBits = 0
        deepFirstFlags.removeAll(keepingCapacity: true)
        afterKey = false
    }

    /// The text written so far.
    package var text: String { String(decoding: bytes, as: UTF8.self) }

    // MARK: Whole values

    /// `value` as a JSON text in `layout`.
    package static func string(_ value: JSONValue, layout: Layout = .pretty) -> String {
        var writer = JSONWriter(layout: layout, capacity: 256)
        writer.value(value)
        return writer.text
    }

    /// Writes a whole value at the current position.
    package mutating func value(_ value: JSONValue) {
        switch value {
        case .null: null()
        case .bool(let flag): self.bool(flag)
        case .integer(let number): self.integer(number)
        case .number(let number): self.number(number)
        case .string(let text): self.string(text)
        case .array(let items):
            beginArray()
            for item in items { self.value(item) }
            endArray()
        case .object(let members):
            beginObject()
            if layout.sortsKeys && !Self.isSorted(members) {
                // Stable: equal keys keep their order, as a dictionary could not have them anyway.
                let sorted = members.enumerated().sorted { a, b in
                    a.element.key < b.element.key || (a.element.key == b.element.key && a.offset < b.offset)
                }
                for (_, member) in sorted { key(member.key); self.value(member.value) }
            } else {
                for member in members { key(member.key); self.value(member.value) }
            }
            endObject()
        }
    }

    private static func isSorted(_ members: [(key: String, value: JSONValue)]) -> Bool {
        var index = 1
        while index < members.count {
            if members[index].key < members[index - 1].key { return false }
            index += 1
        }
        return true
    }

    // MARK: Streaming

    package mutating func beginObject() {
        beforeValue()
        bytes.append(UInt8(ascii: "{"))
        open()
    }

    package mutating func endObject() {
        close(UInt8(ascii: "}"))
    }

    package mutating func beginArray() {
        beforeValue()
        bytes.append(UInt8(ascii: "["))
        open()
    }

    package mutating func endArray() {
        close(UInt8(ascii: "]"))
    }

    /// An object key (any text; escaped). The next call writes its value.
    package mutating func key(_ name: String) {
        beforeMember()
        Self.appendQuoted(name, to: &bytes, invisible: escapesInvisible)
        keySeparator()
    }

    /// An object key given as a literal of plain ASCII that needs no escaping (checked in debug
    /// builds): copied without scanning, for hand-written fast paths.
    package mutating func key(_ name: StaticString) {
        guard !layout.indented else {
            beforeMember()
            bytes.append(UInt8(ascii: "\""))
            name.withUTF8Buffer { bytes.append(contentsOf: $0) }
            bytes.append(UInt8(ascii: "\""))
            keySeparator()
            return
        }
        // Compact: `,"name":` assembled on the stack and appended at once (the streaming paths
        // write a dozen keys per line; one append instead of five).
        let comma = !takeFirstMember()
        name.withUTF8Buffer { buffer in
            assert(buffer.allSatisfy { $0 >= 0x20 && $0 < 0x7F && $0 != 0x22 && $0 != 0x5C }, "key literal needs escaping")
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: buffer.count + 4) { out in
                var n = 0
                if comma { out[0] = UInt8(ascii: ","); n = 1 }
                out[n] = UInt8(ascii: "\""); n += 1
                for byte in buffer { out[n] = byte; n += 1 }
                out[n] = UInt8(ascii: "\""); out[n + 1] = UInt8(ascii: ":"); n += 2
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: out[..<n]))
            }
        }
        afterKey = true
    }

    package mutating func string(_ text: String) {
        beforeValue()
        Self.appendQuoted(text, to: &bytes, invisible: escapesInvisible)
    }

    package mutating func integer(_ number: Int64) {
        beforeValue()
        Self.appendDecimal(number, to: &bytes)
    }

    package mutating func integer(_ number: Int) {
        integer(Int64(number))
    }

    /// A finite number in Swift's shortest round-trip form (`0.5`, `1e-05`); `null` when it is
    /// not finite, as JSON has no infinity or NaN.
    package mutating func number(_ number: Double) {
        beforeValue()
        if number.isFinite {
            bytes.append(contentsOf: number.description.utf8)
        } else {
            bytes.append(contentsOf: "null".utf8)
        }
    }

    package mutating func bool(_ flag: Bool) {
        beforeValue()
        let literal: StaticString = flag ? "true" : "false"
        literal.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    package mutating func null() {
        beforeValue()
        ("null" as StaticString).withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    // MARK: Layout

    private mutating func open() {
        if depth < 64 { firstBits |= 1 << UInt64(depth) } else { deepFirstFlags.append(true) }
        depth += 1
    }

    private mutating func close(_ bracket: UInt8) {
        precondition(depth > 0, "JSONWriter: closing a container that was not opened")
        depth -= 1
        let wasEmpty: Bool
        if depth < 64 {
            wasEmpty = firstBits & (1 << UInt64(depth)) != 0
            firstBits &= ~(1 << UInt64(depth))
        } else {
            wasEmpty = deepFirstFlags.removeLast()
        }
        if !wasEmpty && layout.indented { newline() }
        bytes.append(bracket)
    }

    /// Before a value: after a key nothing; in an array a comma (unless first) and the indentation.
    private mutating func beforeValue() {
        if afterKey {
            afterKey = false
            return
        }
        if depth > 0 { beforeMember() }
    }

    /// Whether the innermost container has no member yet; marks it as having one.
    private mutating func takeFirstMember() -> Bool {
        let level = depth - 1
        if level < 64 {
            let bit: UInt64 = 1 << UInt64(level)
            if firstBits & bit != 0 { firstBits &= ~bit; return true }
            return false
        }
        if deepFirstFlags[level - 64] { deepFirstFlags[level - 64] = false; return true }
        return false
    }

    private mutating func beforeMember() {
        if !takeFirstMember() { bytes.append(UInt8(ascii: ",")) }
        if layout.indented { newline() }
    }

    private mutating func keySeparator() {
        bytes.append(UInt8(ascii: ":"))
        if layout.indented { bytes.append(UInt8(ascii: " ")) }
        afterKey = true
    }

    private mutating func newline() {
        bytes.append(0x0A)
        for _ in 0..<depth { bytes.append(0x20); bytes.append(0x20) }
    }

    // MARK: The escape function

    /// `text` as a JSON string literal, quotes included, appended to `bytes`. The one escape
    /// function of the package (see the type's documentation for the escaped set).
    package static func appendQuoted(_ text: String, to bytes: inout [UInt8], invisible: Bool = false) {
        bytes.append(UInt8(ascii: "\""))
        // Native strings are contiguous UTF-8; a bridged one is copied once.
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { appendEscaped($0, to: &bytes, invisible: invisible) }
        if done == nil {
            var copy = text
            copy.withUTF8 { appendEscaped($0, to: &bytes, invisible: invisible) }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// The escaped body of `text` (no quotes), e.g. to find a string in a file's text.
    package static func escaped(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 2)
        appendQuoted(text, to: &bytes)
        return String(decoding: bytes[1..<(bytes.count - 1)], as: UTF8.self)
    }

    /// Escapes valid UTF-8 into `bytes`. Text that needs nothing (the common case) is one scan
    /// and one append; otherwise `escape(_:invisible:into:)` writes into room made at the end.
    package static func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>, to bytes: inout [UInt8], invisible: Bool = false) {
        let count = utf8.count
        guard plainPrefix(utf8, from: 0) < count else {
            bytes.append(contentsOf: utf8)
            return
        }
        let start = bytes.count
        let room = count * maximumEscapeGrowth
        bytes.append(contentsOf: repeatElement(0, count: room))
        let written = bytes.withUnsafeMutableBufferPointer { escape(utf8, invisible: invisible, into: $0.baseAddress! + start) }
        bytes.removeLast(room - written)
    }

    /// The most bytes one input byte can become: a control byte as `\u00XX`.
    package static let maximumEscapeGrowth = 6

    /// The one escape function: writes valid UTF-8 `utf8` escaped (no quotes) at `out`, which has
    /// room for `utf8.count * maximumEscapeGrowth` bytes, and returns the number of bytes
    /// written. Runs that need nothing are copied in one go.
    package static func escape(_ utf8: UnsafeBufferPointer<UInt8>, invisible: Bool, into out: UnsafeMutablePointer<UInt8>) -> Int {
        let count = utf8.count
        guard let base = utf8.baseAddress else { return 0 }
        var index = 0
        var written = 0
        while index < count {
            let plainEnd = plainPrefix(utf8, from: index)
            if plainEnd > index {
                (out + written).update(from: base + index, count: plainEnd - index)
                written += plainEnd - index
                index = plainEnd
                if index == count { break }
            }
            // `b` is a control, `"`, `\\`, DEL or a non-ASCII lead/continuation byte.
            let b = utf8[index]
            if b == 0xC3 && index + 1 < count {
                // U+00C0–U+00FF (German umlauts and ß): letters, × and ÷, never escaped.
                out[written] = b
                out[written + 1] = utf8[index + 1]
                written += 2
                index += 2
                continue
            }
            if b >= 0x80 {
                let (scalar, length) = decodeScalar(utf8, at: index)
                let escapes: Bool
                if invisible {
                    // Any non-ASCII scalar the terminal sanitiser names (this includes the C1
                    // controls, U+2028/2029 and U+FEFF that the plain mode escapes).
                    escapes = Unicode.Scalar(scalar).map(Sanitized.isInvisibleOrControl) ?? false
                } else {
                    escapes = (scalar >= 0x80 && scalar <= 0x9F) || scalar == 0x2028 || scalar == 0x2029 || scalar == 0xFEFF
                }
                if escapes {
                    written += writeHexEscape(scalar, into: out + written)
                } else {
                    (out + written).update(from: base + index, count: length)
                    written += length
                }
                index += length
                continue
            }
            let short: UInt8
            switch b {
            case 0x22: short = UInt8(ascii: "\"")
            case 0x5C: short = UInt8(ascii: "\\")
            case 0x08: short = UInt8(ascii: "b")
            case 0x09: short = UInt8(ascii: "t")
            case 0x0A: short = UInt8(ascii: "n")
            case 0x0C: short = UInt8(ascii: "f")
            case 0x0D: short = UInt8(ascii: "r")
            default: short = 0
            }
            if short != 0 {
                out[written] = UInt8(ascii: "\\")
                out[written + 1] = short
                written += 2
            } else {
                written += writeHexEscape(UInt32(b), into: out + written)
            }
            index += 1
        }
        return written
    }

    /// The end of the run from `start` that needs no escaping in either mode: printable ASCII
    /// other than `"` and `\\`.
    @inline(__always)
    package static func plainPrefix(_ utf8: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        printableASCIIPrefix(utf8, from: start, stoppingAtQuotes: true)
    }

    /// The end of the run from `start` of printable ASCII (U+0020–U+007E; with
    /// `stoppingAtQuotes`, also not `"` or `\\`). Eight bytes at a time (SWAR), then byte by
    /// byte. The one such scan: the JSON escape and the terminal sanitiser's check use it.
    @inline(__always)
    package static func printableASCIIPrefix(_ utf8: UnsafeBufferPointer<UInt8>, from start: Int, stoppingAtQuotes: Bool) -> Int {
        let count = utf8.count
        guard let base = utf8.baseAddress else { return count }
        var index = start
        let ones: UInt64 = 0x0101_0101_0101_0101, high: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func hasZero(_ v: UInt64) -> UInt64 { (v &- ones) & ~v & high }
        while index + 8 <= count {
            let w = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            // A byte < 0x20, == 0x7F or >= 0x80 (each test is exact for "some byte"); `"`, `\\`.
            var special = ((w &- 0x20 &* ones) & ~w & high) | hasZero(w ^ (0x7F &* ones)) | (w & high)
            if stoppingAtQuotes { special |= hasZero(w ^ (0x22 &* ones)) | hasZero(w ^ (0x5C &* ones)) }
            if special != 0 { break }
            index += 8
        }
        while index < count {
            let b = base[index]
            if b < 0x20 || b >= 0x7F || (stoppingAtQuotes && (b == 0x22 || b == 0x5C)) { return index }
            index += 1
        }
        return count
    }

    /// Whether every byte is ASCII (eight at a time).
    package static func isASCII(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = utf8.baseAddress else { return true }
        let count = utf8.count
        var index = 0
        while index + 8 <= count {
            if UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
            index += 8
        }
        while index < count {
            if base[index] >= 0x80 { return false }
            index += 1
        }
        return true
    }

    /// `\uXXXX` for `scalar` in lowercase hex, as Python and the earlier writers wrote it; a
    /// surrogate pair above U+FFFF. Never a short form (`\n`): for escapes that must stay hex.
    package static func appendHexEscape(_ scalar: UInt32, to bytes: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 12) { buffer in
            let n = writeHexEscape(scalar, into: buffer.baseAddress!)
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[..<n]))
        }
    }

    /// Writes `appendHexEscape`'s bytes at `out` (room for 12) and returns how many.
    package static func writeHexEscape(_ scalar: UInt32, into out: UnsafeMutablePointer<UInt8>) -> Int {
        if scalar > 0xFFFF {
            let v = scalar - 0x10000
            let n = writeHexEscape(0xD800 + (v >> 10), into: out)
            return n + writeHexEscape(0xDC00 + (v & 0x3FF), into: out + n)
        }
        func hex(_ nibble: UInt32) -> UInt8 { UInt8(truncatingIfNeeded: nibble < 10 ? 0x30 + nibble : 0x57 + nibble) }
        out[0] = UInt8(ascii: "\\")
        out[1] = UInt8(ascii: "u")
        out[2] = hex((scalar >> 12) & 0xF)
        out[3] = hex((scalar >> 8) & 0xF)
        out[4] = hex((scalar >> 4) & 0xF)
        out[5] = hex(scalar & 0xF)
        return 6
    }

    /// The scalar that starts at `index` of valid UTF-8, and its length in bytes (a cut-off
    /// sequence at the end reads as U+FFFD, one byte).
    package static func decodeScalar(_ utf8: UnsafeBufferPointer<UInt8>, at index: Int) -> (scalar: UInt32, length: Int) {
        let b = utf8[index], count = utf8.count
        if b < 0x80 { return (UInt32(b), 1) }
        if b >= 0xF0, index + 3 < count {
            return ((UInt32(b & 0x07) << 18) | (UInt32(utf8[index + 1] & 0x3F) << 12) | (UInt32(utf8[index + 2] & 0x3F) << 6)
                | UInt32(utf8[index + 3] & 0x3F), 4)
        }
        if b >= 0xE0, index + 2 < count {
            return ((UInt32(b & 0x0F) << 12) | (UInt32(utf8[index + 1] & 0x3F) << 6) | UInt32(utf8[index + 2] & 0x3F), 3)
        }
        if b >= 0xC0, index + 1 < count { return ((UInt32(b & 0x1F) << 6) | UInt32(utf8[index + 1] & 0x3F), 2) }
        return (0xFFFD, 1)
    }

    /// Decimal digits of `number` without going through `String`.
    static func appendDecimal(_ number: Int64, to bytes: inout [UInt8]) {
        if number >= 0 && number < 10 {
            bytes.append(UInt8(truncatingIfNeeded: number) + 0x30)
            return
        }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { buffer in
            let n = writeDecimal(number, into: buffer.baseAddress!)
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[..<n]))
        }
    }

    /// Writes `number`'s decimal digits at `out` (room for 20) and returns how many.
    package static func writeDecimal(_ number: Int64, into out: UnsafeMutablePointer<UInt8>) -> Int {
        var magnitude = number.magnitude
        var digits = 0
        var probe = magnitude
        repeat { digits += 1; probe /= 10 } while probe > 0
        let sign = number < 0 ? 1 : 0
        if sign == 1 { out[0] = UInt8(ascii: "-") }
        var position = sign + digits
        repeat {
            position -= 1
            out[position] = UInt8(truncatingIfNeeded: magnitude % 10) + 0x30
            magnitude /= 10
        } while magnitude > 0
        return sign + digits
    }
}

/// A JSON value with object members in a given order (the writer sorts them when its layout
/// says so). Literals build it directly:
///
/// ```swift
/// let body: JSONValue = ["error": ["code": "InvalidHashValue", "status": 400, "target": .null]]
/// ```
package indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case integer(Int64)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([(key: String, value: JSONValue)])

    package static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case let (.bool(x), .bool(y)): return x == y
        case let (.integer(x), .integer(y)): return x == y
        case let (.number(x), .number(y)): return x == y
        case let (.string(x), .string(y)): return x == y
        case let (.array(x), .array(y)): return x == y
        case let (.object(x), .object(y)):
            return x.count == y.count && zip(x, y).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: return false
        }
    }

    /// `nil` as `null`.
    package static func string(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }
    package static func integer(_ number: Int?) -> JSONValue { number.map { .integer(Int64($0)) } ?? .null }
    package static func strings(_ list: [String]) -> JSONValue { .array(list.map(JSONValue.string)) }

    /// The members of an object (empty for any other value).
    package var members: [(key: String, value: JSONValue)] {
        if case .object(let members) = self { return members }
        return []
    }

    /// Sets `key` in an object: replaces the member of that name, or appends it.
    package subscript(key: String) -> JSONValue? {
        get { members.first { $0.key == key }?.value }
        set {
            guard case .object(var list) = self else { return }
            if let index = list.firstIndex(where: { $0.key == key }) {
                if let newValue { list[index].value = newValue } else { list.remove(at: index) }
            } else if let newValue {
                list.append((key, newValue))
            }
            self = .object(list)
        }
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
                     ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral {
    package init(stringLiteral value: String) { self = .string(value) }
    package init(integerLiteral value: Int64) { self = .integer(value) }
    package init(booleanLiteral value: Bool) { self = .bool(value) }
    package init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    package init(dictionaryLiteral elements: (String, JSONValue)...) { self = .object(elements.map { (key: $0.0, value: $0.1) }) }
    package init(nilLiteral: ()) { self = .null }
}
