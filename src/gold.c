#include "gold.h"

#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "buf.h"
#include "fileio.h"
#include "json.h"
#include "names.h"
#include "text.h"
#include "xalloc.h"

const char *const category_names[N_CATEGORIES] = {"actors", "counts", "dates", "claims"};

/* ---- the reader's state and its messages ------------------------------- */

struct reader {
    enum gold_mode mode;
    const struct gold_source *src;
    const struct bounds *bounds;
    struct json_where w; /* the file and the JSON path being read: "$.counts[2].value" */
};

/* ---- scalar fields ---------------------------------------------------- */

/* A non-empty string, copied; NULL (reported) otherwise. */
static char *read_string(struct reader *r, const cJSON *v)
{
    if (!cJSON_IsString(v)) {
        json_where_error(&r->w, "expected a string");
        return NULL;
    }
    const char *s = v->valuestring;
    size_t n = strlen(s);
    while (n && strchr(" \t\r\n", s[n - 1]))
        n--;
    while (n && strchr(" \t\r\n", *s)) {
        s++;
        n--;
    }
    if (!n) {
        json_where_error(&r->w, "expected a non-empty string");
        return NULL;
    }
    return xstrndup(s, n);
}

/* A string that names something: it must keep a letter or digit after normalisation. */
static char *read_name(struct reader *r, const cJSON *v)
{
    char *s = read_string(r, v);
    if (!s)
        return NULL;
    char *norm = name_normalize(s, strlen(s));
    if (!norm || !*norm) {
        json_where_error(&r->w, "name '%s' has no letter or digit", s);
        free(s);
        s = NULL;
    }
    free(norm);
    return s;
}

static void list_words(struct buf *b, const struct vocab *v)
{
    const char *sep = "";
    for (int i = 0; i < v->n_words; i++) {
        if (vocab_name(v, v->words[i].value) != v->words[i].word)
            continue; /* synonyms are documented in docs/FORMAT.md */
        buf_addf(b, "%s%s", sep, v->words[i].word);
        sep = ", ";
    }
}

/* The value of a vocabulary word; -1 (reported) when v is not one. */
static int read_word(struct reader *r, const cJSON *v, const struct vocab *vocab)
{
    if (!cJSON_IsString(v)) {
        json_where_error(&r->w, "expected a string");
        return -1;
    }
    int value = vocab_lookup(vocab, v->valuestring);
    if (value < 0) {
        struct buf words = BUF_INIT;
        list_words(&words, vocab);
        json_where_error(&r->w, "unknown %s '%s' (expected one of: %s)", vocab->what,
                         v->valuestring, words.data);
        buf_release(&words);
    }
    return value;
}

static bool read_bool(struct reader *r, const cJSON *v)
{
    if (!cJSON_IsBool(v)) {
        json_where_error(&r->w, "expected true or false");
        return false;
    }
    return cJSON_IsTrue(v);
}

static void check_evidence(struct reader *r, const cJSON *v)
{
    if (!cJSON_IsString(v)) {
        json_where_error(&r->w, "expected a string");
        return;
    }
    if (r->mode != GOLD_REFERENCE || !r->src->text)
        return;
    size_t n = strlen(v->valuestring);
    if (!text_contains(r->src->text, r->src->text_len, v->valuestring, n))
        json_where_error(&r->w, "evidence '%s' does not occur verbatim in the article",
                         v->valuestring);
}

/* ---- objects as tables of fields --------------------------------------- */

typedef void (*field_fn)(struct reader *r, const cJSON *v, void *item);

struct field {
    const char *key;
    bool required;
    field_fn read;
};

/*
 * Reads the members of obj through a table of fields. Unknown members are
 * errors in gold and ignored in predictions; null stands for an absent
 * optional member.
 */
static void read_object(struct reader *r, const cJSON *obj, const struct field *fields,
                        size_t n_fields, void *item)
{
    if (!cJSON_IsObject(obj)) {
        json_where_error(&r->w, "expected an object");
        return;
    }
    bool seen[16] = {false};
    size_t base = r->w.path.len;
    for (const cJSON *m = obj->child; m; m = m->next) {
        size_t f = 0;
        while (f < n_fields && strcmp(fields[f].key, m->string) != 0)
            f++;
        buf_addf(&r->w.path, ".%s", m->string);
        if (f == n_fields) {
            if (r->mode == GOLD_REFERENCE)
                json_where_error(&r->w, "unknown field");
        } else if (seen[f]) {
            json_where_error(&r->w, "duplicate field");
        } else {
            seen[f] = true;
            if (!cJSON_IsNull(m) || fields[f].required)
                fields[f].read(r, m, item);
        }
        buf_truncate(&r->w.path, base);
    }
    for (size_t f = 0; f < n_fields; f++)
        if (fields[f].required && !seen[f])
            json_where_error(&r->w, "missing required field '%s'", fields[f].key);
}

