#include "fileio.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

fb_result fileio_read(const char *path, struct buf *out, struct diag *d)
{
    buf_reset(out);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        goto fail;
    struct stat st;
    if (fstat(fd, &st) < 0)
        goto fail_close;
    if (S_ISDIR(st.st_mode)) {
        errno = EISDIR;
        goto fail_close;
    }
    if (st.st_size > 0)
        buf_grow(out, (size_t)st.st_size);
    for (;;) {
        buf_grow(out, 4096);
        ssize_t n = read(fd, out->data + out->len, out->cap - out->len - 1);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            goto fail_close;
        }
        if (n == 0)
            break;
        out->len += (size_t)n;
        out->data[out->len] = '\0';
    }
    close(fd);
    return FB_OK;
fail_close : {
    int saved = errno;
    close(fd);
    errno = saved;
}
fail:
    diag_error(d, "cannot read '%s': %s", path, strerror(errno));
    return FB_EINPUT;
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

static bool write_all(int fd, const char *data, size_t len)
{
    while (len) {
        ssize_t n = write(fd, data, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        data += n;
        len -= (size_t)n;
    }
    return true;
}

fb_result fileio_write_atomic(const char *path, const char *data, size_t len, bool durable,
                              struct diag *d)
{
    struct buf tmp = BUF_INIT;
    buf_addf(&tmp, "%s.tmp-XXXXXX", path);
    int fd = mkstemp(tmp.data);
    if (fd < 0) {
        diag_error(d, "cannot write '%s': %s", path, strerror(errno));
        buf_release(&tmp);
        return FB_ERUNTIME;
    }
    bool ok = fchmod(fd, 0644) == 0 && write_all(fd, data, len) && (!durable || fsync(fd) == 0);
    int saved = errno;
    ok = close(fd) == 0 && ok;
    if (ok && rename(tmp.data, path) < 0) {
        saved = errno;
        ok = false;
    }
    if (!ok) {
        unlink(tmp.data);
        diag_error(d, "cannot write '%s': %s", path, strerror(saved ? saved : EIO));
    }
    buf_release(&tmp);
    return ok ? FB_OK : FB_ERUNTIME;
}
