/* rows.c - a query's rows in CSV or JSON (rows.h). */
#include "csv.h"
#include "db.h"
#include "rows.h"
#include "banned.h"

void sn_rows_begin(FILE *f, enum sn_format fmt, const char *const *names, int n)
{
	if (fmt == SN_FMT_CSV) {
		for (int i = 0; i < n; i++)
			fprintf(f, "%s%s", i ? "," : "", names[i]);
		fputc('\n', f);
	} else if (fmt == SN_FMT_JSON) {
		fputs("[", f);
	}
}

void sn_rows_write_values(FILE *f, enum sn_format fmt, const char *const *v, const char *const *names, int n,
			  int i)
{
	if (fmt == SN_FMT_CSV) {
		for (int k = 0; k < n; k++) {
			if (k)
				fputc(',', f);
			sn_csv_write_cell(f, v[k]);
		}
		fputc('\n', f);
	} else if (fmt == SN_FMT_JSON) {
		fputs(i ? ",\n {" : "\n {", f);
		for (int k = 0; k < n; k++) {
			fprintf(f, "%s\"%s\": ", k ? ", " : "", names[k]);
			sn_json_string(f, v[k]);
		}
		fputc('}', f);
	}
}

void sn_rows_write(FILE *f, enum sn_format fmt, sqlite3_stmt *st, const char *const *names, int n, int i)
{
	const char *v[32];
	if (n > 32)
		n = 32;
	for (int k = 0; k < n; k++)
		v[k] = sn_col(st, k);
	sn_rows_write_values(f, fmt, v, names, n, i);
}

void sn_rows_end(FILE *f, enum sn_format fmt)
{
	if (fmt == SN_FMT_JSON)
		fputs("\n]\n", f);
}
