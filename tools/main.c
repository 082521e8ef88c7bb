/* main.c - the program entry; everything else is in sn_main so tests can run commands in-process. */
#include "cli.h"
#include "banned.h"

int main(int argc, char **argv)
{
	return sn_main(argc, argv, stdout, stderr);
}
