/* plan.h - the plan file of 'sapnhap run': one migration, every input named once.
 *
 * An INI-style text file (UTF-8). Sections and keys (a relative path is taken from the plan
 * file's folder, so a plan travels with its inputs):
 *
 *   [migration]                 province = 75        the merged province (checked after recode)
 *                               database = sapnhap.db   output = report   on = 2025-07-01
 *                               export = csv xml     (formats written under OUTPUT/export-*)
 *                               diff = html csv      (OUTPUT/diff.html, OUTPUT/diff.csv)
 *                               survivor = 72        (recode --survivor: only where a published
 *                                                    decision departs from the name rule)
 *                               report = html xlsx   (OUTPUT/report.html, OUTPUT/report.xlsx)
 *                               lang = vi            (the reports' language: vi, the default, or en)
 *                               bom = yes            (CSV files start with a UTF-8 BOM; no: without)
 *   [units NAME]                file = units/conversion-2025.csv   (one section per event, run in
 *                               kind = ...  effective = ...  sheet = ...  encoding = ...   order)
 *   [province CODE]             agencies = ...  catalog = ...  dossiers = ...  encoding = ...
 *   [rules]                     allocation, pins, level1, departments (recode);
 *                               jurisdiction, decisions, hamlets (reassign)
 *
 * '#' or ';' starts a comment line, or a comment after a value or a section header when white
 * space precedes it;
 * 'key = value' with spaces around '=' optional.
 */
#ifndef SN_PLAN_H
#define SN_PLAN_H

#include <stddef.h>
#include "exitcodes.h"

struct sn_plan_units {
	char *event, *file, *kind, *effective, *sheet, *encoding;
	int line;               /* of the section header */
};

struct sn_plan_province {
	char *code, *agencies, *catalog, *dossiers, *encoding;
	int line;
};

struct sn_plan {
	char *path;             /* as given */
	char *province, *database, *output, *on, *survivor;
	int export_csv, export_xml;
	int diff_html, diff_csv;  /* which before/after diffs run writes */
	int report_html, report_xlsx;  /* the sign-off report (report = html xlsx) */
	int bom;                /* CSV written by run starts with a UTF-8 BOM (bom = yes, the default) */
	char *lang;             /* the reports' language: "vi" (default) or "en" */
	struct sn_plan_units *units;
	size_t nunits;
	struct sn_plan_province *prov;
	size_t nprov;
	/* [rules]: NULL when the built-in tables apply */
	char *allocation, *pins, *level1, *departments, *jurisdiction, *decisions, *hamlets;
	/* where each file-valued key was written, for messages about missing files */
	struct sn_plan_ref {
		char *key;
		const char *file;   /* borrowed from the fields above */
		int line;
	} *refs;
	size_t nrefs;
};

/* Reads the plan at PATH. Returns 0; SN_DATA with a message "PATH:LINE: ..." in ERR (a syntax
 * error, an unknown section or key, a key given twice, a required key missing); SN_IO when
 * the plan cannot be read (or out of memory), the message in ERR. Relative paths
 * in the plan are resolved against PATH's folder. Release with sn_plan_release(). */
int sn_plan_read(struct sn_plan *p, const char *path, char *err, size_t errlen);

/* Checks that every input file the plan names can be read. Returns 0, or -1 with "PATH:LINE:
 * cannot read 'FILE': reason" in ERR for the first that cannot. */
int sn_plan_check_files(const struct sn_plan *p, char *err, size_t errlen);

void sn_plan_release(struct sn_plan *p);

#endif
