/// A typed value for a placeholder: what the formatter renders and what the reverse parser returns.
public enum Value: Sendable, Hashable, CustomStringConvertible {
    /// Text of any placeholder type but `integer`, `list` and `date` (a hash, an address, free text …).
    case text(String)
    /// A whole number; rendered with the locale's grouping (1,200 in English, 1.200 in German).
    case integer(Int64)
    /// A number that is not whole (only reachable through a catalog of one's own).
    case number(Double)
    /// A moment in time, in milliseconds since 1970-01-01T00:00:00Z (ICU's UDate).
    case date(millisecondsSince1970: Double)
    /// Items of a comma-separated list; rendered joined by ", ".
    case list([String])

    /// The value as plain text (no locale formatting): what a user would type for it.
    public var description: String {
        switch self {
        case .text(let text): return text
        case .integer(let value): return String(value)
        case .number(let value): return String(value)
        case .date(let ms): return ISODate.format(millisecondsSince1970: ms)
        case .list(let items): return items.joined(separator: ", ")
        }
    }
}
