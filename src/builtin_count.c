/*
 * builtin_count.c - numbers of people killed, injured, arrested ...
 *
 * A number ("29", "1,200", "twenty-three", "a dozen", "2.5 million") gets a
 * kind from the words after it ("were killed", "people in hospital") or,
 * failing that, from a verb right before it ("killed seven") or the figure it
 * revises ("the toll rose to 22"). Qualifiers come from the words before it
 * ("at least", "about", "up to", "between ... and"). Years, ages, times,
 * money, percentages, measures and numbers inside dates are skipped.
 */
#include <string.h>

#include "builtin_rules.h"
#include "xalloc.h"

#define FORWARD_WINDOW  8
#define BACKWARD_WINDOW 24
#define MAX_COUNT       (INT64_C(1) << 53) /* the largest value the format allows */
#define MIN_OTHER       10 /* smaller numbers of other things are mostly incidental */

struct number {
    int64_t value;
    size_t first, last; /* its tokens, inclusive */
};

/* ---- reading numbers ------------------------------------------------------ */

/* The value of a digit token: "1,200" is 1200; decimals give -1 (unless scaled). */
static int64_t digit_value(const struct builtin_doc *d, size_t i, int64_t scale)
{
    const char *s = d->text + d->tok[i].start, *e = d->text + d->tok[i].end;
    int64_t v = 0, frac = 0, div = 1;
    bool dot = false;
    for (; s < e; s++) {
        if (*s == ',')
            continue;
        if (*s == '.') {
            dot = true;
            continue;
        }
        int digit = *s - '0';
        if (!dot) {
            if (v > MAX_COUNT / 10)
                return -1;
            v = v * 10 + digit;
        } else if (div < 1000) { /* "2.5 million": three decimals are plenty */
            frac = frac * 10 + digit;
            div *= 10;
        }
    }
    if ((dot && scale == 1) || v > MAX_COUNT / scale)
        return -1;
    return v * scale + frac * scale / div;
}

/* The value of "twenty-three" or "four" (a word token), or -1. */
static int64_t word_value(const struct builtin_doc *d, size_t i)
{
    const struct builtin_lex_entry *e = builtin_tok_entry(d, i);
    if (e && (e->cls & LX_NUMBER))
        return e->num;
    const char *s = d->text + d->tok[i].start;
    size_t n = d->tok[i].end - d->tok[i].start;
    const char *dash = memchr(s, '-', n);
    if (!dash)
        return -1;
    int a = builtin_lex_find(d->lex, s, (size_t)(dash - s));
    int b = builtin_lex_find(d->lex, dash + 1, n - (size_t)(dash - s) - 1);
    const struct builtin_lex_entry *ea = builtin_lex_entry(d->lex, a);
    const struct builtin_lex_entry *eb = builtin_lex_entry(d->lex, b);
    if (!ea || !eb || !(ea->cls & LX_NUMBER) || !(eb->cls & LX_NUMBER) || ea->num < 20 ||
        ea->num % 10 || eb->num >= 10)
        return -1;
    return ea->num + eb->num;
}

static int64_t scale_at(const struct builtin_doc *d, size_t i)
{
    const struct builtin_lex_entry *e = builtin_tok_entry(d, i);
    return e && (e->cls & LX_SCALE) && !(d->tok[i].flags & TK_POSS) ? e->num : 1;
}

/* Reads the number that starts at token i. */
static bool read_number(const struct builtin_doc *d, size_t i, struct number *out)
{
    const struct builtin_tok *t = &d->tok[i];
    if (t->flags & (TK_TIME | TK_DATE | TK_POSS))
        return false;
    int64_t scale = scale_at(d, i + 1);
    out->first = i;
    out->last = scale > 1 ? i + 1 : i;
    if (t->flags & TK_NUM) {
        out->value = digit_value(d, i, scale);
    } else if (t->flags & TK_WORD) {
        int64_t v = word_value(d, i);
        out->value = v < 0 ? -1 : v * scale;
        /* "one" is a pronoun more often than a count */
        if (v == 1 && !(builtin_tok_cls(d, i + 1) & LX_PERSON) &&
            !builtin_tok_is(d, i + 1, "person"))
            return false;
    } else {
        return false;
    }
    return out->value > 0;
}

/* ---- what a number is not ------------------------------------------------- */

static bool is_year(const struct builtin_doc *d, const struct number *n)
{
    const struct builtin_tok *t = &d->tok[n->first];
    return (t->flags & TK_NUM) && t->end - t->start == 4 && n->value >= 1800 && n->value <= 2100;
}

static const char *const currencies[] = {
    "$",  "\xe2\x82\xac", "\xc2\xa3", "\xe2\x82\xb9", "\xc2\xa5", "\xe2\x82\xa6", "\xe2\x82\xb5",
    "rs", "us$",          "ksh",      "sh",           "usd",      "eur",          "gbp"};

