/*
 * Tests for bounds.c and where the limits apply: the config file and flags,
 * gold and predictions (items, nesting), responses (bytes), the corpus
 * (article bytes, in .txt files and .jsonl lines). Also the regressions the
 * fuzzers found in the readers of the config file and of reports.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "backend.h"
#include "buf.h"
#include "config.h"
#include "corpus.h"
#include "gold.h"
#include "harness.h"
#include "report.h"

static char dir[64];

static const char *file(const char *name, const char *content, size_t len)
{
    static struct buf path = BUF_INIT;
    if (!dir[0]) {
        strcpy(dir, "/tmp/fb-test-bounds-XXXXXX");
        CU_ASSERT_PTR_NOT_NULL_FATAL(mkdtemp(dir));
    }
    buf_reset(&path);
    buf_addf(&path, "%s/%s", dir, name);
    CU_ASSERT_TRUE_FATAL(fb_test_write(path.data, content, len));
    return path.data;
}

#define FILE_OF(name, literal) file(name, literal, sizeof(literal) - 1)

/* got is want; says what it is when not. */
static void same(const char *got, const char *want)
{
    if (strcmp(got, want) != 0)
        fprintf(stderr, "\n  got '%s'\n  want '%s'\n", got, want);
    CU_ASSERT_STRING_EQUAL(got, want);
}

/* The first message of d contains want. */
static void first_says(const struct diag *d, const char *want)
{
    const char *got = diag_first_error(d);
    CU_ASSERT_PTR_NOT_NULL_FATAL(got);
    if (!strstr(got, want))
        fprintf(stderr, "\n  got '%s'\n  want '%s'\n", got, want);
    CU_ASSERT_PTR_NOT_NULL(strstr(got, want));
}

/* ---- settings ------------------------------------------------------------------------ */

static void test_defaults(void)
{
    struct config c;
    config_defaults(&c);
    CU_ASSERT_EQUAL(c.limits.article_bytes, 16u << 20);
    CU_ASSERT_EQUAL(c.limits.response_bytes, 16u << 20);
    CU_ASSERT_EQUAL(c.limits.items, 1000);
    CU_ASSERT_EQUAL(c.limits.depth, 64);
    CU_ASSERT_PTR_EQUAL(bounds_or_defaults(NULL), &bounds_defaults);
    CU_ASSERT_PTR_EQUAL(bounds_or_defaults(&c.limits), &c.limits);
}

static void test_config_file(void)
{
    struct config c;
    struct diag d;
    diag_init(&d);
    config_defaults(&c);
    const char *path = FILE_OF("limits.json", "{\"limits\": {\"article_bytes\": 1000, "
                                              "\"response_bytes\": 2000, \"items\": 10, "
                                              "\"depth\": 8}, \"scoring\": {\"seed\": 3}}");
    CU_ASSERT_EQUAL(config_load(&c, path, true, &d), FB_OK);
    CU_ASSERT_EQUAL(c.limits.article_bytes, 1000);
    CU_ASSERT_EQUAL(c.limits.response_bytes, 2000);
    CU_ASSERT_EQUAL(c.limits.items, 10);
    CU_ASSERT_EQUAL(c.limits.depth, 8);
    CU_ASSERT_EQUAL(c.seed, 3);
    config_release(&c);
    diag_release(&d);
}

