/*
 * countries.c -- ISO 3166-1 alpha-2 codes and English short names.
 *
 * The table is the ISO 3166-1 list as Debian's iso-codes package ships it
 * (/usr/share/iso-codes/json/iso_3166-1.json), sorted by code; the aliases
 * are the other names people type in a registration spreadsheet (common
 * and official names, spellings without accents, older names).
 */
#include "countries.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "i18n.h"
#include "search.h"
#include "util.h"

static const struct country countries[] = {
	{ "AD", "Andorra" },
	{ "AE", "United Arab Emirates" },
	{ "AF", "Afghanistan" },
	{ "AG", "Antigua and Barbuda" },
	{ "AI", "Anguilla" },
	{ "AL", "Albania" },
	{ "AM", "Armenia" },
	{ "AO", "Angola" },
	{ "AQ", "Antarctica" },
	{ "AR", "Argentina" },
	{ "AS", "American Samoa" },
	{ "AT", "Austria" },
	{ "AU", "Australia" },
	{ "AW", "Aruba" },
	{ "AX", "Åland Islands" },
	{ "AZ", "Azerbaijan" },
	{ "BA", "Bosnia and Herzegovina" },
	{ "BB", "Barbados" },
	{ "BD", "Bangladesh" },
	{ "BE", "Belgium" },
	{ "BF", "Burkina Faso" },
	{ "BG", "Bulgaria" },
	{ "BH", "Bahrain" },
	{ "BI", "Burundi" },
	{ "BJ", "Benin" },
	{ "BL", "Saint Barthélemy" },
	{ "BM", "Bermuda" },
	{ "BN", "Brunei Darussalam" },
	{ "BO", "Bolivia, Plurinational State of" },
	{ "BQ", "Bonaire, Sint Eustatius and Saba" },
	{ "BR", "Brazil" },
	{ "BS", "Bahamas" },
	{ "BT", "Bhutan" },
	{ "BV", "Bouvet Island" },
	{ "BW", "Botswana" },
	{ "BY", "Belarus" },
	{ "BZ", "Belize" },
	{ "CA", "Canada" },
	{ "CC", "Cocos (Keeling) Islands" },
	{ "CD", "Congo, The Democratic Republic of the" },
	{ "CF", "Central African Republic" },
	{ "CG", "Congo" },
	{ "CH", "Switzerland" },
	{ "CI", "Côte d'Ivoire" },
	{ "CK", "Cook Islands" },
	{ "CL", "Chile" },
	{ "CM", "Cameroon" },
	{ "CN", "China" },
	{ "CO", "Colombia" },
	{ "CR", "Costa Rica" },
	{ "CU", "Cuba" },
	{ "CV", "Cabo Verde" },
	{ "CW", "Curaçao" },
	{ "CX", "Christmas Island" },
	{ "CY", "Cyprus" },
	{ "CZ", "Czechia" },
	{ "DE", "Germany" },
	{ "DJ", "Djibouti" },
	{ "DK", "Denmark" },
	{ "DM", "Dominica" },
	{ "DO", "Dominican Republic" },
	{ "DZ", "Algeria" },
	{ "EC", "Ecuador" },
	{ "EE", "Estonia" },
	{ "EG", "Egypt" },
	{ "EH", "Western Sahara" },
	{ "ER", "Eritrea" },
	{ "ES", "Spain" },
	{ "ET", "Ethiopia" },
	{ "FI", "Finland" },
	{ "FJ", "Fiji" },
	{ "FK", "Falkland Islands (Malvinas)" },
	{ "FM", "Micronesia, Federated States of" },
	{ "FO", "Faroe Islands" },
	{ "FR", "France" },
	{ "GA", "Gabon" },
	{ "GB", "United Kingdom" },
	{ "GD", "Grenada" },
	{ "GE", "Georgia" },
	{ "GF", "French Guiana" },
	{ "GG", "Guernsey" },
	{ "GH", "Ghana" },
	{ "GI", "Gibraltar" },
	{ "GL", "Greenland" },
	{ "GM", "Gambia" },
	{ "GN", "Guinea" },
	{ "GP", "Guadeloupe" },
	{ "GQ", "Equatorial Guinea" },
	{ "GR", "Greece" },
	{ "GS", "South Georgia and the South Sandwich Islands" },
	{ "GT", "Guatemala" },
	{ "GU", "Guam" },
	{ "GW", "Guinea-Bissau" },
	{ "GY", "Guyana" },
	{ "HK", "Hong Kong" },
	{ "HM", "Heard Island and McDonald Islands" },
	{ "HN", "Honduras" },
	{ "HR", "Croatia" },
	{ "HT", "Haiti" },
	{ "HU", "Hungary" },
	{ "ID", "Indonesia" },
	{ "IE", "Ireland" },
	{ "IL", "Israel" },
	{ "IM", "Isle of Man" },
	{ "IN", "India" },
	{ "IO", "British Indian Ocean Territory" },
	{ "IQ", "Iraq" },
	{ "IR", "Iran, Islamic Republic of" },
	{ "IS", "Iceland" },
	{ "IT", "Italy" },
	{ "JE", "Jersey" },
	{ "JM", "Jamaica" },
	{ "JO", "Jordan" },
	{ "JP", "Japan" },
	{ "KE", "Kenya" },
	{ "KG", "Kyrgyzstan" },
	{ "KH", "Cambodia" },
	{ "KI", "Kiribati" },
	{ "KM", "Comoros" },
	{ "KN", "Saint Kitts and Nevis" },
	{ "KP", "Korea, Democratic People's Republic of" },
	{ "KR", "Korea, Republic of" },
	{ "KW", "Kuwait" },
	{ "KY", "Cayman Islands" },
	{ "KZ", "Kazakhstan" },
	{ "LA", "Lao People's Democratic Republic" },
	{ "LB", "Lebanon" },
	{ "LC", "Saint Lucia" },
	{ "LI", "Liechtenstein" },
	{ "LK", "Sri Lanka" },
	{ "LR", "Liberia" },
	{ "LS", "Lesotho" },
	{ "LT", "Lithuania" },
	{ "LU", "Luxembourg" },
	{ "LV", "Latvia" },
	{ "LY", "Libya" },
	{ "MA", "Morocco" },
	{ "MC", "Monaco" },
	{ "MD", "Moldova, Republic of" },
	{ "ME", "Montenegro" },
	{ "MF", "Saint Martin (French part)" },
	{ "MG", "Madagascar" },
	{ "MH", "Marshall Islands" },
	{ "MK", "North Macedonia" },
	{ "ML", "Mali" },
	{ "MM", "Myanmar" },
	{ "MN", "Mongolia" },
	{ "MO", "Macao" },
	{ "MP", "Northern Mariana Islands" },
	{ "MQ", "Martinique" },
	{ "MR", "Mauritania" },
	{ "MS", "Montserrat" },
	{ "MT", "Malta" },
	{ "MU", "Mauritius" },
	{ "MV", "Maldives" },
	{ "MW", "Malawi" },
	{ "MX", "Mexico" },
	{ "MY", "Malaysia" },
	{ "MZ", "Mozambique" },
	{ "NA", "Namibia" },
	{ "NC", "New Caledonia" },
	{ "NE", "Niger" },
	{ "NF", "Norfolk Island" },
	{ "NG", "Nigeria" },
	{ "NI", "Nicaragua" },
	{ "NL", "Netherlands" },
	{ "NO", "Norway" },
	{ "NP", "Nepal" },
	{ "NR", "Nauru" },
	{ "NU", "Niue" },
	{ "NZ", "New Zealand" },
	{ "OM", "Oman" },
	{ "PA", "Panama" },
	{ "PE", "Peru" },
	{ "PF", "French Polynesia" },
	{ "PG", "Papua New Guinea" },
	{ "PH", "Philippines" },
	{ "PK", "Pakistan" },
	{ "PL", "Poland" },
	{ "PM", "Saint Pierre and Miquelon" },
	{ "PN", "Pitcairn" },
	{ "PR", "Puerto Rico" },
	{ "PS", "Palestine, State of" },
	{ "PT", "Portugal" },
	{ "PW", "Palau" },
	{ "PY", "Paraguay" },
	{ "QA", "Qatar" },
	{ "RE", "Réunion" },
	{ "RO", "Romania" },
	{ "RS", "Serbia" },
	{ "RU", "Russian Federation" },
	{ "RW", "Rwanda" },
	{ "SA", "Saudi Arabia" },
	{ "SB", "Solomon Islands" },
	{ "SC", "Seychelles" },
	{ "SD", "Sudan" },
	{ "SE", "Sweden" },
	{ "SG", "Singapore" },
	{ "SH", "Saint Helena, Ascension and Tristan da Cunha" },
	{ "SI", "Slovenia" },
	{ "SJ", "Svalbard and Jan Mayen" },
	{ "SK", "Slovakia" },
	{ "SL", "Sierra Leone" },
	{ "SM", "San Marino" },
	{ "SN", "Senegal" },
	{ "SO", "Somalia" },
	{ "SR", "Suriname" },
	{ "SS", "South Sudan" },
	{ "ST", "Sao Tome and Principe" },
	{ "SV", "El Salvador" },
	{ "SX", "Sint Maarten (Dutch part)" },
	{ "SY", "Syrian Arab Republic" },
	{ "SZ", "Eswatini" },
	{ "TC", "Turks and Caicos Islands" },
	{ "TD", "Chad" },
	{ "TF", "French Southern Territories" },
	{ "TG", "Togo" },
	{ "TH", "Thailand" },
	{ "TJ", "Tajikistan" },
	{ "TK", "Tokelau" },
	{ "TL", "Timor-Leste" },
	{ "TM", "Turkmenistan" },
	{ "TN", "Tunisia" },
	{ "TO", "Tonga" },
	{ "TR", "Türkiye" },
	{ "TT", "Trinidad and Tobago" },
	{ "TV", "Tuvalu" },
	{ "TW", "Taiwan, Province of China" },
	{ "TZ", "Tanzania, United Republic of" },
	{ "UA", "Ukraine" },
	{ "UG", "Uganda" },
	{ "UM", "United States Minor Outlying Islands" },
	{ "US", "United States" },
	{ "UY", "Uruguay" },
	{ "UZ", "Uzbekistan" },
	{ "VA", "Holy See (Vatican City State)" },
	{ "VC", "Saint Vincent and the Grenadines" },
	{ "VE", "Venezuela, Bolivarian Republic of" },
	{ "VG", "Virgin Islands, British" },
	{ "VI", "Virgin Islands, U.S." },
	{ "VN", "Viet Nam" },
	{ "VU", "Vanuatu" },
	{ "WF", "Wallis and Futuna" },
	{ "WS", "Samoa" },
	{ "YE", "Yemen" },
	{ "YT", "Mayotte" },
	{ "ZA", "South Africa" },
	{ "ZM", "Zambia" },
	{ "ZW", "Zimbabwe" },
};

