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
 * The speaker is a name the actor finder knows; "he"/"she" (the last
 * speaker if recent, else the person named last); "which"/"who" (the name
 * just before); "the governor" or "the company" (the last actor with that
 * job or word); an unnamed institution ("police", "the health ministry") or
 * an unnamed person ("a shopkeeper"). A statement that only relays a named
 * source's own claim ("police said a group had claimed responsibility") is
 * left to that source. A quotation standing alone right after a quoted
 * claim continues it. "X denied the allegations" takes the text of the last
 * accusation.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "builtin_rules.h"
#include "xalloc.h"

#define MAX_VERBS       16
#define APPOSITION_SPAN 30
#define THAT_WINDOW     10
#define SPEAKER_MEMORY  2 /* sentences a speaker stays "he" or "she" */

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
    const struct builtin_doc *d;
    struct builtin_actors *a;
    struct gold_doc *g;
    size_t sent, first, end; /* the sentence */
    int subject;             /* the last speaker found in this sentence */
    int speaker;             /* the last speaker of a claim, and its sentence */
    size_t speaker_sent;
    int quote_actor; /* the speaker of the last quotation, for continuations */
    size_t quote_sent;
    struct claim_found found[MAX_VERBS];
    size_t n_found;
    struct emitted *emitted; /* parallel to g->claims */
    size_t cap_emitted;
    uint64_t *seen; /* hashes of the claims emitted */
    size_t n_seen, cap_seen;
};

/* ---- token helpers -------------------------------------------------------- */

static bool is(const struct ctx *c, size_t i, const char *w)
{
    return i < c->end && builtin_tok_is(c->d, i, w);
}

static bool punct(const struct ctx *c, size_t i, char ch)
{
    return i < c->end && builtin_tok_punct(c->d, i, ch);
}

static uint32_t cls(const struct ctx *c, size_t i)
{
    return i < c->end ? builtin_tok_cls(c->d, i) : 0;
}

static bool flag(const struct ctx *c, size_t i, uint32_t f)
{
    return i < c->end && (c->d->tok[i].flags & f);
}

static bool is_determiner(const struct ctx *c, size_t i)
{
    return is(c, i, "the") || is(c, i, "a") || is(c, i, "an") || is(c, i, "its") ||
           is(c, i, "his") || is(c, i, "her") || is(c, i, "their") ||
           (flag(c, i, TK_POSS) && flag(c, i, TK_CAP));
}

/* A sentence-final stop, or the end of the sentence. */
static bool at_end(const struct ctx *c, size_t i)
{
    return i >= c->end || punct(c, i, '.') || punct(c, i, '!') || punct(c, i, '?') ||
           (flag(c, i, TK_QCLOSE) && i + 1 >= c->end);
}

static const uint32_t REPORTING = LX_SAY | LX_DENY | LX_ACCUSE;

/* ---- speakers ------------------------------------------------------------- */

struct speaker {
    int actor;
    bool named;
    size_t start; /* first token of the speaker's phrase */
};

static const struct speaker no_speaker = {-1, false, 0};

/* Lower-case words that may name an unnamed speaker: "health" in "health ministry". */
static bool modifier(const struct ctx *c, size_t k)
{
    if (!(c->d->tok[k].flags & TK_WORD) || flag(c, k, TK_CAP | TK_ALNUM) || is(c, k, "said"))
        return k == c->first && flag(c, k, TK_CAP) && !(cls(c, k) & LX_FUNC);
    return !(cls(c, k) & (LX_FUNC | LX_NUMBER | LX_ADVERB | REPORTING | LX_KIND | LX_FUTURE |
                          LX_PERSON | LX_GROUP));
}

/* Adds the unnamed actor named by tokens [s, p] in lower case. */
static int add_unnamed(struct ctx *c, size_t s, size_t p, enum actor_type type,
                       enum actor_role role)
{
    struct buf name = BUF_INIT;
    for (size_t k = s; k <= p; k++) {
        const char *w = c->d->text + c->d->tok[k].start;
        size_t n = c->d->tok[k].end - c->d->tok[k].start;
        if (k > s)
            buf_addc(&name, ' ');
        for (size_t j = 0; j < n; j++)
            buf_addc(&name, (char)(w[j] >= 'A' && w[j] <= 'Z' ? w[j] - 'A' + 'a' : w[j]));
    }
    int id = builtin_actor_unnamed(c->a, name.data, type, role, s, p);
    buf_release(&name);
    return id;
}

