/// Things ICU 72 accepts without complaint but that are almost certainly mistakes in a catalog.
/// Each finding is a `SyntaxError` value (same position/rendering), but the pattern is valid.
public enum MessageLint {
    /// Parses `pattern` (throwing its syntax error if ICU would reject it) and returns warnings:
    /// - a duplicate plural/select selector (ICU silently uses the first case);
    /// - a number/date pattern style with white space around it (`{n, number, #,##0}`): ICU keeps
    ///   that white space as literal text, so the value is printed with a leading space.
    public static func findings(in pattern: String) throws(SyntaxError) -> [SyntaxError] {
        let message = try MessageParser.parse(pattern)
        let source = SourceText(pattern)
        var findings: [SyntaxError] = []
        for argument in message.allArguments {
            switch argument.kind {
            case .plural(_, let cases), .selectordinal(_, let cases):
                var seen = Set<PluralSelector>()
                for pluralCase in cases where !seen.insert(pluralCase.selector).inserted {
                    findings.append(SyntaxError(at: pluralCase.selectorRange.start, in: source,
                                                problem: "duplicate selector '\(pluralCase.selector)': ICU uses only the first case",
                                                expected: "each selector once"))
                }
            case .select(let cases):
                var seen = Set<String>()
                for selectCase in cases where !seen.insert(selectCase.keyword).inserted {
                    findings.append(SyntaxError(at: selectCase.keywordRange.start, in: source,
                                                problem: "duplicate selector '\(selectCase.keyword)': ICU uses only the first case",
                                                expected: "each selector once"))
                }
            case .formatted(_, .pattern(let style)?):
                // The raw style text runs from after the comma that follows the type name to the
                // closing brace (the pattern itself may contain commas).
                let scalars = source.scalars
                let end = argument.range.end - 1
                var start = argument.nameRange.end
                while start < end, scalars[start] != "," { start += 1 }
                start += 1
                while start < end, scalars[start] != "," { start += 1 }
                start += 1
                guard start <= end else { break }
                let raw = scalars[start..<end]
                if raw.first.map(PatternProps.isWhiteSpace) == true || (raw.last.map(PatternProps.isWhiteSpace) == true && style.unicodeScalars.last != "*") {
                    findings.append(SyntaxError(at: start, in: source,
                                                problem: "white space around the pattern '\(style)' becomes part of the formatted text",
                                                expected: "the pattern right after the comma, e.g. {n, number,#,##0}"))
                }
            default:
                break
            }
        }
        return findings
    }
}
