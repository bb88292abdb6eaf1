#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ErrorCatalog
import Foundation

/// Output for people and scripts: colour only on a terminal and only without `NO_COLOR`;
/// everything that came from outside (a server, a file) is printed through `Sanitized.visible`.
enum Terminal {
    static let stdoutIsTTY = isatty(STDOUT_FILENO) == 1
    static let stderrIsTTY = isatty(STDERR_FILENO) == 1
    static let noColor: Bool = {
        if let value = getenv("NO_COLOR"), value.pointee != 0 { return true }
        if let term = getenv("TERM"), String(cString: term) == "dumb" { return true }
        return false
    }()

    enum Style: String, CaseIterable {
        case bold = "1", red = "31", yellow = "33", green = "32", cyan = "36", dim = "2"
    }

    static func styled(_ text: String, _ style: Style, stderr: Bool = false) -> String {
        guard !noColor, stderr ? stderrIsTTY : stdoutIsTTY else { return text }
        return "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m"
    }

    /// The escape sequences `styled` writes: the only ones that may reach a terminal, and only
    /// while colour is on.
    static let styleSequences: [String] = Style.allCases.map { "\u{1B}[\($0.rawValue)m" } + ["\u{1B}[0m"]

    /// Every line errcat prints goes through here: whatever a command forgot, no control, bidi or
    /// invisible character of a server message or a catalog text reaches the terminal raw (see
    /// `Sanitized`). Line breaks and tabs stay; `styled`'s own colour sequences stay when colour is on.
    static func printable(_ text: String, colour: Bool) -> String {
        guard colour, text.contains("\u{1B}[") else { return Sanitized.visible(text, keepingLineBreaks: true) }
        var out = ""
        var rest = Substring(text)
        while let escape = rest.firstIndex(of: "\u{1B}") {
            out += Sanitized.visible(String(rest[..<escape]), keepingLineBreaks: true)
            rest = rest[escape...]
            if let sequence = styleSequences.first(where: { rest.hasPrefix($0) }) {
                out += sequence
                rest = rest.dropFirst(sequence.count)
            } else {
                out += "\\u{1B}"
                rest = rest.dropFirst()
            }
        }
        return out + Sanitized.visible(String(rest), keepingLineBreaks: true)
    }

    /// JSON text made safe for a terminal without changing its meaning: every scalar that
    /// `Sanitized` would escape becomes a JSON `\\uXXXX` escape (a surrogate pair above U+FFFF).
    /// Outside strings JSON is ASCII, and JSON writers already escape C0 controls, so only string
    /// contents change, and they decode to the same value.
    static func jsonSafe(_ text: String) -> String {
        if !text.utf8.contains(where: { $0 >= 0x7F || ($0 < 0x20 && $0 != 0x0A && $0 != 0x09 && $0 != 0x0D) }) { return text }
        var copy = text
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        copy.withUTF8 { appendJSONSafe($0, to: &out) }
        return String(decoding: out, as: UTF8.self)
    }

    /// `jsonSafe` on UTF-8 bytes (valid UTF-8, as every writer here produces), appended to `out`:
    /// runs that need nothing are copied in one go, and only non-ASCII scalars are decoded.
    static func appendJSONSafe(_ utf8: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        let count = utf8.count
        var runStart = 0
        var index = 0
        while index < count {
            let b = utf8[index]
            if b < 0x7F {
                // ASCII: writers escape C0 controls inside strings; raw LF, tab and CR can only be
                // JSON whitespace. Any other raw control is escaped like the scalars below.
                if b >= 0x20 || b == 0x0A || b == 0x09 || b == 0x0D { index += 1; continue }
            }
            let (scalar, length) = JSONWriter.decodeScalar(utf8, at: index)
            guard let decoded = Unicode.Scalar(scalar), Sanitized.isInvisibleOrControl(decoded) else {
                index += length
                continue
            }
            if runStart < index { out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index])) }
            JSONWriter.appendHexEscape(scalar, to: &out)
            index += length
            runStart = index
        }
        if runStart < count { out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<count])) }
    }

    /// JSON on standard output (see `jsonSafe`).
    static func outJSON(_ text: String) {
        print(jsonSafe(text))
    }

    static func out(_ text: String) {
        print(printable(text, colour: !noColor && stdoutIsTTY))
    }

    static func err(_ text: String) {
        var line = printable(text, colour: !noColor && stderrIsTTY)
        if !line.hasSuffix("\n") { line += "\n" }
        FileHandle.standardError.write(Data(line.utf8))
    }

    /// `error: …` on standard error.
    static func error(_ text: String) {
        err(styled("error:", .red, stderr: true) + " " + text)
    }

    static func warning(_ text: String) {
        err(styled("warning:", .yellow, stderr: true) + " " + text)
    }

    /// Text that came from outside, made safe for a terminal (no raw control characters or escapes).
    static func safe(_ text: String) -> String {
        Sanitized.visible(text)
    }
}
