/*
 * gold.h - gold annotations and predictions: the data model and its reader.
 *
 * Gold files and predictions share one shape (SPEC section 3, docs/FORMAT.md):
 * an article id and four lists of items: actors, counts, dates, claims. The
 * reader checks every rule of the format and reports every problem it finds,
 * each naming the file and the JSON path ("gold/x.json: $.counts[2].value:
 * expected a non-negative integer").
 *
 * Gold is read strictly: unknown fields are errors, evidence must occur in
 * the article, each claimant must name an actor of the file. Predictions are
 * read leniently where the SPEC says so: unknown fields are ignored, and
 * `optional` and `evidence` mean nothing.
 */
#ifndef FB_GOLD_H
#define FB_GOLD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "bounds.h"
#include "date.h"
#include "diag.h"
#include "result.h"
#include "vocab.h"

/* The four kinds of item, in the order reports list them. */
enum category { CAT_ACTORS, CAT_COUNTS, CAT_DATES, CAT_CLAIMS, N_CATEGORIES };

/* "actors", "counts", "dates", "claims". */
extern const char *const category_names[N_CATEGORIES];

struct actor {
    char *name;
    char **aliases;
    size_t n_aliases;
    enum actor_type type; /* ACTOR_TYPE_UNSET when not given */
    enum actor_role role; /* ROLE_UNSET when not given */
    bool optional;
};

struct count {
    enum count_kind what;
    int64_t value;
    enum qualifier qualifier; /* QUAL_UNSET when not given */
    char *label;              /* or NULL */
    bool optional;
};

struct date_item {
    enum date_kind what;
    struct fb_date value;
    char *label; /* or NULL */
    bool optional;
};

struct claim {
    char *claimant;
    enum claim_kind kind;
    char *text;
    bool optional;
};

struct gold_doc {
    char *article;
    struct actor *actors;
    size_t n_actors;
    struct count *counts;
    size_t n_counts;
    struct date_item *dates;
    size_t n_dates;
    struct claim *claims;
    size_t n_claims;
};

enum gold_mode { GOLD_REFERENCE, GOLD_PREDICTION };

/* What a file is checked against. */
struct gold_source {
    const char *name;      /* the file, as named in messages */
    const char *expect_id; /* the id `article` must equal, or NULL */
    const char *text;      /* the article text, for evidence checks, or NULL */
    size_t text_len;
};

/*
 * Reads one gold file or prediction from json[0..len). On success stores a
 * new document in *out (free it with gold_free()) and returns FB_OK. When
 * the input breaks any rule, or goes over the default limits (bounds.h:
 * nesting, items per category), reports every problem to d, stores NULL
 * and returns FB_EINPUT.
 */
fb_result gold_parse(const char *json, size_t len, enum gold_mode mode,
                     const struct gold_source *src, struct gold_doc **out, struct diag *d);

/*
 * Like gold_parse_within() on a tree already parsed (by json_parse(), so
 * that its syntax and depth were checked); root stays the caller's.
 */
struct cJSON;
fb_result gold_from_json(const struct bounds *b, const struct cJSON *root, enum gold_mode mode,
                         const struct gold_source *src, struct gold_doc **out, struct diag *d);

/* Like gold_parse() within the limits b ("$.actors: 1200 items, more than the limit of 1000"). */
fb_result gold_parse_within(const struct bounds *b, const char *json, size_t len,
                            enum gold_mode mode, const struct gold_source *src,
                            struct gold_doc **out, struct diag *d);

/*
 * Reads <gold_dir>/<id>.json as the gold of article a (its evidence checked
 * against the article's text) within the limits b (NULL: the defaults).
 * Returns FB_END, reporting nothing, when the article has no gold file;
 * otherwise as gold_load_within().
 */
struct article;
fb_result gold_load_article(const struct bounds *b, const char *gold_dir, const struct article *a,
                            struct gold_doc **out, struct diag *d);

/* Like gold_parse_within() on the contents of src->name. */
fb_result gold_load_within(const struct bounds *b, enum gold_mode mode,
                           const struct gold_source *src, struct gold_doc **out, struct diag *d);

void gold_free(struct gold_doc *g);

/* The number of items of a category, and whether item i of it is optional. */
size_t gold_n_items(const struct gold_doc *g, enum category c);
bool gold_item_optional(const struct gold_doc *g, enum category c, size_t i);

/*
 * The JSON form of one item and of a whole document, in the file format
 * with canonical vocabulary words. The caller owns the returned tree
 * (cJSON_Delete()).
 */
struct cJSON *gold_item_to_json(const struct gold_doc *g, enum category c, size_t i);
struct cJSON *gold_to_json(const struct gold_doc *g);

#endif
