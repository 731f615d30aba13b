/*
 * fileio.h - reading whole files.
 */
#ifndef FB_FILEIO_H
#define FB_FILEIO_H

#include <stddef.h>

#include "buf.h"
#include "diag.h"
#include "result.h"

/*
 * Reads the file at path into out (replacing its contents). On failure
 * reports "cannot read 'path': reason" to d and returns FB_EINPUT.
 */
fb_result fileio_read(const char *path, struct buf *out, struct diag *d);

#endif
