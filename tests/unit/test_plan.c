/* test_plan.c - unit tests of the plan file reader of 'sapnhap run' (tools/plan.c). */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "plan.h"

static char dir[64];

static int setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof dir, "/tmp/test_plan.XXXXXX");
	if (!mkdtemp(dir))
		return -1;
	char sub[96];
	snprintf(sub, sizeof sub, "%s/in", dir);
	return mkdir(sub, 0777);
}

static int teardown(void **state)
{
	(void)state;
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

/* Writes TEXT as DIR/in/NAME and returns the path. */
static const char *write_file(const char *name, const char *text)
{
	static char path[160];
	snprintf(path, sizeof path, "%s/in/%s", dir, name);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
	return path;
}

static const char GOOD[] =
	"\xEF\xBB\xBF# a plan\n"
	"[migration]\n"
	"province = 75\n"
	"output=../out/./report\n"
	"on = 2025-07-01   # the reform ; date\n"
	"export = xml\n"
	"diff = csv\n"
	"\n"
	"[units reform-2025]   # the official table\n"
	"file = units.csv\n"
	"[units dongnai-2026]\n"
	"file = ./changes.csv\n"
	"kind = changes\n"
	"effective = 2026-04-30\n"
	"[province 70]\n"
	"  agencies = a70.csv  \n"
	"catalog = c70.csv\n"
	"; no dossiers for 70\n"
	"[province 75]\n"
	"agencies = /abs/a75.xml\n"
	"catalog = c75.xml\n"
	"dossiers = d75.csv\n"
	"encoding = cp1258\n"
	"[rules]\n"
	"decisions = ../decisions.csv\n";

static void test_good_plan(void **state)
{
	(void)state;
	struct sn_plan p;
	char err[512], want[256];
	const char *path = write_file("good.plan", GOOD);
	assert_int_equal(sn_plan_read(&p, path, err, sizeof err), 0);
	assert_string_equal(p.province, "75");
	snprintf(want, sizeof want, "%s/out/report", dir);
	assert_string_equal(p.output, want);           /* "in/../out/./report" folded */
	snprintf(want, sizeof want, "%s/in/sapnhap.db", dir);
	assert_string_equal(p.database, want);          /* default: beside the plan */
	assert_string_equal(p.on, "2025-07-01");
	assert_int_equal(p.export_csv, 0);
	assert_int_equal(p.export_xml, 1);
	assert_int_equal(p.diff_html, 0);
	assert_int_equal(p.diff_csv, 1);
	assert_int_equal(p.nunits, 2);
	assert_string_equal(p.units[0].event, "reform-2025");
	assert_string_equal(p.units[1].event, "dongnai-2026");
	snprintf(want, sizeof want, "%s/in/changes.csv", dir);
	assert_string_equal(p.units[1].file, want);
	assert_string_equal(p.units[1].kind, "changes");
	assert_null(p.units[0].kind);
	assert_int_equal(p.nprov, 2);
	assert_string_equal(p.prov[0].code, "70");
	snprintf(want, sizeof want, "%s/in/a70.csv", dir);
	assert_string_equal(p.prov[0].agencies, want);  /* spaces around the value trimmed */
	assert_null(p.prov[0].dossiers);
	assert_string_equal(p.prov[1].agencies, "/abs/a75.xml");
	assert_string_equal(p.prov[1].encoding, "cp1258");
	snprintf(want, sizeof want, "%s/decisions.csv", dir);
	assert_string_equal(p.decisions, want);
	assert_null(p.pins);
	/* Missing inputs are named with the plan line that names them. */
	assert_int_equal(sn_plan_check_files(&p, err, sizeof err), -1);
	snprintf(want, sizeof want, "%s:10: file: cannot read '%s/in/units.csv': No such file or directory", path, dir);
	assert_string_equal(err, want);
	sn_plan_release(&p);
}

static void expect_error(const char *text, const char *msg)
{
	struct sn_plan p;
	char err[512], want[512];
	const char *path = write_file("bad.plan", text);
	assert_int_equal(sn_plan_read(&p, path, err, sizeof err), SN_DATA);
	snprintf(want, sizeof want, "%s:%s", path, msg);
	assert_string_equal(err, want);
	sn_plan_release(&p);
}

static void test_bad_plans(void **state)
{
	(void)state;
	expect_error("[migration]\nprovince = 75\nouput = x\n",
		     "3: unknown key 'ouput' in [migration] (province, database, output, on, survivor, export, diff, "
		     "report, lang, bom)");
	expect_error("province = 75\n", "1: 'province' comes before any [section]");
	expect_error("[migration]\nprovince = 75\nprovince = 70\n", "3: 'province' is given twice in this section");
	expect_error("[migrations]\n", "1: unknown section [migrations] (migration, units NAME, province CODE, rules)");
	expect_error("[province 7a]\n", "1: [province 7a]: a province code is one or two digits");
	expect_error("[province 70]\n[province 70]\n", "2: [province 70] is given twice");
	expect_error("[migration\n", "1: a section header is '[name]' alone on its line");
	expect_error("[migration] x\n", "1: a section header is '[name]' alone on its line");
	expect_error("[migration]# no space\n", "1: a section header is '[name]' alone on its line");
	expect_error("[migration]\nprovince\n", "2: expected 'key = value' or '[section]'");
	expect_error("[migration]\nprovince =\n", "2: 'province' has no value");
	expect_error("[migration]\nexport = csv pdf\n", "2: format 'pdf' is not csv, xml or none");
	expect_error("[migration]\noutput = r\n[province 70]\nagencies = a\ncatalog = c\n",
		     " [migration] needs 'province' (the merged province's code)");
	expect_error("[migration]\nprovince = 75\noutput = r\n",
		     " no [province CODE] section: name the old provinces' inputs");
	expect_error("[migration]\nprovince = 75\noutput = r\n[province 70]\nagencies = a\n",
		     "4: [province 70] needs 'agencies' and 'catalog' ('dossiers' when it has any)");
	expect_error("[migration]\nprovince = 75\noutput = r\n[units x]\nkind = list\n[province 70]\n",
		     "4: [units x] needs 'file'");
	expect_error("[rules]\nallocation = a\ndecision = d\n",
		     "3: unknown key 'decision' in [rules] (allocation, pins, level1, departments, "
		     "jurisdiction, decisions, hamlets)");
	expect_error("[migration]\nprovince = 7\xff\n", "2: not valid UTF-8");
}

static void test_missing_plan(void **state)
{
	(void)state;
	struct sn_plan p;
	char err[512];
	assert_int_equal(sn_plan_read(&p, "/nonexistent/x.plan", err, sizeof err), SN_IO);
	assert_string_equal(err, "cannot open '/nonexistent/x.plan': No such file or directory");
	sn_plan_release(&p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_good_plan),
		cmocka_unit_test(test_bad_plans),
		cmocka_unit_test(test_missing_plan),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
