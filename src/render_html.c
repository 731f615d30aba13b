/*
 * render_html.c - report.html: one self-contained page.
 *
 * Summary tables, the plots inline as SVG, a sortable per-article table and
 * a drill-down per article with its text and, per backend, what was
 * missing, spurious or only partly right; for a large corpus, the table and
 * the drill-down show the articles with the lowest F1. No outside resource is loaded;
 * every string from an article, a gold file or a backend is escaped, and the
 * page's script reads no data but the DOM's own numbers.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "escape.h"
#include "eval.h"
#include "fileio.h"
#include "plots.h"
#include "render.h"
#include "xalloc.h"

/* Articles shown at most in the table and in the drill-down: a big corpus keeps its page small. */
#define MAX_TABLE     2000
#define MAX_DRILLDOWN 400

static const char style[] =
    "body{font:15px/1.5 system-ui,sans-serif;margin:2em auto;max-width:1100px;color:#222;"
    "padding:0 1em}h1{margin-bottom:.2em}h2{margin-top:2em;border-bottom:1px solid #ddd}"
    "table{border-collapse:collapse;margin:.8em 0}td,th{padding:.25em .6em;border-bottom:1px "
    "solid #eee;text-align:right}td:first-child,th:first-child,td.l,th.l{text-align:left}"
    "th{background:#f6f6f6}th.sort{cursor:pointer}th.sort:after{content:' \\2195';color:#aaa}"
    ".f1{font-weight:600}.bad{color:#b2182b}.ok{color:#1a7f37}.muted{color:#777}"
    "figure{margin:1em 0}figcaption{color:#555;font-size:.9em}svg{max-width:100%;height:auto}"
    "details{border:1px solid #ddd;border-radius:6px;margin:.4em 0;padding:.3em .8em}"
    "summary{cursor:pointer}pre{white-space:pre-wrap;background:#fafafa;padding:.8em;"
    "border-radius:4px;font-size:.9em}.missing{background:#fde0dd}.spurious{background:#fee8c8}"
    ".partial{background:#fff7bc}li{margin:.15em 0}.tag{font-size:.8em;padding:0 .4em;"
    "border-radius:3px;margin-right:.4em}";

/* Sorts the per-article table by the clicked column; numbers as numbers. */
static const char script[] =
    "document.querySelectorAll('th.sort').forEach(function(th){th.addEventListener('click',"
    "function(){var t=th.closest('table'),b=t.tBodies[0],i=th.cellIndex,"
    "asc=th.dataset.asc!=='1';th.dataset.asc=asc?'1':'0';"
    "var rows=Array.prototype.slice.call(b.rows);rows.sort(function(x,y){"
    "var a=x.cells[i].dataset.v||x.cells[i].textContent,c=y.cells[i].dataset.v||"
    "y.cells[i].textContent,p=parseFloat(a),q=parseFloat(c);"
    "var r=(!isNaN(p)&&!isNaN(q))?p-q:a.localeCompare(c);return asc?r:-r;});"
    "rows.forEach(function(r){b.appendChild(r);});});});";

static void text(struct buf *b, const char *s)
{
    escape_html(b, s);
}

static void score_rows(struct buf *b, const cJSON *report, const char *mode)
{
    const cJSON *be;
    char path[96];
    buf_adds(b, "<table><thead><tr><th class=l>backend</th><th class=l>category</th><th>P</th>"
                "<th>R</th><th>F1</th><th>95% CI</th><th>TP</th><th>FP</th><th>FN</th></tr>"
                "</thead><tbody>");
    cJSON_ArrayForEach(be, rj(report, "backends"))
    {
        for (int k = 0; k < N_SCORES; k++) {
            snprintf(path, sizeof(path), "scores.%s.%s", mode, render_scores[k]);
            const cJSON *m = rj(be, path), *ci = rj(m, "f1_ci95");
            buf_adds(b, "<tr><td>");
            if (k == 0)
                text(b, rj_str(be, "name", "?"));
            buf_addf(b,
                     "</td><td class=l>%s</td><td>%.3f</td><td>%.3f</td><td class=f1>%.3f</td>"
                     "<td>",
                     render_scores[k], rj_num(m, "precision", 0), rj_num(m, "recall", 0),
                     rj_num(m, "f1", 0));
            if (cJSON_GetArraySize(ci) == 2)
                buf_addf(b, "%.3f – %.3f", cJSON_GetArrayItem(ci, 0)->valuedouble,
                         cJSON_GetArrayItem(ci, 1)->valuedouble);
            buf_addf(b, "</td><td>%.0f</td><td>%.0f</td><td>%.0f</td></tr>", rj_num(m, "tp", 0),
                     rj_num(m, "fp", 0), rj_num(m, "fn", 0));
        }
    }
    buf_adds(b, "</tbody></table>");
}