/* "police", "the health ministry", "residents": an unnamed speaker ending at p. */
static struct speaker unnamed_speaker(struct ctx *c, size_t p)
{
    const struct builtin_lex_entry *e = builtin_tok_entry(c->d, p);
    if (!e || !(e->cls & (LX_INST | LX_GROUP)) ||
        (flag(c, p, TK_CAP) && p != c->first && !is(c, p, "police")))
        return no_speaker;
    size_t s = p;
    while (s > c->first && s + 2 > p && modifier(c, s - 1))
        s--;
    int by_noun = builtin_actor_recent_noun(c->a, c->d, p, c->d->tok[p].lex);
    size_t start = is_determiner(c, s - 1) ? s - 1 : s;
    if (by_noun >= 0 && (s == p || is(c, p, "police")))
        return (struct speaker){by_noun, false, start};
    /* a bare "ministry" or "office" says too little to be named */
    if ((e->cls & LX_INST) && s == p && (e->cls & LX_ORGKEY) && !is(c, p, "police") &&
        !is(c, p, "army") && !is(c, p, "navy"))
        return no_speaker;
    bool group = (e->cls & LX_GROUP) != 0;
    int id = add_unnamed(c, s, p, group ? ACTOR_OTHER : ACTOR_ORGANIZATION,
                         group ? ROLE_UNSET : e->role);
    return id >= 0 ? (struct speaker){id, false, start} : no_speaker;
}

/* "A shopkeeper on Pedro Montt Avenue said": an unnamed person. */
static struct speaker indefinite_speaker(struct ctx *c, size_t p)
{
    for (size_t k = p + 1, n = 0; k > c->first + 1 && n < 7; n++) {
        k--;
        if (!(is(c, k - 1, "a") || is(c, k - 1, "an")) || !(cls(c, k) & LX_PERSON) ||
            flag(c, k, TK_CAP))
            continue;
        if (k != p && !(cls(c, k + 1) & LX_PLACEPREP) && !is(c, k + 1, "who"))
            return no_speaker;
        int id = add_unnamed(c, k, k, ACTOR_PERSON, ROLE_UNSET);
        return id >= 0 ? (struct speaker){id, false, k - 1} : no_speaker;
    }
    return no_speaker;
}

/* "the governor", "the company": an actor named earlier. */
static struct speaker noun_speaker(struct ctx *c, size_t p)
{
    if (p == 0 || !is_determiner(c, p - 1) || flag(c, p, TK_CAP))
        return no_speaker;
    if (!(cls(c, p) & (LX_ROLENOUN | LX_ORGKEY | LX_COMPANY | LX_TITLE)))
        return no_speaker;
    int id = builtin_actor_recent_noun(c->a, c->d, p, c->d->tok[p].lex);
    return id >= 0 ? (struct speaker){id, false, p - 1} : no_speaker;
}

/* "he"/"she": the last speaker if recent and of the same gender, else the last person. */
static struct speaker pronoun_speaker(struct ctx *c, size_t p)
{
    int gender = is(c, p, "he") ? BUILTIN_MALE : BUILTIN_FEMALE;
    int id = -1;
    if (c->speaker >= 0 && c->sent <= c->speaker_sent + SPEAKER_MEMORY &&
        builtin_actor_is_person(c->a, c->speaker)) {
        int g = builtin_actor_gender(c->a, c->speaker);
        if (!g || g == gender)
            id = c->speaker;
    }
    if (id < 0)
        id = builtin_actor_recent_person(c->a, p, gender);
    if (id < 0)
        return no_speaker;
    builtin_actor_note_gender(c->a, id, gender);
    return (struct speaker){id, false, p};
}

