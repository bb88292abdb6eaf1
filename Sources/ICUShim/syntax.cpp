// Pass-throughs used by the syntax tests: ICU's MessageFormat as the reference for what is valid.
#include "icushim_syntax.h"
#include <unicode/msgfmt.h>
#include <unicode/uversion.h>
#include <unicode/parseerr.h>
#include <cstring>

using namespace icu;

extern "C" int32_t icushim_mf_validate(const uint16_t *pattern, int32_t length, const char *locale,
                                       int32_t *errorOffset, char *errorName, int32_t errorNameCapacity) {
    UErrorCode status = U_ZERO_ERROR;
    UParseError parseError;
    parseError.offset = -1;
    UnicodeString text(reinterpret_cast<const UChar *>(pattern), length);
    MessageFormat format(text, Locale(locale), parseError, status);
    if (errorOffset) *errorOffset = parseError.offset;
    if (errorName && errorNameCapacity > 0) {
        std::strncpy(errorName, u_errorName(status), errorNameCapacity - 1);
        errorName[errorNameCapacity - 1] = 0;
    }
    return U_FAILURE(status) ? (int32_t)status : 0;
}

extern "C" void icushim_version(char *buffer, int32_t capacity) {
    UVersionInfo info;
    u_getVersion(info);
    char text[U_MAX_VERSION_STRING_LENGTH];
    u_versionToString(info, text);
    if (buffer && capacity > 0) {
        std::strncpy(buffer, text, capacity - 1);
        buffer[capacity - 1] = 0;
    }
}
