#include "score.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "assign.h"
#include "xalloc.h"

const char *const score_names[N_SCORES] = {"actors", "counts", "dates", "claims", "overall"};

/* ---- the order of items by content -------------------------------------- */

typedef int (*order_fn)(const struct match_doc *m, size_t i, size_t j);

/* Sorts idx[0..n) by cmp with a stable merge sort (tmp has room for n). */
static void sort_indices(size_t *idx, size_t *tmp, size_t n, order_fn cmp,
                         const struct match_doc *m)
{
    if (n < 2)
        return;
    size_t half = n / 2;
    sort_indices(idx, tmp, half, cmp, m);
    sort_indices(idx + half, tmp, n - half, cmp, m);
    size_t i = 0, j = half, k = 0;
    while (i < half && j < n)
        tmp[k++] = cmp(m, idx[j], idx[i]) < 0 ? idx[j++] : idx[i++];
    while (i < half)
        tmp[k++] = idx[i++];
    while (j < n)
        tmp[k++] = idx[j++];
    memcpy(idx, tmp, n * sizeof(*idx));
}

static size_t *ordered(const struct matcher *mt, const struct match_doc *m, size_t n)
{
    size_t *idx = xcalloc(n, sizeof(*idx)), *tmp = xcalloc(n, sizeof(*tmp));
    for (size_t i = 0; i < n; i++)
        idx[i] = i;
    sort_indices(idx, tmp, n, mt->order, m);
    free(tmp);
    return idx;
}

/* ---- one category ------------------------------------------------------- */

/* Everything about one category of one article while it is being aligned. */
struct category_run {
    const struct matcher *mt;
    const struct match_doc *gold, *pred;
    size_t ng, np;
    size_t *gi, *pi;            /* items in content order */
    struct match_result *pairs; /* ng x np, in content order */
    long *match[N_MODES];       /* per gold row: the paired prediction column, or -1 */
};

static bool required(const struct category_run *r, size_t row)
{
    return !gold_item_optional(r->gold->doc, r->mt->category, r->gi[row]);
}

/*
 * The weight of a pair packs the four priorities of score.h into one
 * integer: each level is worth more than all the levels below it summed
 * over every possible pair.
 */
static void align(struct category_run *r, enum mode mode)
{
    size_t n = (r->ng > r->np ? r->ng : r->np) + 1;
    const int64_t quantum = 10001; /* similarity in steps of 1/10000 */
    const int64_t exact = quantum * (int64_t)n;
    const int64_t req = (exact + quantum) * (int64_t)n;
    const int64_t pair = (req + exact + quantum) * (int64_t)n;
    int64_t *w = xcalloc(r->ng * r->np, sizeof(*w));
    for (size_t g = 0; g < r->ng; g++) {
        for (size_t p = 0; p < r->np; p++) {
            const struct match_result *m = &r->pairs[g * r->np + p];
            if (!(mode == MODE_STRICT ? m->strict : m->lenient))
                continue;
            w[g * r->np + p] = pair + (required(r, g) ? req : 0) + (m->strict ? exact : 0) +
                               (int64_t)floor(m->similarity * 10000.0);
        }
    }
    r->match[mode] = xcalloc(r->ng, sizeof(long));
    assign_max(w, r->ng, r->np, r->match[mode]);
    free(w);
}

static struct prf count_mode(const struct category_run *r, enum mode mode)
{
    struct prf c = {0, 0, 0};
    for (size_t g = 0; g < r->ng; g++) {
        if (r->match[mode][g] >= 0)
            c.tp++;
        else if (required(r, g))
            c.fn++;
    }
    c.fp = (int64_t)r->np - c.tp;
    return c;
}

static void tally(const struct category_run *r, struct breakdown *b)
{
    bool *paired = xcalloc(r->np + 1, sizeof(*paired));
    memset(b, 0, sizeof(*b));
    for (size_t g = 0; g < r->ng; g++) {
        long p = r->match[MODE_LENIENT][g];
        if (p < 0) {
            b->missing += required(r, g);
            continue;
        }
        paired[p] = true;
        if (r->pairs[g * r->np + (size_t)p].strict)
            b->correct++;
        else
            b->partial++;
        r->mt->attributes(r->gold, r->gi[g], r->pred, r->pi[p], b->agree, b->compared);
    }
    for (size_t p = 0; p < r->np; p++)
        b->spurious += !paired[p];
    free(paired);
}

