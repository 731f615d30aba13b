/*
 * render.h - the reports people read, all made from report.json.
 *
 * report.json is the single source: every other format is rendered from
 * its JSON tree (plus, for the HTML drill-down, the article texts of the
 * corpus it names). One renderer per format behind one struct; adding a
 * format is one new file and one row in the table of render.c.
 */
#ifndef FB_RENDER_H
#define FB_RENDER_H

#include <stdbool.h>

#include <cjson/cJSON.h>

#include "buf.h"
#include "diag.h"
#include "plots.h"
#include "result.h"

struct render_input {
    const cJSON *report;
    const struct plots *plots; /* which plots exist in <out>/plots */
    const char *out_dir;       /* where the plots are */
};

struct renderer {
    const char *file; /* "report.md" ... */
    void (*render)(const struct render_input *in, struct buf *out);
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
fb_result render_all(const cJSON *report, const struct plots *plots, const char *out_dir,
                     struct fileio_batch *batch, struct diag *d);

/* ---- reading the report tree (for renderers) ------------------------------ */

/* The value at a dotted path ("scores.strict.overall.f1"), or NULL. */
const cJSON *rj(const cJSON *o, const char *path);
/* The number at path, or fallback. */
double rj_num(const cJSON *o, const char *path, double fallback);
/* The string at path, or fallback. */
const char *rj_str(const cJSON *o, const char *path, const char *fallback);

/* The score names in report order, and the modes. */
extern const char *const render_scores[5];
extern const char *const render_modes[2];

#endif
