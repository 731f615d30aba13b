#include "validate.h"

#include <dirent.h>
#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "article.h"
#include "buf.h"
#include "corpus.h"
#include "fileio.h"
#include "gold.h"
#include "idset.h"

static void check_gold(const struct article *a, const char *gold_dir, struct validate_summary *sum,
                       struct diag *d)
{
    struct buf path = BUF_INIT;
    buf_addf(&path, "%s/%s.json", gold_dir, a->id);
    if (access(path.data, F_OK) != 0 && errno == ENOENT) {
        diag_warning(d, "%s: no gold file '%s'", a->source, path.data);
        sum->without_gold++;
    } else {
        struct gold_source src = {path.data, a->id, a->text, a->text_len};
        struct gold_doc *g;
        if (gold_load(GOLD_REFERENCE, &src, &g, d) == FB_OK)
            sum->gold_files++;
        gold_free(g);
    }
    buf_release(&path);
}

static void check_orphans(const char *corpus_path, const char *gold_dir, const struct idset *seen,
                          struct diag *d)
{
    DIR *dir = opendir(gold_dir);
    if (!dir) {
        diag_error(d, "cannot open gold directory '%s': %s", gold_dir, strerror(errno));
        return;
    }
    struct dirent *e;
    struct buf id = BUF_INIT;
    while ((e = readdir(dir))) {
        size_t n = strlen(e->d_name);
        if (e->d_name[0] == '.' || n <= 5 || strcmp(e->d_name + n - 5, ".json") != 0)
            continue;
        buf_reset(&id);
        buf_add(&id, e->d_name, n - 5);
        if (!article_id_valid(id.data))
            diag_error(d, "%s/%s: '%s' is not a valid article id", gold_dir, e->d_name, id.data);
        else if (!idset_has(seen, id.data))
            diag_error(d, "%s/%s: no article '%s' in corpus '%s'", gold_dir, e->d_name, id.data,
                       corpus_path);
    }
    buf_release(&id);
    closedir(dir);
}

fb_result validate_corpus(const char *corpus_path, const char *gold_dir,
                          struct validate_summary *sum, struct diag *d)
{
    size_t errors_before = d->errors;
    memset(sum, 0, sizeof(*sum));
    if (fileio_check_dir(gold_dir, "gold directory", d) != FB_OK)
        return FB_EINPUT;
    corpus *c = corpus_open(corpus_path, d);
    if (!c)
        return FB_EINPUT;

    struct idset seen;
    idset_init(&seen);
    struct article a;
    fb_result rc;
    while ((rc = corpus_next(c, &a, d)) != FB_END) {
        if (rc != FB_OK) {
            if (a.id) /* its gold file has an article, if a broken one */
                idset_add(&seen, a.id);
            continue;
        }
        if (!idset_add(&seen, a.id)) {
            diag_error(d, "%s: duplicate article id '%s'", a.source, a.id);
            continue;
        }
        sum->articles++;
        check_gold(&a, gold_dir, sum, d);
    }
    corpus_close(c);
    check_orphans(corpus_path, gold_dir, &seen, d);
    idset_release(&seen);
    return d->errors > errors_before ? FB_EINPUT : FB_OK;
}