/* Adds the lenient alignment's errors of this category to `errors`. */
static void list_errors(const struct match_config *cfg, const struct category_run *r, cJSON *errors)
{
    cJSON *missing = cJSON_CreateArray(), *spurious = cJSON_CreateArray();
    cJSON *partial = cJSON_CreateArray();
    bool *paired = xcalloc(r->np + 1, sizeof(*paired));
    struct buf why = BUF_INIT;
    enum category cat = r->mt->category;
    for (size_t g = 0; g < r->ng; g++) {
        long p = r->match[MODE_LENIENT][g];
        if (p < 0) {
            if (required(r, g)) /* takes the item */
                cJSON_AddItemToArray(missing, gold_item_to_json(r->gold->doc, cat, r->gi[g]));
            continue;
        }
        paired[p] = true;
        if (r->pairs[g * r->np + (size_t)p].strict)
            continue;
        cJSON *pp = cJSON_CreateObject();
        cJSON_AddItemToObject(pp, "gold", gold_item_to_json(r->gold->doc, cat, r->gi[g]));
        cJSON_AddItemToObject(pp, "predicted", gold_item_to_json(r->pred->doc, cat, r->pi[p]));
        buf_reset(&why);
        r->mt->differences(cfg, r->gold, r->gi[g], r->pred, r->pi[p], &why);
        cJSON_AddStringToObject(pp, "differs", why.data);
        cJSON_AddItemToArray(partial, pp);
    }
    for (size_t p = 0; p < r->np; p++)
        if (!paired[p])
            cJSON_AddItemToArray(spurious, gold_item_to_json(r->pred->doc, cat, r->pi[p]));
    buf_release(&why);
    free(paired);
    if (!cJSON_GetArraySize(missing) && !cJSON_GetArraySize(spurious) &&
        !cJSON_GetArraySize(partial)) {
        cJSON_Delete(missing);
        cJSON_Delete(spurious);
        cJSON_Delete(partial);
        return;
    }
    cJSON *o = cJSON_AddObjectToObject(errors, category_names[cat]);
    cJSON_AddItemToObject(o, "missing", missing); /* each takes its array */
    cJSON_AddItemToObject(o, "spurious", spurious);
    cJSON_AddItemToObject(o, "partial", partial);
}

/* Compares every pair of one category and aligns them in both modes. */
static void run_init(struct category_run *r, const struct match_config *cfg,
                     const struct matcher *mt, const struct match_doc *gold,
                     const struct match_doc *pred)
{
    memset(r, 0, sizeof(*r));
    r->mt = mt;
    r->gold = gold;
    r->pred = pred;
    r->ng = gold_n_items(gold->doc, mt->category);
    r->np = gold_n_items(pred->doc, mt->category);
    r->gi = ordered(mt, gold, r->ng);
    r->pi = ordered(mt, pred, r->np);
    r->pairs = xcalloc(r->ng * r->np + 1, sizeof(*r->pairs));
    for (size_t g = 0; g < r->ng; g++)
        for (size_t p = 0; p < r->np; p++)
            mt->compare(cfg, gold, r->gi[g], pred, r->pi[p], &r->pairs[g * r->np + p]);
    for (int mode = 0; mode < N_MODES; mode++)
        align(r, (enum mode)mode);
}

static void run_release(struct category_run *r)
{
    for (int mode = 0; mode < N_MODES; mode++)
        free(r->match[mode]);
    free(r->pairs);
    free(r->gi);
    free(r->pi);
}

static void score_category(const struct match_config *cfg, const struct matcher *mt,
                           const struct match_doc *gold, const struct match_doc *pred,
                           struct article_score *out, cJSON *errors)
{
    struct category_run r;
    run_init(&r, cfg, mt, gold, pred);
    for (int mode = 0; mode < N_MODES; mode++)
        out->counts[mode][mt->category] = count_mode(&r, (enum mode)mode);
    tally(&r, &out->breakdown[mt->category]);
    if (errors)
        list_errors(cfg, &r, errors);
    run_release(&r);
}

size_t score_pairs(const struct match_config *cfg, const struct match_doc *gold,
                   const struct match_doc *pred, enum category c, enum mode mode, size_t *gold_idx,
                   size_t *pred_idx)
{
    struct category_run r;
    run_init(&r, cfg, matchers[c], gold, pred);
    size_t n = 0;
    for (size_t g = 0; g < r.ng; g++) {
        long p = r.match[mode][g];
        if (p < 0)
            continue;
        gold_idx[n] = r.gi[g];
        pred_idx[n] = r.pi[p];
        n++;
    }
    run_release(&r);
    return n;
}

bool score_article(const struct match_config *cfg, const struct match_doc *gold,
                   const struct match_doc *pred, struct article_score *out, cJSON *errors,
                   struct buf *reason)
{
    memset(out, 0, sizeof(*out));
    for (int c = 0; c < N_CATEGORIES; c++) {
        size_t ng = gold_n_items(gold->doc, (enum category)c);
        size_t np = gold_n_items(pred->doc, (enum category)c);
        if (ng > SCORE_MAX_ITEMS || np > SCORE_MAX_ITEMS) {
            buf_addf(reason, "too many %s (%zu; at most %d)", category_names[c], ng > np ? ng : np,
                     SCORE_MAX_ITEMS);
            return false;
        }
    }
    for (int c = 0; c < N_CATEGORIES; c++)
        score_category(cfg, matchers[c], gold, pred, out, errors);
    return true;
}

void score_failed(const struct gold_doc *gold, struct article_score *out)
{
    memset(out, 0, sizeof(*out));
    for (int c = 0; c < N_CATEGORIES; c++) {
        long missed = 0;
        for (size_t i = 0; i < gold_n_items(gold, (enum category)c); i++)
            missed += !gold_item_optional(gold, (enum category)c, i);
        for (int mode = 0; mode < N_MODES; mode++)
            out->counts[mode][c].fn = missed;
        out->breakdown[c].missing = missed;
    }
}
