#include "fileio.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "xalloc.h"

/*
 * Opens path for reading without blocking on a FIFO nobody writes to (a
 * planted FIFO must not hang a run), then makes reads block again.
 */
static int open_for_reading(const char *path, struct stat *st)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0)
        return -1;
    if (fstat(fd, st) < 0 || fcntl(fd, F_SETFL, 0) < 0) {
        int saved = errno;
        close(fd);
        errno = saved;
        return -1;
    }
    if (S_ISDIR(st->st_mode)) {
        close(fd);
        errno = EISDIR;
        return -1;
    }
    return fd;
}

/* Reads fd into out, at most max + 1 bytes; false on a read error. */
static bool read_fd(int fd, const struct stat *st, size_t max, struct buf *out)
{
    if (st->st_size > 0)
        buf_grow(out, (size_t)st->st_size < max ? (size_t)st->st_size : max);
    while (out->len <= max) {
        buf_grow(out, 4096);
        size_t room = out->cap - out->len - 1;
        if (room > max + 1 - out->len)
            room = max + 1 - out->len;
        ssize_t n = read(fd, out->data + out->len, room);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return false;
        if (n == 0)
            break;
        out->len += (size_t)n;
        out->data[out->len] = '\0';
    }
    return true;
}

/* fileio_read_max(), or, when absent_ok, FB_END without a word for a file that does not exist. */
static fb_result read_limited(const char *path, size_t max, const char *setting, bool absent_ok,
                              struct buf *out, struct diag *d)
{
    buf_reset(out);
    struct stat st;
    int fd = open_for_reading(path, &st);
    if (fd < 0 && absent_ok && errno == ENOENT)
        return FB_END;
    if (fd < 0) {
        diag_error(d, "cannot read '%s': %s", path, strerror(errno));
        return FB_EINPUT;
    }
    bool too_big = st.st_size > 0 && (uintmax_t)st.st_size > max;
    bool ok = too_big || read_fd(fd, &st, max, out); /* a growing file stops at max + 1 */
    int saved = errno;
    close(fd);
    if (ok && (too_big || out->len > max)) {
        buf_reset(out);
        diag_error(d, "%s: larger than %zu bytes (%s)", path, max, setting);
        return FB_EINPUT;
    }
    if (!ok) {
        buf_reset(out);
        diag_error(d, "cannot read '%s': %s", path, strerror(saved));
        return FB_EINPUT;
    }
    return FB_OK;
}

fb_result fileio_read_max(const char *path, size_t max, const char *setting, struct buf *out,
                          struct diag *d)
{
    return read_limited(path, max, setting, false, out, d);
}

fb_result fileio_read_present(const char *path, size_t max, const char *setting, struct buf *out,
                              struct diag *d)
{
    return read_limited(path, max, setting, true, out, d);
}

fb_result fileio_read(const char *path, struct buf *out, struct diag *d)
{
    return fileio_read_max(path, SIZE_MAX - 1, "", out, d);
}

fb_result fileio_check_dir(const char *path, const char *what, struct diag *d)
{
    struct stat st;
    if (stat(path, &st) < 0) {
        diag_error(d, "cannot open %s '%s': %s", what, path, strerror(errno));
        return FB_EINPUT;
    }
    if (!S_ISDIR(st.st_mode)) {
        diag_error(d, "cannot open %s '%s': %s", what, path, strerror(ENOTDIR));
        return FB_EINPUT;
    }
    return FB_OK;
}

fb_result fileio_mkdirs(const char *path, struct diag *d)
{
    struct buf p = BUF_INIT;
    buf_adds(&p, path);
    for (size_t i = 1; i <= p.len; i++) {
        if (i < p.len && p.data[i] != '/')
            continue;
        char saved = p.data[i];
        p.data[i] = '\0';
        if (mkdir(p.data, 0755) < 0 && errno != EEXIST) {
            diag_error(d, "cannot create directory '%s': %s", p.data, strerror(errno));
            buf_release(&p);
            return FB_ERUNTIME;
        }
        p.data[i] = saved;
    }
    buf_release(&p);
    return FB_OK;
}

