import Testing
@testable import MessageSyntax

@Suite struct LintTests {
    @Test func duplicateSelectorsAreAcceptedByICUButReported() throws {
        // ICU 72 accepts duplicates (checked against the oracle in DifferentialTests).
        let findings = try MessageLint.findings(in: "{n, plural, one {a} one {b} other {c}} {g, select, x {1} x {2} other {3}}")
        #expect(findings.map(\.column) == [21, 58])
        #expect(findings.first?.problem == "duplicate selector 'one': ICU uses only the first case")
    }

    @Test func whiteSpaceAroundAPatternStyleIsReported() throws {
        let findings = try MessageLint.findings(in: "{n, number, #,##0} {m, number,#,##0} {k, number, integer}")
        #expect(findings.map(\.column) == [12])
    }

    @Test func cleanPatternHasNoFindings() throws {
        #expect(try MessageLint.findings(in: "{n, plural, one {# Gerät} other {# Geräte}} {d, date, ::yMMMd}").isEmpty)
    }

    @Test func invalidPatternStillThrows() {
        #expect(throws: SyntaxError.self) { try MessageLint.findings(in: "{n, plural, one {a}}") }
    }
}