static const struct {
	const char *alias, *code;
} aliases[] = {
	{ "Aland Islands", "AX" },
	{ "Arab Republic of Egypt", "EG" },
	{ "Argentine Republic", "AR" },
	{ "Bolivarian Republic of Venezuela", "VE" },
	{ "Bolivia", "BO" },
	{ "British Virgin Islands", "VG" },
	{ "Brunei", "BN" },
	{ "Burma", "MM" },
	{ "Cape Verde", "CV" },
	{ "Commonwealth of Dominica", "DM" },
	{ "Commonwealth of the Bahamas", "BS" },
	{ "Commonwealth of the Northern Mariana Islands", "MP" },
	{ "Cote d'Ivoire", "CI" },
	{ "Curacao", "CW" },
	{ "Czech Republic", "CZ" },
	{ "Democratic People's Republic of Korea", "KP" },
	{ "Democratic Republic of Sao Tome and Principe", "ST" },
	{ "Democratic Republic of the Congo", "CD" },
	{ "Democratic Republic of Timor-Leste", "TL" },
	{ "Democratic Socialist Republic of Sri Lanka", "LK" },
	{ "DPRK", "KP" },
	{ "DR Congo", "CD" },
	{ "East Timor", "TL" },
	{ "Eastern Republic of Uruguay", "UY" },
	{ "Federal Democratic Republic of Ethiopia", "ET" },
	{ "Federal Democratic Republic of Nepal", "NP" },
	{ "Federal Republic of Germany", "DE" },
	{ "Federal Republic of Nigeria", "NG" },
	{ "Federal Republic of Somalia", "SO" },
	{ "Federated States of Micronesia", "FM" },
	{ "Federative Republic of Brazil", "BR" },
	{ "French Republic", "FR" },
	{ "Gabonese Republic", "GA" },
	{ "Grand Duchy of Luxembourg", "LU" },
	{ "Great Britain", "GB" },
	{ "Hashemite Kingdom of Jordan", "JO" },
	{ "Hellenic Republic", "GR" },
	{ "Holland", "NL" },
	{ "Hong Kong Special Administrative Region of China", "HK" },
	{ "Independent State of Papua New Guinea", "PG" },
	{ "Independent State of Samoa", "WS" },
	{ "Iran", "IR" },
	{ "Islamic Republic of Afghanistan", "AF" },
	{ "Islamic Republic of Iran", "IR" },
	{ "Islamic Republic of Mauritania", "MR" },
	{ "Islamic Republic of Pakistan", "PK" },
	{ "Italian Republic", "IT" },
	{ "Ivory Coast", "CI" },
	{ "Kingdom of Bahrain", "BH" },
	{ "Kingdom of Belgium", "BE" },
	{ "Kingdom of Bhutan", "BT" },
	{ "Kingdom of Cambodia", "KH" },
	{ "Kingdom of Denmark", "DK" },
	{ "Kingdom of Eswatini", "SZ" },
	{ "Kingdom of Lesotho", "LS" },
	{ "Kingdom of Morocco", "MA" },
	{ "Kingdom of Norway", "NO" },
	{ "Kingdom of Saudi Arabia", "SA" },
	{ "Kingdom of Spain", "ES" },
	{ "Kingdom of Sweden", "SE" },
	{ "Kingdom of Thailand", "TH" },
	{ "Kingdom of the Netherlands", "NL" },
	{ "Kingdom of Tonga", "TO" },
	{ "Korea", "KR" },
	{ "Korea (Republic of)", "KR" },
	{ "Kyrgyz Republic", "KG" },
	{ "Lao", "LA" },
	{ "Lao PDR", "LA" },
	{ "Laos", "LA" },
	{ "Lebanese Republic", "LB" },
	{ "Macao Special Administrative Region of China", "MO" },
	{ "Macedonia", "MK" },
	{ "Micronesia", "FM" },
	{ "Moldova", "MD" },
	{ "North Korea", "KP" },
	{ "Palestine", "PS" },
	{ "People's Democratic Republic of Algeria", "DZ" },
	{ "People's Republic of Bangladesh", "BD" },
	{ "People's Republic of China", "CN" },
	{ "Philippines (the)", "PH" },
	{ "Plurinational State of Bolivia", "BO" },
	{ "Portuguese Republic", "PT" },
	{ "PRC", "CN" },
	{ "Principality of Andorra", "AD" },
	{ "Principality of Liechtenstein", "LI" },
	{ "Principality of Monaco", "MC" },
	{ "Republic of Albania", "AL" },
	{ "Republic of Angola", "AO" },
	{ "Republic of Armenia", "AM" },
	{ "Republic of Austria", "AT" },
	{ "Republic of Azerbaijan", "AZ" },
	{ "Republic of Belarus", "BY" },
	{ "Republic of Benin", "BJ" },
	{ "Republic of Bosnia and Herzegovina", "BA" },
	{ "Republic of Botswana", "BW" },
	{ "Republic of Bulgaria", "BG" },
	{ "Republic of Burundi", "BI" },
	{ "Republic of Cabo Verde", "CV" },
	{ "Republic of Cameroon", "CM" },
	{ "Republic of Chad", "TD" },
	{ "Republic of Chile", "CL" },
	{ "Republic of Colombia", "CO" },
	{ "Republic of Costa Rica", "CR" },
	{ "Republic of Croatia", "HR" },
	{ "Republic of Cuba", "CU" },
	{ "Republic of Cyprus", "CY" },
	{ "Republic of Côte d'Ivoire", "CI" },
	{ "Republic of Djibouti", "DJ" },
	{ "Republic of Ecuador", "EC" },
	{ "Republic of El Salvador", "SV" },
	{ "Republic of Equatorial Guinea", "GQ" },
	{ "Republic of Estonia", "EE" },
	{ "Republic of Fiji", "FJ" },
	{ "Republic of Finland", "FI" },
	{ "Republic of Ghana", "GH" },
	{ "Republic of Guatemala", "GT" },
	{ "Republic of Guinea", "GN" },
	{ "Republic of Guinea-Bissau", "GW" },
	{ "Republic of Guyana", "GY" },
	{ "Republic of Haiti", "HT" },
	{ "Republic of Honduras", "HN" },
	{ "Republic of Iceland", "IS" },
	{ "Republic of India", "IN" },
	{ "Republic of Indonesia", "ID" },
	{ "Republic of Iraq", "IQ" },
	{ "Republic of Kazakhstan", "KZ" },
	{ "Republic of Kenya", "KE" },
	{ "Republic of Kiribati", "KI" },
	{ "Republic of Korea", "KR" },
	{ "Republic of Latvia", "LV" },
	{ "Republic of Liberia", "LR" },
	{ "Republic of Lithuania", "LT" },
	{ "Republic of Madagascar", "MG" },
	{ "Republic of Malawi", "MW" },
	{ "Republic of Maldives", "MV" },
	{ "Republic of Mali", "ML" },
	{ "Republic of Malta", "MT" },
	{ "Republic of Mauritius", "MU" },
	{ "Republic of Moldova", "MD" },
	{ "Republic of Mozambique", "MZ" },
	{ "Republic of Myanmar", "MM" },
	{ "Republic of Namibia", "NA" },
	{ "Republic of Nauru", "NR" },
	{ "Republic of Nicaragua", "NI" },
	{ "Republic of North Macedonia", "MK" },
	{ "Republic of Palau", "PW" },
	{ "Republic of Panama", "PA" },
	{ "Republic of Paraguay", "PY" },
	{ "Republic of Peru", "PE" },
	{ "Republic of Poland", "PL" },
	{ "Republic of San Marino", "SM" },
	{ "Republic of Senegal", "SN" },
	{ "Republic of Serbia", "RS" },
	{ "Republic of Seychelles", "SC" },
	{ "Republic of Sierra Leone", "SL" },
	{ "Republic of Singapore", "SG" },
	{ "Republic of Slovenia", "SI" },
	{ "Republic of South Africa", "ZA" },
	{ "Republic of South Sudan", "SS" },
	{ "Republic of Suriname", "SR" },
	{ "Republic of Tajikistan", "TJ" },
	{ "Republic of the Congo", "CG" },
	{ "Republic of the Gambia", "GM" },
	{ "Republic of the Marshall Islands", "MH" },
	{ "Republic of the Niger", "NE" },
	{ "Republic of the Philippines", "PH" },
	{ "Republic of the Sudan", "SD" },
	{ "Republic of Trinidad and Tobago", "TT" },
	{ "Republic of Tunisia", "TN" },
	{ "Republic of Türkiye", "TR" },
	{ "Republic of Uganda", "UG" },
	{ "Republic of Uzbekistan", "UZ" },
	{ "Republic of Vanuatu", "VU" },
	{ "Republic of Yemen", "YE" },
	{ "Republic of Zambia", "ZM" },
	{ "Republic of Zimbabwe", "ZW" },
	{ "Reunion", "RE" },
	{ "Russia", "RU" },
	{ "Rwandese Republic", "RW" },
	{ "Saint Barthelemy", "BL" },
	{ "Slovak Republic", "SK" },
	{ "Socialist Republic of Viet Nam", "VN" },
	{ "South Korea", "KR" },
	{ "State of Israel", "IL" },
	{ "State of Kuwait", "KW" },
	{ "State of Qatar", "QA" },
	{ "Sultanate of Oman", "OM" },
	{ "Swaziland", "SZ" },
	{ "Swiss Confederation", "CH" },
	{ "Syria", "SY" },
	{ "Taiwan", "TW" },
	{ "Tanzania", "TZ" },
	{ "The Netherlands", "NL" },
	{ "The Philippines", "PH" },
	{ "the State of Eritrea", "ER" },
	{ "the State of Palestine", "PS" },
	{ "Timor Leste", "TL" },
	{ "Togolese Republic", "TG" },
	{ "Turkey", "TR" },
	{ "Turkiye", "TR" },
	{ "U.S.A.", "US" },
	{ "UK", "GB" },
	{ "Union of the Comoros", "KM" },
	{ "United Kingdom of Great Britain and Northern Ireland", "GB" },
	{ "United Mexican States", "MX" },
	{ "United Republic of Tanzania", "TZ" },
	{ "United States of America", "US" },
	{ "USA", "US" },
	{ "Vatican", "VA" },
	{ "Vatican City", "VA" },
	{ "Venezuela", "VE" },
	{ "Vietnam", "VN" },
	{ "Virgin Islands of the United States", "VI" },
};

