/*
 * builtin_claim.c - attributed statements: who said, denied, accused or
 * claimed what.
 *
 * Each reporting verb outside quotation marks ("said", "told", "denied",
 * "accused", "claimed responsibility", "according to") looks for its speaker
 * and its content:
 *
 *   X said (on Monday) (that) CLAUSE        content after the verb
 *   CLAUSE, X said.  /  "QUOTE," said X.    content before the speaker
 *   X said: "QUOTE"                         the quotation
 *   according to X, CLAUSE / CLAUSE, according to X
 *
 * The speaker comes from builtin_speaker.c. A statement that only relays
 * a named source's own claim ("police said a group had claimed
 * responsibility") is left to that source. A quotation standing alone right
 * after a quoted claim continues it. "X denied the allegations" takes the
 * text of the last accusation, and a quotation next to its speaker's
 * accusation or denial takes that kind.
 */
#include <stdlib.h>
#include <string.h>

#include "builtin_rules.h"
#include "xalloc.h"

#define MAX_VERBS   16
#define THAT_WINDOW 10

struct claim_found {
    int actor;
    bool named; /* the speaker has a name, not a pronoun or a common noun */
    enum claim_kind kind;
    size_t verb;
    size_t first, last; /* content tokens, inclusive */
    bool quote;
    bool anaphoric;               /* "denied the allegations": the text is the last accusation's */
    size_t skip_first, skip_last; /* tokens left out of the text, or SIZE_MAX */
};

/* Where each emitted claim was found, for the kinds of quotations. */
struct emitted {
    size_t sent;
    bool quote;
};

struct ctx {
    struct builtin_sentence s; /* the sentence and its speakers */
    struct gold_doc *g;
    int quote_actor; /* the speaker of the last quotation, for continuations */
    size_t quote_sent;
    struct claim_found found[MAX_VERBS];
    size_t n_found;
    struct emitted *emitted; /* parallel to g->claims */
    size_t cap_emitted;
    uint64_t *seen; /* hashes of the claims emitted */
    size_t n_seen, cap_seen;
};

/* ---- content -------------------------------------------------------------- */

/* Skips "on Monday", "yesterday", "in a statement", "through his lawyer". */
static size_t skip_adjuncts(const struct ctx *c, size_t p)
{
    for (int round = 0; round < 4 && p < c->s.end; round++) {
        if (builtin_sent_is(&c->s, p, "yesterday") || builtin_sent_is(&c->s, p, "today") ||
            builtin_sent_is(&c->s, p, "earlier") || builtin_sent_is(&c->s, p, "later") ||
            builtin_sent_is(&c->s, p, "also") || builtin_sent_is(&c->s, p, "separately") ||
            builtin_sent_is(&c->s, p, "again") || builtin_sent_is(&c->s, p, "publicly") ||
            builtin_sent_is(&c->s, p, "then")) {
            p++;
            continue;
        }
        size_t k = p;
        if (builtin_sent_is(&c->s, k, "late") || builtin_sent_is(&c->s, k, "early"))
            k++;
        if (builtin_sent_is(&c->s, k, "on") && (builtin_sent_cls(&c->s, k + 1) & LX_WEEKDAY)) {
            p = k + 2;
            if (builtin_sent_is(&c->s, p, "morning") || builtin_sent_is(&c->s, p, "afternoon") ||
                builtin_sent_is(&c->s, p, "evening") || builtin_sent_is(&c->s, p, "night"))
                p++;
            continue;
        }
        if (builtin_sent_is(&c->s, p, "in") || builtin_sent_is(&c->s, p, "at") ||
            builtin_sent_is(&c->s, p, "through") || builtin_sent_is(&c->s, p, "during")) {
            size_t j = p + 1;
            while (j < p + 5 && j < c->s.end && !(builtin_sent_cls(&c->s, j) & LX_DOCNOUN) &&
                   !builtin_sent_is(&c->s, j, "lawyer") && !builtin_sent_is(&c->s, j, "lawyers") &&
                   builtin_sent_flag(&c->s, j, TK_WORD))
                j++;
            if (j < p + 5 && j < c->s.end && builtin_sent_flag(&c->s, j, TK_WORD)) {
                p = j + 1;
                continue;
            }
        }
        break;
    }
    return p;
}

