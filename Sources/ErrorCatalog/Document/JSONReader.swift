/// A position in a text file: 1-based line and column (columns count Unicode scalars, as editors
/// and the loader's messages do) and the 0-based UTF-8 offset.
public struct SourcePosition: Sendable, Hashable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var offset: Int

    public init(line: Int, column: Int, offset: Int) {
        self.line = line
        self.column = column
        self.offset = offset
    }

    public var description: String { "\(line):\(column)" }
}

/// A JSON value as read from a file, with the position where it starts. Object members keep their
/// order and the position of their key; numbers keep their literal text (a catalog wants to know
/// whether `400` was written, not what a double makes of it).
package enum JSONNode: Sendable {
    case object([JSONMember], SourcePosition)
    case array([JSONNode], SourcePosition)
    case string(String, JSONStringLocation)
    case number(String, SourcePosition)
    case bool(Bool, SourcePosition)
    case null(SourcePosition)

    package var position: SourcePosition {
        switch self {
        case .object(_, let p), .array(_, let p), .number(_, let p), .bool(_, let p), .null(let p): return p
        case .string(_, let location): return location.start
        }
    }

    /// What a person calls this kind of value, for messages ("… is a number, not text").
    package var kindName: String {
        switch self {
        case .object: return "an object"
        case .array: return "an array"
        case .string: return "text"
        case .number: return "a number"
        case .bool: return "true/false"
        case .null: return "null"
        }
    }
}

package struct JSONMember: Sendable {
    package var key: String
    package var keyPosition: SourcePosition
    package var value: JSONNode
}

/// Where a JSON string sits in its file, so that an offset in the decoded text (a caret in a
/// pattern) maps back to a file column even when the string holds escapes. JSON strings never span
/// lines, so the whole string is on the line of its opening quote.
public struct JSONStringLocation: Sendable, Hashable {
    /// The opening quote.
    public var start: SourcePosition
    /// The raw text between the quotes, kept only when it differs from the decoded value (escapes).
    var raw: String?

    public init(start: SourcePosition) {
        self.start = start
        self.raw = nil
    }

    init(start: SourcePosition, raw: String?) {
        self.start = start
        self.raw = raw
    }

    /// The file position of the Unicode scalar at `offset` in the decoded string.
    public func position(atScalarOffset offset: Int) -> SourcePosition {
        guard offset > 0 else {
            return SourcePosition(line: start.line, column: start.column + 1, offset: start.offset + 1)
        }
        guard let raw else {
            // No escapes: decoded scalars and raw scalars are the same. The UTF-8 offset is not
            // known without the text; it is approximated by the column distance.
            return SourcePosition(line: start.line, column: start.column + 1 + offset, offset: start.offset + 1 + offset)
        }
        let scalars = Array(raw.unicodeScalars)
        var index = 0, decoded = 0, bytes = 0
        while index < scalars.count, decoded < offset {
            let step: Int
            if scalars[index] == "\\", index + 1 < scalars.count {
                if scalars[index + 1] == "u" {
                    step = JSONStringLocation.isSurrogatePair(scalars, at: index) ? 12 : 6
                } else {
                    step = 2
                }
            } else {
                step = 1
            }
            for scalar in scalars[index..<min(index + step, scalars.count)] { bytes += String(scalar).utf8.count }
            index += step
            decoded += 1
        }
        return SourcePosition(line: start.line, column: start.column + 1 + index, offset: start.offset + 1 + bytes)
    }

    private static func isSurrogatePair(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        guard index + 11 < scalars.count, scalars[index + 6] == "\\", scalars[index + 7] == "u" else { return false }
        let hex = String(String.UnicodeScalarView(scalars[(index + 2)..<(index + 6)]))
        guard let value = UInt16(hex, radix: 16) else { return false }
        return (0xD800...0xDBFF).contains(value)
    }
}

/// A JSON syntax error with its position and what was expected there.
package struct JSONSyntaxError: Error, Sendable, Hashable {
    package var position: SourcePosition
    package var message: String
    package var expected: String
}