/* Local names (endonyms) of the region's countries, as their people write
 * them: a participant finds their country, and the others from it, in
 * their own script.  A name that is the English one is not repeated; a
 * country may have several (ไทย alone, and in ประเทศไทย, where no word
 * starts at ไทย). */
static const struct {
	const char *code, *name;
} local_names[] = {
	{ "AF", "افغانستان" },
	{ "AM", "Հայաստան" },
	{ "BD", "বাংলাদেশ" },
	{ "BT", "འབྲུག་ཡུལ" },
	{ "CN", "中国" },
	{ "FJ", "Viti" },
	{ "IN", "भारत" },
	{ "IR", "ایران" },
	{ "JP", "日本" },
	{ "KG", "Кыргызстан" },
	{ "KH", "កម្ពុជា" },
	{ "KR", "대한민국" },
	{ "KR", "한국" },
	{ "KZ", "Қазақстан" },
	{ "LA", "ລາວ" },
	{ "LA", "ສປປ ລາວ" },
	{ "LK", "ශ්‍රී ලංකාව" },
	{ "LK", "இலங்கை" },
	{ "MM", "မြန်မာ" },
	{ "MN", "Монгол Улс" },
	{ "MV", "ދިވެހިރާއްޖެ" },
	{ "NP", "नेपाल" },
	{ "PG", "Papua Niugini" },
	{ "PH", "Pilipinas" },
	{ "PK", "پاکستان" },
	{ "TH", "ประเทศไทย" },
	{ "TH", "ไทย" },
	{ "TJ", "Тоҷикистон" },
	{ "TL", "Timór Lorosa'e" },
	{ "TW", "臺灣" },
	{ "UZ", "Oʻzbekiston" },
	{ "UZ", "Ўзбекистон" },
	{ "VN", "Việt Nam" },
	{ "WS", "Sāmoa" },
};

