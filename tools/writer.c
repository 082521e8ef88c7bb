/* writer.c - one writer at a time on a working database (see writer.h). */
#define _GNU_SOURCE 1   /* F_OFD_SETLK */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "cli.h"
#include "writer.h"
#include "banned.h"

#ifndef F_OFD_SETLK
/* Without open-file-description locks, process locks: the same while the lock file is opened
 * once per process, which is the case (a step of 'run' uses its parent's lock). */
#define F_OFD_SETLK F_SETLK
#endif

static int needs_quotes(const char *w)
{
	if (!*w)
		return 1;
	for (const char *p = w; *p; p++)
		if (!strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./:=,@+%", *p) &&
		    !((unsigned char)*p & 0x80))
			return 1;
	return 0;
}

char *sn_command_line(const struct sn_ctx *ctx)
{
	size_t cap = 16;
	for (int i = 1; i < ctx->argc; i++)
		cap += 4 * strlen(ctx->argv[i]) + 3;
	char *s = malloc(cap), *p = s;
	if (!s)
		return NULL;
	p = stpcpy(p, "sapnhap");
	for (int i = 1; i < ctx->argc; i++) {
		const char *w = ctx->argv[i];
		*p++ = ' ';
		if (!needs_quotes(w)) {
			p = stpcpy(p, w);
			continue;
		}
		*p++ = '\'';
		for (; *w; w++) {
			if (*w == '\'')
				p = stpcpy(p, "'\\''");
			else
				*p++ = *w;
		}
		*p++ = '\'';
	}
	*p = '\0';
	return s;
}

/* The holder's "PID COMMAND" line, read from the lock file; it may be empty for an instant while
 * the holder writes it, so a few short retries. */
static void holder(int fd, char *buf, size_t n)
{
	buf[0] = '\0';
	for (int attempt = 0; attempt < 20; attempt++) {
		ssize_t got = pread(fd, buf, n - 1, 0);
		if (got > 0) {
			buf[got] = '\0';
			buf[strcspn(buf, "\n")] = '\0';
			if (*buf)
				return;
		}
		struct timespec ts = { 0, 10 * 1000 * 1000 };
		nanosleep(&ts, NULL);
	}
}

int sn_writer_lock(struct sn_ctx *ctx, const char *db_path)
{
	size_t n = strlen(db_path) + 6;
	char *lp = malloc(n);
	if (!lp) {
		sn_error(ctx, "out of memory");
		return SN_IO;
	}
	snprintf(lp, n, "%s.lock", db_path);
	/* The file is removed by the writer that releases it; one that locked a file removed
	 * meanwhile holds nothing and tries again with the file now under that name. */
	int fd = -1;
	for (int attempt = 0; attempt < 100; attempt++) {
		fd = open(lp, O_RDWR | O_CREAT | O_CLOEXEC, 0666);
		if (fd < 0) {
			/* Most often the folder is missing or not writable: said as for the database. */
			int e = errno;
			if (e == EACCES || e == EROFS || e == EPERM)
				sn_error(ctx, "cannot write '%s': a step writes its lock file '%s' beside the database, "
					 "and that folder is not writable (%s); make the folder writable, or work on "
					 "a writable copy with --db COPY", db_path, lp, sn_strerror(e));
			else
				sn_error(ctx, "cannot open database '%s' for writing: cannot create '%s': %s", db_path,
					 lp, sn_strerror(e));
			free(lp);
			return SN_IO;
		}
		struct flock fl = { .l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 0 };
		if (fcntl(fd, F_OFD_SETLK, &fl) < 0) {
			int e = errno;
			if (e == EAGAIN || e == EACCES) {
				char who[1024];
				holder(fd, who, sizeof who);
				char *sp = strchr(who, ' ');
				if (sp)
					*sp++ = '\0';
				sn_error(ctx, "the database '%s' is being changed by another sapnhap (pid %s: %s)",
					 db_path, *who ? who : _("unknown"), sp && *sp ? sp : _("command unknown"));
			} else {
				sn_error(ctx, "cannot lock the database '%s' for writing: '%s': %s", db_path, lp,
					 sn_strerror(e));
			}
			close(fd);
			free(lp);
			return SN_IO;
		}
		struct stat a, b;
		if (fstat(fd, &a) == 0 && stat(lp, &b) == 0 && a.st_dev == b.st_dev && a.st_ino == b.st_ino)
			break;
		close(fd);
		fd = -1;
	}
	if (fd < 0) {
		sn_error(ctx, "cannot lock the database '%s' for writing: '%s' keeps changing", db_path, lp);
		free(lp);
		return SN_IO;
	}
	/* Who holds it, for the message above; best effort (the lock, not this text, decides). */
	char *cmd = ctx->cmdline ? strdup(ctx->cmdline) : sn_command_line(ctx);
	char line[64];
	snprintf(line, sizeof line, "%ld ", (long)getpid());
	if (ftruncate(fd, 0) == 0 && pwrite(fd, line, strlen(line), 0) >= 0 && cmd) {
		size_t len = strlen(cmd);
		cmd[len] = '\n';
		(void)!pwrite(fd, cmd, len + 1, (off_t)strlen(line));
	}
	free(cmd);
	ctx->lock_fd = fd;
	ctx->lock_path = lp;
	ctx->locked = 1;
	ctx->lock_db = db_path;
	return 0;
}

void sn_writer_unlock(struct sn_ctx *ctx)
{
	if (!ctx->locked)
		return;
	/* Removed while still held, then released: the folder is left as it was. After a crash the
	 * file stays, with a pid that no longer holds anything; the next writer takes it over. */
	(void)unlink(ctx->lock_path);
	close(ctx->lock_fd);
	free(ctx->lock_path);
	ctx->lock_path = NULL;
	ctx->locked = 0;
	ctx->lock_fd = -1;
	ctx->lock_db = NULL;
}