/* Skips the person told: "told reporters", "told state television". */
static size_t skip_audience(const struct ctx *c, size_t v, size_t p)
{
    if (!(builtin_sent_is(&c->s, v, "told") || builtin_sent_is(&c->s, v, "tells") ||
          builtin_sent_is(&c->s, v, "tell")))
        return p;
    for (int n = 0; n < 4 && p < c->s.end && (builtin_sent_cls(&c->s, p) & LX_AUDIENCE) &&
                    !builtin_sent_is(&c->s, p, "that");
         n++)
        p++;
    return p;
}

/* "that" soon after the verb, before any quotation or stop: the clause after it. */
static size_t after_that(const struct ctx *c, size_t p)
{
    for (size_t k = p; k < c->s.end && k < p + THAT_WINDOW; k++) {
        if (builtin_sent_flag(&c->s, k, TK_QOPEN | TK_PUNCT) && !builtin_sent_punct(&c->s, k, ','))
            return SIZE_MAX;
        if (builtin_sent_cls(&c->s, k) & BUILTIN_REPORTING)
            return SIZE_MAX;
        if (builtin_sent_is(&c->s, k, "that"))
            return k + 1;
    }
    return SIZE_MAX;
}

/* Whether a new reporting clause starts at k: ", saying", "and said", ", according to". */
static bool clause_stops(const struct ctx *c, size_t k)
{
    if (builtin_sent_punct(&c->s, k, ',') && (builtin_sent_cls(&c->s, k + 1) & BUILTIN_REPORTING))
        return true;
    if (builtin_sent_punct(&c->s, k, ',') && builtin_sent_is(&c->s, k + 1, "according"))
        return true;
    if ((builtin_sent_is(&c->s, k, "and") || builtin_sent_is(&c->s, k, "but")) &&
        !builtin_sent_flag(&c->s, k, TK_INQ)) {
        size_t j = k + 1;
        while (j < c->s.end && (builtin_sent_cls(&c->s, j) & LX_ADVERB))
            j++;
        return (builtin_sent_cls(&c->s, j) & BUILTIN_REPORTING) != 0;
    }
    return false;
}

/* The last content token of a clause that starts at p. */
static size_t clause_last(const struct ctx *c, size_t p)
{
    size_t k = p;
    while (k < c->s.end && !clause_stops(c, k) &&
           !(builtin_sent_at_end(&c->s, k) && !builtin_sent_flag(&c->s, k, TK_INQ)))
        k++;
    while (k > p && (builtin_sent_flag(&c->s, k - 1, TK_PUNCT) &&
                     !builtin_sent_flag(&c->s, k - 1, TK_QCLOSE)))
        k--;
    return k - 1;
}

/* The quotation that opens at q: its last token inside. */
static size_t quote_last(const struct ctx *c, size_t q)
{
    size_t k = q + 1;
    while (k < c->s.end && !builtin_sent_flag(&c->s, k, TK_QCLOSE))
        k++;
    return k - 1;
}

/* The quotation that closes at q: its first token inside, or SIZE_MAX. */
static size_t quote_first(const struct ctx *c, size_t q)
{
    for (size_t k = q; k > c->s.first;) {
        k--;
        if (builtin_sent_flag(&c->s, k, TK_QOPEN))
            return k + 1;
    }
    return builtin_sent_flag(&c->s, c->s.first, TK_QOPEN) ? c->s.first + 1 : SIZE_MAX;
}

static void trim_punct(const struct ctx *c, struct claim_found *f)
{
    while (f->last > f->first && builtin_sent_flag(&c->s, f->last, TK_PUNCT))
        f->last--;
}

static bool keep(struct ctx *c, const struct claim_found *f)
{
    if (f->actor < 0 || f->first > f->last || f->last >= c->s.end || c->n_found == MAX_VERBS)
        return false;
    c->found[c->n_found++] = *f;
    return true;
}

/* Content before the speaker: `CLAUSE, X said` or `"QUOTE," X said`. */
static void content_before(struct ctx *c, struct claim_found f, size_t speaker_start)
{
    size_t k = speaker_start;
    while (k > c->s.first && builtin_sent_determiner(&c->s, k - 1))
        k--;
    if (k <= c->s.first)
        return;
    k--;
    if (builtin_sent_punct(&c->s, k, ',') && k > c->s.first &&
        builtin_sent_flag(&c->s, k - 1, TK_QCLOSE))
        k--;
    if (builtin_sent_flag(&c->s, k, TK_QCLOSE)) {
        size_t q = quote_first(c, k);
        if (q == SIZE_MAX)
            return;
        f.first = q;
        f.last = k - 1;
        f.quote = true;
    } else if (builtin_sent_punct(&c->s, k, ',') && k > c->s.first) {
        f.first = c->s.first;
        f.last = k - 1;
    } else {
        return;
    }
    trim_punct(c, &f);
    keep(c, &f);
}

