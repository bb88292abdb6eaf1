import ErrorCatalog
import ErrorTypeGenerator
import Testing

/// The generator's naming and its refusals, on catalogs made in memory.
@Suite struct GeneratorTests {
    static func catalog(codes: String) throws -> Catalog {
        try Catalog.load(files: ["en.json": #"{"catalog": "t", "locale": "en", "codes": [\#(codes)]}"#])
    }

    @Test func caseNames() {
        #expect(SwiftName.lowerCamel("MaximumBatchSizeExceeded") == "maximumBatchSizeExceeded")
        #expect(SwiftName.lowerCamel("ODataError") == "oDataError")
        #expect(SwiftName.lowerCamel("URLInvalid") == "urlInvalid")
        #expect(SwiftName.lowerCamel("HTTP") == "http")
        #expect(SwiftName.lowerCamel("Bad-Request_x") == "badRequestX")
        #expect(SwiftName.upperCamel("no-automation-level") == "NoAutomationLevel")
        #expect(SwiftName.escaped("default") == "`default`")
        #expect(SwiftName.escaped("hash") == "hash")
        #expect(SwiftName.label("default") == "default")
        #expect(SwiftName.label("inout") == "`inout`")
        #expect(SwiftName.literal("a\"b\\c\n") == #""a\"b\\c\n""#)
    }

    @Test func variantsWithOtherPlaceholdersBecomeTheirOwnCases() throws {
        let catalog = try Self.catalog(codes: #"""
            {"code": "Status", "status": 409, "placeholders": [{"name": "default", "type": "integer"}, {"name": "when", "type": "date"}],
             "templates": [{"id": "docs", "pattern": "Conflict {default}."}, {"id": "timed", "pattern": "Conflict at {when}."},
                           {"id": "again", "pattern": "Conflict again: {default}."}]}
            """#)
        let cases = try ErrorTypeGenerator.cases(for: catalog)
        #expect(cases.map(\.name) == ["statusError", "statusErrorTimed"])
        #expect(cases[0].variantIDs == ["docs", "again"])
        #expect(cases[0].renderVariant == "docs")
        let source = try ErrorTypeGenerator(typeName: "TError", catalogExpression: "c()", regenerateCommand: "x").generate(catalog)
        #expect(source.contains("    case statusError(`default`: Int)\n"))
        #expect(source.contains("    case statusErrorTimed(when: Date)\n"))
        #expect(source.contains(#"case ("Status", "docs"), ("Status", "again"):"#))
    }

    @Test func refusals() throws {
        let catalog = try Self.catalog(codes: #"""
            {"code": "HTTPError", "status": 400, "placeholders": [], "templates": []},
            {"code": "HttpError", "status": 400, "placeholders": [], "templates": []}
            """#)
        #expect(throws: ErrorTypeGenerator.Problem.caseNameClash(name: "httpError", first: "HTTPError", second: "HttpError")) {
            try ErrorTypeGenerator.cases(for: catalog)
        }
        let generator = ErrorTypeGenerator(typeName: "lowercase", catalogExpression: "c()", regenerateCommand: "x")
        #expect(throws: ErrorTypeGenerator.Problem.invalidTypeName("lowercase")) { try generator.generate(catalog) }
        #expect(ErrorTypeGenerator.Problem.invalidTypeName("x y").description.contains("is not a Swift type name"))
    }
}
