// Generated from the catalog 'defender' by errcat's error-type generator. Do not edit.
// Regenerate with: swift package --allow-writing-to-package-directory generate-error-types

import CatalogErrors
import DefenderCatalog
import ErrorCatalog
import Foundation

/// The errors of the catalog 'defender': one case per code (and per
/// template variant with its own placeholders), with typed values.
public enum DefenderError: CatalogError, Codable, Hashable {
    /// (no message template: the catalog describes the code only)
    ///
    /// BadRequest, HTTP 400.
    case badRequest

    /// `Invalid OData URI query {detail}.`
    ///
    /// ODataError, HTTP 400.
    case oDataError(detail: String)

    /// `Invalid input {input}.`
    ///
    /// InvalidInput, HTTP 400.
    case invalidInput(input: String)

    /// `Invalid request body.`
    /// `Request body is incorrect`
    ///
    /// InvalidRequestBody, HTTP 400.
    case invalidRequestBody

    /// `Hash value {hash} is invalid.`
    ///
    /// InvalidHashValue, HTTP 400.
    case invalidHashValue(hash: String)

    /// `Domain name {domain} is invalid.`
    ///
    /// InvalidDomainName, HTTP 400.
    case invalidDomainName(domain: String)

    /// `IP address {ipAddress} is invalid.`
    ///
    /// InvalidIpAddress, HTTP 400.
    case invalidIpAddress(ipAddress: String)

    /// `URL {url} is invalid.`
    ///
    /// InvalidUrl, HTTP 400.
    case invalidUrl(url: String)

    /// `Maximum batch size exceeded. Received: {received}, allowed: {allowed}.`
    ///
    /// MaximumBatchSizeExceeded, HTTP 400.
    case maximumBatchSizeExceeded(received: Int, allowed: Int)

    /// `Parameter {parameter} is missing.`
    ///
    /// MissingRequiredParameter, HTTP 400.
    case missingRequiredParameter(parameter: String)

    /// `OS Platform {osPlatform} is not supported for this action.`
    /// `OS Platform {osPlatform} isn't supported for this action.`
    ///
    /// OsPlatformNotSupported, HTTP 400.
    case osPlatformNotSupported(osPlatform: String)

    /// `{action} is supported on client version {clientVersion} and above.`
    /// `{action} is supported on client version {clientVersion} and later.`
    ///
    /// ClientVersionNotSupported, HTTP 400.
    case clientVersionNotSupported(action: String, clientVersion: String)

    /// `Unauthorized`
    ///
    /// Unauthorized, HTTP 401.
    case unauthorized

    /// `Unauthorized request - reason of failure: {reason}`
    ///
    /// Unauthorized, HTTP 401.
    case unauthorizedReason(reason: String)

    /// `Forbidden`
    ///
    /// Forbidden, HTTP 403.
    case forbidden

    /// `The application does not have any of the required application permissions ({permissions}) to access the resource.`
    ///
    /// Forbidden, HTTP 403.
    case forbiddenAppPermissions(permissions: [String])

    /// `Missing application roles. API required roles: {requiredRoles}, application roles: {grantedRoles}.`
    ///
    /// Forbidden, HTTP 403.
    case forbiddenAppRoles(requiredRoles: [String], grantedRoles: [String])

    /// `Tenant feature is not enabled.`
    /// `Tenant feature isn't enabled.`
    ///
    /// DisabledFeature, HTTP 403.
    case disabledFeature

    /// `{reason}.`
    ///
    /// DisallowedOperation, HTTP 403.
    case disallowedOperation(reason: String)

    /// `This device has no automation level assigned to it. You'll need to at least enable the minimum Remediation Level for a given Device Group.`
    ///
    /// DisallowedOperation, HTTP 403.
    case disallowedOperationNoAutomationLevel

    /// (no message template: the catalog describes the code only)
    ///
    /// NotFound, HTTP 404.
    case notFound