/* Makes dir a directory of its own: created (0755), or one that is there and no link. */
static bool own_directory(const char *dir, struct diag *d)
{
    struct stat st;
    if (mkdir(dir, 0755) == 0)
        return true;
    if (errno != EEXIST || lstat(dir, &st) < 0) {
        diag_error(d, "cannot create directory '%s': %s", dir, strerror(errno));
        return false;
    }
    if (S_ISLNK(st.st_mode)) {
        diag_error(d, "cannot write into '%s': a symbolic link in the output tree", dir);
        return false;
    }
    if (!S_ISDIR(st.st_mode)) {
        diag_error(d, "cannot create directory '%s': %s", dir, strerror(ENOTDIR));
        return false;
    }
    return true;
}

fb_result fileio_mkdirs_in(const char *root, const char *path, struct diag *d)
{
    size_t n = strlen(root);
    bool below = strncmp(path, root, n) == 0 &&
                 (path[n] == '/' || path[n] == '\0' || (n && root[n - 1] == '/'));
    if (!below)
        n = strlen(path); /* not below root: all of it is the caller's */
    struct buf p = BUF_INIT;
    buf_add(&p, path, n);
    fb_result rc = fileio_mkdirs(p.data, d);
    for (size_t i = n + 1; rc == FB_OK && i <= strlen(path); i++) {
        if (path[i] != '/' && path[i] != '\0')
            continue;
        buf_reset(&p);
        buf_add(&p, path, i);
        if (path[i - 1] != '/' && !own_directory(p.data, d))
            rc = FB_ERUNTIME;
    }
    buf_release(&p);
    return rc;
}