static void test_config_file_errors(void)
{
    struct config c;
    struct diag d;
    diag_init(&d);
    config_defaults(&c);
    const char *path =
        FILE_OF("bad-limits.json", "{\"limits\": {\"article_bytes\": 0, \"items\": 1001, "
                                   "\"depth\": 2.5, \"seed\": 1, \"colour\": 2}, "
                                   "\"scoring\": {\"items\": 3}}");
    CU_ASSERT_EQUAL(config_load(&c, path, true, &d), FB_EINPUT);
    CU_ASSERT_EQUAL_FATAL(d.n_msgs, 6);
    char want[6][160];
    snprintf(want[0], 160, "%s: $.limits.article_bytes: expected an integer from 1 to %.0f", path,
             1099511627776.0);
    snprintf(want[1], 160, "%s: $.limits.items: expected an integer from 1 to 1000", path);
    snprintf(want[2], 160, "%s: $.limits.depth: expected an integer from 1 to 512", path);
    snprintf(want[3], 160, "%s: $.limits.seed: unknown setting", path);
    snprintf(want[4], 160, "%s: $.limits.colour: unknown setting", path);
    snprintf(want[5], 160, "%s: $.scoring.items: unknown setting", path);
    for (int i = 0; i < 6; i++)
        CU_ASSERT_STRING_EQUAL(d.msgs[i].text, want[i]);
    config_release(&c);
    diag_release(&d);
}

static void test_flags(void)
{
    struct config c;
    struct diag d;
    diag_init(&d);
    config_defaults(&c);
    CU_ASSERT_TRUE(config_set(&c, "items", "5", "--max-items", &d));
    CU_ASSERT_TRUE(config_set(&c, "response_bytes", "4096", "--max-response-bytes", &d));
    CU_ASSERT_EQUAL(c.limits.items, 5);
    CU_ASSERT_EQUAL(c.limits.response_bytes, 4096);
    CU_ASSERT_FALSE(config_set(&c, "depth", "0", "--max-depth", &d));
    CU_ASSERT_FALSE(config_set(&c, "article_bytes", "-1", "--max-article-bytes", &d));
    CU_ASSERT_EQUAL(d.n_msgs, 2);
    first_says(&d, "--max-depth: expected an integer from 1 to 512");
    config_release(&c);
    diag_release(&d);
}

/* ---- gold and predictions --------------------------------------------------------------- */

static fb_result parse(const struct bounds *b, enum gold_mode mode, const char *json,
                       struct diag *d)
{
    struct gold_source src = {"x.json", NULL, NULL, 0};
    struct gold_doc *g = NULL;
    fb_result rc = gold_parse_within(b, json, strlen(json), mode, &src, &g, d);
    gold_free(g);
    return rc;
}

static void test_items(void)
{
    struct bounds b = bounds_defaults;
    b.items = 2;
    const char *three = "{\"article\": \"a\", \"actors\": [{\"name\": \"A\"}, {\"name\": \"B\"}, "
                        "{\"name\": \"C\"}], \"counts\": [{\"what\": \"killed\", \"value\": 1}]}";
    for (int mode = GOLD_REFERENCE; mode <= GOLD_PREDICTION; mode++) {
        struct diag d;
        diag_init(&d);
        CU_ASSERT_EQUAL(parse(&b, (enum gold_mode)mode, three, &d), FB_EINPUT);
        CU_ASSERT_EQUAL(d.n_msgs, 1);
        first_says(&d, "x.json: $.actors: 3 items, more than the limit of 2 (limits.items)");
        diag_release(&d);
        diag_init(&d);
        b.items = 3;
        CU_ASSERT_EQUAL(parse(&b, (enum gold_mode)mode, three, &d), FB_OK);
        b.items = 2;
        diag_release(&d);
    }
}

static void test_depth(void)
{
    struct bounds b = bounds_defaults;
    b.depth = 3;
    struct diag d;
    diag_init(&d);
    const char *four = "{\"article\": \"a\", \"actors\": [{\"name\": \"A\", \"aliases\": []}]}";
    CU_ASSERT_EQUAL(parse(&b, GOLD_PREDICTION, four, &d), FB_EINPUT);
    first_says(&d, "x.json:1:54: nesting deeper than 3 levels");
    b.depth = 4;
    CU_ASSERT_EQUAL(parse(&b, GOLD_PREDICTION, four, &d), FB_OK);
    diag_release(&d);
}

static void answer(const struct bounds *b, const char *text, struct buf *reason)
{
    struct article a = {.id = "a", .text = "T.", .text_len = 2, .source = "test"};
    struct backend_job j;
    backend_job_init(&j, &a, NULL);
    j.bounds = b;
    backend_job_answer(&j, text, strlen(text));
    buf_reset(reason);
    buf_adds(reason, j.ok ? "ok" : j.reason.data);
    backend_job_release(&j);
}

