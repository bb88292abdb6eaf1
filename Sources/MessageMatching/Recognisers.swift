import ErrorCatalog

/// How a slot reads its value from the normalised message bytes (ASCII letters lower-cased,
/// whitespace runs as one space, curly apostrophes as `'`).
///
/// Every kind is a byte class the slot loops over plus a cheap check when the slot ends. Bounded
/// kinds (hash, GUID, address, version, integer) also have a maximum length, so the work per slot
/// end is constant. The full type check on the original text runs once per accepted match.
enum SlotKind: Hashable, Sendable {
    /// Any text (string, list, date, and every `rejected` placeholder).
    case any
    /// One token without spaces (identifier).
    case token
    /// Hexadecimal digits (hash): 32, 40 or 64 of them.
    case hex
    case guid
    case ip
    case version
    /// Digits with the locale's ASCII grouping separator (`,` en, `.` de, `'` de-CH), optional `-`.
    case integer(separator: UInt8)
    case domain
    case url

    var maxLength: Int {
        switch self {
        case .hex: return 64
        case .guid: return 38
        case .ip: return 64
        case .version: return 64
        case .integer: return 40
        case .any, .token, .domain, .url: return Int.max
        }
    }

    @inline(__always)
    func accepts(_ b: UInt8) -> Bool {
        switch self {
        case .any: return true
        case .token, .url: return b != 0x20
        case .hex: return (b >= 0x30 && b <= 0x39) || (b >= 0x61 && b <= 0x66)
        case .guid: return (b >= 0x30 && b <= 0x39) || (b >= 0x61 && b <= 0x66) || b == 0x2D || b == 0x7B || b == 0x7D
        case .ip: return (b >= 0x30 && b <= 0x39) || (b >= 0x61 && b <= 0x7A) || b == 0x2E || b == 0x3A || b == 0x25
        case .version: return (b >= 0x30 && b <= 0x39) || b == 0x2E
        case .integer(let separator): return (b >= 0x30 && b <= 0x39) || b == separator || b == 0x2D
        case .domain: return (b >= 0x30 && b <= 0x39) || (b >= 0x61 && b <= 0x7A) || b == 0x2D || b == 0x5F || b == 0x2E
        }
    }

    /// The quick check when the slot ends (bytes are normalised, non-empty).
    @inline(__always)
    func quickCheck(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        switch self {
        case .any, .token, .domain, .url: return true
        case .hex: return bytes.count == 32 || bytes.count == 40 || bytes.count == 64
        case .guid: return Recognisers.isGUID(bytes)
        case .ip:
            if bytes.contains(0x3A) { return true } // IPv6: checked in full on acceptance
            return Recognisers.isIPv4(bytes)
        case .version: return Recognisers.isVersion(bytes)
        case .integer(let separator): return Recognisers.parseInteger(bytes, separator: separator) != nil
        }
    }

    /// Specificity for ranking: the tighter the type, the more a match on it says.
    var specificity: Int {
        switch self {
        case .any: return 0
        case .token: return 1
        case .url, .domain: return 2
        case .ip, .version, .integer: return 3
        case .hex, .guid: return 4
        }
    }

    var describedAs: String {
        switch self {
        case .any: return "text"
        case .token: return "a word without spaces"
        case .hex: return "a hash (32, 40 or 64 hex digits)"
        case .guid: return "a GUID"
        case .ip: return "an IP address"
        case .version: return "a version number"
        case .integer: return "a whole number"
        case .domain: return "a domain name"
        case .url: return "a URL"
        }
    }

    /// Kind for a placeholder of `type` in a template of a locale whose integers group with
    /// `grouping` (see `Recognisers.groupingByte`).
    static func forType(_ type: PlaceholderType, rejected: Bool, grouping: UInt8) -> SlotKind {
        if rejected { return .any }
        switch type {
        case .string, .list, .date: return .any
        case .identifier: return .token
        case .hash: return .hex
        case .guid: return .guid
        case .ipAddress: return .ip
        case .version: return .version
        case .integer: return .integer(separator: grouping)
        case .domainName: return .domain
        case .url: return .url
        }
    }
}

