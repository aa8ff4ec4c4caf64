/* xlsx_lib.c -- libxlsxwriter loaded when needed (see xlsx_lib.h). */
#include "xlsx_lib.h"

#include <dlfcn.h>

#include "i18n.h"
#include "util.h"

/* The soname of Debian 12's libxlsxwriter4 (libxlsxwriter-dev's). */
#define XLSX_LIB_SONAME "libxlsxwriter.so.4"

static struct xlsx_lib lib;
static int loaded;

int
xlsx_lib_load(char **err)
{
	void *h;

	if (loaded)
		return 0;
	if ((h = dlopen(XLSX_LIB_SONAME, RTLD_NOW | RTLD_LOCAL)) == NULL)
		return set_error(err, -1, _("cannot load %s to write "
		    "outcomes.xlsx: %s"), XLSX_LIB_SONAME, dlerror());
	/* dlsym gives a data pointer; POSIX guarantees it converts to the
	 * function's type. */
#define XLSX_LIB_LOOKUP(f) \
	if ((*(void **)&lib.f = dlsym(h, #f)) == NULL) \
		return set_error(err, -1, _("%s lacks %s"), \
		    XLSX_LIB_SONAME, #f);
	XLSX_LIB_FUNCTIONS(XLSX_LIB_LOOKUP)
#undef XLSX_LIB_LOOKUP
	loaded = 1;	/* the handle stays open for the process's life */
	return 0;
}

const struct xlsx_lib *
xlsx_lib(void)
{
	return &lib;
}
