#include "corpus.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "buf.h"
#include "fileio.h"
#include "json.h"
#include "text.h"
#include "xalloc.h"

struct corpus {
    char **files; /* the .txt and .jsonl files, in order */
    size_t n_files, cap_files, next_file;

    FILE *jsonl; /* the JSON Lines file being read, if any */
    const char *jsonl_path;
    size_t line_no;
    struct buf line;
    struct bounds bounds;

    /* the current article's storage */
    struct buf text, id, title, source;
};

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

static bool is_corpus_file(const char *name)
{
    return ends_with(name, ".txt") || ends_with(name, ".jsonl");
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void add_file(corpus *c, char *path)
{
    XGROW(c->files, c->cap_files, c->n_files + 1);
    c->files[c->n_files++] = path;
}

static bool list_directory(corpus *c, const char *path, struct diag *d)
{
    DIR *dir = opendir(path);
    if (!dir) {
        diag_error(d, "cannot open corpus '%s': %s", path, strerror(errno));
        return false;
    }
    struct dirent *e;
    while ((e = readdir(dir))) {
        if (e->d_name[0] == '.' || !is_corpus_file(e->d_name))
            continue;
        struct buf full = BUF_INIT;
        buf_addf(&full, "%s/%s", path, e->d_name);
        struct stat st;
        if (stat(full.data, &st) == 0 && S_ISREG(st.st_mode))
            add_file(c, buf_detach(&full, NULL));
        else
            buf_release(&full);
    }
    closedir(dir);
    qsort(c->files, c->n_files, sizeof(*c->files), compare_names);
    return true;
}

corpus *corpus_open(const char *path, struct diag *d)
{
    struct stat st;
    if (stat(path, &st) < 0) {
        diag_error(d, "cannot open corpus '%s': %s", path, strerror(errno));
        return NULL;
    }
    corpus *c = xcalloc(1, sizeof(*c));
    c->bounds = bounds_defaults;
    buf_init(&c->line);
    buf_init(&c->text);
    buf_init(&c->id);
    buf_init(&c->title);
    buf_init(&c->source);
    if (S_ISDIR(st.st_mode)) {
        if (!list_directory(c, path, d)) {
            corpus_close(c);
            return NULL;
        }
    } else if (is_corpus_file(path)) {
        add_file(c, xstrdup(path));
    } else {
        diag_error(d, "'%s' is not a corpus: expected a directory, a .txt or a .jsonl file", path);
        corpus_close(c);
        return NULL;
    }
    return c;
}

void corpus_set_bounds(corpus *c, const struct bounds *b)
{
    c->bounds = *b;
}

/* ---- <id>.txt files ---------------------------------------------------- */

static bool is_blank(char c)
{
    return c == ' ' || c == '\t';
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/*
 * Reads the optional header "date YYYY-MM-DD" on the first line (leading
 * blanks allowed, any words after the date). A first line that starts like a
 * header but has no valid date is an error, not text.
 */
static bool read_header(corpus *c, struct article *a, const char *path, struct diag *d)
{
    const char *s = c->text.data, *end = s + c->text.len;
    if (c->text.len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
        s += 3; /* a byte order mark */
    while (s < end && is_blank(*s))
        s++;
    if (end - s < 5 || memcmp(s, "date", 4) != 0 || !is_blank(s[4]))
        return true;
    s += 4;
    while (s < end && is_blank(*s))
        s++;
    if (s == end || !is_digit(*s))
        return true; /* "date palms ..." is text */
    size_t n = 0;
    while (s + n < end && !is_blank(s[n]) && s[n] != '\n' && s[n] != '\r')
        n++;
    if (!date_parse(s, n, &a->published) || !a->published.day) {
        struct text_pos p = text_pos_of(c->text.data, c->text.len, (size_t)(s - c->text.data));
        diag_error(d, "%s:%zu:%zu: '%.*s' is not a date that exists (expected 'date YYYY-MM-DD')",
                   path, p.line, p.col, (int)(n > 40 ? 40 : n), s);
        return false;
    }
    a->has_published = true;
    return true;
}

static fb_result read_txt(corpus *c, const char *path, struct article *a, struct diag *d)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    buf_reset(&c->id);
    buf_add(&c->id, base, strlen(base) - strlen(".txt"));
    if (!article_id_valid(c->id.data)) {
        diag_error(d,
                   "%s: '%s' is not a valid article id (ids match "
                   "[A-Za-z0-9][A-Za-z0-9._-]{0,127})",
                   path, c->id.data);
        return FB_EINPUT;
    }
    a->id = c->id.data;
    if (fileio_read_max(path, c->bounds.article_bytes, "limits.article_bytes", &c->text, d) !=
        FB_OK)
        return FB_EINPUT;
    size_t bad;
    if (!text_valid_utf8(c->text.data, c->text.len, &bad)) {
        struct text_pos p = text_pos_of(c->text.data, c->text.len, bad);
        diag_error(d, "%s:%zu:%zu: %s", path, p.line, p.col,
                   c->text.data[bad] ? "invalid UTF-8" : "NUL byte in article text");
        return FB_EINPUT;
    }
    if (!read_header(c, a, path, d))
        return FB_EINPUT;
    if (c->text.len == 0) {
        diag_error(d, "%s: empty article", path);
        return FB_EINPUT;
    }
    buf_reset(&c->source);
    buf_adds(&c->source, path);
    a->text = c->text.data;
    a->text_len = c->text.len;
    a->source = c->source.data;
    return FB_OK;
}

/* ---- JSON Lines files -------------------------------------------------- */

static bool record_string(const cJSON *obj, const char *key, bool required, struct buf *out,
                          const char *where, struct diag *d)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    buf_reset(out);
    if (!v || cJSON_IsNull(v)) {
        if (required)
            diag_error(d, "%s: $: missing required field '%s'", where, key);
        return !required;
    }
    if (!cJSON_IsString(v)) {
        diag_error(d, "%s: $.%s: expected a string", where, key);
        return false;
    }
    buf_adds(out, v->valuestring);
    return true;
}

static fb_result read_record(corpus *c, const char *line, size_t len, struct article *a,
                             struct diag *d)
{
    buf_reset(&c->source);
    buf_addf(&c->source, "%s:%zu", c->jsonl_path, c->line_no);
    const char *where = c->source.data;
    cJSON *root = json_parse(line, len, c->jsonl_path, c->line_no, c->bounds.depth, d);
    if (!root)
        return FB_EINPUT;
    fb_result rc = FB_EINPUT;
    struct buf published = BUF_INIT;
    if (!cJSON_IsObject(root)) {
        diag_error(d, "%s: $: expected an object", where);
        goto done;
    }
    bool ok = record_string(root, "id", true, &c->id, where, d);
    ok = record_string(root, "text", true, &c->text, where, d) && ok;
    ok = record_string(root, "title", false, &c->title, where, d) && ok;
    ok = record_string(root, "published", false, &published, where, d) && ok;
    if (!ok)
        goto done;
    if (!article_id_valid(c->id.data)) {
        diag_error(d, "%s: $.id: '%s' is not a valid article id", where, c->id.data);
        goto done;
    }
    a->id = c->id.data;
    if (published.len) {
        if (!date_parse(published.data, published.len, &a->published) || !a->published.day) {
            diag_error(d, "%s: $.published: '%s' is not a date that exists (YYYY-MM-DD)", where,
                       published.data);
            goto done;
        }
        a->has_published = true;
    }
    if (c->text.len == 0) {
        diag_error(d, "%s: $.text: empty article", where);
        goto done;
    }
    a->text = c->text.data;
    a->text_len = c->text.len;
    a->title =
        cJSON_IsString(cJSON_GetObjectItemCaseSensitive(root, "title")) ? c->title.data : NULL;
    a->source = where;
    rc = FB_OK;
done:
    buf_release(&published);
    cJSON_Delete(root);
    return rc;
}

/*
 * Reads the next line of the JSON Lines file into c->line, without its
 * newline, keeping at most max bytes: a longer line is read to its end but
 * not kept (*too_long), so memory stays bounded. Returns false at the end
 * of the file, or on an error (ferror()).
 */
static bool next_line(corpus *c, size_t max, bool *too_long)
{
    buf_reset(&c->line);
    *too_long = false;
    int ch = EOF;
    flockfile(c->jsonl);
    while ((ch = getc_unlocked(c->jsonl)) != EOF && ch != '\n') {
        if (c->line.len < max)
            buf_addc(&c->line, (char)ch);
        else
            *too_long = true;
    }
    funlockfile(c->jsonl);
    return ch != EOF || c->line.len > 0 || *too_long;
}

static bool blank_line(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!strchr(" \t\r\n", s[i]))
            return false;
    return true;
}

