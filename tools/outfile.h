/* outfile.h - files replaced whole or not at all.
 *
 * A file we write for someone else (a rewritten letter, an exported catalog) goes to a temporary
 * file beside its final name and is renamed over it only once every byte is on disk, so a full
 * disk, a refused input or a crash never leaves a half-written file under the final name:
 *
 *   struct sn_outfile o;
 *   if (sn_outfile_open(&o, "out/catalog.csv", err, sizeof err)) -> error
 *   fputs(..., o.f);                                   -> write through o.f
 *   sn_outfile_close(&o, err, sizeof err)              -> flushed, synced, closed (temp kept)
 *   sn_outfile_rename(&o, err, sizeof err)             -> now under its final name
 *
 * and sn_outfile_abort(&o) at any point removes the temporary file (safe to call twice, and
 * after a successful rename). Several files can be closed first and renamed together at the
 * end, so that a set of files is replaced only when all of them could be written.
 */
#ifndef SN_OUTFILE_H
#define SN_OUTFILE_H

#include <stdio.h>

struct sn_outfile {
	const char *path;  /* the final name (not owned) */
	char *tmp;         /* the temporary file beside it, while it exists */
	FILE *f;           /* open for writing between open and close */
};

/* Creates the temporary file beside PATH with the permissions a new file would get (the umask
 * decides; a file being replaced passes its own on). Returns 0, or SN_IO with the message in
 * err ("cannot create a temporary file beside 'out/x.csv': Permission denied"). */
int sn_outfile_open(struct sn_outfile *o, const char *path, char *err, size_t errlen);

/* Flushes, syncs and closes the temporary file. Returns 0, or SN_IO with "cannot write 'PATH':
 * No space left on device" in err (the temporary file is then removed). */
int sn_outfile_close(struct sn_outfile *o, char *err, size_t errlen);

/* Renames the closed temporary file over PATH and syncs the directory (best effort). Returns 0,
 * or SN_IO with "cannot replace 'PATH': ..." in err (the temporary file is then removed). */
int sn_outfile_rename(struct sn_outfile *o, char *err, size_t errlen);

/* Removes the temporary file, if any: PATH stays as it was. */
void sn_outfile_abort(struct sn_outfile *o);

/* Removes, in the folder of PATH, the temporary files of ours that a killed sapnhap left:
 * names of the form .NAME.PID.N.tmp (sn_outfile_open's, and a database being created), also
 * with -journal, -wal or -shm after them, whose PID is not a live process. Anything else is
 * left alone. Best effort; sn_outfile_open calls it, and so does the creation of a database. */
void sn_outfile_sweep(const char *path);

/* The temporary name N beside PATH: "DIR/.BASE.PID.N.tmp", in a buffer of the caller. */
void sn_outfile_tmpname(const char *path, int n, char *buf, size_t cap);

/* mkdir -p DIR: DIR and its missing parents. Returns 0, or an errno value (ENOTDIR when DIR
 * or a parent is there but is not a directory). */
int sn_mkdirs(const char *dir);

#endif
