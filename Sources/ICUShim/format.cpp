// The formatter's ICU facade (see icushim_format.h). Pass-throughs only.
#include "icushim_format.h"
#include <unicode/decimfmt.h>
#include <unicode/dcfmtsym.h>
#include <unicode/fmtable.h>
#include <unicode/locid.h>
#include <unicode/msgfmt.h>
#include <unicode/numfmt.h>
#include <unicode/numberformatter.h>
#include <unicode/plurrule.h>
#include <unicode/unistr.h>
#include <unicode/ustring.h>
#include <cstring>
#include <memory>

using namespace icu;

namespace {

// ICU's Locale(const char*) does not understand BCP 47 hyphens reliably; a tag goes through
// forLanguageTag, an ICU name ("de_AT") through the plain constructor.
Locale makeLocale(const char *name) {
    if (name == nullptr) return Locale::getRoot();
    if (std::strchr(name, '_') == nullptr) {
        UErrorCode status = U_ZERO_ERROR;
        Locale locale = Locale::forLanguageTag(name, status);
        if (U_SUCCESS(status)) return locale;
    }
    return Locale(name);
}

// UTF-16 → UTF-8 into a caller buffer; the needed length is reported on overflow.
int32_t toUTF8(const UnicodeString &text, char *buffer, int32_t capacity, int32_t *length) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t needed = 0;
    u_strToUTF8(buffer, capacity, &needed, text.getBuffer(), text.length(), &status);
    if (length) *length = needed;
    if (status == U_STRING_NOT_TERMINATED_WARNING) status = U_ZERO_ERROR;
    return U_FAILURE(status) ? (int32_t)status : 0;
}

void copyUTF8(const UnicodeString &text, char *out, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t needed = 0;
    u_strToUTF8(out, capacity - 1, &needed, text.getBuffer(), text.length(), &status);
    if (U_FAILURE(status) || needed >= capacity) needed = 0;
    out[needed] = 0;
}

void copyASCII(const UnicodeString &text, char *out, int32_t capacity) {
    int32_t n = 0;
    for (; n < text.length() && n < capacity - 1; ++n) out[n] = (char)text.charAt(n);
    out[n] = 0;
}

Formattable toFormattable(const icushim_arg &arg) {
    switch (arg.kind) {
    case ICUSHIM_ARG_INT64: return Formattable((int64_t)arg.integer);
    case ICUSHIM_ARG_DOUBLE: return Formattable(arg.number);
    case ICUSHIM_ARG_DATE: return Formattable((UDate)arg.number, Formattable::kIsDate);
    default: return Formattable(UnicodeString((const UChar *)arg.text, arg.length));
    }
}

} // namespace

struct icushim_plural_rules {
    std::unique_ptr<PluralRules> rules;
    // The default decimal format of the locale, used only to see a double the way MessageFormat
    // hands it to the rules (rounded to the format's fraction digits). Formatting with a
    // LocalizedNumberFormatter is thread-safe.
    number::LocalizedNumberFormatter formatter;
};

struct icushim_message_format {
    std::unique_ptr<MessageFormat> format;
    // Reused per call to avoid allocating the result string each time (the handle is not
    // thread-safe anyway).
    UnicodeString result;
};

extern "C" const char *icushim_error_name(int32_t code) { return u_errorName((UErrorCode)code); }

extern "C" int32_t icushim_number_symbols_get(const char *locale, icushim_number_symbols *out) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<NumberFormat> format(NumberFormat::createInstance(makeLocale(locale), status));
    if (U_FAILURE(status)) return status;
    auto *decimal = dynamic_cast<DecimalFormat *>(format.get());
    if (decimal == nullptr) return U_UNSUPPORTED_ERROR;
    const DecimalFormatSymbols *symbols = decimal->getDecimalFormatSymbols();
    std::memset(out, 0, sizeof *out);
    copyUTF8(symbols->getSymbol(DecimalFormatSymbols::kGroupingSeparatorSymbol), out->grouping_separator,
             sizeof out->grouping_separator);
    copyUTF8(symbols->getSymbol(DecimalFormatSymbols::kDecimalSeparatorSymbol), out->decimal_separator,
             sizeof out->decimal_separator);
    UnicodeString affix;
    copyUTF8(decimal->getPositivePrefix(affix), out->positive_prefix, sizeof out->positive_prefix);
    copyUTF8(decimal->getPositiveSuffix(affix), out->positive_suffix, sizeof out->positive_suffix);
    copyUTF8(decimal->getNegativePrefix(affix), out->negative_prefix, sizeof out->negative_prefix);
    copyUTF8(decimal->getNegativeSuffix(affix), out->negative_suffix, sizeof out->negative_suffix);
    static const DecimalFormatSymbols::ENumberFormatSymbol digitSymbols[10] = {
        DecimalFormatSymbols::kZeroDigitSymbol,  DecimalFormatSymbols::kOneDigitSymbol,
        DecimalFormatSymbols::kTwoDigitSymbol,   DecimalFormatSymbols::kThreeDigitSymbol,
        DecimalFormatSymbols::kFourDigitSymbol,  DecimalFormatSymbols::kFiveDigitSymbol,
        DecimalFormatSymbols::kSixDigitSymbol,   DecimalFormatSymbols::kSevenDigitSymbol,
        DecimalFormatSymbols::kEightDigitSymbol, DecimalFormatSymbols::kNineDigitSymbol,
    };
    for (int i = 0; i < 10; ++i) copyUTF8(symbols->getSymbol(digitSymbols[i]), out->digits[i], 8);
    out->grouping_used = decimal->isGroupingUsed() ? 1 : 0;
    out->primary_grouping = decimal->getGroupingSize();
    out->secondary_grouping = decimal->getSecondaryGroupingSize();
    out->minimum_grouping_digits = decimal->getMinimumGroupingDigits();
    return 0;
}

