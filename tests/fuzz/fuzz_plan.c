/* fuzz_plan.c - the plan file parser of 'sapnhap run' (sections, keys, comments, paths). */
#include <stdio.h>
#include "fuzz.h"
#include "plan.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc, (void)argv;
	fz_dir();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > 65536)
		return 0;
	const char *path = fz_file("demo.plan", data, size);
	struct sn_plan p;
	char err[1024];
	if (sn_plan_read(&p, path, err, sizeof err) == 0)
		sn_plan_check_files(&p, err, sizeof err);
	sn_plan_release(&p);  /* after a failure too, as 'run' does */
	return 0;
}
