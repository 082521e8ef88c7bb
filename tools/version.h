/* version.h - the release of sapnhap. */
#ifndef SN_VERSION
#define SN_VERSION "0.1.0"
#endif