const struct country *
countries_all(size_t *n)
{
	*n = NELEM(countries);
	return countries;
}

static int
by_code(const void *key, const void *elem)
{
	const struct country *c = elem;

	return strcasecmp(key, c->code);
}

const struct country *
country_by_code(const char *code)
{
	if (code == NULL || strlen(code) != 2)
		return NULL;
	return bsearch(code, countries, NELEM(countries), sizeof countries[0],
	    by_code);
}

const char *
country_name(const char *code)
{
	const struct country *c = country_by_code(code);

	return c != NULL ? c->name : NULL;
}

/* Names compare ignoring ASCII case and surrounding blanks; letters
 * outside ASCII compare as written. */
static int
name_equal(const char *typed, size_t len, const char *name)
{
	return strlen(name) == len && strncasecmp(typed, name, len) == 0;
}

const struct country *
country_lookup(const char *s)
{
	const struct country *c;
	size_t len, i;
	char code[3];

	if (s == NULL)
		return NULL;
	while (*s == ' ' || *s == '\t')
		s++;
	len = strlen(s);
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	if (len == 2) {
		memcpy(code, s, 2);
		code[2] = '\0';
		if ((c = country_by_code(code)) != NULL)
			return c;
	}
	for (i = 0; i < NELEM(countries); i++)
		if (name_equal(s, len, countries[i].name))
			return &countries[i];
	for (i = 0; i < NELEM(aliases); i++)
		if (name_equal(s, len, aliases[i].alias))
			return country_by_code(aliases[i].code);
	return NULL;
}

