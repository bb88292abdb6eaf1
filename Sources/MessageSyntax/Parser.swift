/// Parses ICU MessageFormat (MF1) patterns exactly as ICU 72 reads them: `icu::MessagePattern`
/// with `UMSGPAT_APOS_DOUBLE_OPTIONAL`, plus the checks `icu::MessageFormat` adds when it builds
/// the formatters (known type names, valid number skeletons and patterns).
public enum MessageParser {
    public static func parse(_ pattern: String) throws(SyntaxError) -> Message {
        var parser = PatternParser(PatternParser.decode(pattern))
        return try parser.parseTopLevel()
    }
}

/// What kind of argument a (nested) message belongs to; decides which characters are special.
enum ParentKind {
    case none, plural, select, choice
}

/// Character classes of ICU's PatternProps.
enum PatternProps {
    /// Pattern_White_Space.
    @inline(__always)
    static func isWhiteSpace(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v <= 0x20 { return v == 0x20 || (v >= 0x09 && v <= 0x0D) }
        return v == 0x85 || v == 0x200E || v == 0x200F || v == 0x2028 || v == 0x2029
    }

    /// Pattern_Syntax or Pattern_White_Space: the characters that end an ICU identifier.
    @inline(__always)
    static func isSyntaxOrWhiteSpace(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        if v < 0x80 {
            if v <= 0x20 { return v == 0x20 || (v >= 0x09 && v <= 0x0D) }
            if v <= 0x2F { return true }           // ! " # $ % & ' ( ) * + , - . /
            if v <= 0x39 { return false }          // digits
            if v <= 0x40 { return true }           // : ; < = > ? @
            if v <= 0x5A { return false }          // A-Z
            if v <= 0x5E { return true }           // [ \ ] ^
            if v == 0x60 { return true }           // `
            if v <= 0x7A { return false }          // _ a-z
            return true                            // { | } ~ DEL
        }
        if v <= 0xFF {
            switch v {
            case 0x85, 0xA1...0xA7, 0xA9, 0xAB, 0xAC, 0xAE, 0xB0, 0xB1, 0xB6, 0xBB, 0xBF, 0xD7, 0xF7:
                return true
            default:
                return false
            }
        }
        if v < 0x200E { return false }
        if v <= 0x3030 {
            switch v {
            case 0x200E, 0x200F, 0x2010...0x2029, 0x2030...0x203E, 0x2041...0x2053, 0x2055...0x205E,
                 0x2190...0x245F, 0x2500...0x2775, 0x2794...0x2BFF, 0x2E00...0x2E7F,
                 0x3001...0x3003, 0x3008...0x3020, 0x3030:
                return true
            default:
                return false
            }
        }
        return v == 0xFD3E || v == 0xFD3F || v == 0xFE45 || v == 0xFE46
    }
}

struct PatternParser {
    let s: [Unicode.Scalar]
    let n: Int
    /// UTF-8 of the literal text being collected (shared: a message flushes its text before
    /// descending into an argument).
    var buffer: [UInt8] = []

