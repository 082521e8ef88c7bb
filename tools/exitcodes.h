/* exitcodes.h - the process exit statuses of every sapnhap command (DESIGN §4). */
#ifndef SN_EXITCODES_H
#define SN_EXITCODES_H

enum sn_exit {
	SN_OK = 0,       /* success */
	SN_FINDINGS = 1, /* a check found error-severity problems, or an ambiguous lookup */
	SN_USAGE = 2,    /* bad command line */
	SN_DATA = 3,     /* bad input data; nothing was written */
	SN_IO = 4,       /* I/O or database error */
	SN_INTERNAL = 5, /* a bug */

	/* Between functions only, never the status of the process: */
	SN_RETRY = 100,  /* the database was created by another process meanwhile: run again (db.h) */
	SN_DONE = 101    /* nothing more to do, successfully (--help printed, a step already
			  * applied): the command returns SN_OK */
};

#endif
