/// The closed set of placeholder types a catalog may declare.
///
/// A type says three things: which values are valid (`validate`), how a value is typed in on a
/// command line (`parse`), and what a reverse parser may expect inside a message (see
/// `MessageMatching`). A placeholder declared `rejected` holds what a server *refused*: any text is
/// accepted there, and the type only serves to explain (`explain`) why the value was refused.
public enum PlaceholderType: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// Free text.
    case string
    /// A whole number (Int64), rendered with the locale's digit grouping.
    case integer
    /// An MD5, SHA-1 or SHA-256 hash: 32, 40 or 64 hexadecimal digits.
    case hash
    /// An IPv4 (dotted quad) or IPv6 address.
    case ipAddress
    /// A DNS domain name of two or more labels.
    case domainName
    /// An absolute URL with a scheme and a host.
    case url
    /// A GUID: 8-4-4-4-12 hexadecimal digits, optionally in braces.
    case guid
    /// One token without whitespace: an entity type, a machine ID, a parameter name.
    case identifier
    /// A dotted version number: 2 to 4 whole numbers, e.g. 10.3720.17763.1.
    case version
    /// A comma-separated list of items, rendered as "a, b, c".
    case list
    /// A date and time (ISO 8601 on input), rendered through ICU.
    case date

    public var description: String { rawValue }

    /// One line on what the type accepts, for error messages and `errcat list`.
    public var accepts: String {
        switch self {
        case .string: return "any text"
        case .integer: return "a whole number such as 1200 or -5 (digits only, no grouping)"
        case .hash: return "an MD5, SHA-1 or SHA-256 hash: 32, 40 or 64 hexadecimal digits"
        case .ipAddress: return "an IPv4 address such as 10.0.0.1 or an IPv6 address such as 2001:db8::1"
        case .domainName: return "a domain name such as contoso.com (letters, digits, '-', two or more labels)"
        case .url: return "an absolute URL such as https://contoso.com/path"
        case .guid: return "a GUID such as 43f4cb08-8fac-4b65-9db1-745c2ae65f3a"
        case .identifier: return "one word without spaces, such as Machine or ab12cd34"
        case .version: return "a version such as 10.3720.17763.1 (2 to 4 numbers separated by dots)"
        case .list: return "a comma-separated list such as Machine.Read.All, Alert.Read.All"
        case .date: return "an ISO 8601 date such as 2024-05-01 or 2024-05-01T12:30:00Z"
        }
    }

    /// Whether ICU number, plural and selectordinal arguments may use a placeholder of this type.
    public var isNumeric: Bool { self == .integer }

    /// Reads a value as a person or a script types it (`received=1200`, `hash=ab12…`).
    /// For a `rejected` placeholder any text is accepted as `.text`.
    public func parse(_ text: String, rejected: Bool = false) -> Result<Value, ValueProblem> {
        if rejected { return .success(.text(text)) }
        switch self {
        case .integer:
            guard let value = Int64(text) else {
                return .failure(ValueProblem(type: self, text: text, reason: Self.integerProblem(text)))
            }
            return .success(.integer(value))
        case .list:
            let items = text.split(separator: ",", omittingEmptySubsequences: false)
                .map { String($0).trimmingWhitespace() }
            if items.contains(where: \.isEmpty) {
                return .failure(ValueProblem(type: self, text: text, reason: "an item of the list is empty"))
            }
            return .success(.list(items))
        case .date:
            guard let ms = ISODate.parse(text) else {
                return .failure(ValueProblem(type: self, text: text, reason: "not an ISO 8601 date"))
            }
            return .success(.date(millisecondsSince1970: ms))
        default:
            if let reason = problem(text) {
                return .failure(ValueProblem(type: self, text: text, reason: reason))
            }
            return .success(.text(text))
        }
    }

    /// Checks a typed value; `nil` when it is valid for this type.
    public func validate(_ value: Value, rejected: Bool = false) -> ValueProblem? {
        switch (self, value) {
        case (.integer, .integer), (.date, .date): return nil
        case (.list, .list(let items)):
            if items.isEmpty { return ValueProblem(type: self, text: "", reason: "the list is empty") }
            if let bad = items.first(where: { $0.isEmpty || $0.contains(",") }) {
                return ValueProblem(type: self, text: bad, reason: "a list item must be non-empty and contain no comma")
            }
            return nil
        case (_, .text(let text)) where self != .integer && self != .list && self != .date:
            if rejected { return nil }
            if let reason = problem(text) { return ValueProblem(type: self, text: text, reason: reason) }
            return nil
        default:
            return ValueProblem(type: self, text: value.description, reason: "a \(Self.kindName(value)) value is not a \(rawValue)")
        }
    }

    /// Says in one sentence whether `text` is a valid value of this type, and if not, why.
    /// Used to explain a rejected value (`Hash value xyz is invalid.`).
    public func explain(_ text: String) -> String {
        switch parse(text) {
        case .success: return "'\(text)' is a well-formed \(rawValue)."
        case .failure(let problem): return "'\(text)' is not a valid \(rawValue): \(problem.reason). Accepted: \(accepts)."
        }
    }

    private static func kindName(_ value: Value) -> String {
        switch value {
        case .text: return "text"
        case .integer: return "integer"
        case .number: return "number"
        case .date: return "date"
        case .list: return "list"
        }
    }

    private static func integerProblem(_ text: String) -> String {
        if text.isEmpty { return "it is empty" }
        let body = text.first == "-" || text.first == "+" ? text.dropFirst() : Substring(text)
        if !body.isEmpty, body.allSatisfy({ $0.isASCII && $0.isNumber }) { return "it does not fit in 64 bits" }
        if body.contains(",") || body.contains(".") { return "write it without grouping separators or decimals" }
        return "it is not a whole number"
    }

    /// The reason `text` is not valid for a textual type, or `nil`.
    func problem(_ text: String) -> String? {
        switch self {
        case .string:
            return nil
        case .identifier:
            if text.isEmpty { return "it is empty" }
            // ASCII fast path: printable, no space.
            if text.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) { return nil }
            if text.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.value < 0x20 || $0.value == 0x7F }) {
                return "it contains whitespace or a control character"
            }
            return nil
        case .hash:
            if text.isEmpty { return "it is empty" }
            let count = text.utf8.count
            if count == 32 || count == 40 || count == 64, text.utf8.allSatisfy(\.isASCIIHexDigit) { return nil }
            if let bad = text.unicodeScalars.first(where: { !$0.isHexDigit }) {
                return "'\(Character(bad))' is not a hexadecimal digit"
            }
            let digits = text.unicodeScalars.count
            if ![32, 40, 64].contains(digits) { return "it has \(digits) hexadecimal digits" }
            return nil
        case .guid:
            return GUIDSyntax.isValid(text) ? nil : "it is not 8-4-4-4-12 hexadecimal digits"
        case .ipAddress:
            if IPAddressSyntax.isIPv4(text) || IPAddressSyntax.isIPv6(text) { return nil }
            return text.contains(":") ? "it is not a valid IPv6 address" : "it is not a valid IPv4 address (four numbers 0–255 separated by dots)"
        case .domainName:
            return DomainSyntax.problem(text)
        case .url:
            return URLSyntax.problem(text)
        case .version:
            let parts = text.split(separator: ".", omittingEmptySubsequences: false)
            if parts.count < 2 || parts.count > 4 { return "it has \(parts.count) part\(parts.count == 1 ? "" : "s"); a version has 2 to 4" }
            if parts.contains(where: { $0.isEmpty || !$0.allSatisfy { $0.isASCII && $0.isNumber } }) {
                return "each part must be a whole number"
            }
            return nil
        case .integer, .list, .date:
            return nil
        }
    }
}

