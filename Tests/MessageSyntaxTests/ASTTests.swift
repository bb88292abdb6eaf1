import Testing
@testable import MessageSyntax

@Suite struct ASTTests {
    @Test func allArgumentsWalksNestedMessages() {
        let inner = Message(parts: [.argument(Argument(name: .named("b"), kind: .simple, range: .init(start: 0, end: 3), nameRange: .init(start: 1, end: 2)))], range: .init(start: 0, end: 3))
        let plural = Argument(name: .named("a"), kind: .plural(offset: 0, cases: [PluralCase(selector: .keyword("other"), message: inner, selectorRange: .init(start: 0, end: 5))]), range: .init(start: 0, end: 10), nameRange: .init(start: 1, end: 2))
        let message = Message(parts: [.argument(plural)], range: .init(start: 0, end: 10))
        #expect(message.allArguments.map(\.name.description) == ["a", "b"])
    }
}
