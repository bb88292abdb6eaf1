/// Maps Unicode-scalar offsets in a pattern to 1-based line and column numbers and to line text.
///
/// Lines end at `\n`, `\r\n` or `\r` (the usual convention for catalog files).
public struct SourceText: Sendable, Hashable {
    public let scalars: [Unicode.Scalar]
    /// Offsets (in scalars) at which each line starts.
    public let lineStarts: [Int]

    public init(_ text: String) {
        self.init(scalars: Array(text.unicodeScalars))
    }

    public init(scalars: [Unicode.Scalar]) {
        self.scalars = scalars
        var starts = [0]
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            if c == "\r" {
                if i + 1 < scalars.count, scalars[i + 1] == "\n" { i += 1 }
                starts.append(i + 1)
            } else if c == "\n" {
                starts.append(i + 1)
            }
            i += 1
        }
        self.lineStarts = starts
    }

    /// The 1-based line and column of `offset` (clamped to the text; the end of the text is valid).
    public func location(of offset: Int) -> (line: Int, column: Int) {
        let offset = max(0, min(offset, scalars.count))
        // Binary search for the last line start <= offset.
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return (low + 1, offset - lineStarts[low] + 1)
    }

    /// The text of the 1-based line `line`, without its line terminator.
    public func lineText(_ line: Int) -> String {
        guard line >= 1, line <= lineStarts.count else { return "" }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] : scalars.count
        while end > start, scalars[end - 1] == "\n" || scalars[end - 1] == "\r" { end -= 1 }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[start..<end])
        return String(view)
    }
}

/// A pattern that ICU's MessageFormat would reject, with where and why.
public struct SyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Offset in Unicode scalars from the start of the pattern.
    public var offset: Int
    /// 1-based line of `offset`.
    public var line: Int
    /// 1-based column (in Unicode scalars) of `offset`.
    public var column: Int
    /// What was wrong, as a short sentence (the headline of the rendered error).
    public var problem: String
    /// What is accepted at `offset` (the label under the caret), e.g. "',' or '}'".
    public var expected: String
    /// The text of the line containing `offset` (for rendering).
    public var sourceLine: String

    public init(offset: Int, line: Int, column: Int, problem: String, expected: String, sourceLine: String) {
        self.offset = offset
        self.line = line
        self.column = column
        self.problem = problem
        self.expected = expected
        self.sourceLine = sourceLine
    }

    /// Builds an error at `offset` of `source`, computing line, column and line text.
    public init(at offset: Int, in source: SourceText, problem: String, expected: String) {
        let location = source.location(of: offset)
        self.init(offset: offset, line: location.line, column: location.column, problem: problem,
                  expected: expected, sourceLine: source.lineText(location.line))
    }

    public var description: String { "\(line):\(column): \(problem) (expected \(expected))" }

    /// Renders the error in the style of swift-parsing / rustc:
    ///
    ///     error: expected ',' or '}' after the argument name
    ///      --> Catalogs/defender/de.json: InvalidHashValue, template "docs", 1:19
    ///       |
    ///     1 | Der Hashwert {hash ist ungültig.
    ///       |                   ^ expected ',' or '}'
    ///
    /// `file` and `context` are optional labels for the location line.
    public func rendered(file: String?, context: String?) -> String {
        let gutter = String(line)
        let pad = String(repeating: " ", count: gutter.count)
        var where_: [String] = []
        if let file, !file.isEmpty { where_.append(file) }
        if let context, !context.isEmpty { where_.append(context) }
        let location = where_.isEmpty ? "\(line):\(column)" : where_.joined(separator: ": ") + ", \(line):\(column)"
        // Tabs in the source line would misalign the caret: show them as single spaces.
        let shown = String(String.UnicodeScalarView(sourceLine.unicodeScalars.map { $0 == "\t" ? " " : $0 }))
        let caretPad = String(repeating: " ", count: max(0, column - 1))
        return """
            error: \(problem)
            \(pad)--> \(location)
            \(pad) |
            \(gutter) | \(shown)
            \(pad) | \(caretPad)^ expected \(expected)
            """
    }
}
