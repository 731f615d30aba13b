/* Tests for corpus.c: .txt and .jsonl corpora, read one article at a time. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "corpus.h"
#include "harness.h"

static char dir[64];

static void put(const char *name, const char *content, size_t len)
{
    struct buf path = BUF_INIT;
    buf_addf(&path, "%s/%s", dir, name);
    CU_ASSERT_TRUE_FATAL(fb_test_write(path.data, content, len));
    buf_release(&path);
}

#define PUT(name, literal) put(name, literal, sizeof(literal) - 1)

static void fresh_dir(void)
{
    CU_ASSERT_EQUAL(fb_test_rmtree(dir), 0);
    strcpy(dir, "/tmp/fb-test-corpus-XXXXXX");
    CU_ASSERT_PTR_NOT_NULL_FATAL(mkdtemp(dir));
}

/* Reads the whole corpus; returns the number of articles, keeps messages in d. */
static size_t read_all(const char *path, struct diag *d, struct buf *ids)
{
    corpus *c = corpus_open(path, d);
    if (!c)
        return 0;
    struct article a;
    fb_result rc;
    size_t n = 0;
    while ((rc = corpus_next(c, &a, d)) != FB_END) {
        if (rc != FB_OK)
            continue;
        n++;
        buf_addf(ids, "%s%s|%d|%s;", a.id, a.has_published ? "+" : "", a.published.day,
                 a.title ? a.title : "-");
    }
    corpus_close(c);
    return n;
}

static void test_txt_headers(void)
{
    fresh_dir();
    PUT("b.txt", " date 2017-03-23 Advertisement\n\nText.\n");
    PUT("a.txt", "No header here.\n");
    PUT("c.txt", "date\t2019-06-01\nText");
    PUT("d.txt", "date palms grow here\n");
    PUT("README.md", "not an article");
    PUT(".hidden.txt", "hidden");
    struct diag d;
    diag_init(&d);
    struct buf ids = BUF_INIT;
    CU_ASSERT_EQUAL(read_all(dir, &d, &ids), 4);
    CU_ASSERT_EQUAL(d.errors, 0);
    CU_ASSERT_STRING_EQUAL(ids.data, "a|0|-;b+|23|-;c+|1|-;d|0|-;");
    buf_release(&ids);
    diag_release(&d);
}

static void test_txt_errors(void)
{
    fresh_dir();
    PUT("bad date.txt", "x");
    PUT("e.txt", "  date 2017-02-30\nText");
    PUT("f.txt", "Line one\nab\xFF");
    PUT("g.txt", "");
    PUT("h.txt", "a\0b");
    PUT("ok.txt", "fine");
    struct diag d;
    diag_init(&d);
    struct buf ids = BUF_INIT;
    CU_ASSERT_EQUAL(read_all(dir, &d, &ids), 1);
    CU_ASSERT_EQUAL_FATAL(d.n_msgs, 5);
    struct buf want = BUF_INIT;
    buf_addf(&want,
             "%s/bad date.txt: 'bad date' is not a valid article id (ids match "
             "[A-Za-z0-9][A-Za-z0-9._-]{0,127})",
             dir);
    CU_ASSERT_STRING_EQUAL(d.msgs[0].text, want.data);
    buf_reset(&want);
    buf_addf(&want,
             "%s/e.txt:1:8: '2017-02-30' is not a date that exists (expected "
             "'date YYYY-MM-DD')",
             dir);
    CU_ASSERT_STRING_EQUAL(d.msgs[1].text, want.data);
    buf_reset(&want);
    buf_addf(&want, "%s/f.txt:2:3: invalid UTF-8", dir);
    CU_ASSERT_STRING_EQUAL(d.msgs[2].text, want.data);
    buf_reset(&want);
    buf_addf(&want, "%s/g.txt: empty article", dir);
    CU_ASSERT_STRING_EQUAL(d.msgs[3].text, want.data);
    buf_reset(&want);
    buf_addf(&want, "%s/h.txt:1:2: NUL byte in article text", dir);
    CU_ASSERT_STRING_EQUAL(d.msgs[4].text, want.data);
    buf_release(&want);
    buf_release(&ids);
    diag_release(&d);
}

