// Generated from the catalog 'small' by errcat's error-type generator. Do not edit.
// Regenerate with: errcat generate-swift --catalog Tests/SmallErrors/small --type SmallError --catalog-expression 'SmallCatalog.load()' --import ErrorCatalog --access package -o Tests/SmallErrors/SmallError.swift

import CatalogErrors
import ErrorCatalog
import Foundation

/// The errors of the catalog 'small': one case per code (and per
/// template variant with its own placeholders), with typed values.
package enum SmallError: CatalogError, Codable, Hashable {
    /// `Quota exceeded: {used} of {limit} requests used.`
    ///
    /// QuotaExceeded, HTTP 429.
    case quotaExceeded(used: Int, limit: Int)

    /// `Hash {hash} is invalid.`
    ///
    /// BadHash, HTTP 400.
    case badHash(hash: String)

    /// `Hashes need one of the roles {roles}.`
    ///
    /// BadHash, HTTP 400.
    case badHashRolesNeeded(roles: [String])

    /// (no message template: the catalog describes the code only)
    ///
    /// Throttled, HTTP 503.
    case throttled

    /// `Token {default} expired on {when}.`
    ///
    /// Expired, HTTP 410.
    case expired(when: Date, `default`: String)

    package static let catalogSupport = CatalogSupport { try SmallCatalog.load() }

    package var code: String {
        switch self {
        case .quotaExceeded: "QuotaExceeded"
        case .badHash: "BadHash"
        case .badHashRolesNeeded: "BadHash"
        case .throttled: "Throttled"
        case .expired: "Expired"
        }
    }

    package var status: Int {
        switch self {
        case .quotaExceeded: 429
        case .badHash: 400
        case .badHashRolesNeeded: 400
        case .throttled: 503
        case .expired: 410
        }
    }

    package var variantID: String? {
        switch self {
        case .quotaExceeded: "docs"
        case .badHash: "docs"
        case .badHashRolesNeeded: "roles-needed"
        case .throttled: nil
        case .expired: "docs"
        }
    }

    package var values: [String: Value] {
        switch self {
        case .quotaExceeded(let used, let limit):
            return ["used": .integer(Int64(used)), "limit": .integer(Int64(limit))]
        case .badHash(let hash):
            return ["hash": .text(hash)]
        case .badHashRolesNeeded(let roles):
            return ["roles": .list(roles)]
        case .throttled: return [:]
        case .expired(let when, let `default`):
            return ["when": CatalogValue.value(when), "default": .text(`default`)]
        }
    }

    package init?(code: String, variantID: String, values: [String: Value]) {
        switch (code, variantID) {
        case ("QuotaExceeded", "docs"):
            guard let used = CatalogValue.int(values["used"]),
                  let limit = CatalogValue.int(values["limit"]) else { return nil }
            self = .quotaExceeded(used: used, limit: limit)
        case ("BadHash", "docs"):
            guard let hash = CatalogValue.string(values["hash"]) else { return nil }
            self = .badHash(hash: hash)
        case ("BadHash", "roles-needed"):
            guard let roles = CatalogValue.list(values["roles"]) else { return nil }
            self = .badHashRolesNeeded(roles: roles)
        case ("Throttled", _):
            self = .throttled
        case ("Expired", "docs"):
            guard let when = CatalogValue.date(values["when"]),
                  let `default` = CatalogValue.string(values["default"]) else { return nil }
            self = .expired(when: when, default: `default`)
        default:
            return nil
        }
    }
}
