/*
 * fileio.h - reading whole files.
 */
#ifndef FB_FILEIO_H
#define FB_FILEIO_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "diag.h"
#include "result.h"

/*
 * Reads the file at path into out (replacing its contents). On failure
 * reports "cannot read 'path': reason" to d and returns FB_EINPUT.
 */
fb_result fileio_read(const char *path, struct buf *out, struct diag *d);

/*
 * Checks that path is a directory; otherwise reports "cannot open <what>
 * 'path': reason" and returns FB_EINPUT.
 */
fb_result fileio_check_dir(const char *path, const char *what, struct diag *d);

/* Creates directory path and its parents as needed (mode 0755). FB_ERUNTIME on failure. */
fb_result fileio_mkdirs(const char *path, struct diag *d);

/*
 * Writes data[0..len) to path so that the file appears whole or not at all:
 * into a temporary file in the same directory, then renamed over path;
 * when durable, the data reaches the disk (fsync) before the rename, which
 * costs a disk flush per file. The file gets mode 0644. On failure removes
 * the temporary file, leaves any previous path untouched, reports "cannot
 * write 'path': reason" and returns FB_ERUNTIME.
 */
fb_result fileio_write_atomic(const char *path, const char *data, size_t len, bool durable,
                              struct diag *d);

#endif