static void test_responses(void)
{
    struct bounds b = bounds_defaults;
    struct buf reason = BUF_INIT;
    const char *pred = "{\"article\": \"a\", \"actors\": [{\"name\": \"A\"}, {\"name\": \"B\"}]}";
    answer(&b, pred, &reason);
    same(reason.data, "ok");
    b.response_bytes = strlen(pred) - 1;
    answer(&b, pred, &reason);
    same(reason.data, "response larger than 57 bytes (limits.response_bytes)");
    b.response_bytes = strlen(pred);
    b.items = 1;
    answer(&b, pred, &reason);
    same(reason.data, "invalid response: response: $.actors: 2 items, more "
                      "than the limit of 1 (limits.items)");
    b.items = 10;
    b.depth = 2;
    answer(&b, pred, &reason);
    same(reason.data, "invalid response: response:1:29: nesting deeper than 2 levels");
    answer(&b, "{\"article\": \"a\", \"error\": {\"deep\": [[1]]}}", &reason);
    same(reason.data, "invalid response: response:1:36: nesting deeper than "
                      "2 levels");
    answer(NULL, pred, &reason); /* no bounds: the defaults */
    same(reason.data, "ok");
    buf_release(&reason);
}

/* ---- the corpus ------------------------------------------------------------------------- */

/* Reads the corpus at path within b; returns the articles read, the errors in d. */
static size_t read_corpus(const char *path, const struct bounds *b, struct diag *d)
{
    corpus *c = corpus_open(path, d);
    CU_ASSERT_PTR_NOT_NULL_FATAL(c);
    if (b)
        corpus_set_bounds(c, b);
    struct article a;
    fb_result rc;
    size_t n = 0;
    while ((rc = corpus_next(c, &a, d)) != FB_END)
        n += rc == FB_OK;
    corpus_close(c);
    return n;
}

static void test_article_bytes(void)
{
    struct bounds b = bounds_defaults;
    b.article_bytes = 10;
    struct diag d;
    diag_init(&d);
    const char *path = FILE_OF("big.txt", "eleven bytes");
    CU_ASSERT_EQUAL(read_corpus(path, &b, &d), 0);
    char want[160];
    snprintf(want, sizeof(want), "%s: larger than 10 bytes (limits.article_bytes)", path);
    same(diag_first_error(&d), want);
    b.article_bytes = 12;
    CU_ASSERT_EQUAL(read_corpus(path, &b, &d), 1);
    CU_ASSERT_EQUAL(d.errors, 1);
    diag_release(&d);
}

static void test_jsonl_line_bytes(void)
{
    struct bounds b = bounds_defaults;
    b.article_bytes = 30;
    struct diag d;
    diag_init(&d);
    /* the long line is skipped whole: the next line is read as it should be */
    const char *path = FILE_OF("lines.jsonl", "{\"id\": \"a\", \"text\": \"short\"}\n"
                                              "{\"id\": \"b\", \"text\": \"much, much longer\"}\n"
                                              "{\"id\": \"c\", \"text\": \"short\"}");
    CU_ASSERT_EQUAL(read_corpus(path, &b, &d), 2);
    CU_ASSERT_EQUAL(d.errors, 1);
    char want[160];
    snprintf(want, sizeof(want), "%s:2: line larger than 30 bytes (limits.article_bytes)", path);
    same(diag_first_error(&d), want);
    diag_release(&d);
    diag_init(&d);
    b.article_bytes = 100;
    b.depth = 2;
    path = FILE_OF("deep.jsonl", "{\"id\": \"a\", \"text\": \"t\", \"x\": [[1]]}\n");
    CU_ASSERT_EQUAL(read_corpus(path, &b, &d), 0);
    snprintf(want, sizeof(want), "%s:1:32: nesting deeper than 2 levels", path);
    same(diag_first_error(&d), want);
    diag_release(&d);
}