    /// The pattern's scalars, decoded straight from its UTF-8 (faster than `Array(unicodeScalars)`).
    static func decode(_ pattern: String) -> [Unicode.Scalar] {
        var pattern = pattern
        return pattern.withUTF8 { bytes in
            var result: [Unicode.Scalar] = []
            result.reserveCapacity(bytes.count)
            var i = 0
            let count = bytes.count
            while i < count {
                let b0 = UInt32(bytes[i])
                var value: UInt32
                if b0 < 0x80 {
                    value = b0
                    i += 1
                } else if b0 < 0xE0 {
                    value = (b0 & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
                    i += 2
                } else if b0 < 0xF0 {
                    value = (b0 & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
                    i += 3
                } else {
                    value = (b0 & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6
                        | UInt32(bytes[i + 3] & 0x3F)
                    i += 4
                }
                // A String's UTF-8 is always valid, so this never falls back.
                result.append(Unicode.Scalar(value) ?? "\u{FFFD}")
            }
            return result
        }
    }

    @inline(__always)
    static func appendUTF8(_ c: Unicode.Scalar, to buffer: inout [UInt8]) {
        let v = c.value
        if v < 0x80 {
            buffer.append(UInt8(v))
        } else if v < 0x800 {
            buffer.append(UInt8(0xC0 | (v >> 6)))
            buffer.append(UInt8(0x80 | (v & 0x3F)))
        } else if v < 0x10000 {
            buffer.append(UInt8(0xE0 | (v >> 12)))
            buffer.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            buffer.append(UInt8(0x80 | (v & 0x3F)))
        } else {
            buffer.append(UInt8(0xF0 | (v >> 18)))
            buffer.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            buffer.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            buffer.append(UInt8(0x80 | (v & 0x3F)))
        }
    }

    init(_ scalars: [Unicode.Scalar]) {
        self.s = scalars
        self.n = scalars.count
    }

    // MARK: errors

    func error(_ offset: Int, _ problem: String, expected: String) -> SyntaxError {
        SyntaxError(at: offset, in: SourceText(scalars: s), problem: problem, expected: expected)
    }

    func describe(_ offset: Int) -> String {
        guard offset < n else { return "the end of the pattern" }
        let c = s[offset]
        if c == "\n" { return "a line break" }
        if PatternProps.isWhiteSpace(c) { return "white space" }
        if c == "'" { return "\"'\"" }
        return "'\(c)'"
    }

    func unclosed(_ brace: Int) -> SyntaxError {
        let (line, column) = SourceText(scalars: s).location(of: brace)
        return error(n, "the '{' at \(line):\(column) is never closed", expected: "'}'")
    }

    // MARK: scanning helpers

    @inline(__always)
    func skipWhiteSpace(_ i: Int) -> Int {
        var i = i
        while i < n, PatternProps.isWhiteSpace(s[i]) { i += 1 }
        return i
    }

    @inline(__always)
    func skipIdentifier(_ i: Int) -> Int {
        var i = i
        while i < n, !PatternProps.isSyntaxOrWhiteSpace(s[i]) { i += 1 }
        return i
    }

    /// ICU's MessagePattern::skipDouble: digits, `+ - . e E` and `∞`.
    func skipDouble(_ i: Int) -> Int {
        var i = i
        while i < n {
            let v = s[i].value
            if (v < 0x30 && v != 0x2B && v != 0x2D && v != 0x2E) || (v > 0x39 && v != 0x65 && v != 0x45 && v != 0x221E) {
                break
            }
            i += 1
        }
        return i
    }

    func text(_ range: Range<Int>) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(range.count)
        for i in range { Self.appendUTF8(s[i], to: &bytes) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// ICU's MessagePattern::parseDouble: the text must be a whole C `strtod` number (or `±∞`
    /// where infinity is allowed), shorter than 128 characters.
    func parseDouble(_ start: Int, _ end: Int, allowInfinity: Bool) -> Double? {
        var i = start
        var negative = false
        if s[i] == "-" || s[i] == "+" {
            negative = s[i] == "-"
            i += 1
            if i == end { return nil }
        }
        if s[i].value == 0x221E {
            guard allowInfinity, i + 1 == end else { return nil }
            return negative ? -Double.infinity : Double.infinity
        }
        if end - start >= 128 { return nil }
        // [digits] ['.' [digits]] with at least one digit, then optional exponent with digits.
        var digits = 0
        while i < end, s[i] >= "0", s[i] <= "9" { i += 1; digits += 1 }
        if i < end, s[i] == "." {
            i += 1
            while i < end, s[i] >= "0", s[i] <= "9" { i += 1; digits += 1 }
        }
        if digits == 0 { return nil }
        if i < end, s[i] == "e" || s[i] == "E" {
            i += 1
            if i < end, s[i] == "+" || s[i] == "-" { i += 1 }
            var expDigits = 0
            while i < end, s[i] >= "0", s[i] <= "9" { i += 1; expDigits += 1 }
            if expDigits == 0 { return nil }
        }
        if i != end { return nil }
        guard let value = Double(text(start..<end)) else { return nil }
        return value == 0 ? 0 : value
    }

    // MARK: messages

    mutating func parseTopLevel() throws(SyntaxError) -> Message {
        let (message, _) = try parseMessage(0, level: 0, parent: .none, openBrace: nil)
        return message
    }

    /// Parses message text from `start`. For a nested message returns the index of its terminator
    /// (`}`, or `|` in a choice); for the top level, `n`.
    mutating func parseMessage(_ start: Int, level: Int, parent: ParentKind, openBrace: Int?) throws(SyntaxError) -> (Message, Int) {
        var parts: [MessagePart] = []
        var textStart = -1
        var i = start
        buffer.removeAll(keepingCapacity: true)

        func flush(_ end: Int, _ parts: inout [MessagePart], _ buffer: inout [UInt8], _ textStart: inout Int) {
            if textStart >= 0 {
                parts.append(.text(String(decoding: buffer, as: UTF8.self), SourceRange(start: textStart, end: end)))
                buffer.removeAll(keepingCapacity: true)
                textStart = -1
            }
        }

        let pluralParent = parent == .plural
        let choiceParent = parent == .choice
        while i < n {
            let c = s[i]
            if c == "'" {
                if textStart < 0 { textStart = i }
                if i + 1 == n {
                    Self.appendUTF8("'", to: &buffer)
                    i += 1
                    continue
                }
                let d = s[i + 1]
                if d == "'" {
                    Self.appendUTF8("'", to: &buffer)
                    i += 2
                } else if d == "{" || d == "}" || (choiceParent && d == "|") || (pluralParent && d == "#") {
                    // Quoted literal text: runs to the next single apostrophe or to the end.
                    Self.appendUTF8(d, to: &buffer)
                    var j = i + 2
                    while true {
                        var k = j
                        while k < n, s[k] != "'" { k += 1 }
                        for q in j..<k { Self.appendUTF8(s[q], to: &buffer) }
                        if k == n {
                            i = n
                            break
                        }
                        if k + 1 < n, s[k + 1] == "'" {
                            Self.appendUTF8("'", to: &buffer)
                            j = k + 2
                        } else {
                            i = k + 1
                            break
                        }
                    }
                } else {
                    Self.appendUTF8("'", to: &buffer)
                    i += 1
                }
            } else if pluralParent && c == "#" {
                flush(i, &parts, &buffer, &textStart)
                parts.append(.pound(SourceRange(start: i, end: i + 1)))
                i += 1
            } else if c == "{" {
                flush(i, &parts, &buffer, &textStart)
                let (argument, next) = try parseArgument(i, level: level)
                parts.append(.argument(argument))
                i = next
            } else if (level > 0 && c == "}") || (choiceParent && c == "|") {
                flush(i, &parts, &buffer, &textStart)
                return (Message(parts: parts, range: SourceRange(start: start, end: i)), i)
            } else {
                if textStart < 0 { textStart = i }
                Self.appendUTF8(c, to: &buffer)
                i += 1
            }
        }
        if level > 0 {
            throw unclosed(openBrace ?? start)
        }
        flush(n, &parts, &buffer, &textStart)
        return (Message(parts: parts, range: SourceRange(start: start, end: n)), n)
    }

    // MARK: arguments

    static let typeList = "number, date, time, spellout, ordinal, duration, plural, selectordinal, select, choice"

    /// Parses the argument whose `{` is at `open`; returns it and the index just past its `}`.
    mutating func parseArgument(_ open: Int, level: Int) throws(SyntaxError) -> (Argument, Int) {
        var i = skipWhiteSpace(open + 1)
        if i == n { throw unclosed(open) }
        let nameStart = i
        i = skipIdentifier(i)
        let nameEnd = i
        let name: ArgumentName
        if nameStart == nameEnd {
            throw error(nameStart, "expected an argument name or number after '{', found \(describe(nameStart))",
                        expected: "a name or number")
        }
        switch classifyName(nameStart, nameEnd) {
        case .number(let value):
            if value > 0x7FFF || nameEnd - nameStart > 0xFFFF {
                throw error(nameStart, "argument number \(text(nameStart..<nameEnd)) is too large", expected: "a number up to 32767")
            }
            name = .numbered(value)
        case .name:
            name = .named(text(nameStart..<nameEnd))
        case .invalid:
            throw error(nameStart, "argument number \(text(nameStart..<nameEnd)) has a leading zero",
                        expected: "a number without leading zeros")
        }
        let nameRange = SourceRange(start: nameStart, end: nameEnd)
        i = skipWhiteSpace(i)
        if i == n { throw unclosed(open) }
        if s[i] == "}" {
            return (Argument(name: name, kind: .simple, range: SourceRange(start: open, end: i + 1), nameRange: nameRange), i + 1)
        }
        if s[i] != "," {
            throw error(i, "expected ',' or '}' after the argument name, found \(describe(i))", expected: "',' or '}'")
        }
        // The type: ASCII letters.
        let typeStart = skipWhiteSpace(i + 1)
        i = typeStart
        while i < n, s[i].isASCIILetter { i += 1 }
        let typeEnd = i
        i = skipWhiteSpace(i)
        if i == n { throw unclosed(open) }
        if typeStart == typeEnd {
            throw error(typeStart, "expected an argument type after ',', found \(describe(typeStart))",
                        expected: "one of: \(Self.typeList)")
        }
        let c = s[i]
        if c != "," && c != "}" {
            if i == typeEnd {
                throw error(i, "unexpected \(describe(i)) in the argument type", expected: "one of: \(Self.typeList)")
            }
            throw error(i, "expected ',' or '}' after the argument type, found \(describe(i))", expected: "',' or '}'")
        }
        let typeName = text(typeStart..<typeEnd).lowercased()
        let kind: ArgumentKind
        switch typeName {
        case "plural", "selectordinal", "select", "choice":
            if c == "}" {
                throw error(i, "a \(typeName) argument needs its cases", expected: typeName == "choice" ? "',' and cases like 0#none|1#one" : "',' and cases like 'other {…}'")
            }
            switch typeName {
            case "choice":
                let (cases, end) = try parseChoiceStyle(i + 1, level: level, open: open)
                kind = .choice(cases: cases)
                i = end
            case "select":
                let (_, cases, end) = try parsePluralOrSelectStyle(i + 1, plural: false, level: level, open: open)
                kind = .select(cases: cases.map { SelectCase(keyword: $0.keyword, message: $0.message, keywordRange: $0.range) })
                i = end
            default:
                let (offset, cases, end) = try parsePluralOrSelectStyle(i + 1, plural: true, level: level, open: open)
                let pluralCases = cases.map { PluralCase(selector: $0.selector!, message: $0.message, selectorRange: $0.range) }
                kind = typeName == "plural" ? .plural(offset: offset, cases: pluralCases) : .selectordinal(offset: offset, cases: pluralCases)
                i = end
            }
        default:
            guard let type = FormatType(rawValue: typeName) else {
                throw error(typeStart, "unknown argument type '\(text(typeStart..<typeEnd))'", expected: "one of: \(Self.typeList)")
            }
            if c == "}" {
                kind = .formatted(type, nil)
            } else {
                let (style, end) = try parseSimpleStyle(i + 1, type: type, open: open)
                kind = .formatted(type, style)
                i = end
            }
        }
        // `i` is at the closing '}'.
        return (Argument(name: name, kind: kind, range: SourceRange(start: open, end: i + 1), nameRange: nameRange), i + 1)
    }

    enum NameClass {
        case number(Int)
        case name
        case invalid
    }

    /// ICU's MessagePattern::parseArgNumber: ASCII digits only make a number (no leading zeros).
    func classifyName(_ start: Int, _ end: Int) -> NameClass {
        var value = 0
        var bad = false
        let first = s[start]
        if first == "0" {
            if start + 1 == end { return .number(0) }
            bad = true
        } else if first >= "1" && first <= "9" {
            value = Int(first.value - 0x30)
        } else {
            return .name
        }
        var i = start + 1
        while i < end {
            let c = s[i]
            guard c >= "0" && c <= "9" else { return .name }
            if value >= Int(Int32.max) / 10 { bad = true } else { value = value * 10 + Int(c.value - 0x30) }
            i += 1
        }
        return bad ? .invalid : .number(value)
    }

    /// The style text of a simple argument, from `start` to the closing `}` (returned index):
    /// balanced braces, apostrophes quote (and stay in the text).
    mutating func parseSimpleStyle(_ start: Int, type: FormatType, open: Int) throws(SyntaxError) -> (ArgumentStyle?, Int) {
        var i = start
        var depth = 0
        while i < n {
            let c = s[i]
            i += 1
            if c == "'" {
                let quote = i - 1
                while i < n, s[i] != "'" { i += 1 }
                if i == n {
                    throw error(quote, "the quote in the argument style is never closed", expected: "a closing \"'\"")
                }
                i += 1
            } else if c == "{" {
                depth += 1
            } else if c == "}" {
                if depth > 0 {
                    depth -= 1
                } else {
                    let end = i - 1
                    let style = try classifyStyle(start, end, type: type)
                    return (style, end)
                }
            }
        }
        throw unclosed(open)
    }

    /// Decides keyword / skeleton / pattern as icu::MessageFormat::createAppropriateFormat does, and
    /// validates what MessageFormat validates.
    func classifyStyle(_ start: Int, _ end: Int, type: FormatType) throws(SyntaxError) -> ArgumentStyle? {
        var a = start, b = end
        while a < b, s[a].properties.isWhitespace || PatternProps.isWhiteSpace(s[a]) { a += 1 }
        while b > a, s[b - 1].properties.isWhitespace || PatternProps.isWhiteSpace(s[b - 1]) { b -= 1 }
        // A trailing space can be the pad character of a number pattern (`* `): keep it then.
        if b < end, b > a, s[b - 1] == "*" { b += 1 }
        if a == b { return nil }
        let trimmed = text(a..<b)
        let lower = trimmed.lowercased()
        // ICU looks for `::` after Pattern_White_Space and passes the rest, untrimmed, on.
        let firstNonSpace = skipWhiteSpaceIn(start, end)
        let isSkeleton = end - firstNonSpace >= 2 && s[firstNonSpace] == ":" && s[firstNonSpace + 1] == ":"
        switch type {
        case .number:
            if lower == "integer" || lower == "currency" || lower == "percent" { return .keyword(trimmed) }
            if isSkeleton {
                if let problem = NumberSkeletonCheck.check(s[(firstNonSpace + 2)..<end]) {
                    throw error(firstNonSpace + 2 + problem.offset, problem.message, expected: "a valid ICU number skeleton")
                }
                return .skeleton(text(skipWhiteSpaceIn(firstNonSpace + 2, b)..<b))
            }
            if let problem = DecimalPatternCheck.check(s[start..<end]) {
                throw error(start + problem.offset, problem.message, expected: "a DecimalFormat pattern like #,##0.00")
            }
            return .pattern(trimmed)
        case .date, .time:
            if isSkeleton {
                return .skeleton(text(skipWhiteSpaceIn(firstNonSpace + 2, b)..<b))
            }
            if lower == "short" || lower == "medium" || lower == "long" || lower == "full" { return .keyword(trimmed) }
            return .pattern(trimmed)
        case .spellout, .ordinal, .duration:
            // A rule set name; ICU ignores names it does not know.
            return .keyword(trimmed)
        }
    }

    func skipWhiteSpaceIn(_ i: Int, _ end: Int) -> Int {
        var i = i
        while i < end, PatternProps.isWhiteSpace(s[i]) { i += 1 }
        return i
    }

    struct RawCase {
        var selector: PluralSelector?
        var keyword: String
        var message: Message
        var range: SourceRange
    }

    /// ICU's MessagePattern::parsePluralOrSelectStyle. Returns the offset, the cases and the index
    /// of the argument's closing `}`.
    mutating func parsePluralOrSelectStyle(_ start: Int, plural: Bool, level: Int, open: Int) throws(SyntaxError) -> (Double, [RawCase], Int) {
        var i = start
        var cases: [RawCase] = []
        var offset = 0.0
        var isEmpty = true
        var hasOther = false
        let what = plural ? "plural" : "select"
        while true {
            i = skipWhiteSpace(i)
            if i == n { throw unclosed(open) }
            if s[i] == "}" {
                if !hasOther {
                    throw error(i, "a \(what) argument needs an 'other' case", expected: "'other {…}'")
                }
                return (offset, cases, i)
            }
            let selectorStart = i
            let selector: PluralSelector?
            let keyword: String
            if plural && s[i] == "=" {
                i = skipDouble(i + 1)
                guard i > selectorStart + 1, let value = parseDouble(selectorStart + 1, i, allowInfinity: false) else {
                    throw error(selectorStart + 1, "expected a number after '='", expected: "a number like =0 or =1.5")
                }
                selector = .exact(value)
                keyword = text(selectorStart..<i)
            } else {
                i = skipIdentifier(i)
                if i == selectorStart {
                    throw error(i, "expected a \(plural ? "plural selector" : "select keyword"), found \(describe(i))",
                                expected: plural ? "a keyword (zero, one, two, few, many, other), =N or '}'" : "a keyword or '}'")
                }
                keyword = text(selectorStart..<i)
                if plural && keyword == "offset" && i < n && s[i] == ":" {
                    if !isEmpty {
                        throw error(selectorStart, "'offset:' must come before the first case", expected: "a selector")
                    }
                    let valueStart = skipWhiteSpace(i + 1)
                    i = skipDouble(valueStart)
                    guard i > valueStart, let value = parseDouble(valueStart, i, allowInfinity: false) else {
                        throw error(valueStart, "expected a number after 'offset:'", expected: "a number")
                    }
                    offset = value
                    isEmpty = false
                    continue
                }
                selector = plural ? .keyword(keyword) : nil
                if keyword == "other" { hasOther = true }
            }
            let selectorEnd = i
            i = skipWhiteSpace(i)
            if i == n || s[i] != "{" {
                throw error(i, "expected '{' after the selector '\(keyword)', found \(describe(i))", expected: "'{'")
            }
            let (message, end) = try parseMessage(i + 1, level: level + 1, parent: plural ? .plural : .select, openBrace: i)
            cases.append(RawCase(selector: selector, keyword: keyword, message: message,
                                 range: SourceRange(start: selectorStart, end: selectorEnd)))
            i = end + 1
            isEmpty = false
        }
    }

    /// ICU's MessagePattern::parseChoiceStyle: `number (#|<|≤) message` separated by `|`.
    mutating func parseChoiceStyle(_ start: Int, level: Int, open: Int) throws(SyntaxError) -> ([ChoiceCase], Int) {
        var i = skipWhiteSpace(start)
        if i == n || s[i] == "}" {
            throw error(i, "a choice argument needs its cases", expected: "cases like 0#none|1#one")
        }
        var cases: [ChoiceCase] = []
        while true {
            let numberStart = i
            i = skipDouble(i)
            guard i > numberStart, let limit = parseDouble(numberStart, i, allowInfinity: true) else {
                throw error(numberStart, "expected a number to start a choice case, found \(describe(numberStart))",
                            expected: "a number like 0, 1.5 or ∞")
            }
            i = skipWhiteSpace(i)
            if i == n { throw unclosed(open) }
            let c = s[i]
            guard c == "#" || c == "<" || c.value == 0x2264 else {
                throw error(i, "expected '#', '<' or '≤' after the choice limit, found \(describe(i))", expected: "'#', '<' or '≤'")
            }
            let (message, end) = try parseMessage(i + 1, level: level + 1, parent: .choice, openBrace: open)
            cases.append(ChoiceCase(limit: limit, exclusive: c == "<", message: message))
            if s[end] == "}" { return (cases, end) }
            i = skipWhiteSpace(end + 1)
        }
    }
}

extension Unicode.Scalar {
    @inline(__always)
    var isASCIILetter: Bool {
        let v = value
        return (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
    }
}

extension SourceRange {
    /// The empty range at 0, used when comparing syntax trees without positions.
    public static let zero = SourceRange(start: 0, end: 0)
}

extension Message {
    /// The same message with every source range set to `.zero`: compare two of these to ask
    /// "same structure and text, regardless of where it was written".
    public func strippingRanges() -> Message {
        Message(parts: parts.map { $0.strippingRanges() }, range: .zero)
    }

    /// `true` when both messages have the same structure and text (source positions ignored).
    public func isStructurallyEqual(to other: Message) -> Bool {
        strippingRanges() == other.strippingRanges()
    }
}

extension MessagePart {
    public func strippingRanges() -> MessagePart {
        switch self {
        case .text(let text, _): return .text(text, .zero)
        case .pound: return .pound(.zero)
        case .argument(let argument): return .argument(argument.strippingRanges())
        }
    }
}

extension Argument {
    public func strippingRanges() -> Argument {
        let kind: ArgumentKind
        switch self.kind {
        case .simple, .formatted: kind = self.kind
        case .plural(let offset, let cases):
            kind = .plural(offset: offset, cases: cases.map { PluralCase(selector: $0.selector, message: $0.message.strippingRanges(), selectorRange: .zero) })
        case .selectordinal(let offset, let cases):
            kind = .selectordinal(offset: offset, cases: cases.map { PluralCase(selector: $0.selector, message: $0.message.strippingRanges(), selectorRange: .zero) })
        case .select(let cases):
            kind = .select(cases: cases.map { SelectCase(keyword: $0.keyword, message: $0.message.strippingRanges(), keywordRange: .zero) })
        case .choice(let cases):
            kind = .choice(cases: cases.map { ChoiceCase(limit: $0.limit, exclusive: $0.exclusive, message: $0.message.strippingRanges()) })
        }
        return Argument(name: name, kind: kind, range: .zero, nameRange: .zero)
    }
}
