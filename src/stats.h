/*
 * stats.h - confidence intervals and significance tests over articles.
 *
 * Both work on per-article counts only: an array of n articles, each with k
 * metric sets (struct prf), article-major (counts[i * k + j] is set j of
 * article i). One pass serves every metric set at once, drawing the same
 * random resamples or shuffles for all of them.
 *
 * Randomness is xoshiro256** seeded through splitmix64, both specified by
 * their authors bit for bit, so a seed gives the same numbers everywhere.
 */
#ifndef FB_STATS_H
#define FB_STATS_H

#include <stddef.h>
#include <stdint.h>

#include "metrics.h"

struct rng {
    uint64_t s[4];
};

void rng_seed(struct rng *r, uint64_t seed);
uint64_t rng_next(struct rng *r);
/* A uniform integer in [0, n), without modulo bias; n > 0. */
uint64_t rng_below(struct rng *r, uint64_t n);

/*
 * Percentile bootstrap of micro F1: draws `resamples` samples of n articles
 * with replacement, computes each metric set's micro F1 on each, and stores
 * the nearest-rank 2.5th and 97.5th percentiles (the ceil(0.025 B)-th and
 * ceil(0.975 B)-th smallest of B values) in ci[j][0] and ci[j][1]. With no
 * article or no resample, both ends are the F1 of the whole set.
 */
void stats_bootstrap_f1(const struct prf *counts, size_t n, size_t k, unsigned resamples,
                        uint64_t seed, double (*ci)[2]);

/*
 * Paired approximate randomisation test of the micro-F1 difference between
 * systems a and b on the same n articles: in each of `shuffles` rounds,
 * every article's counts are swapped between the systems with probability
 * 1/2; r counts the rounds whose |F1(a') - F1(b')| reaches the observed
 * |F1(a) - F1(b)|. Stores F1(a) - F1(b) in delta[j] and the two-sided
 * p = (r + 1) / (shuffles + 1) in p[j].
 */
void stats_permutation_test(const struct prf *a, const struct prf *b, size_t n, size_t k,
                            unsigned shuffles, uint64_t seed, double *delta, double *p);

#endif
