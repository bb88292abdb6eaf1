/// Random valid values per type: for round-trip property tests, differential tests and benchmarks.
extension PlaceholderType {
    public func randomValue<R: RandomNumberGenerator>(using rng: inout R) -> Value {
        func hex(_ count: Int, upper: Bool = false) -> String {
            let digits = Array(upper ? "0123456789ABCDEF" : "0123456789abcdef")
            return String((0..<count).map { _ in digits[Int.random(in: 0..<16, using: &rng)] })
        }
        func word() -> String {
            let words = ["Machine", "alert", "Contoso", "tenant", "indicator", "file", "device", "query",
                         "investigation", "user", "Fabrikam", "scan", "isolate", "policy", "report", "batch"]
            return words[Int.random(in: 0..<words.count, using: &rng)]
        }
        switch self {
        case .string:
            let count = Int.random(in: 1...4, using: &rng)
            return .text((0..<count).map { _ in word() }.joined(separator: " "))
        case .integer:
            switch Int.random(in: 0..<4, using: &rng) {
            case 0: return .integer(Int64.random(in: 0..<1_000, using: &rng))
            case 1: return .integer(Int64.random(in: 1_000..<1_000_000, using: &rng))
            case 2: return .integer(Int64.random(in: 1_000_000..<10_000_000_000, using: &rng))
            default: return .integer(Int64.random(in: -100_000..<0, using: &rng))
            }
        case .hash:
            return .text(hex([32, 40, 64][Int.random(in: 0..<3, using: &rng)], upper: Bool.random(using: &rng) && Bool.random(using: &rng)))
        case .ipAddress:
            if Bool.random(using: &rng) {
                return .text((0..<4).map { _ in String(Int.random(in: 0...255, using: &rng)) }.joined(separator: "."))
            }
            let groups = (0..<8).map { _ in String(Int.random(in: 0...0xFFFF, using: &rng), radix: 16) }
            if Bool.random(using: &rng) {
                return .text(groups.joined(separator: ":"))
            }
            return .text(groups[0..<2].joined(separator: ":") + "::" + groups[6..<8].joined(separator: ":"))
        case .domainName:
            let tlds = ["com", "net", "org", "de", "io"]
            let labels = (0..<Int.random(in: 1...2, using: &rng)).map { _ in word().lowercased() + String(Int.random(in: 0..<100, using: &rng)) }
            return .text(labels.joined(separator: ".") + "." + tlds[Int.random(in: 0..<tlds.count, using: &rng)])
        case .url:
            let domain = PlaceholderType.domainName.randomValue(using: &rng).description
            return .text("https://\(domain)/\(word().lowercased())/\(Int.random(in: 1..<100_000, using: &rng))")
        case .guid:
            return .text("\(hex(8))-\(hex(4))-\(hex(4))-\(hex(4))-\(hex(12))")
        case .identifier:
            return Bool.random(using: &rng) ? .text(word()) : .text(hex(40))
        case .version:
            let parts = Int.random(in: 2...4, using: &rng)
            return .text((0..<parts).map { _ in String(Int.random(in: 0..<20_000, using: &rng)) }.joined(separator: "."))
        case .list:
            let scopes = ["Machine.Read.All", "Alert.Read.All", "AdvancedQuery.Read.All", "Vulnerability.Read.All",
                          "Ti.ReadWrite", "Machine.Isolate", "File.Read.All", "Url.Read.All"]
            let count = Int.random(in: 1...3, using: &rng)
            return .list((0..<count).map { _ in scopes[Int.random(in: 0..<scopes.count, using: &rng)] })
        case .date:
            // 2000-01-01 .. 2035-01-01, whole seconds.
            let seconds = Double(Int64.random(in: 946_684_800..<2_051_222_400, using: &rng))
            return .date(millisecondsSince1970: seconds * 1000)
        }
    }
}