static bool is_currency(const struct builtin_doc *d, size_t i)
{
    if (i >= d->n_tok)
        return false;
    for (size_t k = 0; k < sizeof(currencies) / sizeof(currencies[0]); k++)
        if (builtin_tok_is(d, i, currencies[k]))
            return true;
    return false;
}

/* A measure, money, a percentage or a time after the number. */
static bool unit_after(const struct builtin_doc *d, size_t k)
{
    if (builtin_tok_cls(d, k) & LX_UNIT)
        return true;
    if (builtin_tok_punct(d, k, '%') || is_currency(d, k))
        return true;
    /* "10 a.m." */
    return (builtin_tok_is(d, k, "a") || builtin_tok_is(d, k, "p")) &&
           builtin_tok_punct(d, k + 1, '.') && builtin_tok_is(d, k + 2, "m");
}

/* "Damian Wrzosek, 44, was ..." and "aged 34". */
static bool is_age(const struct builtin_doc *d, const struct number *n)
{
    size_t i = n->first;
    if (i == 0)
        return false;
    if (builtin_tok_is(d, i - 1, "aged") || builtin_tok_is(d, i - 1, "age"))
        return true;
    return i >= 2 && builtin_tok_punct(d, i - 1, ',') && (d->tok[i - 2].flags & TK_CAP) &&
           (builtin_tok_punct(d, n->last + 1, ',') || builtin_tok_punct(d, n->last + 1, '.'));
}

/* "Route 9", "Section 302": a number that is part of a name. */
static bool in_name(const struct builtin_doc *d, size_t i)
{
    if (i == 0 || !(d->tok[i - 1].flags & TK_CAP) || (d->tok[i - 1].flags & TK_NUM))
        return false;
    uint32_t c = builtin_tok_cls(d, i - 1);
    return !(c & (LX_FUNC | LX_NUMBER)) && d->sent[d->tok[i].sent].first != i - 1;
}

static bool not_a_count(const struct builtin_doc *d, const struct number *n)
{
    return is_year(d, n) || unit_after(d, n->last + 1) ||
           (n->first > 0 && is_currency(d, n->first - 1)) || is_age(d, n) || in_name(d, n->first);
}

/* ---- qualifiers ----------------------------------------------------------- */

struct qual_phrase {
    const char *w[3]; /* the words before the number, nearest last */
    enum qualifier q;
};

static const struct qual_phrase qual_phrases[] = {
    {{"no", "more", "than"}, QUAL_AT_MOST},  {{"as", "many", "as"}, QUAL_AT_MOST},
    {{"at", "least", NULL}, QUAL_AT_LEAST},  {{"more", "than", NULL}, QUAL_AT_LEAST},
    {{"in", "excess", "of"}, QUAL_AT_LEAST}, {{"upwards", "of", NULL}, QUAL_AT_LEAST},
    {{"over", NULL, NULL}, QUAL_AT_LEAST},   {{"between", NULL, NULL}, QUAL_AT_LEAST},
    {{"up", "to", NULL}, QUAL_AT_MOST},      {{"fewer", "than", NULL}, QUAL_AT_MOST},
    {{"less", "than", NULL}, QUAL_AT_MOST},  {{"at", "most", NULL}, QUAL_AT_MOST},
    {{"under", NULL, NULL}, QUAL_AT_MOST},   {{"close", "to", NULL}, QUAL_ABOUT},
    {{"an", "estimated", NULL}, QUAL_ABOUT}, {{"about", NULL, NULL}, QUAL_ABOUT},
    {{"around", NULL, NULL}, QUAL_ABOUT},    {{"nearly", NULL, NULL}, QUAL_ABOUT},
    {{"almost", NULL, NULL}, QUAL_ABOUT},    {{"some", NULL, NULL}, QUAL_ABOUT},
    {{"roughly", NULL, NULL}, QUAL_ABOUT},   {{"approximately", NULL, NULL}, QUAL_ABOUT},
    {{"estimated", NULL, NULL}, QUAL_ABOUT},
};

/* The qualifier before token i; *start gets the first token of its phrase. */
static enum qualifier qualifier_before(const struct builtin_doc *d, size_t i, size_t *start)
{
    *start = i;
    if (i == 0 || !(builtin_tok_cls(d, i - 1) & LX_QUALEND))
        return QUAL_EXACT;
    for (size_t p = 0; p < sizeof(qual_phrases) / sizeof(qual_phrases[0]); p++) {
        const struct qual_phrase *q = &qual_phrases[p];
        size_t n = q->w[2] ? 3 : q->w[1] ? 2 : 1;
        if (i < n)
            continue;
        bool ok = true;
        for (size_t k = 0; k < n && ok; k++)
            ok = builtin_tok_is(d, i - n + k, q->w[k]);
        if (ok) {
            *start = i - n;
            return q->q;
        }
    }
    return QUAL_EXACT;
}

