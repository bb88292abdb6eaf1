import MessageSyntax

/// One finding about a catalog: what is wrong, where (file, line, code, variant, position in the
/// pattern) and what is accepted.
public struct CatalogProblem: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Comparable {
        case error, warning
        public static func < (a: Severity, b: Severity) -> Bool { a == .error && b == .warning }
    }

    public var severity: Severity
    /// A stable identifier of the kind of problem (`syntax`, `unknown-placeholder` …).
    public var check: String
    public var file: String?
    /// 1-based line and column in the file, when known.
    public var line: Int?
    public var column: Int?
    public var code: String?
    /// The template's variant id (`docs` …), when the problem is in a template.
    public var variant: String?
    /// The pattern and the Unicode-scalar range in it that the problem is about.
    public var pattern: String?
    public var patternRange: SourceRange?
    /// What was wrong.
    public var message: String
    /// What is accepted instead (shown under the caret).
    public var expected: String?

    public init(severity: Severity = .error, check: String, file: String? = nil, line: Int? = nil, column: Int? = nil,
                code: String? = nil, variant: String? = nil, pattern: String? = nil, patternRange: SourceRange? = nil,
                message: String, expected: String? = nil) {
        self.severity = severity
        self.check = check
        self.file = file
        self.line = line
        self.column = column
        self.code = code
        self.variant = variant
        self.pattern = pattern
        self.patternRange = patternRange
        self.message = message
        self.expected = expected
    }

    /// The location line: `de.json:42:30: InvalidHashValue, template "docs", pattern 1:14`.
    public var location: String {
        var parts: [String] = []
        var filePart = file ?? "<catalog>"
        if let line { filePart += ":\(line)"; if let column { filePart += ":\(column)" } }
        parts.append(filePart)
        var what: [String] = []
        if let code { what.append(code) }
        if let variant { what.append("template \"\(variant)\"") }
        if let pattern, let range = patternRange {
            let (l, c) = PatternPosition.lineColumn(in: pattern, offset: range.start)
            what.append("pattern \(l):\(c)")
        }
        if !what.isEmpty { parts.append(what.joined(separator: ", ")) }
        return parts.joined(separator: ": ")
    }

    /// A few lines in the style of a compiler diagnostic, with a caret under the position.
    public var description: String {
        var out = "\(severity.rawValue): \(message)\n --> \(location)"
        if let pattern, let range = patternRange {
            out += "\n" + PatternPosition.excerpt(pattern: pattern, range: range, note: expected)
        } else if let expected {
            out += "\n  = expected: \(expected)"
        }
        return out
    }
}

/// Loading failed: every problem found, in file order. A catalog never loads halfway.
public struct CatalogLoadError: Error, Sendable, CustomStringConvertible {
    public var problems: [CatalogProblem]
    public init(problems: [CatalogProblem]) { self.problems = problems }
    public var errors: [CatalogProblem] { problems.filter { $0.severity == .error } }
    public var description: String {
        let count = errors.count
        let body = problems.map(\.description).joined(separator: "\n\n")
        return body + "\n\n\(count) error\(count == 1 ? "" : "s") in the catalog; it was not loaded."
    }
}