/* Reads an array of objects of `size` bytes each, each through read_one. */
static void *read_list(struct reader *r, const cJSON *v, size_t size, size_t *n_out,
                       void (*read_one)(struct reader *r, const cJSON *v, void *item))
{
    *n_out = 0;
    if (!cJSON_IsArray(v)) {
        json_where_error(&r->w, "expected an array");
        return NULL;
    }
    size_t n = (size_t)cJSON_GetArraySize(v), max = r->bounds->items;
    if (n > max) {
        json_where_error(&r->w, "%zu items, more than the limit of %zu (limits.items)", n, max);
        return NULL;
    }
    char *items = xcalloc(n, size);
    size_t base = r->w.path.len, i = 0;
    for (const cJSON *e = v->child; e; e = e->next, i++) {
        buf_addf(&r->w.path, "[%zu]", i);
        read_one(r, e, items + i * size);
        buf_truncate(&r->w.path, base);
    }
    *n_out = n;
    return items;
}

#define FIELDS(name) name, sizeof(name) / sizeof(name[0])

/* ---- actors ----------------------------------------------------------- */

static void actor_name(struct reader *r, const cJSON *v, void *p)
{
    ((struct actor *)p)->name = read_name(r, v);
}

static void actor_aliases(struct reader *r, const cJSON *v, void *p)
{
    struct actor *a = p;
    if (!cJSON_IsArray(v)) {
        json_where_error(&r->w, "expected an array of strings");
        return;
    }
    size_t n = (size_t)cJSON_GetArraySize(v), base = r->w.path.len;
    a->aliases = xcalloc(n, sizeof(*a->aliases));
    for (const cJSON *e = v->child; e; e = e->next) {
        buf_addf(&r->w.path, "[%zu]", a->n_aliases);
        char *alias = read_name(r, e);
        buf_truncate(&r->w.path, base);
        if (alias)
            a->aliases[a->n_aliases++] = alias;
    }
}

static void actor_type(struct reader *r, const cJSON *v, void *p)
{
    int t = read_word(r, v, &vocab_actor_type);
    ((struct actor *)p)->type = t < 0 ? ACTOR_TYPE_UNSET : (enum actor_type)t;
}

static void actor_role(struct reader *r, const cJSON *v, void *p)
{
    int t = read_word(r, v, &vocab_actor_role);
    ((struct actor *)p)->role = t < 0 ? ROLE_UNSET : (enum actor_role)t;
}

static void actor_optional(struct reader *r, const cJSON *v, void *p)
{
    ((struct actor *)p)->optional = read_bool(r, v);
}

static void item_evidence(struct reader *r, const cJSON *v, void *p)
{
    (void)p;
    check_evidence(r, v);
}

static const struct field actor_fields[] = {
    {"name", true, actor_name},          {"aliases", false, actor_aliases},
    {"type", false, actor_type},         {"role", false, actor_role},
    {"optional", false, actor_optional}, {"evidence", false, item_evidence},
};

static void read_actor(struct reader *r, const cJSON *v, void *p)
{
    read_object(r, v, FIELDS(actor_fields), p);
}

/* ---- counts ----------------------------------------------------------- */

static void count_what(struct reader *r, const cJSON *v, void *p)
{
    int k = read_word(r, v, &vocab_count_kind);
    ((struct count *)p)->what = k < 0 ? COUNT_OTHER : (enum count_kind)k;
}

static void count_value(struct reader *r, const cJSON *v, void *p)
{
    if (!json_is_count(v)) {
        if (cJSON_IsNumber(v) && v->valuedouble > 9007199254740992.0)
            json_where_error(&r->w, "expected a non-negative integer no larger than 2^53");
        else
            json_where_error(&r->w, "expected a non-negative integer");
        return;
    }
    ((struct count *)p)->value = (int64_t)v->valuedouble;
}

static void count_qualifier(struct reader *r, const cJSON *v, void *p)
{
    int q = read_word(r, v, &vocab_qualifier);
    ((struct count *)p)->qualifier = q < 0 ? QUAL_UNSET : (enum qualifier)q;
}

