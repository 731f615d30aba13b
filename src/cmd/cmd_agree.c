/*
 * cmd_agree.c - `factbench agree`: inter-annotator agreement of two gold sets.
 */
#include <stdio.h>

#include "agree.h"
#include "cmd.h"
#include "config.h"

const struct command cmd_agree_command = {
    "agree",
    cmd_agree,
    "inter-annotator agreement between two gold directories",
    "usage: factbench agree GOLD_A GOLD_B [settings]\n"
    "\n"
    "Scores the gold files of GOLD_B against those of the same articles in\n"
    "GOLD_A as the reference: per category precision, recall and F1 in both\n"
    "modes, and Cohen's kappa on the attributes of matched items (actor type\n"
    "and role, date kind, claim kind, count qualifier). Prints Markdown.\n"
    "\n" CMD_SETTING_HELP "  -h, --help            show this help\n",
};

int cmd_agree(int argc, char **argv)
{
    static const struct option options[] = {
        {"help", no_argument, NULL, 'h'},
        CMD_SETTING_OPTIONS,
        {NULL, 0, NULL, 0},
    };
    struct cmd_settings settings = {0};
    int c;
    while ((c = cmd_getopt(argc, argv, ":h", options, &cmd_agree_command)) != -1) {
        if (cmd_take_setting(&settings, c, optarg))
            continue;
        return c == 'h' ? FB_EXIT_OK : FB_EXIT_INPUT;
    }
    if (argc - optind != 2)
        return cmd_usage_error(&cmd_agree_command, "expected two gold directories");
    struct diag d;
    diag_init_stream(&d, stderr);
    struct config cfg;
    int code = cmd_load_settings(&settings, &cfg, &d);
    struct agreement a;
    fb_result rc = FB_EINPUT;
    if (!code) {
        rc = agree_run(&cfg, argv[optind], argv[optind + 1], &a, &d);
        if (rc == FB_OK)
            agree_print(&a, argv[optind], argv[optind + 1], stdout);
    }
    config_release(&cfg);
    diag_release(&d);
    return code ? code : fb_exit_code(rc);
}
