/// A value encodes as `errcat parse --json` prints it in `args.*.value`: an `integer` as a JSON
/// number, a `number` as a JSON number with a fraction, a `list` as an array of strings, text as a
/// string, a `date` as its ISO 8601 text. Decoding reads the JSON kind back: a whole number is
/// `.integer`, another number `.number`, an array `.list`, a string `.text` (a date's text too —
/// a `MatchedValue` with type `date` turns it back into `.date`).
extension Value: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let integer = try? container.decode(Int64.self) {
            self = .integer(integer)
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else if let items = try? container.decode([String].self) {
            self = .list(items)
        } else if let text = try? container.decode(String.self) {
            self = .text(text)
        } else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription:
                "a placeholder value is a JSON number, string or array of strings")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .integer(let number): try container.encode(number)
        case .number(let number): try container.encode(number)
        case .list(let items): try container.encode(items)
        case .text(let text): try container.encode(text)
        case .date: try container.encode(description)
        }
    }
}

/// A placeholder type encodes as its catalog name (`integer`, `hash` …).
extension PlaceholderType: Codable {}
