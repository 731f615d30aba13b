/*
 * builtin_actor.c - names of people and organisations, and their merging.
 *
 * A name is a run of capitalised words, joined across "of", "for", "and"
 * and "&" where an organisation name allows it ("Institute of Process
 * Safety", "Borongan Light and Power Cooperative"). A run is cut at titles
 * ("Borno State Governor Bello Mshelia" gives "Bello Mshelia", an official),
 * loses leading common words ("The", a sentence-initial word the text also
 * writes in lower case), and is dropped when it looks like a place (after
 * "in", "from", "near", or ending in "Bridge", "district" ...).
 *
 * Mentions are then merged: a full name first, then surnames, "Mr X" and
 * acronyms defined in brackets attach to the most recent actor that has
 * that word. Names without any evidence of being an actor (a title, a job,
 * an organisation word) stay weak: the claim finder promotes them when they
 * speak.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "builtin_rules.h"
#include "names.h"
#include "xalloc.h"

#define MAX_ALIASES       8
#define LOOKBACK_MENTIONS 60
#define FAMILIES_UNKNOWN  (~0u)

/* ---- a string map -------------------------------------------------------- */

struct smap_slot {
    char *key;
    int value;
};

struct smap {
    struct smap_slot *slots;
    size_t cap, n;
};

static size_t smap_hash(const char *s)
{
    size_t h = 1469598103934665603ull & SIZE_MAX;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * (size_t)1099511628211ull;
    return h;
}

static struct smap_slot *smap_slot(const struct smap *m, const char *key)
{
    size_t mask = m->cap - 1, k = smap_hash(key) & mask;
    while (m->slots[k].key && strcmp(m->slots[k].key, key) != 0)
        k = (k + 1) & mask;
    return &m->slots[k];
}

static int smap_get(const struct smap *m, const char *key)
{
    if (!m->cap)
        return -1;
    struct smap_slot *s = smap_slot(m, key);
    return s->key ? s->value : -1;
}

static void smap_put(struct smap *m, const char *key, int value);

static void smap_grow(struct smap *m)
{
    struct smap old = *m;
    m->cap = old.cap ? old.cap * 2 : 64;
    m->n = 0;
    m->slots = xcalloc(m->cap, sizeof(*m->slots));
    for (size_t i = 0; i < old.cap; i++)
        if (old.slots[i].key) {
            smap_put(m, old.slots[i].key, old.slots[i].value);
            free(old.slots[i].key);
        }
    free(old.slots);
}

static void smap_put(struct smap *m, const char *key, int value)
{
    if (2 * (m->n + 1) > m->cap)
        smap_grow(m);
    struct smap_slot *s = smap_slot(m, key);
    if (!s->key) {
        s->key = xstrdup(key);
        m->n++;
    }
    s->value = value;
}

static void smap_release(struct smap *m)
{
    for (size_t i = 0; i < m->cap; i++)
        free(m->slots[i].key);
    free(m->slots);
}

/* ---- actors and mentions ------------------------------------------------- */

struct actor_ent {
    char *name;
    size_t name_ntok;
    char *aliases[MAX_ALIASES];
    size_t n_aliases;
    enum actor_type type;
    enum actor_role role;
    int job_lex;       /* lexicon id of its title or job, or -1 */
    int gender;        /* BUILTIN_MALE, BUILTIN_FEMALE or 0 */
    unsigned families; /* bit f: its name has a word of families[f], computed when needed */
    size_t mentions;
    bool strong, used, org;
    size_t first_tok;
};

struct mention {
    size_t first, last;
    int actor;
};

/* An actor that a word of its name points to; chained per word. */
struct part {
    int actor;
    int next;
};

struct builtin_actors {
    const struct builtin_doc *d;
    struct actor_ent *act;
    size_t n_act, cap_act;
    struct mention *men;
    size_t n_men, cap_men;
    int *end_at, *start_at; /* per token: a mention, or -1 */
    struct smap keys;       /* normalised name or alias -> actor */
    struct smap parts;      /* normalised word -> first entry in part[] */
    struct smap firsts;     /* a person's first word (for "Mr Bae" of "Bae Jin-ho") */
    struct part *part;
    size_t n_part, cap_part;
    struct smap places; /* normalised place names -> 1 */
};

/* A name candidate found in the text. */
struct cand {
    size_t first, last; /* the name's tokens, inclusive */
    size_t title;       /* a title token right before, or SIZE_MAX */
    int job_lex;
    enum actor_role role;
    bool person, org, place, weak_org;
    size_t acronym; /* the token of "(ABC)" after it, or SIZE_MAX */
};

/* ---- token tests --------------------------------------------------------- */

