/* fuzz_catalog.c - 'catalog import' of a procedure catalog as CSV or XML (chosen by content)
 * against the samples' registries, then 'diff' of the file against itself (the diff's own
 * catalog reader) when it imported. */
#include "fuzz.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	static const char *const units[] = { "units", "import", SN_TOP "/samples/units/conversion-2025.csv", NULL };
	static const char *const ag70[] = { "agencies", "import", SN_TOP "/samples/agencies/binhphuoc.csv",
					    "--province", "70", NULL };
	static const char *const ag75[] = { "agencies", "import", SN_TOP "/samples/agencies/dongnai.xml",
					    "--province", "75", NULL };
	static const char *const *const cmds[] = { units, ag70, ag75, NULL };
	fz_template(cmds);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > 200000)
		return 0;
	const char *in = fz_file("catalog.csv", data, size);
	const char *db = fz_db();
	if (fz_run("--db", db, "catalog", "import", in, "--province", "70", NULL) == 0)
		fz_run("diff", in, in, "--format", "csv", NULL);
	return 0;
}
