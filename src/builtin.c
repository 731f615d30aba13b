/*
 * builtin.c - the built-in rule-based extractor (builtin.h).
 *
 * builtin_new() builds the lexicon and compiles the date patterns once;
 * builtin_extract() tokenises an article and runs the finders in order:
 * dates first (they mark the numbers inside dates, which are not counts),
 * then counts, actors, and claims (which name actors and promote the names
 * that speak).
 */
#include "builtin.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "builtin_rules.h"
#include "text.h"
#include "xalloc.h"

struct builtin {
    struct builtin_lex *lex;
    struct builtin_date_rules *dates;
};

builtin *builtin_new(struct diag *d)
{
    builtin *b = xcalloc(1, sizeof(*b));
    b->lex = builtin_lex_new();
    b->dates = builtin_date_rules_new(d);
    if (!b->dates) {
        builtin_free(b);
        return NULL;
    }
    return b;
}

void builtin_free(builtin *b)
{
    if (!b)
        return;
    builtin_lex_free(b->lex);
    builtin_date_rules_free(b->dates);
    free(b);
}

/*
 * A copy of text[0..len) with invalid UTF-8 and NUL bytes replaced, so that
 * every string the extractor copies out of it is valid in a prediction.
 */
static char *sanitize(const char *text, size_t len)
{
    char *out = xmalloc(len + 1);
    for (size_t i = 0; i < len;) {
        utf8proc_int32_t c;
        utf8proc_ssize_t n =
            utf8proc_iterate((const utf8proc_uint8_t *)text + i, (utf8proc_ssize_t)(len - i), &c);
        if (n <= 0 || c == 0) {
            out[i++] = n <= 0 ? '?' : ' ';
            continue;
        }
        memcpy(out + i, text + i, (size_t)n);
        i += (size_t)n;
    }
    out[len] = '\0';
    return out;
}

struct gold_doc *builtin_extract(builtin *b, const struct article *a)
{
    struct gold_doc *g = xcalloc(1, sizeof(*g));
    g->article = xstrdup(a->id ? a->id : "");
    const char *text = a->text ? a->text : "";
    size_t len = a->text ? a->text_len : 0;
    char *clean = text_valid_utf8(text, len, NULL) ? NULL : sanitize(text, len);
    struct builtin_doc doc = {0};
    doc.has_pub = a->has_published;
    doc.pub = a->published;
    builtin_tok_scan(&doc, b->lex, clean ? clean : text, len);
    builtin_date_find(b->dates, &doc, g);
    builtin_count_find(&doc, g);
    struct builtin_actors *actors = builtin_actor_find(&doc);
    builtin_claim_find(&doc, actors, g);
    builtin_actor_emit(actors, g);
    builtin_actor_free(actors);
    builtin_tok_release(&doc);
    free(clean);
    return g;
}

/* ---- adding items ---------------------------------------------------------- */

/* Makes room for item n of an array that grows by doubling from 8. */
static void *room(void *items, size_t n, size_t size)
{
    if (n == 0 || (n >= 8 && (n & (n - 1)) == 0))
        return xreallocarray(items, n ? 2 * n : 8, size);
    return items;
}

void builtin_add_count(struct gold_doc *g, enum count_kind what, int64_t value, enum qualifier q,
                       char *label)
{
    if (g->n_counts >= BUILTIN_MAX_ITEMS) {
        free(label);
        return;
    }
    g->counts = room(g->counts, g->n_counts, sizeof(*g->counts));
    g->counts[g->n_counts++] = (struct count){what, value, q, label, false};
}

/* Whether a date of any granularity exists (no year 0, no 31 February). */
static bool date_exists(struct fb_date v)
{
    if (v.year < 1 || v.year > 9999 || v.month < 0 || v.month > 12 || v.day < 0)
        return false;
    if (v.month == 0)
        return v.day == 0;
    return v.day <= date_days_in_month(v.year, v.month);
}

void builtin_add_date(struct gold_doc *g, enum date_kind what, struct fb_date value)
{
    if (g->n_dates >= BUILTIN_MAX_ITEMS || !date_exists(value))
        return;
    g->dates = room(g->dates, g->n_dates, sizeof(*g->dates));
    g->dates[g->n_dates++] = (struct date_item){what, value, NULL, false};
}

void builtin_add_claim(struct gold_doc *g, const char *claimant, enum claim_kind kind, char *text)
{
    if (g->n_claims >= BUILTIN_MAX_ITEMS) {
        free(text);
        return;
    }
    g->claims = room(g->claims, g->n_claims, sizeof(*g->claims));
    g->claims[g->n_claims++] = (struct claim){xstrdup(claimant), kind, text, false};
}
