/*
 * builtin_date.c - the publication date, absolute dates and relative ones.
 *
 * Dates are found by PCRE2 patterns compiled once (and JIT-compiled where
 * the platform allows): "22 March 2017", "March 22, 2017", "3 May",
 * "in November", "July 2017", "in 2015", "yesterday", "last month",
 * "on Tuesday", "next Monday". A date without a year, or a weekday, is
 * resolved against the publication date: a weekday is the most recent one
 * strictly before it, unless the clause speaks of the future ("will",
 * "due", "next"), then the first one after it; a day or month without a year
 * is its occurrence nearest the publication date. Dates after publication
 * are `other` (hearings, deadlines), earlier ones `event`.
 */
#include <stdlib.h>
#include <string.h>

#include "builtin_rules.h"
#include "xalloc.h"

#define MONTHS                                                                                     \
    "(January|February|March|April|May|June|July|August|September|October|November|December)"
#define WEEKDAYS      "(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
#define FUTURE_WINDOW 12

enum pat {
    PAT_DMY,     /* 22 March 2017 */
    PAT_MDY,     /* March 22, 2017 */
    PAT_DM,      /* 22 March */
    PAT_MD,      /* March 22 */
    PAT_MY,      /* March 2017 */
    PAT_MONTH,   /* in March, last June, in February last year */
    PAT_YEAR,    /* in 2015 */
    PAT_DAYWORD, /* yesterday, today, this morning */
    PAT_PERIOD,  /* last month, next year */
    PAT_WEEKDAY, /* on Tuesday, next Monday, Sunday's */
    N_PATS
};

static const char *const patterns[N_PATS] = {
    [PAT_DMY] = "\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+" MONTHS ",?\\s+(\\d{4})\\b",
    [PAT_MDY] = "\\b" MONTHS "\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b",
    [PAT_DM] = "\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+" MONTHS "\\b(?!,?\\s+\\d)",
    [PAT_MD] = "\\b" MONTHS "\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?!,?\\s*\\d)(?![.,]\\d)",
    [PAT_MY] = "\\b" MONTHS "\\s+(\\d{4})\\b",
    [PAT_MONTH] = "\\b((?i:in|since|by|from|until|till|during|last|next|early|late|mid|of|"
                  "before|after|through|throughout|this|end of))[\\s-]+" MONTHS
                  "\\b(?!\\s+\\d)((?i:\\s+(last|next|this)\\s+year))?",
    [PAT_YEAR] = "\\b(?i:in|since|during|of|by|until)\\s+((?:18|19|20)\\d{2})\\b(?![-\\d])",
    [PAT_DAYWORD] = "\\b(?i:(yesterday)|(today)|(this (?:morning|afternoon|evening)))\\b",
    [PAT_PERIOD] = "\\b(?i:(last|next|this)\\s+(month|year))\\b",
    [PAT_WEEKDAY] = "\\b(?:((?i:next|last|this|coming))\\s+)?" WEEKDAYS "\\b",
};

struct builtin_date_rules {
    pcre2_code *code[N_PATS];
};

struct builtin_date_rules *builtin_date_rules_new(struct diag *diag)
{
    struct builtin_date_rules *r = xcalloc(1, sizeof(*r));
    for (int p = 0; p < N_PATS; p++) {
        int err;
        PCRE2_SIZE off;
        /* ASCII patterns on bytes: no UTF mode, so no validity scan of the text per match */
        r->code[p] = pcre2_compile((PCRE2_SPTR)patterns[p], PCRE2_ZERO_TERMINATED, PCRE2_ANCHORED,
                                   &err, &off, NULL);
        if (!r->code[p]) {
            PCRE2_UCHAR msg[120];
            pcre2_get_error_message(err, msg, sizeof(msg));
            diag_error(diag, "builtin: date pattern %d: %s at offset %zu", p, (char *)msg,
                       (size_t)off);
            builtin_date_rules_free(r);
            return NULL;
        }
        pcre2_jit_compile(r->code[p], PCRE2_JIT_COMPLETE); /* falls back to the interpreter */
    }
    return r;
}