static void breakdown(struct buf *b, const cJSON *report)
{
    const cJSON *be;
    buf_adds(b, "<h2>Breakdown (lenient alignment)</h2><p class=muted>Correct: matches strictly "
                "too; partial: matches only leniently; attribute accuracy on matched items.</p>"
                "<table><thead><tr><th class=l>backend</th><th class=l>category</th>"
                "<th>correct</th><th>partial</th><th>missing</th><th>spurious</th>"
                "<th class=l>attributes</th></tr></thead><tbody>");
    cJSON_ArrayForEach(be, rj(report, "backends"))
    {
        for (int k = 0; k < N_CATEGORIES; k++) {
            const cJSON *c = rj(rj(be, "breakdown"), category_names[k]), *attr;
            buf_adds(b, "<tr><td>");
            if (k == 0)
                text(b, rj_str(be, "name", "?"));
            buf_addf(b,
                     "</td><td class=l>%s</td><td>%.0f</td><td>%.0f</td><td>%.0f</td>"
                     "<td>%.0f</td><td class=l>",
                     category_names[k], rj_num(c, "correct", 0), rj_num(c, "partial", 0),
                     rj_num(c, "missing", 0), rj_num(c, "spurious", 0));
            cJSON_ArrayForEach(attr, rj(c, "attributes"))
            {
                if (cJSON_IsNumber(rj(attr, "accuracy")))
                    buf_addf(b, "%s %.0f%% (%.0f) ", attr->string,
                             100 * rj_num(attr, "accuracy", 0), rj_num(attr, "compared", 0));
            }
            buf_adds(b, "</td></tr>");
        }
    }
    buf_adds(b, "</tbody></table>");
}

static void comparisons(struct buf *b, const cJSON *report)
{
    const cJSON *c;
    if (!cJSON_GetArraySize(rj(report, "comparisons")))
        return;
    buf_adds(b, "<h2>Comparisons</h2><p class=muted>Paired approximate randomisation over "
                "articles; ΔF1 = F1(A) − F1(B), overall.</p><table><thead><tr><th class=l>A</th>"
                "<th class=l>B</th><th class=l>mode</th><th>ΔF1</th><th>p</th></tr></thead>"
                "<tbody>");
    cJSON_ArrayForEach(c, rj(report, "comparisons"))
    {
        buf_adds(b, "<tr><td>");
        text(b, rj_str(c, "a", "?"));
        buf_adds(b, "</td><td class=l>");
        text(b, rj_str(c, "b", "?"));
        double p = rj_num(c, "p_value", 1);
        buf_addf(b, "</td><td class=l>%s</td><td>%+.3f</td><td class=%s>%.4f</td></tr>",
                 rj_str(c, "mode", "?"), rj_num(c, "delta_f1", 0), p < 0.05 ? "ok" : "muted", p);
    }
    buf_adds(b, "</tbody></table>");
}

/* Inlines an SVG file, without its XML prolog: from where plots_draw() left it. */
static void inline_svg(struct buf *b, const struct render_input *in, const char *name)
{
    struct buf path = BUF_INIT, svg = BUF_INIT;
    struct diag quiet;
    diag_init(&quiet);
    if (in->plots->dir)
        buf_addf(&path, "%s/%s.svg", in->plots->dir, name);
    else
        buf_addf(&path, "%s/plots/%s.svg", in->out_dir, name);
    if (fileio_read(path.data, &svg, &quiet) == FB_OK) {
        const char *start = strstr(svg.data, "<svg");
        if (start)
            buf_adds(b, start);
    }
    diag_release(&quiet);
    buf_release(&path);
    buf_release(&svg);
}