static uint32_t cls(const struct builtin_doc *d, size_t i)
{
    return builtin_tok_cls(d, i);
}

static bool has_flag(const struct builtin_doc *d, size_t i, uint32_t f)
{
    return i < d->n_tok && (d->tok[i].flags & f);
}

static bool title_at(const struct builtin_doc *d, size_t i)
{
    return has_flag(d, i, TK_CAP) && (cls(d, i) & LX_TITLE);
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
    if ((cls(d, i) & (LX_MONTH | LX_WEEKDAY)) && !(d->tok[i].flags & TK_UPPER))
        return i > 0 && title_at(d, i - 1);
    return true;
}

static bool particle_word(const struct builtin_doc *d, size_t i)
{
    return (cls(d, i) & LX_PARTICLE) && !has_flag(d, i, TK_CAP);
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
        if (k >= end || has_flag(d, k, TK_NL))
            return j;
        if (name_word(d, k)) {
            j = k;
        } else if (particle_word(d, k) && k + 1 < end && name_word(d, k + 1)) {
            j = k + 1;
        } else {
            size_t c = connector_at(d, k);
            if (!c || k + c >= end || !name_word(d, k + c) || has_flag(d, j, TK_POSS))
                return j;
            j = k + c;
        }
    }
}

/* Whether a piece [a, b] ends in an organisation word. */
static bool ends_org(const struct builtin_doc *d, size_t b, uint32_t what)
{
    return (cls(d, b) & what) != 0;
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
                          !(cls(d, k + 1) & (LX_ORGKEY | LX_COMPANY | LX_TITLE)));
    return had_of || ends_org(d, prev_last, LX_ORGHEAD);
}

/* The end of the piece of name words and particles that starts at i (inclusive). */
static size_t piece_end(const struct builtin_doc *d, size_t i, size_t last)
{
    while (i < last && !connector_at(d, i + 1))
        i++;
    return i;
}

/* ---- candidates ---------------------------------------------------------- */

struct cands {
    struct cand *c;
    size_t n, cap;
};

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
    uint32_t c = cls(d, i);
    if (c & (LX_FUNC | LX_NUMBER | LX_MONTH | LX_WEEKDAY))
        return true;
    return at_sentence_start(d, i) && builtin_tok_seen_lower(d, i);
}

/* A capitalised job word in front of a name: "Survivor Faadumo Warsame". */
static bool job_word(const struct builtin_doc *d, size_t i)
{
    return (cls(d, i) & (LX_PERSON | LX_ROLENOUN)) && !(cls(d, i) & (LX_TITLE | LX_ORGKEY));
}

/* The lower-case role words just before token i: a job, and "police" near it. */
static void job_before(const struct builtin_doc *d, size_t i, struct cand *c)
{
    bool police = false;
    for (size_t k = i, n = 0; k > 0 && n < 4; n++) {
        k--;
        if (!(d->tok[k].flags & TK_WORD) || (cls(d, k) & LX_FUNC))
            break;
        const struct builtin_lex_entry *e = builtin_tok_entry(d, k);
        if (builtin_tok_is(d, k, "police"))
            police = true;
        if (!e || has_flag(d, k, TK_CAP))
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
static void apposition_after(const struct builtin_doc *d, size_t last, size_t end, struct cand *c)
{
    if (!builtin_tok_punct(d, last + 1, ','))
        return;
    static const char *const dets[] = {"a", "an", "the", "its", "his", "her", "their"};
    bool opens = (cls(d, last + 2) & (LX_ROLENOUN | LX_PERSON)) != 0;
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
        if (has_flag(d, k, TK_CAP) || !e)
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
        } else if ((e->cls & (LX_ORGKEY | LX_COMPANY)) && !c->person) {
            c->weak_org = true;
        }
    }
    if ((last + 2 < end && has_flag(d, last + 2, TK_ALNUM)) ||
        (has_flag(d, last + 2, TK_NUM) && builtin_tok_punct(d, last + 3, ',')) ||
        builtin_tok_is(d, last + 2, "who"))
        c->person = true;
}

/* Whether the name [first, last] reads as a place. */
static bool place_context(const struct builtin_doc *d, size_t first, size_t last)
{
    /* "Borno State" is a place, "Islamic State" is not: capitalised "State" decides nothing */
    if ((cls(d, last) & LX_PLACEKEY) && !builtin_tok_is(d, last, "state"))
        return true;
    if (first < last && (cls(d, first) & LX_PLACEKEY) && !builtin_tok_is(d, first, "state"))
        return true;
    if (last + 1 < d->n_tok && !has_flag(d, last + 1, TK_CAP) && !has_flag(d, last, TK_POSS) &&
        (cls(d, last + 1) & LX_PLACEKEY))
        return true;
    if (first == 0)
        return false;
    size_t p = first - 1;
    if (builtin_tok_is(d, p, "to") && builtin_tok_is(d, p - 1, "according"))
        return false;
    if ((cls(d, p) & LX_PLACEPREP) && !has_flag(d, p, TK_CAP))
        return true;
    return builtin_tok_is(d, p, "of") && p > 0 && (cls(d, p - 1) & LX_PLACEKEY) &&
           !has_flag(d, p - 1, TK_CAP);
}

