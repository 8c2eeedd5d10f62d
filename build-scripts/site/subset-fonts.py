"""Cuts KaTeX's woff2 fonts down to the characters that the lesson's rendered maths uses.

usage: subset-fonts.py SOURCE_DIR OUT_DIR PREFIX FONT... < characters

The maths is rendered at build time, so every glyph the page can show is known here. Each
subset is a Modified Version under the SIL Open Font License, which may not bear the fonts'
Reserved Font Names (KaTeX_Main, ...): the family names become PREFIX + the rest, in the name
table and in the file name. The copyright and licence records stay as they are.
"""

import pathlib
import sys

from fontTools import subset
from fontTools.ttLib import TTFont

RESERVED = "KaTeX_"
KEEP_AS_IS = {0, 13, 14}  # copyright notice, licence description, licence URL


def main() -> None:
    source, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    prefix, fonts = sys.argv[3], sys.argv[4:]
    text = sys.stdin.read()
    options = subset.Options()
    options.flavor = "woff2"
    out.mkdir(parents=True, exist_ok=True)
    for name in fonts:
        if not name.startswith(RESERVED):
            sys.exit(f"subset-fonts: {name} is not a KaTeX font")
        font = TTFont(source / name)
        subsetter = subset.Subsetter(options)
        subsetter.populate(text=text)
        subsetter.subset(font)
        for record in font["name"].names:
            if record.nameID not in KEEP_AS_IS:
                record.string = str(record).replace(RESERVED, prefix)
        font.flavor = "woff2"
        font.save(out / name.replace(RESERVED, prefix, 1))


if __name__ == "__main__":
    main()
