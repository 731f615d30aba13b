/* Tests for assign.c: the optimal assignment against exhaustive search. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "assign.h"
#include "harness.h"
#include "stats.h"

/* The best total weight over every one-to-one pairing, by trying them all. */
static int64_t brute(const int64_t *w, size_t rows, size_t cols, size_t r, bool *used)
{
    if (r == rows)
        return 0;
    int64_t best = brute(w, rows, cols, r + 1, used); /* row r unpaired */
    for (size_t c = 0; c < cols; c++) {
        if (used[c] || w[r * cols + c] == 0)
            continue;
        used[c] = true;
        int64_t v = w[r * cols + c] + brute(w, rows, cols, r + 1, used);
        used[c] = false;
        if (v > best)
            best = v;
    }
    return best;
}

static void test_matches_exhaustive_search(void)
{
    struct rng r;
    rng_seed(&r, 42);
    for (int trial = 0; trial < 3000; trial++) {
        size_t rows = 1 + rng_below(&r, 6), cols = 1 + rng_below(&r, 6);
        int64_t w[36];
        for (size_t i = 0; i < rows * cols; i++)
            w[i] = rng_below(&r, 3) == 0 ? 0 : (int64_t)rng_below(&r, 1000000);
        long match[6];
        assign_max(w, rows, cols, match);
        bool used[6] = {false};
        int64_t total = 0;
        for (size_t i = 0; i < rows; i++) {
            if (match[i] < 0)
                continue;
            CU_ASSERT_FALSE_FATAL(used[match[i]]); /* one to one */
            used[match[i]] = true;
            CU_ASSERT_TRUE_FATAL(w[i * cols + (size_t)match[i]] > 0); /* only allowed pairs */
            total += w[i * cols + (size_t)match[i]];
        }
        bool scratch[6] = {false};
        CU_ASSERT_EQUAL_FATAL(total, brute(w, rows, cols, 0, scratch));
    }
}

static void test_not_greedy(void)
{
    /* greedy would take the 10 and leave both others unpaired */
    int64_t w[] = {10, 9, 9, 0};
    long match[2];
    assign_max(w, 2, 2, match);
    CU_ASSERT_EQUAL(match[0], 1);
    CU_ASSERT_EQUAL(match[1], 0);
}

static void test_empty(void)
{
    long match[1] = {7};
    assign_max(NULL, 1, 0, match);
    CU_ASSERT_EQUAL(match[0], -1);
    int64_t zero[] = {0, 0};
    long two[2];
    assign_max(zero, 2, 1, two);
    CU_ASSERT_EQUAL(two[0], -1);
    CU_ASSERT_EQUAL(two[1], -1);
}

static CU_TestInfo tests[] = {
    {"equals exhaustive search", test_matches_exhaustive_search},
    {"not greedy", test_not_greedy},
    {"empty and impossible", test_empty},
    CU_TEST_INFO_NULL,
};

CU_SuiteInfo fb_suites[] = {FB_SUITE("assign", tests), CU_SUITE_INFO_NULL};
