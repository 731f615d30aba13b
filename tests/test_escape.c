/* Tests for escape.c: hostile strings in every output format. */
#include <string.h>

#include "buf.h"
#include "escape.h"
#include "harness.h"

static void expect(void (*fn)(struct buf *, const char *), const char *in, const char *want)
{
    struct buf b = BUF_INIT;
    fn(&b, in);
    if (strcmp(b.data, want) != 0)
        fprintf(stderr, "\n  in: %s\n  got:  %s\n  want: %s\n", in, b.data, want);
    CU_ASSERT_STRING_EQUAL(b.data, want);
    buf_release(&b);
}

static void test_html(void)
{
    expect(escape_html, "<script>alert('x')</script>",
           "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
    expect(escape_html, "a & \"b\"", "a &amp; &quot;b&quot;");
    expect(escape_html, "caf\xC3\xA9", "caf\xC3\xA9");
}

static void test_xml(void)
{
    expect(escape_xml, "]]><x a=\"1\">", "]]&gt;&lt;x a=&quot;1&quot;&gt;");
    expect(escape_xml, "bell\x07tab\tnl\n", "bell\xEF\xBF\xBDtab\tnl\n");
}

static void test_csv(void)
{
    expect(escape_csv, "plain", "plain");
    expect(escape_csv, "a,b", "\"a,b\"");
    expect(escape_csv, "say \"hi\"", "\"say \"\"hi\"\"\"");
    expect(escape_csv, "two\nlines", "\"two\nlines\"");
    expect(escape_csv, "=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"");
    expect(escape_csv, "-1+2", "\"'-1+2\"");
    expect(escape_csv, "@SUM(A1)", "\"'@SUM(A1)\"");
    expect(escape_csv, "", "");
}

static void test_md(void)
{
    expect(escape_md, "a|b", "a\\|b");
    expect(escape_md, "<b>bold</b>", "&lt;b&gt;bold&lt;/b&gt;");
    expect(escape_md, "`code` *em* _u_ [l](x)", "\\`code\\` \\*em\\* \\_u\\_ \\[l\\](x)");
    expect(escape_md, "two\nlines", "two lines");
}

static CU_TestInfo tests[] = {
    {"HTML", test_html},   {"XML", test_xml}, {"CSV, formulas included", test_csv},
    {"Markdown", test_md}, CU_TEST_INFO_NULL,
};

CU_SuiteInfo fb_suites[] = {FB_SUITE("escape", tests), CU_SUITE_INFO_NULL};
