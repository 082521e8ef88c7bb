/* fuzz.h - what the libFuzzer harnesses share: whole commands run in-process through sn_main.
 *
 * A harness (tests/fuzz/fuzz_NAME.c) defines LLVMFuzzerTestOneInput, and LLVMFuzzerInitialize
 * when it needs a prepared working database. The input is written to a file in a private
 * scratch folder (on /dev/shm when there is one), the command reads it like a user's file, and
 * its output goes to /dev/null (to stderr with FUZZ_VERBOSE=1 in the environment). A harness
 * that needs earlier steps (units, agency registries) builds a template database once from
 * samples/ and gives every input a fresh copy of it, so each run starts from the same state.
 *
 * The same harness links either with libFuzzer (clang -fsanitize=fuzzer: 'make fuzz') or with
 * tests/fuzz/replay.c (any C compiler: 'make check' replays every corpus file).
 */
#ifndef SN_FUZZ_H
#define SN_FUZZ_H

#include <stddef.h>
#include <stdint.h>

#ifndef SN_TOP
#define SN_TOP "."  /* the source tree, for samples/: the Makefile passes its own */
#endif

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The scratch folder (created on first use). */
const char *fz_dir(void);
/* Writes DATA to the scratch file NAME and returns its path (static buffer per call site is not
 * needed: the path stays valid until the next fz_file with the same NAME). */
const char *fz_file(const char *name, const uint8_t *data, size_t size);
/* Runs "sapnhap ARGS..." (NULL-terminated) in-process; returns its exit status. */
int fz_run(const char *first, ...);
/* Prepares the template database: created and migrated, then each command (a NULL-terminated
 * list of NULL-terminated argument lists, possibly empty) run on it; aborts if one fails (the
 * samples are broken). */
void fz_template(const char *const *const *cmds);
/* Copies the template to the working database and returns its path. */
const char *fz_db(void);

#endif
