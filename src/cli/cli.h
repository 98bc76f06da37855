/*
 * The command line: a thin layer over libtdkt. It parses options, calls the
 * library, prints, and maps results to the exit statuses of spec/cli.md:
 * 0 done, 1 could not (input rejected, database or rule error), 2 usage.
 */
#ifndef TDKT_CLI_H
#define TDKT_CLI_H

#include <stdio.h>
#include "tdkt/tdkt.h"

enum { CLI_OK = 0, CLI_FAIL = 1, CLI_USAGE = 2 };

/* Global options, resolved once by main(). */
typedef struct tdkt_cli {
    const char *db;      /* --db, else $TDKT_DB, else tdkt.db */
    const char *rules;   /* --rules DIR, or NULL */
    const char *rules_root; /* $TDKT_RULES, else the installed rules/ */
    tdkt_format format;  /* --format; table by default */
    bool format_set;
    tdkt_lang lang;      /* --lang vi|en */
    int threads;         /* --threads N; 0 = every core */
    const char *prog;    /* argv[0] for messages */
    bool stored;         /* the command committed its work (import, confer):
                            an output failure after it must say so */
} tdkt_cli;

typedef int (*cli_fn)(tdkt_cli *cli, int argc, char **argv);

typedef struct cli_cmd {
    const char *name;
    cli_fn fn;
    const char *summary_vi;
    const char *summary_en;
} cli_cmd;

/* One function per subcommand, one file each (cmd_<name>.c). */
int cmd_import(tdkt_cli *cli, int argc, char **argv);
int cmd_eval(tdkt_cli *cli, int argc, char **argv);
int cmd_diff(tdkt_cli *cli, int argc, char **argv);
int cmd_report(tdkt_cli *cli, int argc, char **argv);
int cmd_confer(tdkt_cli *cli, int argc, char **argv);
int cmd_rules(tdkt_cli *cli, int argc, char **argv);
int cmd_runs(tdkt_cli *cli, int argc, char **argv);

/* Print "tdkt: message" (the thread's last error when msg is NULL) to
 * stderr and return CLI_FAIL. */
int cli_fail(const tdkt_cli *cli, const char *msg);
/* An id typed on the command line (a nomination's, a run's) as tdkt
 * import stores ids: without the spaces around it (tdkt_text_trim), composed
 * (NFC), so that "N1 " or an id typed with combining accents finds the
 * one imported. A copy to free; NULL when out of memory. */
char *cli_id(const char *s);
/* Free @p n ids of cli_id() and their array. */
void cli_ids_free(char **ids, size_t n);
/* A run id as typed: a positive decimal number that fits, else 0 (a
 * number too large for one is no run, not the largest run). */
int64_t cli_run_id(const char *s);
/* Say that the selection of @p o holds no nomination (a year with none,
 * named ones of another year), @p tail ending the sentence; returns
 * CLI_FAIL: eval and diff both have nothing to do. */
int cli_nothing_to_judge(const tdkt_cli *cli, const tdkt_eval_options *o,
                         const char *tail);
/* Print a usage error and a hint to use --help; returns CLI_USAGE. */
int cli_usage_error(const tdkt_cli *cli, const char *cmd, const char *fmt,
                    ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
/* The --format values a command prints, as bits: FMT(TDKT_FMT_CSV) | … */
#define FMT(f) (1u << (f))
/* Refuse, before any work, a --format that @p cmd does not print (a usage
 * error naming those it does); CLI_OK when @p allowed has it. */
int cli_check_format(const tdkt_cli *cli, const char *cmd, unsigned allowed);
/* True when argv holds -h or --help (before any "--"). */
bool cli_wants_help(int argc, char **argv);
/* Print a help text in the CLI's language and return CLI_OK. */
int cli_help(const tdkt_cli *cli, const char *vi, const char *en);
/* Print import/CSV problems as FILE:LINE: COLUMN: message, then a count. */
void cli_print_diags(const tdkt_cli *cli, const tdkt_diags *d);
/* Options of a subcommand, ending with {NULL, false}. */
typedef struct cli_option {
    const char *name; /* "--year" */
    bool takes_value;
    bool repeatable; /* may be given more than once (--id); else an error */
} cli_option;

/*
 * Take the next argument of argv (from *i, starting at 1): *which is the
 * option's index in opts, or -1 for a positional argument; *value its
 * value (NULL for a flag). Returns 1 for an argument, 0 at the end, -2
 * after printing a usage error.
 */
int cli_getopt(const tdkt_cli *cli, const char *cmd, const cli_option *opts,
               int argc, char **argv, int *i, int *which,
               const char **value);
/* Print "unexpected argument 'ARG'" for @p cmd; returns CLI_USAGE. */
int cli_unexpected(const tdkt_cli *cli, const char *cmd, const char *arg);
/* Parse a four-digit year or print a usage error (returns -2). */
int cli_parse_year(const tdkt_cli *cli, const char *cmd, const char *s,
                   int *out);
/* Parse a date YYYY-MM-DD (a real day, years TDKT_YEAR_MIN..MAX) given
 * to option @p opt, or print a usage error (returns -2). */
int cli_parse_date(const tdkt_cli *cli, const char *cmd, const char *opt,
                   const char *s, tdkt_date *out);

/* Exit status for a library result code. */
int cli_status(int error);

#endif