void builtin_date_rules_free(struct builtin_date_rules *r)
{
    if (!r)
        return;
    for (int p = 0; p < N_PATS; p++)
        pcre2_code_free(r->code[p]);
    free(r);
}

/* ---- calendar helpers ----------------------------------------------------- */

static struct fb_date add_days(struct fb_date d, long n)
{
    return date_from_days(date_to_days(d) + n);
}

static struct fb_date add_months(struct fb_date d, int n)
{
    int m = d.year * 12 + (d.month - 1) + n;
    return (struct fb_date){m / 12, m % 12 + 1, 0};
}

/* Months from the publication month to year-month (y, m). */
static int month_distance(struct fb_date pub, int y, int m)
{
    return (y - pub.year) * 12 + (m - pub.month);
}

static bool valid_day(int y, int m, int day)
{
    return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && day >= 1 && day <= date_days_in_month(y, m);
}

/* ---- context: past or future ---------------------------------------------- */

/* Whether the words before token i in its sentence speak of the future. */
static bool future_context(const struct builtin_doc *d, size_t i)
{
    if (i >= d->n_tok)
        return false;
    size_t first = d->sent[d->tok[i].sent].first;
    for (size_t k = i, n = 0; k > first && n < FUTURE_WINDOW; n++) {
        k--;
        uint32_t c = builtin_tok_cls(d, k);
        if (c & (LX_SAY | LX_DENY | LX_ACCUSE))
            return false;
        if (c & LX_FUTURE)
            return true;
    }
    return false;
}

/* ---- a match -------------------------------------------------------------- */

struct match {
    const struct builtin_doc *d;
    pcre2_match_data *md;
    PCRE2_SIZE *ov;
};

static bool group_set(const struct match *m, int g)
{
    return m->ov[2 * g] != PCRE2_UNSET;
}

static int group_int(const struct match *m, int g)
{
    if (!group_set(m, g))
        return 0;
    int v = 0;
    for (PCRE2_SIZE i = m->ov[2 * g]; i < m->ov[2 * g + 1]; i++)
        v = v * 10 + (m->d->text[i] - '0');
    return v;
}

static int group_lex(const struct match *m, int g, uint32_t want)
{
    if (!group_set(m, g))
        return -1;
    int id =
        builtin_lex_find(m->d->lex, m->d->text + m->ov[2 * g], m->ov[2 * g + 1] - m->ov[2 * g]);
    const struct builtin_lex_entry *e = builtin_lex_entry(m->d->lex, id);
    return e && (e->cls & want) ? e->num : -1;
}

static bool group_is_ci(const struct match *m, int g, const char *w)
{
    if (!group_set(m, g))
        return false;
    size_t n = m->ov[2 * g + 1] - m->ov[2 * g];
    if (n != strlen(w))
        return false;
    for (size_t i = 0; i < n; i++) {
        char c = m->d->text[m->ov[2 * g] + i];
        if ((c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c) != w[i])
            return false;
    }
    return true;
}

/* ---- resolving ------------------------------------------------------------ */

struct found {
    bool ok;
    struct fb_date value;
    enum date_kind what;
};

/* event before the publication date, other after it */
static enum date_kind kind_of(const struct builtin_doc *d, struct fb_date v)
{
    if (!d->has_pub)
        return DATE_EVENT;
    struct fb_date p = d->pub;
    if (v.day)
        return date_to_days(v) > date_to_days(p) ? DATE_OTHER : DATE_EVENT;
    if (v.month)
        return month_distance(p, v.year, v.month) > 0 ? DATE_OTHER : DATE_EVENT;
    return v.year > p.year ? DATE_OTHER : DATE_EVENT;
}

static struct found full(const struct builtin_doc *d, int y, int m, int day)
{
    struct found f = {valid_day(y, m, day), {y, m, day}, DATE_EVENT};
    if (f.ok)
        f.what = kind_of(d, f.value);
    return f;
}

