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
#include <stddef.h>

struct command {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary; /* one line for `factbench --help` */
    const char *usage;   /* the whole help of `factbench <name> --help` */
};

int cmd_agree(int argc, char **argv);
int cmd_compare(int argc, char **argv);
int cmd_merge(int argc, char **argv);
int cmd_plot(int argc, char **argv);
int cmd_run(int argc, char **argv);
int cmd_score(int argc, char **argv);
int cmd_stats(int argc, char **argv);
int cmd_synth(int argc, char **argv);
int cmd_validate(int argc, char **argv);

extern const struct command cmd_agree_command;
extern const struct command cmd_compare_command;
extern const struct command cmd_merge_command;
extern const struct command cmd_plot_command;
extern const struct command cmd_run_command;
extern const struct command cmd_score_command;
extern const struct command cmd_stats_command;
extern const struct command cmd_synth_command;
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

/* ---- the inputs every command that reads a corpus takes -------------------- */

struct cmd_inputs {
    const char *corpus; /* default "corpus" */
    const char *gold;   /* default "gold" */
};

#define CMD_INPUTS_DEFAULT                                                                         \
    {                                                                                              \
        "corpus", "gold"                                                                           \
    }

#define CMD_INPUT_OPTIONS                                                                          \
    {"corpus", required_argument, NULL, 'c'},                                                      \
    {                                                                                              \
        "gold", required_argument, NULL, 'g'                                                       \
    }

#define CMD_INPUT_HELP                                                                             \
    "  --corpus PATH         corpus directory or .jsonl file (default: corpus)\n"                  \
    "  --gold DIR            gold directory (default: gold)\n"

/* Takes option opt if it is --corpus or --gold; returns whether it was. */
int cmd_take_input(struct cmd_inputs *in, int opt, const char *arg);

/* ---- threads, for the commands that score -------------------------------- */

enum { OPT_THREADS = 280 };

#define CMD_THREADS_OPTION                                                                         \
    {                                                                                              \
        "threads", required_argument, NULL, OPT_THREADS                                            \
    }

#define CMD_THREADS_HELP                                                                           \
    "  --threads N           threads that read gold, run in-process backends and score\n"          \
    "                        (default: one per CPU, at most 16); results do not depend on it\n"

/*
 * Takes option opt if it is --threads: stores the count in *threads and
 * returns 1, or returns -1 after a usage error (1 to 256); 0 for other options.
 */
int cmd_take_threads(const struct command *cmd, int opt, const char *arg, unsigned *threads);

/* ---- settings shared by the commands that score ----------------------- */

struct config;
struct diag;

/* getopt values of --config and of the settings flags (OPT_SETTING + index). */
enum { OPT_CONFIG = 256, OPT_SETTING = 300 };

/* --config and the limits: what the commands that read a corpus and gold take. */
#define CMD_LIMIT_OPTIONS                                                                          \
    {"config", required_argument, NULL, OPT_CONFIG},                                               \
        {"max-article-bytes", required_argument, NULL, OPT_SETTING + 7},                           \
        {"max-response-bytes", required_argument, NULL, OPT_SETTING + 8},                          \
        {"max-items", required_argument, NULL, OPT_SETTING + 9},                                   \
    {                                                                                              \
        "max-depth", required_argument, NULL, OPT_SETTING + 10                                     \
    }

/* Those, and the scoring settings: what the commands that score take. */
#define CMD_SETTING_OPTIONS                                                                        \
    CMD_LIMIT_OPTIONS, {"mode", required_argument, NULL, OPT_SETTING + 0},                         \
        {"claim-strict", required_argument, NULL, OPT_SETTING + 1},                                \
        {"claim-lenient", required_argument, NULL, OPT_SETTING + 2},                               \
        {"count-tolerance", required_argument, NULL, OPT_SETTING + 3},                             \
        {"bootstrap", required_argument, NULL, OPT_SETTING + 4},                                   \
        {"permutations", required_argument, NULL, OPT_SETTING + 5},                                \
    {                                                                                              \
        "seed", required_argument, NULL, OPT_SETTING + 6                                           \
    }

#define CMD_LIMIT_HELP                                                                             \
    "  --config FILE         settings file: its limits apply (default: factbench.json if\n"        \
    "                        present)\n"                                                           \
    "  --max-article-bytes N, --max-response-bytes N, --max-items N, --max-depth N\n"              \
    "                        the limits, as for run (factbench run --help)\n"

#define CMD_SETTING_HELP                                                                           \
    "  --config FILE         settings file (default: factbench.json if present)\n"                 \
    "  --mode MODE           strict or lenient: the mode the summary shows (strict)\n"             \
    "  --claim-strict X      claim text similarity for a strict match (0.8)\n"                     \
    "  --claim-lenient X     claim text similarity for a lenient match (0.5)\n"                    \
    "  --count-tolerance X   lenient counts: |value - gold| <= floor(X * gold) (0.1)\n"            \
    "  --bootstrap N         bootstrap resamples for the F1 interval (1000)\n"                     \
    "  --permutations N      shuffles of the paired significance test (10000)\n"                   \
    "  --seed N              seed of both (1)\n"                                                   \
    "\n"                                                                                           \
    "limits (going over one fails the article; in the corpus or gold, an input error):\n"          \
    "  --max-article-bytes N\n"                                                                    \
    "                        an article: a .txt file or a .jsonl line (16777216)\n"                \
    "  --max-response-bytes N\n"                                                                   \
    "                        a backend's response for one article (16777216)\n"                    \
    "  --max-items N         items per category of a prediction or gold file (1000)\n"             \
    "  --max-depth N         JSON nesting of predictions, gold and corpus lines (64)\n"

#define CMD_MAX_SETTINGS 32

/* The settings given on a command line, applied after the config file. */
struct cmd_settings {
    const char *config_path; /* NULL: factbench.json if present */
    int opts[CMD_MAX_SETTINGS];
    const char *values[CMD_MAX_SETTINGS];
    size_t n;
};

/* Takes option opt if it is --config or a setting; returns whether it was. */
int cmd_take_setting(struct cmd_settings *s, int opt, const char *arg);

/*
 * Fills cfg: defaults, then the config file, then the flags. Returns 0, or
 * the exit code after reporting the problems to d. Either way, release cfg
 * with config_release().
 */
int cmd_load_settings(const struct cmd_settings *s, struct config *cfg, struct diag *d);

#endif
