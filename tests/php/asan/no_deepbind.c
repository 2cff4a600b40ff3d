/* Preloaded before the ASan runtime when the PHP suite runs over the ASan build (scripts/sanitize.sh).
 * PHP's CLI dlopens its extensions (opcache, ffi) with RTLD_DEEPBIND, which the ASan runtime refuses
 * (google/sanitizers#611). Dropping the flag is harmless here: the library exports only bo_ symbols and
 * PHP's own symbols do not clash with ICU, SQLite or libpq. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stddef.h>

void *dlopen(const char *file, int mode) {
  static void *(*next)(const char *, int);
  if (next == NULL) next = (void *(*)(const char *, int))dlsym(RTLD_NEXT, "dlopen");
  return next(file, mode & ~RTLD_DEEPBIND);
}
