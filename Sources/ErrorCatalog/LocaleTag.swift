/// A locale tag, parsed once: BCP 47 (`de-CH`, `zh-Hant-TW`, `de-DE-u-co-phonebk`) or a POSIX
/// locale name (`de_CH`, `de_CH.UTF-8`, `de_CH.UTF-8@euro`), in canonical case (`de-CH`).
///
/// The one place the package parses locale tags: negotiation, the formatter, the matcher's number
/// symbols, the review's PO headers and the command line all go through it.
///
/// ```swift
/// let tag = try LocaleTag(parsing: "de_ch.UTF-8")
/// tag.identifier        // "de-CH"
/// tag.language          // "de"
/// tag.region            // "CH"
/// tag.fallbackChain     // [de-CH, de]
/// ```
public struct LocaleTag: Sendable, Hashable, CustomStringConvertible {
    /// The language subtag, lowercase (`de`), with extended language subtags if any (`zh-yue`).
    public let language: String
    /// The script subtag, title case (`Hant`), if any.
    public let script: String?
    /// The region subtag, uppercase (`CH`) or three digits (`419`), if any.
    public let region: String?
    /// Variant subtags, lowercase (`1996`, `posix`).
    public let variants: [String]
    /// Extensions and private use, lowercase, each with its singleton (`u-co-phonebk`, `x-test`).
    public let extensions: [String]

    /// The canonical tag: `de-CH`, `zh-Hant-TW`.
    public var identifier: String {
        var parts = [language]
        if let script { parts.append(script) }
        if let region { parts.append(region) }
        parts += variants
        parts += extensions
        return parts.joined(separator: "-")
    }

    public var description: String { identifier }

    /// Parses `text` (surrounding whitespace ignored); throws saying which subtag is wrong.
    public init(parsing text: String) throws(LocaleTagError) {
        var body = Substring(text.trimmingWhitespace())
        // POSIX: language_REGION.charset@modifier — the charset and modifier say nothing about the language.
        if let cut = body.firstIndex(where: { $0 == "." || $0 == "@" }) { body = body[..<cut] }
        guard !body.isEmpty else { throw LocaleTagError(input: text, reason: .empty) }
        let subtags = body.split(omittingEmptySubsequences: false) { $0 == "-" || $0 == "_" }
        var position = 0
        func fail(_ reason: LocaleTagError.Reason) -> LocaleTagError {
            LocaleTagError(input: text, reason: reason, subtagIndex: position)
        }
        for (index, subtag) in subtags.enumerated() {
            position = index
            if subtag.isEmpty { throw fail(.emptySubtag) }
            if subtag.count > 8 { throw fail(.subtagTooLong(String(subtag))) }
            if !subtag.utf8.allSatisfy(Self.isAlphanumeric) { throw fail(.notAlphanumeric(String(subtag))) }
        }
        let first = subtags[0]
        position = 0
        guard first.count >= 2, first.utf8.allSatisfy(Self.isLetter) else { throw fail(.badLanguage(String(first))) }
        var language = first.lowercased()
        var index = 1
        // Extended language subtags (RFC 5646 2.2.2): up to three of three letters after a short language.
        var extlangs = 0
        while first.count <= 3, extlangs < 3, index < subtags.count, subtags[index].count == 3,
              subtags[index].utf8.allSatisfy(Self.isLetter) {
            language += "-" + subtags[index].lowercased()
            index += 1
            extlangs += 1
        }
        var script: String?
        if index < subtags.count, subtags[index].count == 4, subtags[index].utf8.allSatisfy(Self.isLetter) {
            script = subtags[index].prefix(1).uppercased() + subtags[index].dropFirst().lowercased()
            index += 1
        }
        var region: String?
        if index < subtags.count {
            let s = subtags[index]
            if (s.count == 2 && s.utf8.allSatisfy(Self.isLetter)) || (s.count == 3 && s.utf8.allSatisfy(Self.isDigit)) {
                region = s.uppercased()
                index += 1
            }
        }
        var variants: [String] = []
        while index < subtags.count {
            let s = subtags[index]
            guard (5...8).contains(s.count) || (s.count == 4 && Self.isDigit(s.utf8.first!)) else { break }
            variants.append(s.lowercased())
            index += 1
        }
        var extensions: [String] = []
        while index < subtags.count {
            position = index
            let singleton = subtags[index]
            guard singleton.count == 1 else { throw fail(.misplaced(String(singleton))) }
            let isPrivate = singleton.lowercased() == "x"
            var parts = [singleton.lowercased()]
            index += 1
            while index < subtags.count, subtags[index].count > 1 || isPrivate {
                if !isPrivate && subtags[index].count < 2 { break }
                parts.append(subtags[index].lowercased())
                index += 1
            }
            guard parts.count > 1 else { throw fail(.emptyExtension(String(singleton))) }
            extensions.append(parts.joined(separator: "-"))
            if isPrivate { break }
        }
        position = index
        if index < subtags.count { throw fail(.misplaced(String(subtags[index]))) }
        self.language = language
        self.script = script
        self.region = region
        self.variants = variants
        self.extensions = extensions
    }

