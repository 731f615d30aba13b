/*
 * Tests for fileio.c: bounded reads, output trees that refuse planted
 * links, files written together or not at all, and the modes of what is
 * created.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "fileio.h"
#include "harness.h"

static char dir[64];

/* dir/name; the last four results stay valid, so that one call can take two. */
static const char *in_dir(const char *name)
{
    static struct buf paths[4] = {BUF_INIT, BUF_INIT, BUF_INIT, BUF_INIT};
    static size_t next;
    if (!dir[0]) {
        strcpy(dir, "/tmp/fb-test-fileio-XXXXXX");
        CU_ASSERT_PTR_NOT_NULL_FATAL(mkdtemp(dir));
    }
    struct buf *path = &paths[next++ % 4];
    buf_reset(path);
    buf_addf(path, "%s/%s", dir, name);
    return path->data;
}

static void put(const char *name, const char *text)
{
    CU_ASSERT_TRUE_FATAL(fb_test_write(in_dir(name), text, strlen(text)));
}

static char *slurp(const char *name)
{
    struct buf b = BUF_INIT;
    struct diag d;
    diag_init(&d);
    fb_result rc = fileio_read(in_dir(name), &b, &d);
    diag_release(&d);
    return rc == FB_OK ? buf_detach(&b, NULL) : NULL;
}

static unsigned mode_of(const char *name)
{
    struct stat st;
    return lstat(in_dir(name), &st) == 0 ? (unsigned)(st.st_mode & 07777) : 0;
}

static void test_read_max(void)
{
    put("ten.txt", "0123456789");
    struct buf b = BUF_INIT;
    struct diag d;
    diag_init(&d);
    CU_ASSERT_EQUAL(fileio_read_max(in_dir("ten.txt"), 10, "limits.x", &b, &d), FB_OK);
    CU_ASSERT_EQUAL(b.len, 10);
    CU_ASSERT_EQUAL(fileio_read_max(in_dir("ten.txt"), 9, "limits.x", &b, &d), FB_EINPUT);
    CU_ASSERT_EQUAL(b.len, 0);
    char want[128];
    snprintf(want, sizeof(want), "%s: larger than 9 bytes (limits.x)", in_dir("ten.txt"));
    CU_ASSERT_STRING_EQUAL(diag_first_error(&d), want);
    /* a device that never ends is cut at the limit, not read forever */
    CU_ASSERT_EQUAL(fileio_read_max("/dev/zero", 1000, "limits.x", &b, &d), FB_EINPUT);
    CU_ASSERT_EQUAL(d.errors, 2);
    CU_ASSERT_EQUAL(fileio_read(in_dir(""), &b, &d), FB_EINPUT); /* a directory */
    buf_release(&b);
    diag_release(&d);
}

static void test_read_present(void)
{
    put("here.txt", "here");
    struct buf b = BUF_INIT;
    struct diag d;
    diag_init(&d);
    CU_ASSERT_EQUAL(fileio_read_present(in_dir("here.txt"), 10, "limits.x", &b, &d), FB_OK);
    CU_ASSERT_STRING_EQUAL(b.data, "here");
    CU_ASSERT_EQUAL(fileio_read_present(in_dir("gone.txt"), 10, "limits.x", &b, &d), FB_END);
    CU_ASSERT_EQUAL(d.errors, 0); /* absent is no error */
    CU_ASSERT_EQUAL(fileio_read_present(in_dir("here.txt"), 3, "limits.x", &b, &d), FB_EINPUT);
    CU_ASSERT_EQUAL(fileio_read_present(in_dir(""), 10, "limits.x", &b, &d), FB_EINPUT);
    CU_ASSERT_EQUAL(d.errors, 2); /* too large, and a directory: errors as for fileio_read_max() */
    buf_release(&b);
    diag_release(&d);
}

static void test_fifo_does_not_block(void)
{
    CU_ASSERT_EQUAL_FATAL(mkfifo(in_dir("fifo"), 0600), 0);
    struct buf b = BUF_INIT;
    struct diag d;
    diag_init(&d);
    CU_ASSERT_EQUAL(fileio_read(in_dir("fifo"), &b, &d), FB_OK);
    CU_ASSERT_EQUAL(b.len, 0);
    buf_release(&b);
    diag_release(&d);
}

static void test_mkdirs_in_refuses_links(void)
{
    struct diag d;
    diag_init(&d);
    CU_ASSERT_EQUAL(fileio_mkdirs_in(in_dir("out"), in_dir("out/a/b"), &d), FB_OK);
    CU_ASSERT_EQUAL(mode_of("out/a/b"), 0755);
    /* a link planted below the root is refused, and nothing is created through it */
    CU_ASSERT_EQUAL(mkdir(in_dir("elsewhere"), 0755), 0);
    CU_ASSERT_EQUAL(symlink(in_dir("elsewhere"), in_dir("out/plots")), 0);
    CU_ASSERT_EQUAL(fileio_mkdirs_in(in_dir("out"), in_dir("out/plots/x"), &d), FB_ERUNTIME);
    char want[160];
    snprintf(want, sizeof(want), "cannot write into '%s': a symbolic link in the output tree",
             in_dir("out/plots"));
    CU_ASSERT_STRING_EQUAL(diag_first_error(&d), want);
    CU_ASSERT_EQUAL(access(in_dir("elsewhere/x"), F_OK), -1);
    /* a file where a directory should be */
    put("out/file", "x");
    CU_ASSERT_EQUAL(fileio_mkdirs_in(in_dir("out"), in_dir("out/file/x"), &d), FB_ERUNTIME);
    /* the root itself, and what leads to it, are the user's: links allowed */
    CU_ASSERT_EQUAL(symlink(in_dir("out"), in_dir("link-to-out")), 0);
    CU_ASSERT_EQUAL(fileio_mkdirs_in(in_dir("link-to-out"), in_dir("link-to-out/c"), &d), FB_OK);
    CU_ASSERT_EQUAL(mode_of("out/c"), 0755);
    CU_ASSERT_EQUAL(d.errors, 2);
    diag_release(&d);
}

