#include "match.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "names.h"
#include "xalloc.h"

const char *const mode_names[N_MODES] = {"strict", "lenient"};

const struct match_config match_defaults = {0.8, 0.5, 0.1};

/* ---- names ------------------------------------------------------------ */

static void norm_init(struct norm_name *n, const char *raw)
{
    n->text = name_normalize(raw, strlen(raw));
    if (!n->text)
        n->text = xstrdup(""); /* readers reject invalid UTF-8; stay safe anyway */
    n->n_tokens = *n->text ? 1 : 0;
    for (const char *p = n->text; *p; p++)
        n->n_tokens += *p == ' ';
}

static void name_set_add(struct name_set *s, const char *raw)
{
    s->names = xreallocarray(s->names, s->n + 1, sizeof(*s->names));
    norm_init(&s->names[s->n++], raw);
}

static void name_set_release(struct name_set *s)
{
    for (size_t i = 0; i < s->n; i++)
        free(s->names[i].text);
    free(s->names);
}

/* Whether the token `tok` (len bytes) is one of the blank-separated tokens of s. */
static bool has_token(const char *s, const char *tok, size_t len)
{
    for (const char *p = s; *p;) {
        const char *blank = strchr(p, ' ');
        size_t n = blank ? (size_t)(blank - p) : strlen(p);
        if (n == len && memcmp(p, tok, len) == 0)
            return true;
        if (!blank)
            break;
        p = blank + 1;
    }
    return false;
}

/* Whether every token of a is a token of b. */
static bool tokens_within(const struct norm_name *a, const struct norm_name *b)
{
    if (!a->n_tokens || a->n_tokens > b->n_tokens)
        return false;
    for (const char *p = a->text; *p;) {
        const char *blank = strchr(p, ' ');
        size_t n = blank ? (size_t)(blank - p) : strlen(p);
        if (!has_token(b->text, p, n))
            return false;
        if (!blank)
            break;
        p = blank + 1;
    }
    return true;
}

/*
 * How `name` compares with a set of names: strict when it equals one of
 * them; lenient also when the tokens of one lie within the tokens of the
 * other ("palmer" ~ "keith palmer"), with similarity the share of tokens.
 */
static void compare_name(const struct norm_name *name, const struct name_set *set,
                         struct match_result *out)
{
    memset(out, 0, sizeof(*out));
    for (size_t i = 0; i < set->n; i++) {
        const struct norm_name *g = &set->names[i];
        if (strcmp(name->text, g->text) == 0) {
            out->strict = out->lenient = true;
            out->similarity = 1.0;
            return;
        }
        if (tokens_within(name, g) || tokens_within(g, name)) {
            size_t lo = name->n_tokens < g->n_tokens ? name->n_tokens : g->n_tokens;
            size_t hi = name->n_tokens < g->n_tokens ? g->n_tokens : name->n_tokens;
            double sim = (double)lo / (double)hi;
            out->lenient = true;
            if (sim > out->similarity)
                out->similarity = sim;
        }
    }
}

/* ---- preparing documents ------------------------------------------------ */

/* The actor of m called n (by name or alias), or NULL. */
static const struct actor *actor_named(const struct match_doc *m, const struct norm_name *n)
{
    for (size_t i = 0; i < m->doc->n_actors; i++)
        for (size_t k = 0; k < m->actor_names[i].n; k++)
            if (strcmp(m->actor_names[i].names[k].text, n->text) == 0)
                return &m->doc->actors[i];
    return NULL;
}

struct match_doc *match_prepare(const struct gold_doc *doc, bool is_gold)
{
    struct match_doc *m = xcalloc(1, sizeof(*m));
    m->doc = doc;
    m->actor_names = xcalloc(doc->n_actors, sizeof(*m->actor_names));
    for (size_t i = 0; i < doc->n_actors; i++) {
        name_set_add(&m->actor_names[i], doc->actors[i].name);
        for (size_t k = 0; k < doc->actors[i].n_aliases; k++)
            name_set_add(&m->actor_names[i], doc->actors[i].aliases[k]);
    }
    m->claimant_names = xcalloc(doc->n_claims, sizeof(*m->claimant_names));
    m->claim_tokens = xcalloc(doc->n_claims, sizeof(*m->claim_tokens));
    for (size_t i = 0; i < doc->n_claims; i++) {
        struct name_set *s = &m->claimant_names[i];
        name_set_add(s, doc->claims[i].claimant);
        const struct actor *actor = is_gold ? actor_named(m, &s->names[0]) : NULL;
        if (actor) { /* duplicates in the set do no harm */
            name_set_add(s, actor->name);
            for (size_t k = 0; k < actor->n_aliases; k++)
                name_set_add(s, actor->aliases[k]);
        }
        tokens_init(&m->claim_tokens[i], doc->claims[i].text);
    }
    return m;
}

