/* labels.c - the reviewers' words for stored values (labels.h). */
#include <stdio.h>
#include <string.h>
#include "labels.h"
#include "banned.h"

static const struct {
	const char *kind, *value, *en, *vi;
} LABELS[] = {
	{ "online_level", "full", "fully online", "toàn trình" },
	{ "online_level", "partial", "partly online", "một phần" },
	{ "online_level", "none", "not online", "không trực tuyến" },
	{ "level", "province", "province level", "cấp tỉnh" },
	{ "level", "district", "district level", "cấp huyện" },
	{ "level", "commune", "commune level", "cấp xã" },
	{ "yesno", "yes", "yes", "có" },
	{ "yesno", "no", "no", "không" },
	{ "yesno", "1", "yes", "có" },
	{ "yesno", "0", "no", "không" },
	{ "outcome", "kept", "kept", "giữ nguyên" },
	{ "outcome", "renumbered", "renumbered", "đổi mã" },
	{ "outcome", "merged", "merged", "sáp nhập" },
	{ "outcome", "closed", "closed", "chấm dứt" },
	{ "outcome", "new", "new", "mới" },
	{ "agency_kind", "province-committee", "province committee", "UBND tỉnh" },
	{ "agency_kind", "province-council", "province council", "HĐND tỉnh" },
	{ "agency_kind", "department", "department", "sở, ban, ngành" },
	{ "agency_kind", "department-unit", "unit of a department", "đơn vị thuộc sở" },
	{ "agency_kind", "district-committee", "district committee", "UBND huyện" },
	{ "agency_kind", "district-office", "district office", "phòng thuộc UBND huyện" },
	{ "agency_kind", "commune-committee", "commune committee", "UBND xã" },
	{ "agency_kind", "service-unit", "public service unit", "đơn vị sự nghiệp" },
	{ "agency_kind", "other", "other", "khác" },
	{ "status", "active", "active", "đang hoạt động" },
	{ "status", "closed", "closed", "đã chấm dứt" },
	{ "status", "open", "open", "chờ quyết định" },
	{ "status", "resolved", "resolved", "đã giải quyết" },
	{ "time_unit", "working-day", "working days", "ngày làm việc" },
	{ "time_unit", "day", "days", "ngày" },
	{ "time_unit", "hour", "hours", "giờ" },
	{ "time_unit", "month", "months", "tháng" },
	{ "entity", "procedure", "procedure", "thủ tục" },
	{ "entity", "binding", "agency of a procedure", "cơ quan thực hiện" },
	{ "entity", "agency", "agency", "cơ quan" },
	{ "kind", "added", "added", "thêm" },
	{ "kind", "removed", "removed", "bỏ" },
	{ "kind", "changed", "changed", "thay đổi" },
	{ "severity", "error", "error", "lỗi" },
	{ "severity", "warning", "warning", "cảnh báo" },
	{ "severity", "info", "info", "thông tin" },
	{ "field", "name", "name", "Tên" },
	{ "field", "local_code", "local code", "Mã TTHC địa phương" },
	{ "field", "field_code", "field code", "Mã lĩnh vực" },
	{ "field", "field_name", "field", "Lĩnh vực" },
	{ "field", "field", "field", "Lĩnh vực" },
	{ "field", "levels", "level", "Cấp thực hiện" },
	{ "field", "time_limit", "time limit", "Thời hạn giải quyết" },
	{ "field", "time_unit", "time unit", "Đơn vị thời hạn" },
	{ "field", "fee", "fee", "Phí, lệ phí" },
	{ "field", "online_level", "online level", "Mức độ trực tuyến" },
	{ "field", "portal", "on the national portal", "Tích hợp Cổng DVCQG" },
	{ "field", "legal_basis", "legal basis", "Căn cứ pháp lý" },
	{ "field", "online", "received online", "Tiếp nhận trực tuyến" },
	{ "field", "agency", "agency code", "Mã cơ quan" },
	{ "field", "agencies", "agencies", "Cơ quan thực hiện" },
	{ "field", "kind", "kind of agency", "Loại cơ quan" },
	{ "field", "parent_code", "parent agency", "Cơ quan cấp trên" },
	{ "field", "unit_code", "administrative unit", "Mã đơn vị hành chính" },
	{ "field", "phone", "phone", "Điện thoại" },
	{ "field", "email", "e-mail", "Thư điện tử" },
	{ "field", "status", "status", "Trạng thái" },
	{ "field", "outcome", "outcome", "Kết quả sắp xếp" },
	{ "field", "jurisdiction", "jurisdiction", "Thẩm quyền giải quyết" },
	{ "field", "commune", "commune", "Xã, phường tiếp nhận" },
};