static enum search_rank
best(enum search_rank a, enum search_rank b)
{
	return a > b ? a : b;
}

enum search_rank
country_search(const struct country *c, const struct search *q)
{
	enum search_rank r;
	size_t i;

	r = best(search_rank(q, c->code), search_rank(q, c->name));
	for (i = 0; i < NELEM(aliases) && r < SEARCH_EXACT; i++)
		if (strcmp(aliases[i].code, c->code) == 0)
			r = best(r, search_rank(q, aliases[i].alias));
	for (i = 0; i < NELEM(local_names) && r < SEARCH_EXACT; i++)
		if (strcmp(local_names[i].code, c->code) == 0)
			r = best(r, search_rank(q, local_names[i].name));
	return r;
}

enum search_rank
country_code_search(const char *code, const struct search *q)
{
	const struct country *c = country_by_code(code);

	return c != NULL ? country_search(c, q) : search_rank(q, code);
}

const char *
country_local_name(const char *code)
{
	size_t i;

	for (i = 0; i < NELEM(local_names); i++)
		if (code != NULL && strcasecmp(local_names[i].code, code) == 0)
			return local_names[i].name;
	return NULL;
}

/* iso-codes' common names, where ISO 3166-1 has one besides its short
 * name: what an English reader calls the country (test_countries checks
 * them against iso_3166-1.json). */
