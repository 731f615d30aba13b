/*
 * result.h - the one result type of factbench.
 *
 * Functions that can fail return an fb_result; the values map directly onto the
 * process exit codes of the SPEC (section 6) through fb_exit_code().
 */
#ifndef FB_RESULT_H
#define FB_RESULT_H

typedef enum {
    FB_OK = 0,   /* success */
    FB_END,      /* a stream has no more items (not an error) */
    FB_EUSAGE,   /* bad command line */
    FB_EINPUT,   /* invalid input: a file that breaks the format */
    FB_ERUNTIME, /* cannot run: a backend cannot start, an output cannot be written */
} fb_result;

/* Process exit codes (SPEC section 6). */
enum {
    FB_EXIT_OK = 0,
    FB_EXIT_GATE = 1,
    FB_EXIT_INPUT = 2,
    FB_EXIT_RUNTIME = 3,
};

/* Maps a result onto the exit code the command line returns for it. */
int fb_exit_code(fb_result r);

#endif