/*
 * The role an organisation name suggests: its head word ("Union" in "Somali
 * Union of Media Workers"), the one before "of"/"for", or the last word.
 */
static enum actor_role org_role(const struct builtin_doc *d, size_t first, size_t last)
{
    for (size_t k = first; k < last; k++)
        if ((builtin_tok_is(d, k + 1, "of") || builtin_tok_is(d, k + 1, "for")) &&
            (cls(d, k) & LX_ORGKEY))
            return builtin_tok_entry(d, k)->role;
    const struct builtin_lex_entry *e = builtin_tok_entry(d, last);
    return e && (e->cls & LX_ORGKEY) ? e->role : ROLE_UNSET;
}

/* Evidence about the candidate from its own words. */
static void inner_evidence(const struct builtin_doc *d, struct cand *c, bool joined)
{
    for (size_t k = c->first; k <= c->last; k++)
        if ((cls(d, k) & LX_ORGKEY) && has_flag(d, k, TK_CAP | TK_UPPER))
            c->org = true;
    if (joined)
        c->org = true;
    if (c->org) {
        c->person = false;
        c->job_lex = -1;
        c->role = org_role(d, c->first, c->last);
    }
}

static void add_cand(struct cands *cs, const struct cand *c)
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
static void person_evidence(const struct builtin_doc *d, struct cand *c, size_t end)
{
    job_before(d, c->title != SIZE_MAX ? c->title : c->first, c);
    apposition_after(d, c->last, end, c);
    if (c->title == SIZE_MAX)
        return;
    const struct builtin_lex_entry *e = builtin_tok_entry(d, c->title);
    c->person = true;
    if (e && e->role != ROLE_UNSET && c->role != ROLE_POLICE) {
        c->role = e->role;
        c->job_lex = d->tok[c->title].lex;
    } else if (c->job_lex < 0) {
        c->job_lex = d->tok[c->title].lex;
    }
}

