/*
 * builtin_name.c - finding the names of people and organisations.
 *
 * A name is a run of capitalised words, joined across "of", "for", "and"
 * and "&" where an organisation name allows it ("Institute of Process
 * Safety", "Borongan Light and Power Cooperative"). A run is cut at titles
 * ("Borno State Governor Bello Mshelia" gives "Bello Mshelia", an official),
 * loses leading common words ("The", a sentence-initial word the text also
 * writes in lower case), and is marked as a place when it looks like one
 * (after "in", "from", "near", or ending in "Bridge", "district" ...).
 * Titles, jobs around the name ("police spokesman X", "X, an analyst") and
 * organisation words give each name its evidence of type and role.
 */
#include <stdlib.h>
#include <string.h>

#include "builtin_rules.h"
#include "xalloc.h"

/* ---- token tests --------------------------------------------------------- */

static bool title_at(const struct builtin_doc *d, size_t i)
{
    return builtin_tok_has(d, i, TK_CAP) && (builtin_tok_cls(d, i) & LX_TITLE);
}

/* A capitalised word that can be part of a name. */
static bool name_word(const struct builtin_doc *d, size_t i)
{
    if (i >= d->n_tok || !(d->tok[i].flags & TK_WORD) || (d->tok[i].flags & TK_ALNUM))
        return false;
    if (d->tok[i].flags & TK_PARTICLE)
        return true;
    if (!(d->tok[i].flags & TK_CAP))
        return false;
    if ((builtin_tok_cls(d, i) & (LX_MONTH | LX_WEEKDAY)) && !(d->tok[i].flags & TK_UPPER))
        return i > 0 && title_at(d, i - 1);
    return true;
}

static bool particle_word(const struct builtin_doc *d, size_t i)
{
    return (builtin_tok_cls(d, i) & LX_PARTICLE) && !builtin_tok_has(d, i, TK_CAP);
}

/* The connector group at i ("of", "for the", "and", "&"); its length or 0. */
static size_t connector_at(const struct builtin_doc *d, size_t i)
{
    if (builtin_tok_punct(d, i, '&'))
        return 1;
    if (builtin_tok_is(d, i, "and"))
        return 1;
    if (builtin_tok_is(d, i, "of") || builtin_tok_is(d, i, "for"))
        return builtin_tok_is(d, i + 1, "the") ? 2 : 1;
    return 0;
}

/* ---- runs of name words -------------------------------------------------- */

/* The last token of the run of name words, particles and connectors at i. */
static size_t run_end(const struct builtin_doc *d, size_t i, size_t end)
{
    size_t j = i;
    for (;;) {
        size_t k = j + 1;
        if (k >= end || builtin_tok_has(d, k, TK_NL))
            return j;
        if (name_word(d, k)) {
            j = k;
        } else if (particle_word(d, k) && k + 1 < end && name_word(d, k + 1)) {
            j = k + 1;
        } else {
            size_t c = connector_at(d, k);
            if (!c || k + c >= end || !name_word(d, k + c) || builtin_tok_has(d, j, TK_POSS))
                return j;
            j = k + c;
        }
    }
}

/* Whether a piece [a, b] ends in an organisation word. */
static bool ends_org(const struct builtin_doc *d, size_t b, uint32_t what)
{
    return (builtin_tok_cls(d, b) & what) != 0;
}

/*
 * Whether the connector at k joins the segment [a, k) and the piece after it:
 * "of"/"for" after an organisation head; "and" inside an "of" name or before
 * a piece that ends in an organisation word; "&" always.
 */
static bool joins(const struct builtin_doc *d, size_t k, size_t prev_last, size_t next_last,
                  bool had_of)
{
    if (builtin_tok_punct(d, k, '&'))
        return true;
    /* "Borongan Light and Power Cooperative", not "Transvale and Groupe Ardent Logistique" */
    if (builtin_tok_is(d, k, "and"))
        return had_of || (ends_org(d, next_last, LX_ORGKEY) && !ends_org(d, prev_last, LX_ORGKEY) &&
                          !(builtin_tok_cls(d, k + 1) & (LX_ORGKEY | LX_COMPANY | LX_TITLE)));
    return had_of || ends_org(d, prev_last, LX_ORGHEAD);
}

/* The end of the piece of name words and particles that starts at i (inclusive). */
static size_t piece_end(const struct builtin_doc *d, size_t i, size_t last)
{
    while (i < last && !connector_at(d, i + 1))
        i++;
    return i;
}

/* ---- names and their evidence ------------------------------------------------ */