    /// `Resource {resource} was not found.`
    /// `Resource {resource} wasn't found.`
    ///
    /// ResourceNotFound, HTTP 404.
    case resourceNotFound(resource: String)

    /// `{entityType} {entityId} was not found`
    ///
    /// ResourceNotFound, HTTP 404.
    case resourceNotFoundExample(entityType: String, entityId: String)

    /// (no message template: the catalog describes the code only)
    ///
    /// InternalServerError, HTTP 500.
    case internalServerError

    /// (no message template: the catalog describes the code only)
    ///
    /// TooManyRequests, HTTP 429.
    case tooManyRequests

    /// `Action is already in progress`
    ///
    /// ActiveRequestAlreadyExists, HTTP 400.
    case activeRequestAlreadyExists

    public static let catalogSupport = CatalogSupport { try Catalog.defender }

    public var code: String {
        switch self {
        case .badRequest: "BadRequest"
        case .oDataError: "ODataError"
        case .invalidInput: "InvalidInput"
        case .invalidRequestBody: "InvalidRequestBody"
        case .invalidHashValue: "InvalidHashValue"
        case .invalidDomainName: "InvalidDomainName"
        case .invalidIpAddress: "InvalidIpAddress"
        case .invalidUrl: "InvalidUrl"
        case .maximumBatchSizeExceeded: "MaximumBatchSizeExceeded"
        case .missingRequiredParameter: "MissingRequiredParameter"
        case .osPlatformNotSupported: "OsPlatformNotSupported"
        case .clientVersionNotSupported: "ClientVersionNotSupported"
        case .unauthorized: "Unauthorized"
        case .unauthorizedReason: "Unauthorized"
        case .forbidden: "Forbidden"
        case .forbiddenAppPermissions: "Forbidden"
        case .forbiddenAppRoles: "Forbidden"
        case .disabledFeature: "DisabledFeature"
        case .disallowedOperation: "DisallowedOperation"
        case .disallowedOperationNoAutomationLevel: "DisallowedOperation"
        case .notFound: "NotFound"
        case .resourceNotFound: "ResourceNotFound"
        case .resourceNotFoundExample: "ResourceNotFound"
        case .internalServerError: "InternalServerError"
        case .tooManyRequests: "TooManyRequests"
        case .activeRequestAlreadyExists: "ActiveRequestAlreadyExists"
        }
    }

    public var status: Int {
        switch self {
        case .badRequest: 400
        case .oDataError: 400
        case .invalidInput: 400
        case .invalidRequestBody: 400
        case .invalidHashValue: 400
        case .invalidDomainName: 400
        case .invalidIpAddress: 400
        case .invalidUrl: 400
        case .maximumBatchSizeExceeded: 400
        case .missingRequiredParameter: 400
        case .osPlatformNotSupported: 400
        case .clientVersionNotSupported: 400
        case .unauthorized: 401
        case .unauthorizedReason: 401
        case .forbidden: 403
        case .forbiddenAppPermissions: 403
        case .forbiddenAppRoles: 403
        case .disabledFeature: 403
        case .disallowedOperation: 403
        case .disallowedOperationNoAutomationLevel: 403
        case .notFound: 404
        case .resourceNotFound: 404
        case .resourceNotFoundExample: 404
        case .internalServerError: 500
        case .tooManyRequests: 429
        case .activeRequestAlreadyExists: 400
        }
    }

