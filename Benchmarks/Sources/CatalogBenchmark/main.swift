// Catalog-layer benchmark (issue 7): load + validate generated catalogs of 1,000 / 10,000 / 100,000
// codes (en + de, mixed placeholder types, plural and select branches) against decoding the same
// bytes with Foundation's JSONSerialization alone, in the same run; then the matcher and formatter
// compile steps on the loaded catalog, and a catalog with many errors (every problem reported, with
// positions). Every measured result is checked before its time is printed: the loaded catalog has
// every code and template, the broken one reports exactly the injected problems, each with a line.
//
// Run: swift run -c release --package-path Benchmarks CatalogBenchmark [sizes…] [--rounds N] [--wall] [--lean]
//      (default sizes 1000 10000 100000; rounds: medians of alternating rounds, default 5, 3 at 100k)
import ErrorCatalog
import Foundation
import MessageFormatting
import MessageMatching
import MessageSyntax

/// Times are the thread's CPU time (CLOCK_THREAD_CPUTIME_ID): everything here runs on one thread,
/// and CPU time does not count the time another process had the core (`--wall` for wall-clock time).
let wallClock = CommandLine.arguments.contains("--wall")

func measure(_ body: () -> Void) -> Double {
    var start = timespec(), end = timespec()
    let clockID = wallClock ? CLOCK_MONOTONIC : CLOCK_THREAD_CPUTIME_ID
    clock_gettime(clockID, &start)
    body()
    clock_gettime(clockID, &end)
    return Double(end.tv_sec - start.tv_sec) + Double(end.tv_nsec - start.tv_nsec) / 1e9
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted[sorted.count / 2]
}

func check(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition {
        FileHandle.standardError.write(Data("CHECK FAILED: \(message())\n".utf8))
        exit(1)
    }
}

// MARK: Generated catalogs

/// The placeholder types mixed into generated codes, with a German and an English phrase around them.
let shapes: [(type: String, en: String, de: String, plural: Bool)] = [
    ("hash", "Hash value {v} is invalid.", "Der Hashwert {v} ist ungültig.", false),
    ("integer", "Received {v, plural, one {# item} other {# items}}, allowed: {w}.", "{v, plural, one {# Element} other {# Elemente}} empfangen, zulässig: {w}.", true),
    ("ipAddress", "IP address {v} is invalid.", "Die IP-Adresse {v} ist ungültig.", false),
    ("url", "URL {v} is invalid.", "Die URL {v} ist ungültig.", false),
    ("identifier", "The {w, select, user {user} other {object}} {v} was not found.", "{w, select, user {Der Benutzer} other {Das Objekt}} {v} wurde nicht gefunden.", false),
    ("version", "Client version {v} is not supported.", "Die Clientversion {v} wird nicht unterstützt.", false),
]

func json(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        default: out.unicodeScalars.append(scalar)
        }
    }
    return out + "\""
}

