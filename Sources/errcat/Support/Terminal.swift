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

    enum Style: String {
        case bold = "1", red = "31", yellow = "33", green = "32", cyan = "36", dim = "2"
    }

    static func styled(_ text: String, _ style: Style, stderr: Bool = false) -> String {
        guard !noColor, stderr ? stderrIsTTY : stdoutIsTTY else { return text }
        return "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m"
    }

    static func out(_ text: String) {
        print(text)
    }

    static func err(_ text: String) {
        var line = text
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