/* "the allegations", "it": a denial of something said before. */
static bool anaphoric_object(const struct ctx *c, size_t p)
{
    static const char *const nouns[] = {
        "allegation",  "allegations", "accusation", "accusations", "claim",   "claims",
        "charge",      "charges",     "report",     "reports",     "account", "suggestion",
        "suggestions", "criticism",   "it",         "this",        "them",    "that",
    };
    size_t k = p;
    if (builtin_sent_is(&c->s, k, "the") || builtin_sent_is(&c->s, k, "these") ||
        builtin_sent_is(&c->s, k, "those") || builtin_sent_is(&c->s, k, "such") ||
        builtin_sent_is(&c->s, k, "this") || builtin_sent_is(&c->s, k, "that") ||
        builtin_sent_is(&c->s, k, "any") || builtin_sent_is(&c->s, k, "all"))
        k++;
    for (size_t i = 0; i < sizeof(nouns) / sizeof(nouns[0]); i++)
        if (builtin_sent_is(&c->s, k, nouns[i]))
            return builtin_sent_at_end(&c->s, k + 1) || builtin_sent_punct(&c->s, k + 1, ',') ||
                   builtin_sent_is(&c->s, k + 1, "and") || builtin_sent_is(&c->s, k + 1, "as");
    return false;
}

/*
 * "claimed responsibility in a message sent to journalists, saying the
 * market was targeted": the text is the claim and what it said, without the
 * message that carried it.
 */
static void responsibility_text(const struct ctx *c, struct claim_found *f)
{
    size_t r = f->first;
    f->first = f->verb;
    if (!(builtin_sent_punct(&c->s, f->last + 1, ',') &&
          builtin_speaker_participle(&c->s, f->last + 2) &&
          (builtin_sent_cls(&c->s, f->last + 2) & LX_SAY)))
        return;
    size_t comma = f->last + 1;
    if (builtin_sent_is(&c->s, r + 1, "in") || builtin_sent_is(&c->s, r + 1, "on") ||
        builtin_sent_is(&c->s, r + 1, "through") || builtin_sent_is(&c->s, r + 1, "via")) {
        f->skip_first = r + 1;
        f->skip_last = comma + 1;
    }
    f->last = clause_last(c, comma + 2);
}

/* Content after the verb (and the speaker, when it follows the verb). */
static bool content_after(struct ctx *c, struct claim_found f, size_t p)
{
    p = skip_audience(c, f.verb, p);
    size_t that = after_that(c, p);
    if (that != SIZE_MAX) {
        p = that;
    } else {
        p = skip_adjuncts(c, p);
        if ((builtin_sent_punct(&c->s, p, ',') || builtin_sent_punct(&c->s, p, ':')) &&
            builtin_sent_flag(&c->s, p + 1, TK_QOPEN))
            p++;
        else if (builtin_sent_punct(&c->s, p, ':'))
            p++;
    }
    if (builtin_sent_flag(&c->s, p, TK_QOPEN)) {
        f.first = p + 1;
        f.last = quote_last(c, p);
        f.quote = true;
        trim_punct(c, &f);
        return keep(c, &f);
    }
    if (builtin_sent_at_end(&c->s, p) || builtin_sent_punct(&c->s, p, ','))
        return false;
    f.first = p;
    f.last = clause_last(c, p);
    f.quote = false;
    if (f.kind == CLAIM_DENIAL && anaphoric_object(c, p))
        f.anaphoric = true;
    /* "claimed responsibility ..., saying the market was targeted": one claim */
    if (f.kind == CLAIM_RESPONSIBILITY)
        responsibility_text(c, &f);
    return keep(c, &f);
}

/* ---- the verbs ------------------------------------------------------------ */

static enum claim_kind verb_kind(const struct ctx *c, size_t v, size_t *content)
{
    uint32_t k = builtin_sent_cls(&c->s, v);
    *content = v + 1;
    if ((k & LX_CLAIMV) && (builtin_sent_is(&c->s, v + 1, "responsibility") ||
                            builtin_sent_is(&c->s, v + 2, "responsibility"))) {
        *content = builtin_sent_is(&c->s, v + 1, "responsibility") ? v + 1 : v + 2;
        return CLAIM_RESPONSIBILITY;
    }
    if (k & LX_DENY)
        return CLAIM_DENIAL;
    if (k & LX_ACCUSE)
        return CLAIM_ACCUSATION;
    return CLAIM_STATEMENT;
}

