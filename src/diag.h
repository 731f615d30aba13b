/*
 * diag.h - diagnostics: the error out-parameter of every reader.
 *
 * Readers never print; they report into a struct diag. A diagnostic is one
 * line that names the file and the place ("gold/x.json:12:7: expected ','",
 * "gold/x.json: $.counts[2].value: expected a non-negative integer").
 *
 * A diag either streams each message to a FILE as it arrives (the command
 * line, so that a corpus of a million bad lines needs no memory) or keeps
 * them for inspection (tests, and callers that turn one message into a
 * per-article failure reason).
 */
#ifndef FB_DIAG_H
#define FB_DIAG_H

#include <stddef.h>
#include <stdio.h>

enum diag_level { DIAG_WARNING, DIAG_ERROR };

struct diag_msg {
    enum diag_level level;
    char *text;
};

struct diag {
    FILE *sink;            /* when set, messages are printed, not kept */
    struct diag_msg *msgs; /* kept messages, when sink is NULL */
    size_t n_msgs, cap_msgs;
    size_t errors, warnings; /* counted in both modes */
};

/* A diag that keeps its messages. */
void diag_init(struct diag *d);
/* A diag that prints each message to `sink` ("error: ..." / "warning: ..."). */
void diag_init_stream(struct diag *d, FILE *sink);
void diag_release(struct diag *d);

void diag_error(struct diag *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void diag_warning(struct diag *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/*
 * Moves the messages that `from` kept (it must keep them) to d, in order,
 * as if reported to d; from is left empty. For work done apart (on another
 * thread) whose messages must appear in order.
 */
void diag_take(struct diag *d, struct diag *from);

/* The text of the first kept error, or NULL. Owned by the diag. */
const char *diag_first_error(const struct diag *d);

#endif