static bool at_sentence_start(const struct builtin_doc *d, size_t i)
{
    size_t first = d->sent[d->tok[i].sent].first;
    return i == first || (i == first + 1 && (d->tok[first].flags & TK_PUNCT));
}

/* Whether token i is a common word rather than the start of a name. */
static bool common_start(const struct builtin_doc *d, size_t i)
{
    if (d->tok[i].flags & TK_UPPER)
        return false;
    uint32_t c = builtin_tok_cls(d, i);
    if (c & (LX_FUNC | LX_NUMBER | LX_MONTH | LX_WEEKDAY))
        return true;
    return at_sentence_start(d, i) && builtin_tok_seen_lower(d, i);
}

/* A capitalised job word in front of a name: "Survivor Faadumo Warsame". */
static bool job_word(const struct builtin_doc *d, size_t i)
{
    return (builtin_tok_cls(d, i) & (LX_PERSON | LX_ROLENOUN)) &&
           !(builtin_tok_cls(d, i) & (LX_TITLE | LX_ORGKEY));
}

/* The lower-case role words just before token i: a job, and "police" near it. */
static void job_before(const struct builtin_doc *d, size_t i, struct builtin_name *c)
{
    bool police = false;
    for (size_t k = i, n = 0; k > 0 && n < 4; n++) {
        k--;
        if (!(d->tok[k].flags & TK_WORD) || (builtin_tok_cls(d, k) & LX_FUNC))
            break;
        const struct builtin_lex_entry *e = builtin_tok_entry(d, k);
        if (builtin_tok_is(d, k, "police"))
            police = true;
        if (!e || builtin_tok_has(d, k, TK_CAP))
            continue;
        if ((e->cls & LX_ROLENOUN) && c->job_lex < 0) {
            c->job_lex = d->tok[k].lex;
            c->role = e->role;
            c->person = true;
        } else if (e->cls & (LX_PERSON | LX_POLICEISH)) {
            c->person = true;
        } else if ((e->cls & (LX_ORGKEY | LX_COMPANY)) && n == 0) {
            c->weak_org = true;
        }
    }
    if (police && c->person)
        c->role = ROLE_POLICE;
}

/* ", a teacher in the town," / ", the regional police commander," after a name. */
static void apposition_after(const struct builtin_doc *d, size_t last, size_t end,
                             struct builtin_name *c)
{
    if (!builtin_tok_punct(d, last + 1, ','))
        return;
    static const char *const dets[] = {"a", "an", "the", "its", "his", "her", "their"};
    bool opens = (builtin_tok_cls(d, last + 2) & (LX_ROLENOUN | LX_PERSON)) != 0;
    for (size_t k = 0; k < sizeof(dets) / sizeof(dets[0]) && !opens; k++)
        opens = builtin_tok_is(d, last + 2, dets[k]);
    bool police = false;
    for (size_t k = last + 2; opens && k < end && k < last + 10; k++) {
        const struct builtin_lex_entry *e = builtin_tok_entry(d, k);
        if ((d->tok[k].flags & TK_PUNCT) || builtin_tok_is(d, k, "at") ||
            builtin_tok_is(d, k, "of") || builtin_tok_is(d, k, "for") ||
            builtin_tok_is(d, k, "in") || builtin_tok_is(d, k, "with"))
            break;
        if (builtin_tok_is(d, k, "police"))
            police = true;
        if (builtin_tok_has(d, k, TK_CAP) || !e)
            continue;
        if ((e->cls & LX_ROLENOUN) && c->job_lex < 0) {
            c->job_lex = d->tok[k].lex;
            c->role = (police && (e->cls & LX_POLICEISH)) ? ROLE_POLICE : e->role;
            c->person = true;
        } else if ((e->cls & LX_POLICEISH) && police) {
            c->role = ROLE_POLICE;
            c->person = true;
        } else if (e->cls & LX_PERSON) {
            c->person = true;
        } else if ((e->cls & (LX_ORGKEY | LX_COMPANY)) && !(e->cls & LX_INST) && !c->person) {
            c->weak_org = true;
        }
    }
    if ((last + 2 < end && builtin_tok_has(d, last + 2, TK_ALNUM)) ||
        (builtin_tok_has(d, last + 2, TK_NUM) && builtin_tok_punct(d, last + 3, ',')) ||
        builtin_tok_is(d, last + 2, "who"))
        c->person = true;
}