/// Why a value is not accepted for a placeholder type.
public struct ValueProblem: Error, Sendable, Hashable, CustomStringConvertible {
    public var type: PlaceholderType
    public var text: String
    public var reason: String
    public var description: String {
        "'\(text)' is not a valid \(type.rawValue): \(reason); expected \(type.accepts)"
    }
}

extension Unicode.Scalar {
    var isHexDigit: Bool {
        switch value {
        case 0x30...0x39, 0x41...0x46, 0x61...0x66: return true
        default: return false
        }
    }
}

extension String {
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[first...last])
    }
}

enum GUIDSyntax {
    static func isValid(_ text: String) -> Bool {
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "{" && scalars.last == "}" && scalars.count == 38 { scalars = Array(scalars[1..<37]) }
        guard scalars.count == 36 else { return false }
        for (index, scalar) in scalars.enumerated() {
            if [8, 13, 18, 23].contains(index) {
                if scalar != "-" { return false }
            } else if !scalar.isHexDigit {
                return false
            }
        }
        return true
    }
}

enum IPAddressSyntax {
    static func isIPv4(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return false }
        for part in parts {
            guard !part.isEmpty, part.count <= 3, part.allSatisfy({ $0.isASCII && $0.isNumber }),
                  let value = Int(part), value <= 255 else { return false }
            if part.count > 1 && part.first == "0" { return false }
        }
        return true
    }

    static func isIPv6(_ text: String) -> Bool {
        var bytes = Array(text.utf8)
        if let percent = bytes.firstIndex(of: UInt8(ascii: "%")) {
            // A zone index (fe80::1%eth0): one token after '%'.
            let zone = bytes[(percent + 1)...]
            if zone.isEmpty || zone.contains(where: { $0 <= 0x20 }) { return false }
            bytes = Array(bytes[..<percent])
        }
        // Split at "::" (at most one).
        var doubleColon: Int?
        var index = 0
        while index + 1 < bytes.count {
            if bytes[index] == UInt8(ascii: ":") && bytes[index + 1] == UInt8(ascii: ":") {
                if doubleColon != nil { return false }
                doubleColon = index
                index += 2
                continue
            }
            index += 1
        }
        func groups(_ side: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
            side.isEmpty ? [] : side.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false)
        }
        var all: [ArraySlice<UInt8>]
        if let doubleColon {
            all = groups(bytes[..<doubleColon]) + groups(bytes[(doubleColon + 2)...])
        } else {
            all = groups(bytes[...])
        }
        var hasEmbeddedV4 = false
        if let last = all.last, last.contains(UInt8(ascii: ".")) {
            guard isIPv4(String(decoding: last, as: UTF8.self)) else { return false }
            hasEmbeddedV4 = true
            all.removeLast()
        }
        let groupLimit = hasEmbeddedV4 ? 6 : 8
        for group in all {
            guard !group.isEmpty, group.count <= 4, group.allSatisfy(\.isASCIIHexDigit) else { return false }
        }
        return doubleColon != nil ? all.count < groupLimit : all.count == groupLimit
    }
}

