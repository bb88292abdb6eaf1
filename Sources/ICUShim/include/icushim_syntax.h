#ifndef ICUSHIM_SYNTAX_H
#define ICUSHIM_SYNTAX_H
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Compiles `pattern` (UTF-16) with icu::MessageFormat for `locale` and reports whether ICU accepts
/// it. Exists so tests can prove the Swift parser accepts exactly what ICU accepts (an oracle only).
/// Returns 0 when accepted; otherwise the ICU UErrorCode (> 0), with the UParseError offset in
/// `*errorOffset` (-1 when ICU gave none) and the error name copied into `errorName`.
int32_t icushim_mf_validate(const uint16_t *pattern, int32_t length, const char *locale,
                            int32_t *errorOffset, char *errorName, int32_t errorNameCapacity);

/// The ICU version string, e.g. "72.1".
void icushim_version(char *buffer, int32_t capacity);

#ifdef __cplusplus
}
#endif
#endif
