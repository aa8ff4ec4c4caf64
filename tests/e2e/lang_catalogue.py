#!/usr/bin/python3
"""lang_catalogue.py POT LANG OUT.po MSGID=MSGSTR...: a catalogue for LANG
made from the template with only the given strings translated (the e2e
tests of the languages build their own small ones: the real catalogues
are the translators')."""
import re, sys

pot, lang, out = sys.argv[1:4]
tr = dict(a.split('=', 1) for a in sys.argv[4:])
text = open(pot, encoding='utf-8').read()
# The header: a language, UTF-8, one plural form is enough for a test.
text = text.replace('"Language: \\n"', '"Language: %s\\n"' % lang, 1)
text = text.replace('charset=CHARSET', 'charset=UTF-8', 1)
text = re.sub(r'"Plural-Forms: [^"]*"', '"Plural-Forms: nplurals=1; plural=0;\\\\n"',
              text, count=1)
text = text.replace('#, fuzzy\nmsgid ""', 'msgid ""', 1)
for k, v in tr.items():
    old = 'msgid "%s"\nmsgstr ""\n' % k
    if old not in text:
        sys.exit('no entry for ' + k)
    text = text.replace(old, 'msgid "%s"\nmsgstr "%s"\n' % (k, v))
open(out, 'w', encoding='utf-8').write(text)
