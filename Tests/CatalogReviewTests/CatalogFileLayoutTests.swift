import ErrorCatalog
import Foundation
import Testing
@testable import CatalogReview

/// `JSONWriter`'s catalog-file layout is the layout the catalog writer (`JSONText.render`) has
/// always produced, so the catalog writer can switch to it without changing a byte.
@Suite struct CatalogFileLayoutTests {
    /// de.json was written by the tools (Python's `json.dumps(indent=2, ensure_ascii=False)`
    /// layout): rendering its content gives the file back byte for byte. (en.json is laid out by
    /// hand — placeholders and templates on one or two lines — so no writer reproduces it; its
    /// content is compared with `JSONText.render` below.)
    @Test func bundledGermanFileRendersByteIdentically() throws {
        let text = try String(contentsOfFile: Fixture.bundled + "/de.json", encoding: .utf8)
        let value = try OrderedJSONReader.read(text)
        #expect(JSONWriter.string(value, layout: .catalogFile) + "\n" == text)
    }

    @Test(arguments: ["en.json", "de.json"])
    func bundledContentRendersAsJSONTextDoes(file: String) throws {
        let text = try String(contentsOfFile: Fixture.bundled + "/" + file, encoding: .utf8)
        let value = try OrderedJSONReader.read(text)
        #expect(JSONWriter.string(value, layout: .catalogFile) == JSONText.render(Self.jsonText(value)))
    }