enum Recognisers {
    /// The byte the integer recogniser accepts between digit groups in a locale with `symbols`
    /// (from ICU, or the built-in table that a test holds equal to ICU): the separator itself
    /// when it is one ASCII byte (`,` en, `.` de); `'` for ’ or ‘ (de-CH), which the normaliser
    /// folds to `'` before slots are read; 0 — ungrouped integers only — for a locale without
    /// grouping or with another non-ASCII separator (U+202F fr, U+00A0 de-AT).
    static func groupingByte(_ symbols: NumberSymbols) -> UInt8 {
        guard symbols.groupingUsed else { return 0 }
        let utf8 = Array(symbols.groupingSeparator.utf8)
        if utf8.count == 1, utf8[0] > 0x20, utf8[0] < 0x7F, !(0x30...0x39).contains(utf8[0]), utf8[0] != 0x2D { return utf8[0] }
        if symbols.groupingSeparator == "\u{2019}" || symbols.groupingSeparator == "\u{2018}" { return 0x27 }
        return 0
    }

    /// Reads an integer written with `separator` grouping (groups of three after the first) or with
    /// no grouping at all. `nil` if malformed or out of 64-bit range.
    static func parseInteger(_ bytes: UnsafeBufferPointer<UInt8>, separator: UInt8) -> Int64? {
        var i = 0
        let n = bytes.count
        var negative = false
        if n > 0 && bytes[0] == 0x2D { negative = true; i = 1 }
        guard i < n else { return nil }
        var value: Int64 = 0
        var groupLength = 0
        var sawSeparator = false
        var firstGroup = true
        while i < n {
            let b = bytes[i]
            if b >= 0x30 && b <= 0x39 {
                let digit = Int64(b - 0x30)
                let (m, o1) = value.multipliedReportingOverflow(by: 10)
                let (s, o2) = negative ? m.subtractingReportingOverflow(digit) : m.addingReportingOverflow(digit)
                if o1 || o2 { return nil }
                value = s
                groupLength += 1
            } else if b == separator && separator != 0 {
                if groupLength == 0 { return nil }
                if firstGroup { if groupLength > 3 { return nil } } else if groupLength != 3 { return nil }
                firstGroup = false
                sawSeparator = true
                groupLength = 0
            } else {
                return nil
            }
            i += 1
        }
        if groupLength == 0 { return nil }
        if sawSeparator && groupLength != 3 { return nil }
        return value
    }

    static func isGUID(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var start = 0, end = bytes.count
        if end == 38 {
            guard bytes[0] == 0x7B, bytes[37] == 0x7D else { return false }
            start = 1; end = 37
        }
        guard end - start == 36 else { return false }
        for k in start..<end {
            let b = bytes[k]
            let offset = k - start
            if offset == 8 || offset == 13 || offset == 18 || offset == 23 {
                if b != 0x2D { return false }
            } else if !((b >= 0x30 && b <= 0x39) || (b >= 0x61 && b <= 0x66)) {
                return false
            }
        }
        return true
    }

    static func isIPv4(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var parts = 0, digits = 0, value = 0, leadingZero = false
        for b in bytes {
            if b == 0x2E {
                if digits == 0 { return false }
                parts += 1
                digits = 0; value = 0; leadingZero = false
            } else if b >= 0x30 && b <= 0x39 {
                if digits == 1 && leadingZero { return false }
                if digits == 0 && b == 0x30 { leadingZero = true }
                digits += 1
                value = value * 10 + Int(b - 0x30)
                if digits > 3 || value > 255 { return false }
            } else {
                return false
            }
        }
        return digits > 0 && parts == 3
    }

