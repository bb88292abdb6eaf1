import Foundation
import Testing
@testable import ErrorCatalog

/// Text that has hurt JSON writers: controls, DEL and C1, the JavaScript line separators, bidi
/// marks, U+FFFD (what invalid UTF-8 became), quotes, backslashes, emoji and combining marks.
enum HostileText {
    static let pieces: [String] = [
        "\u{0}", "\u{1}", "\u{8}", "\u{9}", "\u{A}", "\u{B}", "\u{C}", "\u{D}", "\u{1B}[2J", "\u{1F}",
        "\u{7F}", "\u{80}", "\u{85}", "\u{9B}", "\u{9F}", "\u{A0}", "\u{2028}", "\u{2029}", "\u{2027}", "\u{202A}",
        "\u{202E}", "\u{200F}", "\u{200B}", "\u{FEFF}", "\u{FFFD}", "\"", "\\", "\\u0041", "/", "'",
        "👩🏽‍💻", "🇩🇪", "e\u{301}", "\u{301}", "ü", "ß", "’", "1.200", " ", "{", "}", "[", "]", ":", ",", "a", "Zürich",
    ]

    static func random(_ rng: inout SeededRandomNumberGenerator, maxPieces: Int = 8) -> String {
        (0..<Int.random(in: 0...maxPieces, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
    }
}

@Suite struct JSONWriterTests {
    // MARK: The escape function

    @Test(arguments: [
        ("plain", "plain"),
        ("\"", "\\\""), ("\\", "\\\\"), ("/", "/"),
        ("\u{8}\u{9}\u{A}\u{C}\u{D}", "\\b\\t\\n\\f\\r"),
        ("\u{0}\u{1}\u{B}\u{1B}\u{1F}", "\\u0000\\u0001\\u000b\\u001b\\u001f"),
        ("\u{7F}\u{80}\u{85}\u{9F}", "\\u007f\\u0080\\u0085\\u009f"),
        ("\u{A0}ü", "\u{A0}ü"),
        ("\u{2027}\u{2028}\u{2029}\u{202A}", "\u{2027}\\u2028\\u2029\u{202A}"),
        ("\u{202E}\u{200F}\u{FFFD}👩🏽‍💻e\u{301}", "\u{202E}\u{200F}\u{FFFD}👩🏽‍💻e\u{301}"),
        ("\u{FEFF}a\u{FEFE}\u{FFEF}", "\\ufeffa\u{FEFE}\u{FFEF}"),
        ("a\u{85}", "a\\u0085"), ("\u{2028}", "\\u2028"), ("x\u{C2}", "x\u{C2}"),
    ])
    func escapesExactlyTheDocumentedSet(input: String, expected: String) {
        #expect(JSONWriter.escaped(input) == expected)
    }

    @Test func everyBMPScalarEscapesAsDocumented() {
        for value in UInt32(0)..<0x1_0000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = String(scalar)
            let escaped = JSONWriter.escaped(text)
            let mustEscape = value < 0x20 || value == 0x22 || value == 0x5C || (0x7F...0x9F).contains(value) || value == 0x2028 || value == 0x2029 || value == 0xFEFF
            #expect((escaped != text) == mustEscape, "U+\(String(value, radix: 16))")
            #expect(escaped.unicodeScalars.allSatisfy { !JSONWriterTests.isRaw($0) }, "U+\(String(value, radix: 16))")
        }
    }

    /// The escape function skips plain text eight bytes at a time: a character to escape (or any
    /// non-ASCII one) at any position of a long run is still found. The reference escapes scalar
    /// by scalar (strings shorter than eight bytes never take the eight-byte path).
    @Test(arguments: [false, true])
    func longRunsFindEveryCharacterAtEveryPosition(invisible: Bool) {
        func escaped(_ text: String) -> String {
            var bytes: [UInt8] = []
            var text = text
            text.withUTF8 { JSONWriter.appendEscaped($0, to: &bytes, invisible: invisible) }
            return String(decoding: bytes, as: UTF8.self)
        }
        let filler = Array("The quick brown fox jumps over".unicodeScalars)
        var specials: [Unicode.Scalar] = (0..<0x80).compactMap(Unicode.Scalar.init)
        specials += ["\u{80}", "\u{9F}", "\u{A0}", "ü", "\u{200B}", "\u{2028}", "\u{202E}", "\u{FEFF}", "\u{E0041}", "👩"]
        for special in specials {
            let single = escaped(String(special))
            for position in 0..<filler.count {
                var scalars = String.UnicodeScalarView()
                scalars.append(contentsOf: filler[..<position])
                scalars.append(special)
                scalars.append(contentsOf: filler[position...])
                let expected = String(String.UnicodeScalarView(filler[..<position])) + single + String(String.UnicodeScalarView(filler[position...]))
                #expect(escaped(String(scalars)) == expected, "U+\(String(special.value, radix: 16)) at \(position), invisible: \(invisible)")
            }
        }
    }

    /// The escape function copies U+00C0–U+00FF (lead byte C3: umlauts, ß, × and ÷) without a
    /// look-up: none of them is escaped in either mode, and the terminal sanitiser agrees.
    @Test func latinLettersPassWithoutALookUp() {
        for value in UInt32(0xC0)...0xFF {
            let scalar = Unicode.Scalar(value)!
            #expect(!Sanitized.isInvisibleOrControl(scalar), "U+\(String(value, radix: 16))")
            let text = "Größe \(scalar) und \(scalar)\(scalar) am Ende \(scalar)"
            for invisible in [false, true] {
                var bytes: [UInt8] = []
                var copy = text
                copy.withUTF8 { JSONWriter.appendEscaped($0, to: &bytes, invisible: invisible) }
                #expect(String(decoding: bytes, as: UTF8.self) == text)
            }
        }
    }

    @Test func writesDecimalsIntoRawMemory() {
        for number: Int64 in [0, 7, -7, 10, 1_000_000, -1_200, Int64.max, Int64.min] {
            let text = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { buffer in
                String(decoding: UnsafeBufferPointer(rebasing: buffer[..<JSONWriter.writeDecimal(number, into: buffer.baseAddress!)]), as: UTF8.self)
            }
            #expect(text == String(number))
        }
    }

    /// Characters that must never appear raw in the output.
    static func isRaw(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029 || scalar.value == 0xFEFF
    }

    @Test(arguments: [JSONWriter.Layout.compact, .pretty, .catalogFile])
    func randomHostileStringsDecodeToThemselves(layout: JSONWriter.Layout) throws {
        var rng = SeededRandomNumberGenerator(seed: 0x15_0A)
        for _ in 0..<500 {
            let key = HostileText.random(&rng, maxPieces: 3)
            let values = (0..<Int.random(in: 0...4, using: &rng)).map { _ in HostileText.random(&rng) }
            let value: JSONValue = .object([(key, .strings(values)), ("k", .string(values.first))])
            let text = JSONWriter.string(value, layout: layout)
            // Only the layout's own newlines are raw controls.
            #expect(!text.unicodeScalars.contains { Self.isRaw($0) && $0 != "\n" }, "\(text)")
            let decoded = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "\(text)")
            #expect(decoded[key] as? [String] == values, "\(text)")
            if layout == .compact { #expect(!text.contains("\n")) }
        }
    }

    // MARK: Layouts

    /// Computed, not a stored global: a global holding indirect-enum boxes is reported by
    /// LeakSanitizer as leaked (the enum's spare-bit tags hide the pointers from its scan).
    static var sample: JSONValue {
        [
            "zeta": [1, -2, [], [:]],
            "alpha": ["b": true, "a": .null, "c": .number(0.5)],
            "mid": "x\u{1B}",
        ]
    }

    @Test func compactIsOneLineWithSortedKeys() {
        #expect(JSONWriter.string(Self.sample, layout: .compact)
            == #"{"alpha":{"a":null,"b":true,"c":0.5},"mid":"x\u001b","zeta":[1,-2,[],{}]}"#)
    }

    @Test func prettyIndentsTwoSpacesWithSortedKeys() {
        #expect(JSONWriter.string(Self.sample, layout: .pretty) == """
        {
          "alpha": {
            "a": null,
            "b": true,
            "c": 0.5
          },
          "mid": "x\\u001b",
          "zeta": [
            1,
            -2,
            [],
            {}
          ]
        }
        """)
    }

    @Test func catalogFileKeepsTheGivenOrder() {
        #expect(JSONWriter.string(Self.sample, layout: .catalogFile) == """
        {
          "zeta": [
            1,
            -2,
            [],
            {}
          ],
          "alpha": {
            "b": true,
            "a": null,
            "c": 0.5
          },
          "mid": "x\\u001b"
        }
        """)
    }

    @Test func emptyTopLevelContainers() {
        #expect(JSONWriter.string([], layout: .pretty) == "[]")
        #expect(JSONWriter.string([:], layout: .pretty) == "{}")
        #expect(JSONWriter.string(.string(""), layout: .compact) == "\"\"")
    }

    @Test(arguments: [Int64.min, Int64.min + 1, -10, -9, -1, 0, 1, 9, 10, 99, 100, 1_200, Int64.max])
    func integersAsSwiftPrintsThem(number: Int64) {
        #expect(JSONWriter.string(.integer(number), layout: .compact) == String(number))
    }

    @Test func nonFiniteNumbersAreNull() {
        #expect(JSONWriter.string([.number(.infinity), .number(-.infinity), .number(.nan), .number(1e-5)], layout: .compact)
            == "[null,null,null,1e-05]")
    }

    @Test func streamingCallsWriteWhatTheValueWrites() {
        for layout in [JSONWriter.Layout.compact, .pretty, .catalogFile] {
            var writer = JSONWriter(layout: layout)
            writer.beginObject()
            writer.key("alpha")
            writer.beginObject(); writer.key("a"); writer.null(); writer.key("b"); writer.bool(true); writer.key("c"); writer.number(0.5); writer.endObject()
            writer.key("mid"); writer.string("x\u{1B}")
            writer.key("zeta" as StaticString)
            writer.beginArray(); writer.integer(1); writer.integer(-2); writer.beginArray(); writer.endArray(); writer.beginObject(); writer.endObject(); writer.endArray()
            writer.endObject()
            let sortedSample: JSONValue = ["alpha": ["a": .null, "b": true, "c": .number(0.5)], "mid": "x\u{1B}", "zeta": [1, -2, [], [:]]]
            #expect(writer.text == JSONWriter.string(sortedSample, layout: layout))
            writer.reset()
            writer.value(sortedSample)
            #expect(writer.text == JSONWriter.string(sortedSample, layout: layout))
        }
    }

    @Test func sortingIsStableForRepeatedKeys() {
        let value: JSONValue = .object([("b", 1), ("a", 2), ("b", 3)])
        #expect(JSONWriter.string(value, layout: .compact) == #"{"a":2,"b":1,"b":3}"#)
    }

    @Test func subscriptReplacesOrAppends() {
        var value: JSONValue = ["a": 1, "b": 2]
        value["a"] = "x"
        value["c"] = .null
        value["b"] = nil
        #expect(value == ["a": "x", "c": .null])
    }

    @Test func deepNestingIsWritten() throws {
        var value: JSONValue = "leaf"
        for depth in 0..<200 { value = depth.isMultiple(of: 2) ? [value] : ["k": value] }
        for layout in [JSONWriter.Layout.compact, .pretty] {
            let text = JSONWriter.string(value, layout: layout)
            #expect(try JSONSerialization.jsonObject(with: Data(text.utf8)) is [String: Any])
        }
    }
}
