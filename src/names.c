#include "names.h"

#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <utf8proc.h>

#include "buf.h"
#include "xalloc.h"

#define WORD(s)                                                                                    \
    {                                                                                              \
        s, sizeof(s) - 1                                                                           \
    }

/* With their lengths, so that most tokens are told apart without a comparison. */
static const struct {
    const char *s;
    size_t len;
} honorifics[] = {
    WORD("mr"),   WORD("mrs"),  WORD("ms"),        WORD("miss"), WORD("mx"),
    WORD("dr"),   WORD("prof"), WORD("professor"), WORD("sir"),  WORD("dame"),
    WORD("lord"), WORD("lady"), WORD("rev"),       WORD("revd"), WORD("reverend"),
    WORD("hon"),  WORD("mme"),  WORD("mlle"),      WORD("herr"), WORD("frau"),
};

bool name_is_honorific(const char *token, size_t len)
{
    for (size_t i = 0; i < sizeof(honorifics) / sizeof(honorifics[0]); i++)
        if (honorifics[i].len == len && memcmp(honorifics[i].s, token, len) == 0)
            return true;
    return false;
}

static bool keeps(utf8proc_int32_t cp)
{
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
        return true;
    default:
        return false;
    }
}

/* Drops leading honorific tokens from a blank-separated string, keeping the last token. */
static size_t skip_honorifics(const char *s)
{
    size_t start = 0;
    for (;;) {
        const char *blank = strchr(s + start, ' ');
        if (!blank)
            return start; /* the last token stays */
        size_t n = (size_t)(blank - (s + start));
        if (!name_is_honorific(s + start, n))
            return start;
        start += n + 1;
    }
}

/*
 * name_fold() of ASCII text, where the Unicode rules come down to lowering
 * A-Z and keeping letters and digits only: most text, without utf8proc's
 * allocation and tables.
 */
static char *fold_ascii(const char *s, size_t len)
{
    char *out = xmalloc(len + 1), *o = out;
    bool pending_blank = false;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        bool upper = c >= 'A' && c <= 'Z';
        if (!upper && !(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9')) {
            pending_blank = true;
            continue;
        }
        if (pending_blank && o > out)
            *o++ = ' ';
        pending_blank = false;
        *o++ = upper ? (char)(c - 'A' + 'a') : c;
    }
    *o = '\0';
    return out;
}

static bool is_ascii(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)s[i] >= 0x80 || s[i] == '\0')
            return false;
    return true;
}

char *name_fold(const char *s, size_t len)
{
    if (is_ascii(s, len))
        return fold_ascii(s, len);
    utf8proc_uint8_t *folded = NULL;
    utf8proc_ssize_t n =
        utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &folded,
                     UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD);
    if (n < 0)
        return NULL;

    struct buf out = BUF_INIT;
    bool pending_blank = false;
    utf8proc_ssize_t i = 0;
    while (i < n) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t step = utf8proc_iterate(folded + i, n - i, &cp);
        if (step <= 0)
            break; /* cannot happen: utf8proc_map wrote valid UTF-8 */
        if (keeps(cp)) {
            if (pending_blank && out.len)
                buf_addc(&out, ' ');
            pending_blank = false;
            buf_add(&out, folded + i, (size_t)step);
        } else {
            pending_blank = true;
        }
        i += step;
    }
    free(folded);
    return buf_detach(&out, NULL);
}

char *name_normalize(const char *s, size_t len)
{
    char *folded = name_fold(s, len);
    if (!folded)
        return NULL;
    size_t skip = skip_honorifics(folded);
    if (skip)
        memmove(folded, folded + skip, strlen(folded + skip) + 1);
    return folded;
}