/* Whether the name [first, last] reads as a place. */
static bool place_context(const struct builtin_doc *d, size_t first, size_t last)
{
    /* "Borno State" is a place, "Islamic State" is not: capitalised "State" decides nothing */
    if ((builtin_tok_cls(d, last) & LX_PLACEKEY) && !builtin_tok_is(d, last, "state"))
        return true;
    if (first < last && (builtin_tok_cls(d, first) & LX_PLACEKEY) &&
        !builtin_tok_is(d, first, "state"))
        return true;
    if (last + 1 < d->n_tok && !builtin_tok_has(d, last + 1, TK_CAP) &&
        !builtin_tok_has(d, last, TK_POSS) && (builtin_tok_cls(d, last + 1) & LX_PLACEKEY))
        return true;
    if (first == 0)
        return false;
    size_t p = first - 1;
    if (builtin_tok_is(d, p, "to") && builtin_tok_is(d, p - 1, "according"))
        return false;
    if ((builtin_tok_cls(d, p) & LX_PLACEPREP) && !builtin_tok_has(d, p, TK_CAP))
        return true;
    return builtin_tok_is(d, p, "of") && p > 0 && (builtin_tok_cls(d, p - 1) & LX_PLACEKEY) &&
           !builtin_tok_has(d, p - 1, TK_CAP);
}

/*
 * The role an organisation name suggests: its head word ("Union" in "Somali
 * Union of Media Workers"), the one before "of"/"for", or the last word.
 */
static enum actor_role org_role(const struct builtin_doc *d, size_t first, size_t last)
{
    for (size_t k = first; k < last; k++)
        if ((builtin_tok_is(d, k + 1, "of") || builtin_tok_is(d, k + 1, "for")) &&
            (builtin_tok_cls(d, k) & LX_ORGKEY))
            return builtin_tok_entry(d, k)->role;
    const struct builtin_lex_entry *e = builtin_tok_entry(d, last);
    return e && (e->cls & LX_ORGKEY) ? e->role : ROLE_UNSET;
}

/* Evidence about the name from its own words. */
static void inner_evidence(const struct builtin_doc *d, struct builtin_name *c, bool joined)
{
    for (size_t k = c->first; k <= c->last; k++)
        if ((builtin_tok_cls(d, k) & LX_ORGKEY) && builtin_tok_has(d, k, TK_CAP | TK_UPPER))
            c->org = true;
    if (joined)
        c->org = true;
    if (c->org) {
        c->person = false;
        c->job_lex = -1;
        c->role = org_role(d, c->first, c->last);
    }
}

static void add_name(struct builtin_names *cs, const struct builtin_name *c)
{
    XGROW(cs->c, cs->cap, cs->n + 1);
    cs->c[cs->n++] = *c;
}

/* Whether the name of a segment may start at token a (right after its title, if any). */
static bool name_start(const struct builtin_doc *d, size_t a, size_t b, size_t title)
{
    if (title != SIZE_MAX && a == title + 1)
        return true;
    if (a < b && job_word(d, a) && at_sentence_start(d, a))
        return false;
    return !common_start(d, a) && !particle_word(d, a) && !title_at(d, a);
}

/* Type and role from the title and the job words around the name. */
static void person_evidence(const struct builtin_doc *d, struct builtin_name *c, size_t end)
{
    /* a title makes a person, whatever the words around say */
    c->person = c->title != SIZE_MAX;
    job_before(d, c->title != SIZE_MAX ? c->title : c->first, c);
    apposition_after(d, c->last, end, c);
    if (c->title == SIZE_MAX)
        return;
    const struct builtin_lex_entry *e = builtin_tok_entry(d, c->title);
    if (e && e->role != ROLE_UNSET && c->role != ROLE_POLICE) {
        c->role = e->role;
        c->job_lex = d->tok[c->title].lex;
    } else if (c->job_lex < 0) {
        c->job_lex = d->tok[c->title].lex;
    }
}

/* "the plant manager, Rakesh Chudasama" and "its radio outlet, Sawt al-Qarn". */
static void noun_before_comma(const struct builtin_doc *d, struct builtin_name *c)
{
    if (c->first < 2 || !builtin_tok_punct(d, c->first - 1, ',') ||
        builtin_tok_has(d, c->first - 2, TK_CAP))
        return;
    const struct builtin_lex_entry *e = builtin_tok_entry(d, c->first - 2);
    if (!e)
        return;
    if (e->cls & LX_ROLENOUN) {
        c->person = true;
        if (c->job_lex < 0) {
            c->job_lex = d->tok[c->first - 2].lex;
            c->role = e->role;
        }
    } else if (e->cls & LX_PERSON) {
        c->person = true;
    } else if (e->cls & (LX_ORGKEY | LX_COMPANY)) {
        c->weak_org = true;
    }
}

/* A segment of a run: its words, the title before it, how it was joined. */
struct segment {
    size_t a, b;
    size_t title;  /* a title token before the name, or SIZE_MAX */
    bool joined;   /* joined by "of", "for" or "&": an organisation */
    bool after_of; /* follows "<title> of": "Commissioner of Police Deepak ..." */
};

