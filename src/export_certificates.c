/*
 * export_certificates.c -- certificates of attendance: who earned one
 * (certificates.csv) and one printable A4 page for each of them
 * (certificates.html).
 *
 * The page is plain HTML with print CSS: no script, no font or image from
 * anywhere, so it prints the same offline, years later, and cannot phone
 * home.  Text from people is escaped for HTML, stripped of control
 * characters and bidi overrides, and set in its own direction (dir=auto),
 * so a name in Urdu or Dhivehi reads right to left and cannot reorder the
 * text around it.
 */
#include "export_int.h"

#include <libintl.h>
#include <string.h>

#include "content.h"
#include "i18n.h"
#include "state.h"

int
export_certificate_rule(int days, int module_value, int override)
{
	int n;

	if (days < 1)
		days = 1;
	if (override > 0)
		n = override;
	else if (module_value > 0)
		n = module_value;
	else
		n = (3 * days + 3) / 4;	/* three quarters, rounded up */
	return n < 1 ? 1 : n > days ? days : n;
}

int
export_days_present(const struct export_ctx *x, int participant)
{
	int d, n = 0;

	for (d = 1; d <= x->cert_of; d++)
		n += state_present(x->st, participant, d);
	return n;
}

static int
eligible(const struct export_ctx *x, int participant)
{
	return export_days_present(x, participant) >= x->cert_days;
}

void
export_certificates(const struct export_ctx *x, struct export_csv *w)
{
	static const char *const cols[] = { EXPORT_PERSON_COLS,
	    "days_present", "eligible", "days_required", "days", NULL };
	size_t i;

	export_csv_header(w, cols);
	for (i = 0; i < x->st->nparticipants; i++) {
		const struct participant *p = &x->st->participants[i];

		export_person(w, p);
		export_csv_long(w, export_days_present(x, (int)i));
		export_csv_bool(w, eligible(x, (int)i));
		export_csv_long(w, x->cert_days);
		export_csv_long(w, x->cert_of);
		export_csv_end(w);
	}
}

/* ---------------------------------------------------------------- HTML */

void
export_html_text(FILE *f, const char *s)
{
	const unsigned char *p = (const unsigned char *)(s != NULL ? s : "");
	size_t n;

	while (*p != '\0') {
		if ((n = export_unsafe_len(p)) > 0) {
			if (*p == '\n' || *p == '\t')
				fputc(' ', f);
			p += n;
			continue;
		}
		switch (*p) {
		case '&': fputs("&amp;", f); break;
		case '<': fputs("&lt;", f); break;
		case '>': fputs("&gt;", f); break;
		case '"': fputs("&quot;", f); break;
		case '\'': fputs("&#39;", f); break;
		default: fputc(*p, f);
		}
		p++;
	}
}

/* One A4 page a certificate; the margins are the printer's safe area. */
static const char style[] =
	"@page { size: A4; margin: 20mm; }\n"
	"html { font-family: serif; color: #000; background: #fff; }\n"
	"body { margin: 0; }\n"
	".page { break-after: page; page-break-after: always;\n"
	"  text-align: center; padding-top: 35mm; overflow-wrap: anywhere; }\n"
	".page:last-child { break-after: auto; page-break-after: auto; }\n"
	".kind { font-size: 30pt; letter-spacing: 0.05em; margin: 0 0 18mm; }\n"
	".lead { font-size: 14pt; margin: 6mm 0; }\n"
	".name { font-size: 32pt; font-weight: bold; margin: 8mm 0 2mm; }\n"
	".org { font-size: 14pt; margin: 0 0 8mm; }\n"
	".title { font-size: 22pt; margin: 6mm 0; }\n"
	".detail { font-size: 13pt; margin: 3mm 0; }\n"
	".provider { font-size: 14pt; margin-top: 25mm; }\n";

/* <p class="CLASS" dir="auto">text</p>, nothing for an empty text. */
static void
html_par(FILE *f, const char *cls, const char *text)
{
	if (text == NULL || text[0] == '\0')
		return;
	fprintf(f, "<p class=\"%s\" dir=\"auto\">", cls);
	export_html_text(f, text);
	fputs("</p>\n", f);
}

static void
certificate_page(const struct export_ctx *x, FILE *f, int participant)
{
	const struct participant *p = &x->st->participants[participant];
	char first[16], last[16];

	fputs("<section class=\"page\">\n", f);
	html_par(f, "kind", _("Certificate of attendance"));
	html_par(f, "lead", _("This certifies that"));
	html_par(f, "name", p->name);
	html_par(f, "org", p->org);
	html_par(f, "lead", _("took part in the workshop"));
	html_par(f, "title", x->title);
	export_day_date(x, 1, first, sizeof first);
	export_day_date(x, x->cert_of, last, sizeof last);
	if (first[0] != '\0') {
		fputs("<p class=\"detail\">", f);
		if (x->cert_of > 1)
			fprintf(f, _("%s to %s"), first, last);
		else
			fputs(first, f);
		fputs("</p>\n", f);
	}
	fputs("<p class=\"detail\">", f);
	fprintf(f, ngettext("present on %d of %d day",
	    "present on %d of %d days", (unsigned long)x->cert_of),
	    export_days_present(x, participant), x->cert_of);
	fputs("</p>\n", f);
	if (x->mod != NULL)
		html_par(f, "provider", x->mod->provider);
	fputs("</section>\n", f);
}

void
export_certificates_html(const struct export_ctx *x, FILE *f)
{
	size_t i;
	int any = 0;

	fputs("<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n"
	    "<title>", f);
	export_html_text(f, _("Certificates of attendance"));
	fputs(" - ", f);
	export_html_text(f, x->title);
	fprintf(f, "</title>\n<style>\n%s</style>\n</head>\n<body>\n", style);
	for (i = 0; i < x->st->nparticipants; i++)
		if (eligible(x, (int)i)) {
			certificate_page(x, f, (int)i);
			any = 1;
		}
	if (!any) {
		fputs("<section class=\"page\">\n", f);
		html_par(f, "lead", _("No participant was present on enough "
		    "days for a certificate."));
		fputs("</section>\n", f);
	}
	fputs("</body>\n</html>\n", f);
}