/* "the plant manager, Rakesh Chudasama" and "its radio outlet, Sawt al-Qarn". */
static void noun_before_comma(const struct builtin_doc *d, struct cand *c)
{
    if (c->first < 2 || !builtin_tok_punct(d, c->first - 1, ',') ||
        has_flag(d, c->first - 2, TK_CAP))
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

/* Makes a candidate of a segment, after its leading common and job words. */
static void make_cand(const struct builtin_doc *d, struct cands *cs, struct segment g, size_t end)
{
    /* "Commissioner of Police Deepak Rangaswamy": "Police" names the force */
    enum actor_role force = ROLE_UNSET;
    if (g.after_of && g.b >= g.a + 2 && !(cls(d, g.b) & LX_ORGKEY)) {
        const struct builtin_lex_entry *e = builtin_tok_entry(d, g.a);
        force = e && (e->cls & LX_INST) ? e->role : ROLE_UNSET;
        g.a++;
    }
    while (g.a <= g.b && !name_start(d, g.a, g.b, g.title))
        g.a++;
    if (g.a > g.b)
        return;
    struct cand c = {g.a, g.b, g.title, -1, ROLE_UNSET, false, false, false, false, SIZE_MAX};
    person_evidence(d, &c, end);
    if (force != ROLE_UNSET)
        c.role = force;
    if (g.a > 0 && job_word(d, g.a - 1) && has_flag(d, g.a - 1, TK_CAP))
        c.person = true;
    noun_before_comma(d, &c);
    inner_evidence(d, &c, g.joined);
    if (!c.org && g.title == SIZE_MAX && c.job_lex < 0 && !c.person)
        c.place = place_context(d, g.a, g.b);
    if (builtin_tok_punct(d, g.b + 1, '(') && has_flag(d, g.b + 2, TK_UPPER) &&
        builtin_tok_punct(d, g.b + 3, ')'))
        c.acronym = g.b + 2;
    add_cand(cs, &c);
}

/* Whether a word after position k in [k, b] makes the segment an organisation. */
static bool orgish_after(const struct builtin_doc *d, size_t k, size_t b)
{
    for (size_t j = k + 1; j <= b; j++)
        if (cls(d, j) & (LX_ORGKEY | LX_ORGHEAD))
            return true;
    return false;
}

/*
 * Splits a segment at titles followed by a name ("State Labour Minister
 * Dinesh Bhatia"); returns the last title when the segment ends in one
 * ("Deputy Commissioner"), which then belongs to the segment after "of".
 */
static size_t split_titles(const struct builtin_doc *d, struct cands *cs, struct segment g,
                           size_t end)
{
    size_t start = g.a;
    if (!g.joined) {
        for (size_t k = g.a; k <= g.b; k++) {
            if (!title_at(d, k) || orgish_after(d, k, g.b))
                continue;
            if (k > start && g.title == SIZE_MAX)
                make_cand(d, cs, (struct segment){start, k - 1, SIZE_MAX, false, g.after_of}, end);
            g.title = k;
            start = k + 1;
        }
    }
    if (start > g.b)
        return g.title;
    g.a = start;
    make_cand(d, cs, g, end);
    return SIZE_MAX;
}

/* Cuts a run [i, last] into segments at connectors that do not join. */
static void split_run(const struct builtin_doc *d, struct cands *cs, size_t i, size_t last,
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

static void find_candidates(const struct builtin_doc *d, struct cands *cs)
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

/* ---- the actor table ----------------------------------------------------- */

static char *surface(const struct builtin_doc *d, size_t a, size_t b)
{
    size_t end = d->tok[b].end;
    if (d->tok[b].flags & TK_POSS)
        end -= (d->text[end - 2] == '\'') ? 2 : 4;
    return xstrndup(d->text + d->tok[a].start, end - d->tok[a].start);
}

/*
 * The key of a name in the actor table: name_normalize(), with a fast path
 * for ASCII names (lower case, other characters as blanks, blanks collapsed,
 * leading honorifics dropped), which gives the same string.
 */
static char *ascii_key(const char *s, size_t n)
{
    char *out = xmalloc(n + 1);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        if (alnum)
            out[k++] = (char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        else if (k && out[k - 1] != ' ')
            out[k++] = ' ';
    }
    while (k && out[k - 1] == ' ')
        k--;
    out[k] = '\0';
    size_t start = 0;
    for (;;) {
        const char *blank = strchr(out + start, ' ');
        if (!blank || !name_is_honorific(out + start, (size_t)(blank - out) - start))
            break;
        start = (size_t)(blank - out) + 1;
    }
    memmove(out, out + start, k - start + 1);
    return out;
}

static char *normal(const char *s)
{
    size_t len = strlen(s);
    bool ascii = true;
    for (size_t i = 0; i < len && ascii; i++)
        ascii = (unsigned char)s[i] < 0x80;
    char *n = ascii ? ascii_key(s, len) : name_normalize(s, len);
    if (n && !*n) {
        free(n);
        return NULL;
    }
    return n;
}

static void add_alias(struct actor_ent *e, const char *s)
{
    if (strcmp(s, e->name) == 0 || e->n_aliases == MAX_ALIASES)
        return;
    for (size_t i = 0; i < e->n_aliases; i++)
        if (strcmp(e->aliases[i], s) == 0)
            return;
    e->aliases[e->n_aliases++] = xstrdup(s);
}

/* Whether the name of e has the word w (ASCII case ignored). */
static bool name_has_word(const char *name, const char *w)
{
    size_t n = strlen(w);
    for (const char *p = name; *p;) {
        while (*p == ' ')
            p++;
        const char *q = p;
        while (*q && *q != ' ')
            q++;
        if ((size_t)(q - p) == n && strncasecmp(p, w, n) == 0)
            return true;
        p = q;
    }
    return false;
}

/* Words that "the union", "the party" or "the agency" may stand for. */
static const char *const families[][9] = {
    {"union", "federation", "front", "association", "alliance", "confederation", "syndicate",
     "syndicat", "coordinator"},
    {"party", "movement", "alliance", "front", "bloc", "coalition", NULL},
    {"agency", "office", "directorate", "department", "bureau", "commission", "authority",
     "secretariat", "ministry"},
};

/* The families a word (with bits for one word) or a whole name belongs to. */
static unsigned family_bits(const char *name, bool whole)
{
    unsigned bits = 0;
    for (size_t f = 0; f < sizeof(families) / sizeof(families[0]); f++)
        for (size_t k = 0; k < 9 && families[f][k]; k++)
            if (whole ? name_has_word(name, families[f][k]) : strcmp(families[f][k], name) == 0)
                bits |= 1u << f;
    return bits;
}

static int new_actor(struct builtin_actors *a, char *name, size_t ntok, size_t first_tok)
{
    XGROW(a->act, a->cap_act, a->n_act + 1);
    struct actor_ent *e = &a->act[a->n_act];
    memset(e, 0, sizeof(*e));
    e->name = name;
    e->name_ntok = ntok;
    e->families = FAMILIES_UNKNOWN;
    e->job_lex = -1;
    e->first_tok = first_tok;
    return (int)a->n_act++;
}

static void add_mention(struct builtin_actors *a, size_t first, size_t last, int actor)
{
    if (a->end_at[last] >= 0 || a->start_at[first] >= 0)
        return;
    XGROW(a->men, a->cap_men, a->n_men + 1);
    a->act[actor].mentions++;
    a->men[a->n_men] = (struct mention){first, last, actor};
    a->end_at[last] = (int)a->n_men;
    a->start_at[first] = (int)a->n_men;
    a->n_men++;
}

static void chain_part(struct builtin_actors *a, struct smap *m, const char *key, int id)
{
    XGROW(a->part, a->cap_part, a->n_part + 1);
    a->part[a->n_part] = (struct part){id, smap_get(m, key)};
    smap_put(m, key, (int)a->n_part++);
}

/*
 * Registers the words of a name so that "Goni" or "Hanbit" finds the actor:
 * every word of an organisation, every word but the first of a person (the
 * first goes to `firsts`, for "Mr Bae" of "Bae Jin-ho").
 */
static void add_parts(struct builtin_actors *a, int id, size_t first, size_t last, bool org)
{
    const struct builtin_doc *d = a->d;
    for (size_t k = first; k <= last; k++) {
        if (!(d->tok[k].flags & TK_CAP) || (cls(d, k) & (LX_ORGKEY | LX_FUNC | LX_TITLE)))
            continue;
        char *w = surface(d, k, k), *key = normal(w);
        free(w);
        if (!key)
            continue;
        chain_part(a, (k == first && !org && last > first) ? &a->firsts : &a->parts, key, id);
        free(key);
    }
}

/* The actor a single word points to: the latest one introduced before token at. */
static int part_actor(const struct builtin_actors *a, const struct smap *m, const char *key,
                      size_t at)
{
    int best = -1;
    for (int p = smap_get(m, key); p >= 0; p = a->part[p].next) {
        const struct actor_ent *e = &a->act[a->part[p].actor];
        if (best < 0 || (e->first_tok < at &&
                         (a->act[best].first_tok > at || e->first_tok > a->act[best].first_tok)))
            best = a->part[p].actor;
    }
    return best;
}

static int title_gender(const struct builtin_doc *d, size_t title)
{
    if (title == SIZE_MAX)
        return 0;
    if (builtin_tok_is(d, title, "mr") || builtin_tok_is(d, title, "sir") ||
        builtin_tok_is(d, title, "lord"))
        return BUILTIN_MALE;
    if (builtin_tok_is(d, title, "mrs") || builtin_tok_is(d, title, "ms") ||
        builtin_tok_is(d, title, "miss") || builtin_tok_is(d, title, "dame") ||
        builtin_tok_is(d, title, "lady"))
        return BUILTIN_FEMALE;
    return 0;
}

/* Takes what a candidate says about type, role and gender into its actor. */
static void take_evidence(const struct builtin_doc *d, struct actor_ent *e, const struct cand *c)
{
    if (!e->gender)
        e->gender = title_gender(d, c->title);
    if (c->org || c->weak_org) {
        e->org = true;
        if (e->type == ACTOR_TYPE_UNSET && c->org)
            e->type = ACTOR_ORGANIZATION;
    } else if (c->person && e->type == ACTOR_TYPE_UNSET && !e->org) {
        e->type = ACTOR_PERSON;
    }
    if (e->role == ROLE_UNSET && c->role != ROLE_UNSET)
        e->role = c->role;
    if (e->job_lex < 0 && c->job_lex >= 0)
        e->job_lex = c->job_lex;
    if (c->org || c->person || c->title != SIZE_MAX || c->acronym != SIZE_MAX || c->weak_org)
        e->strong = true;
}

/* The actor of a multi-word name: the same name, a longer one containing it, or a new one. */
/* Whether the words of needle occur in hay as whole words. */
static bool contains_words(const char *hay, const char *needle)
{
    size_t n = strlen(needle);
    for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle))
        if ((p == hay || p[-1] == ' ') && (p[n] == '\0' || p[n] == ' '))
            return true;
    return false;
}

