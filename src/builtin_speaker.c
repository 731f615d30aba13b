/*
 * builtin_speaker.c - who makes a claim: the speaker of a reporting verb.
 *
 * The speaker is a name the actor finder knows; "he"/"she" (the last
 * speaker if recent and not of the other gender, else the person named
 * last); "which"/"who" (the name just before); "the governor" or "the
 * company" (the last actor with that job or word); an unnamed institution
 * ("police", "the health ministry"); or an unnamed person ("a
 * shopkeeper"). It stands before the verb, possibly with an apposition
 * ("Anjali Deshmukh, a professor at ..., said"), or after it (`"...," said
 * Hamadoun Bocoum`); "and said" and ", saying" share the sentence's speaker.
 */
#include <string.h>

#include "buf.h"
#include "builtin_rules.h"

#define APPOSITION_SPAN 30
#define SPEAKER_MEMORY  2 /* sentences a speaker stays "he" or "she" */

/* ---- speakers ------------------------------------------------------------- */

static const struct builtin_speaker no_speaker = {-1, false, 0};

/* Lower-case words that may name an unnamed speaker: "health" in "health ministry". */
static bool modifier(const struct builtin_sentence *c, size_t k)
{
    if (!(c->d->tok[k].flags & TK_WORD) || builtin_sent_flag(c, k, TK_CAP | TK_ALNUM) ||
        builtin_sent_is(c, k, "said"))
        return k == c->first && builtin_sent_flag(c, k, TK_CAP) &&
               !(builtin_sent_cls(c, k) & LX_FUNC);
    return !(builtin_sent_cls(c, k) & (LX_FUNC | LX_NUMBER | LX_ADVERB | BUILTIN_REPORTING |
                                       LX_KIND | LX_FUTURE | LX_PERSON | LX_GROUP));
}

