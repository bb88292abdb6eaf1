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

    /// What the type accepts, in English or German.
    public func accepts(german: Bool) -> String {
        guard german else { return accepts }
        switch self {
        case .string: return "beliebiger Text"
        case .integer: return "eine ganze Zahl wie 1200 oder -5 (nur Ziffern, ohne Tausendertrennzeichen)"
        case .hash: return "ein MD5-, SHA-1- oder SHA-256-Hash: 32, 40 oder 64 Hexadezimalziffern"
        case .ipAddress: return "eine IPv4-Adresse wie 10.0.0.1 oder eine IPv6-Adresse wie 2001:db8::1"
        case .domainName: return "ein Domänenname wie contoso.com (Buchstaben, Ziffern, '-', zwei oder mehr Labels)"
        case .url: return "eine absolute URL wie https://contoso.com/pfad"
        case .guid: return "eine GUID wie 43f4cb08-8fac-4b65-9db1-745c2ae65f3a"
        case .identifier: return "ein Wort ohne Leerzeichen, etwa Machine oder ab12cd34"
        case .version: return "eine Version wie 10.3720.17763.1 (2 bis 4 Zahlen, durch Punkte getrennt)"
        case .list: return "eine durch Kommas getrennte Liste wie Machine.Read.All, Alert.Read.All"
        case .date: return "ein Datum nach ISO 8601 wie 2024-05-01 oder 2024-05-01T12:30:00Z"
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
                return .failure(ValueProblem(type: self, text: text, issue: Self.integerProblem(text)))
            }
            return .success(.integer(value))
        case .list:
            let items = text.split(separator: ",", omittingEmptySubsequences: false)
                .map { String($0).trimmingWhitespace() }
            if items.contains(where: \.isEmpty) {
                return .failure(ValueProblem(type: self, text: text, issue: .emptyListItem))
            }
            return .success(.list(items))
        case .date:
            guard let ms = ISODate.parse(text) else {
                return .failure(ValueProblem(type: self, text: text, issue: .notISODate))
            }
            return .success(.date(millisecondsSince1970: ms))
        default:
            if let issue = problem(text) {
                return .failure(ValueProblem(type: self, text: text, issue: issue))
            }
            return .success(.text(text))
        }
    }

    /// Checks a typed value; `nil` when it is valid for this type.
    public func validate(_ value: Value, rejected: Bool = false) -> ValueProblem? {
        switch (self, value) {
        case (.integer, .integer), (.date, .date): return nil
        case (.list, .list(let items)):
            if items.isEmpty { return ValueProblem(type: self, text: "", issue: .emptyList) }
            if let bad = items.first(where: { $0.isEmpty || $0.utf8.contains(UInt8(ascii: ",")) }) {
                return ValueProblem(type: self, text: bad, issue: .listItemComma)
            }
            return nil
        case (_, .text(let text)) where self != .integer && self != .list && self != .date:
            if rejected { return nil }
            if let issue = problem(text) { return ValueProblem(type: self, text: text, issue: issue) }
            return nil
        default:
            return ValueProblem(type: self, text: value.description, issue: .wrongKind(Self.kindName(value)))
        }
    }

    /// Says in one sentence whether `text` is a valid value of this type, and if not, why, in
    /// English or German (a `de` locale: `de`, `de-AT`, `de_CH`). Used to explain a rejected value
    /// (`Hash value xyz is invalid.`).
    public func explain(_ text: String, locale: String = "en") -> String {
        let german = LocaleTag(locale)?.language == "de"
        switch parse(text) {
        case .success:
            return german ? "'\(text)' ist ein formal gültiger Wert vom Typ \(rawValue)." : "'\(text)' is a well-formed \(rawValue)."
        case .failure(let problem):
            return german
                ? "'\(text)' ist kein gültiger Wert vom Typ \(rawValue): \(problem.issue.text(german: true)). Erwartet: \(accepts(german: true))."
                : "'\(text)' is not a valid \(rawValue): \(problem.reason). Accepted: \(accepts)."
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

    private static func integerProblem(_ text: String) -> ValueIssue {
        if text.isEmpty { return .empty }
        let body = text.first == "-" || text.first == "+" ? text.dropFirst() : Substring(text)
        if !body.isEmpty, body.allSatisfy({ $0.isASCII && $0.isNumber }) { return .integerOverflow }
        if body.contains(",") || body.contains(".") { return .integerGrouping }
        return .notWholeNumber
    }

    /// The reason `text` is not valid for a textual type, or `nil`.
    func problem(_ text: String) -> ValueIssue? {
        switch self {
        case .string:
            return nil
        case .identifier:
            if text.isEmpty { return .empty }
            // ASCII fast path: printable, no space.
            if text.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) { return nil }
            if text.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.value < 0x20 || $0.value == 0x7F }) {
                return .whitespaceOrControl
            }
            return nil
        case .hash:
            if text.isEmpty { return .empty }
            let count = text.utf8.count
            if count == 32 || count == 40 || count == 64, text.utf8.allSatisfy(\.isASCIIHexDigit) { return nil }
            if let bad = text.unicodeScalars.first(where: { !$0.isHexDigit }) {
                return .notHexDigit(String(Character(bad)))
            }
            let digits = text.unicodeScalars.count
            if ![32, 40, 64].contains(digits) { return .hexDigitCount(digits) }
            return nil
        case .guid:
            return GUIDSyntax.isValid(text) ? nil : .notGUID
        case .ipAddress:
            if IPAddressSyntax.isIPv4(text) || IPAddressSyntax.isIPv6(text) { return nil }
            return text.contains(":") ? .invalidIPv6 : .invalidIPv4
        case .domainName:
            return DomainSyntax.problem(text)
        case .url:
            return URLSyntax.problem(text)
        case .version:
            let parts = text.split(separator: ".", omittingEmptySubsequences: false)
            if parts.count < 2 || parts.count > 4 { return .versionPartCount(parts.count) }
            if parts.contains(where: { $0.isEmpty || !$0.utf8.allSatisfy { (0x30...0x39).contains($0) } }) {
                return .versionPartNotNumber
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
    public var issue: ValueIssue

    public init(type: PlaceholderType, text: String, issue: ValueIssue) {
        self.type = type
        self.text = text
        self.issue = issue
    }

    /// The reason in English ("it has 4 hexadecimal digits").
    public var reason: String { issue.text(german: false) }

    public var description: String {
        "'\(text)' is not a valid \(type.rawValue): \(reason); expected \(type.accepts)"
    }
}

/// What exactly is wrong with a value, renderable in English and German.
public enum ValueIssue: Sendable, Hashable {
    case empty
    case whitespaceOrControl
    case notHexDigit(String)
    case hexDigitCount(Int)
    case notGUID
    case invalidIPv4
    case invalidIPv6
    case domainTooLong
    case domainSingleLabel
    case domainEmptyLabel
    case labelTooLong(String)
    case labelHyphen(String)
    case domainCharacter(String)
    case numericTopLabel
    case noScheme
    case badScheme(String)
    case noSlashes
    case noHost
    case versionPartCount(Int)
    case versionPartNotNumber
    case integerOverflow
    case integerGrouping
    case notWholeNumber
    case emptyListItem
    case emptyList
    case listItemComma
    case notISODate
    /// A value of another kind (`integer`, `list` …) where this type needs another.
    case wrongKind(String)

    public func text(german: Bool) -> String {
        switch self {
        case .empty: return german ? "der Wert ist leer" : "it is empty"
        case .whitespaceOrControl: return german ? "er enthält Leer- oder Steuerzeichen" : "it contains whitespace or a control character"
        case .notHexDigit(let c): return german ? "'\(c)' ist keine Hexadezimalziffer" : "'\(c)' is not a hexadecimal digit"
        case .hexDigitCount(let n): return german ? "er hat \(n) Hexadezimalziffern" : "it has \(n) hexadecimal digits"
        case .notGUID: return german ? "er besteht nicht aus 8-4-4-4-12 Hexadezimalziffern" : "it is not 8-4-4-4-12 hexadecimal digits"
        case .invalidIPv4: return german ? "keine gültige IPv4-Adresse (vier Zahlen von 0 bis 255, durch Punkte getrennt)" : "it is not a valid IPv4 address (four numbers 0–255 separated by dots)"
        case .invalidIPv6: return german ? "keine gültige IPv6-Adresse" : "it is not a valid IPv6 address"
        case .domainTooLong: return german ? "er ist länger als 253 Zeichen" : "it is longer than 253 characters"
        case .domainSingleLabel: return german ? "er hat nur ein Label; ein Domänenname hat zwei oder mehr, etwa contoso.com" : "it has a single label; a domain name has two or more, such as contoso.com"
        case .domainEmptyLabel: return german ? "er enthält ein leeres Label (zwei Punkte hintereinander)" : "it has an empty label (two dots in a row)"
        case .labelTooLong(let l): return german ? "das Label '\(l)' ist länger als 63 Zeichen" : "the label '\(l)' is longer than 63 characters"
        case .labelHyphen(let l): return german ? "das Label '\(l)' beginnt oder endet mit '-'" : "the label '\(l)' starts or ends with '-'"
        case .domainCharacter(let c): return german ? "'\(c)' ist in einem Domänennamen nicht erlaubt" : "'\(c)' is not allowed in a domain name"
        case .numericTopLabel: return german ? "das letzte Label ist numerisch (eine IP-Adresse ist kein Domänenname)" : "the last label is numeric (an IP address is not a domain name)"
        case .noScheme: return german ? "es fehlt das Schema (etwa https:)" : "it has no scheme (such as https:)"
        case .badScheme(let s): return german ? "'\(s)' ist kein URL-Schema" : "'\(s)' is not a URL scheme"
        case .noSlashes: return german ? "auf das Schema folgt kein '//'" : "the scheme is not followed by '//'"
        case .noHost: return german ? "es fehlt der Host" : "it has no host"
        case .versionPartCount(let n):
            return german ? "er hat \(n) Teil\(n == 1 ? "" : "e"); eine Version hat 2 bis 4" : "it has \(n) part\(n == 1 ? "" : "s"); a version has 2 to 4"
        case .versionPartNotNumber: return german ? "jeder Teil muss eine ganze Zahl sein" : "each part must be a whole number"
        case .integerOverflow: return german ? "die Zahl passt nicht in 64 Bit" : "it does not fit in 64 bits"
        case .integerGrouping: return german ? "ohne Tausendertrennzeichen und Nachkommastellen schreiben" : "write it without grouping separators or decimals"
        case .notWholeNumber: return german ? "keine ganze Zahl" : "it is not a whole number"
        case .emptyListItem: return german ? "ein Eintrag der Liste ist leer" : "an item of the list is empty"
        case .emptyList: return german ? "die Liste ist leer" : "the list is empty"
        case .listItemComma: return german ? "ein Listeneintrag muss nichtleer sein und darf kein Komma enthalten" : "a list item must be non-empty and contain no comma"
        case .notISODate: return german ? "kein Datum nach ISO 8601" : "not an ISO 8601 date"
        case .wrongKind(let kind): return german ? "ein Wert der Art \(kind) passt nicht" : "a \(kind) value does not fit"
        }
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
    /// Empty or only whitespace (stops at the first other character: no copy).
    var isBlank: Bool {
        !unicodeScalars.contains { !$0.properties.isWhitespace }
    }

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
            guard !part.isEmpty, part.utf8.count <= 3, part.utf8.allSatisfy({ (0x30...0x39).contains($0) }),
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
    static func problem(_ text: String) -> ValueIssue? {
        if text.isEmpty { return .empty }
        var name = Substring(text)
        if name.hasSuffix(".") { name = name.dropLast() }
        if name.utf8.count > 253 { return .domainTooLong }
        let labels = name.split(separator: ".", omittingEmptySubsequences: false)
        if labels.count < 2 { return .domainSingleLabel }
        for label in labels {
            if label.isEmpty { return .domainEmptyLabel }
            if label.utf8.count > 63 { return .labelTooLong(String(label)) }
            if label.first == "-" || label.last == "-" { return .labelHyphen(String(label)) }
            if let bad = label.first(where: { !($0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_")) }) {
                return .domainCharacter(String(bad))
            }
        }
        if labels.last!.allSatisfy({ $0.isNumber }) { return .numericTopLabel }
        return nil
    }
}

enum URLSyntax {
    static func problem(_ text: String) -> ValueIssue? {
        if text.isEmpty { return .empty }
        if text.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.value < 0x20 }) {
            return .whitespaceOrControl
        }
        guard let colon = text.firstIndex(of: ":") else { return .noScheme }
        let scheme = text[..<colon]
        guard let first = scheme.first, first.isASCII, first.isLetter,
              scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }) else {
            return .badScheme(String(scheme))
        }
        let rest = text[text.index(after: colon)...]
        guard rest.hasPrefix("//") else { return .noSlashes }
        let authority = rest.dropFirst(2).prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        let host = authority.split(separator: "@").last.map { hostPart -> Substring in
            if hostPart.hasPrefix("[") { return hostPart }
            return hostPart.split(separator: ":", maxSplits: 1).first ?? ""
        } ?? ""
        if host.isEmpty { return .noHost }
        return nil
    }
}