static void count_label(struct reader *r, const cJSON *v, void *p)
{
    ((struct count *)p)->label = read_string(r, v);
}

static void count_optional(struct reader *r, const cJSON *v, void *p)
{
    ((struct count *)p)->optional = read_bool(r, v);
}

static const struct field count_fields[] = {
    {"what", true, count_what},
    {"value", true, count_value},
    {"qualifier", false, count_qualifier},
    {"label", false, count_label},
    {"optional", false, count_optional},
    {"evidence", false, item_evidence},
};

static void read_count(struct reader *r, const cJSON *v, void *p)
{
    read_object(r, v, FIELDS(count_fields), p);
}

/* ---- dates ------------------------------------------------------------ */

static void date_what(struct reader *r, const cJSON *v, void *p)
{
    int k = read_word(r, v, &vocab_date_kind);
    ((struct date_item *)p)->what = k < 0 ? DATE_OTHER : (enum date_kind)k;
}

static void date_value(struct reader *r, const cJSON *v, void *p)
{
    if (!cJSON_IsString(v)) {
        json_where_error(&r->w, "expected a date string (YYYY, YYYY-MM or YYYY-MM-DD)");
        return;
    }
    if (!date_parse(v->valuestring, strlen(v->valuestring), &((struct date_item *)p)->value))
        json_where_error(&r->w, "'%s' is not a date that exists (YYYY, YYYY-MM or YYYY-MM-DD)",
                         v->valuestring);
}

static void date_label(struct reader *r, const cJSON *v, void *p)
{
    ((struct date_item *)p)->label = read_string(r, v);
}

static void date_optional(struct reader *r, const cJSON *v, void *p)
{
    ((struct date_item *)p)->optional = read_bool(r, v);
}

static const struct field date_fields[] = {
    {"what", true, date_what},          {"value", true, date_value},
    {"label", false, date_label},       {"optional", false, date_optional},
    {"evidence", false, item_evidence},
};

static void read_date(struct reader *r, const cJSON *v, void *p)
{
    read_object(r, v, FIELDS(date_fields), p);
}

/* ---- claims ----------------------------------------------------------- */

static void claim_claimant(struct reader *r, const cJSON *v, void *p)
{
    ((struct claim *)p)->claimant = read_name(r, v);
}

static void claim_kind(struct reader *r, const cJSON *v, void *p)
{
    int k = read_word(r, v, &vocab_claim_kind);
    ((struct claim *)p)->kind = k < 0 ? CLAIM_OTHER : (enum claim_kind)k;
}

static void claim_text(struct reader *r, const cJSON *v, void *p)
{
    ((struct claim *)p)->text = read_string(r, v);
}

static void claim_optional(struct reader *r, const cJSON *v, void *p)
{
    ((struct claim *)p)->optional = read_bool(r, v);
}

static const struct field claim_fields[] = {
    {"claimant", true, claim_claimant}, {"kind", true, claim_kind},
    {"text", true, claim_text},         {"optional", false, claim_optional},
    {"evidence", false, item_evidence},
};

static void read_claim(struct reader *r, const cJSON *v, void *p)
{
    read_object(r, v, FIELDS(claim_fields), p);
}

/* ---- the document ------------------------------------------------------ */

static void doc_article(struct reader *r, const cJSON *v, void *p)
{
    struct gold_doc *g = p;
    if (!cJSON_IsString(v)) {
        json_where_error(&r->w, "expected a string");
        return;
    }
    if (!article_id_valid(v->valuestring)) {
        json_where_error(&r->w, "'%s' is not a valid article id", v->valuestring);
        return;
    }
    if (r->src->expect_id && strcmp(v->valuestring, r->src->expect_id) != 0) {
        json_where_error(&r->w, "expected '%s' (the file's id), found '%s'", r->src->expect_id,
                         v->valuestring);
        return;
    }
    g->article = xstrdup(v->valuestring);
}

static void doc_actors(struct reader *r, const cJSON *v, void *p)
{
    struct gold_doc *g = p;
    g->actors = read_list(r, v, sizeof(*g->actors), &g->n_actors, read_actor);
}

static void doc_counts(struct reader *r, const cJSON *v, void *p)
{
    struct gold_doc *g = p;
    g->counts = read_list(r, v, sizeof(*g->counts), &g->n_counts, read_count);
}

