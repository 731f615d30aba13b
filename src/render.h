/*
 * render.h - the reports people read, all made from report.json.
 *
 * report.json is the single source: every other format is rendered from
 * what it holds, its summary tree (report_summary()) and, article by
 * article, the per_article entries of the evaluation's stores that it
 * copies (plus, for the HTML drill-down, the article texts of the corpus it
 * names). Renderers write as they go (fileio.h's streams), so that no
 * format sits whole in memory. One renderer per format behind one struct;
 * adding a format is one new file and one row in the table of render.c.
 */
#ifndef FB_RENDER_H
#define FB_RENDER_H

#include <stdbool.h>

#include <cjson/cJSON.h>

#include "buf.h"
#include "diag.h"
#include "plots.h"
#include "result.h"
#include "store.h"

struct eval;
struct fileio_stream;

struct render_input {
    const cJSON *report;       /* the summary: report.json without per_article */
    const struct eval *e;      /* whose runs hold the articles, in the order of report.backends */
    const struct plots *plots; /* which plots exist in <out>/plots */
    const char *out_dir;       /* where the plots are */
};

struct renderer {
    const char *file; /* "report.md" ... */
    /* appends to out->text, calling fileio_stream_flush(out) now and then */
    void (*render)(const struct render_input *in, struct fileio_stream *out);
};

extern const struct renderer render_md;
extern const struct renderer render_html;
extern const struct renderer render_junit;
extern const struct renderer render_csv;

/*
 * Renders every format into out_dir as files of batch, which the caller
 * commits with the report they derive from (fileio.h), so that a failure
 * leaves every previous file. FB_ERUNTIME (reported) when a file cannot be
 * written.
 */
struct fileio_batch;
fb_result render_all(const cJSON *report, const struct eval *e, const struct plots *plots,
                     const char *out_dir, struct fileio_batch *batch, struct diag *d);

/*
 * The articles of every backend in step, for tables with a row per article:
 * after render_rows_next() returns true, row[b] is the article of backend b
 * (every run of an evaluation has the same articles in the same order).
 */
struct render_rows {
    size_t n;
    struct store_cursor *cursors;
    struct article_row *row;
};
void render_rows_open(struct render_rows *r, const struct eval *e);
bool render_rows_next(struct render_rows *r);
/* The per_article entry of backend b's current article, parsed; the caller frees it. */
cJSON *render_rows_entry(struct render_rows *r, size_t b);
void render_rows_close(struct render_rows *r);

/* ---- reading the report tree (for renderers) ------------------------------ */

/* The value at a dotted path ("scores.strict.overall.f1"), or NULL. */
const cJSON *rj(const cJSON *o, const char *path);
/* The number at path, or fallback. */
double rj_num(const cJSON *o, const char *path, double fallback);
/* The string at path, or fallback. */
const char *rj_str(const cJSON *o, const char *path, const char *fallback);

/*
 * Appends v with `places` decimals, as printf's "%.*f" does, from a memo of
 * the values printed before: the per-article tables print the same few
 * ratios over and over (a memo per thread).
 */
void render_decimal(struct buf *b, double v, int places);

/* The score names in report order, and the modes. */
extern const char *const render_scores[N_SCORES];
extern const char *const render_modes[N_MODES];

#endif
