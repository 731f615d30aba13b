/*
 * render_junit.c - junit.xml: one test case per article and backend.
 *
 * A backend that failed on an article (crash, timeout, invalid output) is
 * an <error>; an article scored with anything missing or spurious in the
 * headline mode is a <failure> whose message gives the counts; a perfect
 * article passes. Test suites are the backends, the class name is
 * "factbench.<backend>", so the common JUnit consumers group them.
 */
#include <stdio.h>
#include <stdlib.h>

#include "escape.h"
#include "eval.h"
#include "fileio.h"
#include "render.h"
#include "xalloc.h"

static void attr(struct buf *b, const char *key, const char *value)
{
    buf_addf(b, " %s=\"", key);
    escape_xml(b, value);
    buf_addc(b, '"');
}

/* Whether a scored article missed or added anything in mode m. */
static bool imperfect(const struct article_row *a, enum mode m)
{
    return !a->reason && a->counts[m][SCORE_OVERALL].fp + a->counts[m][SCORE_OVERALL].fn > 0;
}

static size_t imperfect_articles(const struct backend_run *run, enum mode m)
{
    struct store_cursor c;
    struct article_row a;
    size_t n = 0;
    store_open(&c, run->articles);
    while (store_next(&c, &a))
        n += imperfect(&a, m);
    store_close(&c);
    return n;
}

static void testcase(struct buf *b, const struct backend_run *run, const struct article_row *a,
                     enum mode m)
{
    struct prf o = a->counts[m][SCORE_OVERALL];
    buf_adds(b, "    <testcase");
    attr(b, "name", a->id);
    buf_adds(b, " classname=\"factbench.");
    escape_xml(b, run->name);
    buf_adds(b, "\"");
    if (a->reason) {
        buf_adds(b, ">\n      <error");
        attr(b, "message", a->reason);
        buf_adds(b, " type=\"backend\"/>\n    </testcase>\n");
    } else if (imperfect(a, m)) {
        char msg[160];
        snprintf(msg, sizeof(msg), "F1 %.3f (%s): %lld matched, %lld missing, %lld spurious",
                 prf_f1(o), mode_names[m], (long long)o.tp, (long long)o.fn, (long long)o.fp);
        buf_adds(b, ">\n      <failure");
        attr(b, "message", msg);
        buf_adds(b, " type=\"score\"/>\n    </testcase>\n");
    } else {
        buf_adds(b, "/>\n");
    }
}

static void render(const struct render_input *in, struct fileio_stream *out)
{
    const struct eval *e = in->e;
    struct buf *b = &out->text;
    enum mode m = e->cfg.mode;
    size_t tests = 0, failures = 0, errors = 0;
    size_t *imperfect_of = xcalloc(e->n_runs + 1, sizeof(*imperfect_of));
    for (size_t i = 0; i < e->n_runs; i++) {
        imperfect_of[i] = imperfect_articles(&e->runs[i], m);
        tests += e->runs[i].n_articles;
        failures += imperfect_of[i];
        errors += e->runs[i].failed;
    }
    buf_addf(b,
             "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
             "<testsuites name=\"factbench\" tests=\"%zu\" failures=\"%zu\" errors=\"%zu\">\n",
             tests, failures, errors);
    for (size_t i = 0; i < e->n_runs; i++) {
        const struct backend_run *run = &e->runs[i];
        buf_adds(b, "  <testsuite");
        attr(b, "name", run->name);
        buf_addf(b, " tests=\"%zu\" failures=\"%zu\" errors=\"%zu\" skipped=\"0\">\n",
                 run->n_articles, imperfect_of[i], run->failed);
        struct store_cursor c;
        struct article_row a;
        store_open(&c, run->articles);
        while (store_next(&c, &a)) {
            testcase(b, run, &a, m);
            fileio_stream_flush(out);
        }
        store_close(&c);
        buf_adds(b, "  </testsuite>\n");
    }
    buf_adds(b, "</testsuites>\n");
    free(imperfect_of);
}

const struct renderer render_junit = {"junit.xml", render};
