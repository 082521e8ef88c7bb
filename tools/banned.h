/* banned.h - functions sapnhap does not call, as compile errors (after git's banned.h).
 *
 * Included last by every tools/NAME.c (after the system headers, whose declarations it would
 * otherwise break). What to use instead:
 *   strcpy, strcat, strncpy  snprintf(dst, size, "%s", src), or stpcpy into a buffer sized first
 *   sprintf, vsprintf        snprintf, vsnprintf (the size is checked), sqlite3_mprintf
 *   strtok                   strtok_r (no hidden state: commands run re-entrantly in-process)
 *   atoi                     strtol with its end pointer checked (atoi cannot report an error)
 *   gets                     getline
 */
#ifndef SN_BANNED_H
#define SN_BANNED_H

#define BANNED(func) sorry_##func##_is_a_banned_function

#undef strcpy
#define strcpy(x, y) BANNED(strcpy)
#undef strcat
#define strcat(x, y) BANNED(strcat)
#undef strncpy
#define strncpy(x, y, n) BANNED(strncpy)
#undef sprintf
#define sprintf(...) BANNED(sprintf)
#undef vsprintf
#define vsprintf(...) BANNED(vsprintf)
#undef strtok
#define strtok(x, y) BANNED(strtok)
#undef atoi
#define atoi(x) BANNED(atoi)
#undef gets
#define gets(x) BANNED(gets)

#endif
