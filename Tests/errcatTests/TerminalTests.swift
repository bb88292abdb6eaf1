import ErrorCatalog
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

    /// The byte-level path gives what escaping scalar by scalar gives, on random text drawn from
    /// ASCII, controls, Latin, punctuation, bidi and invisible characters, CJK and astral scalars.
    @Test func byteLevelJSONSafeMatchesScalarByScalar() {
        let pool: [UInt32] = [0x41, 0x7A, 0x20, 0x0A, 0x09, 0x0D, 0x01, 0x1B, 0x7F, 0x85, 0xA0, 0xAD, 0xE4, 0xDF, 0x2013,
                              0x2019, 0x2028, 0x202E, 0x2060, 0x2066, 0x3000, 0x65E5, 0xFEFF, 0xFFFD, 0x1F44D, 0xE0041, 0x10FFFF]
        var generator = SeededRandomNumberGenerator(seed: 77)
        for _ in 0..<2_000 {
            var text = ""
            for _ in 0..<Int(generator.next() % 24) {
                text.unicodeScalars.append(Unicode.Scalar(pool[Int(generator.next() % UInt64(pool.count))])!)
            }
            var expected = ""
            for scalar in text.unicodeScalars {
                if Sanitized.isInvisibleOrControl(scalar) && scalar != "\n" && scalar != "\t" && scalar != "\r" {
                    for unit in String(scalar).utf16 {
                        let hex = String(unit, radix: 16)
                        expected += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                    }
                } else {
                    expected.unicodeScalars.append(scalar)
                }
            }
            #expect(Terminal.jsonSafe(text) == expected, "\(text.debugDescription)")
            var bytes: [UInt8] = []
            Array(text.utf8).withUnsafeBufferPointer { Terminal.appendJSONSafe($0, to: &bytes) }
            #expect(String(decoding: bytes, as: UTF8.self) == expected)
        }
    }

    @Test func printableKeepsOnlyStyledColourSequences() {
        let styled = "\u{1B}[1mbold\u{1B}[0m \u{1B}]0;title\u{07} \u{1B}[8mhidden\u{1B}[0m"
        #expect(Terminal.printable(styled, colour: true) == "\u{1B}[1mbold\u{1B}[0m \\u{1B}]0;title\\u{7} \\u{1B}[8mhidden\u{1B}[0m")
        #expect(Terminal.printable(styled, colour: false) == "\\u{1B}[1mbold\\u{1B}[0m \\u{1B}]0;title\\u{7} \\u{1B}[8mhidden\\u{1B}[0m")
        #expect(Terminal.printable("line one\n\tline two", colour: false) == "line one\n\tline two")
    }
}
