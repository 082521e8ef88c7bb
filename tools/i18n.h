/* i18n.h - the interface's language: GNU gettext, catalog po/vi.po.
 *
 * Messages are written in English in the source and looked up in the catalog of the language in
 * use (build/locale/vi/LC_MESSAGES/sapnhap.mo, compiled from po/vi.po by the Makefile):
 *
 *   _("cannot open '%s'")       a string translated where it is printed
 *   N_("the code table")        marked in a table, translated where the table is printed (_())
 *   C_("outcome", "closed")     with a context, where one English word has two Vietnamese ones
 *   NC_("outcome", "closed")    the same in a table; translate with sn_pgettext(ctx, s)
 *
 * sn_error, sn_warn, sn_info and sn_usage_error translate their format themselves (the Makefile
 * passes them to xgettext as keywords), as does --help for the option tables. Identifiers that
 * other programs read are never translated: CSV headers, JSON keys, rule ids, outcome names,
 * the key=value counts of result lines.
 *
 * The language of a run: the global option --lang vi|en, else the locale (LANGUAGE, LC_ALL,
 * LC_MESSAGES, LANG, as gettext reads them), else English. A report may be written in another
 * language than the messages (run writes its reports in the plan's 'lang'): sn_lang_use switches
 * and returns the language to switch back to. gettext's state is the process's; sapnhap runs one
 * command at a time and no threads, so switching around a report is safe.
 */
#ifndef SN_I18N_H
#define SN_I18N_H

#include <libintl.h>

#define SN_TEXTDOMAIN "sapnhap"

#define _(s) gettext(s)
#define N_(s) (s)
#define C_(c, s) sn_pgettext((c), (s))
#define NC_(c, s) (s)

enum sn_lang { SN_LANG_VI, SN_LANG_EN };

/* Parses "vi" or "en". Returns 0, or -1 for anything else. */
int sn_lang_parse(const char *s, enum sn_lang *out);

/* The language the environment asks for: the first of LANGUAGE (unless the locale is C or
 * POSIX, as gettext does), LC_ALL, LC_MESSAGES, LANG that is set; Vietnamese when it starts
 * with "vi", else English. */
enum sn_lang sn_lang_from_env(void);

/* Binds the catalog (once per process: SAPNHAP_LOCALEDIR, else the build's locale directory).
 * Returns 0, or -1 when Vietnamese is asked for and its catalog cannot be found (the caller
 * warns; messages stay in English). */
int sn_i18n_init(enum sn_lang lang);

/* Where the catalogs are: SAPNHAP_LOCALEDIR, else the build's (make puts sapnhap.mo under
 * build/locale/vi/LC_MESSAGES; an installed sapnhap uses PREFIX/share/locale). */
const char *sn_localedir(void);

/* Makes LANG the language of _() from now on. Returns the language in use before. */
enum sn_lang sn_lang_use(enum sn_lang lang);

/* The language in use. */
enum sn_lang sn_lang_current(void);

/* gettext with a context (msgctxt CTX). */
const char *sn_pgettext(const char *ctx, const char *msgid);

/* strerror(errnum) in the language in use, whatever catalogs the C library has installed, so that
 * a message reads the same on every machine. */
const char *sn_strerror(int errnum);

#endif