static const struct country common_names[] = {
	{ "BO", "Bolivia" },
	{ "IR", "Iran" },
	{ "KP", "North Korea" },
	{ "KR", "South Korea" },
	{ "LA", "Laos" },
	{ "MD", "Moldova" },
	{ "SY", "Syria" },
	{ "TW", "Taiwan" },
	{ "TZ", "Tanzania" },
	{ "VE", "Venezuela" },
	{ "VN", "Vietnam" },
};

const char *
country_common_name(const char *code)
{
	size_t i;

	for (i = 0; i < NELEM(common_names); i++)
		if (code != NULL && strcasecmp(common_names[i].code, code) == 0)
			return common_names[i].name;
	return NULL;
}

/* iso-codes' catalogue translates both the short and the common name;
 * a name it leaves as it was has no translation in this language. */
static const char *
iso_translated(const char *english)
{
	const char *t;

	if (english == NULL)
		return NULL;
	t = dgettext(COUNTRIES_DOMAIN, english);
	return t != english && strcmp(t, english) != 0 ? t : NULL;
}

/* A country's own language, for the few whose readers iso-codes may leave
 * without their own country's name (its Lao catalogue has no "Laos"). */
static const struct {
	const char *code, *lang;
} own_language[] = {
	{ "BD", "bn" }, { "ID", "id" }, { "KR", "ko" }, { "LA", "lo" },
	{ "TH", "th" },
};

/* The country's name in its own script when the reader reads its
 * language, else NULL. */
static const char *
own_name(const char *code)
{
	const char *lang = i18n_language();
	size_t i, n;

	for (i = 0; i < NELEM(own_language); i++) {
		n = strlen(own_language[i].lang);
		if (strcmp(own_language[i].code, code) == 0 &&
		    strncmp(lang, own_language[i].lang, n) == 0 &&
		    (lang[n] == '\0' || lang[n] == '_' || lang[n] == '.'))
			return country_local_name(code);
	}
	return NULL;
}

const char *
country_display(const char *code)
{
	const struct country *c = country_by_code(code);
	const char *common, *t;

	if (c == NULL)
		return code != NULL ? code : "";
	common = country_common_name(c->code);
	if ((t = iso_translated(common)) != NULL ||
	    (t = iso_translated(c->name)) != NULL ||
	    (t = own_name(c->code)) != NULL)
		return t;
	return common != NULL ? common : c->name;
}