/* -1 for a past context ("since January 1"), 1 for a future one, 0 when unknown. */
static int tense(const struct builtin_doc *d, size_t tok, bool future)
{
    if (future)
        return 1;
    return tok > 0 && builtin_tok_is(d, tok - 1, "since") ? -1 : 0;
}

/* A day and month without a year: the occurrence nearest publication, or the last/next one. */
static struct found day_month(const struct builtin_doc *d, int m, int day, int when)
{
    if (!d->has_pub)
        return (struct found){false, {0, 0, 0}, DATE_EVENT};
    struct found best = {false, {0, 0, 0}, DATE_EVENT};
    long best_dist = 0, pub = date_to_days(d->pub);
    for (int y = d->pub.year - 1; y <= d->pub.year + 1; y++) {
        if (!valid_day(y, m, day))
            continue;
        long dist = date_to_days((struct fb_date){y, m, day}) - pub;
        if ((when > 0 && dist < 0) || (when < 0 && dist > 0))
            continue;
        if (!best.ok || labs(dist) < labs(best_dist)) {
            best = full(d, y, m, day);
            best_dist = dist;
        }
    }
    return best;
}

/* A month without a year: nearest publication, or the last/next one. */
static struct found month_only(const struct builtin_doc *d, int m, int shift)
{
    if (!d->has_pub || m < 1)
        return (struct found){false, {0, 0, 0}, DATE_EVENT};
    int y = d->pub.year, best = y;
    int dist = month_distance(d->pub, y, m);
    if (shift < 0)
        best = dist >= 0 ? y - 1 : y;
    else if (shift > 0)
        best = dist <= 0 ? y + 1 : y;
    else if (dist > 0)
        best = y - 1; /* a bare month is the last one, unless the clause looks ahead */
    struct fb_date v = {best, m, 0};
    return (struct found){true, v, kind_of(d, v)};
}

static struct found weekday(const struct builtin_doc *d, int wd, bool future)
{
    if (!d->has_pub || wd < 0)
        return (struct found){false, {0, 0, 0}, DATE_EVENT};
    int pub_wd = date_weekday(d->pub);
    /* a past weekday that is the publication's own weekday is the publication day */
    long back = (pub_wd - wd + 7) % 7, ahead = (wd - pub_wd + 7) % 7;
    if (ahead == 0)
        ahead = 7;
    struct fb_date v = add_days(d->pub, future ? ahead : -back);
    return (struct found){true, v, future ? DATE_OTHER : DATE_EVENT};
}

static struct found resolve_month(const struct match *m, bool future)
{
    int month = group_lex(m, 2, LX_MONTH);
    if (group_set(m, 3)) {
        int shift = group_is_ci(m, 4, "last") ? -12 : group_is_ci(m, 4, "next") ? 12 : 0;
        struct found f = month_only(m->d, month, 0);
        if (f.ok && m->d->has_pub) {
            f.value.year = m->d->pub.year + shift / 12;
            f.what = kind_of(m->d, f.value);
        }
        return f;
    }
    int shift = 0;
    if (group_is_ci(m, 1, "last") || group_is_ci(m, 1, "since"))
        shift = -1;
    else if (group_is_ci(m, 1, "next") || future)
        shift = 1;
    return month_only(m->d, month, shift);
}

static struct found resolve_relative(const struct match *m, enum pat p)
{
    const struct builtin_doc *d = m->d;
    if (!d->has_pub)
        return (struct found){false, {0, 0, 0}, DATE_EVENT};
    if (p == PAT_DAYWORD) {
        struct fb_date v = group_set(m, 1) ? add_days(d->pub, -1) : d->pub;
        return (struct found){true, v, DATE_EVENT};
    }
    int n = group_is_ci(m, 1, "last") ? -1 : group_is_ci(m, 1, "next") ? 1 : 0;
    if (n == 0)
        return (struct found){false, {0, 0, 0}, DATE_EVENT};
    struct fb_date v = group_is_ci(m, 2, "month") ? add_months(d->pub, n)
                                                  : (struct fb_date){d->pub.year + n, 0, 0};
    return (struct found){true, v, n < 0 ? DATE_EVENT : DATE_OTHER};
}