/* Adds the unnamed actor named by tokens [s, p] in lower case. */
static int add_unnamed(struct builtin_sentence *c, size_t s, size_t p, enum actor_type type,
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
static struct builtin_speaker unnamed_speaker(struct builtin_sentence *c, size_t p)
{
    const struct builtin_lex_entry *e = builtin_tok_entry(c->d, p);
    if (!e || !(e->cls & (LX_INST | LX_GROUP)) ||
        (builtin_sent_flag(c, p, TK_CAP) && p != c->first && !builtin_sent_is(c, p, "police")))
        return no_speaker;
    size_t s = p;
    while (s > c->first && s + 2 > p && modifier(c, s - 1))
        s--;
    int by_noun = builtin_actor_recent_noun(c->a, c->d, p, c->d->tok[p].lex);
    size_t start = builtin_sent_determiner(c, s - 1) ? s - 1 : s;
    if (by_noun >= 0 && (s == p || builtin_sent_is(c, p, "police")))
        return (struct builtin_speaker){by_noun, false, start};
    /* a bare "ministry" or "office" says too little to be named */
    if ((e->cls & LX_INST) && s == p && (e->cls & LX_ORGKEY) && !builtin_sent_is(c, p, "police") &&
        !builtin_sent_is(c, p, "army") && !builtin_sent_is(c, p, "navy"))
        return no_speaker;
    bool group = (e->cls & LX_GROUP) != 0;
    int id = add_unnamed(c, s, p, group ? ACTOR_OTHER : ACTOR_ORGANIZATION,
                         group ? ROLE_UNSET : e->role);
    return id >= 0 ? (struct builtin_speaker){id, false, start} : no_speaker;
}

/* "A shopkeeper on Pedro Montt Avenue said": an unnamed person. */
static struct builtin_speaker indefinite_speaker(struct builtin_sentence *c, size_t p)
{
    for (size_t k = p + 1, n = 0; k > c->first + 1 && n < 7; n++) {
        k--;
        if (!(builtin_sent_is(c, k - 1, "a") || builtin_sent_is(c, k - 1, "an")) ||
            !(builtin_sent_cls(c, k) & LX_PERSON) || builtin_sent_flag(c, k, TK_CAP))
            continue;
        if (k != p && !(builtin_sent_cls(c, k + 1) & LX_PLACEPREP) &&
            !builtin_sent_is(c, k + 1, "who"))
            return no_speaker;
        int id = add_unnamed(c, k, k, ACTOR_PERSON, ROLE_UNSET);
        return id >= 0 ? (struct builtin_speaker){id, false, k - 1} : no_speaker;
    }
    return no_speaker;
}

/* "the governor", "the company": an actor named earlier. */
static struct builtin_speaker noun_speaker(struct builtin_sentence *c, size_t p)
{
    if (p == 0 || !builtin_sent_determiner(c, p - 1) || builtin_sent_flag(c, p, TK_CAP))
        return no_speaker;
    if (!(builtin_sent_cls(c, p) & (LX_ROLENOUN | LX_ORGKEY | LX_COMPANY | LX_TITLE)))
        return no_speaker;
    int id = builtin_actor_recent_noun(c->a, c->d, p, c->d->tok[p].lex);
    return id >= 0 ? (struct builtin_speaker){id, false, p - 1} : no_speaker;
}

/* "he"/"she": the last speaker if recent and of the same gender, else the last person. */
static struct builtin_speaker pronoun_speaker(struct builtin_sentence *c, size_t p)
{
    int gender = builtin_sent_is(c, p, "he") ? BUILTIN_MALE : BUILTIN_FEMALE;
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
    return (struct builtin_speaker){id, false, p};
}

/* ", which said": the name just before the relative pronoun. */
static struct builtin_speaker relative_speaker(struct builtin_sentence *c, size_t p)
{
    bool apposition = false; /* "the CNJP, an alliance of unions, which said" */
    for (size_t k = p; k > c->first;) {
        k--;
        size_t first;
        int id = builtin_actor_ending(c->a, k, &first);
        if (id >= 0)
            return (struct builtin_speaker){id, true, p};
        if (builtin_sent_punct(c, k, ')') && k >= c->first + 2) {
            k -= 2;
            continue;
        }
        if (builtin_sent_punct(c, k, ','))
            continue;
        size_t comma = k;
        while (comma > c->first && comma + APPOSITION_SPAN > k &&
               !builtin_sent_punct(c, comma, ','))
            comma--;
        if (apposition || !builtin_sent_punct(c, comma, ','))
            return no_speaker;
        apposition = true;
        k = comma;
    }
    return no_speaker;
}

/* "It said": the organisation that spoke last, if recent. */
static struct builtin_speaker it_speaker(struct builtin_sentence *c, size_t p)
{
    if (c->speaker < 0 || c->sent > c->speaker_sent + SPEAKER_MEMORY ||
        builtin_actor_is_person(c->a, c->speaker))
        return no_speaker;
    return (struct builtin_speaker){c->speaker, false, p};
}

/* The speaker whose phrase ends at token p. */
struct builtin_speaker builtin_speaker_ending(struct builtin_sentence *c, size_t p)
{
    if (p < c->first || p >= c->end)
        return no_speaker;
    if (builtin_sent_punct(c, p, ')') && p >= c->first + 2 && builtin_sent_punct(c, p - 2, '('))
        p -= 3;
    size_t start;
    int id = builtin_actor_ending(c->a, p, &start);
    if (id >= 0)
        return (struct builtin_speaker){id, true, start};
    if (builtin_sent_is(c, p, "it"))
        return it_speaker(c, p);
    if (builtin_sent_cls(c, p) & LX_PRON)
        return pronoun_speaker(c, p);
    if (builtin_sent_is(c, p, "which") || builtin_sent_is(c, p, "who"))
        return relative_speaker(c, p);
    struct builtin_speaker s = noun_speaker(c, p);
    if (s.actor < 0)
        s = unnamed_speaker(c, p);
    return s.actor >= 0 ? s : indefinite_speaker(c, p);
}

/* The token before an acronym in brackets that ends at k ("... Tribunal (TET)"), or k. */
static size_t skip_brackets(const struct builtin_sentence *c, size_t k)
{
    if (k >= c->first + 3 && builtin_sent_punct(c, k, ')') && builtin_sent_punct(c, k - 2, '('))
        return k - 3;
    return k;
}

/* "Anjali Deshmukh, a professor at ..., said" and "A rival faction, Ansar al-Sahil, denied". */
static struct builtin_speaker apposition_speaker(struct builtin_sentence *c, size_t comma)
{
    for (size_t k = comma, n = 0; k > c->first && n < APPOSITION_SPAN; n++) {
        k--;
        if (builtin_sent_flag(c, k, TK_QOPEN | TK_QCLOSE))
            return no_speaker;
        if (!builtin_sent_punct(c, k, ','))
            continue;
        size_t first, last, before = skip_brackets(c, k - 1);
        int id = builtin_actor_ending(c->a, before, &first);
        if (id >= 0)
            return (struct builtin_speaker){id, true, first};
        size_t start = builtin_sent_determiner(c, k + 1) ? k + 2 : k + 1;
        id = builtin_actor_starting(c->a, start, &last);
        if (id >= 0 && skip_brackets(c, comma - 1) == last)
            return (struct builtin_speaker){id, true, start};
        return no_speaker;
    }
    return no_speaker;
}

/* "saying", "adding": a participle that shares the speaker of its sentence. */
bool builtin_speaker_participle(const struct builtin_sentence *c, size_t v)
{
    const struct builtin_tok *t = &c->d->tok[v];
    return t->end - t->start > 4 && memcmp(c->d->text + t->end - 3, "ing", 3) == 0;
}

/* The speaker of the sentence so far, or the one it starts with ("He declined ... but said"). */
static struct builtin_speaker carried_speaker(struct builtin_sentence *c, size_t p)
{
    if (c->subject >= 0)
        return (struct builtin_speaker){c->subject, false, p};
    size_t last;
    int id = builtin_actor_starting(c->a, c->first, &last);
    if (id >= 0)
        return (struct builtin_speaker){id, false, p};
    if (builtin_sent_cls(c, c->first) & LX_PRON) {
        struct builtin_speaker s = pronoun_speaker(c, c->first);
        s.start = p;
        return s;
    }
    return no_speaker;
}

/* The speaker before verb v, skipping "has", "also", "later" ... */
struct builtin_speaker builtin_speaker_before(struct builtin_sentence *c, size_t v, bool *carried)
{
    size_t b = v;
    *carried = false;
    while (b > c->first && (builtin_sent_cls(c, b - 1) & LX_ADVERB) &&
           !builtin_sent_flag(c, b - 1, TK_CAP))
        b--;
    if (b == c->first)
        return no_speaker;
    size_t p = b - 1;
    if (builtin_sent_is(c, p, "and") || builtin_sent_is(c, p, "but") ||
        (builtin_sent_punct(c, p, ',') && builtin_speaker_participle(c, v))) {
        *carried = true;
        return carried_speaker(c, p);
    }
    if (builtin_sent_punct(c, p, ','))
        return apposition_speaker(c, p);
    struct builtin_speaker s = builtin_speaker_ending(c, p);
    /* "prosecutors in Changwon said", "Police in Borongan said" */
    size_t k = p;
    while (s.actor < 0 && k > c->first + 1 && builtin_sent_flag(c, k, TK_CAP) &&
           !builtin_sent_flag(c, k, TK_QCLOSE))
        k--;
    if (s.actor < 0 && k < p &&
        (builtin_sent_is(c, k, "in") || builtin_sent_is(c, k, "at") ||
         builtin_sent_is(c, k, "from")))
        s = builtin_speaker_ending(c, k - 1);
    return s;
}

/* The speaker right after verb v: `"...," said Hamadoun Bocoum`; *last gets its end. */
struct builtin_speaker builtin_speaker_after(struct builtin_sentence *c, size_t v, size_t *last)
{
    int id = builtin_actor_starting(c->a, v + 1, last);
    if (id >= 0)
        return (struct builtin_speaker){id, true, v + 1};
    if (builtin_sent_is(c, v + 1, "the") && (builtin_sent_cls(c, v + 2) & LX_ROLENOUN)) {
        *last = v + 2;
        id = builtin_actor_recent_noun(c->a, c->d, v + 2, c->d->tok[v + 2].lex);
        if (id >= 0)
            return (struct builtin_speaker){id, false, v + 1};
    }
    /* `said a man who identified himself as the faction's spokesman, Abu Khalid.` */
    for (size_t k = v + 2; k < c->end && k < v + 16; k++) {
        if (builtin_sent_flag(c, k, TK_QOPEN | TK_QCLOSE))
            break;
        id = builtin_actor_starting(c->a, k, last);
        if (id >= 0 && builtin_sent_punct(c, k - 1, ',') && builtin_sent_at_end(c, *last + 1))
            return (struct builtin_speaker){id, true, v + 1};
    }
    return no_speaker;
}

/* ---- institutions that act ------------------------------------------------- */

/* A word that can follow a subject as its verb: "police arrested", "police have". */
static bool verbish(const struct builtin_sentence *c, size_t k)
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
        if (builtin_sent_is(c, k, verbs[i]))
            return true;
    return false;
}

/* "Police arrested ...": the police are an actor even when they say nothing. */
void builtin_speaker_acting(struct builtin_sentence *c)
{
    for (size_t k = c->first; k < c->end; k++) {
        bool match = (builtin_sent_cls(c, k) & LX_ACTING) != 0;
        if (!match || builtin_sent_flag(c, k, TK_INQ) || !verbish(c, k + 1))
            continue;
        struct builtin_speaker s = unnamed_speaker(c, k);
        if (s.actor >= 0)
            builtin_actor_use(c->a, s.actor);
    }
}