static void doc_dates(struct reader *r, const cJSON *v, void *p)
{
    struct gold_doc *g = p;
    g->dates = read_list(r, v, sizeof(*g->dates), &g->n_dates, read_date);
}

static void doc_claims(struct reader *r, const cJSON *v, void *p)
{
    struct gold_doc *g = p;
    g->claims = read_list(r, v, sizeof(*g->claims), &g->n_claims, read_claim);
}

static const struct field doc_fields[] = {
    {"article", true, doc_article}, {"actors", false, doc_actors}, {"counts", false, doc_counts},
    {"dates", false, doc_dates},    {"claims", false, doc_claims},
};

/* Whether some actor of g is called `name` (after normalisation), by name or alias. */
static bool names_actor(const struct gold_doc *g, const char *name)
{
    char *want = name_normalize(name, strlen(name));
    bool found = false;
    for (size_t i = 0; i < g->n_actors && !found; i++) {
        const struct actor *a = &g->actors[i];
        for (size_t k = 0; k <= a->n_aliases && !found; k++) {
            const char *s = k == 0 ? a->name : a->aliases[k - 1];
            if (!s)
                continue;
            char *have = name_normalize(s, strlen(s));
            found = have && want && strcmp(have, want) == 0;
            free(have);
        }
    }
    free(want);
    return found;
}

static void check_claimants(struct reader *r, const struct gold_doc *g)
{
    for (size_t i = 0; i < g->n_claims; i++) {
        const char *c = g->claims[i].claimant;
        if (!c || names_actor(g, c))
            continue;
        buf_reset(&r->w.path);
        buf_addf(&r->w.path, "$.claims[%zu].claimant", i);
        json_where_error(&r->w, "'%s' is not the name or an alias of an actor in this file", c);
    }
}

fb_result gold_parse(const char *json, size_t len, enum gold_mode mode,
                     const struct gold_source *src, struct gold_doc **out, struct diag *d)
{
    return gold_parse_within(NULL, json, len, mode, src, out, d);
}

fb_result gold_parse_within(const struct bounds *b, const char *json, size_t len,
                            enum gold_mode mode, const struct gold_source *src,
                            struct gold_doc **out, struct diag *d)
{
    *out = NULL;
    cJSON *root = json_parse(json, len, src->name, 1, bounds_or_defaults(b)->depth, d);
    if (!root)
        return FB_EINPUT;
    fb_result rc = gold_from_json(b, root, mode, src, out, d);
    cJSON_Delete(root);
    return rc;
}

fb_result gold_from_json(const struct bounds *b, const struct cJSON *root, enum gold_mode mode,
                         const struct gold_source *src, struct gold_doc **out, struct diag *d)
{
    *out = NULL;
    b = bounds_or_defaults(b);
    struct reader r = {mode, src, b, {0}};
    json_where_init(&r.w, src->name, d);
    struct gold_doc *g = xcalloc(1, sizeof(*g));
    read_object(&r, root, FIELDS(doc_fields), g);
    if (mode == GOLD_REFERENCE)
        check_claimants(&r, g);
    json_where_release(&r.w);
    if (r.w.failed) {
        gold_free(g);
        return FB_EINPUT;
    }
    *out = g;
    return FB_OK;
}

/* Reads and parses the file src->name; when absent_ok, FB_END for a file that does not exist. */
static fb_result load(const struct bounds *b, enum gold_mode mode, const struct gold_source *src,
                      bool absent_ok, struct gold_doc **out, struct diag *d)
{
    struct buf text = BUF_INIT;
    *out = NULL;
    fb_result rc = absent_ok ? fileio_read_present(src->name, SIZE_MAX - 1, "", &text, d)
                             : fileio_read(src->name, &text, d);
    if (rc == FB_OK)
        rc = gold_parse_within(b, text.data, text.len, mode, src, out, d);
    buf_release(&text);
    return rc;
}

fb_result gold_load_article(const struct bounds *b, const char *gold_dir, const struct article *a,
                            struct gold_doc **out, struct diag *d)
{
    struct buf path = BUF_INIT;
    buf_addf(&path, "%s/%s.json", gold_dir, a->id);
    struct gold_source src = {path.data, a->id, a->text, a->text_len};
    fb_result rc = load(b, GOLD_REFERENCE, &src, true, out, d);
    buf_release(&path);
    return rc;
}

fb_result gold_load_within(const struct bounds *b, enum gold_mode mode,
                           const struct gold_source *src, struct gold_doc **out, struct diag *d)
{
    return load(b, mode, src, false, out, d);
}

