// Plural keywords per locale for the review's plural-category check.
#include "icushim_review.h"
#include <unicode/upluralrules.h>
#include <unicode/uenum.h>
#include <cstring>

extern "C" int32_t icushim_review_plural_keywords(const char *locale, int32_t ordinal, char *buffer, int32_t capacity) {
    if (!buffer || capacity <= 0) return -1;
    buffer[0] = 0;
    UErrorCode status = U_ZERO_ERROR;
    UPluralRules *rules = uplrules_openForType(locale, ordinal ? UPLURAL_TYPE_ORDINAL : UPLURAL_TYPE_CARDINAL, &status);
    if (U_FAILURE(status)) return (int32_t)status;
    UEnumeration *keywords = uplrules_getKeywords(rules, &status);
    if (U_FAILURE(status)) { uplrules_close(rules); return (int32_t)status; }
    int32_t used = 0;
    const char *keyword;
    int32_t length = 0;
    while ((keyword = uenum_next(keywords, &length, &status)) != nullptr && U_SUCCESS(status)) {
        if (used + length + 2 > capacity) { status = U_BUFFER_OVERFLOW_ERROR; break; }
        if (used > 0) buffer[used++] = ' ';
        std::memcpy(buffer + used, keyword, (size_t)length);
        used += length;
        buffer[used] = 0;
    }
    uenum_close(keywords);
    uplrules_close(rules);
    return U_FAILURE(status) ? (int32_t)status : 0;
}
