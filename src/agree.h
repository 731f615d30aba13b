/*
 * agree.h - inter-annotator agreement between two sets of gold files.
 *
 * Set B is scored against set A as the reference with the scoring engine,
 * on the articles both annotated: per category F1 in both modes (swap the
 * sets to swap P and R). On the lenient pairs, the agreement on categorical
 * attributes is also given as Cohen's kappa, where it is defined (at least
 * one pair, and chance agreement below 1).
 */
#ifndef FB_AGREE_H
#define FB_AGREE_H

#include <stdio.h>

#include "config.h"
#include "diag.h"
#include "eval.h"
#include "result.h"

/* The attributes kappa is computed for. */
enum { AGREE_TYPE, AGREE_ROLE, AGREE_DATE_KIND, AGREE_CLAIM_KIND, AGREE_QUALIFIER, N_AGREE };

#define AGREE_MAX_LABELS 32

struct kappa {
    long n;                                         /* pairs where both sides give it */
    long table[AGREE_MAX_LABELS][AGREE_MAX_LABELS]; /* [label in A][label in B] */
};

struct agreement {
    size_t articles;       /* annotated in both sets */
    size_t only_a, only_b; /* annotated in one set only (not compared) */
    struct prf counts[N_MODES][N_SCORES];
    struct kappa kappa[N_AGREE];
};

/* "actors.type", "actors.role", "dates.what", "claims.kind", "counts.qualifier". */
extern const char *const agree_names[N_AGREE];

/*
 * Compares the gold files of dir_b with those of the same names in dir_a.
 * Both sets are read as gold, every rule checked. Returns FB_EINPUT (all
 * problems reported) when a file is invalid or no article is in both.
 */
fb_result agree_run(const struct config *cfg, const char *dir_a, const char *dir_b,
                    struct agreement *out, struct diag *d);

/* Cohen's kappa of a table; false when it is not defined. */
bool agree_kappa(const struct kappa *k, double *observed, double *expected, double *kappa);

/* Prints the agreement as Markdown tables. */
void agree_print(const struct agreement *a, const char *dir_a, const char *dir_b, FILE *out);

#endif
