/*
 * cmd_validate.c - `factbench validate`: checks a corpus and its gold files.
 */
#include <stdio.h>

#include "cmd.h"
#include "diag.h"
#include "result.h"
#include "validate.h"

const struct command cmd_validate_command = {
    "validate",
    cmd_validate,
    "check a corpus and its gold files against the format",
    "usage: factbench validate [--corpus PATH] [--gold DIR]\n"
    "\n"
    "Checks every article of the corpus and every gold file, reports every\n"
    "problem (file and place) on stderr, and exits 2 when there is any error.\n"
    "Articles without gold are warnings.\n"
    "\n"
    "  --corpus PATH   corpus directory or .jsonl file (default: corpus)\n"
    "  --gold DIR      gold directory (default: gold)\n"
    "  -h, --help      show this help\n",
};

int cmd_validate(int argc, char **argv)
{
    static const struct option options[] = {
        {"corpus", required_argument, NULL, 'c'},
        {"gold", required_argument, NULL, 'g'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    const char *corpus_path = "corpus", *gold_dir = "gold";
    int c;
    while ((c = cmd_getopt(argc, argv, ":h", options, &cmd_validate_command)) != -1) {
        switch (c) {
        case 'c':
            corpus_path = optarg;
            break;
        case 'g':
            gold_dir = optarg;
            break;
        case 'h':
            return FB_EXIT_OK;
        default:
            return FB_EXIT_INPUT;
        }
    }
    if (optind < argc)
        return cmd_usage_error(&cmd_validate_command, "unexpected argument '%s'", argv[optind]);

    struct diag d;
    diag_init_stream(&d, stderr);
    struct validate_summary sum;
    fb_result rc = validate_corpus(corpus_path, gold_dir, &sum, &d);
    printf("%zu articles, %zu gold files: %zu errors, %zu warnings\n", sum.articles, sum.gold_files,
           d.errors, d.warnings);
    diag_release(&d);
    return fb_exit_code(rc);
}