fb_result corpus_next(corpus *c, struct article *a, struct diag *d)
{
    memset(a, 0, sizeof(*a));
    for (;;) {
        if (c->jsonl) {
            errno = 0;
            bool too_long;
            if (!next_line(c, c->bounds.article_bytes, &too_long) || ferror(c->jsonl)) {
                fb_result rc = FB_OK;
                if (ferror(c->jsonl)) {
                    diag_error(d, "cannot read '%s': %s", c->jsonl_path, strerror(errno));
                    rc = FB_EINPUT;
                }
                fclose(c->jsonl);
                c->jsonl = NULL;
                if (rc != FB_OK)
                    return rc;
                continue;
            }
            c->line_no++;
            if (too_long) {
                diag_error(d, "%s:%zu: line larger than %zu bytes (limits.article_bytes)",
                           c->jsonl_path, c->line_no, c->bounds.article_bytes);
                return FB_EINPUT;
            }
            if (blank_line(c->line.data, c->line.len))
                continue;
            return read_record(c, c->line.data, c->line.len, a, d);
        }
        if (c->next_file == c->n_files)
            return FB_END;
        const char *path = c->files[c->next_file++];
        if (ends_with(path, ".txt"))
            return read_txt(c, path, a, d);
        c->jsonl = fopen(path, "re");
        if (!c->jsonl) {
            diag_error(d, "cannot read '%s': %s", path, strerror(errno));
            return FB_EINPUT;
        }
        c->jsonl_path = path;
        c->line_no = 0;
    }
}

void corpus_close(corpus *c)
{
    if (!c)
        return;
    if (c->jsonl)
        fclose(c->jsonl);
    for (size_t i = 0; i < c->n_files; i++)
        free(c->files[i]);
    free(c->files);
    buf_release(&c->line);
    buf_release(&c->text);
    buf_release(&c->id);
    buf_release(&c->title);
    buf_release(&c->source);
    free(c);
}

size_t corpus_estimate(const char *path)
{
    struct diag quiet;
    diag_init(&quiet);
    corpus *c = corpus_open(path, &quiet);
    diag_release(&quiet);
    if (!c)
        return 0;
    size_t n = 0;
    char chunk[65536];
    for (size_t i = 0; i < c->n_files; i++) {
        if (ends_with(c->files[i], ".txt")) {
            n++;
            continue;
        }
        FILE *f = fopen(c->files[i], "re");
        size_t got;
        while (f && (got = fread(chunk, 1, sizeof(chunk), f)) > 0)
            for (const char *p = chunk; (p = memchr(p, '\n', got - (size_t)(p - chunk))); p++)
                n++;
        if (f)
            fclose(f);
    }
    corpus_close(c);
    return n;
}
