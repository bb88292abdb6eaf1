import ErrorCatalog
import MessageMatching
import Testing

@Suite("Error bodies")
struct ErrorBodyTests {
    let matcher = Fixtures.matcher

    @Test func envelopeWithMatchingMessage() throws {
        let body = #"{"error":{"code":"InvalidHashValue","message":"Hash value 12ab is invalid.","target":"43f4cb08-8fac-4b65-9db1-745c2ae65f3a"}}"#
        let explained = matcher.explain(body: body, httpStatus: 400, locale: "de")
        #expect(explained.body.format == .errorEnvelope)
        #expect(explained.code == "InvalidHashValue")
        #expect(explained.codeSource == .envelope)
        #expect(explained.status == 400)
        #expect(explained.statusAgrees == true)
        #expect(explained.target == "43f4cb08-8fac-4b65-9db1-745c2ae65f3a")
        #expect(!explained.codeDisagreement)
        let best = try #require(explained.match?.best)
        #expect(best.values["hash"]?.text == "12ab")
        // German description and hint.
        #expect(explained.hint == Fixtures.catalog.entry("InvalidHashValue")?.localized["de"]?.hint)
        #expect(explained.hint != nil)
    }

    @Test func unknownMessageKeepsTheEnvelope() throws {
        let body = #"{"error":{"code":"InvalidUrl","message":"Something entirely new happened","target":"|8b7d5947-428b0a9cb9bb1600."}}"#
        let explained = matcher.explain(body: body)
        #expect(explained.code == "InvalidUrl")
        #expect(explained.status == 400)
        #expect(explained.target == "|8b7d5947-428b0a9cb9bb1600.")
        #expect(explained.match?.matched == false)
        #expect(explained.description != nil)
        #expect(explained.hint != nil)
    }

    @Test func disagreementIsReported() {
        let body = #"{"error":{"code":"InvalidUrl","message":"Hash value abc is invalid.","target":"t"}}"#
        let explained = matcher.explain(body: body, httpStatus: 404)
        #expect(explained.code == "InvalidUrl")
        #expect(explained.messageCode == "InvalidHashValue")
        #expect(explained.codeDisagreement)
        #expect(explained.statusAgrees == false)
        #expect(explained.notes.contains { $0.contains("InvalidHashValue") })
    }

    @Test func deepestKnownInnerErrorWins() {
        let body = #"{"error":{"code":"BadRequest","message":"Invalid input foo.","innererror":{"code":"InvalidInput","innererror":{"code":"SomethingInternal"}}}}"#
        let explained = matcher.explain(body: body)
        #expect(explained.body.codeChain == ["BadRequest", "InvalidInput", "SomethingInternal"])
        #expect(explained.code == "InvalidInput")
        #expect(explained.codeSource == .innerError)
        #expect(explained.match?.best?.values["input"]?.text == "foo")
        #expect(explained.notes.contains { $0.contains("SomethingInternal") })
    }

    @Test func aspNetBodyHasNoEnvelopeCode() throws {
        let explained = matcher.explain(body: #"{"Message": "Machine 123123123 was not found"}"#)
        #expect(explained.body.format == .aspNet)
        #expect(explained.code == "ResourceNotFound")
        #expect(explained.codeSource == .message)
        #expect(explained.status == 404)
    }

    @Test(arguments: [
        "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>",
        "", "   ", "{", "[1,2]", "{\"error\": 5}", "{\"error\": {\"code\": 12, \"innererror\": []}}", "null", "\u{0}\u{1}",
        "{\"error\":{\"code\":\"X\",\"details\":[1,{\"code\":null}]}}",
    ])
    func neverCrashes(body: String) {
        let explained = matcher.explain(body: body, httpStatus: 502)
        #expect(explained.code == nil || Fixtures.catalog.entry(explained.code!) != nil)
    }

    @Test func htmlTitleIsKept() {
        let body = ErrorBody.decode("<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>")
        #expect(body.format == .html)
        #expect(body.note == "502 Bad Gateway")
    }
}
