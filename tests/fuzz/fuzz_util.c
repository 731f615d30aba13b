/* fuzz_util.c - temporary files for the fuzz targets that read paths. */
#include <dirent.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "fuzz.h"

static char dir[64];
static struct buf path = BUF_INIT;

static void remove_dir(void)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    struct buf p = BUF_INIT;
    while (d && (e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        buf_reset(&p);
        buf_addf(&p, "%s/%s", dir, e->d_name);
        unlink(p.data);
    }
    if (d)
        closedir(d);
    rmdir(dir);
    buf_release(&p);
    buf_release(&path);
}

const char *fuzz_path(const char *name)
{
    if (!dir[0]) {
        snprintf(dir, sizeof(dir), "%s/fb-fuzz-XXXXXX",
                 access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp");
        if (!mkdtemp(dir)) {
            perror("mkdtemp");
            abort();
        }
        atexit(remove_dir);
    }
    buf_reset(&path);
    buf_addf(&path, "%s/%s", dir, name);
    return path.data;
}

void fuzz_write(const char *p, const uint8_t *data, size_t size)
{
    FILE *f = fopen(p, "wb");
    if (!f || fwrite(data, 1, size, f) != size || fclose(f) != 0) {
        perror(p);
        abort();
    }
}
