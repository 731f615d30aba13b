/*
 * report.h - report.json, the canonical output of a run (SPEC section 7).
 *
 * Every other report format derives from the JSON this module writes, so
 * its key paths are a contract; docs/SCORING.md lists them all.
 */
#ifndef FB_REPORT_H
#define FB_REPORT_H

#include <stdio.h>

#include "diag.h"
#include "buf.h"
#include "eval.h"
#include "result.h"

#define REPORT_SCHEMA "factbench-report/1"

struct cJSON;

/*
 * The report of an evaluation without the backends' per_article lists, as
 * a JSON tree (the caller frees it with cJSON_Delete()): what the rendered
 * formats read besides the stores, in memory however many articles there are.
 */
struct cJSON *report_summary(const struct eval *e);

/*
 * The whole report as a JSON tree, per_article lists included, which holds
 * every article in memory: for small evaluations and tests. report_write()
 * streams the same report instead.
 */
struct cJSON *report_json(const struct eval *e);

/*
 * An article's per_article entry: one line of compact JSON, appended to
 * out. Printing turns the numbers of r->errors into raw text
 * (json_print_compact()): the listing is printed once, then dropped.
 */
struct article_result;
void report_entry(const struct article_result *r, struct buf *out);

/*
 * Writes report.json into out_dir (created as needed), streamed from the
 * summary and the runs' stores (one member per line; each article of
 * per_article on a line of its own), then the plots and every format
 * rendered from it (report.md, report.html, junit.xml,
 * per_article.csv; render.h), all together or none: when one cannot be
 * written, every file of the previous report, plots included, stays as it
 * was (fileio.h's batches). history, when
 * not NULL, is a history file whose trend is plotted too. Returns
 * FB_ERUNTIME, reported to d, when a file cannot be written; missing
 * gnuplot is only a warning.
 */
fb_result report_write(const struct eval *e, const char *out_dir, const char *history,
                       struct diag *d);

/*
 * Reads a report.json written by report_write() back into an evaluation:
 * the settings, and per backend and article the counts, breakdowns and
 * error listings (into the runs' stores, as eval_run() does); then
 * recomputes everything derived (eval_finish()), so the numbers are the
 * report's own. The file is parsed whole, so reading holds it in memory. Every rule is checked: a
 * report that is not one gives FB_EINPUT with each problem reported ("a.json: $.backends[0]
 * .per_article[3].scores.strict.actors.tp: expected a non-negative integer").
 * Release the eval with eval_release().
 */
fb_result report_read(const char *path, struct eval *e, struct diag *d);

/* Prints the short summary table of the headline mode to out. */
void report_print_summary(const struct eval *e, FILE *out);

#endif