/* "between 30 and 40": the second number is an upper bound. */
static bool upper_of_range(const struct builtin_doc *d, size_t i)
{
    return i >= 3 && builtin_tok_is(d, i - 1, "and") &&
           (d->tok[i - 2].flags & (TK_NUM | TK_WORD)) && builtin_tok_is(d, i - 3, "between");
}

/* ---- kinds ---------------------------------------------------------------- */

/* The count kind of the word at k, or -1; "part" only in "taken part". */
static int kind_at(const struct builtin_doc *d, size_t k)
{
    const struct builtin_lex_entry *e = builtin_tok_entry(d, k);
    if (!e || !(e->cls & LX_KIND))
        return -1;
    if (builtin_tok_is(d, k, "part") &&
        !(builtin_tok_is(d, k - 1, "taken") || builtin_tok_is(d, k - 1, "took") ||
          builtin_tok_is(d, k - 1, "take") || builtin_tok_is(d, k - 1, "taking")))
        return -1;
    /* "being treated" in hospital, not "treated by ambulance crews" */
    if (builtin_tok_is(d, k, "treated") && !builtin_tok_is(d, k - 1, "being"))
        return -1;
    return (int)e->kind;
}

static bool clause_break(const struct builtin_doc *d, size_t k)
{
    return (builtin_tok_cls(d, k) & (LX_BREAK | LX_SAY | LX_DENY)) != 0;
}

static bool auxiliary(const struct builtin_doc *d, size_t k)
{
    static const char *const aux[] = {"were", "was",    "are",      "is",      "had",   "have",
                                      "has",  "remain", "remained", "remains", "still", "died"};
    for (size_t i = 0; i < sizeof(aux) / sizeof(aux[0]); i++)
        if (builtin_tok_is(d, k, aux[i]))
            return true;
    return false;
}

/*
 * Skips "of the wounded" / "of the arrested men" after a number: the subset
 * takes its kind from the verb after it ("31 of the wounded were still being
 * treated").
 */
static size_t skip_subset(const struct builtin_doc *d, size_t k, size_t end)
{
    if (!builtin_tok_is(d, k, "of"))
        return k;
    k++;
    if (builtin_tok_is(d, k, "the") || builtin_tok_is(d, k, "them") ||
        builtin_tok_is(d, k, "those") || builtin_tok_is(d, k, "these"))
        k++;
    for (size_t n = 0;
         n < 4 && k < end && (d->tok[k].flags & (TK_WORD | TK_NUM)) && !auxiliary(d, k); n++)
        k++;
    return k;
}

/* At a comma: jumps over ", including 17 soldiers," or stops (returns end). */
static size_t skip_aside(const struct builtin_doc *d, size_t k, size_t end)
{
    if (!(builtin_tok_is(d, k + 1, "including") || builtin_tok_is(d, k + 1, "among") ||
          builtin_tok_is(d, k + 1, "mostly") || builtin_tok_is(d, k + 1, "most")))
        return end;
    for (size_t j = k + 1; j < end && j < k + 12; j++)
        if (builtin_tok_punct(d, j, ','))
            return j;
    return end;
}

/* A number that modifies a noun inside a phrase: "residents of three villages". */
static bool after_preposition(const struct builtin_doc *d, size_t k)
{
    return k > 0 && (builtin_tok_is(d, k - 1, "of") || builtin_tok_is(d, k - 1, "from") ||
                     builtin_tok_is(d, k - 1, "in") || builtin_tok_is(d, k - 1, "at") ||
                     builtin_tok_is(d, k - 1, "across"));
}

static int kind_forward(const struct builtin_doc *d, size_t first, size_t k, size_t end)
{
    size_t window = after_preposition(d, first) ? 1 : FORWARD_WINDOW;
    k = skip_subset(d, k, end);
    for (size_t steps = 0; k < end && steps < window; k++, steps++) {
        const struct builtin_tok *t = &d->tok[k];
        if (builtin_tok_punct(d, k, ',')) {
            k = skip_aside(d, k, end);
            continue;
        }
        if ((t->flags & (TK_PUNCT | TK_QOPEN | TK_QCLOSE)) && !builtin_tok_punct(d, k, '-'))
            return -1;
        if (((t->flags & TK_NUM) || (builtin_tok_cls(d, k) & LX_NUMBER)) &&
            !after_preposition(d, k))
            return -1;
        int kind = kind_at(d, k);
        if (kind >= 0)
            return kind;
        if (clause_break(d, k))
            return -1;
    }
    return -1;
}

