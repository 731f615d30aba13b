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
};

/*
 * Draws the plots of report (and the F1 trend of a history file, when
 * history is not NULL) into out_dir/plots. Never fails the run: problems
 * become a warning on d and a reason in p->skipped.
 */
void plots_draw(const cJSON *report, const char *history, const char *out_dir, struct plots *p,
                struct diag *d);

#endif
