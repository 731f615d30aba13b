/* Tests for config.c: settings from files and flags. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "harness.h"

static const char *write_temp(const char *text)
{
    static char path[] = "/tmp/fb-config-XXXXXX";
    strcpy(path, "/tmp/fb-config-XXXXXX");
    int fd = mkstemp(path);
    FILE *f = fdopen(fd, "w");
    fputs(text, f);
    fclose(f);
    return path;
}

static void test_defaults(void)
{
    struct config c;
    config_defaults(&c);
    CU_ASSERT_DOUBLE_EQUAL(c.match.claim_strict, 0.8, 0);
    CU_ASSERT_DOUBLE_EQUAL(c.match.claim_lenient, 0.5, 0);
    CU_ASSERT_DOUBLE_EQUAL(c.match.count_tolerance, 0.1, 0);
    CU_ASSERT_EQUAL(c.bootstrap, 1000);
    CU_ASSERT_EQUAL(c.permutations, 10000);
    CU_ASSERT_EQUAL(c.mode, MODE_STRICT);
}

static void test_file(void)
{
    struct config c;
    struct diag d;
    diag_init(&d);
    config_defaults(&c);
    const char *path = write_temp("{\"scoring\": {\"claim_strict\": 0.9, \"bootstrap\": 50, "
                                  "\"mode\": \"lenient\", \"seed\": 12}}");
    CU_ASSERT_EQUAL(config_load(&c, path, true, &d), FB_OK);
    CU_ASSERT_DOUBLE_EQUAL(c.match.claim_strict, 0.9, 0);
    CU_ASSERT_EQUAL(c.bootstrap, 50);
    CU_ASSERT_EQUAL(c.seed, 12);
    CU_ASSERT_EQUAL(c.mode, MODE_LENIENT);
    CU_ASSERT_DOUBLE_EQUAL(c.match.claim_lenient, 0.5, 0); /* untouched */
    remove(path);
    diag_release(&d);
}

static void test_file_errors(void)
{
    struct config c;
    struct diag d;
    diag_init(&d);
    config_defaults(&c);
    const char *path = write_temp("{\"scoring\": {\"claim_strict\": 1.5, \"bootstrap\": 2.5, "
                                  "\"mode\": \"fuzzy\", \"colour\": 1}, \"other\": {}}");
    CU_ASSERT_EQUAL(config_load(&c, path, true, &d), FB_EINPUT);
    CU_ASSERT_EQUAL_FATAL(d.n_msgs, 5);
    char want[256];
    snprintf(want, sizeof(want), "%s: $.scoring.claim_strict: expected a number from 0 to 1", path);
    CU_ASSERT_STRING_EQUAL(d.msgs[0].text, want);
    snprintf(want, sizeof(want), "%s: $.scoring.bootstrap: expected an integer from 0 to 1000000",
             path);
    CU_ASSERT_STRING_EQUAL(d.msgs[1].text, want);
    snprintf(want, sizeof(want), "%s: $.scoring.mode: expected 'strict' or 'lenient'", path);
    CU_ASSERT_STRING_EQUAL(d.msgs[2].text, want);
    snprintf(want, sizeof(want), "%s: $.scoring.colour: unknown setting", path);
    CU_ASSERT_STRING_EQUAL(d.msgs[3].text, want);
    snprintf(want, sizeof(want), "%s: $.other: unknown field", path);
    CU_ASSERT_STRING_EQUAL(d.msgs[4].text, want);
    remove(path);
    diag_release(&d);
}

static void test_missing_file(void)
{
    struct config c;
    struct diag d;
    diag_init(&d);
    config_defaults(&c);
    CU_ASSERT_EQUAL(config_load(&c, "/nonexistent/factbench.json", false, &d), FB_OK);
    CU_ASSERT_EQUAL(config_load(&c, "/nonexistent/factbench.json", true, &d), FB_EINPUT);
    CU_ASSERT_EQUAL(d.errors, 1);
    diag_release(&d);
}

