/* fuzz_units.c - 'units import' of a CSV (any encoding, any of the three layouts) or an XLSX
 * workbook (chosen by content, as for a user's file), then 'units check' and 'units map' on what
 * it imported. */
#include "fuzz.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	static const char *const *const none[] = { NULL };
	fz_template(none);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > 200000)
		return 0;
	const char *in = fz_file("units.csv", data, size);
	const char *db = fz_db();
	if (fz_run("--db", db, "units", "import", in, "--event", "fz", "--effective", "2025-07-01", NULL) == 0) {
		fz_run("--db", db, "units", "check", "--format", "csv", NULL);
		fz_run("--db", db, "units", "map", "25213", "--format", "csv", NULL);
	}
	return 0;
}