int sn_lang_parse(const char *s, enum sn_lang *out)
{
	if (s && !strcmp(s, "vi")) {
		*out = SN_LANG_VI;
		return 0;
	}
	if (s && !strcmp(s, "en")) {
		*out = SN_LANG_EN;
		return 0;
	}
	return -1;
}

const char *sn_lang_pick(enum sn_lang lang, const char *vi, const char *en)
{
	return lang == SN_LANG_VI ? vi : en;
}

const char *sn_label(const char *kind, const char *value, enum sn_lang lang)
{
	if (!value)
		return NULL;
	for (size_t i = 0; i < sizeof LABELS / sizeof LABELS[0]; i++)
		if (!strcmp(LABELS[i].kind, kind) && !strcmp(LABELS[i].value, value))
			return lang == SN_LANG_VI ? LABELS[i].vi : LABELS[i].en;
	return value;
}

const char *sn_label_list(const char *kind, const char *value, enum sn_lang lang, char *out, size_t len)
{
	size_t k = 0;
	out[0] = '\0';
	for (const char *s = value ? value : ""; *s && k < len;) {
		size_t n = strcspn(s, ",;");
		char item[64];
		snprintf(item, sizeof item, "%.*s", (int)(n < 63 ? n : 63), s);
		int w = snprintf(out + k, len - k, "%s%s", k ? ", " : "", sn_label(kind, item, lang));
		if (w < 0)
			break;
		k += (size_t)w;
		s += n;
		while (*s == ',' || *s == ';' || *s == ' ')
			s++;
	}
	return out;
}

const char *sn_label_value(const char *field, const char *value, enum sn_lang lang, char *out, size_t len)
{
	if (!value)
		return NULL;
	if (!strcmp(field, "online_level"))
		return sn_label("online_level", value, lang);
	if (!strcmp(field, "portal") || !strcmp(field, "online"))
		return sn_label("yesno", value, lang);
	if (!strcmp(field, "levels"))
		return sn_label_list("level", value, lang, out, len);
	if (!strcmp(field, "time_unit") || !strcmp(field, "kind") || !strcmp(field, "status"))
		return sn_label(!strcmp(field, "kind") ? "agency_kind" : field, value, lang);
	if (!strcmp(field, "time_limit")) {
		/* "15 working-day" (a decision's form): the unit labelled */
		const char *sp = strchr(value, ' ');
		if (sp) {
			snprintf(out, len, "%.*s %s", (int)(sp - value), value, sn_label("time_unit", sp + 1, lang));
			return out;
		}
	}
	return value;
}

const char *sn_label_fate(const char *outcome, const char *target, long nsucc, enum sn_lang lang, char *out,
			  size_t len)
{
	int vi = lang == SN_LANG_VI;
	const char *t = target ? target : "";
	if (!outcome || !*outcome)
		snprintf(out, len, "%s", "");
	else if (!strcmp(outcome, "kept"))
		snprintf(out, len, "%s", vi ? "giữ nguyên mã" : "kept its code");
	else if (!strcmp(outcome, "renumbered"))
		snprintf(out, len, "%s %s", vi ? "đổi mã thành" : "renumbered as", t);
	else if (!strcmp(outcome, "merged"))
		snprintf(out, len, "%s %s", vi ? "sáp nhập vào" : "merged into", t);
	else if (nsucc > 3)
		snprintf(out, len, "%s %ld %s: %s", vi ? "chấm dứt, công việc chuyển cho" : "closed; its work goes to",
			 nsucc, vi ? "cơ quan" : "agencies", t);
	else if (nsucc > 0)
		snprintf(out, len, "%s %s", vi ? "chấm dứt, công việc chuyển cho" : "closed; its work goes to", t);
	else
		snprintf(out, len, "%s", vi ? "chấm dứt, không có cơ quan kế thừa" : "closed, without a successor");
	return out;
}
