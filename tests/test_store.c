/*
 * Tests for store.c, pool.c and fileio.c's streams: what the evaluation
 * keeps on disk instead of in memory, and the threads that share its work.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "fileio.h"
#include "harness.h"
#include "pool.h"
#include "store.h"

static struct article_row row_of(size_t i, char *id, char *reason)
{
    struct article_row r;
    memset(&r, 0, sizeof(r));
    snprintf(id, 32, "article-%zu", i);
    r.id = id;
    r.reason = i % 3 == 0 ? (snprintf(reason, 32, "failed %zu", i), reason) : NULL;
    r.position = 10 * i;
    for (int m = 0; m < N_MODES; m++)
        for (int c = 0; c < N_CATEGORIES; c++)
            r.counts[m][c] = (struct prf){(int64_t)(i + (size_t)c), m, c};
    return r;
}

/* Entries of every size, some larger than what a cursor reads ahead (64 KiB). */
static size_t entry_len(size_t i)
{
    return i % 50 == 7 ? 100000 + i : 1 + i % 200;
}

static void fill_entry(char *e, size_t len, size_t i)
{
    for (size_t k = 0; k < len; k++)
        e[k] = (char)('a' + (i + k) % 26);
}

static void test_store_round_trip(void)
{
    struct diag d;
    diag_init(&d);
    struct store *s = store_new(&d);
    CU_ASSERT_PTR_NOT_NULL_FATAL(s);
    enum { N = 3000 };
    char id[32], reason[32], *entry = malloc(200000);
    for (size_t i = 0; i < N; i++) {
        struct article_row r = row_of(i, id, reason);
        r.counts[0][SCORE_OVERALL] = (struct prf){999, 999, 999}; /* ignored: rows sum it */
        fill_entry(entry, entry_len(i), i);
        store_add(s, &r, entry, entry_len(i));
    }
    CU_ASSERT_EQUAL(store_count(s), N);
    CU_ASSERT_EQUAL(store_check(s, &d), FB_OK);
    /* two cursors at once, one of them reading entries */
    struct store_cursor a, b;
    store_open(&a, s);
    store_open(&b, s);
    struct article_row x, y;
    size_t n = 0;
    bool same = true;
    while (store_next(&a, &x)) {
        CU_ASSERT_TRUE_FATAL(store_next(&b, &y));
        struct article_row want = row_of(n, id, reason);
        same &= strcmp(x.id, want.id) == 0 && strcmp(y.id, want.id) == 0;
        same &= (x.reason == NULL) == (want.reason == NULL);
        same &= !x.reason || strcmp(x.reason, want.reason) == 0;
        same &= x.position == want.position;
        for (int m = 0; m < N_MODES; m++) {
            struct prf all = {0, 0, 0};
            for (int c = 0; c < N_CATEGORIES; c++) {
                same &= memcmp(&x.counts[m][c], &want.counts[m][c], sizeof(struct prf)) == 0;
                same &= memcmp(&y.counts[m][c], &want.counts[m][c], sizeof(struct prf)) == 0;
                prf_add(&all, want.counts[m][c]);
            }
            same &= memcmp(&x.counts[m][SCORE_OVERALL], &all, sizeof(all)) == 0;
        }
        if (n % 7 == 0 || n % 50 == 7) {
            size_t len;
            const char *e = store_entry(&a, &len);
            fill_entry(entry, entry_len(n), n);
            same &= len == entry_len(n) && memcmp(e, entry, len) == 0 && e[len] == '\0';
        }
        n++;
    }
    CU_ASSERT_TRUE(same);
    CU_ASSERT_EQUAL(n, N);
    CU_ASSERT_FALSE(store_next(&b, &y));
    store_close(&a);
    store_close(&b);
    store_free(s);
    free(entry);
    diag_release(&d);
}

static void test_store_in_missing_tmpdir(void)
{
    const char *saved = getenv("TMPDIR");
    char *keep = saved ? strdup(saved) : NULL;
    setenv("TMPDIR", "/nonexistent/factbench-test", 1);
    struct diag d;
    diag_init(&d);
    CU_ASSERT_PTR_NULL(store_new(&d));
    CU_ASSERT_PTR_NOT_NULL(strstr(diag_first_error(&d), "cannot create a temporary file in "
                                                        "'/nonexistent/factbench-test'"));
    diag_release(&d);
    if (keep)
        setenv("TMPDIR", keep, 1);
    else
        unsetenv("TMPDIR");
    free(keep);
}

/* ---- pool ------------------------------------------------------------------ */

struct squares {
    long *out;  /* i * i, written by item i */
    long *runs; /* how many times item i ran */
};

static void square(void *ctx, size_t i)
{
    struct squares *s = ctx;
    s->out[i] = (long)(i * i);
    __atomic_fetch_add(&s->runs[i], 1, __ATOMIC_RELAXED);
}

