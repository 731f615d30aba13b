/*
 * match.h - when a predicted item matches a gold item (SPEC section 4).
 *
 * One matcher per category, behind one const ops struct. A matcher compares
 * a gold item with a predicted item once and answers for both modes: whether
 * they match strictly, leniently, and how similar they are (for choosing
 * among equal alignments). Documents are first prepared (match_prepare()):
 * names normalised and claim texts tokenised once, not once per pair.
 */
#ifndef FB_MATCH_H
#define FB_MATCH_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "gold.h"
#include "textsim.h"

enum mode { MODE_STRICT, MODE_LENIENT, N_MODES };

/* "strict", "lenient". */
extern const char *const mode_names[N_MODES];

/* The thresholds and tolerances of matching (docs/SCORING.md). */
struct match_config {
    double claim_strict;    /* text similarity a strict claim match needs (0.8) */
    double claim_lenient;   /* ... and a lenient one (0.5) */
    double count_tolerance; /* lenient counts: |value - gold| <= floor(tol * gold) (0.1) */
};

extern const struct match_config match_defaults;

/* A name in normal form and its tokens. */
struct norm_name {
    char *text;
    size_t n_tokens;
};

/* A set of names one item answers to: an actor's name and aliases. */
struct name_set {
    struct norm_name *names;
    size_t n;
};

/* A document prepared for matching. */
struct match_doc {
    const struct gold_doc *doc;      /* not owned */
    struct name_set *actor_names;    /* per actor */
    struct name_set *claimant_names; /* per claim: the claimant, with its actor's aliases in gold */
    struct tokens *claim_tokens;     /* per claim */
};

/*
 * Prepares doc for matching; doc must outlive the result. In gold
 * (is_gold), a claimant that names an actor answers to all of that actor's
 * names. Free with match_doc_free().
 */
struct match_doc *match_prepare(const struct gold_doc *doc, bool is_gold);
void match_doc_free(struct match_doc *m);

/* How one predicted item compares with one gold item. */
struct match_result {
    bool strict;
    bool lenient;      /* always true when strict is */
    double similarity; /* in [0, 1], for choosing among equal alignments */
};

/* At most two attributes per category are checked on matched pairs. */
#define MATCH_MAX_ATTRS 2

struct matcher {
    enum category category;
    /* the attributes compared on matched pairs, e.g. "type", "role" */
    const char *attr_names[MATCH_MAX_ATTRS];
    void (*compare)(const struct match_config *cfg, const struct match_doc *gold, size_t gi,
                    const struct match_doc *pred, size_t pi, struct match_result *out);
    /* For each attribute: adds 1 to compared[k] when both items give it, and
     * 1 to agree[k] when they also agree. */
    void (*attributes)(const struct match_doc *gold, size_t gi, const struct match_doc *pred,
                       size_t pi, long agree[MATCH_MAX_ATTRS], long compared[MATCH_MAX_ATTRS]);
    /* Appends to out what differs between a leniently matched pair, e.g.
     * "value 27, gold 29" ("" when nothing does). */
    void (*differences)(const struct match_config *cfg, const struct match_doc *gold, size_t gi,
                        const struct match_doc *pred, size_t pi, struct buf *out);
    /* A total order on the items of one document, by content, so that the
     * order of items in a file never changes an alignment. */
    int (*order)(const struct match_doc *m, size_t i, size_t j);
};

extern const struct matcher *const matchers[N_CATEGORIES];

#endif
