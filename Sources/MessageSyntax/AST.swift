/// The syntax tree of an ICU MessageFormat (MF1) pattern, as ICU 72 reads it.
///
/// Positions are offsets in Unicode scalars from the start of the pattern; `SourceText` turns them
/// into 1-based line and column numbers for messages.

/// A half-open range `start..<end` of Unicode-scalar offsets into the pattern.
public struct SourceRange: Sendable, Hashable, CustomStringConvertible {
    public var start: Int
    public var end: Int
    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }
    public var description: String { "\(start)..<\(end)" }
}

/// A message: a sequence of literal text, arguments and (inside plural cases) `#`.
public struct Message: Sendable, Hashable {
    public var parts: [MessagePart]
    /// Where the message's text starts and ends (for a nested message: inside its braces).
    public var range: SourceRange
    public init(parts: [MessagePart], range: SourceRange) {
        self.parts = parts
        self.range = range
    }
}

public enum MessagePart: Sendable, Hashable {
    /// Literal text with ICU's apostrophe quoting already removed (`'{'` → `{`, `''` → `'`).
    case text(String, SourceRange)
    /// `{name}`, `{0, number}`, `{n, plural, …}` …
    case argument(Argument)
    /// `#` directly inside a `plural` or `selectordinal` case: the number minus the offset.
    case pound(SourceRange)
}

public enum ArgumentName: Sendable, Hashable, CustomStringConvertible {
    case named(String)
    case numbered(Int)
    public var description: String {
        switch self {
        case .named(let name): return name
        case .numbered(let number): return String(number)
        }
    }
}

public struct Argument: Sendable, Hashable {
    public var name: ArgumentName
    public var kind: ArgumentKind
    /// From the opening `{` to just past the closing `}`.
    public var range: SourceRange
    /// The range of the argument's name or number.
    public var nameRange: SourceRange
    public init(name: ArgumentName, kind: ArgumentKind, range: SourceRange, nameRange: SourceRange) {
        self.name = name
        self.kind = kind
        self.range = range
        self.nameRange = nameRange
    }
}

/// The simple (non-plural) argument types ICU's MessageFormat knows.
public enum FormatType: String, Sendable, Hashable, CaseIterable {
    case number, date, time, spellout, ordinal, duration
}

/// The style part of a simple argument: `{n, number, integer}`, `{d, date, ::yMMMd}`,
/// `{n, number, #,##0.00}`.
public enum ArgumentStyle: Sendable, Hashable {
    /// A predefined style keyword as written (`integer`, `currency`, `percent`, `short`, `medium`,
    /// `long`, `full`, a rule set name like `%spellout-ordinal` …).
    case keyword(String)
    /// An ICU skeleton after `::` (number or date skeleton), without the `::` and trimmed.
    case skeleton(String)
    /// A pattern (DecimalFormat or SimpleDateFormat) as written, trimmed.
    case pattern(String)
}

public enum PluralSelector: Sendable, Hashable, CustomStringConvertible {
    /// `=3`
    case exact(Double)
    /// `zero`, `one`, `two`, `few`, `many`, `other`
    case keyword(String)
    public var description: String {
        switch self {
        case .exact(let value):
            // Whole numbers print without ".0" (no Foundation/libm needed for the check).
            if abs(value) < 1e15, value == Double(Int64(value)) { return "=\(Int64(value))" }
            return "=\(value)"
        case .keyword(let keyword): return keyword
        }
    }
}

public struct PluralCase: Sendable, Hashable {
    public var selector: PluralSelector
    public var message: Message
    public var selectorRange: SourceRange
    public init(selector: PluralSelector, message: Message, selectorRange: SourceRange) {
        self.selector = selector
        self.message = message
        self.selectorRange = selectorRange
    }
}

public struct SelectCase: Sendable, Hashable {
    public var keyword: String
    public var message: Message
    public var keywordRange: SourceRange
    public init(keyword: String, message: Message, keywordRange: SourceRange) {
        self.keyword = keyword
        self.message = message
        self.keywordRange = keywordRange
    }
}

/// One case of a (deprecated but still accepted) `choice` argument: `1<many` or `0#none`.
public struct ChoiceCase: Sendable, Hashable {
    public var limit: Double
    /// `true` for `<` (the case starts just above `limit`), `false` for `#` or `≤`.
    public var exclusive: Bool
    public var message: Message
    public init(limit: Double, exclusive: Bool, message: Message) {
        self.limit = limit
        self.exclusive = exclusive
        self.message = message
    }
}

public enum ArgumentKind: Sendable, Hashable {
    /// `{name}`
    case simple
    /// `{name, number}`, `{name, date, short}`, `{name, number, ::currency/EUR}` …
    case formatted(FormatType, ArgumentStyle?)
    /// `{n, plural, offset:1 =0 {…} one {…} other {…}}`
    case plural(offset: Double, cases: [PluralCase])
    /// `{n, selectordinal, one {#st} two {#nd} few {#rd} other {#th}}`
    case selectordinal(offset: Double, cases: [PluralCase])
    /// `{g, select, female {…} male {…} other {…}}`
    case select(cases: [SelectCase])
    /// `{n, choice, 0#none|1#one|1<many}`
    case choice(cases: [ChoiceCase])
}

extension Message {
    /// Every argument in the message, depth first, in source order (nested ones included).
    public var allArguments: [Argument] {
        var result: [Argument] = []
        func walk(_ message: Message) {
            for part in message.parts {
                guard case .argument(let argument) = part else { continue }
                result.append(argument)
                switch argument.kind {
                case .simple, .formatted: break
                case .plural(_, let cases), .selectordinal(_, let cases): cases.forEach { walk($0.message) }
                case .select(let cases): cases.forEach { walk($0.message) }
                case .choice(let cases): cases.forEach { walk($0.message) }
                }
            }
        }
        walk(self)
        return result
    }
}
