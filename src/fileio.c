#include "fileio.h"

#include <errno.h>
#include <fcntl.h>
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
