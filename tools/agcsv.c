/* agcsv.c - an agency registry as CSV (or an XLSX sheet with the same header), read for the
 * import (agency.h). The XML reader is agxml.c. */
#include <string.h>
#include "agency.h"
#include "csv.h"
#include "exitcodes.h"
#include "table.h"
#include "i18n.h"
#include "banned.h"

const char *const sn_agency_columns[SN_A_NCOLS] = { "code", "name", "kind", "parent_code", "unit_code",
						    "address", "phone", "email", "status" };
static const char *const columns[SN_A_NCOLS][2] = { { "code", NULL }, { "name", NULL }, { "kind", NULL },
	{ "parent_code", NULL }, { "unit_code", NULL }, { "address", NULL }, { "phone", NULL },
	{ "email", NULL }, { "status", NULL } };

int sn_agency_csv_read(const char *path, sn_encoding enc, sn_agency_fn fn, void *arg, char *err,
		       size_t errlen)
{
	*err = '\0';
	char **cells;
	size_t n;
	int col[SN_A_NCOLS], rc = 0, r;
	sn_table *t = sn_table_open_columns(path, enc, columns, SN_A_NCOLS, col, err, errlen);
	if (!t)
		return SN_DATA;
	if (col[SN_A_CODE] < 0 || col[SN_A_NAME] < 0 || col[SN_A_KIND] < 0) {
		snprintf(err, errlen, _("%s: the header needs at least code, name and kind "
				"(columns: code,name,kind,parent_code,unit_code,address,phone,email,status)"),
			 sn_table_pos(t, (size_t)-1));
		sn_table_close(t);
		return SN_DATA;
	}
	/* Our export neutralised cells a spreadsheet would run as formulas; undone here (csv.h). */
	int csv = !sn_table_is_xlsx(t);
	while (rc == 0 && (r = sn_table_next(t, &cells, &n)) == 1) {
		const char *v[SN_A_NCOLS];
		for (int c = 0; c < SN_A_NCOLS; c++) {
			v[c] = col[c] >= 0 && (size_t)col[c] < n ? cells[col[c]] : "";
			if (csv)
				v[c] = sn_csv_unneutralise(v[c]);
		}
		struct sn_agency_rec rec = { v[SN_A_CODE], v[SN_A_NAME], v[SN_A_KIND], v[SN_A_PARENT], v[SN_A_UNIT],
					     v[SN_A_ADDRESS], v[SN_A_PHONE], v[SN_A_EMAIL], v[SN_A_STATUS] };
		char pos[1200];
		snprintf(pos, sizeof pos, "%s", sn_table_pos(t, (size_t)-1));
		rc = fn(arg, &rec, pos);
	}
	if (rc == 0 && r < 0) {
		snprintf(err, errlen, "%s", sn_table_error(t));
		rc = SN_DATA;
	}
	sn_table_close(t);
	return rc;
}

int sn_agency_read(const char *path, sn_encoding enc, sn_agency_fn fn, void *ctx, char *err, size_t errlen)
{
	if (sn_looks_like_xml(path))
		return sn_agency_xml_read(path, fn, ctx, err, errlen);
	return sn_agency_csv_read(path, enc, fn, ctx, err, errlen);
}
