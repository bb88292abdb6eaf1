import ArgumentParser
import ErrorCatalog
import ErrorTypeGenerator
import Foundation

struct GenerateSwiftCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate-swift",
        abstract: "Generate a typed Swift error enum (module CatalogErrors' CatalogError) from a catalog.",
        discussion: """
        One case per code, and per template variant where variants use different placeholders, with \
        associated values typed from the placeholders (integer → Int, list → [String], date → Date, \
        others and rejected values → String). The package's command plugin runs this: \
        swift package --allow-writing-to-package-directory generate-error-types.
        """
    )

    @OptionGroup var catalogOptions: CatalogOptions

    @Option(name: .long, help: ArgumentHelp("The Swift type name.", valueName: "name"))
    var type: String = "DefenderError"

    @Option(name: .long, help: ArgumentHelp("A Swift expression that loads the catalog at run time (may throw).", valueName: "expression"))
    var catalogExpression: String = "Catalog.defender"

    @Option(name: .customLong("import"), help: ArgumentHelp("A module the expression needs (repeatable; default: DefenderCatalog for Catalog.defender, else none).", valueName: "module"))
    var imports: [String] = []

    /// The modules to import: as given, or DefenderCatalog for the default expression.
    var effectiveImports: [String] {
        imports.isEmpty && catalogExpression == "Catalog.defender" ? ["DefenderCatalog"] : imports
    }

    @Option(name: .long, help: ArgumentHelp("Access level of the type: public, package or internal.", valueName: "level"))
    var access: String = "public"

    @Option(name: .long, help: ArgumentHelp("The regeneration command quoted in the file's header.", valueName: "text"))
    var regenerateCommand: String = "swift package --allow-writing-to-package-directory generate-error-types"

    @Option(name: .shortAndLong, help: ArgumentHelp("The Swift file to write ('-': standard output).", valueName: "file"))
    var output: String = "-"

    func validate() throws {
        guard ["public", "package", "internal"].contains(access) else {
            throw ValidationError("--access '\(Terminal.safe(access))' is not an access level; use public, package or internal")
        }
        for module in imports where !SwiftName.isIdentifier(module) {
            throw ValidationError("--import '\(Terminal.safe(module))' is not a module name; use letters, digits and _")
        }
    }

    func run() throws {
        let catalog = try catalogOptions.load()
        let generator = ErrorTypeGenerator(typeName: type, catalogExpression: catalogExpression, imports: effectiveImports,
                                           access: access == "internal" ? "" : access, regenerateCommand: regenerateCommand)
        let source: String
        do {
            source = try generator.generate(catalog)
        } catch {
            Terminal.error(error.description)
            throw ExitCode(2)
        }
        if output == "-" {
            FileHandle.standardOutput.write(Data(source.utf8))
            return
        }
        // Unchanged output leaves the file alone (its timestamp too, so nothing rebuilds).
        if let existing = FileManager.default.contents(atPath: output), existing == Data(source.utf8) {
            Terminal.err("\(output) is up to date")
            return
        }
        do {
            try Data(source.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            Terminal.error("cannot write \(Terminal.safe(output)): \(error.localizedDescription)")
            throw ExitCode(1)
        }
        Terminal.err("wrote \(output): \(type), \(try ErrorTypeGenerator.cases(for: catalog).count) cases for \(catalog.codes.count) codes")
    }
}