static void plots(struct buf *b, const struct render_input *in)
{
    if (!in->plots)
        return;
    buf_adds(b, "<h2>Plots</h2>");
    if (in->plots->skipped[0]) {
        buf_adds(b, "<p class=muted>");
        text(b, in->plots->skipped);
        buf_adds(b, ".</p>");
        return;
    }
    for (int k = 0; k < N_PLOTS; k++) {
        if (!in->plots->drawn[k])
            continue;
        buf_adds(b, "<figure>");
        inline_svg(b, in, plot_names[k]);
        buf_addf(b, "<figcaption>%s</figcaption></figure>", plot_captions[k]);
    }
}

/* ---- which articles a long report shows ---------------------------------------- */

struct pick {
    double f1; /* the lowest of the backends'; -1 for a failed article */
    size_t index;
};

/* Whether x goes before y: a lower F1, then an earlier article. */
static bool before(struct pick x, struct pick y)
{
    return x.f1 < y.f1 || (x.f1 == y.f1 && x.index < y.index);
}

/* Restores the max-heap (by before()) below node i. */
static void sift_down(struct pick *h, size_t n, size_t i)
{
    for (;;) {
        size_t top = i, l = 2 * i + 1, r = l + 1;
        if (l < n && before(h[top], h[l]))
            top = l;
        if (r < n && before(h[top], h[r]))
            top = r;
        if (top == i)
            return;
        struct pick t = h[i];
        h[i] = h[top];
        h[top] = t;
        i = top;
    }
}

static int by_index(const void *x, const void *y)
{
    const struct pick *a = x, *b = y;
    return (a->index > b->index) - (a->index < b->index);
}

static int by_f1(const void *x, const void *y)
{
    const struct pick *a = x, *b = y;
    return before(*a, *b) ? -1 : before(*b, *a);
}

/*
 * The MAX_TABLE articles with the lowest overall F1 in the headline mode
 * (the lowest of the backends'; failed articles first), lowest first, in
 * one pass over the stores with a bounded max-heap; none when every article
 * fits in both sections. *n is how many.
 */
static struct pick *lowest_articles(const struct eval *e, size_t *n)
{
    *n = 0;
    if (e->n_articles <= MAX_DRILLDOWN)
        return NULL;
    struct pick *h = xcalloc(MAX_TABLE, sizeof(*h));
    struct render_rows rows;
    render_rows_open(&rows, e);
    for (size_t i = 0; render_rows_next(&rows); i++) {
        struct pick p = {2.0, i};
        for (size_t k = 0; k < rows.n; k++) {
            double f1 =
                rows.row[k].reason ? -1 : prf_f1(rows.row[k].counts[e->cfg.mode][SCORE_OVERALL]);
            p.f1 = f1 < p.f1 ? f1 : p.f1;
        }
        if (*n < MAX_TABLE) {
            h[(*n)++] = p;
            if (*n == MAX_TABLE)
                for (size_t k = MAX_TABLE / 2 + 1; k-- > 0;)
                    sift_down(h, MAX_TABLE, k);
        } else if (before(p, h[0])) {
            h[0] = p;
            sift_down(h, MAX_TABLE, 0);
        }
    }
    render_rows_close(&rows);
    qsort(h, *n, sizeof(*h), by_f1);
    return h;
}

/*
 * The articles a section shows: all of them when there are no more than
 * limit, else the limit with the lowest F1 (from lowest_articles()), in
 * corpus order.
 */
struct selection {
    bool all;
    struct pick *picks; /* sorted by index */
    size_t n, next;
};

static void select_lowest(const struct eval *e, const struct pick *lowest, size_t n_lowest,
                          size_t limit, struct selection *s)
{
    memset(s, 0, sizeof(*s));
    s->all = e->n_articles <= limit;
    if (s->all)
        return;
    s->n = n_lowest < limit ? n_lowest : limit;
    s->picks = xcalloc(s->n + 1, sizeof(*s->picks));
    memcpy(s->picks, lowest, s->n * sizeof(*s->picks));
    qsort(s->picks, s->n, sizeof(*s->picks), by_index);
}

