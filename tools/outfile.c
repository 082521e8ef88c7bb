/* outfile.c - files replaced whole or not at all (see outfile.h). */
#include "outfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "exitcodes.h"

/* O_EXCL with mode 0666 lets the umask decide the permissions as for any new file (mkstemp
 * would force 0600). The name carries the process id and a counter, so two runs writing into
 * the same directory do not meet. */
int sn_outfile_open(struct sn_outfile *o, const char *path, char *err, size_t errlen)
{
	const char *slash = strrchr(path, '/');
	size_t dirlen = slash ? (size_t)(slash - path) + 1 : 0;
	size_t cap = strlen(path) + 64;
	struct stat st;
	int fd = -1;

	o->path = path;
	o->f = NULL;
	o->tmp = malloc(cap);
	if (!o->tmp) {
		snprintf(err, errlen, "out of memory");
		return SN_IO;
	}
	for (int i = 0; i < 1000 && fd < 0; i++) {
		snprintf(o->tmp, cap, "%.*s.%s.%ld.%d.tmp", (int)dirlen, path, path + dirlen,
			 (long)getpid(), i);
		fd = open(o->tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
		if (fd < 0 && errno != EEXIST)
			break;
	}
	if (fd < 0) {
		snprintf(err, errlen, "cannot create a temporary file beside '%s': %s", path,
			 strerror(errno));
		free(o->tmp);
		o->tmp = NULL;
		return SN_IO;
	}
	if (stat(path, &st) == 0 && S_ISREG(st.st_mode))
		(void)fchmod(fd, st.st_mode & 07777);  /* best effort: the content matters more */
	o->f = fdopen(fd, "wb");
	if (!o->f) {
		snprintf(err, errlen, "cannot write '%s': %s", path, strerror(errno));
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
		snprintf(err, errlen, "cannot write '%s': %s", o->path, strerror(e));
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
		snprintf(err, errlen, "cannot replace '%s': %s", o->path, strerror(errno));
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