static bool write_all(int fd, const char *data, size_t len)
{
    while (len) {
        ssize_t n = write(fd, data, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return false;
        if (n == 0) {
            errno = EIO;
            return false;
        }
        data += n;
        len -= (size_t)n;
    }
    return true;
}

fb_result fileio_write_atomic(const char *path, const char *data, size_t len, bool durable,
                              struct diag *d)
{
    struct fileio_batch b;
    fileio_batch_init(&b);
    fb_result rc = fileio_batch_write(&b, path, data, len, durable, d);
    if (rc == FB_OK)
        rc = fileio_batch_commit(&b, d);
    fileio_batch_release(&b);
    return rc;
}

/* ---- files written together ------------------------------------------------ */

void fileio_batch_init(struct fileio_batch *b)
{
    memset(b, 0, sizeof(*b));
}

void fileio_batch_adopt(struct fileio_batch *b, const char *tmp, const char *path)
{
    XGROW(b->files, b->cap, b->n + 1);
    b->files[b->n].tmp = xstrdup(tmp);
    b->files[b->n++].path = xstrdup(path);
}

fb_result fileio_batch_write(struct fileio_batch *b, const char *path, const char *data, size_t len,
                             bool durable, struct diag *d)
{
    struct fileio_stream s;
    if (fileio_stream_open(&s, path, d) != FB_OK)
        return FB_ERUNTIME;
    if (!write_all(s.fd, data, len))
        s.error = errno;
    return fileio_stream_finish(&s, b, durable, d);
}

/* ---- files written piece by piece ------------------------------------------ */

#define STREAM_FLUSH (64 * 1024)

/* A new temporary file beside path (mode 0644, created with O_EXCL: never through a link). */
fb_result fileio_stream_open(struct fileio_stream *s, const char *path, struct diag *d)
{
    buf_init(&s->text);
    buf_init(&s->tmp);
    s->path = path;
    s->error = 0;
    buf_addf(&s->tmp, "%s.tmp-XXXXXX", path);
    s->fd = mkstemp(s->tmp.data);
    s->created = s->fd >= 0;
    if (s->fd < 0 || fchmod(s->fd, 0644) != 0) {
        diag_error(d, "cannot write '%s': %s", path, strerror(errno));
        fileio_stream_abandon(s);
        return FB_ERUNTIME;
    }
    return FB_OK;
}

static void stream_write(struct fileio_stream *s)
{
    if (!s->error && !write_all(s->fd, s->text.data, s->text.len))
        s->error = errno;
    buf_reset(&s->text);
}

void fileio_stream_flush(struct fileio_stream *s)
{
    if (s->text.len >= STREAM_FLUSH)
        stream_write(s);
}

fb_result fileio_stream_finish(struct fileio_stream *s, struct fileio_batch *b, bool durable,
                               struct diag *d)
{
    stream_write(s);
    if (!s->error && durable && fsync(s->fd) != 0)
        s->error = errno;
    if (close(s->fd) != 0 && !s->error)
        s->error = errno;
    s->fd = -1;
    if (s->error) {
        diag_error(d, "cannot write '%s': %s", s->path, strerror(s->error));
        fileio_stream_abandon(s);
        return FB_ERUNTIME;
    }
    fileio_batch_adopt(b, s->tmp.data, s->path);
    buf_release(&s->text);
    buf_release(&s->tmp);
    return FB_OK;
}

void fileio_stream_abandon(struct fileio_stream *s)
{
    if (s->fd >= 0)
        close(s->fd);
    if (s->created)
        unlink(s->tmp.data);
    s->fd = -1;
    s->created = false;
    buf_release(&s->text);
    buf_release(&s->tmp);
}

fb_result fileio_batch_commit(struct fileio_batch *b, struct diag *d)
{
    fb_result rc = FB_OK;
    /* a directory in the way is the one thing that makes a rename fail: look before any */
    for (size_t i = 0; i < b->n && rc == FB_OK; i++) {
        struct stat st;
        if (lstat(b->files[i].path, &st) == 0 && S_ISDIR(st.st_mode)) {
            diag_error(d, "cannot write '%s': %s", b->files[i].path, strerror(EISDIR));
            rc = FB_ERUNTIME;
        }
    }
    for (size_t i = 0; i < b->n; i++) {
        if (rc == FB_OK && rename(b->files[i].tmp, b->files[i].path) < 0) {
            diag_error(d, "cannot write '%s': %s", b->files[i].path, strerror(errno));
            rc = FB_ERUNTIME;
        }
        if (rc != FB_OK)
            unlink(b->files[i].tmp);
        free(b->files[i].tmp);
        free(b->files[i].path);
    }
    b->n = 0;
    return rc;
}

void fileio_batch_release(struct fileio_batch *b)
{
    for (size_t i = 0; i < b->n; i++) {
        unlink(b->files[i].tmp);
        free(b->files[i].tmp);
        free(b->files[i].path);
    }
    free(b->files);
    fileio_batch_init(b);
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

char **fileio_list(const char *dir, const char *suffix, const char *what, size_t *n, struct diag *d)
{
    DIR *dh = opendir(dir);
    *n = 0;
    if (!dh) {
        diag_error(d, "cannot open %s '%s': %s", what, dir, strerror(errno));
        return NULL;
    }
    size_t cap = 1, m = strlen(suffix);
    char **names = xcalloc(cap, sizeof(*names));
    struct dirent *e;
    while ((e = readdir(dh))) {
        size_t len = strlen(e->d_name);
        if (e->d_name[0] == '.' || len <= m || strcmp(e->d_name + len - m, suffix) != 0)
            continue;
        XGROW(names, cap, *n + 2);
        names[(*n)++] = xstrndup(e->d_name, len - m);
        names[*n] = NULL;
    }
    closedir(dh);
    qsort(names, *n, sizeof(*names), compare_names);
    return names;
}

void fileio_free_list(char **names)
{
    for (size_t i = 0; names && names[i]; i++)
        free(names[i]);
    free(names);
}