/* ", which said": the name just before the relative pronoun. */
static struct speaker relative_speaker(struct ctx *c, size_t p)
{
    for (size_t k = p; k > c->first;) {
        k--;
        size_t first;
        int id = builtin_actor_ending(c->a, k, &first);
        if (id >= 0)
            return (struct speaker){id, true, p};
        if (punct(c, k, ')') && k >= c->first + 2) {
            k -= 2;
            continue;
        }
        if (!punct(c, k, ','))
            return no_speaker;
    }
    return no_speaker;
}

/* The speaker whose phrase ends at token p. */
static struct speaker speaker_ending(struct ctx *c, size_t p)
{
    if (p < c->first || p >= c->end)
        return no_speaker;
    if (punct(c, p, ')') && p >= c->first + 2 && punct(c, p - 2, '('))
        p -= 3;
    size_t start;
    int id = builtin_actor_ending(c->a, p, &start);
    if (id >= 0)
        return (struct speaker){id, true, start};
    if (cls(c, p) & LX_PRON)
        return pronoun_speaker(c, p);
    if (is(c, p, "which") || is(c, p, "who"))
        return relative_speaker(c, p);
    struct speaker s = noun_speaker(c, p);
    if (s.actor < 0)
        s = unnamed_speaker(c, p);
    return s.actor >= 0 ? s : indefinite_speaker(c, p);
}

/* The token before an acronym in brackets that ends at k ("... Tribunal (TET)"), or k. */
static size_t skip_brackets(const struct ctx *c, size_t k)
{
    if (k >= c->first + 3 && punct(c, k, ')') && punct(c, k - 2, '('))
        return k - 3;
    return k;
}

/* "Anjali Deshmukh, a professor at ..., said" and "A rival faction, Ansar al-Sahil, denied". */
static struct speaker apposition_speaker(struct ctx *c, size_t comma)
{
    for (size_t k = comma, n = 0; k > c->first && n < APPOSITION_SPAN; n++) {
        k--;
        if (flag(c, k, TK_QOPEN | TK_QCLOSE))
            return no_speaker;
        if (!punct(c, k, ','))
            continue;
        size_t first, last, before = skip_brackets(c, k - 1);
        int id = builtin_actor_ending(c->a, before, &first);
        if (id >= 0)
            return (struct speaker){id, true, first};
        size_t start = is_determiner(c, k + 1) ? k + 2 : k + 1;
        id = builtin_actor_starting(c->a, start, &last);
        if (id >= 0 && skip_brackets(c, comma - 1) == last)
            return (struct speaker){id, true, start};
        return no_speaker;
    }
    return no_speaker;
}

/* "saying", "adding": a participle that shares the speaker of its sentence. */
static bool ing_form(const struct ctx *c, size_t v)
{
    const struct builtin_tok *t = &c->d->tok[v];
    return t->end - t->start > 4 && memcmp(c->d->text + t->end - 3, "ing", 3) == 0;
}

/* The speaker of the sentence so far, or the one it starts with ("He declined ... but said"). */
static struct speaker carried_speaker(struct ctx *c, size_t p)
{
    if (c->subject >= 0)
        return (struct speaker){c->subject, false, p};
    size_t last;
    int id = builtin_actor_starting(c->a, c->first, &last);
    if (id >= 0)
        return (struct speaker){id, false, p};
    if (cls(c, c->first) & LX_PRON) {
        struct speaker s = pronoun_speaker(c, c->first);
        s.start = p;
        return s;
    }
    return no_speaker;
}

/* The speaker before verb v, skipping "has", "also", "later" ... */
static struct speaker speaker_before(struct ctx *c, size_t v, bool *carried)
{
    size_t b = v;
    *carried = false;
    while (b > c->first && (cls(c, b - 1) & LX_ADVERB) && !flag(c, b - 1, TK_CAP))
        b--;
    if (b == c->first)
        return no_speaker;
    size_t p = b - 1;
    if (is(c, p, "and") || is(c, p, "but") || (punct(c, p, ',') && ing_form(c, v))) {
        *carried = true;
        return carried_speaker(c, p);
    }
    if (punct(c, p, ','))
        return apposition_speaker(c, p);
    struct speaker s = speaker_ending(c, p);
    /* "prosecutors in Changwon said", "Police in Borongan said" */
    size_t k = p;
    while (s.actor < 0 && k > c->first + 1 && flag(c, k, TK_CAP) && !flag(c, k, TK_QCLOSE))
        k--;
    if (s.actor < 0 && k < p && (is(c, k, "in") || is(c, k, "at") || is(c, k, "from")))
        s = speaker_ending(c, k - 1);
    return s;
}

