/*
 * builtin_actor.c - the actors of a document: names merged into actors.
 *
 * The names builtin_name.c finds are merged: full names first (a shorter
 * form contained in a longer one becomes its alias), then single words:
 * surnames, "Mr X" and acronyms defined in brackets attach to the most
 * recent actor that has that word. A name without any evidence of being an
 * actor (a title, a job, an organisation word) stays weak unless it occurs
 * twice: the claim finder promotes it when it speaks. Places never become
 * actors. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "builtin_rules.h"
#include "names.h"
#include "xalloc.h"

#define MAX_ALIASES       8
#define LOOKBACK_MENTIONS 60
#define FAMILIES_UNKNOWN  (~0u)
#define MAX_PART_WALK     64 /* actors sharing a word that a surname is compared with */

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
    unsigned fit_query; /* the query of builtin_actor_recent_noun() that `fit` answers */
    int fit;
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
    struct mention *umen; /* mentions of unnamed actors, in text order */
    size_t n_umen, cap_umen;
    int *end_at, *start_at;    /* per token: a mention, or -1 */
    struct builtin_map keys;   /* normalised name or alias -> actor */
    struct builtin_map parts;  /* normalised word -> first entry in part[] */
    struct builtin_map firsts; /* a person's first word (for "Mr Bae" of "Bae Jin-ho") */
    struct part *part;
    size_t n_part, cap_part;
    struct builtin_map places; /* normalised place names -> 1 */
    struct buf kkey, wkey;     /* scratch keys: of a whole name, of one word */
    unsigned noun_query;       /* counts the calls of builtin_actor_recent_noun() */
};

/* ---- the actor table ----------------------------------------------------- */

static char *surface(const struct builtin_doc *d, size_t a, size_t b)
{
    size_t end = d->tok[b].end;
    if (d->tok[b].flags & TK_POSS)
        end -= (d->text[end - 2] == '\'') ? 2 : 4;
    return xstrndup(d->text + d->tok[a].start, end - d->tok[a].start);
}

/*
 * The key of a name in the actor table, in out: name_normalize(), with a
 * fast path for ASCII names (lower case, other characters as blanks, blanks
 * collapsed, leading honorifics dropped) that gives the same string without
 * allocating. False when the key is empty or the name not UTF-8.
 */
static bool key_into(const char *s, size_t n, struct buf *out)
{
    buf_reset(out);
    bool ascii = true;
    for (size_t i = 0; i < n && ascii; i++)
        ascii = (unsigned char)s[i] < 0x80;
    if (!ascii) {
        char *k = name_normalize(s, n);
        if (k)
            buf_adds(out, k);
        free(k);
        return out->len > 0;
    }
    /* the key is never longer than the name: written in place after one buf_grow() */
    buf_grow(out, n);
    char *k = out->data;
    size_t len = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            k[len++] = c;
        else if (c >= 'A' && c <= 'Z')
            k[len++] = (char)(c - 'A' + 'a');
        else if (len && k[len - 1] != ' ')
            k[len++] = ' ';
    }
    if (len && k[len - 1] == ' ')
        len--;
    k[len] = '\0';
    out->len = len;
    size_t start = 0;
    for (;;) {
        const char *blank = strchr(out->data + start, ' ');
        if (!blank || !name_is_honorific(out->data + start, (size_t)(blank - out->data) - start))
            break;
        start = (size_t)(blank - out->data) + 1;
    }
    memmove(out->data, out->data + start, out->len - start + 1);
    out->len -= start;
    return out->len > 0;
}

/* The key of tokens [first, last], without a final 's, in out. */
static bool key_at(const struct builtin_doc *d, size_t first, size_t last, struct buf *out)
{
    size_t end = d->tok[last].end;
    if (d->tok[last].flags & TK_POSS)
        end -= (d->text[end - 2] == '\'') ? 2 : 4;
    return key_into(d->text + d->tok[first].start, end - d->tok[first].start, out);
}