/* Whether article i is shown; asked of every article in corpus order. */
static bool selected(struct selection *s, size_t i)
{
    if (s->all)
        return true;
    if (s->next < s->n && s->picks[s->next].index == i) {
        s->next++;
        return true;
    }
    return false;
}

static size_t selection_count(const struct selection *s, const struct eval *e)
{
    return s->all ? e->n_articles : s->n;
}

static void selection_note(struct buf *b, const struct selection *s, const struct eval *e)
{
    if (!s->all)
        buf_addf(b,
                 "<p class=muted>The %zu articles of %zu with the lowest F1 (the lowest of "
                 "the backends', failed articles first), in corpus order; per_article.csv "
                 "has every article.</p>",
                 s->n, e->n_articles);
}

/* ---- the per-article sections ------------------------------------------------------- */

static void per_article_table(struct fileio_stream *out, const struct eval *e,
                              const struct pick *lowest, size_t n_lowest)
{
    struct buf *b = &out->text;
    enum mode m = e->cfg.mode;
    struct selection shown;
    select_lowest(e, lowest, n_lowest, MAX_TABLE, &shown);
    buf_adds(b, "<h2>Articles</h2><p class=muted>Overall F1 per article; click a column to "
                "sort.</p>");
    selection_note(b, &shown, e);
    buf_adds(b, "<table id=articles><thead><tr><th class='l sort'>article</th>");
    for (size_t i = 0; i < e->n_runs; i++) {
        buf_adds(b, "<th class=sort>");
        text(b, e->runs[i].name);
        buf_adds(b, "</th>");
    }
    buf_adds(b, "</tr></thead><tbody>");
    struct render_rows rows;
    render_rows_open(&rows, e);
    for (size_t a = 0; render_rows_next(&rows); a++) {
        if (!selected(&shown, a))
            continue;
        buf_adds(b, "<tr><td class=l><a href='#a-");
        text(b, rows.row[0].id);
        buf_adds(b, "'>");
        text(b, rows.row[0].id);
        buf_adds(b, "</a></td>");
        for (size_t i = 0; i < rows.n; i++) {
            double f1 = prf_f1(rows.row[i].counts[m][SCORE_OVERALL]);
            if (rows.row[i].reason) {
                buf_adds(b, "<td data-v=-1 class=bad title='failed'>failed</td>");
            } else {
                buf_adds(b, "<td data-v=");
                render_decimal(b, f1, 6);
                buf_addf(b, " class=%s>", f1 < 0.5 ? "bad" : "");
                render_decimal(b, f1, 3);
                buf_adds(b, "</td>");
            }
        }
        buf_adds(b, "</tr>");
        fileio_stream_flush(out);
    }
    render_rows_close(&rows);
    free(shown.picks);
    buf_adds(b, "</tbody></table>");
}

static void item(struct buf *b, const cJSON *o)
{
    const char *fields[] = {"name", "what", "value", "claimant", "kind", "text", "type", "role"};
    bool first = true;
    for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
        const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, fields[i]);
        if (!v)
            continue;
        buf_adds(b, first ? "" : ", ");
        first = false;
        buf_addf(b, "%s: ", fields[i]);
        if (cJSON_IsString(v))
            text(b, v->valuestring);
        else if (cJSON_IsNumber(v))
            buf_addf(b, "%.0f", v->valuedouble);
    }
}

static void error_list(struct buf *b, const cJSON *errors)
{
    const cJSON *cat, *x;
    if (!errors || !errors->child) {
        buf_adds(b, "<p class=ok>nothing missing, spurious or partial</p>");
        return;
    }
    buf_adds(b, "<ul>");
    cJSON_ArrayForEach(cat, errors)
    {
        cJSON_ArrayForEach(x, rj(cat, "missing"))
        {
            buf_addf(b, "<li class=missing><span class=tag>missing %s</span>", cat->string);
            item(b, x);
            buf_adds(b, "</li>");
        }
        cJSON_ArrayForEach(x, rj(cat, "spurious"))
        {
            buf_addf(b, "<li class=spurious><span class=tag>spurious %s</span>", cat->string);
            item(b, x);
            buf_adds(b, "</li>");
        }
        cJSON_ArrayForEach(x, rj(cat, "partial"))
        {
            buf_addf(b, "<li class=partial><span class=tag>partial %s</span>", cat->string);
            item(b, rj(x, "predicted"));
            buf_adds(b, " — ");
            text(b, rj_str(x, "differs", ""));
            buf_adds(b, "</li>");
        }
    }
    buf_adds(b, "</ul>");
}