static struct found resolve(const struct match *m, enum pat p, size_t tok)
{
    const struct builtin_doc *d = m->d;
    bool future = future_context(d, tok);
    switch (p) {
    case PAT_DMY:
        return full(d, group_int(m, 3), group_lex(m, 2, LX_MONTH), group_int(m, 1));
    case PAT_MDY:
        return full(d, group_int(m, 3), group_lex(m, 1, LX_MONTH), group_int(m, 2));
    case PAT_DM:
        return day_month(d, group_lex(m, 2, LX_MONTH), group_int(m, 1), tense(d, tok, future));
    case PAT_MD:
        return day_month(d, group_lex(m, 1, LX_MONTH), group_int(m, 2), tense(d, tok, future));
    case PAT_MY: {
        struct fb_date v = {group_int(m, 2), group_lex(m, 1, LX_MONTH), 0};
        return (struct found){v.month > 0, v, kind_of(d, v)};
    }
    case PAT_MONTH:
        return resolve_month(m, future);
    case PAT_YEAR: {
        struct fb_date v = {group_int(m, 1), 0, 0};
        return (struct found){true, v, kind_of(d, v)};
    }
    case PAT_WEEKDAY:
        return weekday(d, group_lex(m, 2, LX_WEEKDAY),
                       future || group_is_ci(m, 1, "next") || group_is_ci(m, 1, "coming"));
    default:
        return resolve_relative(m, p);
    }
}

/* ---- the finder ----------------------------------------------------------- */

/* Whether g has a date of value v (the publication date counts apart: "today" is an event). */
static bool have_date(const struct gold_doc *g, struct fb_date v)
{
    for (size_t i = 0; i < g->n_dates; i++)
        if (g->dates[i].what != DATE_PUBLISHED && g->dates[i].value.year == v.year &&
            g->dates[i].value.month == v.month && g->dates[i].value.day == v.day)
            return true;
    return false;
}

/* Marks the tokens of [from, to) as part of a date: they are not counts. */
static void claim_tokens(struct builtin_doc *d, size_t from, size_t to)
{
    for (size_t i = builtin_tok_at(d, from); i < d->n_tok && d->tok[i].start < to; i++)
        d->tok[i].flags |= TK_DATE;
}

/* Whether the text at token i begins with w (lower-case ASCII), ASCII case ignored as (?i) does. */
static bool text_starts_ci(const struct builtin_doc *d, size_t i, const char *w)
{
    size_t at = d->tok[i].start;
    for (size_t k = 0; w[k]; k++, at++) {
        if (at >= d->len)
            return false;
        if (builtin_ascii_lower(d->text[at]) != w[k])
            return false;
    }
    return true;
}

/* "mid-March", "mid-2016": a word that starts with "mid-". */
static bool mid_word(const struct builtin_doc *d, size_t i)
{
    return d->tok[i].end - d->tok[i].start > 4 && (d->tok[i].flags & TK_HYPHEN) &&
           text_starts_ci(d, i, "mid-");
}

static bool may_start_date(const struct builtin_doc *d, size_t i)
{
    const struct builtin_tok *t = &d->tok[i];
    if (t->flags & (TK_HEAD | TK_DATE))
        return false;
    if (t->flags & TK_NUM)
        return true;
    if (!(t->flags & TK_WORD))
        return false;
    if (builtin_tok_cls(d, i) & (LX_MONTH | LX_WEEKDAY))
        return true;
    if (builtin_tok_cls(d, i) & LX_DATEOPEN)
        return true;
    return mid_word(d, i);
}

