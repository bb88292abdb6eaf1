import ErrorCatalog
import MessageFormatting
import MessageSyntax
import Testing

/// Renders `pattern` with the Swift renderer.
func render(_ pattern: String, _ locale: String, _ values: [String: Value]) throws -> String {
    let message = try MessageParser.parse(pattern)
    return try CompiledMessage(pattern: pattern, message: message, locale: locale).render(values)
}

/// Renders `pattern` with icu::MessageFormat (named arguments): the oracle.
func oracle(_ pattern: String, _ locale: String, _ values: [String: Value]) throws -> String {
    try ICUMessageFormat(pattern: pattern, locale: locale).format(values)
}

let testLocales = ["en", "de", "de-AT", "de-CH", "fr", "pl", "ru", "ar", "ja", "es", "hi", "en-IN"]

@Suite struct IntegerRendering {
    static let samples: [Int64] = [
        0, 1, -1, 7, 12, 999, 1000, -1000, 1200, 9999, 10000, 12345, 99999, 100000, 123456, 1234567,
        -1234567, 12345678, 123456789, 1234567890, 5_000_000_000, 1_000_000_000_000,
        Int64.max, Int64.min, Int64.min + 1, -9999, -10000,
    ]

    @Test(arguments: testLocales)
    func matchesICU(locale: String) throws {
        let renderer = IntegerRenderer(try NumberSymbols(locale: locale))
        for value in Self.samples {
            #expect(renderer.format(value) == (try NumberSymbols.icuFormat(value, locale: locale)),
                    "\(value) in \(locale)")
        }
        var generator = SeededRandomNumberGenerator(seed: 7)
        for _ in 0..<2000 {
            let digits = Int(generator.next() % 18) + 1
            var value = Int64(bitPattern: generator.next()) % Int64(pow10(digits))
            if generator.next() % 2 == 0 { value = -value }
            #expect(renderer.format(value) == (try NumberSymbols.icuFormat(value, locale: locale)),
                    "\(value) in \(locale)")
        }
    }

    @Test func knownGrouping() throws {
        #expect(try render("{n}", "en", ["n": .integer(1200)]) == "1,200")
        #expect(try render("{n}", "de", ["n": .integer(1200)]) == "1.200")
        #expect(try render("{n, number}", "de", ["n": .integer(-1234567)]) == "-1.234.567")
        #expect(try render("{n, number, integer}", "en", ["n": .integer(Int64.min)]) == "-9,223,372,036,854,775,808")
        #expect(try render("{n}", "en", ["n": .integer(Int64.max)]) == "9,223,372,036,854,775,807")
        // 5,000,000,000 does not fit the int32 that umsg's va_list path would read.
        #expect(try render("{n, number, integer}", "en", ["n": .integer(5_000_000_000)]) == "5,000,000,000")
        #expect(try render("{n}", "en-IN", ["n": .integer(12_345_678)]) == "1,23,45,678")
    }
}

func pow10(_ n: Int) -> UInt64 { (0..<n).reduce(1) { result, _ in result * 10 } }


@Suite struct RendererCases {
    @Test func literalAndStrings() throws {
        #expect(try render("Hash value {hash} is invalid.", "en", ["hash": .text("12ab")]) == "Hash value 12ab is invalid.")
        #expect(try render("Roles: {roles}.", "en", ["roles": .list(["A.Read", "B.Write"])]) == "Roles: A.Read, B.Write.")
        // ICU renders a missing argument as {name}.
        #expect(try render("a {x} b", "en", [:]) == "a {x} b")
        #expect(try oracle("a {x} b", "en", [:]) == "a {x} b")
    }

    @Test func apostrophes() throws {
        let pattern = "You'll need '{braces}' and it''s {n}, '#' not {n, plural, other {'#' #}}."
        let got = try render(pattern, "en", ["n": .integer(3)])
        #expect(got == "You'll need {braces} and it's 3, '#' not # 3.")
        #expect(got == (try oracle(pattern, "en", ["n": .integer(3)])))
    }

    @Test func pluralWithOffsetAndExact() throws {
        let pattern = "{n, plural, offset:1 =0 {nobody} =1 {{who} only} one {{who} and # other} other {{who} and # others}}"
        let expected: [(Int64, String)] = [
            (0, "nobody"), (1, "Ann only"), (2, "Ann and 1 other"), (3, "Ann and 2 others"),
            (1002, "Ann and 1,001 others"),
        ]
        for (n, text) in expected {
            let values: [String: Value] = ["n": .integer(n), "who": .text("Ann")]
            #expect(try render(pattern, "en", values) == text)
            #expect(try oracle(pattern, "en", values) == text)
        }
    }

    @Test func selectordinalEnglish() throws {
        let pattern = "{n, selectordinal, one {#st} two {#nd} few {#rd} other {#th}}"
        for (n, text) in [(1, "1st"), (2, "2nd"), (3, "3rd"), (4, "4th"), (11, "11th"), (12, "12th"),
                          (13, "13th"), (21, "21st"), (22, "22nd"), (101, "101st"), (1111, "1,111th"),
                          (1_000_001, "1,000,001st")] as [(Int64, String)] {
            #expect(try render(pattern, "en", ["n": .integer(n)]) == text)
        }
    }

