#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>

#include "buf.h"
#include "xalloc.h"

void diag_init(struct diag *d)
{
    d->sink = NULL;
    d->msgs = NULL;
    d->n_msgs = d->cap_msgs = 0;
    d->errors = d->warnings = 0;
}

void diag_init_stream(struct diag *d, FILE *sink)
{
    diag_init(d);
    d->sink = sink;
}

void diag_release(struct diag *d)
{
    for (size_t i = 0; i < d->n_msgs; i++)
        free(d->msgs[i].text);
    free(d->msgs);
    diag_init_stream(d, d->sink);
}

__attribute__((format(printf, 3, 0))) static void report(struct diag *d, enum diag_level level,
                                                         const char *fmt, va_list ap)
{
    struct buf b = BUF_INIT;
    buf_vaddf(&b, fmt, ap);
    if (level == DIAG_ERROR)
        d->errors++;
    else
        d->warnings++;
    if (d->sink) {
        fprintf(d->sink, "%s: %s\n", level == DIAG_ERROR ? "error" : "warning", b.data);
        buf_release(&b);
        return;
    }
    XGROW(d->msgs, d->cap_msgs, d->n_msgs + 1);
    d->msgs[d->n_msgs].level = level;
    d->msgs[d->n_msgs].text = buf_detach(&b, NULL);
    d->n_msgs++;
}

void diag_error(struct diag *d, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    report(d, DIAG_ERROR, fmt, ap);
    va_end(ap);
}

void diag_warning(struct diag *d, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    report(d, DIAG_WARNING, fmt, ap);
    va_end(ap);
}

void diag_take(struct diag *d, struct diag *from)
{
    for (size_t i = 0; i < from->n_msgs; i++) {
        if (from->msgs[i].level == DIAG_ERROR)
            diag_error(d, "%s", from->msgs[i].text);
        else
            diag_warning(d, "%s", from->msgs[i].text);
    }
    diag_release(from);
}

const char *diag_first_error(const struct diag *d)
{
    for (size_t i = 0; i < d->n_msgs; i++)
        if (d->msgs[i].level == DIAG_ERROR)
            return d->msgs[i].text;
    return NULL;
}