/* The last word of the phrase after "according to": up to a comma or stop. */
static size_t phrase_end(const struct ctx *c, size_t k)
{
    size_t last;
    if (builtin_actor_starting(c->s.a, k, &last) >= 0)
        return last;
    size_t e = k;
    while (e + 1 < c->s.end && e < k + 6 && builtin_sent_flag(&c->s, e + 1, TK_WORD) &&
           !builtin_sent_is(&c->s, e + 1, "in") && !builtin_sent_is(&c->s, e + 1, "on") &&
           !builtin_sent_is(&c->s, e + 1, "at"))
        e++;
    /* "according to a police statement": the speaker is the word before */
    if (e > k && (builtin_sent_cls(&c->s, e) & LX_DOCNOUN) && !builtin_sent_flag(&c->s, e, TK_CAP))
        e--;
    return e;
}

static void according_to(struct ctx *c, size_t v)
{
    size_t k = v + 2, last = phrase_end(c, k);
    struct builtin_speaker s = builtin_speaker_ending(&c->s, last);
    if (s.actor < 0)
        return;
    c->s.subject = s.actor;
    struct claim_found f = {s.actor, s.named, CLAIM_STATEMENT, v,        0,
                            0,       false,   false,           SIZE_MAX, SIZE_MAX};
    if (v == c->s.first) {
        if (builtin_sent_punct(&c->s, last + 1, ',')) {
            f.first = last + 2;
            f.last = clause_last(c, last + 2);
            keep(c, &f);
        }
    } else if (builtin_sent_punct(&c->s, v - 1, ',')) {
        content_before(c, f, v);
    }
}

/* Whether a quotation closes right before the speaker phrase at start. */
static bool quote_before(const struct ctx *c, size_t start)
{
    size_t k = start;
    while (k > c->s.first && builtin_sent_determiner(&c->s, k - 1))
        k--;
    if (k <= c->s.first)
        return false;
    k--;
    if (builtin_sent_punct(&c->s, k, ',') && k > c->s.first)
        k--;
    return builtin_sent_flag(&c->s, k, TK_QCLOSE);
}

static void reporting_verb(struct ctx *c, size_t v)
{
    size_t content, last = v;
    enum claim_kind kind = verb_kind(c, v, &content);
    bool carried;
    struct builtin_speaker s = builtin_speaker_before(&c->s, v, &carried);
    bool inverted = false;
    if (s.actor < 0 && !carried && v > c->s.first &&
        (builtin_sent_punct(&c->s, v - 1, ',') || builtin_sent_flag(&c->s, v - 1, TK_QCLOSE))) {
        s = builtin_speaker_after(&c->s, v, &last);
        inverted = s.actor >= 0;
    }
    if (s.actor < 0)
        return;
    c->s.subject = s.actor;
    c->s.speaker = s.actor;
    c->s.speaker_sent = c->s.sent;
    struct claim_found f = {s.actor, s.named, kind, v, 0, 0, false, false, SIZE_MAX, SIZE_MAX};
    size_t p = inverted ? last + 1 : content;
    size_t rest = skip_adjuncts(c, skip_audience(c, v, p));
    size_t start = inverted ? v : s.start;
    if (kind == CLAIM_STATEMENT && !carried && quote_before(c, start)) {
        content_before(c, f, start);
        /* `"A," he said, "B."` */
        if ((builtin_sent_punct(&c->s, rest, ',') || builtin_sent_punct(&c->s, rest, ':')) &&
            builtin_sent_flag(&c->s, rest + 1, TK_QOPEN))
            content_after(c, f, p);
        return;
    }
    if (kind == CLAIM_STATEMENT && !carried &&
        (builtin_sent_at_end(&c->s, rest) || builtin_sent_punct(&c->s, rest, ',')))
        content_before(c, f, start);
    content_after(c, f, p);
}

/* "police put the crowd at about 18,000": an estimate is a statement. */
static bool estimate_verb(const struct ctx *c, size_t v)
{
    static const char *const what[] = {"crowd",      "number", "toll", "figure", "turnout",
                                       "attendance", "total",  "loss", "losses", "damage"};
    if (!builtin_sent_is(&c->s, v, "put") && !builtin_sent_is(&c->s, v, "puts"))
        return false;
    for (size_t k = v + 1; k < v + 5 && k < c->s.end; k++) {
        if (!builtin_sent_is(&c->s, k + 1, "at"))
            continue;
        for (size_t i = 0; i < sizeof(what) / sizeof(what[0]); i++)
            if (builtin_sent_is(&c->s, k, what[i]))
                return true;
    }
    return false;
}