    @Test func select() throws {
        let pattern = "{kind, select, machine {Machine {id}} file {File {id}} other {Resource {id}}} was not found"
        #expect(try render(pattern, "en", ["kind": .text("machine"), "id": .text("123")]) == "Machine 123 was not found")
        #expect(try render(pattern, "en", ["kind": .text("alert"), "id": .text("9")]) == "Resource 9 was not found")
        // A number into a select fails in ICU; the renderer fails too (and keeps ICU's code).
        #expect(throws: ICUError.self) { try render(pattern, "en", ["kind": .integer(1), "id": .text("9")]) }
        #expect(throws: ICUError.self) { try oracle(pattern, "en", ["kind": .integer(1), "id": .text("9")]) }
    }

    @Test func pluralRejectsText() throws {
        let pattern = "{n, plural, one {# item} other {# items}}"
        let error = try #require(throws: ICUError.self) { try render(pattern, "en", ["n": .text("x")]) }
        #expect(error.name == "U_ILLEGAL_ARGUMENT_ERROR")
        #expect(throws: ICUError.self) { try oracle(pattern, "en", ["n": .text("x")]) }
    }

    @Test func dateViaICU() throws {
        // 2024-03-15T12:00:00Z: the same calendar day in every time zone from UTC-11 to UTC+11.
        let values: [String: Value] = ["d": .date(millisecondsSince1970: 1_710_504_000_000)]
        let pattern = "Expires {d, date, ::yyyyMMdd}."
        let english = try render(pattern, "en", values)
        #expect(english == "Expires 03/15/2024.")
        #expect(english == (try oracle(pattern, "en", values)))
        #expect(try render(pattern, "de", values) == "Expires 15.03.2024.")
        let message = try MessageParser.parse(pattern)
        #expect(try CompiledMessage(pattern: pattern, message: message, locale: "en").usesICU)
    }

    @Test func icuErrorKeepsCodeAndName() throws {
        let error = try #require(throws: ICUError.self) { try ICUMessageFormat(pattern: "{n, plural, one {x}}", locale: "en") }
        #expect(error.code > 0)
        #expect(error.name.hasPrefix("U_"))
        #expect(error.description.contains(error.name))
    }
}

/// Syntax-corpus patterns compared with the ICU oracle in many locales and for many values.
@Suite struct RendererVersusICU {
    static let patterns: [String] = [
        "Maximum batch size exceeded. Received: {received}, allowed: {allowed}.",
        "{n, number} / {n, number, integer} / {n}",
        "{n, plural, =0 {no files} one {# file} few {# files (few)} many {# files (many)} other {# files}}",
        "{n, plural, offset:2 =0 {none} =1 {one} =2 {two} other {#, {n} in total}}",
        "{n, selectordinal, zero {#z} one {#st} two {#nd} few {#rd} many {#m} other {#th}}",
        "{g, select, female {{n, plural, one {she has # item} other {she has # items}}} male {{n, plural, one {he has # item} other {he has # items}}} other {{n, plural, one {they have # item} other {they have # items}}}}",
        "It''s '{literal}' {who}: {n, plural, one {'#'# ''ok''} other {#''s}}",
        "{n, number, percent} {n, spellout} {n, ordinal}",
        "{d, date, short} | {d, time, short} | {d} | {d, date, ::yMMMd}",
        "{x, number, ::currency/EUR} {x, number, #,##0.00}",
        "{n, choice, 0#none|1#one|1<many {n}}",
        "{n, plural, one {{n, number, ::.00} one} other {{n, number, ::.00} other}}",
        "{n, plural, other {# and {n}}}",
    ]

    static func values(_ generator: inout SeededRandomNumberGenerator) -> [String: Value] {
        let magnitude = [10, 1000, 1_000_000, Int64.max][Int(generator.next() % 4)]
        var n = Int64(bitPattern: generator.next()) % magnitude
        if generator.next() % 3 == 0 { n = Int64(generator.next() % 30) }
        let genders = ["female", "male", "other", "x"]
        return [
            "received": .integer(n), "allowed": .integer(Int64(generator.next() % 5000)),
            "n": .integer(n), "g": .text(genders[Int(generator.next() % 4)]),
            "who": .text("Zoë"), "d": .date(millisecondsSince1970: Double(generator.next() % 4_000_000_000_000)),
            "x": .number(Double(Int64(bitPattern: generator.next()) % 10_000_000) / 100),
        ]
    }

    @Test(arguments: ["en", "de", "de-AT", "de-CH", "fr", "pl", "ru", "ar", "ja"])
    func corpus(locale: String) throws {
        var generator = SeededRandomNumberGenerator(seed: 42)
        for pattern in Self.patterns {
            let message = try MessageParser.parse(pattern)
            let compiled = try CompiledMessage(pattern: pattern, message: message, locale: locale)
            let reference = try ICUMessageFormat(pattern: pattern, locale: locale)
            for round in 0..<60 {
                var values = Self.values(&generator)
                if round == 0 { values["n"] = .integer(Int64.min) }
                if round == 1 { values["n"] = .integer(Int64.max) }
                if round == 2 { values["n"] = .number(1.5) }
                if round == 3 { values["n"] = .number(-2.0) }
                if round == 4 { values["n"] = .number(1.2345) }
                let expected = Result { try reference.format(values) }
                let got = Result { try compiled.render(values) }
                switch (expected, got) {
                case (.success(let e), .success(let g)):
                    #expect(g == e, "\(pattern) in \(locale) with \(values)")
                case (.failure, .failure): break
                default:
                    Issue.record("\(pattern) in \(locale) with \(values): ICU \(expected), Swift \(got)")
                }
            }
        }
    }
}