enum PatternPosition {
    static func lineColumn(in pattern: String, offset: Int) -> (Int, Int) {
        var line = 1, column = 1
        for (index, scalar) in pattern.unicodeScalars.enumerated() {
            if index >= offset { break }
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return (line, column)
    }

    /// ```
    ///   |
    /// 1 | Der Hashwert {hsh} ist ungültig.
    ///   |              ^^^^^ declared: hash
    /// ```
    static func excerpt(pattern: String, range: SourceRange, note: String?) -> String {
        let scalars = Array(pattern.unicodeScalars)
        let (line, patternColumn) = lineColumn(in: pattern, offset: range.start)
        let lines = pattern.split(separator: "\n", omittingEmptySubsequences: false)
        let text = line - 1 < lines.count ? String(lines[line - 1]) : ""
        let gutter = String(line)
        let pad = String(repeating: " ", count: gutter.count)
        var lineScalars = Array(text.unicodeScalars)
        var column = patternColumn
        let width = max(1, min(range.end, scalars.count) - range.start)
        // A long line is shown as a window around the position, so the excerpt stays one screen.
        let window = 100
        var prefix = "", suffix = ""
        if lineScalars.count > window {
            let start = max(0, min(column - 1 - 30, lineScalars.count - window))
            let end = min(lineScalars.count, start + window)
            if start > 0 { prefix = "…" }
            if end < lineScalars.count { suffix = "…" }
            lineScalars = Array(lineScalars[start..<end])
            column = column - start + prefix.count
        }
        let lineLength = lineScalars.count + prefix.count
        let caretWidth = max(1, min(width, lineLength - (column - 1) + 1))
        let carets = String(repeating: " ", count: max(0, column - 1)) + String(repeating: "^", count: caretWidth)
        let shown = prefix + Sanitized.visible(String(String.UnicodeScalarView(lineScalars))) + suffix
        var out = "\(pad) |\n\(gutter) | \(shown)\n\(pad) | \(carets)"
        if let note { out += " \(note)" }
        return out
    }
}

/// Makes text safe to print on a terminal: every control, format (bidi, zero-width, tag),
/// line/paragraph separator, default-ignorable and noncharacter code point becomes a visible
/// `\u{…}` escape (`\t`, `\n`, `\r` for those three), so a hostile text can neither rewrite the
/// terminal nor hide or reorder what it says. Classes come from Unicode properties (general
/// categories Cc, Cf, Zl, Zp, Cs; Default_Ignorable_Code_Point; Noncharacter_Code_Point), not
/// from a hand list. The one sanitiser for server text and catalog text alike.
public enum Sanitized {
    /// Whether `scalar` must not reach a terminal (or an HTML page) raw.
    @inline(__always)
    public static func isInvisibleOrControl(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v >= 0x20 && v < 0x7F { return false }
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return true }
        // Common printable ranges without property lookups (a test checks them against the
        // properties): Latin-1, Latin Extended, IPA and spacing modifiers except the soft hyphen;
        // general punctuation (dashes, quotes, ‰ …) apart from U+2028–U+202F and U+2060 on.
        if v < 0x300 { return v == 0xAD }
        if (v >= 0x2010 && v <= 0x2027) || (v >= 0x2030 && v <= 0x205F) { return false }
        let properties = scalar.properties
        switch properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate: return true
        default: return properties.isDefaultIgnorableCodePoint || properties.isNoncharacterCodePoint
        }
    }

    /// Whether `text` holds any scalar `visible` would escape. Reads the UTF-8 bytes: printable
    /// ASCII eight bytes at a time, U+00C0–U+00FF (German letters) without a look-up, only other
    /// non-ASCII scalars decoded and classified.
    public static func needsEscaping(_ text: String) -> Bool {
        if let answer = text.utf8.withContiguousStorageIfAvailable(needsEscaping) { return answer }
        return text.unicodeScalars.contains(where: isInvisibleOrControl)
    }

    /// `needsEscaping` on valid UTF-8.
    package static func needsEscaping(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = utf8.count
        var index = 0
        while true {
            index = JSONWriter.printableASCIIPrefix(utf8, from: index, stoppingAtQuotes: false)
            guard index < count else { return false }
            let b = utf8[index]
            if b < 0x80 { return true }
            if b == 0xC3 && index + 1 < count { index += 2; continue }
            let (scalar, length) = JSONWriter.decodeScalar(utf8, at: index)
            if let decoded = Unicode.Scalar(scalar), isInvisibleOrControl(decoded) { return true }
            index += length
        }
    }

    public static func visible(_ text: String) -> String {
        visible(text, keepingLineBreaks: false)
    }

    /// As `visible`, but `\n` (and `\t`) stay raw: for whole multi-line outputs.
    public static func visible(_ text: String, keepingLineBreaks: Bool) -> String {
        // Text with nothing to escape (most text) is returned as it is.
        if !needsEscaping(text) { return text }
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x09: out += keepingLineBreaks ? "\t" : "\\t"
            case 0x0A: out += keepingLineBreaks ? "\n" : "\\n"
            case 0x0D: out += "\\r"
            default:
                if isInvisibleOrControl(scalar) {
                    out += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
