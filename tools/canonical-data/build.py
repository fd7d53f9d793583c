#!/usr/bin/env python3
"""Writes src/Pipeline.Analysis/Entities/Data/countries.tsv from Debian's iso-codes: one row per ISO 3166-1 country,
its alpha-2 code, display name and every name it goes by in English, German, French and Spanish (name, common name,
official name, each translated by iso-codes' own catalogues, and an inverted name also the right way round), so a mention in any of those languages links to one id.
Usage: python3 tools/canonical-data/build.py   (needs the iso-codes Debian package)"""
import gettext, json, pathlib

iso = pathlib.Path('/usr/share/iso-codes/json/iso_3166-1.json')
out = pathlib.Path(__file__).resolve().parents[2] / 'src/Pipeline.Analysis/Entities/Data/countries.tsv'
languages = ['de', 'fr', 'es']
catalogues = [gettext.GNUTranslations(open(f'/usr/share/locale/{l}/LC_MESSAGES/iso_3166-1.mo', 'rb')) for l in languages]

def uninverted(name):
    """ISO lists some names inverted for sorting ("Korea, Republic of"); text writes them the other way round."""
    if ', ' not in name:
        return name
    head, tail = name.split(', ', 1)
    return f'{tail} {head}'


rows = []
for c in json.loads(iso.read_text(encoding='utf-8'))['3166-1']:
    english = [n for n in (c.get('common_name'), c['name'], c.get('official_name')) if n]
    names = list(english)
    for catalogue in catalogues:
        names += [catalogue.gettext(n) for n in english]
    names += [uninverted(n) for n in names if ', ' in n]
    unique = list(dict.fromkeys(n for n in names if '\t' not in n and '|' not in n))
    rows.append(f"{c['alpha_2']}\t{uninverted(english[0])}\t{'|'.join(unique)}")
out.write_text('# alpha-2\tdisplay name\tnames (en, de, fr, es), written by tools/canonical-data/build.py from Debian iso-codes\n'
               + '\n'.join(sorted(rows)) + '\n', encoding='utf-8')
print(f'{len(rows)} countries -> {out}')