    /// Random trees of hostile text: identical to `JSONText.render` wherever the two escape sets
    /// agree — everything except DEL, C1 controls and U+2028/2029, which `JSONWriter` escapes and
    /// `JSONText` (Python's set) wrote raw.
    @Test func randomValuesRenderAsJSONTextDoes() throws {
        var rng = SeededRandomNumberGenerator(seed: 0xCA7A)
        let pieces = ["\u{0}", "\u{8}", "\u{9}", "\u{A}", "\u{C}", "\u{D}", "\u{1B}", "\u{1F}", "\"", "\\", "/", "\u{202E}", "\u{200F}",
                      "\u{FFFD}", "👩🏽‍💻", "e\u{301}", "ü", " ", "{x}", "a"]
        func text() -> String { (0..<Int.random(in: 0...5, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined() }
        func value(_ depth: Int) -> JSONValue {
            switch Int.random(in: 0..<(depth > 3 ? 3 : 5), using: &rng) {
            case 0: return .string(text())
            case 1: return .integer(Int64.random(in: -1000...1000, using: &rng))
            case 2: return .bool(Bool.random(using: &rng))
            case 3: return .array((0..<Int.random(in: 0...3, using: &rng)).map { _ in value(depth + 1) })
            default: return .object((0..<Int.random(in: 0...3, using: &rng)).map { _ in (text(), value(depth + 1)) })
            }
        }
        for _ in 0..<300 {
            let tree = value(0)
            #expect(JSONWriter.string(tree, layout: .catalogFile) == JSONText.render(Self.jsonText(tree)))
        }
        // Where they differ, on purpose.
        #expect(JSONWriter.string(.string("\u{7F}\u{85}\u{2028}"), layout: .catalogFile) == #""\u007f\u0085\u2028""#)
    }

    static func jsonText(_ value: JSONValue) -> JSONText.Value {
        switch value {
        case .string(let text): return .string(text)
        case .integer(let number): return .int(Int(number))
        case .bool(let flag): return .bool(flag)
        case .array(let items): return .array(items.map(jsonText))
        case .object(let members): return .object(members.map { ($0.key, jsonText($0.value)) })
        case .null, .number: fatalError("the catalog files hold no null or fractional numbers")
        }
    }
}

/// A tiny JSON reader that keeps object members in file order (Foundation's does not), for
/// the layout tests only.
enum OrderedJSONReader {
    struct Failure: Error, CustomStringConvertible {
        var offset: Int
        var description: String { "bad JSON at byte \(offset)" }
    }

    static func read(_ text: String) throws -> JSONValue {
        let bytes = Array(text.utf8)
        var index = 0
        let value = try parse(bytes, &index)
        skipSpace(bytes, &index)
        guard index == bytes.count else { throw Failure(offset: index) }
        return value
    }

    static func skipSpace(_ b: [UInt8], _ i: inout Int) {
        while i < b.count, b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x0D || b[i] == 0x09 { i += 1 }
    }

    static func parse(_ b: [UInt8], _ i: inout Int) throws -> JSONValue {
        skipSpace(b, &i)
        guard i < b.count else { throw Failure(offset: i) }
        switch b[i] {
        case UInt8(ascii: "{"):
            i += 1
            var members: [(key: String, value: JSONValue)] = []
            skipSpace(b, &i)
            if i < b.count, b[i] == UInt8(ascii: "}") { i += 1; return .object([]) }
            while true {
                skipSpace(b, &i)
                guard case .string(let key) = try parse(b, &i) else { throw Failure(offset: i) }
                skipSpace(b, &i)
                guard i < b.count, b[i] == UInt8(ascii: ":") else { throw Failure(offset: i) }
                i += 1
                members.append((key, try parse(b, &i)))
                skipSpace(b, &i)
                guard i < b.count else { throw Failure(offset: i) }
                if b[i] == UInt8(ascii: ",") { i += 1; continue }
                guard b[i] == UInt8(ascii: "}") else { throw Failure(offset: i) }
                i += 1
                return .object(members)
            }
        case UInt8(ascii: "["):
            i += 1
            var items: [JSONValue] = []
            skipSpace(b, &i)
            if i < b.count, b[i] == UInt8(ascii: "]") { i += 1; return .array([]) }
            while true {
                items.append(try parse(b, &i))
                skipSpace(b, &i)
                guard i < b.count else { throw Failure(offset: i) }
                if b[i] == UInt8(ascii: ",") { i += 1; continue }
                guard b[i] == UInt8(ascii: "]") else { throw Failure(offset: i) }
                i += 1
                return .array(items)
            }
        case UInt8(ascii: "\""):
            i += 1
            var scalars = String.UnicodeScalarView()
            var run: [UInt8] = []
            func flush() { scalars.append(contentsOf: String(decoding: run, as: UTF8.self).unicodeScalars); run.removeAll() }
            func hex4(_ at: Int) throws -> UInt32 {
                guard at + 4 <= b.count, let v = UInt32(String(decoding: b[at..<(at + 4)], as: UTF8.self), radix: 16) else { throw Failure(offset: at) }
                return v
            }
            while true {
                guard i < b.count else { throw Failure(offset: i) }
                let c = b[i]
                if c == UInt8(ascii: "\"") { i += 1; break }
                if c != UInt8(ascii: "\\") { run.append(c); i += 1; continue }
                flush()
                guard i + 1 < b.count else { throw Failure(offset: i) }
                let e = b[i + 1]
                i += 2
                switch e {
                case UInt8(ascii: "n"): scalars.append("\n")
                case UInt8(ascii: "t"): scalars.append("\t")
                case UInt8(ascii: "r"): scalars.append("\r")
                case UInt8(ascii: "b"): scalars.append("\u{8}")
                case UInt8(ascii: "f"): scalars.append("\u{C}")
                case UInt8(ascii: "u"):
                    var v = try hex4(i)
                    i += 4
                    if (0xD800..<0xDC00).contains(v), i + 6 <= b.count, b[i] == UInt8(ascii: "\\"), b[i + 1] == UInt8(ascii: "u") {
                        let low = try hex4(i + 2)
                        v = 0x10000 + ((v - 0xD800) << 10) + (low - 0xDC00)
                        i += 6
                    }
                    guard let scalar = Unicode.Scalar(v) else { throw Failure(offset: i) }
                    scalars.append(scalar)
                default: scalars.append(Unicode.Scalar(e))
                }
            }
            flush()
            return .string(String(scalars))
        case UInt8(ascii: "t"): i += 4; return .bool(true)
        case UInt8(ascii: "f"): i += 5; return .bool(false)
        case UInt8(ascii: "n"): i += 4; return .null
        default:
            let start = i
            while i < b.count, b[i] == UInt8(ascii: "-") || (0x30...0x39).contains(b[i]) { i += 1 }
            guard let number = Int64(String(decoding: b[start..<i], as: UTF8.self)) else { throw Failure(offset: start) }
            return .integer(number)
        }
    }
}
