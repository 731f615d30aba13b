/*
 * cmd_compare.c - `factbench compare`: two reports side by side, in Markdown.
 */
#include <stdio.h>

#include "cmd.h"
#include "compare.h"
#include "report.h"

const struct command cmd_compare_command = {
    "compare",
    cmd_compare,
    "compare two reports: deltas, significance, changed articles",
    "usage: factbench compare REPORT_A.json REPORT_B.json\n"
    "\n"
    "Prints Markdown: for each backend of B with a namesake in A (or the one\n"
    "backend of each), F1 per mode and category in A and B, the difference,\n"
    "the paired significance test over the articles both scored, and the\n"
    "articles whose overall F1 changed most.\n"
    "\n"
    "  -h, --help            show this help\n",
};

int cmd_compare(int argc, char **argv)
{
    static const struct option options[] = {
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    int c;
    while ((c = cmd_getopt(argc, argv, ":h", options, &cmd_compare_command)) != -1)
        return c == 'h' ? FB_EXIT_OK : FB_EXIT_INPUT;
    if (argc - optind != 2)
        return cmd_usage_error(&cmd_compare_command, "expected two report files");
    struct diag d;
    diag_init_stream(&d, stderr);
    struct eval a, b;
    fb_result rc = report_read(argv[optind], &a, &d);
    if (rc == FB_OK) {
        rc = report_read(argv[optind + 1], &b, &d);
        if (rc == FB_OK) {
            compare_print(&a, argv[optind], &b, argv[optind + 1], stdout);
            eval_release(&b);
        }
        eval_release(&a);
    }
    diag_release(&d);
    return fb_exit_code(rc);
}
