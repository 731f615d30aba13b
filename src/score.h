/*
 * score.h - scoring one article: optimal alignment and its counts.
 *
 * Per category and mode, predictions are paired one to one with gold items
 * so that, in order of priority, (1) the number of matching pairs is
 * largest, (2) as many of them as possible pair a required gold item,
 * (3) as many as possible match exactly (strictly), and (4) the sum of
 * similarities is largest (assign.h; never greedy). Items are put in an
 * order of their content first, so the order of items in a file never
 * changes any result. TP = pairs, FP = unpaired predictions, FN = unpaired
 * required gold items.
 */
#ifndef FB_SCORE_H
#define FB_SCORE_H

#include <stdbool.h>

#include "buf.h"
#include "match.h"
#include "metrics.h"

/* Scores are kept per category and overall (all four categories together). */
#define SCORE_OVERALL N_CATEGORIES
#define N_SCORES      (N_CATEGORIES + 1)

/* "actors" ... "claims", "overall". */
extern const char *const score_names[N_SCORES];

/* Most items per category that an article may have on either side. */
#define SCORE_MAX_ITEMS 1000

/* What the lenient alignment of one category found, as IE evaluations report it. */
struct breakdown {
    long correct;                                           /* pairs that also match strictly */
    long partial;                                           /* pairs that match only leniently */
    long missing;                                           /* required gold items left unpaired */
    long spurious;                                          /* predictions left unpaired */
    long agree[MATCH_MAX_ATTRS], compared[MATCH_MAX_ATTRS]; /* attribute accuracy on pairs */
};

struct article_score {
    struct prf counts[N_MODES][N_CATEGORIES];
    struct breakdown breakdown[N_CATEGORIES];
};

struct cJSON;

/*
 * Scores a prediction against gold. When errors is not NULL, adds to it,
 * per category with anything to show, the lenient alignment's "missing"
 * and "spurious" items and its "partial" pairs with what differed.
 * Returns false (and writes the reason) when a side has more than
 * SCORE_MAX_ITEMS items in a category; then nothing is scored.
 */
bool score_article(const struct match_config *cfg, const struct match_doc *gold,
                   const struct match_doc *pred, struct article_score *out, struct cJSON *errors,
                   struct buf *reason);

/*
 * The pairs of one category's alignment in one mode, as indices into the
 * documents' item lists: gold_idx[k] pairs with pred_idx[k]. Both arrays
 * need room for min(gold items, predicted items). Returns the number of
 * pairs. The caller has checked SCORE_MAX_ITEMS.
 */
size_t score_pairs(const struct match_config *cfg, const struct match_doc *gold,
                   const struct match_doc *pred, enum category c, enum mode mode, size_t *gold_idx,
                   size_t *pred_idx);

/* The score of an article whose prediction failed: every required gold item is missed. */
void score_failed(const struct gold_doc *gold, struct article_score *out);

#endif
