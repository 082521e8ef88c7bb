/* agxml.c - reading agency registries in our XML format (schema/agencies.xsd), and the text
 * forms of agency kinds.
 *
 * The registry is streamed by the record reader (tools/xmlrec.h: the safe reader of xmlsafe.h,
 * validated against the embedded schema as it goes), so a registry of any size is read in
 * bounded memory: only the current <agency> record is held, each of its values capped at
 * SN_XML_MAX_VALUE bytes. Values are handed over as written (white space included): cleaning and
 * checking codes is the importer's job, so that the CSV and XML paths share one set of rules.
 * Record positions are the lines of their start tags as the record reader finds them; the lines
 * of its children are libxml2's.
 */
#include <string.h>

#include "agency.h"
#include "xmlrec.h"
#include "embedded.h"
#include "banned.h"

#define AG_NS "urn:sapnhap:agencies:1"

/* ---- kinds ---- */

const char *sn_agency_kind_name(enum sn_agency_kind k)
{
	switch (k) {
#define X(id, text) \
	case SN_KIND_##id: \
		return text;
		SN_AGENCY_KINDS
#undef X
	case SN_KIND_COUNT:
		break;
	}
	return NULL;  /* not a kind: the caller passed a value that no parse produced */
}

int sn_agency_kind_parse(const char *s)
{
	if (!s)
		return -1;
#define X(id, text) \
	if (strcmp(s, text) == 0) \
		return SN_KIND_##id;
	SN_AGENCY_KINDS
#undef X
	return -1;
}

/* ---- the XML reader ---- */

/* The fields of one record, in the order of struct sn_agency_rec. */
enum ag_field { F_CODE, F_NAME, F_KIND, F_PARENT, F_UNIT, F_ADDRESS, F_PHONE, F_EMAIL, F_STATUS,
		F_COUNT };

struct ag_reader {
	struct sn_buf f[F_COUNT];
	sn_agency_fn fn;
	void *ctx;
};

/* At <agency>: clears the fields and takes the code, kind and status attributes. */
static int begin_agency(void *ctx, struct sn_xmlrec *r, int line)
{
	struct ag_reader *a = ctx;
	const struct sn_xmlrec_attr attrs[] = {
		{ "code", &a->f[F_CODE] }, { "kind", &a->f[F_KIND] }, { "status", &a->f[F_STATUS] },
	};

	for (int i = 0; i < F_COUNT; i++)
		sn_buf_reset(&a->f[i]);
	return sn_xmlrec_attrs(r, attrs, sizeof attrs / sizeof attrs[0], line);
}

/* At a child element of <agency>: the record field its text fills; none for one we do not know
 * (the schema has refused those already; ignoring is the safe default should it ever let one
 * through). */
static int agency_child(void *ctx, struct sn_xmlrec *r, const char *name, int line,
			struct sn_buf **text)
{
	static const struct {
		const char *name;
		enum ag_field f;
	} map[] = {
		{ "name", F_NAME }, { "parent", F_PARENT }, { "unit", F_UNIT },
		{ "address", F_ADDRESS }, { "phone", F_PHONE }, { "email", F_EMAIL },
	};
	struct ag_reader *a = ctx;

	(void)r, (void)line;
	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++) {
		if (strcmp(name, map[i].name) == 0) {
			*text = &a->f[map[i].f];
			break;
		}
	}
	return 0;
}

/* At </agency>: hands the finished record to the caller's callback. Returns its value. */
static int end_agency(void *ctx, const char *pos)
{
	struct ag_reader *a = ctx;
	struct sn_agency_rec rec = {
		.code = sn_buf_str(&a->f[F_CODE]),
		.name = sn_buf_str(&a->f[F_NAME]),
		.kind = sn_buf_str(&a->f[F_KIND]),
		.parent_code = sn_buf_str(&a->f[F_PARENT]),
		.unit_code = sn_buf_str(&a->f[F_UNIT]),
		.address = sn_buf_str(&a->f[F_ADDRESS]),
		.phone = sn_buf_str(&a->f[F_PHONE]),
		.email = sn_buf_str(&a->f[F_EMAIL]),
		/* the schema's default, which the streaming validator does not fill in */
		.status = a->f[F_STATUS].len ? a->f[F_STATUS].p : "active",
	};
	return a->fn(a->ctx, &rec, pos);
}

int sn_agency_xml_read(const char *path, sn_agency_fn fn, void *ctx, char *err, size_t errlen)
{
	static const struct sn_xmlrec_format format = {
		.xsd_text = sn_xsd_agencies, .xsd_name = "agencies.xsd",
		.ns = AG_NS, .record = "agency",
		.begin = begin_agency, .child = agency_child, .end = end_agency,
	};
	struct ag_reader a = { .fn = fn, .ctx = ctx };

	int rc = sn_xmlrec_read(path, &format, &a, err, errlen);
	for (int i = 0; i < F_COUNT; i++)
		sn_buf_release(&a.f[i]);
	return rc;
}