/* Gives actor id the longer name of a later mention ("Jaime Arboleda Front"). */
static void lengthen(struct builtin_actors *a, int id, const struct cand *c, const char *name,
                     const char *key)
{
    struct actor_ent *e = &a->act[id];
    char *old = e->name;
    e->name = xstrdup(name);
    e->name_ntok = c->last - c->first + 1;
    e->families = FAMILIES_UNKNOWN;
    add_alias(e, old);
    free(old);
    smap_put(&a->keys, key, id);
    add_parts(a, id, c->first, c->last, e->org || c->org);
}

/* An actor whose name contains this one, or is contained in it, through a shared word. */
static int related_actor(struct builtin_actors *a, const struct cand *c, const char *name,
                         bool *longer)
{
    for (size_t k = c->first; k <= c->last; k++) {
        char *w = surface(a->d, k, k), *wk = normal(w);
        free(w);
        int other = wk ? part_actor(a, &a->parts, wk, c->first) : -1;
        free(wk);
        if (other < 0 || a->act[other].name_ntok < 2)
            continue;
        if (contains_words(a->act[other].name, name)) {
            *longer = false;
            return other;
        }
        if (contains_words(name, a->act[other].name)) {
            *longer = true;
            return other;
        }
    }
    return -1;
}

/* The actor of a multi-word name: the same name, a longer or shorter form, or a new one. */
static int actor_for_name(struct builtin_actors *a, const struct cand *c, const char *name,
                          const char *key)
{
    int id = smap_get(&a->keys, key);
    if (id >= 0)
        return id;
    bool longer;
    id = related_actor(a, c, name, &longer);
    if (id >= 0) {
        if (longer)
            lengthen(a, id, c, name, key);
        else
            add_alias(&a->act[id], name);
        smap_put(&a->keys, key, id);
        return id;
    }
    id = new_actor(a, xstrdup(name), c->last - c->first + 1, c->first);
    smap_put(&a->keys, key, id);
    add_parts(a, id, c->first, c->last, c->org);
    return id;
}