static void test_fifo_article(void)
{
    /* a FIFO planted in place of an article reads as empty: an error, never a hang */
    struct buf path = BUF_INIT;
    buf_addf(&path, "%s/fifo.txt", dir);
    CU_ASSERT_EQUAL_FATAL(mkfifo(path.data, 0600), 0);
    struct diag d;
    diag_init(&d);
    corpus *c = corpus_open(path.data, &d);
    CU_ASSERT_PTR_NOT_NULL_FATAL(c);
    struct article a;
    CU_ASSERT_EQUAL(corpus_next(c, &a, &d), FB_EINPUT);
    corpus_close(c);
    first_says(&d, "empty article");
    unlink(path.data);
    buf_release(&path);
    diag_release(&d);
}

/* ---- what the fuzzers found --------------------------------------------------------------- */

static void test_config_duplicate_fields(void)
{
    /* tests/fuzz/regress/config/duplicate-fields-leak.json: the second "env" leaked the first */
    struct config c;
    struct diag d;
    diag_init(&d);
    config_defaults(&c);
    const char *path =
        FILE_OF("dup.json", "{\"backends\": {\"a\": {\"spec\": \"x\", \"spec\": \"y\", \"env\": "
                            "{\"A\": \"1\"}, \"env\": {\"B\": \"2\", \"B\": \"3\"}}}}");
    CU_ASSERT_EQUAL(config_load(&c, path, true, &d), FB_EINPUT);
    CU_ASSERT_EQUAL_FATAL(d.n_msgs, 3);
    char want[160];
    snprintf(want, sizeof(want), "%s: $.backends.a.spec: duplicate field", path);
    CU_ASSERT_STRING_EQUAL(d.msgs[0].text, want);
    snprintf(want, sizeof(want), "%s: $.backends.a.env: duplicate field", path);
    CU_ASSERT_STRING_EQUAL(d.msgs[1].text, want);
    snprintf(want, sizeof(want), "%s: $.backends.a.env.B: duplicate field", path);
    CU_ASSERT_STRING_EQUAL(d.msgs[2].text, want);
    CU_ASSERT_EQUAL(c.n_backends, 0);
    config_release(&c);
    diag_release(&d);
}

/* A report of one article whose "config" and "cache" are given. */
static const char *report_with(const char *config, const char *cache)
{
    static struct buf text = BUF_INIT;
    buf_reset(&text);
    buf_addf(&text,
             "{\"schema\": \"factbench-report/1\", \"config\": %s, \"corpus\": {\"path\": \"c\", "
             "\"gold\": \"g\", \"articles\": 1}, \"backends\": [{\"name\": \"x\", \"cache\": %s, "
             "\"per_article\": [{\"article\": \"a\", \"position\": 0, \"failed\": true, "
             "\"reason\": \"r\", \"scores\": {",
             config, cache);
    const char *modes[] = {"strict", "lenient"};
    const char *cats[] = {"actors", "counts", "dates", "claims", "overall"};
    for (int m = 0; m < 2; m++) {
        buf_addf(&text, "%s\"%s\": {", m ? ", " : "", modes[m]);
        for (int k = 0; k < 5; k++)
            buf_addf(&text, "%s\"%s\": {\"tp\": 0, \"fp\": 0, \"fn\": 1}", k ? ", " : "", cats[k]);
        buf_adds(&text, "}");
    }
    buf_adds(&text, "}, \"breakdown\": {");
    for (int k = 0; k < 4; k++) {
        buf_addf(&text,
                 "%s\"%s\": {\"correct\": 0, \"partial\": 0, \"missing\": 1, \"spurious\": 0, "
                 "\"attributes\": {",
                 k ? ", " : "", cats[k]);
        for (int a = 0; a < MATCH_MAX_ATTRS; a++)
            buf_addf(&text, "%s\"%s\": {\"agree\": 0, \"compared\": 0}", a ? ", " : "",
                     matchers[k]->attr_names[a]);
        buf_adds(&text, "}}");
    }
    buf_adds(&text, "}}]}]}");
    return text.data;
}