    /// `nil` when `text` is not a well-formed tag.
    public init?(_ text: String) {
        guard let tag = try? LocaleTag(parsing: text) else { return nil }
        self = tag
    }

    private init(language: String, script: String?, region: String?, variants: [String], extensions: [String]) {
        self.language = language
        self.script = script
        self.region = region
        self.variants = variants
        self.extensions = extensions
    }

    /// The next more general tag: extensions go first, then variants (last first), region,
    /// script, extended language. `nil` for a bare language.
    public var parent: LocaleTag? {
        if !extensions.isEmpty { return LocaleTag(language: language, script: script, region: region, variants: variants, extensions: []) }
        if !variants.isEmpty { return LocaleTag(language: language, script: script, region: region, variants: Array(variants.dropLast()), extensions: []) }
        if region != nil { return LocaleTag(language: language, script: script, region: nil, variants: [], extensions: []) }
        if script != nil { return LocaleTag(language: language, script: nil, region: nil, variants: [], extensions: []) }
        if let dash = language.lastIndex(of: "-") {
            return LocaleTag(language: String(language[..<dash]), script: nil, region: nil, variants: [], extensions: [])
        }
        return nil
    }

    /// This tag and its parents: `de-AT` → [`de-AT`, `de`].
    public var fallbackChain: [LocaleTag] {
        var chain = [self]
        while let next = chain.last!.parent { chain.append(next) }
        return chain
    }

    /// Whether both tags name the same language (`de-AT` and `de-CH`).
    public func sharesLanguage(with other: LocaleTag) -> Bool { language == other.language }

    /// Whether both tags belong to one locale family: the same language, and no script that tells
    /// them apart (`de`, `de-DE` and `de-AT` are one family; `zh-Hant` and `zh-Hans` are not). A
    /// catalog file of one member serves requests for the others.
    public func isSameFamily(as other: LocaleTag) -> Bool {
        language == other.language && (script == nil || other.script == nil || script == other.script)
    }

    /// The primary language subtag only (`zh` of `zh-yue`).
    public var primaryLanguage: Substring { language.prefix { $0 != "-" } }

    // MARK: Accept-Language

    /// One range of an `Accept-Language` header: a tag, or `*` (`tag == nil`), with its quality.
    public struct LanguageRange: Sendable, Hashable, CustomStringConvertible {
        /// `nil` for the wildcard `*`.
        public let tag: LocaleTag?
        public let quality: Double
        public var description: String { (tag?.identifier ?? "*") + (quality == 1 ? "" : ";q=\(quality)") }
    }

    /// The ranges of an `Accept-Language` header (`fr-CH, de;q=0.8, *;q=0.1`) or of a single tag,
    /// by descending quality (stable for equal quality); `q=0` ranges are dropped, as are empty
    /// items. Throws when an item is not a tag or a quality is not a number from 0 to 1.
    public static func acceptLanguage(_ header: String) throws(LocaleTagError) -> [LanguageRange] {
        var ranges: [(range: LanguageRange, order: Int)] = []
        for (order, item) in header.split(separator: ",").enumerated() {
            let fields = item.split(separator: ";").map { String($0).trimmingWhitespace() }
            guard let text = fields.first, !text.isEmpty else { continue }
            let tag: LocaleTag? = text == "*" ? nil : try LocaleTag(parsing: text)
            var quality = 1.0
            for field in fields.dropFirst() {
                let pair = field.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map { String($0).trimmingWhitespace() }
                guard pair.count == 2, pair[0].lowercased() == "q" else { continue }
                guard let value = Self.quality(pair[1]) else {
                    throw LocaleTagError(input: header, reason: .badQuality(pair[1]))
                }
                quality = value
            }
            if quality > 0 { ranges.append((LanguageRange(tag: tag, quality: quality), order)) }
        }
        return ranges.sorted { $0.range.quality > $1.range.quality || ($0.range.quality == $1.range.quality && $0.order < $1.order) }
            .map(\.range)
    }

