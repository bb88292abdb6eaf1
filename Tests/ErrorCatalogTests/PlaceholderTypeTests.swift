import Testing
@testable import ErrorCatalog

@Suite struct PlaceholderTypeTests {
    @Test(arguments: [
        (PlaceholderType.hash, "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", true),
        (.hash, "d41d8cd98f00b204e9800998ecf8427e", true),
        (.hash, "da39a3ee5e6b4b0d3255bfef95601890afd80709", true),
        (.hash, "xyz", false), (.hash, "abc", false),
        (.ipAddress, "10.0.0.1", true), (.ipAddress, "256.1.1.1", false), (.ipAddress, "2001:db8::1", true),
        (.ipAddress, "::", true), (.ipAddress, "::ffff:10.0.0.1", true), (.ipAddress, "1:2:3:4:5:6:7:8:9", false),
        (.ipAddress, "01.2.3.4", false), (.ipAddress, "1::2::3", false),
        (.domainName, "contoso.com", true), (.domainName, "contoso", false), (.domainName, "-a.com", false),
        (.domainName, "a..com", false),
        (.url, "https://contoso.com/a?b=c", true), (.url, "contoso.com", false), (.url, "https://", false),
        (.guid, "43f4cb08-8fac-4b65-9db1-745c2ae65f3a", true), (.guid, "{43f4cb08-8fac-4b65-9db1-745c2ae65f3a}", true),
        (.guid, "43f4cb08-8fac-4b65-9db1", false),
        (.version, "10.3720.17763.1", true), (.version, "10", false), (.version, "1.a", false),
        (.identifier, "Machine", true), (.identifier, "two words", false),
    ])
    func validatesText(type: PlaceholderType, text: String, valid: Bool) {
        #expect((type.validate(.text(text)) == nil) == valid, "\(type) \(text)")
    }

    @Test func rejectedPlaceholdersAcceptAnyText() throws {
        let placeholder = Placeholder(name: "hash", type: .hash, rejected: true)
        #expect(placeholder.validate(.text("xyz")) == nil)
        #expect(try placeholder.parse("not a hash at all").get() == .text("not a hash at all"))
    }

    @Test func explainSaysWhyAHashIsInvalid() {
        #expect(PlaceholderType.hash.explain("xyz") == "'xyz' is not a valid hash: 'x' is not a hexadecimal digit. Accepted: an MD5, SHA-1 or SHA-256 hash: 32, 40 or 64 hexadecimal digits.")
        #expect(PlaceholderType.hash.explain("abcd").contains("it has 4 hexadecimal digits"))
        #expect(PlaceholderType.hash.explain("xyz", locale: "de") == "'xyz' ist kein gültiger Wert vom Typ hash: 'x' ist keine Hexadezimalziffer. Erwartet: ein MD5-, SHA-1- oder SHA-256-Hash: 32, 40 oder 64 Hexadezimalziffern.")
        #expect(PlaceholderType.ipAddress.explain("10.0.0.1", locale: "de-AT") == "'10.0.0.1' ist ein formal gültiger Wert vom Typ ipAddress.")
    }

    @Test func integersParseStrictly() throws {
        #expect(try PlaceholderType.integer.parse("1200").get() == .integer(1200))
        #expect(try PlaceholderType.integer.parse("-5").get() == .integer(-5))
        guard case .failure(let problem) = PlaceholderType.integer.parse("abc") else { Issue.record("abc parsed"); return }
        #expect(problem.description == "'abc' is not a valid integer: it is not a whole number; expected a whole number such as 1200 or -5 (digits only, no grouping)")
        guard case .failure(let grouped) = PlaceholderType.integer.parse("1,200") else { Issue.record("1,200 parsed"); return }
        #expect(grouped.reason.contains("grouping"))
        guard case .failure(let big) = PlaceholderType.integer.parse("99999999999999999999") else { Issue.record("overflow parsed"); return }
        #expect(big.reason.contains("64 bits"))
    }

    @Test func listsAndDates() throws {
        #expect(try PlaceholderType.list.parse("A.Read.All, B.Read.All").get() == .list(["A.Read.All", "B.Read.All"]))
        #expect(throws: ValueProblem.self) { try PlaceholderType.list.parse("a,,b").get() }
        #expect(try PlaceholderType.date.parse("1970-01-02").get() == .date(millisecondsSince1970: 86_400_000))
        #expect(try PlaceholderType.date.parse("2024-05-01T12:30:00+02:00").get() == .date(millisecondsSince1970: 1_714_559_400_000))
        #expect(Value.date(millisecondsSince1970: 1_714_559_400_000).description == "2024-05-01T10:30:00Z")
        #expect(throws: ValueProblem.self) { try PlaceholderType.date.parse("2024-02-30").get() }
    }

    @Test func randomValuesAreValidForTheirType() {
        var rng = SeededRandomNumberGenerator(seed: 7)
        for type in PlaceholderType.allCases {
            for _ in 0..<200 {
                let value = type.randomValue(using: &rng)
                #expect(type.validate(value) == nil, "\(type): \(value)")
            }
        }
    }
}

