/* common.c - the helpers of fuzz.h (linked into every harness). */
#include "fuzz.h"

#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "cli.h"
#include "db.h"

static char dir[256];
static char path_buf[8][512];
static unsigned char *tmpl;
static size_t tmpl_len;

static void cleanup(void)
{
	char cmd[300];
	if (!dir[0])
		return;
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "fuzz: could not remove %s\n", dir);
}

const char *fz_dir(void)
{
	if (!dir[0]) {
		struct stat st;
		const char *base = stat("/dev/shm", &st) == 0 && S_ISDIR(st.st_mode) &&
				   access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
		snprintf(dir, sizeof dir, "%s/sapnhap-fuzz.XXXXXX", base);
		if (!mkdtemp(dir)) {
			perror("fuzz: mkdtemp");
			abort();
		}
		atexit(cleanup);
		/* Reproducible journals, as in the tests. */
		setenv("SOURCE_DATE_EPOCH", "1795176000", 1);
		setenv("TZ", "UTC", 1);
	}
	return dir;
}

static int write_all(const char *path, const void *data, size_t size)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd < 0)
		return -1;
	const char *p = data;
	while (size > 0) {
		ssize_t n = write(fd, p, size);
		if (n <= 0) {
			close(fd);
			return -1;
		}
		p += n;
		size -= (size_t)n;
	}
	return close(fd);
}

const char *fz_file(const char *name, const uint8_t *data, size_t size)
{
	static unsigned next;
	char *p = path_buf[next++ % 8];
	snprintf(p, sizeof path_buf[0], "%s/%s", fz_dir(), name);
	if (write_all(p, data, size) != 0) {
		perror("fuzz: write");
		abort();
	}
	return p;
}

int fz_run(const char *first, ...)
{
	char *argv[32];
	int argc = 0;
	va_list ap;
	argv[argc++] = (char *)"sapnhap";
	va_start(ap, first);
	for (const char *a = first; a && argc < 31; a = va_arg(ap, const char *))
		argv[argc++] = (char *)a;
	va_end(ap);
	argv[argc] = NULL;
	static FILE *null_out;
	int verbose = getenv("FUZZ_VERBOSE") && *getenv("FUZZ_VERBOSE");
	if (!null_out && !(null_out = fopen("/dev/null", "w")))
		abort();
	clearerr(null_out);
	return sn_main(argc, argv, verbose ? stderr : null_out, verbose ? stderr : null_out);
}

static char db_path[512], tmpl_path[512];

void fz_template(const char *const *const *cmds)
{
	snprintf(tmpl_path, sizeof tmpl_path, "%s/template.db", fz_dir());
	/* An empty, migrated database first: no input pays for creating the schema. */
	FILE *quiet = fopen("/dev/null", "w");
	struct sn_ctx ctx = { .out = quiet, .err = stderr, .db_path = tmpl_path };
	if (!quiet || sn_db_open(&ctx, 0) != 0)
		abort();
	sn_db_close(&ctx);
	fclose(quiet);
	for (size_t i = 0; cmds[i]; i++) {
		char *argv[32];
		int argc = 0;
		argv[argc++] = (char *)"sapnhap";
		argv[argc++] = (char *)"--db";
		argv[argc++] = tmpl_path;
		for (size_t k = 0; cmds[i][k] && argc < 31; k++)
			argv[argc++] = (char *)cmds[i][k];
		argv[argc] = NULL;
		FILE *log = tmpfile();
		if (!log)
			abort();
		int rc = sn_main(argc, argv, log, log);
		if (rc != 0) {
			char line[1024];
			rewind(log);
			while (fgets(line, sizeof line, log))
				fputs(line, stderr);
			fprintf(stderr, "fuzz: preparing the template database failed (%s %s: exit %d); "
				"run from the source tree or build with SN_TOP set\n", argv[3], argv[4], rc);
			abort();
		}
		fclose(log);
	}
	FILE *f = fopen(tmpl_path, "rb");
	if (!f || fseek(f, 0, SEEK_END) != 0)
		abort();
	tmpl_len = (size_t)ftell(f);
	rewind(f);
	if (!(tmpl = malloc(tmpl_len)) || fread(tmpl, 1, tmpl_len, f) != tmpl_len)
		abort();
	fclose(f);
}

const char *fz_db(void)
{
	snprintf(db_path, sizeof db_path, "%s/work.db", fz_dir());
	if (tmpl) {
		if (write_all(db_path, tmpl, tmpl_len) != 0)
			abort();
	} else {
		unlink(db_path);
	}
	return db_path;
}