    public var variantID: String? {
        switch self {
        case .badRequest: nil
        case .oDataError: "docs"
        case .invalidInput: "docs"
        case .invalidRequestBody: "docs"
        case .invalidHashValue: "docs"
        case .invalidDomainName: "docs"
        case .invalidIpAddress: "docs"
        case .invalidUrl: "docs"
        case .maximumBatchSizeExceeded: "docs"
        case .missingRequiredParameter: "docs"
        case .osPlatformNotSupported: "docs"
        case .clientVersionNotSupported: "docs"
        case .unauthorized: "docs"
        case .unauthorizedReason: "reason"
        case .forbidden: "docs"
        case .forbiddenAppPermissions: "app-permissions"
        case .forbiddenAppRoles: "app-roles"
        case .disabledFeature: "docs"
        case .disallowedOperation: "docs"
        case .disallowedOperationNoAutomationLevel: "no-automation-level"
        case .notFound: nil
        case .resourceNotFound: "docs"
        case .resourceNotFoundExample: "example"
        case .internalServerError: nil
        case .tooManyRequests: nil
        case .activeRequestAlreadyExists: "docs"
        }
    }

    public var values: [String: Value] {
        switch self {
        case .badRequest: return [:]
        case .oDataError(let detail):
            return ["detail": .text(detail)]
        case .invalidInput(let input):
            return ["input": .text(input)]
        case .invalidRequestBody: return [:]
        case .invalidHashValue(let hash):
            return ["hash": .text(hash)]
        case .invalidDomainName(let domain):
            return ["domain": .text(domain)]
        case .invalidIpAddress(let ipAddress):
            return ["ipAddress": .text(ipAddress)]
        case .invalidUrl(let url):
            return ["url": .text(url)]
        case .maximumBatchSizeExceeded(let received, let allowed):
            return ["received": .integer(Int64(received)), "allowed": .integer(Int64(allowed))]
        case .missingRequiredParameter(let parameter):
            return ["parameter": .text(parameter)]
        case .osPlatformNotSupported(let osPlatform):
            return ["osPlatform": .text(osPlatform)]
        case .clientVersionNotSupported(let action, let clientVersion):
            return ["action": .text(action), "clientVersion": .text(clientVersion)]
        case .unauthorized: return [:]
        case .unauthorizedReason(let reason):
            return ["reason": .text(reason)]
        case .forbidden: return [:]
        case .forbiddenAppPermissions(let permissions):
            return ["permissions": .list(permissions)]
        case .forbiddenAppRoles(let requiredRoles, let grantedRoles):
            return ["requiredRoles": .list(requiredRoles), "grantedRoles": .list(grantedRoles)]
        case .disabledFeature: return [:]
        case .disallowedOperation(let reason):
            return ["reason": .text(reason)]
        case .disallowedOperationNoAutomationLevel: return [:]
        case .notFound: return [:]
        case .resourceNotFound(let resource):
            return ["resource": .text(resource)]
        case .resourceNotFoundExample(let entityType, let entityId):
            return ["entityType": .text(entityType), "entityId": .text(entityId)]
        case .internalServerError: return [:]
        case .tooManyRequests: return [:]
        case .activeRequestAlreadyExists: return [:]
        }
    }

