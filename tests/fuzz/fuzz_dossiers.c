/* fuzz_dossiers.c - 'dossiers import' against the samples' registries and Bình Phước's catalog. */
#include "fuzz.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	static const char *const units[] = { "units", "import", SN_TOP "/samples/units/conversion-2025.csv", NULL };
	static const char *const list[] = { "units", "import", SN_TOP "/samples/units/pre-reform-list.csv", NULL };
	static const char *const ag70[] = { "agencies", "import", SN_TOP "/samples/agencies/binhphuoc.csv",
					    "--province", "70", NULL };
	static const char *const cat70[] = { "catalog", "import", SN_TOP "/samples/catalogs/binhphuoc.csv",
					     "--province", "70", NULL };
	static const char *const *const cmds[] = { units, list, ag70, cat70, NULL };
	fz_template(cmds);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > 200000)
		return 0;
	const char *in = fz_file("dossiers.csv", data, size);
	fz_run("--db", fz_db(), "dossiers", "import", in, "--province", "70", NULL);
	return 0;
}