void gold_free(struct gold_doc *g)
{
    if (!g)
        return;
    for (size_t i = 0; i < g->n_actors; i++) {
        free(g->actors[i].name);
        for (size_t k = 0; k < g->actors[i].n_aliases; k++)
            free(g->actors[i].aliases[k]);
        free(g->actors[i].aliases);
    }
    for (size_t i = 0; i < g->n_counts; i++)
        free(g->counts[i].label);
    for (size_t i = 0; i < g->n_dates; i++)
        free(g->dates[i].label);
    for (size_t i = 0; i < g->n_claims; i++) {
        free(g->claims[i].claimant);
        free(g->claims[i].text);
    }
    free(g->actors);
    free(g->counts);
    free(g->dates);
    free(g->claims);
    free(g->article);
    free(g);
}

/* ---- writing ---------------------------------------------------------- */

static void add_optional(cJSON *o, bool optional)
{
    if (optional)
        cJSON_AddTrueToObject(o, "optional");
}

static cJSON *actor_to_json(const struct actor *a)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "name", a->name);
    if (a->n_aliases) {
        cJSON *aliases = cJSON_AddArrayToObject(o, "aliases");
        for (size_t k = 0; k < a->n_aliases; k++)
            cJSON_AddItemToArray(aliases, cJSON_CreateString(a->aliases[k])); /* takes it */
    }
    if (a->type != ACTOR_TYPE_UNSET)
        cJSON_AddStringToObject(o, "type", vocab_name(&vocab_actor_type, (int)a->type));
    if (a->role != ROLE_UNSET)
        cJSON_AddStringToObject(o, "role", vocab_name(&vocab_actor_role, (int)a->role));
    add_optional(o, a->optional);
    return o;
}

static cJSON *count_to_json(const struct count *c)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "what", vocab_name(&vocab_count_kind, (int)c->what));
    cJSON_AddNumberToObject(o, "value", (double)c->value);
    if (c->qualifier != QUAL_UNSET)
        cJSON_AddStringToObject(o, "qualifier", vocab_name(&vocab_qualifier, (int)c->qualifier));
    if (c->label)
        cJSON_AddStringToObject(o, "label", c->label);
    add_optional(o, c->optional);
    return o;
}

static cJSON *date_to_json(const struct date_item *d)
{
    char value[DATE_STRLEN];
    date_format(d->value, value);
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "what", vocab_name(&vocab_date_kind, (int)d->what));
    cJSON_AddStringToObject(o, "value", value);
    if (d->label)
        cJSON_AddStringToObject(o, "label", d->label);
    add_optional(o, d->optional);
    return o;
}

static cJSON *claim_to_json(const struct claim *c)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "claimant", c->claimant);
    cJSON_AddStringToObject(o, "kind", vocab_name(&vocab_claim_kind, (int)c->kind));
    cJSON_AddStringToObject(o, "text", c->text);
    add_optional(o, c->optional);
    return o;
}

cJSON *gold_item_to_json(const struct gold_doc *g, enum category c, size_t i)
{
    switch (c) {
    case CAT_ACTORS:
        return actor_to_json(&g->actors[i]);
    case CAT_COUNTS:
        return count_to_json(&g->counts[i]);
    case CAT_DATES:
        return date_to_json(&g->dates[i]);
    default:
        return claim_to_json(&g->claims[i]);
    }
}

cJSON *gold_to_json(const struct gold_doc *g)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "article", g->article);
    for (int c = 0; c < N_CATEGORIES; c++) {
        cJSON *list = cJSON_AddArrayToObject(o, category_names[c]);
        for (size_t i = 0; i < gold_n_items(g, (enum category)c); i++)
            cJSON_AddItemToArray(list, gold_item_to_json(g, (enum category)c, i)); /* takes it */
    }
    return o;
}

size_t gold_n_items(const struct gold_doc *g, enum category c)
{
    const size_t sizes[N_CATEGORIES] = {g->n_actors, g->n_counts, g->n_dates, g->n_claims};
    return sizes[c];
}

bool gold_item_optional(const struct gold_doc *g, enum category c, size_t i)
{
    switch (c) {
    case CAT_ACTORS:
        return g->actors[i].optional;
    case CAT_COUNTS:
        return g->counts[i].optional;
    case CAT_DATES:
        return g->dates[i].optional;
    default:
        return g->claims[i].optional;
    }
}
