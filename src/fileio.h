/*
 * fileio.h - reading whole files, and writing files whole or not at all.
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
 * reports "cannot read 'path': reason" to d and returns FB_EINPUT. A FIFO
 * that nobody writes to reads as empty rather than blocking.
 */
fb_result fileio_read(const char *path, struct buf *out, struct diag *d);

/*
 * Like fileio_read(), but refuses a file larger than max bytes, reading no
 * more than max + 1 bytes of it (a file that grows is caught too): reports
 * "path: larger than <max> bytes (<setting>)", leaves out empty and
 * returns FB_EINPUT. `setting` names the limit for the user.
 */
fb_result fileio_read_max(const char *path, size_t max, const char *setting, struct buf *out,
                          struct diag *d);

/*
 * Like fileio_read_max() for a file that may be absent (a prediction, a
 * gold file, a cache entry): FB_END, reporting nothing, when it does not
 * exist, found by the open that reads it rather than by a check before.
 */
fb_result fileio_read_present(const char *path, size_t max, const char *setting, struct buf *out,
                              struct diag *d);

/*
 * Checks that path is a directory; otherwise reports "cannot open <what>
 * 'path': reason" and returns FB_EINPUT.
 */
fb_result fileio_check_dir(const char *path, const char *what, struct diag *d);

/*
 * The names in directory dir that end in suffix, without the suffix, in
 * byte order; hidden names (a leading '.') are left out. Returns a new
 * NULL-terminated array (free it with fileio_free_list()) and its length in
 * *n, or NULL after reporting "cannot open <what> 'dir': reason".
 */
char **fileio_list(const char *dir, const char *suffix, const char *what, size_t *n,
                   struct diag *d);
void fileio_free_list(char **names);

/* Creates directory path and its parents as needed (mode 0755). FB_ERUNTIME on failure. */
fb_result fileio_mkdirs(const char *path, struct diag *d);

/*
 * Like fileio_mkdirs() for a directory of an output tree: path is root or
 * lies below it. root and the way to it are the user's and may be symbolic
 * links; below root, every component must be a real directory (checked
 * with lstat) or is created, so that a link planted in the tree ("out/plots
 * -> /etc") cannot send factbench's files elsewhere: "cannot write into
 * 'out/plots': a symbolic link in the output tree". FB_ERUNTIME on failure.
 */
fb_result fileio_mkdirs_in(const char *root, const char *path, struct diag *d);

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

/*
 * Files that appear together or not at all, such as the formats of one
 * report: fileio_batch_write() writes each into a temporary file beside
 * its path, as fileio_write_atomic() does, and fileio_batch_commit() then
 * renames them all into place. A write that fails (a full disk, a file
 * size limit) leaves every previous file as it was; release removes the
 * temporary files of a batch not committed. The temporary files are
 * created with O_EXCL and the renames replace links rather than follow
 * them, so no file is written through a link.
 */
struct fileio_batch {
    struct {
        char *tmp, *path;
    } * files;
    size_t n, cap;
};

void fileio_batch_init(struct fileio_batch *b);
/* FB_ERUNTIME (reported) when the temporary file cannot be written. */
fb_result fileio_batch_write(struct fileio_batch *b, const char *path, const char *data, size_t len,
                             bool durable, struct diag *d);
/*
 * Adds a file written by someone else (tmp, on path's filesystem and not
 * reachable through a link) to be renamed to path with the others.
 */
void fileio_batch_adopt(struct fileio_batch *b, const char *tmp, const char *path);
/*
 * A file of a batch written piece by piece, so that a large one never sits
 * whole in memory: append to `text`, call fileio_stream_flush() as often
 * as convenient (it writes out what text holds once that passes 64 KiB),
 * then fileio_stream_finish() writes the rest and adds the file to the
 * batch, or fileio_stream_abandon() removes it.
 */
struct fileio_stream {
    struct buf text;
    const char *path;
    struct buf tmp;
    int fd;
    bool created; /* tmp exists */
    int error;    /* errno of the first write that failed */
};

/* FB_ERUNTIME, reported as "cannot write 'path': reason", when the temporary file cannot be made.
 */
fb_result fileio_stream_open(struct fileio_stream *s, const char *path, struct diag *d);
void fileio_stream_flush(struct fileio_stream *s);
/* Writes the rest, syncs it when durable, adds it to b; on failure reports, removes it. */
fb_result fileio_stream_finish(struct fileio_stream *s, struct fileio_batch *b, bool durable,
                               struct diag *d);
void fileio_stream_abandon(struct fileio_stream *s);

/* Renames every file into place; after a failure (reported) removes the rest. Empties b. */
fb_result fileio_batch_commit(struct fileio_batch *b, struct diag *d);
void fileio_batch_release(struct fileio_batch *b);

#endif
