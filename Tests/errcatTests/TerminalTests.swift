import Foundation
import Testing
@testable import errcat

@Suite("Terminal: printable lines and JSON")
struct TerminalTests {
    @Test func jsonSafeKeepsTheValueAndTheWhitespace() throws {
        let value = "a\u{202E}b\u{E0041}c\u{200B}d 👍 ü\u{2028}"
        let json = "{\n\t\"k\" :\r\n \"" + value + "\"\n}"
        let safe = Terminal.jsonSafe(json)
        #expect(!safe.unicodeScalars.contains { $0.value == 0x202E || $0.value == 0xE0041 || $0.value == 0x200B || $0.value == 0x2028 })
        #expect(safe.contains("\\u202e") && safe.contains("\\udb40\\udc41"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(safe.utf8)) as? [String: String])
        #expect(object["k"] == value)
    }

    @Test func printableKeepsOnlyStyledColourSequences() {
        let styled = "\u{1B}[1mbold\u{1B}[0m \u{1B}]0;title\u{07} \u{1B}[8mhidden\u{1B}[0m"
        #expect(Terminal.printable(styled, colour: true) == "\u{1B}[1mbold\u{1B}[0m \\u{1B}]0;title\\u{7} \\u{1B}[8mhidden\u{1B}[0m")
        #expect(Terminal.printable(styled, colour: false) == "\\u{1B}[1mbold\\u{1B}[0m \\u{1B}]0;title\\u{7} \\u{1B}[8mhidden\\u{1B}[0m")
        #expect(Terminal.printable("line one\n\tline two", colour: false) == "line one\n\tline two")
    }
}
