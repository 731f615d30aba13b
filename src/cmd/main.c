/*
 * main.c - the factbench command line: finds the subcommand in one table.
 */
#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "result.h"

static const struct command *const commands[] = {
    &cmd_agree_command, &cmd_compare_command, &cmd_merge_command,
    &cmd_plot_command,  &cmd_run_command,     &cmd_score_command,
    &cmd_stats_command, &cmd_synth_command,   &cmd_validate_command,
};

#define N_COMMANDS (sizeof(commands) / sizeof(commands[0]))

static void print_help(FILE *out)
{
    fputs("usage: factbench <command> [options]\n"
          "       factbench <command> --help\n"
          "\n"
          "Evaluates information extractors over a news corpus against gold annotations.\n"
          "\n"
          "commands:\n",
          out);
    for (size_t i = 0; i < N_COMMANDS; i++)
        fprintf(out, "  %-10s %s\n", commands[i]->name, commands[i]->summary);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        print_help(stderr);
        return FB_EXIT_INPUT;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        print_help(stdout);
        return FB_EXIT_OK;
    }
    if (strcmp(argv[1], "--version") == 0) {
        puts("factbench " FB_VERSION);
        return FB_EXIT_OK;
    }
    for (size_t i = 0; i < N_COMMANDS; i++)
        if (strcmp(argv[1], commands[i]->name) == 0)
            return commands[i]->run(argc - 1, argv + 1);
    fprintf(stderr, "factbench: unknown command '%s'\n\n", argv[1]);
    print_help(stderr);
    return FB_EXIT_INPUT;
}