static void add_acronym(struct builtin_actors *a, const struct cand *c, int id)
{
    if (c->acronym == SIZE_MAX)
        return;
    char *acr = surface(a->d, c->acronym, c->acronym), *key = normal(acr);
    if (key && smap_get(&a->keys, key) < 0) {
        smap_put(&a->keys, key, id);
        add_alias(&a->act[id], acr);
        add_mention(a, c->acronym, c->acronym, id);
    }
    free(key);
    free(acr);
    if (a->act[id].type == ACTOR_TYPE_UNSET)
        a->act[id].type = ACTOR_ORGANIZATION;
}

static void put_place(struct builtin_actors *a, size_t first, size_t last)
{
    char *s = surface(a->d, first, last), *key = normal(s);
    if (key)
        smap_put(&a->places, key, 1);
    free(key);
    free(s);
}

/* A place, and the place of "Indonesia's South Sulawesi" too. */
static void add_place(struct builtin_actors *a, const struct cand *c)
{
    put_place(a, c->first, c->last);
    if (c->first < c->last && has_flag(a->d, c->first, TK_POSS))
        put_place(a, c->first, c->first);
}

/* The start of the mention: the title when one is attached. */
static size_t mention_first(const struct cand *c)
{
    return c->title != SIZE_MAX ? c->title : c->first;
}

static void take_multi(struct builtin_actors *a, const struct cand *c)
{
    char *name = surface(a->d, c->first, c->last), *key = normal(name);
    if (key && smap_get(&a->places, key) < 0) {
        int id = actor_for_name(a, c, name, key);
        take_evidence(a->d, &a->act[id], c);
        add_mention(a, mention_first(c), c->last, id);
        add_acronym(a, c, id);
        if (c->title != SIZE_MAX && !(cls(a->d, c->title) & LX_ROLENOUN)) {
            char *full = surface(a->d, c->title, c->last);
            add_alias(&a->act[id], full);
            free(full);
        }
    }
    free(key);
    free(name);
}

/* A single word: an acronym, a surname, "Mr X", or a weak name of its own. */
static void take_single(struct builtin_actors *a, const struct cand *c)
{
    const struct builtin_doc *d = a->d;
    char *word = surface(d, c->first, c->last), *key = normal(word);
    int id = key ? smap_get(&a->keys, key) : -1;
    if (key && id < 0)
        id = part_actor(a, &a->parts, key, c->first);
    if (key && id < 0 && c->title != SIZE_MAX)
        id = part_actor(a, &a->firsts, key, c->first);
    /* a place stays a place, unless it is a person's name ("Biu" is not "Biu Specialist Hospital")
     */
    if (!key || (smap_get(&a->places, key) >= 0 && (id < 0 || a->act[id].org))) {
        free(key);
        free(word);
        return;
    }
    bool generic = (cls(d, c->first) & (LX_ORGKEY | LX_INST | LX_GROUP)) != 0;
    if (id < 0 && !generic) {
        id = new_actor(a, xstrdup(word), 1, c->first);
        smap_put(&a->keys, key, id);
        add_parts(a, id, c->first, c->last, true);
    }
    if (id >= 0) {
        struct actor_ent *e = &a->act[id];
        if (e->name_ntok == 1)
            take_evidence(d, e, c);
        else if (!e->gender)
            e->gender = title_gender(d, c->title);
        add_alias(e, word);
        if (c->title != SIZE_MAX && !(cls(d, c->title) & LX_ROLENOUN)) {
            char *full = surface(d, c->title, c->last);
            add_alias(e, full);
            free(full);
        }
        add_mention(a, mention_first(c), c->last, id);
        add_acronym(a, c, id);
    }
    free(key);
    free(word);
}

