/* fuzz_agencies.c - 'agencies import' of a registry as CSV or XML (chosen by content) into a
 * database holding the samples' unit registry, then 'agencies list' of what it imported. */
#include "fuzz.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	static const char *const units[] = { "units", "import", SN_TOP "/samples/units/conversion-2025.csv", NULL };
	static const char *const *const cmds[] = { units, NULL };
	fz_template(cmds);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > 200000)
		return 0;
	const char *in = fz_file("agencies.csv", data, size);
	const char *db = fz_db();
	if (fz_run("--db", db, "agencies", "import", in, "--province", "70", NULL) == 0) {
		fz_run("--db", db, "agencies", "list", "--province", "70", "--format", "csv", NULL);
		fz_run("--db", db, "agencies", "list", "--province", "70", "--notation", "left", NULL);
	}
	return 0;
}