    /// `IPAddressSyntax.isIPv6` of ErrorCatalog on bytes, without allocating: groups of 1–4 hex
    /// digits, at most one "::", an optional embedded IPv4 last group and an optional %zone.
    static func isIPv6(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var end = bytes.count
        if let percent = bytes.firstIndex(of: 0x25) {
            // A zone index (fe80::1%eth0): one token after '%'.
            if percent + 1 == bytes.count { return false }
            for k in (percent + 1)..<bytes.count where bytes[k] <= 0x20 { return false }
            end = percent
        }
        var doubleColon = -1
        var index = 0
        while index + 1 < end {
            if bytes[index] == 0x3A && bytes[index + 1] == 0x3A {
                if doubleColon >= 0 { return false }
                doubleColon = index
                index += 2
                continue
            }
            index += 1
        }
        var count = 0
        var pendingStart = -1, pendingEnd = -1
        func hexGroup(_ s: Int, _ e: Int) -> Bool {
            guard e > s, e - s <= 4 else { return false }
            for k in s..<e where !isHex(bytes[k]) { return false }
            return true
        }
        // Every group but the last must be hex; the last may be an embedded IPv4 address.
        func side(_ from: Int, _ to: Int) -> Bool {
            if from == to { return true }
            var s = from
            for k in from...to where k == to || bytes[k] == 0x3A {
                if pendingStart >= 0 && !hexGroup(pendingStart, pendingEnd) { return false }
                pendingStart = s; pendingEnd = k
                count += 1
                s = k + 1
            }
            return true
        }
        if doubleColon >= 0 {
            guard side(0, doubleColon), side(doubleColon + 2, end) else { return false }
        } else {
            guard side(0, end) else { return false }
        }
        var limit = 8
        if count > 0 {
            if bytes[pendingStart..<pendingEnd].contains(0x2E) {
                guard isIPv4(UnsafeBufferPointer(rebasing: bytes[pendingStart..<pendingEnd])) else { return false }
                limit = 6
                count -= 1
            } else if !hexGroup(pendingStart, pendingEnd) {
                return false
            }
        }
        return doubleColon >= 0 ? count < limit : count == limit
    }

    /// `URLSyntax.problem(text) == nil` of ErrorCatalog for ASCII text, on bytes: a scheme
    /// (letter, then letters, digits, + - .), "://", and a non-empty host in the authority.
    static func isURL(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if bytes.isEmpty { return false }
        for b in bytes where b <= 0x20 { return false }
        guard let colon = bytes.firstIndex(of: 0x3A), colon > 0 else { return false }
        func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
        guard isLetter(bytes[0]) else { return false }
        for k in 0..<colon {
            let b = bytes[k]
            if !(isLetter(b) || (b >= 0x30 && b <= 0x39) || b == 0x2B || b == 0x2D || b == 0x2E) { return false }
        }
        guard colon + 2 < bytes.count, bytes[colon + 1] == 0x2F, bytes[colon + 2] == 0x2F else { return false }
        let authorityStart = colon + 3
        var authorityEnd = authorityStart
        while authorityEnd < bytes.count, bytes[authorityEnd] != 0x2F, bytes[authorityEnd] != 0x3F, bytes[authorityEnd] != 0x23 { authorityEnd += 1 }
        // The last non-empty '@'-separated part of the authority.
        var partEnd = authorityEnd
        while partEnd > authorityStart && bytes[partEnd - 1] == 0x40 { partEnd -= 1 }
        if partEnd == authorityStart { return false }
        var partStart = partEnd
        while partStart > authorityStart && bytes[partStart - 1] != 0x40 { partStart -= 1 }
        if bytes[partStart] == 0x5B { return true }
        // The host before a port: empty only if the part is nothing but colons.
        for k in partStart..<partEnd where bytes[k] != 0x3A { return true }
        return false
    }

    static func isVersion(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var parts = 1, digits = 0
        for b in bytes {
            if b == 0x2E {
                if digits == 0 { return false }
                parts += 1; digits = 0
            } else {
                digits += 1
            }
        }
        return digits > 0 && parts >= 2 && parts <= 4
    }