static void find_verbs(struct ctx *c)
{
    for (size_t v = c->s.first; v < c->s.end; v++) {
        if (builtin_sent_flag(&c->s, v, TK_INQ) || !builtin_sent_flag(&c->s, v, TK_WORD))
            continue;
        if (builtin_sent_is(&c->s, v, "according") && builtin_sent_is(&c->s, v + 1, "to"))
            according_to(c, v);
        else if (!builtin_sent_flag(&c->s, v, TK_CAP) &&
                 ((builtin_sent_cls(&c->s, v) & (BUILTIN_REPORTING | LX_CLAIMV)) ||
                  estimate_verb(c, v)))
            reporting_verb(c, v);
    }
}

/* ---- output --------------------------------------------------------------- */

static bool is_quote_char(const char *s, size_t n)
{
    return (n == 1 && *s == '"') ||
           (n == 3 && (memcmp(s, "\xe2\x80\x9c", 3) == 0 || memcmp(s, "\xe2\x80\x9d", 3) == 0));
}

/*
 * The text of tokens [first, last], without quotation marks and final
 * punctuation, or NULL when nothing is left. It is never longer than the
 * bytes the tokens span (a blank stands for each gap), so it is written
 * straight into one allocation of that size.
 */
static char *claim_text(const struct ctx *c, const struct claim_found *f, size_t *words)
{
    const struct builtin_doc *d = c->s.d;
    size_t first = builtin_sent_is(&c->s, f->first, "that") ? f->first + 1 : f->first;
    size_t last = f->last < c->s.end ? f->last : c->s.end - 1;
    *words = 0;
    if (first > last)
        return NULL;
    char *out = xmalloc(d->tok[last].end - d->tok[first].start + 1);
    size_t len = 0;
    bool space = false;
    for (size_t k = first; k <= last; k++) {
        const struct builtin_tok *t = &d->tok[k];
        space |= k > first && t->start > d->tok[k - 1].end;
        if (is_quote_char(d->text + t->start, t->end - t->start) ||
            (k >= f->skip_first && k <= f->skip_last))
            continue;
        if (len && space)
            out[len++] = ' ';
        space = false;
        memcpy(out + len, d->text + t->start, t->end - t->start);
        len += t->end - t->start;
        *words += (t->flags & (TK_WORD | TK_NUM)) != 0;
    }
    while (len && strchr(" ,.;:-", out[len - 1]))
        len--;
    if (!len) {
        free(out);
        return NULL;
    }
    out[len] = '\0';
    return out;
}

/*
 * Whether claim i adds nothing: it relays a claim of another named speaker
 * inside its content, or it lies inside a claim of its own speaker.
 */
static bool redundant(const struct ctx *c, size_t i)
{
    const struct claim_found *f = &c->found[i];
    for (size_t j = 0; j < c->n_found; j++) {
        const struct claim_found *o = &c->found[j];
        if (j == i)
            continue;
        if (o->named && o->actor != f->actor && o->verb >= f->first && o->verb <= f->last)
            return true;
        if (o->actor == f->actor && f->verb >= o->first && f->verb <= o->last &&
            o->kind != CLAIM_STATEMENT)
            return true;
    }
    return false;
}

static uint64_t hash_str(uint64_t h, const char *s)
{
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return (h ^ 0xff) * 1099511628211ull;
}

/*
 * Whether the claim was emitted before (one responsibility claim per
 * speaker); remembers it otherwise. A set of 64-bit hashes: a collision
 * would only drop a claim.
 */
static bool seen_claim(struct ctx *c, const char *claimant, enum claim_kind kind, const char *text)
{
    uint64_t h = hash_str(1469598103934665603ull + (uint64_t)kind, claimant);
    if (kind != CLAIM_RESPONSIBILITY)
        h = hash_str(h, text);
    h = h ? h : 1;
    if (2 * (c->n_seen + 1) > c->cap_seen) {
        uint64_t *old = c->seen;
        size_t old_cap = c->cap_seen;
        c->cap_seen = old_cap ? 2 * old_cap : 64;
        c->seen = xcalloc(c->cap_seen, sizeof(*c->seen));
        for (size_t i = 0; i < old_cap; i++)
            if (old[i]) {
                size_t k = (size_t)old[i] & (c->cap_seen - 1);
                while (c->seen[k])
                    k = (k + 1) & (c->cap_seen - 1);
                c->seen[k] = old[i];
            }
        free(old);
    }
    size_t k = (size_t)h & (c->cap_seen - 1);
    while (c->seen[k] && c->seen[k] != h)
        k = (k + 1) & (c->cap_seen - 1);
    if (c->seen[k])
        return true;
    c->seen[k] = h;
    c->n_seen++;
    return false;
}