extern "C" int32_t icushim_number_format_int64(const char *locale, int64_t value, char *buffer,
                                               int32_t capacity, int32_t *length) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<NumberFormat> format(NumberFormat::createInstance(makeLocale(locale), status));
    if (U_FAILURE(status)) return status;
    UnicodeString text;
    format->format((int64_t)value, text, status);
    if (U_FAILURE(status)) return status;
    return toUTF8(text, buffer, capacity, length);
}

extern "C" int32_t icushim_plural_rules_open(const char *locale, int32_t ordinal, icushim_plural_rules **out) {
    *out = nullptr;
    UErrorCode status = U_ZERO_ERROR;
    Locale loc = makeLocale(locale);
    std::unique_ptr<PluralRules> rules(
        PluralRules::forLocale(loc, ordinal ? UPLURAL_TYPE_ORDINAL : UPLURAL_TYPE_CARDINAL, status));
    if (U_FAILURE(status)) return status;
    // MessageFormat's default number format: at most 3 fraction digits, half-even rounding.
    number::LocalizedNumberFormatter formatter =
        number::NumberFormatter::withLocale(loc).precision(number::Precision::maxFraction(3));
    *out = new icushim_plural_rules{std::move(rules), std::move(formatter)};
    return 0;
}

extern "C" void icushim_plural_rules_close(icushim_plural_rules *rules) { delete rules; }

extern "C" int32_t icushim_plural_select_int64(const icushim_plural_rules *rules, int64_t value, char *keyword,
                                               int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    number::FormattedNumber formatted = rules->formatter.formatInt(value, status);
    if (U_FAILURE(status)) return status;
    UnicodeString result = rules->rules->select(formatted, status);
    if (U_FAILURE(status)) return status;
    copyASCII(result, keyword, capacity);
    return 0;
}

extern "C" int32_t icushim_plural_select_double(const icushim_plural_rules *rules, double value, char *keyword,
                                                int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    number::FormattedNumber formatted = rules->formatter.formatDouble(value, status);
    if (U_FAILURE(status)) return status;
    UnicodeString result = rules->rules->select(formatted, status);
    if (U_FAILURE(status)) return status;
    copyASCII(result, keyword, capacity);
    return 0;
}

extern "C" int32_t icushim_mf_open(const uint16_t *pattern, int32_t length, const char *locale,
                                   icushim_message_format **out, int32_t *errorOffset) {
    *out = nullptr;
    UErrorCode status = U_ZERO_ERROR;
    UParseError parseError;
    parseError.offset = -1;
    UnicodeString text((const UChar *)pattern, length);
    std::unique_ptr<MessageFormat> format(new MessageFormat(text, makeLocale(locale), parseError, status));
    if (errorOffset) *errorOffset = parseError.offset;
    if (U_FAILURE(status)) return status;
    *out = new icushim_message_format{std::move(format), UnicodeString()};
    return 0;
}

extern "C" void icushim_mf_close(icushim_message_format *format) { delete format; }

extern "C" int32_t icushim_mf_format_named(icushim_message_format *format, const icushim_name *names,
                                           const icushim_arg *args, int32_t count, char *buffer,
                                           int32_t capacity, int32_t *length) {
    // Small messages: keep the argument arrays on the stack.
    enum { kInline = 16 };
    UnicodeString inlineNames[kInline];
    Formattable inlineValues[kInline];
    std::unique_ptr<UnicodeString[]> heapNames;
    std::unique_ptr<Formattable[]> heapValues;
    UnicodeString *nameArray = inlineNames;
    Formattable *valueArray = inlineValues;
    if (count > kInline) {
        heapNames.reset(new UnicodeString[count]);
        heapValues.reset(new Formattable[count]);
        nameArray = heapNames.get();
        valueArray = heapValues.get();
    }
    for (int32_t i = 0; i < count; ++i) {
        // Read-only aliases: no copy of the caller's UTF-16.
        nameArray[i].setTo(false, (const UChar *)names[i].text, names[i].length);
        valueArray[i] = toFormattable(args[i]);
    }
    UErrorCode status = U_ZERO_ERROR;
    format->result.remove();
    format->format->format(nameArray, valueArray, count, format->result, status);
    if (U_FAILURE(status)) return status;
    return toUTF8(format->result, buffer, capacity, length);
}

extern "C" int32_t icushim_mf_format_positional(icushim_message_format *format, const icushim_arg *args,
                                                int32_t count, char *buffer, int32_t capacity,
                                                int32_t *length) {
    enum { kInline = 8 };
    Formattable inlineValues[kInline];
    std::unique_ptr<Formattable[]> heapValues;
    Formattable *valueArray = inlineValues;
    if (count > kInline) {
        heapValues.reset(new Formattable[count]);
        valueArray = heapValues.get();
    }
    for (int32_t i = 0; i < count; ++i) valueArray[i] = toFormattable(args[i]);
    UErrorCode status = U_ZERO_ERROR;
    format->result.remove();
    FieldPosition position(FieldPosition::DONT_CARE);
    format->format->format(valueArray, count, format->result, position, status);
    if (U_FAILURE(status)) return status;
    return toUTF8(format->result, buffer, capacity, length);
}