/* "a rally of about 2,000 workers" */
static bool gathering(const struct builtin_doc *d, size_t k)
{
    static const char *const words[] = {"rally", "march",     "protest", "demonstration",
                                        "crowd", "gathering", "strike",  "procession"};
    for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
        if (builtin_tok_is(d, k, words[i]))
            return true;
    return false;
}

/* The word before "to"/"at" in "the toll rose to 22", "revised the number to 46". */
static bool revision_word(const struct builtin_doc *d, size_t k)
{
    static const char *const words[] = {
        "risen",    "rose",     "rises",   "rise",     "rising",   "climbed", "climbs", "increased",
        "jumped",   "revised",  "raised",  "raising",  "put",      "puts",    "stood",  "stands",
        "reached",  "grew",     "number",  "figure",   "total",    "count",   "tally",  "toll",
        "numbered", "totalled", "totaled", "reaching", "bringing", "brought", "hit"};
    for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
        if (builtin_tok_is(d, k, words[i]))
            return true;
    return kind_at(d, k) >= 0;
}

/* "killed seven people", "the toll rose to 22", "revised the number to 46". */
static int kind_backward(const struct builtin_doc *d, size_t p, size_t first)
{
    if (p < first || p >= d->n_tok)
        return -1;
    int kind = kind_at(d, p);
    if (kind >= 0 && kind != COUNT_PARTICIPANTS)
        return kind;
    bool to = (builtin_tok_is(d, p, "to") || builtin_tok_is(d, p, "at")) && p > first &&
              revision_word(d, p - 1);
    bool of = builtin_tok_is(d, p, "of") &&
              (builtin_tok_is(d, p - 1, "toll") || builtin_tok_is(d, p - 1, "total"));
    if (builtin_tok_is(d, p, "of") && gathering(d, p - 1))
        return COUNT_PARTICIPANTS;
    if (!to && !of && !(revision_word(d, p) && kind_at(d, p) < 0))
        return -1;
    for (size_t k = p, n = 0; k > first && n < BACKWARD_WINDOW; n++) {
        k--;
        if (d->tok[k].flags & (TK_QOPEN | TK_QCLOSE) || (builtin_tok_cls(d, k) & LX_UNIT))
            return -1;
        kind = kind_at(d, k);
        if (kind >= 0)
            return kind;
    }
    return -1;
}

/* The words after a number of other things, as its label: "houses flooded". */
static char *label_after(const struct builtin_doc *d, size_t k, size_t end)
{
    size_t last = k;
    while (last < end && last < k + 3 && (d->tok[last].flags & TK_WORD) &&
           !(builtin_tok_cls(d, last) & (LX_FUNC | LX_ADVERB)))
        last++;
    if (last == k)
        return NULL;
    return xstrndup(d->text + d->tok[k].start, d->tok[last - 1].end - d->tok[k].start);
}

/* ---- the finder ----------------------------------------------------------- */

static bool have_count(const struct gold_doc *g, enum count_kind what, int64_t value)
{
    for (size_t i = 0; i < g->n_counts; i++)
        if (g->counts[i].what == what && g->counts[i].value == value)
            return true;
    return false;
}

static void count_at(const struct builtin_doc *d, size_t i, struct gold_doc *g)
{
    struct number n;
    if (!read_number(d, i, &n) || not_a_count(d, &n))
        return;
    const struct builtin_sent *s = &d->sent[d->tok[i].sent];
    size_t qstart;
    enum qualifier q = qualifier_before(d, i, &qstart);
    if (upper_of_range(d, i))
        q = QUAL_AT_MOST;
    int kind = kind_forward(d, n.first, n.last + 1, s->end);
    if (kind < 0 && qstart > s->first)
        kind = kind_backward(d, qstart - 1, s->first);
    /* other numbers of things, when not too small to be incidental */
    if (kind < 0 && n.value >= MIN_OTHER)
        kind = COUNT_OTHER;
    if (kind < 0 || have_count(g, (enum count_kind)kind, n.value))
        return;
    builtin_add_count(g, (enum count_kind)kind, n.value, q,
                      kind == COUNT_OTHER ? label_after(d, n.last + 1, s->end) : NULL);
}

/* Whether token i may start a number: digits, "four", "twenty-three". */
static bool may_be_number(const struct builtin_doc *d, size_t i)
{
    const struct builtin_tok *t = &d->tok[i];
    if (t->flags & TK_NUM)
        return true;
    if (!(t->flags & TK_WORD))
        return false;
    return (builtin_tok_cls(d, i) & LX_NUMBER) || (t->lex < 0 && (t->flags & TK_HYPHEN));
}

void builtin_count_find(const struct builtin_doc *d, struct gold_doc *g)
{
    for (size_t i = 0; i < d->n_tok; i++)
        if (may_be_number(d, i))
            count_at(d, i, g);
}
