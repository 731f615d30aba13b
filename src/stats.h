/*
 * stats.h - confidence intervals and significance tests over articles.
 *
 * Both work on per-article counts only: n articles, each with k metric sets
 * (struct prf), article-major (set j of article i is row i * k + j), read
 * from a stats_source. One pass serves every metric set at once, drawing
 * the same random resamples or shuffles for all of them. Only a set's TP
 * and FP + FN matter to its F1 (2TP / (2TP + FP + FN)), so those two
 * numbers are what the loops add up.
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
/* A uniform double in [0, 1), from the top 53 bits of a draw. */
double rng_uniform(struct rng *r);

/*
 * Per-article counts, read in order a chunk at a time, so that statistics
 * over any number of articles take flat memory: read() stores the next
 * articles (at most max, k sets each, article-major) in rows and returns
 * how many it stored, 0 at the end. n is how many articles it holds in all.
 */
struct stats_source {
    size_t n, k;
    size_t (*read)(void *ctx, struct prf *rows, size_t max);
    void *ctx;
};

/* A source over an array in memory of n articles with k sets each; `at` is its state. */
struct stats_array {
    const struct prf *counts;
    size_t k, at, n;
};
struct stats_source stats_array_source(struct stats_array *a, const struct prf *counts, size_t n,
                                       size_t k);

/*
 * Percentile bootstrap of micro F1: draws `resamples` samples of n articles
 * with replacement, computes each metric set's micro F1 on each, and stores
 * the nearest-rank 2.5th and 97.5th percentiles (the ceil(0.025 B)-th and
 * ceil(0.975 B)-th smallest of B values) in ci[j][0] and ci[j][1]. With no
 * article or no resample, both ends are the F1 of the whole set.
 *
 * Reads the source once: each resample's n draws are first counted per
 * chunk of articles, then drawn within each chunk as it is read (the same
 * multinomial distribution as n draws over all articles). Memory: the
 * chunk, and per resample its sums and its counts per chunk.
 */
void stats_bootstrap_f1(const struct stats_source *src, unsigned resamples, uint64_t seed,
                        double (*ci)[2]);

/*
 * Paired approximate randomisation test of the micro-F1 difference between
 * systems a and b on the same articles (a->n == b->n, a->k == b->k): in each
 * of `shuffles` rounds, every article's counts are swapped between the
 * systems with probability 1/2; r counts the rounds whose |F1(a') - F1(b')|
 * reaches the observed |F1(a) - F1(b)|. Stores F1(a) - F1(b) in delta[j]
 * and the two-sided p = (r + 1) / (shuffles + 1) in p[j].
 *
 * Reads both sources once, 64 articles at a time; per round it keeps only
 * the sums of what the swaps moved, and it adds the swaps of eight articles
 * with one look-up in a table of all their 256 subsets.
 */
void stats_permutation_test(const struct stats_source *a, const struct stats_source *b,
                            unsigned shuffles, uint64_t seed, double *delta, double *p);

#endif