    static func parseIPAddress(_ text: String) -> IPAddress? {
        guard case .success = PlaceholderType.ipAddress.parse(text) else { return nil }
        if !text.contains(":") {
            let parts = text.split(separator: ".").compactMap { UInt8($0) }
            guard parts.count == 4 else { return nil }
            return .v4(parts[0], parts[1], parts[2], parts[3])
        }
        var body = Substring(text)
        var zone: String?
        if let percent = body.firstIndex(of: "%") {
            zone = String(body[body.index(after: percent)...])
            body = body[..<percent]
        }
        func groups(_ side: Substring) -> [UInt16]? {
            if side.isEmpty { return [] }
            var out: [UInt16] = []
            let pieces = side.split(separator: ":", omittingEmptySubsequences: false)
            for (index, piece) in pieces.enumerated() {
                if piece.contains(".") {
                    guard index == pieces.count - 1 else { return nil }
                    let v4 = piece.split(separator: ".").compactMap { UInt16($0) }
                    guard v4.count == 4 else { return nil }
                    out.append(v4[0] << 8 | v4[1])
                    out.append(v4[2] << 8 | v4[3])
                } else {
                    guard let group = UInt16(piece, radix: 16) else { return nil }
                    out.append(group)
                }
            }
            return out
        }
        if let range = body.range(of: "::") {
            guard let left = groups(body[..<range.lowerBound]), let right = groups(body[range.upperBound...]),
                  left.count + right.count < 8 else { return nil }
            return .v6(left + Array(repeating: 0, count: 8 - left.count - right.count) + right, zone: zone)
        }
        guard let all = groups(body), all.count == 8 else { return nil }
        return .v6(all, zone: zone)
    }

    @inline(__always)
    static func isHex(_ b: UInt8) -> Bool { (b >= 0x30 && b <= 0x39) || (b >= 0x61 && b <= 0x66) || (b >= 0x41 && b <= 0x46) }

    /// Whether the original bytes of a value are well-formed for `type` (same rules as
    /// `PlaceholderType.parse`, on bytes for the common types; the rare ones decode the text and
    /// ask `parse`).
    static func isValid(_ bytes: UnsafeBufferPointer<UInt8>, type: PlaceholderType) -> Bool {
        func parses() -> Bool {
            if case .success = type.parse(String(decoding: bytes, as: UTF8.self)) { return true } else { return false }
        }
        switch type {
        case .string, .date: return true
        case .hash:
            guard bytes.count == 32 || bytes.count == 40 || bytes.count == 64 else { return false }
            return bytes.allSatisfy(isHex)
        case .guid:
            var start = 0, end = bytes.count
            if end == 38 {
                guard bytes[0] == 0x7B, bytes[37] == 0x7D else { return false }
                start = 1; end = 37
            }
            guard end - start == 36 else { return false }
            for k in start..<end {
                let offset = k - start
                if offset == 8 || offset == 13 || offset == 18 || offset == 23 {
                    if bytes[k] != 0x2D { return false }
                } else if !isHex(bytes[k]) { return false }
            }
            return true
        case .identifier:
            if bytes.isEmpty { return false }
            var wideSpace = false
            for b in bytes {
                if b <= 0x20 || b == 0x7F { return false }
                // Lead bytes of the non-ASCII whitespace (U+0085/U+00A0, U+2000…, U+3000): ask `parse`.
                if b == 0xC2 || b == 0xE2 || b == 0xE3 { wideSpace = true }
            }
            return wideSpace ? parses() : true
        case .version:
            var parts = 1, digits = 0
            for b in bytes {
                if b == 0x2E {
                    if digits == 0 { return false }
                    parts += 1; digits = 0
                } else if b >= 0x30 && b <= 0x39 {
                    digits += 1
                } else { return false }
            }
            return digits > 0 && parts >= 2 && parts <= 4
        case .ipAddress:
            if !bytes.contains(0x3A) { return isIPv4(bytes) }
            return isIPv6(bytes)
        case .url:
            return bytes.contains(where: { $0 >= 0x80 }) ? parses() : isURL(bytes)
        case .domainName:
            return bytes.contains(where: { $0 >= 0x80 }) ? parses() : isDomain(bytes)
        case .integer, .list:
            return parses()
        }
    }