void match_doc_free(struct match_doc *m)
{
    if (!m)
        return;
    for (size_t i = 0; i < m->doc->n_actors; i++)
        name_set_release(&m->actor_names[i]);
    for (size_t i = 0; i < m->doc->n_claims; i++) {
        name_set_release(&m->claimant_names[i]);
        tokens_release(&m->claim_tokens[i]);
    }
    free(m->actor_names);
    free(m->claimant_names);
    free(m->claim_tokens);
    free(m);
}

static int compare_bool(bool a, bool b)
{
    return (a > b) - (a < b);
}

static int compare_long(long a, long b)
{
    return (a > b) - (a < b);
}

static int compare_opt_str(const char *a, const char *b)
{
    if (!a || !b)
        return compare_bool(a != NULL, b != NULL);
    return strcmp(a, b);
}

/* ---- actors ----------------------------------------------------------- */

static void actor_compare(const struct match_config *cfg, const struct match_doc *gold, size_t gi,
                          const struct match_doc *pred, size_t pi, struct match_result *out)
{
    (void)cfg;
    const struct actor *g = &gold->doc->actors[gi], *p = &pred->doc->actors[pi];
    compare_name(&pred->actor_names[pi].names[0], &gold->actor_names[gi], out);
    bool type_ok = !g->type || !p->type || g->type == p->type;
    bool role_ok = !g->role || !p->role || g->role == p->role;
    if (out->strict && !(type_ok && role_ok)) {
        out->strict = false;
        out->similarity = 0.99; /* the name is exact; only an attribute differs */
    }
}

static void actor_attributes(const struct match_doc *gold, size_t gi, const struct match_doc *pred,
                             size_t pi, long agree[], long compared[])
{
    const struct actor *g = &gold->doc->actors[gi], *p = &pred->doc->actors[pi];
    if (g->type && p->type) {
        compared[0]++;
        agree[0] += g->type == p->type;
    }
    if (g->role && p->role) {
        compared[1]++;
        agree[1] += g->role == p->role;
    }
}

static void actor_differences(const struct match_config *cfg, const struct match_doc *gold,
                              size_t gi, const struct match_doc *pred, size_t pi, struct buf *out)
{
    (void)cfg;
    const struct actor *g = &gold->doc->actors[gi], *p = &pred->doc->actors[pi];
    struct match_result r;
    compare_name(&pred->actor_names[pi].names[0], &gold->actor_names[gi], &r);
    const char *sep = "";
    if (!r.strict) {
        buf_addf(out, "name '%s', gold '%s'", p->name, g->name);
        sep = "; ";
    }
    if (g->type && p->type && g->type != p->type) {
        buf_addf(out, "%stype %s, gold %s", sep, vocab_name(&vocab_actor_type, (int)p->type),
                 vocab_name(&vocab_actor_type, (int)g->type));
        sep = "; ";
    }
    if (g->role && p->role && g->role != p->role)
        buf_addf(out, "%srole %s, gold %s", sep, vocab_name(&vocab_actor_role, (int)p->role),
                 vocab_name(&vocab_actor_role, (int)g->role));
}

static int actor_order(const struct match_doc *m, size_t i, size_t j)
{
    const struct actor *a = &m->doc->actors[i], *b = &m->doc->actors[j];
    int c = strcmp(m->actor_names[i].names[0].text, m->actor_names[j].names[0].text);
    if (!c)
        c = strcmp(a->name, b->name);
    if (!c)
        c = compare_long(a->type, b->type);
    if (!c)
        c = compare_long(a->role, b->role);
    if (!c)
        c = compare_bool(a->optional, b->optional);
    for (size_t k = 0; !c && k < a->n_aliases && k < b->n_aliases; k++)
        c = strcmp(a->aliases[k], b->aliases[k]);
    if (!c)
        c = compare_long((long)a->n_aliases, (long)b->n_aliases);
    return c;
}