static void test_write_replaces_links(void)
{
    /* a link planted where an output goes is replaced, its target left alone */
    struct diag d;
    diag_init(&d);
    put("target", "precious");
    CU_ASSERT_EQUAL(symlink(in_dir("target"), in_dir("report.json")), 0);
    CU_ASSERT_EQUAL(fileio_write_atomic(in_dir("report.json"), "{}", 2, false, &d), FB_OK);
    char *target = slurp("target"), *report = slurp("report.json");
    CU_ASSERT_STRING_EQUAL(target, "precious");
    CU_ASSERT_STRING_EQUAL(report, "{}");
    struct stat st;
    CU_ASSERT_TRUE(lstat(in_dir("report.json"), &st) == 0 && S_ISREG(st.st_mode));
    CU_ASSERT_EQUAL(mode_of("report.json"), 0644);
    free(target);
    free(report);
    diag_release(&d);
}

static void test_modes_ignore_umask(void)
{
    mode_t old = umask(0);
    struct diag d;
    diag_init(&d);
    CU_ASSERT_EQUAL(fileio_mkdirs_in(in_dir("open"), in_dir("open/sub"), &d), FB_OK);
    CU_ASSERT_EQUAL(fileio_write_atomic(in_dir("open/sub/f"), "x", 1, true, &d), FB_OK);
    umask(old);
    CU_ASSERT_EQUAL(mode_of("open"), 0755);
    CU_ASSERT_EQUAL(mode_of("open/sub"), 0755);
    CU_ASSERT_EQUAL(mode_of("open/sub/f"), 0644);
    diag_release(&d);
}

/* Whether the directory holds a temporary file ("*.tmp-*"). */
static int temporaries(const char *sub)
{
    struct buf cmd = BUF_INIT;
    buf_addf(&cmd, "ls -a '%s' | grep -q '\\.tmp-'", in_dir(sub));
    int found = system(cmd.data) == 0;
    buf_release(&cmd);
    return found;
}

static void test_batch_all_or_nothing(void)
{
    CU_ASSERT_EQUAL(mkdir(in_dir("batch"), 0755), 0);
    put("batch/a", "old a");
    put("batch/b", "old b");
    struct diag d;
    diag_init(&d);
    struct fileio_batch batch;
    /* the second write fails (a file size limit, as a full disk would): neither changes */
    fileio_batch_init(&batch);
    CU_ASSERT_EQUAL(fileio_batch_write(&batch, in_dir("batch/a"), "new a", 5, false, &d), FB_OK);
    struct rlimit old;
    getrlimit(RLIMIT_FSIZE, &old);
    struct rlimit small = {100, old.rlim_max};
    void (*was)(int) = signal(SIGXFSZ, SIG_IGN);
    setrlimit(RLIMIT_FSIZE, &small);
    char big[200];
    memset(big, 'x', sizeof(big));
    CU_ASSERT_EQUAL(fileio_batch_write(&batch, in_dir("batch/b"), big, sizeof(big), false, &d),
                    FB_ERUNTIME);
    setrlimit(RLIMIT_FSIZE, &old);
    signal(SIGXFSZ, was);
    fileio_batch_release(&batch);
    char *a = slurp("batch/a"), *b = slurp("batch/b");
    CU_ASSERT_STRING_EQUAL(a, "old a");
    CU_ASSERT_STRING_EQUAL(b, "old b");
    free(a);
    free(b);
    CU_ASSERT_FALSE(temporaries("batch"));
    char want[160];
    snprintf(want, sizeof(want), "cannot write '%s': %s", in_dir("batch/b"), strerror(EFBIG));
    CU_ASSERT_STRING_EQUAL(diag_first_error(&d), want);
    /* both written: both change */
    fileio_batch_init(&batch);
    CU_ASSERT_EQUAL(fileio_batch_write(&batch, in_dir("batch/a"), "new a", 5, false, &d), FB_OK);
    CU_ASSERT_EQUAL(fileio_batch_write(&batch, in_dir("batch/b"), "new b", 5, true, &d), FB_OK);
    CU_ASSERT_EQUAL(fileio_batch_commit(&batch, &d), FB_OK);
    fileio_batch_release(&batch);
    a = slurp("batch/a");
    b = slurp("batch/b");
    CU_ASSERT_STRING_EQUAL(a, "new a");
    CU_ASSERT_STRING_EQUAL(b, "new b");
    free(a);
    free(b);
    CU_ASSERT_FALSE(temporaries("batch"));
    diag_release(&d);
}

static int cleanup(void)
{
    return fb_test_rmtree(dir); /* the path buffers are freed with the process */
}

static CU_TestInfo tests[] = {
    {"bounded reads", test_read_max},
    {"a file that may be absent", test_read_present},
    {"a FIFO reads as empty, never blocks", test_fifo_does_not_block},
    {"output trees refuse planted links", test_mkdirs_in_refuses_links},
    {"writes replace links, never follow them", test_write_replaces_links},
    {"modes are 0644 and 0755 whatever the umask", test_modes_ignore_umask},
    {"batches: all or nothing", test_batch_all_or_nothing},
    CU_TEST_INFO_NULL,
};

CU_SuiteInfo fb_suites[] = {{"fileio", NULL, cleanup, NULL, NULL, tests}, CU_SUITE_INFO_NULL};
