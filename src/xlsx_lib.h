/*
 * xlsx_lib.h -- libxlsxwriter, loaded only when a workbook is written.
 *
 * libxlsxwriter brings zlib, minizip and OpenSSL's libcrypto with it:
 * linked into convene, every participant terminal paid for them at start
 * (about 1.7 MB of its memory, measured: participant_rss_kb 7,792 ->
 * 9,564 kB) for a file only `convene export` writes.  So export loads the
 * library with dlopen(3) the first time it writes outcomes.xlsx and calls
 * it through this table; the header stays for the types.
 *
 * XL(f) names the loaded function f of xlsxwriter.h.  xlsx_lib_load()
 * must have returned 0 first.
 */
#ifndef CONVENE_XLSX_LIB_H
#define CONVENE_XLSX_LIB_H

#include <xlsxwriter.h>

#define XLSX_LIB_FUNCTIONS(X) \
	X(workbook_new_opt) X(workbook_close) X(workbook_add_worksheet) \
	X(workbook_add_format) X(workbook_add_chart) \
	X(workbook_set_properties) X(lxw_workbook_free) X(lxw_strerror) \
	X(worksheet_write_string) X(worksheet_write_number) \
	X(worksheet_write_datetime) X(worksheet_set_column) \
	X(worksheet_insert_chart) X(worksheet_freeze_panes) \
	X(worksheet_autofilter) X(format_set_num_format) \
	X(format_set_bold) X(chart_title_set_name) \
	X(chart_title_set_name_range) X(chart_add_series) \
	X(chart_series_set_values) X(chart_series_set_categories) \
	X(chart_legend_set_position) X(chart_axis_set_reverse) \
	X(chart_axis_set_num_format)

struct xlsx_lib {
#define XLSX_LIB_POINTER(f) __typeof__(f) *f;
	XLSX_LIB_FUNCTIONS(XLSX_LIB_POINTER)
#undef XLSX_LIB_POINTER
};

/* Loads the library once: 0, or -1 with *err (caller frees) when it or
 * one of its functions cannot be found. */
int xlsx_lib_load(char **err);
/* The table; valid after xlsx_lib_load() returned 0. */
const struct xlsx_lib *xlsx_lib(void);

#define XL(f) (xlsx_lib()->f)

#endif
