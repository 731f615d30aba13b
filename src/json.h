/*
 * json.h - parsing JSON text with cJSON, and error messages that say where.
 *
 * cJSON builds the tree. It does not check UTF-8, silently cuts strings at an
 * escaped NUL, accepts some text that is not JSON and does not say what went
 * wrong, so json_parse() first runs a small strict recogniser (RFC 8259,
 * plus a depth limit and no \u0000) that names the first error and its
 * line and column.
 */
#ifndef FB_JSON_H
#define FB_JSON_H

#include <stdbool.h>
#include <stddef.h>

#include <cjson/cJSON.h>

#include "buf.h"
#include "diag.h"

/* Deepest nesting of arrays and objects accepted by default. */
#define JSON_DEFAULT_MAX_DEPTH 64

/*
 * Parses text[0..len) as one JSON value. `name` is the file named in
 * messages and `line0` the line number of the text's first line (1 for a
 * whole file, the line number for a JSON Lines record). On success returns
 * the tree, which the caller frees with cJSON_Delete(). On failure reports
 * one error ("name:line:col: message") to d and returns NULL.
 */
cJSON *json_parse(const char *text, size_t len, const char *name, size_t line0, int max_depth,
                  struct diag *d);

/*
 * The first syntax error in text[0..len), or NULL when the text is one valid
 * JSON value nested at most max_depth deep; *offset receives the byte offset
 * of the error. Exposed for tests.
 */
const char *json_syntax_error(const char *text, size_t len, int max_depth, size_t *offset);

/*
 * Reads the file at path and parses it as json_parse() does (line 1, the
 * default depth). NULL after reporting to d when it cannot be read or parsed.
 */
cJSON *json_load(const char *path, struct diag *d);

/*
 * Where a reader is in a JSON document, for messages that name the file
 * and the path: "gold/x.json: $.counts[2].value: expected ...". Readers
 * push ".key" and "[i]" on `path` as they descend and truncate it back.
 */
struct json_where {
    const char *file;
    struct diag *d;
    struct buf path; /* starts as "$" */
    bool failed;     /* set by json_where_error() */
};

void json_where_init(struct json_where *w, const char *file, struct diag *d);
void json_where_release(struct json_where *w);
/* Reports "<file>: <path>: <message>" and marks the reader failed. */
void json_where_error(struct json_where *w, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/*
 * Reports "<file>: <path>: duplicate field" for every member, anywhere in
 * the tree under v, whose key its object already has, and returns whether
 * there was none. cJSON keeps both members, and a reader that looks a key
 * up sees only the first: a file that says two things must say neither.
 * w's path is where v is; it is left as it was.
 */
bool json_check_unique_keys(const cJSON *v, struct json_where *w);

/*
 * Prints v compactly, as cJSON_PrintUnformatted() does, byte for byte, but
 * faster: every number of v first becomes raw text, taken from a memo of
 * the numbers formatted before (cJSON formats each number with sprintf()
 * and reads it back with sscanf(), which dominates printing reports full of
 * the same few counts and ratios). Appends to out. Afterwards v's numbers
 * are gone: v can only be deleted.
 */
void json_print_compact(cJSON *v, struct buf *out);

/* Whether a number is an integer in [0, 2^53], the exactly representable range. */
bool json_is_count(const cJSON *item);

#endif
