import Testing
@testable import MessageSyntax

/// Errors point at the right place (1-based line/column in Unicode scalars) and say what is accepted.
@Suite struct SyntaxErrorTests {
    struct Case: CustomStringConvertible, Sendable {
        var pattern: String
        var line: Int
        var column: Int
        var problem: String
        var expected: String
        var description: String { pattern.debugDescription }
    }

    static let cases: [Case] = [
        Case(pattern: "Der Hashwert {hash ist ungültig.", line: 1, column: 20,
             problem: "expected ',' or '}' after the argument name, found 'i'", expected: "',' or '}'"),
        Case(pattern: "Zeile eins\n{n, plural, one {x}}", line: 2, column: 20,
             problem: "a plural argument needs an 'other' case", expected: "'other {…}'"),
        Case(pattern: "{a, foo}", line: 1, column: 5, problem: "unknown argument type 'foo'",
             expected: "one of: number, date, time, spellout, ordinal, duration, plural, selectordinal, select, choice"),
        Case(pattern: "abc {x", line: 1, column: 7, problem: "the '{' at 1:5 is never closed", expected: "'}'"),
        Case(pattern: "{01}", line: 1, column: 2, problem: "argument number 01 has a leading zero", expected: "a number without leading zeros"),
        Case(pattern: "{n, number, ::currency/EU}", line: 1, column: 24, problem: "invalid skeleton option 'EU'",
             expected: "a valid ICU number skeleton"),
        Case(pattern: "{n, number, #0#}", line: 1, column: 15, problem: "'#' cannot follow '0' before the decimal point",
             expected: "a DecimalFormat pattern like #,##0.00"),
        Case(pattern: "{n, select, a {x}\n  b x}", line: 2, column: 5, problem: "expected '{' after the selector 'b', found 'x'",
             expected: "'{'"),
        Case(pattern: "{}", line: 1, column: 2, problem: "expected an argument name or number after '{', found '}'",
             expected: "a name or number"),
        Case(pattern: "{n, plural, =x {a} other {b}}", line: 1, column: 14, problem: "expected a number after '='",
             expected: "a number like =0 or =1.5"),
        Case(pattern: "{n, plural, other {a} offset:1}", line: 1, column: 23, problem: "'offset:' must come before the first case",
             expected: "a selector"),
        Case(pattern: "{n, choice, 0#a|}", line: 1, column: 17, problem: "expected a number to start a choice case, found '}'",
             expected: "a number like 0, 1.5 or ∞"),
        Case(pattern: "{n, select}", line: 1, column: 11, problem: "a select argument needs its cases",
             expected: "',' and cases like 'other {…}'"),
        Case(pattern: "ü\r\n{n, number, 'x}", line: 2, column: 13, problem: "the quote in the argument style is never closed",
             expected: "a closing \"'\""),
    ]

    @Test(arguments: cases)
    func errorPosition(_ c: Case) throws {
        let error = try #require(throws: SyntaxError.self) { try MessageParser.parse(c.pattern) }
        #expect(error.line == c.line)
        #expect(error.column == c.column)
        #expect(error.problem == c.problem)
        #expect(error.expected == c.expected)
    }

    @Test func renderedLikeSwiftParsing() throws {
        let error = try #require(throws: SyntaxError.self) { try MessageParser.parse("Der Hashwert {hash ist ungültig.") }
        let rendered = error.rendered(file: "Catalogs/defender/de.json", context: "InvalidHashValue, template \"docs\"")
        #expect(rendered == """
            error: expected ',' or '}' after the argument name, found 'i'
             --> Catalogs/defender/de.json: InvalidHashValue, template "docs", 1:20
              |
            1 | Der Hashwert {hash ist ungültig.
              |                    ^ expected ',' or '}'
            """)
    }

    @Test func renderedWithoutLabelsShowsTheRightLine() throws {
        let error = try #require(throws: SyntaxError.self) { try MessageParser.parse("eins\nzwei\n{a, foo}") }
        #expect(error.rendered(file: nil, context: nil) == """
            error: unknown argument type 'foo'
             --> 3:5
              |
            3 | {a, foo}
              |     ^ expected one of: number, date, time, spellout, ordinal, duration, plural, selectordinal, select, choice
            """)
    }

    @Test func sourceTextMapsOffsets() {
        let source = SourceText("ab\ncd\r\nef")
        #expect(source.location(of: 0) == (1, 1))
        #expect(source.location(of: 2) == (1, 3))
        #expect(source.location(of: 3) == (2, 1))
        #expect(source.location(of: 7) == (3, 1))
        #expect(source.location(of: 9) == (3, 3))
        #expect(source.lineText(2) == "cd")
    }
}