static void resolve(struct builtin_actors *a, const struct cands *cs)
{
    for (size_t i = 0; i < cs->n; i++)
        if (cs->c[i].place)
            add_place(a, &cs->c[i]);
    for (size_t i = 0; i < cs->n; i++)
        if (!cs->c[i].place && cs->c[i].last > cs->c[i].first)
            take_multi(a, &cs->c[i]);
    for (size_t i = 0; i < cs->n; i++)
        if (!cs->c[i].place && cs->c[i].last == cs->c[i].first)
            take_single(a, &cs->c[i]);
}

static int cmp_mention(const void *x, const void *y)
{
    const struct mention *a = x, *b = y;
    return (a->first > b->first) - (a->first < b->first);
}

/* Sorts the mentions by position and rebuilds the per-token index. */
static void index_mentions(struct builtin_actors *a)
{
    qsort(a->men, a->n_men, sizeof(*a->men), cmp_mention);
    for (size_t i = 0; i < a->n_men; i++) {
        a->end_at[a->men[i].last] = (int)i;
        a->start_at[a->men[i].first] = (int)i;
    }
}

struct builtin_actors *builtin_actor_find(const struct builtin_doc *d)
{
    struct builtin_actors *a = xcalloc(1, sizeof(*a));
    a->d = d;
    size_t n = d->n_tok ? d->n_tok : 1;
    a->end_at = xmalloc(n * sizeof(int));
    a->start_at = xmalloc(n * sizeof(int));
    for (size_t i = 0; i < n; i++)
        a->end_at[i] = a->start_at[i] = -1;
    struct cands cs = {NULL, 0, 0};
    find_candidates(d, &cs);
    resolve(a, &cs);
    free(cs.c);
    index_mentions(a);
    return a;
}

void builtin_actor_free(struct builtin_actors *a)
{
    if (!a)
        return;
    for (size_t i = 0; i < a->n_act; i++) {
        free(a->act[i].name);
        for (size_t k = 0; k < a->act[i].n_aliases; k++)
            free(a->act[i].aliases[k]);
    }
    free(a->act);
    free(a->men);
    free(a->end_at);
    free(a->start_at);
    free(a->part);
    smap_release(&a->keys);
    smap_release(&a->parts);
    smap_release(&a->firsts);
    smap_release(&a->places);
    free(a);
}

/* ---- queries for the claim finder ---------------------------------------- */

int builtin_actor_ending(const struct builtin_actors *a, size_t i, size_t *first)
{
    if (i >= a->d->n_tok || a->end_at[i] < 0)
        return -1;
    *first = a->men[a->end_at[i]].first;
    return a->men[a->end_at[i]].actor;
}

int builtin_actor_starting(const struct builtin_actors *a, size_t i, size_t *last)
{
    if (i >= a->d->n_tok || a->start_at[i] < 0)
        return -1;
    *last = a->men[a->start_at[i]].last;
    return a->men[a->start_at[i]].actor;
}

/* The index of the last mention that ends before token i, or -1. */
static long mention_before(const struct builtin_actors *a, size_t i)
{
    size_t lo = 0, hi = a->n_men;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (a->men[mid].last < i)
            lo = mid + 1;
        else
            hi = mid;
    }
    return (long)lo - 1;
}

static bool personish(const struct actor_ent *e)
{
    return e->type == ACTOR_PERSON ||
           (e->type == ACTOR_TYPE_UNSET && !e->org && e->name_ntok >= 2 && e->name_ntok <= 4);
}

int builtin_actor_recent_person(const struct builtin_actors *a, size_t i, int gender)
{
    long m = mention_before(a, i);
    for (long n = 0; m >= 0 && n < LOOKBACK_MENTIONS; m--, n++) {
        const struct actor_ent *e = &a->act[a->men[m].actor];
        if (personish(e) && !(gender && e->gender && e->gender != gender))
            return a->men[m].actor;
    }
    return -1;
}

