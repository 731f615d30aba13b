#include "stats.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

/* ---- random numbers ----------------------------------------------------- */

static uint64_t splitmix64(uint64_t *x)
{
    uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

void rng_seed(struct rng *r, uint64_t seed)
{
    for (int i = 0; i < 4; i++)
        r->s[i] = splitmix64(&seed);
}

static uint64_t rotl(uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}

uint64_t rng_next(struct rng *r)
{
    uint64_t *s = r->s;
    uint64_t result = rotl(s[1] * 5, 7) * 9;
    uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return result;
}

uint64_t rng_below(struct rng *r, uint64_t n)
{
    uint64_t limit = UINT64_MAX - UINT64_MAX % n; /* a multiple of n */
    uint64_t x;
    do
        x = rng_next(r);
    while (x >= limit);
    return x % n;
}

/* ---- bootstrap ---------------------------------------------------------- */

static int compare_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

void stats_bootstrap_f1(const struct prf *counts, size_t n, size_t k, unsigned resamples,
                        uint64_t seed, double (*ci)[2])
{
    struct prf *sum = xcalloc(k, sizeof(*sum));
    if (!n || !resamples) {
        for (size_t i = 0; i < n; i++)
            for (size_t j = 0; j < k; j++)
                prf_add(&sum[j], counts[i * k + j]);
        for (size_t j = 0; j < k; j++)
            ci[j][0] = ci[j][1] = prf_f1(sum[j]);
        free(sum);
        return;
    }
    double *f1 = xcalloc((size_t)resamples * k, sizeof(*f1)); /* metric-major */
    struct rng r;
    rng_seed(&r, seed);
    for (unsigned b = 0; b < resamples; b++) {
        memset(sum, 0, k * sizeof(*sum));
        for (size_t i = 0; i < n; i++) {
            const struct prf *row = &counts[rng_below(&r, n) * k];
            for (size_t j = 0; j < k; j++)
                prf_add(&sum[j], row[j]);
        }
        for (size_t j = 0; j < k; j++)
            f1[j * resamples + b] = prf_f1(sum[j]);
    }
    size_t lo = (size_t)ceil(0.025 * resamples), hi = (size_t)ceil(0.975 * resamples);
    if (lo < 1)
        lo = 1;
    for (size_t j = 0; j < k; j++) {
        double *v = &f1[j * resamples];
        qsort(v, resamples, sizeof(*v), compare_double);
        ci[j][0] = v[lo - 1];
        ci[j][1] = v[hi - 1];
    }
    free(f1);
    free(sum);
}

/* ---- approximate randomisation ----------------------------------------- */

void stats_permutation_test(const struct prf *a, const struct prf *b, size_t n, size_t k,
                            unsigned shuffles, uint64_t seed, double *delta, double *p)
{
    struct prf *sa = xcalloc(k, sizeof(*sa)), *sb = xcalloc(k, sizeof(*sb));
    double *observed = xcalloc(k, sizeof(*observed));
    unsigned long *reached = xcalloc(k, sizeof(*reached));
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < k; j++) {
            prf_add(&sa[j], a[i * k + j]);
            prf_add(&sb[j], b[i * k + j]);
        }
    for (size_t j = 0; j < k; j++) {
        delta[j] = prf_f1(sa[j]) - prf_f1(sb[j]);
        observed[j] = fabs(delta[j]);
    }
    struct rng r;
    rng_seed(&r, seed);
    for (unsigned s = 0; s < shuffles; s++) {
        memset(sa, 0, k * sizeof(*sa));
        memset(sb, 0, k * sizeof(*sb));
        uint64_t bits = 0;
        for (size_t i = 0; i < n; i++) {
            if (i % 64 == 0)
                bits = rng_next(&r);
            const struct prf *x = &a[i * k], *y = &b[i * k];
            if (bits & 1) {
                const struct prf *t = x;
                x = y;
                y = t;
            }
            bits >>= 1;
            for (size_t j = 0; j < k; j++) {
                prf_add(&sa[j], x[j]);
                prf_add(&sb[j], y[j]);
            }
        }
        /* a margin for rounding: a tie with the observed difference counts */
        for (size_t j = 0; j < k; j++)
            reached[j] += fabs(prf_f1(sa[j]) - prf_f1(sb[j])) >= observed[j] - 1e-12;
    }
    for (size_t j = 0; j < k; j++)
        p[j] = (double)(reached[j] + 1) / (double)(shuffles + 1);
    free(sa);
    free(sb);
    free(observed);
    free(reached);
}