static void test_report_settings(void)
{
    /* tests/fuzz/regress/report/: negative and huge numbers were cast to unsigned (UBSan) */
    struct eval e;
    struct diag d;
    diag_init(&d);
    const char *good =
        report_with("{\"bootstrap\": 10, \"mode\": \"lenient\"}", "{\"hits\": 0, \"misses\": 1}");
    const char *path = file("good.json", good, strlen(good));
    CU_ASSERT_EQUAL_FATAL(report_read(path, &e, &d), FB_OK);
    CU_ASSERT_EQUAL(e.cfg.bootstrap, 10);
    CU_ASSERT_EQUAL(e.cfg.mode, MODE_LENIENT);
    CU_ASSERT_EQUAL(e.runs[0].cache_misses, 1);
    eval_release(&e);
    const char *bad = report_with("{\"bootstrap\": -5, \"seed\": 1e300, \"mode\": \"fuzzy\", "
                                  "\"claim_strict\": \"high\"}",
                                  "{\"hits\": -3, \"misses\": 1e30}");
    path = file("bad.json", bad, strlen(bad));
    CU_ASSERT_EQUAL(report_read(path, &e, &d), FB_EINPUT);
    const char *want[] = {
        "$.config.claim_strict: expected a number",
        "$.config.bootstrap: expected an integer from 0 to 1000000",
        "$.config.seed: expected an integer from 0 to 9007199254740992",
        "$.config.mode: expected 'strict' or 'lenient'",
        "$.backends[0].cache.hits: expected a non-negative integer",
        "$.backends[0].cache.misses: expected a non-negative integer",
    };
    CU_ASSERT_EQUAL_FATAL(d.n_msgs, 6);
    for (int i = 0; i < 6; i++) {
        if (!strstr(d.msgs[i].text, want[i]))
            fprintf(stderr, "\n  got '%s'\n  want '%s'\n", d.msgs[i].text, want[i]);
        CU_ASSERT_PTR_NOT_NULL(strstr(d.msgs[i].text, want[i]));
    }
    /* tests/fuzz/regress/report/infinite-latency.json: read, but written back as null */
    struct buf text = BUF_INIT;
    buf_adds(&text, report_with("{}", "{\"hits\": 0, \"misses\": 1}"));
    const char *at = strstr(text.data, "\"position\"");
    CU_ASSERT_PTR_NOT_NULL_FATAL(at);
    struct buf infinite = BUF_INIT;
    buf_add(&infinite, text.data, (size_t)(at - text.data));
    buf_addf(&infinite, "\"usage\": {\"latency_ms\": 1e999}, %s", at);
    path = file("infinite.json", infinite.data, infinite.len);
    CU_ASSERT_EQUAL(report_read(path, &e, &d), FB_EINPUT);
    CU_ASSERT_PTR_NOT_NULL(strstr(d.msgs[d.n_msgs - 1].text, "$.backends[0].per_article[0].usage"));
    buf_release(&text);
    buf_release(&infinite);
    diag_release(&d);
}

static int cleanup(void)
{
    return fb_test_rmtree(dir);
}

static CU_TestInfo tests[] = {
    {"defaults", test_defaults},
    {"limits in the config file", test_config_file},
    {"limits out of range", test_config_file_errors},
    {"limits as flags", test_flags},
    {"items per category", test_items},
    {"JSON nesting", test_depth},
    {"responses: bytes, items, nesting", test_responses},
    {"article bytes of .txt files", test_article_bytes},
    {"line bytes of .jsonl files", test_jsonl_line_bytes},
    {"a FIFO in place of an article", test_fifo_article},
    {"fuzz: duplicate fields in the config file", test_config_duplicate_fields},
    {"fuzz: settings and cache counts of reports", test_report_settings},
    CU_TEST_INFO_NULL,
};

CU_SuiteInfo fb_suites[] = {{"bounds", NULL, cleanup, NULL, NULL, tests}, CU_SUITE_INFO_NULL};
