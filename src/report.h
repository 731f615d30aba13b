/*
 * report.h - report.json, the canonical output of a run (SPEC section 7).
 *
 * Every other report format derives from the JSON this module writes, so
 * its key paths are a contract; docs/REPORT.md lists them all.
 */
#ifndef FB_REPORT_H
#define FB_REPORT_H

#include <stdio.h>

#include "diag.h"
#include "eval.h"
#include "result.h"

#define REPORT_SCHEMA "factbench-report/1"

struct cJSON;

/* The report of an evaluation as a JSON tree; the caller frees it (cJSON_Delete()). */
struct cJSON *report_json(const struct eval *e);

/*
 * Writes report.json into out_dir (created as needed), whole or not at all.
 * Returns FB_ERUNTIME, reported to d, when it cannot.
 */
fb_result report_write(const struct eval *e, const char *out_dir, struct diag *d);

/* Prints the short summary table of the headline mode to out. */
void report_print_summary(const struct eval *e, FILE *out);

#endif
