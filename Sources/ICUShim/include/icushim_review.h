// Pass-throughs for translation review: the plural categories a locale needs.
#pragma once
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Writes the plural keywords (cardinal: `ordinal` = 0, ordinal: 1) of `locale` into `buffer`,
/// space separated, NUL terminated (ASCII). Returns 0 on success, a non-zero ICU error code otherwise.
int32_t icushim_review_plural_keywords(const char *locale, int32_t ordinal, char *buffer, int32_t capacity);

#ifdef __cplusplus
}
#endif
