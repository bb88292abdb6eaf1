import ErrorCatalog

// MatchResult, Match, MatchedValue and NearMiss encode with the field names of
// `errcat parse --json` (README, "parse --json result"): a result is
// `{matched, ambiguous, code, status, locale, variant, variantIndex, observed, args, exact,
// tolerances, catchAll, confidence, alternatives}` (the best match's fields at the top level, `code: null`
// and `nearest` when nothing matched). A few fields the tool does not print are added so that
// decoding gives back what was encoded: `sameTextVariants`, `literalBytes` and `typeScore` of a
// match, `variantIndex` and `utf8Offset` of a near miss. Decoding the tool's own output works too;
// the missing extras then read as empty or 0 (and `utf8Offset` as `offset`). `alternatives` holds
// every alternative (the tool leaves out free-text-only ones when a specific template matched).

extension MatchedValue: Codable {
    enum CodingKeys: String, CodingKey {
        case type, value, text, valid, rejected
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let type = try container.decode(PlaceholderType.self, forKey: .type)
        var value = try container.decode(Value.self, forKey: .value)
        if type == .date, case .text(let text) = value, case .success(let date) = PlaceholderType.date.parse(text) {
            value = date
        }
        self.init(type: type, value: value, text: try container.decode(String.self, forKey: .text),
                  rejected: try container.decodeIfPresent(Bool.self, forKey: .rejected) ?? false,
                  isValidForType: try container.decode(Bool.self, forKey: .valid))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(type, forKey: .type)
        try container.encode(value, forKey: .value)
        try container.encode(text, forKey: .text)
        try container.encode(isValidForType, forKey: .valid)
        if rejected { try container.encode(true, forKey: .rejected) }
    }
}

extension Tolerance: Codable {}

extension VariantID: Codable {
    enum CodingKeys: String, CodingKey { case id, index }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(id: try container.decode(String.self, forKey: .id), index: try container.decode(Int.self, forKey: .index))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(index, forKey: .index)
    }
}

extension Match: Codable {
    enum CodingKeys: String, CodingKey {
        case code, status, locale, variant, variantIndex, observed, args, exact, tolerances, catchAll, confidence
        case missingText, extraText
        case sameTextVariants, literalBytes, typeScore
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(code: try container.decode(String.self, forKey: .code),
                  status: try container.decode(Int.self, forKey: .status),
                  locale: try container.decode(String.self, forKey: .locale),
                  variant: VariantID(id: try container.decode(String.self, forKey: .variant),
                                     index: try container.decode(Int.self, forKey: .variantIndex)),
                  sameTextVariants: try container.decodeIfPresent([VariantID].self, forKey: .sameTextVariants) ?? [],
                  isObserved: try container.decode(Bool.self, forKey: .observed),
                  values: try container.decode([String: MatchedValue].self, forKey: .args),
                  tolerances: try container.decode([Tolerance].self, forKey: .tolerances),
                  literalBytes: try container.decodeIfPresent(Int.self, forKey: .literalBytes) ?? 0,
                  typeScore: try container.decodeIfPresent(Int.self, forKey: .typeScore) ?? 0,
                  isCatchAll: try container.decode(Bool.self, forKey: .catchAll),
                  missingText: try container.decodeIfPresent(String.self, forKey: .missingText),
                  extraText: try container.decodeIfPresent(String.self, forKey: .extraText))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try encodeFields(into: &container)
    }

    func encodeFields<Key: CodingKey>(into container: inout KeyedEncodingContainer<Key>) throws {
        func key(_ name: CodingKeys) -> Key { Key(stringValue: name.stringValue)! }
        try container.encode(code, forKey: key(.code))
        try container.encode(status, forKey: key(.status))
        try container.encode(locale, forKey: key(.locale))
        try container.encode(variant.id, forKey: key(.variant))
        try container.encode(variant.index, forKey: key(.variantIndex))
        try container.encode(isObserved, forKey: key(.observed))
        try container.encode(values, forKey: key(.args))
        try container.encode(exact, forKey: key(.exact))
        try container.encode(tolerances, forKey: key(.tolerances))
        try container.encode(isCatchAll, forKey: key(.catchAll))
        try container.encode(confidence, forKey: key(.confidence))
        if let missingText { try container.encode(missingText, forKey: key(.missingText)) }
        if let extraText { try container.encode(extraText, forKey: key(.extraText)) }
        if !sameTextVariants.isEmpty { try container.encode(sameTextVariants, forKey: key(.sameTextVariants)) }
        try container.encode(literalBytes, forKey: key(.literalBytes))
        try container.encode(typeScore, forKey: key(.typeScore))
    }
}

extension NearMiss: Codable {
    enum CodingKeys: String, CodingKey {
        case code, locale, variant, variantIndex, pattern, offset, utf8Offset, expected
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let offset = try container.decode(Int.self, forKey: .offset)
        self.init(code: try container.decode(String.self, forKey: .code),
                  locale: try container.decode(String.self, forKey: .locale),
                  variant: VariantID(id: try container.decode(String.self, forKey: .variant),
                                     index: try container.decodeIfPresent(Int.self, forKey: .variantIndex) ?? 0),
                  pattern: try container.decode(String.self, forKey: .pattern),
                  utf8Offset: try container.decodeIfPresent(Int.self, forKey: .utf8Offset) ?? offset,
                  scalarOffset: offset,
                  expected: try container.decode(String.self, forKey: .expected))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(code, forKey: .code)
        try container.encode(locale, forKey: .locale)
        try container.encode(variant.id, forKey: .variant)
        try container.encode(variant.index, forKey: .variantIndex)
        try container.encode(pattern, forKey: .pattern)
        try container.encode(scalarOffset, forKey: .offset)
        try container.encode(utf8Offset, forKey: .utf8Offset)
        try container.encode(expected, forKey: .expected)
    }
}

extension MatchResult: Codable {
    struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
        init(_ name: String) { stringValue = name }
    }

    /// Decodes a result; `nearest` is the decoded report (not recomputed).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyKey.self)
        let matched = try container.decode(Bool.self, forKey: AnyKey("matched"))
        self.init(best: matched ? try Match(from: decoder) : nil,
                  alternatives: try container.decodeIfPresent([Match].self, forKey: AnyKey("alternatives")) ?? [],
                  ambiguous: try container.decodeIfPresent(Bool.self, forKey: AnyKey("ambiguous")) ?? false,
                  nearestQuery: .computed(try container.decodeIfPresent(NearMiss.self, forKey: AnyKey("nearest"))))
    }

    /// Encodes the result; an unmatched result computes `nearest` (see `MatchResult.nearest`).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: AnyKey.self)
        try container.encode(matched, forKey: AnyKey("matched"))
        try container.encode(ambiguous, forKey: AnyKey("ambiguous"))
        if let best {
            try best.encodeFields(into: &container)
            // A free-text-only best match keeps the report of the template the text came closest to.
            if best.isCatchAll, let nearest { try container.encode(nearest, forKey: AnyKey("nearest")) }
        } else {
            try container.encodeNil(forKey: AnyKey("code"))
            try container.encode(Confidence.noMatch, forKey: AnyKey("confidence"))
            if let nearest { try container.encode(nearest, forKey: AnyKey("nearest")) }
        }
        try container.encode(alternatives, forKey: AnyKey("alternatives"))
    }
}