    /// `DomainSyntax.problem(text) == nil` of ErrorCatalog for ASCII text, on bytes: an optional
    /// final dot, at most 253 bytes, two or more labels of 1–63 letters, digits, - and _ that do
    /// not start or end with -, and a top label that is not all digits.
    static func isDomain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if bytes.isEmpty { return false }
        var end = bytes.count
        if bytes[end - 1] == 0x2E { end -= 1 }
        if end > 253 { return false }
        var labels = 0, labelStart = 0
        var k = 0
        while k <= end {
            if k < end && bytes[k] != 0x2E { k += 1; continue }
            let length = k - labelStart
            if length == 0 || length > 63 { return false }
            if bytes[labelStart] == 0x2D || bytes[k - 1] == 0x2D { return false }
            var allDigits = true
            for b in UnsafeBufferPointer(rebasing: bytes[labelStart..<k]) {
                let isDigit = b >= 0x30 && b <= 0x39
                let isLetter = (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A
                if !(isDigit || isLetter || b == 0x2D || b == 0x5F) { return false }
                if !isDigit { allDigits = false }
            }
            labels += 1
            if k == end && allDigits { return false }
            k += 1
            labelStart = k
        }
        return labels >= 2
    }

    /// Reads a slot's integer as the formatter wrote it (`separator` grouping, de-CH's ’, or none).
    static func slotInteger(_ bytes: UnsafeBufferPointer<UInt8>, kind: SlotKind) -> Int64? {
        var separator: UInt8 = 0
        if case .integer(let s) = kind { separator = s }
        var parsed = parseInteger(bytes, separator: separator)
        if parsed == nil && separator == 0x27 {
            // de-CH groups with ’ (U+2019), which the normal form reads as '.
            var plain: [UInt8] = []
            var k = 0
            while k < bytes.count {
                if bytes[k] == 0xE2, k + 2 < bytes.count, bytes[k + 1] == 0x80, bytes[k + 2] == 0x99 { plain.append(0x27); k += 3 }
                else { plain.append(bytes[k]); k += 1 }
            }
            parsed = plain.withUnsafeBufferPointer { parseInteger($0, separator: separator) }
        }
        if parsed == nil && separator != 0 { parsed = parseInteger(bytes, separator: 0) }
        return parsed
    }

    /// Whether the slot's original bytes are a well-formed value of `type`, and the number for an
    /// `integer`. No allocation for ASCII text of the common types: this is what the matcher's core
    /// runs per candidate; `value` builds the typed `MatchedValue` from the same answers.
    static func check(_ bytes: UnsafeBufferPointer<UInt8>, type: PlaceholderType, kind: SlotKind) -> (valid: Bool, integer: Int64?) {
        switch type {
        case .integer:
            let parsed = slotInteger(bytes, kind: kind)
            return (parsed != nil, parsed)
        case .list:
            if bytes.contains(where: { $0 >= 0x80 }) {
                let items = String(decoding: bytes, as: UTF8.self).split(separator: ",", omittingEmptySubsequences: false)
                return (!items.contains { String($0).trimmingSpaces().isEmpty }, nil)
            }
            // ASCII: every comma-separated item has a byte that is not whitespace.
            var itemHasText = false
            for b in bytes {
                if b == 0x2C {
                    if !itemHasText { return (false, nil) }
                    itemHasText = false
                } else if !(b == 0x20 || (b >= 0x09 && b <= 0x0D)) {
                    itemHasText = true
                }
            }
            return (itemHasText, nil)
        default:
            return (isValid(bytes, type: type), nil)
        }
    }

