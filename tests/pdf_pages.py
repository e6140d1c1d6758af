"""The text of each page of a PDF, with the standard library only (no PDF package is a
dependency): enough to find a blank or near-empty page in a PDF Chromium printed, and to check
that a text is on paper.

Chromium (Skia) writes plain objects with Flate-compressed content streams; text is drawn with
``Tj`` / ``TJ`` operators on hex strings in subset fonts (``/F1 12 Tf``), each font with a
``/ToUnicode`` map. ``glyphs_per_page`` counts glyphs per page; ``page_texts`` decodes them
(spacing between words is approximate: a word gap in a ``TJ`` array becomes a space).
"""

from __future__ import annotations

import re
import zlib

OBJ = re.compile(rb"(\d+) 0 obj(.*?)endobj", re.S)
REF = re.compile(rb"(\d+) 0 R")
TEXT_OP = re.compile(rb"(\[(?:[^\]\\]|\\.)*\]|<[0-9A-Fa-f\s]*>|\((?:[^()\\]|\\.)*\))\s*T[jJ]")


def _objects(pdf: bytes) -> dict[int, bytes]:
    return {int(m.group(1)): m.group(2) for m in OBJ.finditer(pdf)}


def _dict(body: bytes) -> bytes:
    return body.split(b"stream", 1)[0]


def _stream(body: bytes) -> bytes:
    head, _, rest = body.partition(b"stream")
    data = rest.lstrip(b"\r\n").rsplit(b"endstream", 1)[0]
    return zlib.decompress(data) if b"/FlateDecode" in head else data


def _pages(objects: dict[int, bytes]) -> list[int]:
    """Page object numbers in reading order (walks the page tree from its root)."""
    roots = [n for n, b in objects.items() if re.search(rb"/Type\s*/Pages\b", _dict(b))]
    root = next(n for n in roots if b"/Parent" not in _dict(objects[n]))
    order: list[int] = []

    def walk(number: int) -> None:
        head = _dict(objects[number])
        if re.search(rb"/Type\s*/Pages\b", head):
            kids = re.search(rb"/Kids\s*\[(.*?)\]", head, re.S)
            for ref in REF.findall(kids.group(1) if kids else b""):
                walk(int(ref))
        else:
            order.append(number)

    walk(root)
    return order


def _glyphs(operand: bytes) -> int:
    count = 0
    for hexes in re.findall(rb"<([0-9A-Fa-f\s]*)>", operand):
        count += len(re.sub(rb"\s", b"", hexes)) // 4 or len(hexes) // 2
    for literal in re.findall(rb"\(((?:[^()\\]|\\.)*)\)", operand):
        count += len(literal)
    return count


def glyphs_per_page(pdf: bytes) -> list[int]:
    """For each page, how many glyphs its text operators draw (0 = a blank page)."""
    objects = _objects(pdf)
    out = []
    for number in _pages(objects):
        head = _dict(objects[number])
        contents = re.search(rb"/Contents\s*(\[.*?\]|\d+ 0 R)", head, re.S)
        refs = REF.findall(contents.group(1)) if contents else []
        text = b"".join(_stream(objects[int(r)]) for r in refs)
        out.append(sum(_glyphs(m.group(1)) for m in TEXT_OP.finditer(text)))
    return out


FONT_OP = re.compile(rb"/([\w.+-]+)\s+[\d.]+\s+Tf")
TOKEN = re.compile(
    rb"/([\w.+-]+)\s+[\d.]+\s+Tf|(\[(?:[^\]\\]|\\.)*\]|<[0-9A-Fa-f\s]*>)\s*T[jJ]|\bT[d*D]\b|\bTm\b"
)


def _cmap(stream: bytes) -> dict[int, str]:
    """A ToUnicode CMap: glyph code -> text (bfchar and bfrange sections)."""
    out: dict[int, str] = {}

    def text(hexes: bytes) -> str:
        return bytes.fromhex(hexes.decode()).decode("utf-16-be", "replace")

    for block in re.findall(rb"beginbfchar(.*?)endbfchar", stream, re.S):
        for src, dst in re.findall(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            out[int(src, 16)] = text(dst)
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", stream, re.S):
        for lo, hi, dst in re.findall(
            rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block
        ):
            first = int(dst, 16)
            for i, code in enumerate(range(int(lo, 16), int(hi, 16) + 1)):
                out[code] = chr(first + i)
    return out


def _fonts(objects: dict[int, bytes], page: bytes) -> dict[bytes, dict[int, str]]:
    resources = page
    ref = re.search(rb"/Resources\s+(\d+) 0 R", page)
    if ref:
        resources = objects[int(ref.group(1))]
    fonts = re.search(rb"/Font\s*(<<.*?>>|\d+ 0 R)", resources, re.S)
    if not fonts:
        return {}
    table = fonts.group(1)
    if table.endswith(b" R"):
        table = objects[int(REF.match(table).group(1))]
    out = {}
    for name, number in re.findall(rb"/([\w.+-]+)\s+(\d+) 0 R", table):
        font = _dict(objects[int(number)])
        descendant = re.search(rb"/ToUnicode\s+(\d+) 0 R", font)
        out[name] = _cmap(_stream(objects[int(descendant.group(1))])) if descendant else {}
    return out


def page_texts(pdf: bytes) -> list[str]:
    """Each page's text, in page order (lines joined by newlines, approximately)."""
    objects = _objects(pdf)
    out = []
    for number in _pages(objects):
        head = _dict(objects[number])
        fonts = _fonts(objects, head)
        contents = re.search(rb"/Contents\s*(\[.*?\]|\d+ 0 R)", head, re.S)
        refs = REF.findall(contents.group(1)) if contents else []
        stream = b"".join(_stream(objects[int(r)]) for r in refs)
        cmap: dict[int, str] = {}
        parts: list[str] = []
        for m in TOKEN.finditer(stream):
            if m.group(1):
                cmap = fonts.get(m.group(1), {})
            elif m.group(2):
                for piece in re.finditer(rb"<([0-9A-Fa-f\s]*)>|(-?\d+(?:\.\d+)?)", m.group(2)):
                    if piece.group(1) is not None:
                        hexes = re.sub(rb"\s", b"", piece.group(1))
                        codes = [int(hexes[i : i + 4], 16) for i in range(0, len(hexes), 4)]
                        parts.append("".join(cmap.get(c, "") for c in codes))
                    elif float(piece.group(2)) < -200:
                        parts.append(" ")
            else:
                parts.append("\n")
        out.append(re.sub(r"[ \t]+", " ", "".join(parts)))
    return out
