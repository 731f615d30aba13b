/*
 * Tests for stats.c, against answers computed independently: exact
 * enumeration of every resample or every swap on tiny inputs.
 */
#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "stats.h"

static void test_rng_reproducible(void)
{
    struct rng a, b, c;
    rng_seed(&a, 7);
    rng_seed(&b, 7);
    rng_seed(&c, 8);
    bool differs = false;
    for (int i = 0; i < 1000; i++) {
        uint64_t x = rng_next(&a);
        CU_ASSERT_EQUAL_FATAL(x, rng_next(&b));
        differs |= x != rng_next(&c);
    }
    CU_ASSERT_TRUE(differs);
    long hist[6] = {0};
    for (int i = 0; i < 60000; i++)
        hist[rng_below(&a, 6)]++;
    for (int k = 0; k < 6; k++)
        CU_ASSERT_TRUE(hist[k] > 9500 && hist[k] < 10500);
}

/* Four articles, two systems: a is better on three. One metric set each. */
static const struct prf sys_a[] = {{3, 0, 1}, {2, 1, 0}, {4, 0, 0}, {0, 2, 2}};
static const struct prf sys_b[] = {{1, 2, 3}, {2, 1, 0}, {1, 3, 3}, {1, 1, 1}};

static double f1_of(const struct prf *x, const int *take, size_t n)
{
    struct prf s = {0, 0, 0};
    for (size_t i = 0; i < n; i++)
        prf_add(&s, x[take[i]]);
    return prf_f1(s);
}

/* The tests call the statistics on arrays in memory. */
static void permutation(const struct prf *a, const struct prf *b, size_t n, size_t k,
                        unsigned shuffles, uint64_t seed, double *delta, double *p)
{
    struct stats_array xa, xb;
    struct stats_source sa = stats_array_source(&xa, a, n, k);
    struct stats_source sb = stats_array_source(&xb, b, n, k);
    stats_permutation_test(&sa, &sb, shuffles, seed, delta, p);
}

static void bootstrap(const struct prf *counts, size_t n, size_t k, unsigned resamples,
                      uint64_t seed, double (*ci)[2])
{
    struct stats_array x;
    struct stats_source s = stats_array_source(&x, counts, n, k);
    stats_bootstrap_f1(&s, resamples, seed, ci);
}

