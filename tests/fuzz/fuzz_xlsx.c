/* fuzz_xlsx.c - the XLSX reader: zip container, workbook, relationships, shared strings and
 * every sheet's rows, with small limits so a hostile archive is refused quickly. */
#include <stdlib.h>
#include <string.h>
#include "fuzz.h"
#include "xlsx.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	fz_dir();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > 500000)
		return 0;
	const char *path = fz_file("book.xlsx", data, size);
	char err[512];
	sn_xlsx *x = sn_xlsx_open(path, NULL, err, sizeof err);
	if (!x)
		return 0;
	for (size_t i = 0; i < sn_xlsx_sheet_count(x); i++) {
		if (sn_xlsx_select_index(x, i) != 0)
			continue;
		char **cells;
		size_t n;
		long row;
		while (sn_xlsx_next(x, &cells, &n, &row) == 1)
			for (size_t k = 0; k < n; k++)
				sn_xlsx_cell_is_number(x, k);
	}
	sn_xlsx_close(x);
	return 0;
}
