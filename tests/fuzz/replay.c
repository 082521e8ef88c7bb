/* replay.c - runs a harness over corpus files without libFuzzer: 'make check' builds every
 * harness with the ordinary compiler and this main(), and feeds it each file of its corpus
 * (tests/fuzz/HARNESS/), so every input a fuzzer ever found interesting stays a regression test
 * on a machine without clang. Arguments are files or folders (their files, in name order). */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "fuzz.h"

static long replayed;

static int one(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		perror(path);
		return 1;
	}
	size_t cap = 1 << 16, len = 0, n;
	unsigned char *buf = malloc(cap);
	while (buf && (n = fread(buf + len, 1, cap - len, f)) > 0) {
		len += n;
		if (len == cap) {
			unsigned char *b = realloc(buf, cap *= 2);
			if (!b) {
				free(buf);
				buf = NULL;
			}
			buf = b;
		}
	}
	fclose(f);
	if (!buf) {
		fprintf(stderr, "%s: out of memory\n", path);
		return 1;
	}
	if (getenv("FUZZ_VERBOSE"))
		fprintf(stderr, "replay: %s\n", path);
	LLVMFuzzerTestOneInput(buf, len);
	free(buf);
	replayed++;
	return 0;
}

static int walk(const char *path)
{
	struct stat st;
	if (stat(path, &st) != 0) {
		perror(path);
		return 1;
	}
	if (!S_ISDIR(st.st_mode))
		return one(path);
	struct dirent **list;
	int n = scandir(path, &list, NULL, alphasort), bad = 0;
	if (n < 0) {
		perror(path);
		return 1;
	}
	for (int i = 0; i < n; i++) {
		if (list[i]->d_name[0] != '.') {
			char p[4096];
			snprintf(p, sizeof p, "%s/%s", path, list[i]->d_name);
			bad |= walk(p);
		}
		free(list[i]);
	}
	free(list);
	return bad;
}

int main(int argc, char **argv)
{
	int bad = 0;
	LLVMFuzzerInitialize(&argc, &argv);
	for (int i = 1; i < argc; i++)
		bad |= walk(argv[i]);
	fprintf(stderr, "%s: %ld input(s) replayed\n", argv[0], replayed);
	return bad;
}