    /// Builds the typed value of a slot from the original bytes of the message.
    static func value(bytes: UnsafeBufferPointer<UInt8>, placeholder: Placeholder, kind: SlotKind) -> MatchedValue? {
        let (valid, integer) = check(bytes, type: placeholder.type, kind: kind)
        if !placeholder.rejected && !valid { return nil }
        return value(bytes: bytes, placeholder: placeholder, valid: valid, integer: integer)
    }

    /// The typed value from the answers of `check`.
    static func value(bytes: UnsafeBufferPointer<UInt8>, placeholder: Placeholder, valid: Bool, integer: Int64?) -> MatchedValue {
        value(bytes: bytes, type: placeholder.type, rejected: placeholder.rejected, valid: valid, integer: integer)
    }

    static func value(bytes: UnsafeBufferPointer<UInt8>, type: PlaceholderType, rejected: Bool, valid: Bool, integer: Int64?) -> MatchedValue {
        value(text: String(decoding: bytes, as: UTF8.self), type: type, rejected: rejected, valid: valid, integer: integer)
    }

    /// The same, from the value's text already decoded.
    static func value(text: String, type: PlaceholderType, rejected: Bool, valid: Bool, integer: Int64?) -> MatchedValue {
        let value: Value
        switch type {
        case .integer:
            if rejected || integer == nil { value = .text(text) } else { value = .integer(integer!) }
        case .list:
            if rejected || !valid {
                value = .text(text)
            } else {
                value = .list(listItems(text))
            }
        default:
            value = .text(text)
        }
        return MatchedValue(type: type, value: value, text: text, rejected: rejected, isValidForType: valid)
    }

    /// The items of a list value: split at commas, each trimmed of whitespace. ASCII text is
    /// split on its bytes; other text by characters and Unicode whitespace (the same answer, far
    /// slower).
    static func listItems(_ text: String) -> [String] {
        let ascii = text.utf8.withContiguousStorageIfAvailable { bytes -> [String]? in
            var items: [String] = []
            var start = 0
            for i in 0...bytes.count {
                if i < bytes.count {
                    let byte = bytes[i]
                    if byte >= 0x80 { return nil }
                    if byte != 0x2C { continue }
                }
                var from = start, to = i
                while from < to && isASCIIWhitespace(bytes[from]) { from += 1 }
                while to > from && isASCIIWhitespace(bytes[to - 1]) { to -= 1 }
                items.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<to]), as: UTF8.self))
                start = i + 1
            }
            return items
        }
        if let ascii, let items = ascii { return items }
        return listItemsByCharacter(text)
    }

    /// `listItems` for any text: by characters, trimming Unicode whitespace.
    static func listItemsByCharacter(_ text: String) -> [String] {
        text.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingSpaces() }
    }

    @inline(__always) static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }

    static func typeScore(type: PlaceholderType, valid: Bool) -> Int {
        guard valid else { return 0 }
        switch type {
        case .string, .list, .date: return 0
        case .identifier: return 1
        case .url, .domainName: return 2
        case .ipAddress, .version, .integer: return 3
        case .hash, .guid: return 4
        }
    }

    static func typeScore(_ value: MatchedValue) -> Int {
        guard value.isValidForType else { return 0 }
        switch value.type {
        case .string, .list, .date: return 0
        case .identifier: return 1
        case .url, .domainName: return 2
        case .ipAddress, .version, .integer: return 3
        case .hash, .guid: return 4
        }
    }
}

extension String {
    func trimmingSpaces() -> String {
        var scalars = Substring(self).unicodeScalars[...]
        while let first = scalars.first, first.properties.isWhitespace { scalars = scalars.dropFirst() }
        while let last = scalars.last, last.properties.isWhitespace { scalars = scalars.dropLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}
