/*
 * Tests for report.c and report_read.c: a report read back gives the same
 * report, number for number; broken reports are refused with the place.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "buf.h"
#include "config.h"
#include "eval.h"
#include "fileio.h"
#include "harness.h"
#include "report.h"

static char dir[] = "/tmp/fb-report-XXXXXX";

/* Writes dir/name; usable in suite setup, where CUnit assertions are not. */
static bool put(const char *name, const char *text)
{
    struct buf path = BUF_INIT;
    struct diag d;
    diag_init(&d);
    buf_addf(&path, "%s/%s", dir, name);
    bool ok = fileio_write_atomic(path.data, text, strlen(text), false, &d) == FB_OK;
    buf_release(&path);
    diag_release(&d);
    return ok;
}

static int setup(void)
{
    if (!mkdtemp(dir))
        return 1;
    struct diag d;
    diag_init(&d);
    struct buf p = BUF_INIT;
    const char *sub[] = {"corpus", "gold", "pred", "out"};
    for (int i = 0; i < 4; i++) {
        buf_reset(&p);
        buf_addf(&p, "%s/%s", dir, sub[i]);
        fileio_mkdirs(p.data, &d);
    }
    buf_release(&p);
    diag_release(&d);
    bool ok = put("corpus/a.txt", "date 2020-01-02\n\nAna Ruiz said four people died.\n");
    ok = ok && put("corpus/b.txt", "Text b.\n");
    ok = ok && put("corpus/c.txt", "Text c.\n");
    ok = ok && put("gold/a.json",
                   "{\"article\": \"a\", \"actors\": [{\"name\": \"Ana Ruiz\"}], \"counts\": "
                   "[{\"what\": \"killed\", \"value\": 4}], \"dates\": [{\"what\": "
                   "\"published\", \"value\": \"2020-01-02\"}], \"claims\": [{\"claimant\": "
                   "\"Ana Ruiz\", \"kind\": \"statement\", \"text\": \"four people died\"}]}");
    ok = ok && put("gold/b.json", "{\"article\": \"b\", \"actors\": [{\"name\": \"Ben\"}]}");
    ok = ok && put("gold/c.json",
                   "{\"article\": \"c\", \"counts\": [{\"what\": \"injured\", \"value\": 3}]}");
    ok = ok && put("pred/a.json",
                   "{\"article\": \"a\", \"actors\": [{\"name\": \"Ruiz\"}], \"counts\": "
                   "[{\"what\": \"dead\", \"value\": 4}, {\"what\": \"injured\", \"value\": "
                   "1}]}");
    ok = ok && put("pred/c.json",
                   "{\"article\": \"c\", \"counts\": [{\"what\": \"injured\", \"value\": 3}]}");
    return ok ? 0 : 1;
}

static int teardown(void)
{
    return fb_test_rmtree(dir);
}

static void run_and_write(struct buf *report_path)
{
    struct buf corpus = BUF_INIT, gold = BUF_INIT, pred = BUF_INIT, out = BUF_INIT;
    buf_addf(&corpus, "%s/corpus", dir);
    buf_addf(&gold, "%s/gold", dir);
    buf_addf(&pred, "dir:%s/pred", dir);
    buf_addf(&out, "%s/out", dir);
    struct config cfg;
    config_defaults(&cfg);
    cfg.bootstrap = 200;
    cfg.permutations = 300;
    struct backend_options b[] = {{.name = "pred", .spec = pred.data, .jobs = 1},
                                  {.name = "oracle", .spec = "oracle", .jobs = 1},
                                  {.name = "null", .spec = "null", .jobs = 1}};
    struct eval_options eo = {
        .cfg = &cfg, .corpus = corpus.data, .gold = gold.data, .backends = b, .n_backends = 3};
    struct eval e;
    struct diag d;
    diag_init(&d);
    CU_ASSERT_EQUAL_FATAL(eval_run(&e, &eo, &d), FB_OK);
    CU_ASSERT_EQUAL_FATAL(report_write(&e, out.data, NULL, &d), FB_OK);
    eval_release(&e);
    diag_release(&d);
    buf_addf(report_path, "%s/report.json", out.data);
    buf_release(&corpus);
    buf_release(&gold);
    buf_release(&pred);
    buf_release(&out);
}

