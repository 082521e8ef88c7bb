/* outfile.c - files replaced whole or not at all (see outfile.h). */
#include "outfile.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "exitcodes.h"
#include "i18n.h"
#include "banned.h"

/* O_EXCL with mode 0666 lets the umask decide the permissions as for any new file (mkstemp
 * would force 0600). The name carries the process id and a counter, so two runs writing into
 * the same directory do not meet. */
int sn_outfile_open(struct sn_outfile *o, const char *path, char *err, size_t errlen)
{
	size_t cap = strlen(path) + 64;
	struct stat st;
	int fd = -1;

	o->path = path;
	o->f = NULL;
	o->tmp = malloc(cap);
	if (!o->tmp) {
		snprintf(err, errlen, "%s", _("out of memory"));
		return SN_IO;
	}
	sn_outfile_sweep(path);
	for (int i = 0; i < 1000 && fd < 0; i++) {
		sn_outfile_tmpname(path, i, o->tmp, cap);
		fd = open(o->tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
		if (fd < 0 && errno != EEXIST)
			break;
	}
	if (fd < 0) {
		snprintf(err, errlen, _("cannot create a temporary file beside '%s': %s"), path,
			 sn_strerror(errno));
		free(o->tmp);
		o->tmp = NULL;
		return SN_IO;
	}
	if (stat(path, &st) == 0 && S_ISREG(st.st_mode))
		(void)fchmod(fd, st.st_mode & 07777);  /* best effort: the content matters more */
	o->f = fdopen(fd, "wb");
	if (!o->f) {
		snprintf(err, errlen, _("cannot write '%s': %s"), path, sn_strerror(errno));
		close(fd);
		unlink(o->tmp);
		free(o->tmp);
		o->tmp = NULL;
		return SN_IO;
	}
	return 0;
}

void sn_outfile_abort(struct sn_outfile *o)
{
	if (o->f)
		fclose(o->f);
	o->f = NULL;
	if (o->tmp) {
		unlink(o->tmp);
		free(o->tmp);
		o->tmp = NULL;
	}
}

/* fclose and fsync are where a full disk shows, so both are checked. */
int sn_outfile_close(struct sn_outfile *o, char *err, size_t errlen)
{
	int e = 0;

	if (fflush(o->f) != 0 || ferror(o->f))
		e = errno ? errno : EIO;
	else if (fsync(fileno(o->f)) != 0)
		e = errno;
	if (fclose(o->f) != 0 && !e)
		e = errno;
	o->f = NULL;
	if (e) {
		snprintf(err, errlen, _("cannot write '%s': %s"), o->path, sn_strerror(e));
		sn_outfile_abort(o);
		return SN_IO;
	}
	return 0;
}

int sn_outfile_rename(struct sn_outfile *o, char *err, size_t errlen)
{
	const char *slash;
	int fd;

	if (rename(o->tmp, o->path) != 0) {
		snprintf(err, errlen, _("cannot replace '%s': %s"), o->path, sn_strerror(errno));
		sn_outfile_abort(o);
		return SN_IO;
	}
	free(o->tmp);
	o->tmp = NULL;
	/* The rename itself is durable only once the directory is synced; best effort, since some
	 * file systems refuse fsync on a directory and the data is already safe. */
	slash = strrchr(o->path, '/');
	if (slash) {
		char *dir = strndup(o->path, slash == o->path ? 1 : (size_t)(slash - o->path));
		fd = dir ? open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC) : -1;
		free(dir);
	} else {
		fd = open(".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	}
	if (fd >= 0) {
		(void)fsync(fd);
		close(fd);
	}
	return 0;
}

void sn_outfile_tmpname(const char *path, int n, char *buf, size_t cap)
{
	const char *slash = strrchr(path, '/');
	size_t dirlen = slash ? (size_t)(slash - path) + 1 : 0;
	snprintf(buf, cap, "%.*s.%s.%ld.%d.tmp", (int)dirlen, path, path + dirlen, (long)getpid(), n);
}

/* The pid of NAME when it is one of our temporary names (.NAME.PID.N.tmp[-journal|-wal|-shm]),
 * else 0. */
static long our_tmp_pid(const char *name)
{
	static const char *suffixes[] = { ".tmp", ".tmp-journal", ".tmp-wal", ".tmp-shm" };
	size_t len = strlen(name), k;
	if (name[0] != '.')
		return 0;
	for (k = 0; k < 4; k++) {
		size_t sl = strlen(suffixes[k]);
		if (len > sl && strcmp(name + len - sl, suffixes[k]) == 0) {
			len -= sl;
			break;
		}
	}
	if (k == 4)
		return 0;
	/* backwards: digits (N), '.', digits (PID), '.', then at least one character of NAME */
	size_t i = len;
	while (i > 0 && name[i - 1] >= '0' && name[i - 1] <= '9')
		i--;
	if (i == len || i == 0 || name[i - 1] != '.')
		return 0;
	size_t pid_end = --i;
	while (i > 0 && name[i - 1] >= '0' && name[i - 1] <= '9')
		i--;
	if (i == pid_end || pid_end - i > 9 || i < 3 || name[i - 1] != '.')
		return 0;
	return strtol(name + i, NULL, 10);
}

void sn_outfile_sweep(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir = slash ? strndup(path, slash == path ? 1 : (size_t)(slash - path)) : strdup(".");
	DIR *d = dir ? opendir(dir) : NULL;
	struct dirent *e;
	while (d && (e = readdir(d))) {
		long pid = our_tmp_pid(e->d_name);
		/* Only a process that no longer exists: a live one (even one not ours) keeps its files. */
		if (pid <= 0 || pid == (long)getpid() || kill((pid_t)pid, 0) == 0 || errno != ESRCH)
			continue;
		size_t n = strlen(dir) + strlen(e->d_name) + 2;
		char *f = malloc(n);
		if (f) {
			snprintf(f, n, "%s/%s", dir, e->d_name);
			(void)unlink(f);
			free(f);
		}
	}
	if (d)
		closedir(d);
	free(dir);
}

int sn_mkdirs(const char *dir)
{
	char *p = strdup(dir);
	struct stat st;
	int e = 0;
	if (!p)
		return ENOMEM;
	for (char *s = p + 1; !e; s++) {
		if (*s != '/' && *s != '\0')
			continue;
		char c = *s;
		*s = '\0';
		if (mkdir(p, 0777) != 0 && errno != EEXIST)
			e = errno;
		*s = c;
		if (!c)
			break;
	}
	free(p);
	if (!e && stat(dir, &st) != 0)
		e = errno;
	else if (!e && !S_ISDIR(st.st_mode))
		e = ENOTDIR;
	return e;
}
