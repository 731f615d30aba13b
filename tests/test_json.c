/* Tests for json.c: parsing and the messages that say where JSON is broken. */
#include <string.h>

#include "diag.h"
#include "harness.h"
#include "json.h"

/* Parses text and checks the one message reported (or none when want is NULL). */
static void expect(const char *text, const char *want)
{
    struct diag d;
    diag_init(&d);
    cJSON *root = json_parse(text, strlen(text), "x.json", 1, 8, &d);
    if (!want) {
        CU_ASSERT_PTR_NOT_NULL(root);
        CU_ASSERT_EQUAL(d.errors, 0);
    } else {
        CU_ASSERT_PTR_NULL(root);
        CU_ASSERT_EQUAL(d.errors, 1);
        const char *got = diag_first_error(&d);
        CU_ASSERT_PTR_NOT_NULL_FATAL(got);
        if (strcmp(got, want) != 0)
            fprintf(stderr, "\n%s\n  got:  %s\n  want: %s\n", text, got, want);
        CU_ASSERT_STRING_EQUAL(got, want);
    }
    cJSON_Delete(root);
    diag_release(&d);
}

static void test_valid(void)
{
    expect("{}", NULL);
    expect(" [1, 2.5e3, -0, \"a\\u00e9\\n\", true, false, null] \n", NULL);
    expect("{\"a\": {\"b\": [[[]]]}}", NULL);
}

static void test_syntax_errors(void)
{
    expect("{\"a\": 1\n \"b\": 2}", "x.json:2:2: expected ',' or '}'");
    expect("[1 2]", "x.json:1:4: expected ',' or ']'");
    expect("{\"a\" 1}", "x.json:1:6: expected ':'");
    expect("{a: 1}", "x.json:1:2: expected a string key");
    expect("{\"a\": }", "x.json:1:7: expected a value");
    expect("[1,]", "x.json:1:4: expected a value");
    expect("{\"a\": 1,}", "x.json:1:9: expected a string key");
    expect("{\"a\": \"b}", "x.json:1:7: unterminated string");
    expect("{\"a\": \"\\x\"}", "x.json:1:9: invalid escape in string");
    expect("[\"\\u12G4\"]", "x.json:1:3: invalid \\u escape in string");
    expect("[\"a\tb\"]", "x.json:1:4: control character in string (write it as an escape)");
    expect("[tru]", "x.json:1:2: expected a value");
    expect("[-]", "x.json:1:2: invalid number");
    expect("[1.]", "x.json:1:2: invalid number");
    expect("[01]", "x.json:1:3: expected ',' or ']'");
    expect("[\"\\ud800\"]", "x.json:1:3: unpaired surrogate in \\u escape");
    expect("[\"\\udc00\\ud800\"]", "x.json:1:3: unpaired surrogate in \\u escape");
    expect("{\"a\": [1, 2", "x.json:1:12: unexpected end of input");
    expect("{} {}", "x.json:1:4: unexpected text after the JSON value");
    expect("", "x.json:1:1: empty input, expected a JSON value");
    expect("  \n ", "x.json:2:2: empty input, expected a JSON value");
}

static void test_encoding(void)
{
    expect("{\"a\": \"caf\xC3\"}", "x.json:1:11: invalid UTF-8");
    expect("[\"a\\u0000b\"]", "x.json:1:4: string contains a NUL character (\\u0000)");
    expect("[\"a\\\\u0000b\"]", NULL);    /* an escaped backslash, then plain text */
    expect("[\"\\ud83d\\ude00\"]", NULL); /* a surrogate pair */
    struct diag d;
    diag_init(&d);
    CU_ASSERT_PTR_NULL(json_parse("[1,\0]", 5, "x.json", 1, 8, &d));
    CU_ASSERT_STRING_EQUAL(diag_first_error(&d), "x.json:1:4: NUL byte in JSON text");
    diag_release(&d);
}

static void test_depth(void)
{
    expect("[[[[[[[[1]]]]]]]]", NULL); /* 8 levels: the limit */
    expect("[[[[[[[[[1]]]]]]]]]", "x.json:1:9: nesting deeper than 8 levels");
    /* deeper than cJSON's own limit: still a message, never a crash */
    char deep[5001];
    memset(deep, '[', 5000);
    deep[5000] = '\0';
    expect(deep, "x.json:1:9: nesting deeper than 8 levels");
}

static void test_line_offset(void)
{
    struct diag d;
    diag_init(&d);
    CU_ASSERT_PTR_NULL(json_parse("{\"id\" 1}", 8, "c.jsonl", 12, 8, &d));
    CU_ASSERT_STRING_EQUAL(diag_first_error(&d), "c.jsonl:12:7: expected ':'");
    diag_release(&d);
}

static void test_counts(void)
{
    const char *ok[] = {"0", "4", "9007199254740992", "1e3"};
    const char *no[] = {"-1", "1.5", "1e300", "9007199254740993e3", "\"4\"", "true"};
    for (int i = 0; i < 4; i++) {
        cJSON *v = cJSON_Parse(ok[i]);
        CU_ASSERT_TRUE(json_is_count(v));
        cJSON_Delete(v);
    }
    for (int i = 0; i < 6; i++) {
        cJSON *v = cJSON_Parse(no[i]);
        CU_ASSERT_FALSE(json_is_count(v));
        cJSON_Delete(v);
    }
}

static CU_TestInfo tests[] = {
    {"valid JSON", test_valid},
    {"syntax errors name the place", test_syntax_errors},
    {"encoding", test_encoding},
    {"nesting depth", test_depth},
    {"line offset of JSON Lines", test_line_offset},
    {"counts", test_counts},
    CU_TEST_INFO_NULL,
};

CU_SuiteInfo fb_suites[] = {FB_SUITE("json", tests), CU_SUITE_INFO_NULL};
