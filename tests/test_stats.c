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
    stats_permutation_test(sys_a, sys_b, 4, 1, 100000, 5, &delta, &p);
    CU_ASSERT_DOUBLE_EQUAL(delta, f1_of(sys_a, idx, 4) - f1_of(sys_b, idx, 4), 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(p, exact, 0.01); /* sampling error ~0.0015 */
    double p2;
    stats_permutation_test(sys_a, sys_b, 4, 1, 100000, 5, &delta, &p2);
    CU_ASSERT_EQUAL(p, p2); /* bit for bit with the same seed */
}

static void test_permutation_identical_systems(void)
{
    double delta, p;
    stats_permutation_test(sys_a, sys_a, 4, 1, 999, 1, &delta, &p);
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
    stats_bootstrap_f1(sys_a, 4, 1, 20000, 3, ci);
    /* the distribution is discrete: a large sample lands on the same values */
    CU_ASSERT_DOUBLE_EQUAL(ci[0][0], lo, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(ci[0][1], hi, 1e-12);
    double again[1][2];
    stats_bootstrap_f1(sys_a, 4, 1, 20000, 3, again);
    CU_ASSERT_EQUAL(memcmp(ci, again, sizeof(ci)), 0);
}

static void test_bootstrap_degenerate(void)
{
    double ci[2][2];
    stats_bootstrap_f1(NULL, 0, 2, 1000, 1, ci);
    CU_ASSERT_EQUAL(ci[0][0], 1.0); /* no article: nothing found, nothing to find */
    CU_ASSERT_EQUAL(ci[1][1], 1.0);
    struct prf same[] = {{1, 1, 1}, {1, 1, 1}, {1, 1, 1}};
    double one[1][2];
    stats_bootstrap_f1(same, 3, 1, 500, 9, one);
    CU_ASSERT_DOUBLE_EQUAL(one[0][0], 0.5, 1e-12);
    CU_ASSERT_DOUBLE_EQUAL(one[0][1], 0.5, 1e-12);
}

static CU_TestInfo tests[] = {
    {"random numbers are reproducible", test_rng_reproducible},
    {"permutation test equals exact enumeration", test_permutation_against_enumeration},
    {"permutation test of identical systems", test_permutation_identical_systems},
    {"bootstrap equals exact enumeration", test_bootstrap_against_enumeration},
    {"bootstrap of degenerate inputs", test_bootstrap_degenerate},
    CU_TEST_INFO_NULL,
};

CU_SuiteInfo fb_suites[] = {FB_SUITE("stats", tests), CU_SUITE_INFO_NULL};