static void test_permutation_against_enumeration(void)
{
    /* exact: all 2^4 ways to swap, each equally likely */
    int idx[4] = {0, 1, 2, 3};
    double observed = fabs(f1_of(sys_a, idx, 4) - f1_of(sys_b, idx, 4));
    int reach = 0;
    for (int mask = 0; mask < 16; mask++) {
        struct prf x[4], y[4];
        for (int i = 0; i < 4; i++) {
            x[i] = mask >> i & 1 ? sys_b[i] : sys_a[i];
            y[i] = mask >> i & 1 ? sys_a[i] : sys_b[i];
        }
        reach += fabs(f1_of(x, idx, 4) - f1_of(y, idx, 4)) >= observed - 1e-12;
    }
    double exact = reach / 16.0;
    double delta, p;
    permutation(sys_a, sys_b, 4, 1, 100000, 5, &delta, &p);
    CU_ASSERT_DOUBLE_EQUAL(delta, f1_of(sys_a, idx, 4) - f1_of(sys_b, idx, 4), 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(p, exact, 0.01); /* sampling error ~0.0015 */
    double p2;
    permutation(sys_a, sys_b, 4, 1, 100000, 5, &delta, &p2);
    CU_ASSERT_EQUAL(p, p2); /* bit for bit with the same seed */
}

static void test_permutation_identical_systems(void)
{
    double delta, p;
    permutation(sys_a, sys_a, 4, 1, 999, 1, &delta, &p);
    CU_ASSERT_EQUAL(delta, 0.0);
    CU_ASSERT_EQUAL(p, 1.0); /* every shuffle reaches 0: (999 + 1) / (999 + 1) */
}

static int compare_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static void test_bootstrap_against_enumeration(void)
{
    /* exact: all 4^4 = 256 ordered resamples, each equally likely */
    double all[256];
    for (int m = 0; m < 256; m++) {
        int take[4] = {m & 3, m >> 2 & 3, m >> 4 & 3, m >> 6 & 3};
        all[m] = f1_of(sys_a, take, 4);
    }
    qsort(all, 256, sizeof(double), compare_double);
    double lo = all[(int)ceil(0.025 * 256) - 1], hi = all[(int)ceil(0.975 * 256) - 1];
    double ci[1][2];
    bootstrap(sys_a, 4, 1, 20000, 3, ci);
    /* the distribution is discrete: a large sample lands on the same values */
    CU_ASSERT_DOUBLE_EQUAL(ci[0][0], lo, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(ci[0][1], hi, 1e-12);
    double again[1][2];
    bootstrap(sys_a, 4, 1, 20000, 3, again);
    CU_ASSERT_EQUAL(memcmp(ci, again, sizeof(ci)), 0);
}

static void test_bootstrap_degenerate(void)
{
    double ci[2][2];
    bootstrap(NULL, 0, 2, 1000, 1, ci);
    CU_ASSERT_EQUAL(ci[0][0], 1.0); /* no article: nothing found, nothing to find */
    CU_ASSERT_EQUAL(ci[1][1], 1.0);
    struct prf same[] = {{1, 1, 1}, {1, 1, 1}, {1, 1, 1}};
    double one[1][2];
    bootstrap(same, 3, 1, 500, 9, one);
    CU_ASSERT_DOUBLE_EQUAL(one[0][0], 0.5, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(one[0][1], 0.5, 1e-12);
}

/* The smallest t with P(Binomial(n, q) <= t) >= level. */
static double binomial_quantile(int n, double q, double level)
{
    double cdf = 0;
    for (int t = 0; t <= n; t++) {
        cdf += exp(lgamma(n + 1.0) - lgamma(t + 1.0) - lgamma(n - t + 1.0) + t * log(q) +
                   (n - t) * log1p(-q));
        if (cdf >= level)
            return t;
    }
    return n;
}

static void test_bootstrap_across_chunks(void)
{
    /*
     * 5000 articles, more than one chunk: in set j the articles of [lo, hi)
     * are found items {1, 0, 0}, the others missed ones {0, 0, 1}. A
     * resample drawing T marked articles has F1 = 2T / (n + T), and T is
     * Binomial(n, m / n): the interval gives T back, to compare with the
     * exact quantiles. Ranges inside the last, partial chunk, across the
     * boundary, and in the first chunk.
     */
    enum { N = 5000, K = 3 };
    const int ranges[K][2] = {{4500, 5000}, {3000, 5000}, {0, 100}};
    struct prf *c = calloc(N * K, sizeof(*c));
    for (int i = 0; i < N; i++)
        for (int j = 0; j < K; j++)
            c[i * K + j] = i >= ranges[j][0] && i < ranges[j][1] ? (struct prf){1, 0, 0}
                                                                 : (struct prf){0, 0, 1};
    double ci[K][2];
    bootstrap(c, N, K, 5000, 11, ci);
    for (int j = 0; j < K; j++) {
        double q = (ranges[j][1] - ranges[j][0]) / (double)N;
        for (int end = 0; end < 2; end++) {
            double f = ci[j][end], t = N * f / (2 - f);
            double exact = binomial_quantile(N, q, end ? 0.975 : 0.025);
            CU_ASSERT_DOUBLE_EQUAL(t, exact, 5.0);
        }
    }
    free(c);
}

static void test_permutation_across_blocks(void)
{
    /*
     * 1000 articles (15 blocks of 64 and a partial one); a and b differ in
     * two articles only, found by a and missed by b. Swapping one of the
     * two evens the systems, swapping both or neither keeps the observed
     * difference: p = 1/2. Set 0: articles 5 and 999, in the first and the
     * partial block; set 1: 998 and 999.
     */
    enum { N = 1000, K = 2 };
    const int differ[K][2] = {{5, 999}, {998, 999}};
    struct prf *a = calloc(N * K, sizeof(*a)), *b = calloc(N * K, sizeof(*b));
    for (int i = 0; i < N; i++)
        for (int j = 0; j < K; j++) {
            a[i * K + j] = (struct prf){1, 0, 0};
            bool odd = i == differ[j][0] || i == differ[j][1];
            b[i * K + j] = odd ? (struct prf){0, 0, 1} : (struct prf){1, 0, 0};
        }
    double delta[K], p[K];
    permutation(a, b, N, K, 100000, 3, delta, p);
    for (int j = 0; j < K; j++) {
        CU_ASSERT_DOUBLE_EQUAL(delta[j], 1.0 - 2.0 * 998 / (2.0 * 998 + 2), 1e-12);
        CU_ASSERT_DOUBLE_EQUAL(p[j], 0.5, 0.01); /* sampling error ~0.0016 */
    }
    free(a);
    free(b);
}

static CU_TestInfo tests[] = {
    {"random numbers are reproducible", test_rng_reproducible},
    {"permutation test equals exact enumeration", test_permutation_against_enumeration},
    {"permutation test of identical systems", test_permutation_identical_systems},
    {"bootstrap equals exact enumeration", test_bootstrap_against_enumeration},
    {"bootstrap of degenerate inputs", test_bootstrap_degenerate},
    {"bootstrap across chunks equals the binomial", test_bootstrap_across_chunks},
    {"permutation test across blocks", test_permutation_across_blocks},
    CU_TEST_INFO_NULL,
};

CU_SuiteInfo fb_suites[] = {FB_SUITE("stats", tests), CU_SUITE_INFO_NULL};
