/*
 * cmd.h - the subcommands of the factbench tool, and what they share.
 *
 * Each subcommand lives in cmd_<name>.c as `int cmd_<name>(int argc, char
 * **argv)`, with argv[0] the subcommand's name, and returns the process exit
 * code. main.c finds them in one table.
 */
#ifndef FB_CMD_H
#define FB_CMD_H

#include <getopt.h>

struct command {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary; /* one line for `factbench --help` */
    const char *usage;   /* the whole help of `factbench <name> --help` */
};

int cmd_validate(int argc, char **argv);

extern const struct command cmd_validate_command;

/*
 * Runs getopt_long over argv for command cmd. Returns the next option
 * character, -1 at the end of the options, 'h' after printing the help for
 * --help to stdout, or '?' after printing "factbench <cmd>: <problem>" and
 * the usage to stderr for an unknown option or a missing argument. The
 * options table must map --help to 'h'.
 */
int cmd_getopt(int argc, char **argv, const char *shortopts, const struct option *longopts,
               const struct command *cmd);

/* Prints "factbench <cmd>: <message>" and the usage to stderr; returns exit code 2. */
int cmd_usage_error(const struct command *cmd, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

#endif
