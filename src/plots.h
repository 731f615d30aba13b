/*
 * plots.h - the plots of a report, drawn by gnuplot.
 *
 * gnuplot (Debian's gnuplot-nox) is found at run time and run as a separate
 * program, without a shell, fed its script on stdin with the data inline.
 * Each plot is written as <out>/plots/<name>.svg (inlined in report.html)
 * and .png (linked from report.md and READMEs), whole or not at all. When
 * gnuplot is missing or fails, the run still succeeds: plots_draw() says
 * why plots were skipped and the reports leave them out.
 */
#ifndef FB_PLOTS_H
#define FB_PLOTS_H

#include <stdbool.h>

#include <cjson/cJSON.h>

#include "diag.h"

enum plot_kind { PLOT_SCORES, PLOT_PR, PLOT_DISTRIBUTION, PLOT_HEATMAP, PLOT_TREND, N_PLOTS };

/* "scores", "precision_recall", "f1_distribution", "heatmap", "trend". */
extern const char *const plot_names[N_PLOTS];
/* A sentence saying what each shows, for captions. */
extern const char *const plot_captions[N_PLOTS];

struct plots {
    bool drawn[N_PLOTS];
    char skipped[160]; /* why none were drawn, or "" */
    char *dir;         /* where the drawn files are until their batch is committed, or NULL */
};

struct fileio_batch;

/*
 * Draws the plots of report, a summary tree (report_summary()) of
 * evaluation e, whose stores give the per-article F1 distribution (and the F1 trend of a history
 * file, when history is not NULL) for out_dir/plots. With a batch, the files join it (fileio.h):
 * they replace the previous plots when the batch is committed, together with the report; until then
 * they are in p->dir. Without one, each plot replaces its previous file at once. Never fails the
 * run: problems become a warning on d and a reason in p->skipped. Release p with plots_release()
 * once the batch is committed or released.
 */
struct eval;
void plots_draw(const cJSON *report, const struct eval *e, const char *history, const char *out_dir,
                struct fileio_batch *batch, struct plots *p, struct diag *d);

/* Removes the temporary directory of p's files, and frees p->dir. */
void plots_release(struct plots *p);

#endif
