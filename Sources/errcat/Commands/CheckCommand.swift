import ArgumentParser
import ErrorCatalog

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate a catalog: exit 0 when it loads, 1 with every problem listed when it does not."
    )

    @OptionGroup var catalogOptions: CatalogOptions

    func run() throws {
        let directory = try catalogOptions.directory
        do {
            let catalog = try Catalog.load(directory: directory)
            for warning in catalog.warnings {
                Terminal.err(CLIReport.render(warning))
                Terminal.err("")
            }
            let templates = catalog.codes.reduce(0) { sum, entry in
                sum + entry.localized.values.reduce(0) { $0 + $1.templates.count + $1.observed.count }
            }
            let warnings = catalog.warnings.isEmpty ? "" : ", \(catalog.warnings.count) warning\(catalog.warnings.count == 1 ? "" : "s")"
            Terminal.out("ok: \(directory): \(catalog.codes.count) codes, \(templates) templates in \(catalog.locales.count) locales (\(catalog.locales.joined(separator: ", ")))\(warnings)")
        } catch {
            for problem in error.problems {
                Terminal.out(CLIReport.render(problem, toStderr: false))
                Terminal.out("")
            }
            let errors = error.errors.count
            let warnings = error.problems.count - errors
            Terminal.out("\(directory): \(errors) error\(errors == 1 ? "" : "s")\(warnings > 0 ? ", \(warnings) warning\(warnings == 1 ? "" : "s")" : ""); the catalog does not load")
            throw ExitCode(1)
        }
    }
}