static void test_flags(void)
{
    struct config c;
    struct diag d;
    diag_init(&d);
    config_defaults(&c);
    CU_ASSERT_TRUE(config_set(&c, "count_tolerance", "0.25", "--count-tolerance", &d));
    CU_ASSERT_DOUBLE_EQUAL(c.match.count_tolerance, 0.25, 0);
    CU_ASSERT_TRUE(config_set(&c, "mode", "lenient", "--mode", &d));
    CU_ASSERT_EQUAL(c.mode, MODE_LENIENT);
    CU_ASSERT_FALSE(config_set(&c, "seed", "-1", "--seed", &d));
    CU_ASSERT_FALSE(config_set(&c, "bootstrap", "ten", "--bootstrap", &d));
    CU_ASSERT_EQUAL_FATAL(d.n_msgs, 2);
    CU_ASSERT_STRING_EQUAL(d.msgs[1].text, "--bootstrap: 'ten' is not a number");
    diag_release(&d);
}

static void test_http_backends(void)
{
    struct config c;
    struct diag d;
    diag_init(&d);
    config_defaults(&c);
    const char *path = write_temp(
        "{\"backends\": {\"gpt\": {\"spec\": \"llm:http://127.0.0.1:1/v1\", \"model\": \"m\", "
        "\"temperature\": 0.2, \"max_tokens\": 99, \"prompt\": \"p.txt\", \"retries\": 0, "
        "\"headers\": {\"Authorization\": {\"env\": \"TOKEN\", \"prefix\": \"Bearer \"}, "
        "\"X-Static\": \"v\"}}, \"svc\": {\"spec\": \"http:http://127.0.0.1:1/x\"}}}");
    CU_ASSERT_EQUAL_FATAL(config_load(&c, path, true, &d), FB_OK);
    const struct http_options *h = &config_backend(&c, "gpt")->http;
    CU_ASSERT_STRING_EQUAL(h->model, "m");
    CU_ASSERT_DOUBLE_EQUAL(h->temperature, 0.2, 0);
    CU_ASSERT_EQUAL(h->max_tokens, 99);
    CU_ASSERT_EQUAL(h->retries, 0);
    CU_ASSERT_DOUBLE_EQUAL(h->backoff, 0.5, 0); /* the default */
    CU_ASSERT_EQUAL_FATAL(h->n_headers, 2);
    CU_ASSERT_STRING_EQUAL(h->headers[0].env, "TOKEN");
    CU_ASSERT_STRING_EQUAL(h->headers[0].value, "Bearer ");
    CU_ASSERT_PTR_NULL(h->headers[1].env);
    CU_ASSERT_STRING_EQUAL(h->headers[1].value, "v");
    CU_ASSERT_EQUAL(config_backend(&c, "svc")->http.retries, 3);
    remove(path);
    config_release(&c);
    diag_release(&d);
}

static void test_http_backend_errors(void)
{
    struct config c;
    struct diag d;
    diag_init(&d);
    config_defaults(&c);
    const char *path =
        write_temp("{\"backends\": {\"a\": {\"spec\": \"llm:http://h/\", \"temperature\": 3, "
                   "\"headers\": {\"Bad Name\": \"v\", \"X\": {\"env\": \"T\", \"other\": 1}}}, "
                   "\"b\": {\"spec\": \"jsonl:cat\", \"model\": \"m\"}}}");
    CU_ASSERT_EQUAL(config_load(&c, path, true, &d), FB_EINPUT);
    CU_ASSERT_EQUAL_FATAL(d.n_msgs, 4);
    char want[256];
    snprintf(want, sizeof(want), "%s: $.backends.a.temperature: expected a number from 0 to 2",
             path);
    CU_ASSERT_STRING_EQUAL(d.msgs[0].text, want);
    snprintf(want, sizeof(want), "%s: $.backends.a.headers.Bad Name: not a valid header name",
             path);
    CU_ASSERT_STRING_EQUAL(d.msgs[1].text, want);
    CU_ASSERT_PTR_NOT_NULL(strstr(d.msgs[2].text, "$.backends.a.headers.X: expected a string"));
    snprintf(want, sizeof(want),
             "%s: $.backends.b: model, prompt, system, temperature and max_tokens are for llm: "
             "backends",
             path);
    CU_ASSERT_STRING_EQUAL(d.msgs[3].text, want);
    remove(path);
    config_release(&c);
    diag_release(&d);
}

static CU_TestInfo tests[] = {
    {"defaults", test_defaults},
    {"config file", test_file},
    {"config file errors", test_file_errors},
    {"missing config file", test_missing_file},
    {"flags", test_flags},
    {"http and llm backends", test_http_backends},
    {"http and llm backend errors", test_http_backend_errors},
    CU_TEST_INFO_NULL,
};

CU_SuiteInfo fb_suites[] = {FB_SUITE("config", tests), CU_SUITE_INFO_NULL};
