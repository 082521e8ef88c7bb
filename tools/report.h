/* report.h - the sign-off report: where everything went, for the reviewers who sign the migration.
 *
 * Read from the working database after reassign, in the reviewers' language (labels.h):
 *   - a header: the merged province and its old provinces by name, the effective date, the
 *     database, every input file of the applied steps with its SHA-256, the tool's version;
 *   - statistics as the province reports them (shares fully and partly online, on the national
 *     portal, per level), before in each old catalog and after;
 *   - agencies: for each old code its outcome and successor(s), never a bare "removed";
 *   - procedures, name first: before in each old province -> after (level, agencies, online,
 *     portal, fee, time limit, ...), with each decided value and the decision's reason;
 *   - dossiers moved, by rule, with counts per old agency;
 *   - what a person must still decide (the review queue), and the validation's findings;
 *   - a sign-off block: prepared by, checked by, approved by (name, position, date, signature).
 * As one printable HTML page (A4) or as one XLSX workbook whose decisions sheet a reviewer fills
 * in and 'reassign --decisions' reads back.
 */
#ifndef SN_REPORT_H
#define SN_REPORT_H

#include <stdio.h>
#include "cli.h"
#include "labels.h"

struct sn_report_opts {
	enum sn_lang lang;
	const char *validation;   /* validate's JSON report to include; NULL: computed here */
};

/* The report as one HTML page on F. Returns 0, SN_DATA (reassign not applied; message printed)
 * or SN_IO. */
int sn_report_html(struct sn_ctx *ctx, FILE *f, const struct sn_report_opts *o);

/* The report as an XLSX workbook at PATH (written whole or not at all): sheets Tổng hợp, Thủ tục,
 * Cơ quan, Hồ sơ, Cần quyết định, Kiểm tra. Returns 0, SN_DATA or SN_IO. */
int sn_report_xlsx(struct sn_ctx *ctx, const char *path, const struct sn_report_opts *o);

/* The header as text lines (validation.txt): province, old provinces, date, database, inputs with
 * SHA-256, version. Nothing when recode has not run. */
void sn_report_header_text(struct sn_ctx *ctx, FILE *f, enum sn_lang lang);

/* The sign-off lines as text. */
void sn_report_signoff_text(FILE *f, enum sn_lang lang);

#endif
