/*
 * history.h - a run's scores appended to a history file, one JSON line per backend.
 *
 *   {"date": "2026-11-28T10:30:00Z", "commit": "3f2a...", "backend": "builtin",
 *    "mode": "strict", "articles": 61, "f1": {"overall": 0.61, "actors": ...},
 *    "precision": {...}, "recall": {...}}
 *
 * `commit` is git's HEAD when the working directory is in a git checkout,
 * else null. `factbench plot` draws the F1 trend from such a file.
 */
#ifndef FB_HISTORY_H
#define FB_HISTORY_H

#include "diag.h"
#include "eval.h"
#include "result.h"

/* Appends one line per backend of e to path (created if needed); FB_ERUNTIME on failure. */
fb_result history_append(const char *path, const struct eval *e, struct diag *d);

#endif