extension UInt8 {
    var isASCIIHexDigit: Bool {
        (0x30...0x39).contains(self) || (0x41...0x46).contains(self) || (0x61...0x66).contains(self)
    }
}

enum DomainSyntax {
    static func problem(_ text: String) -> String? {
        if text.isEmpty { return "it is empty" }
        var name = Substring(text)
        if name.hasSuffix(".") { name = name.dropLast() }
        if name.utf8.count > 253 { return "it is longer than 253 characters" }
        let labels = name.split(separator: ".", omittingEmptySubsequences: false)
        if labels.count < 2 { return "it has a single label; a domain name has two or more, such as contoso.com" }
        for label in labels {
            if label.isEmpty { return "it has an empty label (two dots in a row)" }
            if label.utf8.count > 63 { return "the label '\(label)' is longer than 63 characters" }
            if label.first == "-" || label.last == "-" { return "the label '\(label)' starts or ends with '-'" }
            if let bad = label.first(where: { !($0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_")) }) {
                return "'\(bad)' is not allowed in a domain name"
            }
        }
        if labels.last!.allSatisfy({ $0.isNumber }) { return "the last label is numeric (an IP address is not a domain name)" }
        return nil
    }
}

enum URLSyntax {
    static func problem(_ text: String) -> String? {
        if text.isEmpty { return "it is empty" }
        if text.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.value < 0x20 }) {
            return "it contains whitespace or a control character"
        }
        guard let colon = text.firstIndex(of: ":") else { return "it has no scheme (such as https:)" }
        let scheme = text[..<colon]
        guard let first = scheme.first, first.isASCII, first.isLetter,
              scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }) else {
            return "'\(scheme)' is not a URL scheme"
        }
        let rest = text[text.index(after: colon)...]
        guard rest.hasPrefix("//") else { return "the scheme is not followed by '//'" }
        let authority = rest.dropFirst(2).prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        let host = authority.split(separator: "@").last.map { hostPart -> Substring in
            if hostPart.hasPrefix("[") { return hostPart }
            return hostPart.split(separator: ":", maxSplits: 1).first ?? ""
        } ?? ""
        if host.isEmpty { return "it has no host" }
        return nil
    }
}