static const struct matcher actor_matcher = {
    CAT_ACTORS, {"type", "role"}, actor_compare, actor_attributes, actor_differences, actor_order,
};

/* ---- counts ----------------------------------------------------------- */

static void count_compare(const struct match_config *cfg, const struct match_doc *gold, size_t gi,
                          const struct match_doc *pred, size_t pi, struct match_result *out)
{
    const struct count *g = &gold->doc->counts[gi], *p = &pred->doc->counts[pi];
    memset(out, 0, sizeof(*out));
    if (g->what != p->what)
        return;
    int64_t diff = g->value > p->value ? g->value - p->value : p->value - g->value;
    int64_t tolerance = (int64_t)floor(cfg->count_tolerance * (double)g->value);
    out->strict = diff == 0;
    out->lenient = diff <= tolerance;
    out->similarity = out->lenient ? 1.0 / (1.0 + (double)diff) : 0.0;
}

static void count_attributes(const struct match_doc *gold, size_t gi, const struct match_doc *pred,
                             size_t pi, long agree[], long compared[])
{
    const struct count *g = &gold->doc->counts[gi], *p = &pred->doc->counts[pi];
    compared[0]++;
    agree[0] += g->value == p->value;
    if (g->qualifier && p->qualifier) {
        compared[1]++;
        agree[1] += g->qualifier == p->qualifier;
    }
}

static void count_differences(const struct match_config *cfg, const struct match_doc *gold,
                              size_t gi, const struct match_doc *pred, size_t pi, struct buf *out)
{
    (void)cfg;
    const struct count *g = &gold->doc->counts[gi], *p = &pred->doc->counts[pi];
    if (g->value != p->value)
        buf_addf(out, "value %lld, gold %lld", (long long)p->value, (long long)g->value);
}

static int count_order(const struct match_doc *m, size_t i, size_t j)
{
    const struct count *a = &m->doc->counts[i], *b = &m->doc->counts[j];
    int c = compare_long(a->what, b->what);
    if (!c)
        c = compare_long((long)a->value, (long)b->value);
    if (!c)
        c = compare_long(a->qualifier, b->qualifier);
    if (!c)
        c = compare_bool(a->optional, b->optional);
    if (!c)
        c = compare_opt_str(a->label, b->label);
    return c;
}

static const struct matcher count_matcher = {
    CAT_COUNTS,       {"value", "qualifier"}, count_compare,
    count_attributes, count_differences,      count_order,
};

/* ---- dates ------------------------------------------------------------ */

static bool same_date(struct fb_date a, struct fb_date b)
{
    return a.year == b.year && a.month == b.month && a.day == b.day;
}

static void date_compare(const struct match_config *cfg, const struct match_doc *gold, size_t gi,
                         const struct match_doc *pred, size_t pi, struct match_result *out)
{
    (void)cfg;
    const struct date_item *g = &gold->doc->dates[gi], *p = &pred->doc->dates[pi];
    bool same = same_date(g->value, p->value);
    out->strict = same && g->what == p->what;
    out->lenient = date_within(g->value, p->value) || date_within(p->value, g->value);
    out->similarity = !out->lenient ? 0.0 : same ? 1.0 : 0.5;
}

static void date_attributes(const struct match_doc *gold, size_t gi, const struct match_doc *pred,
                            size_t pi, long agree[], long compared[])
{
    const struct date_item *g = &gold->doc->dates[gi], *p = &pred->doc->dates[pi];
    compared[0]++;
    agree[0] += same_date(g->value, p->value);
    compared[1]++;
    agree[1] += g->what == p->what;
}

static void date_differences(const struct match_config *cfg, const struct match_doc *gold,
                             size_t gi, const struct match_doc *pred, size_t pi, struct buf *out)
{
    (void)cfg;
    const struct date_item *g = &gold->doc->dates[gi], *p = &pred->doc->dates[pi];
    char gv[DATE_STRLEN], pv[DATE_STRLEN];
    date_format(g->value, gv);
    date_format(p->value, pv);
    const char *sep = "";
    if (!same_date(g->value, p->value)) {
        buf_addf(out, "value %s, gold %s", pv, gv);
        sep = "; ";
    }
    if (g->what != p->what)
        buf_addf(out, "%swhat %s, gold %s", sep, vocab_name(&vocab_date_kind, (int)p->what),
                 vocab_name(&vocab_date_kind, (int)g->what));
}

