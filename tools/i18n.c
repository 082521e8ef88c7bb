/* i18n.c - the language of messages and reports (i18n.h). */
#define _GNU_SOURCE /* strerrordesc_np: the C library's untranslated description */
#include <errno.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "i18n.h"
#include "banned.h"

#ifndef SN_LOCALEDIR
#define SN_LOCALEDIR "/usr/local/share/locale"
#endif

int sn_lang_parse(const char *s, enum sn_lang *out)
{
	if (!strcmp(s, "vi"))
		*out = SN_LANG_VI;
	else if (!strcmp(s, "en"))
		*out = SN_LANG_EN;
	else
		return -1;
	return 0;
}

static int is_c_locale(const char *v)
{
	return !strcmp(v, "C") || !strcmp(v, "POSIX");
}

enum sn_lang sn_lang_from_env(void)
{
	static const char *const vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
	const char *locale = NULL;
	for (size_t i = 0; i < sizeof vars / sizeof vars[0] && !locale; i++) {
		const char *v = getenv(vars[i]);
		if (v && *v)
			locale = v;
	}
	const char *language = getenv("LANGUAGE");
	/* gettext reads LANGUAGE (a list, "vi:en") only when the locale is not C. */
	if (language && *language && locale && !is_c_locale(locale))
		return strncmp(language, "vi", 2) ? SN_LANG_EN : SN_LANG_VI;
	return locale && !strncmp(locale, "vi", 2) ? SN_LANG_VI : SN_LANG_EN;
}

const char *sn_localedir(void)
{
	const char *dir = getenv("SAPNHAP_LOCALEDIR");
	return dir && *dir ? dir : SN_LOCALEDIR;
}

/* Binds our catalog, once per process (textdomain() says whether it has been). */
static void bind_catalog(void)
{
	const char *d = textdomain(NULL);
	if (d && !strcmp(d, SN_TEXTDOMAIN))
		return;
	bindtextdomain(SN_TEXTDOMAIN, sn_localedir());
	/* Our catalog is UTF-8 and so is everything we write, whatever LC_CTYPE says. */
	bind_textdomain_codeset(SN_TEXTDOMAIN, "UTF-8");
	textdomain(SN_TEXTDOMAIN);
}

int sn_i18n_init(enum sn_lang lang)
{
	bind_catalog();
	sn_lang_use(lang);
	/* A loaded catalog translates "" to its header. */
	const char *header = "";
	return lang == SN_LANG_VI && !*gettext(header) ? -1 : 0;
}

enum sn_lang sn_lang_current(void)
{
	const char *m = setlocale(LC_MESSAGES, NULL);
	const char *language = getenv("LANGUAGE");
	if (!m || !strcmp(m, "C") || !language)
		return SN_LANG_EN;
	return strncmp(language, "vi", 2) ? SN_LANG_EN : SN_LANG_VI;
}

enum sn_lang sn_lang_use(enum sn_lang lang)
{
	enum sn_lang prev = sn_lang_current();
	bind_catalog();
	if (lang == SN_LANG_VI) {
		/* Any locale but C makes gettext read LANGUAGE; C.UTF-8 is in every glibc since 2.35,
		 * so Vietnamese does not need the vi_VN locale generated. */
		if (!setlocale(LC_MESSAGES, "C.UTF-8") && !setlocale(LC_MESSAGES, "C.utf8"))
			setlocale(LC_MESSAGES, "");
		setenv("LANGUAGE", "vi", 1);
	} else {
		setlocale(LC_MESSAGES, "C");
	}
	/* Setting the domain again makes gettext forget the translations it looked up before. */
	textdomain(SN_TEXTDOMAIN);
	return prev;
}

const char *sn_pgettext(const char *ctx, const char *msgid)
{
	char small[256], *key = small;
	size_t lc = strlen(ctx), lm = strlen(msgid);
	if (lc + lm + 2 > sizeof small && !(key = malloc(lc + lm + 2)))
		return msgid;
	memcpy(key, ctx, lc);
	key[lc] = '\004'; /* msgctxt and msgid, as gettext's catalogs key them */
	memcpy(key + lc + 1, msgid, lm + 1);
	const char *t = gettext(key);
	if (key != small)
		free(key);
	/* Untranslated, gettext returns its argument: our key, not the message. */
	return t == key ? msgid : t;
}

/* The errors a file or a database can meet, for the catalog (sn_strerror translates any that the
 * catalog has; the C library's description is the msgid). */
static const char *const errors[] = {
	N_("No such file or directory"), N_("Permission denied"), N_("Is a directory"),
	N_("Not a directory"), N_("File exists"), N_("No space left on device"),
	N_("Read-only file system"), N_("Input/output error"), N_("Disk quota exceeded"),
	N_("File too large"), N_("Too many open files"), N_("Cannot allocate memory"),
	N_("Invalid argument"), N_("Resource temporarily unavailable"), N_("Directory not empty"),
	N_("Invalid cross-device link"), N_("File name too long"), N_("Too many levels of symbolic links"),
	N_("Broken pipe"), N_("Operation not permitted"), N_("Invalid or incomplete multibyte or wide character"),
};

const char *sn_strerror(int errnum)
{
	const char *d = strerrordesc_np(errnum);
	if (!d)
		return _("Unknown error");
	(void)errors;
	return gettext(d);
}