static void test_pool_covers_every_item(void)
{
    for (unsigned threads = 1; threads <= 4; threads++) {
        struct pool *p = pool_new(threads);
        CU_ASSERT_EQUAL(pool_threads(p), threads);
        for (size_t n = 0; n < 300; n += 37) { /* many loops on one pool, 0 items too */
            struct squares s = {calloc(n + 1, sizeof(long)), calloc(n + 1, sizeof(long))};
            for (size_t i = 0; i < n; i++)
                s.out[i] = -1;
            pool_for(p, n, square, &s);
            bool all = true;
            for (size_t i = 0; i < n; i++)
                all &= s.out[i] == (long)(i * i) && s.runs[i] == 1;
            CU_ASSERT_TRUE(all);
            free(s.out);
            free(s.runs);
        }
        pool_free(p);
    }
    struct pool *p = pool_new(0); /* one per CPU */
    CU_ASSERT_TRUE(pool_threads(p) >= 1 && pool_threads(p) <= 16);
    pool_free(p);
}

/* ---- streams and diagnostics ---------------------------------------------------- */

static void test_stream_whole_or_nothing(void)
{
    char dir[] = "/tmp/fb-test-stream-XXXXXX";
    CU_ASSERT_PTR_NOT_NULL_FATAL(mkdtemp(dir));
    char path[128];
    snprintf(path, sizeof(path), "%s/out.txt", dir);
    struct diag d;
    diag_init(&d);
    struct fileio_batch batch;
    fileio_batch_init(&batch);
    struct fileio_stream s;
    CU_ASSERT_EQUAL_FATAL(fileio_stream_open(&s, path, &d), FB_OK);
    size_t total = 0;
    for (int i = 0; i < 20000; i++) { /* flushed many times on the way */
        buf_addf(&s.text, "line %d\n", i);
        total += (size_t)snprintf(NULL, 0, "line %d\n", i);
        fileio_stream_flush(&s);
    }
    CU_ASSERT_EQUAL_FATAL(fileio_stream_finish(&s, &batch, false, &d), FB_OK);
    FILE *f = fopen(path, "r");
    CU_ASSERT_PTR_NULL(f); /* not there before the batch is committed */
    if (f)
        fclose(f);
    CU_ASSERT_EQUAL(fileio_batch_commit(&batch, &d), FB_OK);
    struct buf got = BUF_INIT;
    CU_ASSERT_EQUAL(fileio_read(path, &got, &d), FB_OK);
    CU_ASSERT_EQUAL(got.len, total);
    CU_ASSERT_EQUAL(strncmp(got.data + got.len - 11, "line 19999\n", 11), 0);
    /* an abandoned stream leaves the file as it was */
    CU_ASSERT_EQUAL_FATAL(fileio_stream_open(&s, path, &d), FB_OK);
    buf_adds(&s.text, "half");
    fileio_stream_abandon(&s);
    struct buf again = BUF_INIT;
    CU_ASSERT_EQUAL(fileio_read(path, &again, &d), FB_OK);
    CU_ASSERT_EQUAL(again.len, total);
    fileio_batch_release(&batch);
    buf_release(&got);
    buf_release(&again);
    diag_release(&d);
    CU_ASSERT_EQUAL(remove(path), 0);
    CU_ASSERT_EQUAL(rmdir(dir), 0); /* empty: no temporary file is left in it */
}

static void test_diag_take_keeps_order(void)
{
    struct diag d, part;
    diag_init(&d);
    diag_init(&part);
    diag_error(&d, "first");
    diag_warning(&part, "second");
    diag_error(&part, "third");
    diag_take(&d, &part);
    CU_ASSERT_EQUAL(d.n_msgs, 3);
    CU_ASSERT_EQUAL(d.errors, 2);
    CU_ASSERT_EQUAL(d.warnings, 1);
    CU_ASSERT_STRING_EQUAL(d.msgs[1].text, "second");
    CU_ASSERT_STRING_EQUAL(d.msgs[2].text, "third");
    CU_ASSERT_EQUAL(part.n_msgs, 0);
    diag_release(&d);
}

static CU_TestInfo store_tests[] = {
    {"rows and entries come back in order, to two cursors", test_store_round_trip},
    {"a temporary directory that does not exist", test_store_in_missing_tmpdir},
    CU_TEST_INFO_NULL,
};

static CU_TestInfo pool_tests[] = {
    {"every item runs once, on 1 to 4 threads", test_pool_covers_every_item},
    CU_TEST_INFO_NULL,
};

static CU_TestInfo stream_tests[] = {
    {"a stream appears whole with its batch, or not at all", test_stream_whole_or_nothing},
    {"diag_take() keeps the order of messages", test_diag_take_keeps_order},
    CU_TEST_INFO_NULL,
};

CU_SuiteInfo fb_suites[] = {FB_SUITE("store", store_tests), FB_SUITE("pool", pool_tests),
                            FB_SUITE("streams", stream_tests), CU_SUITE_INFO_NULL};
