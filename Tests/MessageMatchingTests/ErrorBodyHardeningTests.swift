import ErrorCatalog
import Foundation
@testable import MessageMatching
import Testing

/// Issue 10.8: bodies that lost their code ("not valid JSON") although they are valid JSON.
@Suite("Error bodies: BOM, deep nesting, huge numbers")
struct ErrorBodyHardeningTests {
    static let envelope = #""error":{"code":"InvalidHashValue","message":"Hash value xyz is invalid.","target":"t-1"}"#

    func expectCode(_ body: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let decoded = ErrorBody.decode(body)
        #expect(decoded.format == .errorEnvelope, "\(decoded.note ?? "")", sourceLocation: sourceLocation)
        #expect(decoded.code == "InvalidHashValue", sourceLocation: sourceLocation)
        #expect(decoded.message == "Hash value xyz is invalid.", sourceLocation: sourceLocation)
        #expect(decoded.target == "t-1", sourceLocation: sourceLocation)
        #expect(Fixtures.matcher.explain(body: body).code == "InvalidHashValue", sourceLocation: sourceLocation)
    }

    @Test func byteOrderMarkIsSkipped() {
        expectCode("\u{FEFF}{\(Self.envelope)}")
        expectCode("\u{FEFF}  \n{\(Self.envelope)}")
        // A BOM and a combining mark form one Character: still only the BOM goes.
        #expect(ErrorBody.decode("\u{FEFF}\u{301}x") == ErrorBody.decode("\u{301}x"))
    }

    @Test(arguments: [600, 5_000, 100_000])
    func deepNestingInAnUnrelatedField(depth: Int) {
        let deep = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        expectCode("{\"extra\":\(deep),\(Self.envelope)}")
        let deepObject = String(repeating: "{\"a\":", count: depth) + "1" + String(repeating: "}", count: depth)
        expectCode("{\(Self.envelope),\"extra\":\(deepObject)}")
    }

    @Test(arguments: ["1e309", "-1e309", "123456789012345678901234567890", "1.5e-400", "1E+999999999999"])
    func hugeNumberInAnUnrelatedField(number: String) {
        expectCode("{\"size\":\(number),\(Self.envelope)}")
        expectCode("{\(Self.envelope),\"list\":[1,\(number),{\"x\":\(number)}]}")
    }

    /// The reader behind these is as strict as JSON otherwise.
    @Test(arguments: ["{", "[1,]", "{\"a\":1,}", "{\"a\" 1}", "{a:1}", "[01]", "[1.]", "[.5]", "[-]", "[1e]", "\"\u{1}\"",
                      "[\"\\x\"]", "[tru]", "[1] [2]", "{\"a\":1}}", "[[]", "{\"a\":}", "[\"\\u12\"]", String(repeating: "[", count: 1000)])
    func malformedJSONIsRefused(text: String) {
        #expect(TolerantJSON.parse(text) == nil)
    }

    @Test func valuesHaveFoundationShapes() throws {
        let text = #"{"s":"a\"b\\c\/d\u00e9\ud83d\udc4d","n":-12,"d":1.5,"t":true,"f":false,"z":null,"a":[1,{"k":[]}],"o":{}}"#
        let ours = try #require(TolerantJSON.parse(text) as? NSDictionary)
        let foundation = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? NSDictionary)
        #expect(ours == foundation)
        #expect(TolerantJSON.parse("{\"x\":1e309}").flatMap { ($0 as? [String: Any])?["x"] as? String } == "1e309")
        // Deeper than the limit: kept up to it, the rest is null.
        let nested = TolerantJSON.parse(String(repeating: "[", count: 3) + "7" + String(repeating: "]", count: 3), maxDepth: 2)
        #expect((nested as? [Any]).flatMap { ($0.first as? [Any])?.first } is NSNull)
    }
}