/* Whether token k may begin a month name: the patterns spell months with a capital. */
static bool month_initial(const struct builtin_doc *d, size_t k)
{
    return k < d->n_tok && memchr("JFMASOND", d->text[d->tok[k].start], 8) != NULL;
}

/*
 * Whether a month may follow the opener at token i, as PAT_MONTH requires
 * ("in March", "mid-March", "end of March", "in - March"): between them
 * only blanks and hyphens, which a token holds only as a hyphen.
 */
static bool month_may_follow(const struct builtin_doc *d, size_t i)
{
    if (d->tok[i].flags & TK_HYPHEN)
        return true;
    size_t k = i + 1;
    while (k < d->n_tok && (builtin_tok_punct(d, k, '-') || builtin_tok_is(d, k, "of")))
        k++;
    return month_initial(d, k);
}

/*
 * Whether pattern p can match at token i, so that most tokens try no
 * pattern at all. Each test is implied by its pattern (a pattern that
 * matches passes it), so it never changes what is found.
 */
static bool pattern_fits(const struct builtin_doc *d, enum pat p, size_t i)
{
    uint32_t here = builtin_tok_cls(d, i), next = builtin_tok_cls(d, i + 1);
    const struct builtin_tok *t = &d->tok[i];
    switch (p) {
    case PAT_DMY:
    case PAT_DM: /* one or two digits, a blank, a month: a longer number has no blank after them */
        return (t->flags & TK_NUM) && t->end - t->start <= 2 && month_initial(d, i + 1);
    case PAT_MDY:
    case PAT_MD:
    case PAT_MY:
        return (here & LX_MONTH) != 0;
    case PAT_MONTH:
        return ((here & LX_DATEOPEN) || (next & LX_MONTH) || mid_word(d, i)) &&
               month_may_follow(d, i);
    case PAT_YEAR:
        return (here & LX_DATEOPEN) && i + 1 < d->n_tok && (d->tok[i + 1].flags & TK_NUM);
    case PAT_DAYWORD:
        return (here & LX_DATEOPEN) &&
               (text_starts_ci(d, i, "yesterday") || text_starts_ci(d, i, "today") ||
                text_starts_ci(d, i, "this "));
    case PAT_PERIOD:
        return (here & LX_DATEOPEN) &&
               (text_starts_ci(d, i, "last") || text_starts_ci(d, i, "next") ||
                text_starts_ci(d, i, "this"));
    default:
        return (here & LX_WEEKDAY) || (next & LX_WEEKDAY);
    }
}

/* Tries the patterns, in order, at token i; returns the first token after a match, or i + 1. */
static size_t match_at(const struct builtin_date_rules *r, struct builtin_doc *d, size_t i,
                       struct match *m, struct gold_doc *g)
{
    for (int p = 0; p < N_PATS; p++) {
        if (!pattern_fits(d, (enum pat)p, i) || pcre2_match(r->code[p], (PCRE2_SPTR)d->text, d->len,
                                                            d->tok[i].start, 0, m->md, NULL) <= 0)
            continue;
        m->ov = pcre2_get_ovector_pointer(m->md);
        size_t end = m->ov[1];
        claim_tokens(d, d->tok[i].start, end);
        struct found f = resolve(m, (enum pat)p, i);
        if (f.ok && !have_date(g, f.value))
            builtin_add_date(g, f.what, f.value);
        size_t next = builtin_tok_at(d, end);
        return next > i ? next : i + 1;
    }
    return i + 1;
}

void builtin_date_find(const struct builtin_date_rules *r, struct builtin_doc *d,
                       struct gold_doc *g)
{
    if (d->has_pub)
        builtin_add_date(g, DATE_PUBLISHED, d->pub);
    struct match m = {d, pcre2_match_data_create(20, NULL), NULL};
    for (size_t i = 0; i < d->n_tok;)
        i = may_start_date(d, i) ? match_at(r, d, i, &m, g) : i + 1;
    pcre2_match_data_free(m.md);
}
