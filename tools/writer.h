/* writer.h - one writer at a time on a working database.
 *
 * A command that changes the database (and 'run', for its whole length) holds an advisory lock
 * on the file DB.lock beside it: an open-file-description lock (fcntl F_OFD_SETLK) on the whole
 * file, taken without waiting. The kernel releases it when the process ends in any way, a
 * crash included, so a lock is never stale; the file only carries the holder's pid and command
 * line for the message a second writer gets at once:
 *
 *   sapnhap: error: the database 'x.db' is being changed by another sapnhap (pid 4242: sapnhap run plan)
 *
 * The writer removes the file as it releases the lock (one that locked a file just removed
 * notices and takes the new one), so it exists only while a writer runs, or after a crash,
 * when the next writer takes it over. Readers take no lock: the database is in WAL mode, so they read the
 * last committed state while a writer works.
 */
#ifndef SN_WRITER_H
#define SN_WRITER_H

struct sn_ctx;

/* Takes the writer lock of the database at DB_PATH for CTX (released by sn_writer_unlock or
 * when the process ends). Returns 0, or SN_IO after printing the error (another writer holds
 * it; the lock file cannot be created). */
int sn_writer_lock(struct sn_ctx *ctx, const char *db_path);
void sn_writer_unlock(struct sn_ctx *ctx);

/* The command line of CTX as one string, words with shell-special characters quoted
 * ('sapnhap --db x.db recode --pins pins.csv'); malloc'd, NULL when out of memory. */
char *sn_command_line(const struct sn_ctx *ctx);

#endif