static void drilldown(struct fileio_stream *out, const struct eval *e, const struct pick *lowest,
                      size_t n_lowest)
{
    struct buf *b = &out->text;
    struct buf path = BUF_INIT, article = BUF_INIT;
    struct selection shown;
    select_lowest(e, lowest, n_lowest, MAX_DRILLDOWN, &shown);
    buf_adds(b, "<h2>Drill-down</h2>");
    selection_note(b, &shown, e);
    struct render_rows rows;
    render_rows_open(&rows, e);
    for (size_t a = 0, left = selection_count(&shown, e); left && render_rows_next(&rows); a++) {
        if (!selected(&shown, a))
            continue;
        left--;
        const char *id = rows.row[0].id;
        buf_adds(b, "<details id='a-");
        text(b, id);
        buf_adds(b, "'><summary>");
        text(b, id);
        buf_adds(b, "</summary>");
        buf_reset(&path);
        buf_addf(&path, "%s/%s.txt", e->corpus_path, id);
        struct diag quiet;
        diag_init(&quiet);
        if (fileio_read_max(path.data, e->cfg.limits.article_bytes, "limits.article_bytes",
                            &article, &quiet) == FB_OK) {
            buf_adds(b, "<pre>");
            text(b, article.data);
            buf_adds(b, "</pre>");
        }
        diag_release(&quiet);
        for (size_t k = 0; k < rows.n; k++) {
            buf_adds(b, "<h4>");
            text(b, e->runs[k].name);
            buf_adds(b, "</h4>");
            if (rows.row[k].reason) {
                buf_adds(b, "<p class=bad>failed: ");
                text(b, rows.row[k].reason);
                buf_adds(b, "</p>");
            } else {
                cJSON *entry = render_rows_entry(&rows, k);
                error_list(b, rj(entry, "errors"));
                cJSON_Delete(entry);
            }
        }
        buf_adds(b, "</details>");
        fileio_stream_flush(out);
    }
    render_rows_close(&rows);
    free(shown.picks);
    buf_release(&path);
    buf_release(&article);
}

static void render(const struct render_input *in, struct fileio_stream *out)
{
    struct buf *b = &out->text;
    const cJSON *r = in->report;
    const char *mode = rj_str(r, "config.mode", "strict");
    buf_addf(b,
             "<!DOCTYPE html><html lang=en><head><meta charset=utf-8><meta name=viewport "
             "content='width=device-width,initial-scale=1'><title>factbench report</title>"
             "<style>%s</style></head><body><h1>factbench report</h1><p class=muted id=summary>",
             style);
    buf_addf(b, "%.0f articles from <code>", rj_num(r, "corpus.articles", 0));
    text(b, rj_str(r, "corpus.path", "?"));
    buf_adds(b, "</code> against <code>");
    text(b, rj_str(r, "corpus.gold", "?"));
    buf_addf(b, "</code>; headline mode %s.</p>", mode);
    if (rj(r, "gate"))
        buf_addf(b, "<p class=%s><b>Quality gate %s.</b></p>",
                 cJSON_IsTrue(rj(r, "gate.passed")) ? "ok" : "bad",
                 cJSON_IsTrue(rj(r, "gate.passed")) ? "passed" : "failed");
    buf_addf(b, "<h2>Scores (%s)</h2>", mode);
    score_rows(b, r, mode);
    buf_addf(b, "<h2>Scores (%s)</h2>", strcmp(mode, "strict") == 0 ? "lenient" : "strict");
    score_rows(b, r, strcmp(mode, "strict") == 0 ? "lenient" : "strict");
    breakdown(b, r);
    comparisons(b, r);
    plots(b, in);
    size_t n_lowest;
    struct pick *lowest = lowest_articles(in->e, &n_lowest);
    per_article_table(out, in->e, lowest, n_lowest);
    drilldown(out, in->e, lowest, n_lowest);
    free(lowest);
    buf_addf(b, "<script>%s</script></body></html>\n", script);
}

const struct renderer render_html = {"report.html", render};