static void test_jsonl(void)
{
    fresh_dir();
    PUT("c.jsonl", "{\"id\": \"j1\", \"published\": \"2020-01-02\", \"title\": \"T\", "
                   "\"text\": \"x\"}\n"
                   "\n"
                   "{\"id\": \"j2\", \"published\": null, \"title\": null, \"text\": \"y\"}\n"
                   "{\"id\": \"j3\" \"text\": \"y\"}\n"
                   "{\"id\": \"j4\", \"published\": \"2020-02-30\", \"text\": \"y\"}\n"
                   "{\"id\": \"../j5\", \"text\": \"y\"}\n"
                   "{\"text\": 5}\n"
                   "[1]\n"
                   "{\"id\": \"j6\", \"text\": \"caf\xC3\"}\n"
                   "{\"id\": \"j7\", \"text\": \"last, no newline\"}");
    struct diag d;
    diag_init(&d);
    struct buf ids = BUF_INIT;
    struct buf path = BUF_INIT;
    buf_addf(&path, "%s/c.jsonl", dir);
    CU_ASSERT_EQUAL(read_all(path.data, &d, &ids), 3);
    CU_ASSERT_STRING_EQUAL(ids.data, "j1+|2|T;j2|0|-;j7|0|-;");
    const char *want[] = {
        ":4:13: expected ',' or '}'",
        ":5: $.published: '2020-02-30' is not a date that exists (YYYY-MM-DD)",
        ":6: $.id: '../j5' is not a valid article id",
        ":7: $: missing required field 'id'",
        ":7: $.text: expected a string",
        ":8: $: expected an object",
        ":9:26: invalid UTF-8",
    };
    CU_ASSERT_EQUAL_FATAL(d.n_msgs, 7);
    for (int i = 0; i < 7; i++) {
        struct buf w = BUF_INIT;
        buf_addf(&w, "%s%s", path.data, want[i]);
        if (strcmp(d.msgs[i].text, w.data) != 0)
            fprintf(stderr, "\n  got:  %s\n  want: %s\n", d.msgs[i].text, w.data);
        CU_ASSERT_STRING_EQUAL(d.msgs[i].text, w.data);
        buf_release(&w);
    }
    buf_release(&path);
    buf_release(&ids);
    diag_release(&d);
}

static void test_directory_mixes_forms_in_name_order(void)
{
    fresh_dir();
    PUT("b.jsonl", "{\"id\": \"b1\", \"text\": \"x\"}\n{\"id\": \"b2\", \"text\": \"x\"}\n");
    PUT("a.txt", "x");
    PUT("c.txt", "x");
    struct diag d;
    diag_init(&d);
    struct buf ids = BUF_INIT;
    CU_ASSERT_EQUAL(read_all(dir, &d, &ids), 4);
    CU_ASSERT_STRING_EQUAL(ids.data, "a|0|-;b1|0|-;b2|0|-;c|0|-;");
    buf_release(&ids);
    diag_release(&d);
}

static void test_open_errors(void)
{
    struct diag d;
    diag_init(&d);
    CU_ASSERT_PTR_NULL(corpus_open("/nonexistent/corpus", &d));
    CU_ASSERT_STRING_EQUAL(diag_first_error(&d),
                           "cannot open corpus '/nonexistent/corpus': No such file or directory");
    diag_release(&d);
    fresh_dir();
    PUT("notes.md", "x");
    struct buf path = BUF_INIT;
    buf_addf(&path, "%s/notes.md", dir);
    CU_ASSERT_PTR_NULL(corpus_open(path.data, &d));
    CU_ASSERT_EQUAL(d.errors, 1);
    buf_release(&path);
    diag_release(&d);
}

static void test_large_jsonl_streams(void)
{
    fresh_dir();
    struct buf path = BUF_INIT;
    buf_addf(&path, "%s/big.jsonl", dir);
    FILE *f = fopen(path.data, "w");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    for (int i = 0; i < 20000; i++)
        fprintf(f, "{\"id\": \"a%d\", \"text\": \"article number %d\"}\n", i, i);
    fclose(f);
    struct diag d;
    diag_init(&d);
    corpus *c = corpus_open(path.data, &d);
    struct article a;
    size_t n = 0;
    while (corpus_next(c, &a, &d) == FB_OK)
        n++;
    corpus_close(c);
    CU_ASSERT_EQUAL(n, 20000);
    CU_ASSERT_EQUAL(d.errors, 0);
    buf_release(&path);
    diag_release(&d);
}

static int cleanup(void)
{
    return fb_test_rmtree(dir);
}

static CU_TestInfo tests[] = {
    {".txt headers", test_txt_headers},
    {".txt errors", test_txt_errors},
    {"JSON Lines", test_jsonl},
    {"directories mix both forms in name order", test_directory_mixes_forms_in_name_order},
    {"open errors", test_open_errors},
    {"large JSON Lines files stream", test_large_jsonl_streams},
    CU_TEST_INFO_NULL,
};

CU_SuiteInfo fb_suites[] = {{"corpus", NULL, cleanup, NULL, NULL, tests}, CU_SUITE_INFO_NULL};