static int date_order(const struct match_doc *m, size_t i, size_t j)
{
    const struct date_item *a = &m->doc->dates[i], *b = &m->doc->dates[j];
    int c = compare_long(a->value.year, b->value.year);
    if (!c)
        c = compare_long(a->value.month, b->value.month);
    if (!c)
        c = compare_long(a->value.day, b->value.day);
    if (!c)
        c = compare_long(a->what, b->what);
    if (!c)
        c = compare_bool(a->optional, b->optional);
    if (!c)
        c = compare_opt_str(a->label, b->label);
    return c;
}

static const struct matcher date_matcher = {
    CAT_DATES, {"value", "what"}, date_compare, date_attributes, date_differences, date_order,
};

/* ---- claims ----------------------------------------------------------- */

static void claim_compare(const struct match_config *cfg, const struct match_doc *gold, size_t gi,
                          const struct match_doc *pred, size_t pi, struct match_result *out)
{
    const struct claim *g = &gold->doc->claims[gi], *p = &pred->doc->claims[pi];
    struct match_result who;
    compare_name(&pred->claimant_names[pi].names[0], &gold->claimant_names[gi], &who);
    double sim = textsim_f1(&gold->claim_tokens[gi], &pred->claim_tokens[pi]);
    out->strict = who.strict && g->kind == p->kind && sim >= cfg->claim_strict;
    out->lenient = who.lenient && sim >= cfg->claim_lenient;
    out->similarity = out->lenient ? sim : 0.0;
}

static void claim_attributes(const struct match_doc *gold, size_t gi, const struct match_doc *pred,
                             size_t pi, long agree[], long compared[])
{
    struct match_result who;
    compare_name(&pred->claimant_names[pi].names[0], &gold->claimant_names[gi], &who);
    compared[0]++;
    agree[0] += gold->doc->claims[gi].kind == pred->doc->claims[pi].kind;
    compared[1]++;
    agree[1] += who.strict;
}

static void claim_differences(const struct match_config *cfg, const struct match_doc *gold,
                              size_t gi, const struct match_doc *pred, size_t pi, struct buf *out)
{
    const struct claim *g = &gold->doc->claims[gi], *p = &pred->doc->claims[pi];
    struct match_result who;
    compare_name(&pred->claimant_names[pi].names[0], &gold->claimant_names[gi], &who);
    double sim = textsim_f1(&gold->claim_tokens[gi], &pred->claim_tokens[pi]);
    const char *sep = "";
    if (!who.strict) {
        buf_addf(out, "claimant '%s', gold '%s'", p->claimant, g->claimant);
        sep = "; ";
    }
    if (g->kind != p->kind) {
        buf_addf(out, "%skind %s, gold %s", sep, vocab_name(&vocab_claim_kind, (int)p->kind),
                 vocab_name(&vocab_claim_kind, (int)g->kind));
        sep = "; ";
    }
    if (sim < cfg->claim_strict)
        buf_addf(out, "%stext similarity %.2f", sep, sim);
}

static int claim_order(const struct match_doc *m, size_t i, size_t j)
{
    const struct claim *a = &m->doc->claims[i], *b = &m->doc->claims[j];
    int c = strcmp(m->claimant_names[i].names[0].text, m->claimant_names[j].names[0].text);
    if (!c)
        c = compare_long(a->kind, b->kind);
    if (!c)
        c = strcmp(a->text, b->text);
    if (!c)
        c = strcmp(a->claimant, b->claimant);
    if (!c)
        c = compare_bool(a->optional, b->optional);
    return c;
}

static const struct matcher claim_matcher = {
    CAT_CLAIMS,       {"kind", "claimant"}, claim_compare,
    claim_attributes, claim_differences,    claim_order,
};

const struct matcher *const matchers[N_CATEGORIES] = {&actor_matcher, &count_matcher, &date_matcher,
                                                      &claim_matcher};