    /// A quality value: decimal digits with at most one point, from 0 to 1 (`0.8`, `1`, `.5`).
    private static func quality(_ text: String) -> Double? {
        let points = text.utf8.filter { $0 == UInt8(ascii: ".") }.count
        guard points <= 1, text.utf8.contains(where: isDigit), text.utf8.allSatisfy({ isDigit($0) || $0 == UInt8(ascii: ".") }),
              let value = Double(text), (0...1).contains(value) else { return nil }
        return value
    }

    // MARK: String conveniences (each parses through the type)

    /// Canonical case (`de_at` → `de-AT`); text that is not a tag comes back trimmed, unchanged.
    public static func canonical(_ tag: String) -> String {
        LocaleTag(tag)?.identifier ?? tag.trimmingWhitespace()
    }

    /// Whether `tag` is a well-formed BCP 47 tag or POSIX locale name.
    public static func isWellFormed(_ tag: String) -> Bool {
        LocaleTag(tag) != nil
    }

    /// `de-AT` → [`de-AT`, `de`]; empty when `tag` is not a tag.
    public static func fallbackChain(_ tag: String) -> [String] {
        LocaleTag(tag)?.fallbackChain.map(\.identifier) ?? []
    }

    /// Whether two texts name the same locale (`de_de` and `de-DE`); texts that are not tags are
    /// compared as they are.
    public static func same(_ a: String, _ b: String) -> Bool {
        guard let x = LocaleTag(a), let y = LocaleTag(b) else { return a == b }
        return x == y
    }

    /// The language (`de` of `de_CH.UTF-8`); empty when `tag` is not a tag.
    public static func language(_ tag: String) -> String {
        LocaleTag(tag)?.language ?? ""
    }

    private static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
    private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    private static func isAlphanumeric(_ b: UInt8) -> Bool { isLetter(b) || isDigit(b) }
}

/// Why a text is not a locale tag, with the subtag at fault.
public struct LocaleTagError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Reason: Sendable, Hashable {
        case empty
        case emptySubtag
        case subtagTooLong(String)
        case notAlphanumeric(String)
        case badLanguage(String)
        case misplaced(String)
        case emptyExtension(String)
        case badQuality(String)
    }

    /// The text as given.
    public var input: String
    public var reason: Reason
    /// Index of the offending subtag (0 = the language), when the reason is about one.
    public var subtagIndex: Int?

    public init(input: String, reason: Reason, subtagIndex: Int? = nil) {
        self.input = input
        self.reason = reason
        self.subtagIndex = subtagIndex
    }

    /// What is wrong, as a clause: "subtag 2 is empty (two separators in a row, or one at an end)".
    public var detail: String {
        switch reason {
        case .empty: return "it is empty"
        case .emptySubtag: return "subtag \((subtagIndex ?? 0) + 1) is empty (two separators in a row, or one at an end)"
        case .subtagTooLong(let s): return "subtag '\(Self.visible(s))' is longer than 8 characters"
        case .notAlphanumeric(let s): return "subtag '\(Self.visible(s))' has characters other than ASCII letters and digits"
        case .badLanguage(let s): return "the language '\(Self.visible(s))' must be 2 to 8 ASCII letters"
        case .misplaced(let s): return "'\(Self.visible(s))' is not a script (4 letters), region (2 letters or 3 digits), variant (5–8 characters) or extension here"
        case .emptyExtension(let s): return "the extension '\(Self.visible(s))' has no subtags after it"
        case .badQuality(let q): return "the quality 'q=\(Self.visible(q))' is not a number from 0 to 1"
        }
    }

    public var description: String {
        if case .badQuality = reason { return "'\(Self.visible(input))' is not an Accept-Language header: \(detail)" }
        return "'\(Self.visible(input))' is not a locale tag: \(detail); expected a BCP 47 tag such as de, de-AT or zh-Hant-TW, or a POSIX name such as de_CH.UTF-8"
    }

    /// Controls and bidi marks escaped, so a hostile tag cannot rewrite the terminal it is shown on.
    static func visible(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars.prefix(32) {
            let v = scalar.value
            if v < 0x20 || (0x7F...0x9F).contains(v) || (0x200B...0x200F).contains(v) || (0x202A...0x202E).contains(v)
                || (0x2066...0x2069).contains(v) || v == 0x2028 || v == 0x2029 || v == 0xFEFF {
                out += "\\u{" + String(v, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return text.unicodeScalars.count > 32 ? out + "…" : out
    }
}