/// A strict JSON reader (RFC 8259) over UTF-8 bytes that keeps the position of every value and
/// key. One pass, linear in the input: line and column are tracked as the bytes are read (columns
/// count scalars by discounting UTF-8 continuation bytes), never by searching the text.
package struct JSONReader {
    /// Nesting deeper than this is refused (a catalog file nests six levels).
    package static let maximumDepth = 256

    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    private var line = 1
    private var lineStart = 0
    /// Continuation bytes (10xxxxxx) read since the start of the current line: column = bytes - these.
    private var continuationsInLine = 0
    private var depth = 0

    private init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// Parses one JSON document. The bytes must be valid UTF-8 (checked by the caller, who can say
    /// where they are not); a leading byte-order mark is skipped.
    package static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(JSONSyntaxError) -> JSONNode {
        var reader = JSONReader(bytes: bytes)
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            reader.index = 3
            reader.lineStart = 3
        }
        reader.skipWhitespace()
        let value = try reader.parseValue()
        reader.skipWhitespace()
        if reader.index < bytes.count {
            throw reader.error("unexpected text after the end of the JSON document", expected: "nothing after the closing bracket")
        }
        return value
    }

    package static func parse(_ text: String) throws(JSONSyntaxError) -> JSONNode {
        var copy = text
        let result: Result<JSONNode, JSONSyntaxError> = copy.withUTF8 { buffer in
            do throws(JSONSyntaxError) { return .success(try parse(buffer)) } catch { return .failure(error) }
        }
        return try result.get()
    }

    private var position: SourcePosition {
        SourcePosition(line: line, column: index - lineStart - continuationsInLine + 1, offset: index)
    }

    private func error(_ message: String, expected: String) -> JSONSyntaxError {
        JSONSyntaxError(position: position, message: message, expected: expected)
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0D:
                index += 1
            case 0x0A:
                index += 1
                line += 1
                lineStart = index
                continuationsInLine = 0
            default:
                return
            }
        }
    }

    private mutating func parseValue() throws(JSONSyntaxError) -> JSONNode {
        guard index < bytes.count else {
            throw error("the file ends where a value was expected", expected: "a value: an object, array, text, number, true, false or null")
        }
        let start = position
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject(start)
        case UInt8(ascii: "["): return try parseArray(start)
        case UInt8(ascii: "\""):
            let (text, raw) = try parseString()
            return .string(text, JSONStringLocation(start: start, raw: raw))
        case UInt8(ascii: "t"): try literal("true"); return .bool(true, start)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false, start)
        case UInt8(ascii: "n"): try literal("null"); return .null(start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber(), start)
        default:
            throw error("unexpected \(describeByte())", expected: "a value: an object, array, text in double quotes, number, true, false or null")
        }
    }

    private func describeByte() -> String {
        guard index < bytes.count else { return "end of file" }
        let byte = bytes[index]
        if byte == UInt8(ascii: "'") { return "single quote (JSON text uses double quotes)" }
        if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return "byte 0x\(String(byte, radix: 16, uppercase: true))"
    }

    private mutating func literal(_ word: StaticString) throws(JSONSyntaxError) {
        let count = word.utf8CodeUnitCount
        let expected = UnsafeBufferPointer(start: word.utf8Start, count: count)
        guard index + count <= bytes.count, (0..<count).allSatisfy({ bytes[index + $0] == expected[$0] }) else {
            throw error("unexpected \(describeByte())", expected: "\(word)")
        }
        index += count
    }

    private mutating func parseObject(_ start: SourcePosition) throws(JSONSyntaxError) -> JSONNode {
        depth += 1
        guard depth <= Self.maximumDepth else {
            throw error("the JSON nests deeper than \(Self.maximumDepth) levels", expected: "at most \(Self.maximumDepth) nested objects and arrays")
        }
        index += 1
        var members: [JSONMember] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            depth -= 1
            return .object(members, start)
        }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                throw error(index < bytes.count && bytes[index] == UInt8(ascii: "}") ? "a comma before '}'" : "unexpected \(describeByte())",
                            expected: "a key in double quotes")
            }
            let keyPosition = position
            let (key, _) = try parseString()
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
                throw error("unexpected \(describeByte()) after the key \"\(key)\"", expected: "':' between a key and its value")
            }
            index += 1
            skipWhitespace()
            let value = try parseValue()
            members.append(JSONMember(key: key, keyPosition: keyPosition, value: value))
            skipWhitespace()
            guard index < bytes.count else {
                throw error("the file ends inside an object", expected: "',' or '}'")
            }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "}") { index += 1; break }
            throw error("unexpected \(describeByte()) after a value in an object", expected: "',' between members or '}' at the end")
        }
        depth -= 1
        return .object(members, start)
    }

    private mutating func parseArray(_ start: SourcePosition) throws(JSONSyntaxError) -> JSONNode {
        depth += 1
        guard depth <= Self.maximumDepth else {
            throw error("the JSON nests deeper than \(Self.maximumDepth) levels", expected: "at most \(Self.maximumDepth) nested objects and arrays")
        }
        index += 1
        var items: [JSONNode] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            depth -= 1
            return .array(items, start)
        }
        while true {
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                throw error("a comma before ']'", expected: "a value after ','")
            }
            items.append(try parseValue())
            skipWhitespace()
            guard index < bytes.count else {
                throw error("the file ends inside an array", expected: "',' or ']'")
            }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "]") { index += 1; break }
            throw error("unexpected \(describeByte()) after a value in an array", expected: "',' between values or ']' at the end")
        }
        depth -= 1
        return .array(items, start)
    }

    private mutating func parseNumber() throws(JSONSyntaxError) -> String {
        let start = index
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        func digits(_ reader: inout JSONReader) -> Int {
            let first = reader.index
            while reader.index < reader.bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(reader.bytes[reader.index]) {
                reader.index += 1
            }
            return reader.index - first
        }
        guard index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) else {
            throw error("a '-' without digits", expected: "a number such as -5")
        }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            if index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
                throw error("a number with a leading zero", expected: "a number without leading zeros, such as 400")
            }
        } else {
            _ = digits(&self)
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard digits(&self) > 0 else { throw error("a '.' without digits after it", expected: "digits after the decimal point") }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard digits(&self) > 0 else { throw error("an exponent without digits", expected: "digits after 'e'") }
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
    }

    /// Reads a string at `index` (on its opening quote). Returns the decoded text and, when it had
    /// escapes, the raw text between the quotes.
    private mutating func parseString() throws(JSONSyntaxError) -> (String, String?) {
        index += 1
        let contentStart = index
        // Fast path: no escapes.
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[contentStart..<index]), as: UTF8.self)
                index += 1
                return (text, nil)
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 {
                throw error(byte == 0x0A ? "a line break inside text" : "a raw control character (0x\(String(byte, radix: 16, uppercase: true))) inside text",
                            expected: byte == 0x0A ? "\\n for a line break, and a closing '\"' before the end of the line" : "the escape \\u00\(byte < 0x10 ? "0" : "")\(String(byte, radix: 16, uppercase: true))")
            }
            if byte & 0xC0 == 0x80 { continuationsInLine += 1 }
            index += 1
        }
        guard index < bytes.count else { throw error("the file ends inside text", expected: "a closing '\"'") }
        // Slow path: decode escapes.
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: String(decoding: UnsafeBufferPointer(rebasing: bytes[contentStart..<index]), as: UTF8.self).unicodeScalars)
        var runStart = index
        func flush(_ reader: JSONReader, _ scalars: inout String.UnicodeScalarView, from: Int, to: Int) {
            if to > from {
                scalars.append(contentsOf: String(decoding: UnsafeBufferPointer(rebasing: reader.bytes[from..<to]), as: UTF8.self).unicodeScalars)
            }
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                flush(self, &scalars, from: runStart, to: index)
                let raw = String(decoding: UnsafeBufferPointer(rebasing: bytes[contentStart..<index]), as: UTF8.self)
                index += 1
                return (String(scalars), raw)
            }
            if byte < 0x20 {
                throw error(byte == 0x0A ? "a line break inside text" : "a raw control character inside text",
                            expected: "an escape such as \\n, and a closing '\"' before the end of the line")
            }
            if byte == UInt8(ascii: "\\") {
                flush(self, &scalars, from: runStart, to: index)
                guard index + 1 < bytes.count else { throw error("the file ends inside an escape", expected: "an escape such as \\n") }
                let escapePosition = position
                let kind = bytes[index + 1]
                index += 2
                switch kind {
                case UInt8(ascii: "\""): scalars.append("\"")
                case UInt8(ascii: "\\"): scalars.append("\\")
                case UInt8(ascii: "/"): scalars.append("/")
                case UInt8(ascii: "b"): scalars.append("\u{08}")
                case UInt8(ascii: "f"): scalars.append("\u{0C}")
                case UInt8(ascii: "n"): scalars.append("\n")
                case UInt8(ascii: "r"): scalars.append("\r")
                case UInt8(ascii: "t"): scalars.append("\t")
                case UInt8(ascii: "u"):
                    let first = try hex4(escapePosition)
                    if (0xD800...0xDBFF).contains(first) {
                        guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                            throw JSONSyntaxError(position: escapePosition, message: "a lone surrogate \\u\(String(first, radix: 16, uppercase: true))",
                                                  expected: "a surrogate pair (\\uD83D\\uDE00) or the character itself")
                        }
                        index += 2
                        let second = try hex4(escapePosition)
                        guard (0xDC00...0xDFFF).contains(second) else {
                            throw JSONSyntaxError(position: escapePosition, message: "a lone surrogate \\u\(String(first, radix: 16, uppercase: true))",
                                                  expected: "a high surrogate followed by a low one (\\uDC00–\\uDFFF)")
                        }
                        let value = 0x10000 + ((UInt32(first) - 0xD800) << 10) + (UInt32(second) - 0xDC00)
                        scalars.append(Unicode.Scalar(value)!)
                    } else if (0xDC00...0xDFFF).contains(first) {
                        throw JSONSyntaxError(position: escapePosition, message: "a lone surrogate \\u\(String(first, radix: 16, uppercase: true))",
                                              expected: "a surrogate pair (\\uD83D\\uDE00) or the character itself")
                    } else {
                        scalars.append(Unicode.Scalar(first)!)
                    }
                default:
                    throw JSONSyntaxError(position: escapePosition, message: "an unknown escape '\\\(Character(Unicode.Scalar(kind)))'",
                                          expected: "one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX")
                }
                runStart = index
                continue
            }
            if byte & 0xC0 == 0x80 { continuationsInLine += 1 }
            index += 1
        }
        throw error("the file ends inside text", expected: "a closing '\"'")
    }

    private mutating func hex4(_ escapePosition: SourcePosition) throws(JSONSyntaxError) -> UInt16 {
        guard index + 4 <= bytes.count else {
            throw JSONSyntaxError(position: escapePosition, message: "a \\u escape without four hex digits", expected: "\\u followed by four hex digits")
        }
        var value: UInt16 = 0
        for offset in 0..<4 {
            let byte = bytes[index + offset]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default:
                throw JSONSyntaxError(position: escapePosition, message: "a \\u escape without four hex digits", expected: "\\u followed by four hex digits")
            }
            value = value << 4 | UInt16(digit)
        }
        index += 4
        return value
    }
}

/// Checks that bytes are UTF-8 and says where they are not.
package enum UTF8Check {
    /// The position of the first byte that is not part of valid UTF-8, or `nil`.
    package static func firstInvalid(_ bytes: UnsafeBufferPointer<UInt8>) -> SourcePosition? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0, line = 1, column = 1
        while true {
            let before = offset
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                offset += String(scalar).utf8.count
                if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            case .emptyInput:
                return nil
            case .error:
                return SourcePosition(line: line, column: column, offset: before)
            }
        }
    }
}