/// en.json and de.json with `count` codes, in the documented layout. `broken`: every 10th code gets
/// an unknown placeholder in en (two errors: de then lacks it), every 10th a syntax error in de, and de translates 1 code in 100
/// that does not exist; returns the number of errors that makes.
func generate(count: Int, broken: Bool = false) -> (en: String, de: String, errors: Int) {
    var en = "{\n  \"catalog\": \"generated\",\n  \"locale\": \"en\",\n  \"codes\": [\n"
    var de = "{\n  \"catalog\": \"generated\",\n  \"locale\": \"de\",\n  \"codes\": [\n"
    var errors = 0
    for index in 0..<count {
        let shape = shapes[index % shapes.count]
        let code = "GeneratedError\(index)"
        let secondType = shape.plural ? "integer" : (shape.en.contains("select") ? "string" : "string")
        let usesW = shape.en.contains("{w")
        var enPattern = "\(code): " + shape.en
        var dePattern = "\(code): " + shape.de
        // The undeclared placeholder is one error in en, and de (which does not use it) "drops" it: two.
        if broken && index % 10 == 3 { enPattern += " {unknownName}"; errors += 2 }
        if broken && index % 10 == 7 { dePattern += " {broken"; errors += 1 }
        let placeholders = "[ { \"name\": \"v\", \"type\": \"\(shape.type)\" }" + (usesW ? ", { \"name\": \"w\", \"type\": \"\(secondType)\" }" : "") + " ]"
        en += index == 0 ? "" : ",\n"
        if lean {
            // One line per code, no texts for people: the shape of the issue's 2.5 MB 10,000-code catalog.
            en += "    {\"code\": \"\(code)\", \"status\": \(400 + index % 5), \"placeholders\": \(placeholders), \"templates\": [{\"id\": \"docs\", \"pattern\": \(json(enPattern))}]}"
            de += (index == 0 ? "" : ",\n") + "    {\"code\": \"\(code)\", \"templates\": [{\"id\": \"docs\", \"pattern\": \(json(dePattern))}]}"
            if broken && index % 100 == 50 {
                de += ",\n    { \"code\": \"NoSuchCode\(index)\", \"templates\": [] }"
                errors += 1
            }
            continue
        }
        en += """
            {
              "code": "\(code)",
              "status": \(400 + index % 5),
              "placeholders": \(placeholders),
              "templates": [ { "id": "docs", "pattern": \(json(enPattern)) } ],
              "description": "What error \(index) means.",
              "hint": "What to do about error \(index)."
            }
        """
        de += index == 0 ? "" : ",\n"
        de += """
            {
              "code": "\(code)",
              "templates": [ { "id": "docs", "pattern": \(json(dePattern)), "from": \(json(enPattern)) } ],
              "description": "Was Fehler \(index) bedeutet.",
              "hint": "Was bei Fehler \(index) zu tun ist."
            }
        """
        if broken && index % 100 == 50 {
            de += ",\n    { \"code\": \"NoSuchCode\(index)\", \"templates\": [] }"
            errors += 1
        }
    }
    en += "\n  ]\n}\n"
    de += "\n  ]\n}\n"
    return (en, de, errors)
}

func write(_ files: (en: String, de: String, errors: Int), to directory: String) {
    try? FileManager.default.removeItem(atPath: directory)
    try! FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    try! files.en.write(toFile: directory + "/en.json", atomically: false, encoding: .utf8)
    try! files.de.write(toFile: directory + "/de.json", atomically: false, encoding: .utf8)
}

// MARK: Arguments

/// `--lean`: codes without description, hint or `from`, one line each.
let lean = CommandLine.arguments.contains("--lean")
var sizes: [Int] = []
var rounds: Int?
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    if argument == "--wall" || argument == "--breakdown" || argument == "--profile-load" || argument == "--profile-validate" || argument == "--lean" { continue }
    if argument == "--rounds", let value = arguments.popFirst().flatMap({ Int($0) }) { rounds = value }
    else if let size = Int(argument) { sizes.append(size) }
    else {
        FileHandle.standardError.write(Data("usage: CatalogBenchmark [sizes…] [--rounds N]\n".utf8))
        exit(2)
    }
}
if sizes.isEmpty { sizes = [1_000, 10_000, 100_000] }

let base = NSTemporaryDirectory() + "errcat-catalog-benchmark-\(getpid())"
defer { try? FileManager.default.removeItem(atPath: base) }

print("Catalog layer, one thread, release build; \(wallClock ? "wall-clock" : "thread CPU") time, medians of alternating rounds. Every result checked before its time is reported.")
print("")
print("| codes (templates) | file bytes | JSONSerialization only | CatalogDocument.read | Catalog.load + validate | load ÷ JSON | matcher compile | formatter prepare | many-errors catalog (errors) |")
print("|---|---|---|---|---|---|---|---|---|")

