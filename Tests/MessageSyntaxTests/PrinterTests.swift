import Testing
@testable import MessageSyntax

/// The printer's canonical form and its minimal quoting, one behaviour each.
@Suite struct PrinterTests {
    struct Case: CustomStringConvertible, Sendable {
        var input: String
        var printed: String
        var description: String { "\(input.debugDescription) -> \(printed.debugDescription)" }
    }

    static let cases: [Case] = [
        Case(input: "isn't", printed: "isn't"),
        Case(input: "it''s", printed: "it's"),
        Case(input: "a '{' b", printed: "a '{' b"),
        Case(input: "'{a}'", printed: "'{a}'"),
        Case(input: "a}b", printed: "a'}'b"),
        Case(input: "x'", printed: "x'"),
        Case(input: "'''{'", printed: "'''{'"),
        Case(input: "it''s {n}", printed: "it's {n}"),
        Case(input: "x''{n}", printed: "x''{n}"),
        Case(input: "{ n , number , integer }", printed: "{n, number, integer}"),
        Case(input: "{n,number, #,##0.00}", printed: "{n, number,#,##0.00}"),
        Case(input: "{n,number,   ::  currency/EUR }", printed: "{n, number, ::currency/EUR}"),
        Case(input: "{d,DATE,short}", printed: "{d, date, short}"),
        Case(input: "{n,plural,offset:1 =0{none}one{# '#'}other{#'}'}}", printed: "{n, plural, offset:1 =0 {none} one {# '#'} other {#'}'}}"),
        Case(input: "{n,plural,other{x''}}", printed: "{n, plural, other {x''}}"),
        Case(input: "{g,select,other{#}}", printed: "{g, select, other {#}}"),
        Case(input: "{0,choice,0#none|1<many '|' of them}", printed: "{0, choice, 0#none|1<many '|' of them}"),
        Case(input: "{0,choice,-∞<neg|0≤zero}", printed: "{0, choice, -∞<neg|0#zero}"),
        Case(input: "{n,plural,=1.5{x} other{y}}", printed: "{n, plural, =1.5 {x} other {y}}"),
    ]

    @Test(arguments: cases)
    func printsCanonically(_ c: Case) throws {
        let message = try MessageParser.parse(c.input)
        let printed = MessagePrinter.print(message)
        #expect(printed == c.printed)
        let reparsed = try MessageParser.parse(printed)
        #expect(reparsed.isStructurallyEqual(to: message))
    }

    @Test func printsHandBuiltTrees() {
        // Text that needs quoting in one context but not another.
        let pound = Message(parts: [.text("#1 {x} it's", .zero)], range: .zero)
        let plural = Argument(name: .named("n"), kind: .plural(offset: 0, cases: [PluralCase(selector: .keyword("other"), message: pound, selectorRange: .zero)]), range: .zero, nameRange: .zero)
        let message = Message(parts: [.text("#1 {x} it's", .zero), .argument(plural)], range: .zero)
        #expect(MessagePrinter.print(message) == "#1 '{x}' it's{n, plural, other {'#'1 '{x}' it's}}")
    }
}