/* Makes a name of a segment, after its leading common and job words. */
static void make_name(const struct builtin_doc *d, struct builtin_names *cs, struct segment g,
                      size_t end)
{
    /* "Commissioner of Police Deepak Rangaswamy": "Police" names the force */
    enum actor_role force = ROLE_UNSET;
    if (g.after_of && g.b >= g.a + 2 && !(builtin_tok_cls(d, g.b) & LX_ORGKEY)) {
        const struct builtin_lex_entry *e = builtin_tok_entry(d, g.a);
        force = e && (e->cls & LX_INST) ? e->role : ROLE_UNSET;
        g.a++;
    }
    while (g.a <= g.b && !name_start(d, g.a, g.b, g.title))
        g.a++;
    if (g.a > g.b)
        return;
    struct builtin_name c = {g.a,   g.b,   g.title, -1,    ROLE_UNSET,
                             false, false, false,   false, SIZE_MAX};
    person_evidence(d, &c, end);
    if (force != ROLE_UNSET)
        c.role = force;
    if (g.a > 0 && job_word(d, g.a - 1) && builtin_tok_has(d, g.a - 1, TK_CAP))
        c.person = true;
    noun_before_comma(d, &c);
    inner_evidence(d, &c, g.joined);
    if (!c.org && g.title == SIZE_MAX && c.job_lex < 0 && !c.person)
        c.place = place_context(d, g.a, g.b);
    if (builtin_tok_punct(d, g.b + 1, '(') && builtin_tok_has(d, g.b + 2, TK_UPPER) &&
        builtin_tok_punct(d, g.b + 3, ')'))
        c.acronym = g.b + 2;
    add_name(cs, &c);
}

/* Whether a word after position k in [k, b] makes the segment an organisation. */
static bool orgish_after(const struct builtin_doc *d, size_t k, size_t b)
{
    for (size_t j = k + 1; j <= b; j++)
        if (builtin_tok_cls(d, j) & (LX_ORGKEY | LX_ORGHEAD))
            return true;
    return false;
}

/*
 * Splits a segment at titles followed by a name ("State Labour Minister
 * Dinesh Bhatia"); returns the last title when the segment ends in one
 * ("Deputy Commissioner"), which then belongs to the segment after "of".
 */
static size_t split_titles(const struct builtin_doc *d, struct builtin_names *cs, struct segment g,
                           size_t end)
{
    size_t start = g.a;
    if (!g.joined) {
        for (size_t k = g.a; k <= g.b; k++) {
            if (!title_at(d, k) || orgish_after(d, k, g.b))
                continue;
            if (k > start && g.title == SIZE_MAX)
                make_name(d, cs, (struct segment){start, k - 1, SIZE_MAX, false, g.after_of}, end);
            g.title = k;
            start = k + 1;
        }
    }
    if (start > g.b)
        return g.title;
    g.a = start;
    make_name(d, cs, g, end);
    return SIZE_MAX;
}

/* Cuts a run [i, last] into segments at connectors that do not join. */
static void split_run(const struct builtin_doc *d, struct builtin_names *cs, size_t i, size_t last,
                      size_t end)
{
    struct segment g = {i, piece_end(d, i, last), SIZE_MAX, false, false};
    while (g.b < last) {
        size_t k = g.b + 1, n = connector_at(d, k);
        size_t next_last = piece_end(d, k + n, last);
        bool of = builtin_tok_is(d, k, "of") || builtin_tok_is(d, k, "for");
        if (joins(d, k, g.b, next_last, g.joined)) {
            g.joined |= of || builtin_tok_punct(d, k, '&');
        } else {
            size_t title = split_titles(d, cs, g, end);
            bool carry = of && title != SIZE_MAX;
            g = (struct segment){k + n, next_last, carry ? title : SIZE_MAX, false, carry};
            continue;
        }
        g.b = next_last;
    }
    split_titles(d, cs, g, end);
}

void builtin_name_find(const struct builtin_doc *d, struct builtin_names *cs)
{
    for (size_t s = 0; s < d->n_sent; s++) {
        size_t end = d->sent[s].end;
        for (size_t i = d->sent[s].first; i < end; i++) {
            bool in_brackets =
                i > 0 && builtin_tok_punct(d, i - 1, '(') && builtin_tok_punct(d, i + 1, ')');
            if (!name_word(d, i) || in_brackets)
                continue;
            size_t last = run_end(d, i, end);
            split_run(d, cs, i, last, end);
            i = last;
        }
    }
}