/* The speaker right after verb v: `"...," said Hamadoun Bocoum`; *last gets its end. */
static struct speaker speaker_after(struct ctx *c, size_t v, size_t *last)
{
    int id = builtin_actor_starting(c->a, v + 1, last);
    if (id >= 0)
        return (struct speaker){id, true, v + 1};
    if (is(c, v + 1, "the") && (cls(c, v + 2) & LX_ROLENOUN)) {
        *last = v + 2;
        id = builtin_actor_recent_noun(c->a, c->d, v + 2, c->d->tok[v + 2].lex);
        if (id >= 0)
            return (struct speaker){id, false, v + 1};
    }
    /* `said a man who identified himself as the faction's spokesman, Abu Khalid.` */
    for (size_t k = v + 2; k < c->end && k < v + 16; k++) {
        if (flag(c, k, TK_QOPEN | TK_QCLOSE))
            break;
        id = builtin_actor_starting(c->a, k, last);
        if (id >= 0 && punct(c, k - 1, ',') && at_end(c, *last + 1))
            return (struct speaker){id, true, v + 1};
    }
    return no_speaker;
}

/* ---- content -------------------------------------------------------------- */

/* Skips "on Monday", "yesterday", "in a statement", "through his lawyer". */
static size_t skip_adjuncts(const struct ctx *c, size_t p)
{
    for (int round = 0; round < 4 && p < c->end; round++) {
        if (is(c, p, "yesterday") || is(c, p, "today") || is(c, p, "earlier") ||
            is(c, p, "later") || is(c, p, "also") || is(c, p, "separately") || is(c, p, "again") ||
            is(c, p, "publicly") || is(c, p, "then")) {
            p++;
            continue;
        }
        size_t k = p;
        if (is(c, k, "late") || is(c, k, "early"))
            k++;
        if (is(c, k, "on") && (cls(c, k + 1) & LX_WEEKDAY)) {
            p = k + 2;
            if (is(c, p, "morning") || is(c, p, "afternoon") || is(c, p, "evening") ||
                is(c, p, "night"))
                p++;
            continue;
        }
        if (is(c, p, "in") || is(c, p, "at") || is(c, p, "through") || is(c, p, "during")) {
            size_t j = p + 1;
            while (j < p + 5 && j < c->end && !(cls(c, j) & LX_DOCNOUN) && !is(c, j, "lawyer") &&
                   !is(c, j, "lawyers") && flag(c, j, TK_WORD))
                j++;
            if (j < p + 5 && j < c->end && flag(c, j, TK_WORD)) {
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
    if (!(is(c, v, "told") || is(c, v, "tells") || is(c, v, "tell")))
        return p;
    for (int n = 0; n < 4 && p < c->end && (cls(c, p) & LX_AUDIENCE) && !is(c, p, "that"); n++)
        p++;
    return p;
}

/* "that" soon after the verb, before any quotation or stop: the clause after it. */
static size_t after_that(const struct ctx *c, size_t p)
{
    for (size_t k = p; k < c->end && k < p + THAT_WINDOW; k++) {
        if (flag(c, k, TK_QOPEN | TK_PUNCT) && !punct(c, k, ','))
            return SIZE_MAX;
        if (cls(c, k) & REPORTING)
            return SIZE_MAX;
        if (is(c, k, "that"))
            return k + 1;
    }
    return SIZE_MAX;
}

/* Whether a new reporting clause starts at k: ", saying", "and said", ", according to". */
static bool clause_stops(const struct ctx *c, size_t k)
{
    if (punct(c, k, ',') && (cls(c, k + 1) & REPORTING))
        return true;
    if (punct(c, k, ',') && is(c, k + 1, "according"))
        return true;
    if ((is(c, k, "and") || is(c, k, "but")) && !flag(c, k, TK_INQ)) {
        size_t j = k + 1;
        while (j < c->end && (cls(c, j) & LX_ADVERB))
            j++;
        return (cls(c, j) & REPORTING) != 0;
    }
    return false;
}

/* The last content token of a clause that starts at p. */
static size_t clause_last(const struct ctx *c, size_t p)
{
    size_t k = p;
    while (k < c->end && !clause_stops(c, k) && !(at_end(c, k) && !flag(c, k, TK_INQ)))
        k++;
    while (k > p && (flag(c, k - 1, TK_PUNCT) && !flag(c, k - 1, TK_QCLOSE)))
        k--;
    return k - 1;
}

/* The quotation that opens at q: its last token inside. */
static size_t quote_last(const struct ctx *c, size_t q)
{
    size_t k = q + 1;
    while (k < c->end && !flag(c, k, TK_QCLOSE))
        k++;
    return k - 1;
}

/* The quotation that closes at q: its first token inside, or SIZE_MAX. */
static size_t quote_first(const struct ctx *c, size_t q)
{
    for (size_t k = q; k > c->first;) {
        k--;
        if (flag(c, k, TK_QOPEN))
            return k + 1;
    }
    return flag(c, c->first, TK_QOPEN) ? c->first + 1 : SIZE_MAX;
}

static void trim_punct(const struct ctx *c, struct claim_found *f)
{
    while (f->last > f->first && flag(c, f->last, TK_PUNCT))
        f->last--;
}

static bool keep(struct ctx *c, const struct claim_found *f)
{
    if (f->actor < 0 || f->first > f->last || f->last >= c->end || c->n_found == MAX_VERBS)
        return false;
    c->found[c->n_found++] = *f;
    return true;
}

/* Content before the speaker: `CLAUSE, X said` or `"QUOTE," X said`. */
static void content_before(struct ctx *c, struct claim_found f, size_t speaker_start)
{
    size_t k = speaker_start;
    while (k > c->first && is_determiner(c, k - 1))
        k--;
    if (k <= c->first)
        return;
    k--;
    if (punct(c, k, ',') && k > c->first && flag(c, k - 1, TK_QCLOSE))
        k--;
    if (flag(c, k, TK_QCLOSE)) {
        size_t q = quote_first(c, k);
        if (q == SIZE_MAX)
            return;
        f.first = q;
        f.last = k - 1;
        f.quote = true;
    } else if (punct(c, k, ',') && k > c->first) {
        f.first = c->first;
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
    if (is(c, k, "the") || is(c, k, "these") || is(c, k, "those") || is(c, k, "such") ||
        is(c, k, "this") || is(c, k, "that") || is(c, k, "any") || is(c, k, "all"))
        k++;
    for (size_t i = 0; i < sizeof(nouns) / sizeof(nouns[0]); i++)
        if (is(c, k, nouns[i]))
            return at_end(c, k + 1) || punct(c, k + 1, ',') || is(c, k + 1, "and") ||
                   is(c, k + 1, "as");
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
    if (!(punct(c, f->last + 1, ',') && ing_form(c, f->last + 2) && (cls(c, f->last + 2) & LX_SAY)))
        return;
    size_t comma = f->last + 1;
    if (is(c, r + 1, "in") || is(c, r + 1, "on") || is(c, r + 1, "through") ||
        is(c, r + 1, "via")) {
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
        if ((punct(c, p, ',') || punct(c, p, ':')) && flag(c, p + 1, TK_QOPEN))
            p++;
        else if (punct(c, p, ':'))
            p++;
    }
    if (flag(c, p, TK_QOPEN)) {
        f.first = p + 1;
        f.last = quote_last(c, p);
        f.quote = true;
        trim_punct(c, &f);
        return keep(c, &f);
    }
    if (at_end(c, p) || punct(c, p, ','))
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
    uint32_t k = cls(c, v);
    *content = v + 1;
    if ((k & LX_CLAIMV) && (is(c, v + 1, "responsibility") || is(c, v + 2, "responsibility"))) {
        *content = is(c, v + 1, "responsibility") ? v + 1 : v + 2;
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
    if (builtin_actor_starting(c->a, k, &last) >= 0)
        return last;
    size_t e = k;
    while (e + 1 < c->end && e < k + 6 && flag(c, e + 1, TK_WORD) && !is(c, e + 1, "in") &&
           !is(c, e + 1, "on") && !is(c, e + 1, "at"))
        e++;
    /* "according to a police statement": the speaker is the word before */
    if (e > k && (cls(c, e) & LX_DOCNOUN) && !flag(c, e, TK_CAP))
        e--;
    return e;
}

static void according_to(struct ctx *c, size_t v)
{
    size_t k = v + 2, last = phrase_end(c, k);
    struct speaker s = speaker_ending(c, last);
    if (s.actor < 0)
        return;
    c->subject = s.actor;
    struct claim_found f = {s.actor, s.named, CLAIM_STATEMENT, v,        0,
                            0,       false,   false,           SIZE_MAX, SIZE_MAX};
    if (v == c->first) {
        if (punct(c, last + 1, ',')) {
            f.first = last + 2;
            f.last = clause_last(c, last + 2);
            keep(c, &f);
        }
    } else if (punct(c, v - 1, ',')) {
        content_before(c, f, v);
    }
}

/* Whether a quotation closes right before the speaker phrase at start. */
static bool quote_before(const struct ctx *c, size_t start)
{
    size_t k = start;
    while (k > c->first && is_determiner(c, k - 1))
        k--;
    if (k <= c->first)
        return false;
    k--;
    if (punct(c, k, ',') && k > c->first)
        k--;
    return flag(c, k, TK_QCLOSE);
}

static void reporting_verb(struct ctx *c, size_t v)
{
    size_t content, last = v;
    enum claim_kind kind = verb_kind(c, v, &content);
    bool carried;
    struct speaker s = speaker_before(c, v, &carried);
    bool inverted = false;
    if (s.actor < 0 && !carried && v > c->first &&
        (punct(c, v - 1, ',') || flag(c, v - 1, TK_QCLOSE))) {
        s = speaker_after(c, v, &last);
        inverted = s.actor >= 0;
    }
    if (s.actor < 0)
        return;
    c->subject = s.actor;
    c->speaker = s.actor;
    c->speaker_sent = c->sent;
    struct claim_found f = {s.actor, s.named, kind, v, 0, 0, false, false, SIZE_MAX, SIZE_MAX};
    size_t p = inverted ? last + 1 : content;
    size_t rest = skip_adjuncts(c, skip_audience(c, v, p));
    size_t start = inverted ? v : s.start;
    if (kind == CLAIM_STATEMENT && !carried && quote_before(c, start)) {
        content_before(c, f, start);
        /* `"A," he said, "B."` */
        if ((punct(c, rest, ',') || punct(c, rest, ':')) && flag(c, rest + 1, TK_QOPEN))
            content_after(c, f, p);
        return;
    }
    if (kind == CLAIM_STATEMENT && !carried && (at_end(c, rest) || punct(c, rest, ',')))
        content_before(c, f, start);
    content_after(c, f, p);
}

static void find_verbs(struct ctx *c)
{
    for (size_t v = c->first; v < c->end; v++) {
        if (flag(c, v, TK_INQ) || !flag(c, v, TK_WORD))
            continue;
        if (is(c, v, "according") && is(c, v + 1, "to"))
            according_to(c, v);
        else if (!flag(c, v, TK_CAP) && (cls(c, v) & (REPORTING | LX_CLAIMV)))
            reporting_verb(c, v);
    }
}

/* ---- institutions that act ------------------------------------------------- */

/* A word that can follow a subject as its verb: "police arrested", "police have". */
static bool verbish(const struct ctx *c, size_t k)
{
    static const char *const verbs[] = {"said",  "says", "have", "has",   "had",  "were", "was",
                                        "are",   "is",   "will", "would", "put",  "shot", "found",
                                        "began", "sent", "took", "held",  "kept", "say"};
    const struct builtin_tok *t = &c->d->tok[k];
    if (k >= c->end || !(t->flags & TK_WORD) || (t->flags & TK_CAP))
        return false;
    if (t->end - t->start > 3 && memcmp(c->d->text + t->end - 2, "ed", 2) == 0)
        return true;
    for (size_t i = 0; i < sizeof(verbs) / sizeof(verbs[0]); i++)
        if (is(c, k, verbs[i]))
            return true;
    return false;
}

/* "Police arrested ...": the police are an actor even when they say nothing. */
static void acting_institutions(struct ctx *c)
{
    for (size_t k = c->first; k < c->end; k++) {
        bool match = (cls(c, k) & LX_ACTING) != 0;
        if (!match || flag(c, k, TK_INQ) || !verbish(c, k + 1))
            continue;
        struct speaker s = unnamed_speaker(c, k);
        if (s.actor >= 0)
            builtin_actor_use(c->a, s.actor);
    }
}

/* ---- output --------------------------------------------------------------- */

static bool is_quote_char(const char *s, size_t n)
{
    return (n == 1 && *s == '"') ||
           (n == 3 && (memcmp(s, "\xe2\x80\x9c", 3) == 0 || memcmp(s, "\xe2\x80\x9d", 3) == 0));
}

/* The text of tokens [first, last], without quotation marks and final punctuation. */
static char *claim_text(const struct ctx *c, const struct claim_found *f, size_t *words)
{
    struct buf b = BUF_INIT;
    size_t first = is(c, f->first, "that") ? f->first + 1 : f->first;
    bool space = false;
    *words = 0;
    for (size_t k = first; k <= f->last && k < c->end; k++) {
        const struct builtin_tok *t = &c->d->tok[k];
        space |= k > first && t->start > c->d->tok[k - 1].end;
        if (is_quote_char(c->d->text + t->start, t->end - t->start) ||
            (k >= f->skip_first && k <= f->skip_last))
            continue;
        if (b.len && space)
            buf_addc(&b, ' ');
        space = false;
        buf_add(&b, c->d->text + t->start, t->end - t->start);
        *words += (t->flags & (TK_WORD | TK_NUM)) != 0;
    }
    while (b.len && strchr(" ,.;:-", b.data[b.len - 1]))
        buf_truncate(&b, b.len - 1);
    if (!b.len) {
        buf_release(&b);
        return NULL;
    }
    return buf_detach(&b, NULL);
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
    size_t words;
    const char *name = builtin_actor_name(c->a, f->actor);
    char *text = f->anaphoric ? last_accusation(c->g, name) : claim_text(c, f, &words);
    size_t need = f->kind == CLAIM_STATEMENT && !f->quote ? 4 : 2;
    if (!text || (!f->anaphoric && words < need) || seen_claim(c, name, f->kind, text)) {
        free(text);
        return;
    }
    builtin_actor_use(c->a, f->actor);
    XGROW(c->emitted, c->cap_emitted, c->g->n_claims + 1);
    c->emitted[c->g->n_claims] = (struct emitted){c->sent, f->quote};
    builtin_add_claim(c->g, name, f->kind, text);
    c->speaker = f->actor;
    c->speaker_sent = c->sent;
    if (f->quote) {
        c->quote_actor = f->actor;
        c->quote_sent = c->sent;
    }
}

/* A sentence that is only a quotation, right after a quoted claim, continues it. */
static void continuation(struct ctx *c)
{
    if (c->quote_actor < 0 || c->sent > c->quote_sent + 2 || !flag(c, c->first, TK_QOPEN))
        return;
    struct claim_found f = {c->quote_actor,          true, CLAIM_STATEMENT, c->first, c->first + 1,
                            quote_last(c, c->first), true, false,           SIZE_MAX, SIZE_MAX};
    trim_punct(c, &f);
    if (f.last >= f.first && f.last < c->end)
        emit(c, &f);
}

static void sentence(struct ctx *c, size_t s)
{
    c->sent = s;
    c->first = c->d->sent[s].first;
    c->end = c->d->sent[s].end;
    c->subject = -1;
    c->n_found = 0;
    if (c->d->sent[s].head || c->first >= c->end)
        return;
    acting_institutions(c);
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
    struct ctx c = {d, a, g, 0, 0, 0, -1, -1, 0, -1, 0, {{0}}, 0, NULL, 0, NULL, 0, 0};
    for (size_t s = 0; s < d->n_sent; s++)
        sentence(&c, s);
    quote_kinds(&c);
    free(c.emitted);
    free(c.seen);
}
