/* Tests for buf.c and text.c: the byte buffer, positions and UTF-8 checks. */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "harness.h"
#include "text.h"

static void test_buf_grows_and_formats(void)
{
    struct buf b = BUF_INIT;
    CU_ASSERT_STRING_EQUAL(b.data, "");
    for (int i = 0; i < 1000; i++)
        buf_addf(&b, "%d,", i % 10);
    CU_ASSERT_EQUAL(b.len, 2000);
    CU_ASSERT_EQUAL(strlen(b.data), 2000);
    buf_truncate(&b, 4);
    CU_ASSERT_STRING_EQUAL(b.data, "0,1,");
    buf_add(&b, "x\0y", 3);
    CU_ASSERT_EQUAL(b.len, 7);
    CU_ASSERT_EQUAL(memcmp(b.data, "0,1,x\0y", 8), 0);
    buf_release(&b);
    CU_ASSERT_EQUAL(b.len, 0);
    CU_ASSERT_STRING_EQUAL(b.data, "");
}

static void test_buf_detach_empty(void)
{
    struct buf b = BUF_INIT;
    size_t n = 99;
    char *s = buf_detach(&b, &n);
    CU_ASSERT_STRING_EQUAL(s, "");
    CU_ASSERT_EQUAL(n, 0);
    free(s);
}

static void test_pos_counts_characters(void)
{
    const char *t = "ab\nc\xC3\xA9"
                    "d\n";
    struct text_pos p = text_pos_of(t, strlen(t), 0);
    CU_ASSERT_EQUAL(p.line, 1);
    CU_ASSERT_EQUAL(p.col, 1);
    p = text_pos_of(t, strlen(t), 3); /* 'c' */
    CU_ASSERT_EQUAL(p.line, 2);
    CU_ASSERT_EQUAL(p.col, 1);
    p = text_pos_of(t, strlen(t), 6); /* 'd', after a two-byte character */
    CU_ASSERT_EQUAL(p.line, 2);
    CU_ASSERT_EQUAL(p.col, 3);
}

static void test_utf8(void)
{
    size_t bad = 0;
    CU_ASSERT_TRUE(text_valid_utf8("plain", 5, &bad));
    CU_ASSERT_TRUE(text_valid_utf8("caf\xC3\xA9 \xE2\x80\x9Cq\xE2\x80\x9D", 13, &bad));
    CU_ASSERT_FALSE(text_valid_utf8("ab\xFF", 3, &bad));
    CU_ASSERT_EQUAL(bad, 2);
    CU_ASSERT_FALSE(text_valid_utf8("a\xC3", 2, &bad)); /* truncated sequence */
    CU_ASSERT_EQUAL(bad, 1);
    CU_ASSERT_FALSE(text_valid_utf8("\xED\xA0\x80", 3, &bad)); /* a surrogate */
    CU_ASSERT_EQUAL(bad, 0);
    CU_ASSERT_FALSE(text_valid_utf8("\xC0\xAF", 2, &bad)); /* overlong */
    CU_ASSERT_FALSE(text_valid_utf8("a\0b", 3, &bad));
    CU_ASSERT_EQUAL(bad, 1);
}

static void test_contains(void)
{
    const char *t = "left four dead";
    CU_ASSERT_TRUE(text_contains(t, strlen(t), "four dead", 9));
    CU_ASSERT_TRUE(text_contains(t, strlen(t), t, strlen(t)));
    CU_ASSERT_FALSE(text_contains(t, strlen(t), "Four", 4));
    CU_ASSERT_FALSE(text_contains(t, strlen(t), "", 0));
    CU_ASSERT_FALSE(text_contains(t, 4, "four", 4)); /* outside the length */
}

static CU_TestInfo tests[] = {
    {"buf grows and formats", test_buf_grows_and_formats},
    {"buf detach of an empty buffer", test_buf_detach_empty},
    {"positions count characters", test_pos_counts_characters},
    {"UTF-8 validity", test_utf8},
    {"substring search", test_contains},
    CU_TEST_INFO_NULL,
};

CU_SuiteInfo fb_suites[] = {FB_SUITE("text", tests), CU_SUITE_INFO_NULL};