/* The key of a name as a new string, or NULL. */
static char *normal(const char *s)
{
    struct buf b = BUF_INIT;
    if (!key_into(s, strlen(s), &b)) {
        buf_release(&b);
        return NULL;
    }
    return buf_detach(&b, NULL);
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

/* The first blank-separated word at or after p, with its end in *end; NULL when none is left. */
static const char *next_word(const char *p, const char **end)
{
    while (*p == ' ')
        p++;
    if (!*p)
        return NULL;
    *end = p;
    while (**end && **end != ' ')
        (*end)++;
    return p;
}

/* Whether the name of e has the word w (ASCII case ignored). */
static bool name_has_word(const char *name, const char *w)
{
    size_t n = strlen(w);
    const char *end = name;
    for (const char *p; (p = next_word(end, &end));)
        if ((size_t)(end - p) == n && strncasecmp(p, w, n) == 0)
            return true;
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

/* The families of the word w[0..n), ASCII case ignored when fold. */
static unsigned word_families(const char *w, size_t n, bool fold)
{
    unsigned bits = 0;
    for (size_t f = 0; f < sizeof(families) / sizeof(families[0]); f++)
        for (size_t k = 0; k < 9 && families[f][k]; k++)
            if (families[f][k][0] == (fold ? builtin_ascii_lower(w[0]) : w[0]) &&
                strlen(families[f][k]) == n &&
                (fold ? strncasecmp(families[f][k], w, n) : strncmp(families[f][k], w, n)) == 0)
                bits |= 1u << f;
    return bits;
}

/*
 * The families a word (with bits for one word) or a whole name belongs to:
 * for a name, those of its blank-separated words, each looked up once.
 */
static unsigned family_bits(const char *name, bool whole)
{
    if (!whole)
        return word_families(name, strlen(name), false);
    unsigned bits = 0;
    const char *end = name;
    for (const char *p; (p = next_word(end, &end));)
        bits |= word_families(p, (size_t)(end - p), true);
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

static void chain_part(struct builtin_actors *a, struct builtin_map *m, const char *key, int id)
{
    XGROW(a->part, a->cap_part, a->n_part + 1);
    a->part[a->n_part] = (struct part){id, builtin_map_get(m, key)};
    builtin_map_put(m, key, (int)a->n_part++);
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
        if (!(d->tok[k].flags & TK_CAP) ||
            (builtin_tok_cls(d, k) & (LX_ORGKEY | LX_FUNC | LX_TITLE)))
            continue;
        if (!key_at(d, k, k, &a->wkey))
            continue;
        chain_part(a, (k == first && !org && last > first) ? &a->firsts : &a->parts, a->wkey.data,
                   id);
    }
}

/* The actor a single word points to: the latest one introduced before token at. */
static int part_actor(const struct builtin_actors *a, const struct builtin_map *m, const char *key,
                      size_t at)
{
    int best = -1, walked = 0;
    for (int p = builtin_map_get(m, key); p >= 0 && walked < MAX_PART_WALK;
         p = a->part[p].next, walked++) {
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

/* Takes what a name's context says about type, role and gender into its actor. */
static void take_evidence(const struct builtin_doc *d, struct actor_ent *e,
                          const struct builtin_name *c)
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
static void lengthen(struct builtin_actors *a, int id, const struct builtin_name *c,
                     const char *name, const char *key)
{
    struct actor_ent *e = &a->act[id];
    char *old = e->name;
    e->name = xstrdup(name);
    e->name_ntok = c->last - c->first + 1;
    e->families = FAMILIES_UNKNOWN;
    add_alias(e, old);
    free(old);
    builtin_map_put(&a->keys, key, id);
    add_parts(a, id, c->first, c->last, e->org || c->org);
}

/* An actor whose name contains this one, or is contained in it, through a shared word. */
static int related_actor(struct builtin_actors *a, const struct builtin_name *c, const char *name,
                         bool *longer)
{
    for (size_t k = c->first; k <= c->last; k++) {
        int other =
            key_at(a->d, k, k, &a->wkey) ? part_actor(a, &a->parts, a->wkey.data, c->first) : -1;
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
static int actor_for_name(struct builtin_actors *a, const struct builtin_name *c, const char *name,
                          const char *key)
{
    int id = builtin_map_get(&a->keys, key);
    if (id >= 0)
        return id;
    bool longer;
    id = related_actor(a, c, name, &longer);
    if (id >= 0) {
        if (longer)
            lengthen(a, id, c, name, key);
        else
            add_alias(&a->act[id], name);
        builtin_map_put(&a->keys, key, id);
        return id;
    }
    id = new_actor(a, xstrdup(name), c->last - c->first + 1, c->first);
    builtin_map_put(&a->keys, key, id);
    add_parts(a, id, c->first, c->last, c->org);
    return id;
}

static void add_acronym(struct builtin_actors *a, const struct builtin_name *c, int id)
{
    if (c->acronym == SIZE_MAX)
        return;
    char *acr = surface(a->d, c->acronym, c->acronym), *key = normal(acr);
    if (key && builtin_map_get(&a->keys, key) < 0) {
        builtin_map_put(&a->keys, key, id);
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
    if (key_at(a->d, first, last, &a->wkey))
        builtin_map_put(&a->places, a->wkey.data, 1);
}

/* A place, and the place of "Indonesia's South Sulawesi" too. */
static void add_place(struct builtin_actors *a, const struct builtin_name *c)
{
    put_place(a, c->first, c->last);
    if (c->first < c->last && builtin_tok_has(a->d, c->first, TK_POSS))
        put_place(a, c->first, c->first);
}

/* The start of the mention: the title when one is attached. */
static size_t mention_first(const struct builtin_name *c)
{
    return c->title != SIZE_MAX ? c->title : c->first;
}

static void take_multi(struct builtin_actors *a, const struct builtin_name *c)
{
    if (!key_at(a->d, c->first, c->last, &a->kkey) ||
        builtin_map_get(&a->places, a->kkey.data) >= 0)
        return;
    char *name = surface(a->d, c->first, c->last), *key = xstrdup(a->kkey.data);
    int id = actor_for_name(a, c, name, key);
    take_evidence(a->d, &a->act[id], c);
    add_mention(a, mention_first(c), c->last, id);
    add_acronym(a, c, id);
    if (c->title != SIZE_MAX && !(builtin_tok_cls(a->d, c->title) & LX_ROLENOUN)) {
        char *full = surface(a->d, c->title, c->last);
        add_alias(&a->act[id], full);
        free(full);
    }
    free(key);
    free(name);
}

/* A single word: an acronym, a surname, "Mr X", or a weak name of its own. */
static void take_single(struct builtin_actors *a, const struct builtin_name *c)
{
    const struct builtin_doc *d = a->d;
    char *word = surface(d, c->first, c->last);
    char *key = key_at(d, c->first, c->last, &a->kkey) ? a->kkey.data : NULL;
    int id = key ? builtin_map_get(&a->keys, key) : -1;
    if (key && id < 0)
        id = part_actor(a, &a->parts, key, c->first);
    if (key && id < 0 && c->title != SIZE_MAX)
        id = part_actor(a, &a->firsts, key, c->first);
    /* a place stays a place, unless it is a person's name ("Biu" is not "Biu Specialist Hospital")
     */
    if (!key || (builtin_map_get(&a->places, key) >= 0 && (id < 0 || a->act[id].org))) {
        free(word);
        return;
    }
    bool generic = (builtin_tok_cls(d, c->first) & (LX_ORGKEY | LX_INST | LX_GROUP)) != 0;
    if (id < 0 && !generic) {
        id = new_actor(a, xstrdup(word), 1, c->first);
        builtin_map_put(&a->keys, key, id);
        add_parts(a, id, c->first, c->last, true);
    }
    if (id >= 0) {
        struct actor_ent *e = &a->act[id];
        if (e->name_ntok == 1)
            take_evidence(d, e, c);
        else if (!e->gender)
            e->gender = title_gender(d, c->title);
        add_alias(e, word);
        if (c->title != SIZE_MAX && !(builtin_tok_cls(d, c->title) & LX_ROLENOUN)) {
            char *full = surface(d, c->title, c->last);
            add_alias(e, full);
            free(full);
        }
        add_mention(a, mention_first(c), c->last, id);
        add_acronym(a, c, id);
    }
    free(word);
}

static void resolve(struct builtin_actors *a, const struct builtin_names *cs)
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
    if (a->n_men > 1)
        qsort(a->men, a->n_men, sizeof(*a->men), cmp_mention);
    for (size_t i = 0; i < a->n_men; i++) {
        a->end_at[a->men[i].last] = (int)i;
        a->start_at[a->men[i].first] = (int)i;
    }
}

struct builtin_actors *builtin_actor_find(const struct builtin_doc *d)
{
    struct builtin_actors *a = xcalloc(1, sizeof(*a));
    buf_init(&a->kkey);
    buf_init(&a->wkey);
    a->d = d;
    size_t n = d->n_tok ? d->n_tok : 1;
    a->end_at = xmalloc(n * sizeof(int));
    a->start_at = xmalloc(n * sizeof(int));
    for (size_t i = 0; i < n; i++)
        a->end_at[i] = a->start_at[i] = -1;
    struct builtin_names cs = {NULL, 0, 0};
    builtin_name_find(d, &cs);
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
    free(a->umen);
    free(a->end_at);
    free(a->start_at);
    free(a->part);
    builtin_map_release(&a->keys);
    builtin_map_release(&a->parts);
    builtin_map_release(&a->firsts);
    builtin_map_release(&a->places);
    buf_release(&a->kkey);
    buf_release(&a->wkey);
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

/* How well "the <w>" fits an actor: 2 directly, 1 through a family of words, 0 not. */
static int noun_fit(struct actor_ent *e, int lex, const struct builtin_lex_entry *w, unsigned bits)
{
    if (e->job_lex == lex && !e->org)
        return 2;
    if (!e->org)
        return 0;
    if (name_has_word(e->name, w->word) ||
        ((w->cls & LX_COMPANY) && e->role == ROLE_UNSET && e->type == ACTOR_ORGANIZATION))
        return 2;
    return (name_families(e) & bits) ? 1 : 0;
}

/* What "the <word>" is asked about: its lexicon entry, and the families of the word. */
struct noun_query {
    int lex;
    const struct builtin_lex_entry *w;
    unsigned bits;
};

/*
 * noun_fit() of actor id, computed once per query: an actor has many
 * mentions, and nothing a fit depends on changes during one query.
 */
static int query_fit(struct builtin_actors *a, int id, const struct noun_query *q)
{
    struct actor_ent *e = &a->act[id];
    if (e->fit_query != a->noun_query) {
        e->fit = noun_fit(e, q->lex, q->w, q->bits);
        e->fit_query = a->noun_query;
    }
    return e->fit;
}

struct noun_best {
    int actor[3]; /* by fit */
    size_t pos[3];
};

/* Looks at the last mentions before token i of one list, keeping the latest of each fit. */
static void noun_scan(struct builtin_actors *a, const struct mention *men, size_t n_men, size_t i,
                      const struct noun_query *q, struct noun_best *best)
{
    size_t m = n_men, seen = 0;
    while (m > 0 && men[m - 1].last >= i)
        m--;
    for (; m > 0 && seen < LOOKBACK_MENTIONS; m--, seen++) {
        int fit = query_fit(a, men[m - 1].actor, q);
        if (fit && (best->actor[fit] < 0 || men[m - 1].first > best->pos[fit])) {
            best->actor[fit] = men[m - 1].actor;
            best->pos[fit] = men[m - 1].first;
        }
    }
}

int builtin_actor_recent_noun(struct builtin_actors *a, const struct builtin_doc *d, size_t i,
                              int lex)
{
    const struct builtin_lex_entry *w = builtin_lex_entry(d->lex, lex);
    if (!w)
        return -1;
    a->noun_query++; /* 0 is never a query: new actors start with fit_query 0 */
    if (!a->noun_query)
        a->noun_query++;
    struct noun_query q = {lex, w, family_bits(w->word, false)};
    struct noun_best best = {{-1, -1, -1}, {0, 0, 0}};
    noun_scan(a, a->men, (size_t)(mention_before(a, i) + 1), i, &q, &best);
    noun_scan(a, a->umen, a->n_umen, i, &q, &best);
    return best.actor[2] >= 0 ? best.actor[2] : best.actor[1];
}

int builtin_actor_unnamed(struct builtin_actors *a, const char *name, enum actor_type type,
                          enum actor_role role, size_t first, size_t last)
{
    char *key = normal(name);
    if (!key)
        return -1;
    int id = builtin_map_get(&a->keys, key);
    if (id < 0) {
        id = new_actor(a, xstrdup(name), 1, first);
        a->act[id].type = type;
        a->act[id].role = role;
        a->act[id].org = type == ACTOR_ORGANIZATION;
        builtin_map_put(&a->keys, key, id);
    }
    free(key);
    /* the claim finder goes through the text in order, so this list stays sorted */
    if (first <= last && last < a->d->n_tok &&
        (!a->n_umen || a->umen[a->n_umen - 1].last < first)) {
        XGROW(a->umen, a->cap_umen, a->n_umen + 1);
        a->umen[a->n_umen++] = (struct mention){first, last, id};
    }
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
