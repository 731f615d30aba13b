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

#include "escape.h"
#include "render.h"

static void attr(struct buf *b, const char *key, const char *value)
{
    buf_addf(b, " %s=\"", key);
    escape_xml(b, value);
    buf_addc(b, '"');
}

static void render(const struct render_input *in, struct buf *b)
{
    const cJSON *r = in->report, *be, *a;
    const char *mode = rj_str(r, "config.mode", "strict");
    char path[96];
    int tests = 0, failures = 0, errors = 0;
    cJSON_ArrayForEach(be, rj(r, "backends"))
    {
        cJSON_ArrayForEach(a, rj(be, "per_article"))
        {
            snprintf(path, sizeof(path), "scores.%s.overall", mode);
            tests++;
            if (cJSON_IsTrue(rj(a, "failed")))
                errors++;
            else if (rj_num(rj(a, path), "fp", 0) + rj_num(rj(a, path), "fn", 0) > 0)
                failures++;
        }
    }
    buf_addf(b,
             "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
             "<testsuites name=\"factbench\" tests=\"%d\" failures=\"%d\" errors=\"%d\">\n",
             tests, failures, errors);
    cJSON_ArrayForEach(be, rj(r, "backends"))
    {
        const char *name = rj_str(be, "name", "?");
        int n = cJSON_GetArraySize(rj(be, "per_article")), f = 0, e = 0;
        cJSON_ArrayForEach(a, rj(be, "per_article"))
        {
            snprintf(path, sizeof(path), "scores.%s.overall", mode);
            if (cJSON_IsTrue(rj(a, "failed")))
                e++;
            else if (rj_num(rj(a, path), "fp", 0) + rj_num(rj(a, path), "fn", 0) > 0)
                f++;
        }
        buf_adds(b, "  <testsuite");
        attr(b, "name", name);
        buf_addf(b, " tests=\"%d\" failures=\"%d\" errors=\"%d\" skipped=\"0\">\n", n, f, e);
        cJSON_ArrayForEach(a, rj(be, "per_article"))
        {
            snprintf(path, sizeof(path), "scores.%s.overall", mode);
            const cJSON *m = rj(a, path);
            buf_adds(b, "    <testcase");
            attr(b, "name", rj_str(a, "article", "?"));
            buf_adds(b, " classname=\"factbench.");
            escape_xml(b, name);
            buf_adds(b, "\"");
            if (cJSON_IsTrue(rj(a, "failed"))) {
                buf_adds(b, ">\n      <error");
                attr(b, "message", rj_str(a, "reason", "failed"));
                buf_adds(b, " type=\"backend\"/>\n    </testcase>\n");
            } else if (rj_num(m, "fp", 0) + rj_num(m, "fn", 0) > 0) {
                char msg[160];
                snprintf(msg, sizeof(msg),
                         "F1 %.3f (%s): %.0f matched, %.0f missing, %.0f spurious",
                         rj_num(m, "f1", 0), mode, rj_num(m, "tp", 0), rj_num(m, "fn", 0),
                         rj_num(m, "fp", 0));
                buf_adds(b, ">\n      <failure");
                attr(b, "message", msg);
                buf_adds(b, " type=\"score\"/>\n    </testcase>\n");
            } else {
                buf_adds(b, "/>\n");
            }
        }
        buf_adds(b, "  </testsuite>\n");
    }
    buf_adds(b, "</testsuites>\n");
}

const struct renderer render_junit = {"junit.xml", render};
