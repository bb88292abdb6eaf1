import Testing
@testable import MessageSyntax

/// Handwritten cases, one behaviour each. Ranges are ignored unless the case is about ranges.
@Suite struct ParserTests {
    func parts(_ pattern: String) throws -> [MessagePart] {
        try MessageParser.parse(pattern).strippingRanges().parts
    }

    func text(_ string: String) -> MessagePart { .text(string, .zero) }

    func argument(_ name: ArgumentName, _ kind: ArgumentKind = .simple) -> MessagePart {
        .argument(Argument(name: name, kind: kind, range: .zero, nameRange: .zero))
    }

    func message(_ parts: [MessagePart]) -> Message { Message(parts: parts, range: .zero) }

    @Test func loneApostropheBeforeALetterIsLiteral() throws {
        #expect(try parts("isn't") == [text("isn't")])
    }

    @Test func apostropheQuotesABrace() throws {
        #expect(try parts("a '{' b") == [text("a { b")])
        #expect(try parts("'{x}' y") == [text("{x} y")])
    }

    @Test func doubledApostropheIsOneApostrophe() throws {
        #expect(try parts("it''s") == [text("it's")])
        #expect(try parts("'{it''s}'") == [text("{it's}")])
    }

    @Test func quoteRunsToTheEndWhenUnterminated() throws {
        #expect(try parts("a '{b c") == [text("a {b c")])
    }

    @Test func trailingApostropheIsLiteral() throws {
        #expect(try parts("x'") == [text("x'")])
    }

    @Test func unmatchedClosingBraceAtTopLevelIsText() throws {
        #expect(try parts("a}b") == [text("a}b")])
    }

    @Test func namedAndNumberedArguments() throws {
        #expect(try parts("{hash} {0} { 12 }") == [argument(.named("hash")), text(" "), argument(.numbered(0)), text(" "), argument(.numbered(12))])
    }

    @Test func numberWithLeadingZeroIsRejected() {
        #expect(throws: SyntaxError.self) { try MessageParser.parse("{01}") }
    }

    @Test func typesAreCaseInsensitive() throws {
        #expect(try parts("{n, NUMBER}") == [argument(.named("n"), .formatted(.number, nil))])
    }

    @Test func styles() throws {
        #expect(try parts("{n, number, integer}") == [argument(.named("n"), .formatted(.number, .keyword("integer")))])
        #expect(try parts("{n, number, ::currency/EUR}") == [argument(.named("n"), .formatted(.number, .skeleton("currency/EUR")))])
        #expect(try parts("{n, number, #,##0.00}") == [argument(.named("n"), .formatted(.number, .pattern("#,##0.00")))])
        #expect(try parts("{d, date, short}") == [argument(.named("d"), .formatted(.date, .keyword("short")))])
        #expect(try parts("{d, date, ::yMMMd}") == [argument(.named("d"), .formatted(.date, .skeleton("yMMMd")))])
        #expect(try parts("{d, time, HH:mm}") == [argument(.named("d"), .formatted(.time, .pattern("HH:mm")))])
    }

    @Test func quotedPoundInPlural() throws {
        let expected = argument(.named("n"), .plural(offset: 0, cases: [
            PluralCase(selector: .keyword("other"), message: message([.pound(.zero), text(" #")]), selectorRange: .zero),
        ]))
        #expect(try parts("{n, plural, other {# '#'}}") == [expected])
    }

    @Test func offsetAndExactSelectors() throws {
        let expected = argument(.named("n"), .plural(offset: 1, cases: [
            PluralCase(selector: .exact(0), message: message([text("none")]), selectorRange: .zero),
            PluralCase(selector: .keyword("other"), message: message([.pound(.zero)]), selectorRange: .zero),
        ]))
        #expect(try parts("{n, plural, offset:1 =0 {none} other {#}}") == [expected])
    }

    @Test func nestedSelectInPluralTreatsPoundAsText() throws {
        let select = argument(.named("g"), .select(cases: [
            SelectCase(keyword: "other", message: message([text("#")]), keywordRange: .zero),
        ]))
        let expected = argument(.named("n"), .plural(offset: 0, cases: [
            PluralCase(selector: .keyword("other"), message: message([select]), selectorRange: .zero),
        ]))
        #expect(try parts("{n, plural, other {{g, select, other {#}}}}") == [expected])
    }

    @Test func choice() throws {
        let expected = argument(.numbered(0), .choice(cases: [
            ChoiceCase(limit: 0, exclusive: false, message: message([text("none")])),
            ChoiceCase(limit: 1, exclusive: true, message: message([text("many|")])),
        ]))
        #expect(try parts("{0, choice, 0#none|1<many'|'}") == [expected])
    }

    @Test func ranges() throws {
        let parsed = try MessageParser.parse("ab {x} c")
        #expect(parsed.parts == [
            .text("ab ", SourceRange(start: 0, end: 3)),
            .argument(Argument(name: .named("x"), kind: .simple, range: SourceRange(start: 3, end: 6), nameRange: SourceRange(start: 4, end: 5))),
            .text(" c", SourceRange(start: 6, end: 8)),
        ])
    }
}