var allMet = true
for size in sizes {
    let directory = base + "/\(size)"
    let files = generate(count: size)
    write(files, to: directory)
    let brokenDirectory = base + "/\(size)-broken"
    let broken = generate(count: size, broken: true)
    write(broken, to: brokenDirectory)
    let bytes = [Data(files.en.utf8), Data(files.de.utf8)]

    // Checks first: the catalog loads with every code and template; the broken one reports exactly its errors.
    let catalog = try Catalog.load(directory: directory)
    check(catalog.codes.count == size, "loaded \(catalog.codes.count) codes, expected \(size)")
    check(catalog.locales == ["en", "de"], "locales \(catalog.locales)")
    // A code whose {v} is an identifier, so that "x" is a well-formed value for it.
    let sample = catalog.codes[size / 2 - (size / 2) % shapes.count + 4]
    check(sample.localized["de"]?.templates.count == 1 && sample.localized["en"]?.templates.first?.pattern.hasPrefix(sample.code + ": ") == true,
          "sample code \(sample.code) incomplete")
    check(catalog.warnings.isEmpty, "unexpected warnings: \(catalog.warnings.prefix(3))")
    func brokenProblems() -> [CatalogProblem] {
        do {
            _ = try Catalog.load(directory: brokenDirectory)
            return []
        } catch {
            return error.errors
        }
    }
    let problems = brokenProblems()
    check(problems.count == broken.errors, "broken catalog: \(problems.count) errors reported, \(broken.errors) injected")
    check(problems.allSatisfy { $0.line != nil && $0.file != nil }, "a problem without a position")

    if CommandLine.arguments.contains("--profile-validate") {
        let (document, _) = CatalogDocument.read(directory: directory)
        for _ in 0..<(rounds ?? 5) { check((try? Catalog.load(document: document))?.codes.count == size, "validate") }
        continue
    }
    if CommandLine.arguments.contains("--profile-load") {
        // Only loads, for a profiler.
        for _ in 0..<(rounds ?? 5) { check((try? Catalog.load(directory: directory))?.codes.count == size, "load") }
        continue
    }
    var json: [Double] = [], read: [Double] = [], load: [Double] = [], brokenTimes: [Double] = []
    let roundCount = rounds ?? (size >= 100_000 ? 3 : 5)
    for _ in 0..<roundCount {
        json.append(measure {
            for data in bytes {
                let object = try! JSONSerialization.jsonObject(with: data)
                check((object as? [String: Any])?["codes"] != nil, "JSONSerialization result")
            }
        })
        read.append(measure {
            let (document, problems) = CatalogDocument.read(directory: directory)
            check(problems.isEmpty && document.files.count == 2 && document.files[0].codes.count == size, "document read")
        })
        load.append(measure {
            let loaded = try! Catalog.load(directory: directory)
            check(loaded.codes.count == size, "load")
        })
        brokenTimes.append(measure {
            check(brokenProblems().count == broken.errors, "broken load")
        })
    }
    if CommandLine.arguments.contains("--breakdown") {
        // Where load time goes: the MF1 parse of every pattern alone, and the document's teardown.
        let (document, _) = CatalogDocument.read(directory: directory)
        let patterns = document.files.flatMap { $0.codes.flatMap { $0.templates.map(\.pattern) } }
        let parse = measure {
            var arguments = 0
            for pattern in patterns { arguments += (try! MessageParser.parse(pattern)).allArguments.count }
            check(arguments > 0, "parse")
        }
        let validate = measure { check((try? Catalog.load(document: document))?.codes.count == size, "validate") }
        print("  breakdown \(size): validate a read document \(String(format: "%.1f ms", validate * 1000)), of which MessageParser.parse of \(patterns.count) patterns \(String(format: "%.1f ms", parse * 1000))")
    }
    var matcherTime = 0.0, formatterTime = 0.0
    matcherTime = measure {
        let matcher = try! MessageMatcher(catalog: catalog)
        let message = "\(sample.code): The user x was not found."
        let best = matcher.match(message).best
        check(best?.code == sample.code && best?.values["v"]?.text == "x", "matcher reads back \(message)")
    }
    formatterTime = measure {
        let formatter = try! CatalogFormatter(catalog: catalog)
        let text = try! formatter.format(code: sample.code, values: ["v": .text("x"), "w": .text("user")], locale: "de")
        check(text == "\(sample.code): Der Benutzer x wurde nicht gefunden.", "formatter renders \(text)")
    }
    let ratio = median(load) / median(json)
    let templates = catalog.codes.reduce(0) { $0 + ($1.localized.values.reduce(0) { $0 + $1.templates.count }) }
    func ms(_ value: Double) -> String { value < 1 ? String(format: "%.1f ms", value * 1000) : String(format: "%.2f s", value) }
    let byteCount = bytes.reduce(0) { $0 + $1.count }
    print("| \(size) (\(templates)) | \(String(format: "%.1f MB", Double(byteCount) / 1e6)) | \(ms(median(json))) | \(ms(median(read))) | \(ms(median(load))) | \(String(format: "%.2f×", ratio)) | \(ms(matcherTime)) | \(ms(formatterTime)) | \(ms(median(brokenTimes))) (\(broken.errors)) |")
    let target: Double? = size == 10_000 ? 0.2 : size == 100_000 ? 2.0 : nil
    if ratio > 3 || (target.map { median(load) > $0 } ?? false) { allMet = false }
}
print("")
print("Targets (issue 7): 10,000 codes ≤ 0.2 s, 100,000 codes ≤ 2 s, load ≤ 3× the bare JSON parse at every size: \(allMet ? "met" : "NOT met")")