/* The text of the last accusation by someone else, or NULL. */
static char *last_accusation(const struct gold_doc *g, const char *claimant)
{
    for (size_t i = g->n_claims; i > 0; i--)
        if (g->claims[i - 1].kind == CLAIM_ACCUSATION &&
            strcmp(g->claims[i - 1].claimant, claimant) != 0)
            return xstrdup(g->claims[i - 1].text);
    return NULL;
}

static void emit(struct ctx *c, const struct claim_found *f)
{
    size_t words = 0;
    const char *name = builtin_actor_name(c->s.a, f->actor);
    char *text = f->anaphoric ? last_accusation(c->g, name) : claim_text(c, f, &words);
    size_t need = f->kind == CLAIM_STATEMENT && !f->quote ? 4 : 2;
    if (!text || (!f->anaphoric && words < need) || seen_claim(c, name, f->kind, text)) {
        free(text);
        return;
    }
    builtin_actor_use(c->s.a, f->actor);
    XGROW(c->emitted, c->cap_emitted, c->g->n_claims + 1);
    c->emitted[c->g->n_claims] = (struct emitted){c->s.sent, f->quote};
    builtin_add_claim(c->g, name, f->kind, text);
    c->s.speaker = f->actor;
    c->s.speaker_sent = c->s.sent;
    if (f->quote) {
        c->quote_actor = f->actor;
        c->quote_sent = c->s.sent;
    }
}

/* A sentence that is only a quotation, right after a quoted claim, continues it. */
static void continuation(struct ctx *c)
{
    if (c->quote_actor < 0 || c->s.sent > c->quote_sent + 2 ||
        !builtin_sent_flag(&c->s, c->s.first, TK_QOPEN))
        return;
    struct claim_found f = {c->quote_actor, true,           CLAIM_STATEMENT,
                            c->s.first,     c->s.first + 1, quote_last(c, c->s.first),
                            true,           false,          SIZE_MAX,
                            SIZE_MAX};
    trim_punct(c, &f);
    if (f.last >= f.first && f.last < c->s.end)
        emit(c, &f);
}

static void sentence(struct ctx *c, size_t s)
{
    c->s.sent = s;
    c->s.first = c->s.d->sent[s].first;
    c->s.end = c->s.d->sent[s].end;
    c->s.subject = -1;
    c->n_found = 0;
    if (c->s.d->sent[s].head || c->s.first >= c->s.end)
        return;
    builtin_speaker_acting(&c->s);
    find_verbs(c);
    for (size_t i = 0; i < c->n_found; i++)
        if (!redundant(c, i))
            emit(c, &c->found[i]);
    if (!c->n_found)
        continuation(c);
}

/*
 * A quotation next to its speaker's accusation or denial (the sentence
 * before or after) is part of it: `She accused police of firing tear gas.
 * "They came for the pensioners," she said.`
 */
static void quote_kinds(const struct ctx *c)
{
    struct claim *cl = c->g->claims;
    for (size_t i = 0; i < c->g->n_claims; i++) {
        if (cl[i].kind != CLAIM_STATEMENT || !c->emitted[i].quote)
            continue;
        for (size_t j = 0; j < c->g->n_claims; j++) {
            size_t si = c->emitted[i].sent, sj = c->emitted[j].sent;
            if ((cl[j].kind == CLAIM_ACCUSATION || cl[j].kind == CLAIM_DENIAL) && si <= sj + 1 &&
                sj <= si + 1 && strcmp(cl[i].claimant, cl[j].claimant) == 0) {
                cl[i].kind = cl[j].kind;
                break;
            }
        }
    }
}

void builtin_claim_find(const struct builtin_doc *d, struct builtin_actors *a, struct gold_doc *g)
{
    struct ctx c = {0};
    c.s = (struct builtin_sentence){d, a, 0, 0, 0, -1, -1, 0};
    c.g = g;
    c.quote_actor = -1;
    for (size_t s = 0; s < d->n_sent; s++)
        sentence(&c, s);
    quote_kinds(&c);
    free(c.emitted);
    free(c.seen);
}