int builtin_actor_gender(const struct builtin_actors *a, int id)
{
    return a->act[id].gender;
}

void builtin_actor_note_gender(struct builtin_actors *a, int id, int gender)
{
    if (id >= 0 && (size_t)id < a->n_act && !a->act[id].gender && personish(&a->act[id]))
        a->act[id].gender = gender;
}

/* The family bits of an actor's name, computed once. */
static unsigned name_families(struct actor_ent *e)
{
    if (e->families == FAMILIES_UNKNOWN)
        e->families = family_bits(e->name, true);
    return e->families;
}

int builtin_actor_recent_noun(struct builtin_actors *a, const struct builtin_doc *d, size_t i,
                              int lex)
{
    const struct builtin_lex_entry *w = builtin_lex_entry(d->lex, lex);
    if (!w)
        return -1;
    int family = -1;
    unsigned bits = family_bits(w->word, false);
    long m = mention_before(a, i);
    for (long n = 0; m >= 0 && n < LOOKBACK_MENTIONS; m--, n++) {
        struct actor_ent *e = &a->act[a->men[m].actor];
        if (e->job_lex == lex && !e->org)
            return a->men[m].actor;
        if (e->org && name_has_word(e->name, w->word))
            return a->men[m].actor;
        if (e->org && (w->cls & LX_COMPANY) && e->role == ROLE_UNSET &&
            e->type == ACTOR_ORGANIZATION)
            return a->men[m].actor;
        if (family < 0 && e->org && (name_families(e) & bits))
            family = a->men[m].actor;
    }
    return family;
}

/* Inserts a mention in position order and shifts the per-token index. */
static void insert_mention(struct builtin_actors *a, size_t first, size_t last, int actor)
{
    if (a->end_at[last] >= 0 || a->start_at[first] >= 0)
        return;
    XGROW(a->men, a->cap_men, a->n_men + 1);
    size_t at = (size_t)(mention_before(a, last) + 1);
    memmove(a->men + at + 1, a->men + at, (a->n_men - at) * sizeof(*a->men));
    a->men[at] = (struct mention){first, last, actor};
    a->n_men++;
    for (size_t i = at; i < a->n_men; i++) {
        a->end_at[a->men[i].last] = (int)i;
        a->start_at[a->men[i].first] = (int)i;
    }
}

int builtin_actor_unnamed(struct builtin_actors *a, const char *name, enum actor_type type,
                          enum actor_role role, size_t first, size_t last)
{
    char *key = normal(name);
    if (!key)
        return -1;
    int id = smap_get(&a->keys, key);
    if (id < 0) {
        id = new_actor(a, xstrdup(name), 1, first);
        a->act[id].type = type;
        a->act[id].role = role;
        a->act[id].org = type == ACTOR_ORGANIZATION;
        smap_put(&a->keys, key, id);
    }
    free(key);
    if (first <= last && last < a->d->n_tok)
        insert_mention(a, first, last, id);
    return id;
}

void builtin_actor_use(struct builtin_actors *a, int id)
{
    if (id >= 0 && (size_t)id < a->n_act)
        a->act[id].used = true;
}

const char *builtin_actor_name(const struct builtin_actors *a, int id)
{
    return a->act[id].name;
}

bool builtin_actor_is_person(const struct builtin_actors *a, int id)
{
    return personish(&a->act[id]);
}

/* Whether an actor goes into the prediction: evidence, a claim, or a full name used twice. */
static bool listed(const struct actor_ent *e)
{
    return e->strong || e->used || (e->mentions >= 2 && e->name_ntok >= 2);
}

void builtin_actor_emit(const struct builtin_actors *a, struct gold_doc *g)
{
    size_t n = 0;
    for (size_t i = 0; i < a->n_act; i++)
        n += listed(&a->act[i]);
    if (n > BUILTIN_MAX_ITEMS)
        n = BUILTIN_MAX_ITEMS;
    g->actors = xcalloc(n ? n : 1, sizeof(*g->actors));
    for (size_t i = 0; i < a->n_act && g->n_actors < n; i++) {
        const struct actor_ent *e = &a->act[i];
        if (!listed(e))
            continue;
        struct actor *out = &g->actors[g->n_actors++];
        out->name = xstrdup(e->name);
        out->type = e->type;
        out->role = e->role;
        out->n_aliases = e->n_aliases;
        out->aliases = e->n_aliases ? xcalloc(e->n_aliases, sizeof(char *)) : NULL;
        for (size_t k = 0; k < e->n_aliases; k++)
            out->aliases[k] = xstrdup(e->aliases[k]);
    }
}
