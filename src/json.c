#include "json.h"

#include <float.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fileio.h"
#include "idset.h"
#include "text.h"
#include "xalloc.h"

/* ---- the recogniser used to explain failures --------------------------- */

static const char too_deep[] = "nesting too deep";

struct scan {
    const char *s;
    size_t len, pos;
    int max_depth;
    const char *error;
};

static void skip_blanks(struct scan *sc)
{
    while (sc->pos < sc->len) {
        char c = sc->s[sc->pos];
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
            break;
        sc->pos++;
    }
}

static bool fail(struct scan *sc, const char *msg)
{
    sc->error = sc->pos >= sc->len ? "unexpected end of input" : msg;
    return false;
}

static bool is_hex(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* The value of the four hex digits at s[at..at+4), or -1. */
static long hex4(const struct scan *sc, size_t at)
{
    long v = 0;
    if (at + 4 > sc->len)
        return -1;
    for (size_t i = at; i < at + 4; i++) {
        char c = sc->s[i];
        if (!is_hex(c))
            return -1;
        v = v * 16 + (c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
    }
    return v;
}

/*
 * Checks the \u escape whose 'u' is at sc->pos and moves past it (and past
 * the low half of a surrogate pair). On failure sc->pos is at the backslash.
 */
static bool scan_unicode_escape(struct scan *sc)
{
    size_t backslash = sc->pos - 1;
    long cp = hex4(sc, sc->pos + 1);
    const char *why = NULL;
    if (cp < 0) {
        why = "invalid \\u escape in string";
    } else if (cp == 0) {
        why = "string contains a NUL character (\\u0000)";
    } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
        why = "unpaired surrogate in \\u escape";
    } else if (cp >= 0xD800 && cp <= 0xDBFF) {
        size_t low = sc->pos + 5;
        long lo = low + 1 < sc->len && sc->s[low] == '\\' && sc->s[low + 1] == 'u'
                      ? hex4(sc, low + 2)
                      : -1;
        if (lo < 0xDC00 || lo > 0xDFFF)
            why = "unpaired surrogate in \\u escape";
        else
            sc->pos += 6;
    }
    if (why) {
        sc->pos = backslash;
        sc->error = why;
        return false;
    }
    sc->pos += 5;
    return true;
}

static bool scan_string(struct scan *sc)
{
    size_t start = sc->pos++; /* the opening quote */
    while (sc->pos < sc->len) {
        unsigned char c = (unsigned char)sc->s[sc->pos];
        if (c == '"') {
            sc->pos++;
            return true;
        }
        if (c < 0x20)
            return fail(sc, "control character in string (write it as an escape)");
        if (c == '\\') {
            sc->pos++;
            if (sc->pos >= sc->len)
                break;
            char e = sc->s[sc->pos];
            if (e == 'u') {
                if (!scan_unicode_escape(sc))
                    return false;
                continue;
            } else if (e == '\0' || !strchr("\"\\/bfnrt", e)) {
                return fail(sc, "invalid escape in string");
            }
        }
        sc->pos++;
    }
    sc->pos = start;
    sc->error = "unterminated string";
    return false;
}

static bool scan_digits(struct scan *sc)
{
    size_t start = sc->pos;
    while (sc->pos < sc->len && sc->s[sc->pos] >= '0' && sc->s[sc->pos] <= '9')
        sc->pos++;
    return sc->pos > start;
}

static bool scan_number(struct scan *sc)
{
    size_t start = sc->pos;
    if (sc->s[sc->pos] == '-')
        sc->pos++;
    if (sc->pos < sc->len && sc->s[sc->pos] == '0')
        sc->pos++;
    else if (!scan_digits(sc))
        goto bad;
    if (sc->pos < sc->len && sc->s[sc->pos] == '.') {
        sc->pos++;
        if (!scan_digits(sc))
            goto bad;
    }
    if (sc->pos < sc->len && (sc->s[sc->pos] == 'e' || sc->s[sc->pos] == 'E')) {
        sc->pos++;
        if (sc->pos < sc->len && (sc->s[sc->pos] == '+' || sc->s[sc->pos] == '-'))
            sc->pos++;
        if (!scan_digits(sc))
            goto bad;
    }
    return true;
bad:
    sc->pos = start;
    sc->error = "invalid number";
    return false;
}

static bool scan_literal(struct scan *sc, const char *word)
{
    size_t n = strlen(word);
    if (sc->len - sc->pos >= n && memcmp(sc->s + sc->pos, word, n) == 0) {
        sc->pos += n;
        return true;
    }
    return fail(sc, "expected a value");
}

static bool scan_value(struct scan *sc, int depth);

static bool scan_container(struct scan *sc, int depth, char close)
{
    const char *expect_sep = close == '}' ? "expected ',' or '}'" : "expected ',' or ']'";
    if (depth >= sc->max_depth)
        return fail(sc, too_deep);
    sc->pos++; /* the opening bracket */
    skip_blanks(sc);
    if (sc->pos < sc->len && sc->s[sc->pos] == close) {
        sc->pos++;
        return true;
    }
    for (;;) {
        if (close == '}') {
            if (sc->pos >= sc->len || sc->s[sc->pos] != '"')
                return fail(sc, "expected a string key");
            if (!scan_string(sc))
                return false;
            skip_blanks(sc);
            if (sc->pos >= sc->len || sc->s[sc->pos] != ':')
                return fail(sc, "expected ':'");
            sc->pos++;
        }
        if (!scan_value(sc, depth + 1))
            return false;
        skip_blanks(sc);
        if (sc->pos >= sc->len)
            return fail(sc, expect_sep);
        if (sc->s[sc->pos] == close) {
            sc->pos++;
            return true;
        }
        if (sc->s[sc->pos] != ',')
            return fail(sc, expect_sep);
        sc->pos++;
        skip_blanks(sc);
    }
}

static bool scan_value(struct scan *sc, int depth)
{
    skip_blanks(sc);
    if (sc->pos >= sc->len)
        return fail(sc, "expected a value");
    switch (sc->s[sc->pos]) {
    case '{':
        return scan_container(sc, depth, '}');
    case '[':
        return scan_container(sc, depth, ']');
    case '"':
        return scan_string(sc);
    case 't':
        return scan_literal(sc, "true");
    case 'f':
        return scan_literal(sc, "false");
    case 'n':
        return scan_literal(sc, "null");
    default:
        if (sc->s[sc->pos] == '-' || (sc->s[sc->pos] >= '0' && sc->s[sc->pos] <= '9'))
            return scan_number(sc);
        return fail(sc, "expected a value");
    }
}

const char *json_syntax_error(const char *text, size_t len, int max_depth, size_t *offset)
{
    struct scan sc = {text, len, 0, max_depth, NULL};
    skip_blanks(&sc);
    if (sc.pos >= len) {
        *offset = sc.pos;
        return "empty input, expected a JSON value";
    }
    if (scan_value(&sc, 0)) {
        skip_blanks(&sc);
        if (sc.pos >= len)
            return NULL;
        sc.error = "unexpected text after the JSON value";
    }
    *offset = sc.pos;
    return sc.error;
}

/* ---- parsing ------------------------------------------------------------ */

static void report_at(struct diag *d, const char *name, size_t line0, const char *text, size_t len,
                      size_t offset, const char *msg)
{
    struct text_pos p = text_pos_of(text, len, offset);
    diag_error(d, "%s:%zu:%zu: %s", name, line0 + p.line - 1, p.col, msg);
}

cJSON *json_parse(const char *text, size_t len, const char *name, size_t line0, int max_depth,
                  struct diag *d)
{
    size_t at;
    if (!text_valid_utf8(text, len, &at)) {
        report_at(d, name, line0, text, len, at,
                  text[at] ? "invalid UTF-8" : "NUL byte in JSON text");
        return NULL;
    }
    /* cJSON accepts some text that is not JSON ("01", raw tabs in strings, bad
     * escapes), so the recogniser decides what is valid and cJSON builds it. */
    const char *why = json_syntax_error(text, len, max_depth, &at);
    if (why == too_deep) {
        char msg[64];
        snprintf(msg, sizeof(msg), "nesting deeper than %d levels", max_depth);
        report_at(d, name, line0, text, len, at, msg);
        return NULL;
    }
    if (why) {
        report_at(d, name, line0, text, len, at, why);
        return NULL;
    }
    const char *end = NULL;
    cJSON *root = cJSON_ParseWithLengthOpts(text, len, &end, false);
    if (!root)
        report_at(d, name, line0, text, len, end ? (size_t)(end - text) : 0,
                  "JSON value that cJSON cannot read");
    return root;
}

bool json_check_unique_keys(const cJSON *v, struct json_where *w)
{
    if (!cJSON_IsObject(v) && !cJSON_IsArray(v))
        return true;
    bool ok = true;
    struct idset keys;
    idset_init(&keys);
    size_t base = w->path.len, i = 0;
    for (const cJSON *m = v->child; m; m = m->next, i++) {
        if (cJSON_IsObject(v))
            buf_addf(&w->path, ".%s", m->string);
        else
            buf_addf(&w->path, "[%zu]", i);
        if (cJSON_IsObject(v) && !idset_add(&keys, m->string)) {
            json_where_error(w, "duplicate field");
            ok = false;
        }
        ok = json_check_unique_keys(m, w) && ok;
        buf_truncate(&w->path, base);
    }
    idset_release(&keys);
    return ok;
}

/* ---- printing ---------------------------------------------------------------- */

#define MEMO_SIZE 4096 /* formatted numbers remembered, direct-mapped by their bits */

/* The comparison cJSON makes to accept a number printed with 15 digits. */
static bool close_enough(double a, double b)
{
    double most = fabs(a) > fabs(b) ? fabs(a) : fabs(b);
    return fabs(a - b) <= most * DBL_EPSILON;
}

/* v as cJSON's print_number() writes it: %d when it is its int, else %1.15g or %1.17g. */
static void format_number(double v, char out[32])
{
    if (isnan(v) || isinf(v)) {
        strcpy(out, "null");
        return;
    }
    int as_int = v >= INT_MAX ? INT_MAX : v <= (double)INT_MIN ? INT_MIN : (int)v;
    if (v == (double)as_int) {
        snprintf(out, 32, "%d", as_int);
        return;
    }
    double back;
    snprintf(out, 32, "%1.15g", v);
    if (sscanf(out, "%lg", &back) != 1 || !close_enough(back, v))
        snprintf(out, 32, "%1.17g", v);
}

static size_t count_numbers(const cJSON *x)
{
    size_t n = cJSON_IsNumber(x) ? 1 : 0;
    for (const cJSON *c = x->child; c; c = c->next)
        n += count_numbers(c);
    return n;
}

/*
 * Turns x's numbers, and those under it, into raw text written into
 * texts[*used], 32 bytes each. The items only borrow the text (marked as
 * references, which cJSON_Delete() does not free), so the whole tree costs
 * one allocation.
 */
static void rawify(cJSON *x, char (*texts)[32], size_t *used)
{
    static _Thread_local struct {
        uint64_t bits;
        bool used;
        char text[32];
    } memo[MEMO_SIZE];
    for (cJSON *c = x->child; c; c = c->next)
        rawify(c, texts, used);
    if (!cJSON_IsNumber(x))
        return;
    uint64_t bits;
    memcpy(&bits, &x->valuedouble, sizeof(bits));
    size_t slot = (size_t)((bits * 0x9e3779b97f4a7c15ULL) >> 52) % MEMO_SIZE;
    if (!memo[slot].used || memo[slot].bits != bits) {
        format_number(x->valuedouble, memo[slot].text);
        memo[slot].bits = bits;
        memo[slot].used = true;
    }
    char *text = texts[(*used)++];
    memcpy(text, memo[slot].text, sizeof(memo[slot].text));
    x->type = cJSON_Raw | cJSON_IsReference;
    x->valuestring = text;
}

void json_print_compact(cJSON *v, struct buf *out)
{
    size_t used = 0;
    char(*texts)[32] = xcalloc(count_numbers(v) + 1, sizeof(*texts));
    rawify(v, texts, &used);
    char *text = cJSON_PrintUnformatted(v);
    buf_adds(out, text);
    free(text);
    free(texts);
}

bool json_is_count(const cJSON *item)
{
    if (!cJSON_IsNumber(item))
        return false;
    double v = item->valuedouble;
    return isfinite(v) && v >= 0 && v <= 9007199254740992.0 && floor(v) == v;
}

cJSON *json_load(const char *path, struct diag *d)
{
    struct buf text = BUF_INIT;
    cJSON *root = NULL;
    if (fileio_read(path, &text, d) == FB_OK)
        root = json_parse(text.data, text.len, path, 1, JSON_DEFAULT_MAX_DEPTH, d);
    buf_release(&text);
    return root;
}

void json_where_init(struct json_where *w, const char *file, struct diag *d)
{
    w->file = file;
    w->d = d;
    buf_init(&w->path);
    buf_adds(&w->path, "$");
    w->failed = false;
}

void json_where_release(struct json_where *w)
{
    buf_release(&w->path);
}

void json_where_error(struct json_where *w, const char *fmt, ...)
{
    struct buf msg = BUF_INIT;
    va_list ap;
    va_start(ap, fmt);
    buf_vaddf(&msg, fmt, ap);
    va_end(ap);
    diag_error(w->d, "%s: %s: %s", w->file, w->path.data, msg.data);
    buf_release(&msg);
    w->failed = true;
}