    public init?(code: String, variantID: String, values: [String: Value]) {
        switch (code, variantID) {
        case ("BadRequest", _):
            self = .badRequest
        case ("ODataError", "docs"), ("ODataError", "seed-mt"):
            guard let detail = CatalogValue.string(values["detail"]) else { return nil }
            self = .oDataError(detail: detail)
        case ("InvalidInput", "docs"), ("InvalidInput", "seed-mt"):
            guard let input = CatalogValue.string(values["input"]) else { return nil }
            self = .invalidInput(input: input)
        case ("InvalidRequestBody", "docs"), ("InvalidRequestBody", "example"), ("InvalidRequestBody", "seed-mt"):
            self = .invalidRequestBody
        case ("InvalidHashValue", "docs"), ("InvalidHashValue", "seed-mt"):
            guard let hash = CatalogValue.string(values["hash"]) else { return nil }
            self = .invalidHashValue(hash: hash)
        case ("InvalidDomainName", "docs"), ("InvalidDomainName", "seed-mt"):
            guard let domain = CatalogValue.string(values["domain"]) else { return nil }
            self = .invalidDomainName(domain: domain)
        case ("InvalidIpAddress", "docs"), ("InvalidIpAddress", "seed-mt"):
            guard let ipAddress = CatalogValue.string(values["ipAddress"]) else { return nil }
            self = .invalidIpAddress(ipAddress: ipAddress)
        case ("InvalidUrl", "docs"), ("InvalidUrl", "seed-mt"):
            guard let url = CatalogValue.string(values["url"]) else { return nil }
            self = .invalidUrl(url: url)
        case ("MaximumBatchSizeExceeded", "docs"), ("MaximumBatchSizeExceeded", "seed-mt"):
            guard let received = CatalogValue.int(values["received"]),
                  let allowed = CatalogValue.int(values["allowed"]) else { return nil }
            self = .maximumBatchSizeExceeded(received: received, allowed: allowed)
        case ("MissingRequiredParameter", "docs"), ("MissingRequiredParameter", "seed-mt"):
            guard let parameter = CatalogValue.string(values["parameter"]) else { return nil }
            self = .missingRequiredParameter(parameter: parameter)
        case ("OsPlatformNotSupported", "docs"), ("OsPlatformNotSupported", "docs-later"), ("OsPlatformNotSupported", "seed-mt"):
            guard let osPlatform = CatalogValue.string(values["osPlatform"]) else { return nil }
            self = .osPlatformNotSupported(osPlatform: osPlatform)
        case ("ClientVersionNotSupported", "docs"), ("ClientVersionNotSupported", "docs-later"), ("ClientVersionNotSupported", "seed-mt"):
            guard let action = CatalogValue.string(values["action"]),
                  let clientVersion = CatalogValue.string(values["clientVersion"]) else { return nil }
            self = .clientVersionNotSupported(action: action, clientVersion: clientVersion)
        case ("Unauthorized", "docs"), ("Unauthorized", "seed-mt"):
            self = .unauthorized
        case ("Unauthorized", "reason"):
            guard let reason = CatalogValue.string(values["reason"]) else { return nil }
            self = .unauthorizedReason(reason: reason)
        case ("Forbidden", "docs"), ("Forbidden", "seed-mt"):
            self = .forbidden
        case ("Forbidden", "app-permissions"):
            guard let permissions = CatalogValue.list(values["permissions"]) else { return nil }
            self = .forbiddenAppPermissions(permissions: permissions)
        case ("Forbidden", "app-roles"):
            guard let requiredRoles = CatalogValue.list(values["requiredRoles"]),
                  let grantedRoles = CatalogValue.list(values["grantedRoles"]) else { return nil }
            self = .forbiddenAppRoles(requiredRoles: requiredRoles, grantedRoles: grantedRoles)
        case ("DisabledFeature", "docs"), ("DisabledFeature", "docs-later"), ("DisabledFeature", "seed-mt"):
            self = .disabledFeature
        case ("DisallowedOperation", "docs"):
            guard let reason = CatalogValue.string(values["reason"]) else { return nil }
            self = .disallowedOperation(reason: reason)
        case ("DisallowedOperation", "no-automation-level"):
            self = .disallowedOperationNoAutomationLevel
        case ("NotFound", _):
            self = .notFound
        case ("ResourceNotFound", "docs"), ("ResourceNotFound", "docs-later"), ("ResourceNotFound", "seed-mt"):
            guard let resource = CatalogValue.string(values["resource"]) else { return nil }
            self = .resourceNotFound(resource: resource)
        case ("ResourceNotFound", "example"):
            guard let entityType = CatalogValue.string(values["entityType"]),
                  let entityId = CatalogValue.string(values["entityId"]) else { return nil }
            self = .resourceNotFoundExample(entityType: entityType, entityId: entityId)
        case ("InternalServerError", _):
            self = .internalServerError
        case ("TooManyRequests", _):
            self = .tooManyRequests
        case ("ActiveRequestAlreadyExists", "docs"):
            self = .activeRequestAlreadyExists
        default:
            return nil
        }
    }
}