static void test_round_trip(void)
{
    struct buf path = BUF_INIT, written = BUF_INIT;
    struct diag d;
    diag_init(&d);
    run_and_write(&path);
    CU_ASSERT_EQUAL_FATAL(fileio_read(path.data, &written, &d), FB_OK);
    struct eval e;
    CU_ASSERT_EQUAL_FATAL(report_read(path.data, &e, &d), FB_OK);
    CU_ASSERT_EQUAL(e.runs[0].failed, 1); /* b has no prediction */
    /* the tree of what was read is the file's */
    cJSON *again = report_json(&e), *parsed = cJSON_Parse(written.data);
    CU_ASSERT_TRUE(cJSON_Compare(again, parsed, true));
    cJSON_Delete(again);
    cJSON_Delete(parsed);
    /* and written again, byte for byte the same file */
    struct buf out2 = BUF_INIT, path2 = BUF_INIT, rewritten = BUF_INIT;
    buf_addf(&out2, "%s/again", dir);
    buf_addf(&path2, "%s/report.json", out2.data);
    CU_ASSERT_EQUAL_FATAL(report_write(&e, out2.data, NULL, &d), FB_OK);
    CU_ASSERT_EQUAL_FATAL(fileio_read(path2.data, &rewritten, &d), FB_OK);
    CU_ASSERT_EQUAL(rewritten.len, written.len);
    CU_ASSERT_EQUAL(memcmp(rewritten.data, written.data, written.len), 0);
    buf_release(&out2);
    buf_release(&path2);
    buf_release(&rewritten);
    eval_release(&e);
    buf_release(&path);
    buf_release(&written);
    diag_release(&d);
}

/* Reads a report made of text and checks the first message. */
static void refused(const char *text, const char *want)
{
    CU_ASSERT_TRUE_FATAL(put("bad.json", text));
    struct buf path = BUF_INIT;
    buf_addf(&path, "%s/bad.json", dir);
    struct diag d;
    diag_init(&d);
    struct eval e;
    CU_ASSERT_EQUAL(report_read(path.data, &e, &d), FB_EINPUT);
    const char *got = diag_first_error(&d);
    CU_ASSERT_PTR_NOT_NULL_FATAL(got);
    const char *place = strstr(got, "bad.json");
    CU_ASSERT_PTR_NOT_NULL_FATAL(place);
    if (strcmp(place, want) != 0)
        fprintf(stderr, "\n  got:  %s\n  want: %s\n", place, want);
    CU_ASSERT_STRING_EQUAL(place, want);
    buf_release(&path);
    diag_release(&d);
}

static void test_refused(void)
{
    refused("[]", "bad.json: $.schema: missing");
    refused("{\"schema\": \"other/2\"}", "bad.json: $.schema: expected 'factbench-report/1', "
                                         "found 'other/2'");
    refused("{\"schema\": \"factbench-report/1\", \"corpus\": {\"path\": \"c\", \"gold\": \"g\", "
            "\"articles\": 1}, \"backends\": []}",
            "bad.json: $.backends: expected a non-empty array");
    refused("{\"schema\": \"factbench-report/1\", \"corpus\": {\"path\": \"c\", \"gold\": \"g\", "
            "\"articles\": 1}, \"backends\": [{\"name\": \"x\", \"per_article\": [{\"article\": "
            "\"a\", \"position\": 0, \"failed\": false, \"scores\": {\"strict\": {\"actors\": "
            "{\"tp\": -1}}}}]}]}",
            "bad.json: $.backends[0].per_article[0].scores.strict.actors.tp: expected a "
            "non-negative integer");
    refused("{\"schema\": \"factbench-report/1\"", "bad.json:1:32: unexpected end of input");
}

static CU_TestInfo tests[] = {
    {"a report read back is the same report", test_round_trip},
    {"broken reports are refused with the place", test_refused},
    CU_TEST_INFO_NULL,
};

CU_SuiteInfo fb_suites[] = {{"report", setup, teardown, NULL, NULL, tests}, CU_SUITE_INFO_NULL};
