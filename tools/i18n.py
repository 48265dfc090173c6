"""Translation upkeep: one .ts/.qm pair per UI area (so areas never edit the same file).

  python tools/i18n.py update [AREA]   lupdate (every area, or one), then lrelease to .qm
  python tools/i18n.py missing [AREA]  list source strings without a Chinese translation
  python tools/i18n.py apply AREA FILE.json
                                       fill translations from {"English source": "中文", ...}, then update

Area "shell" covers workbench/ui/shell, workbench/ui/common and workbench/app.py; every other area
covers workbench/ui/<area>. Source strings are English; the .ts files carry zh_CN.
"""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "resources" / "i18n"
AREAS = ["shell", "tasks", "contacts", "imports", "reports", "pdca", "review"]
LANG = "zh_CN"


def area_sources(area: str) -> list[Path]:
    if area == "shell":
        folders = [ROOT / "workbench/ui/shell", ROOT / "workbench/ui/common"]
        extra = [ROOT / "workbench/app.py"]
    else:
        folders, extra = [ROOT / "workbench/ui" / area], []
    return sorted(p for folder in folders for p in folder.rglob("*.py")) + extra


def ts_path(area: str) -> Path:
    return I18N / f"{area}_{LANG}.ts"


def _tool(name: str) -> str:
    found = shutil.which(f"pyside6-{name}") or str(Path(sys.executable).parent / f"pyside6-{name}")
    return found


def update(area: str, ts: Path | None = None) -> None:
    ts = ts or ts_path(area)
    sources = [str(p.relative_to(ROOT)) for p in area_sources(area)]
    subprocess.run([_tool("lupdate"), "-silent", "-no-obsolete", "-locations", "none",
                    "-source-language", "en", "-target-language", LANG, *sources, "-ts", str(ts)],
                   cwd=ROOT, check=True)
    if ts == ts_path(area):
        subprocess.run([_tool("lrelease"), "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)


def messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    """(context, source, translation element) for every message in a .ts file."""
    tree = ET.parse(ts)
    return [(ctx.findtext("name"), msg.findtext("source"), msg.find("translation"))
            for ctx in tree.getroot().iter("context") for msg in ctx.iter("message")]


def missing(area: str) -> list[tuple[str, str]]:
    ts = ts_path(area)
    if not ts.exists():
        return []
    return [(context, source) for context, source, tr in messages(ts)
            if tr is None or tr.get("type") in ("unfinished",) or not (tr.text or "").strip()]


def apply(area: str, mapping: dict[str, str]) -> int:
    update(area)
    ts = ts_path(area)
    tree = ET.parse(ts)
    filled = 0
    for msg in tree.getroot().iter("message"):
        source, tr = msg.findtext("source"), msg.find("translation")
        if source in mapping:
            tr.text = mapping[source]
            tr.attrib.pop("type", None)
            filled += 1
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    update(area)
    return filled


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "update"
    if command == "update":
        for area in (argv[1:] or AREAS):
            update(area)
        return 0
    if command == "missing":
        todo = [(a, c, s) for a in (argv[1:] or AREAS) for c, s in missing(a)]
        for area, context, source in todo:
            print(f"{area}\t{context}\t{source}")
        return 1 if todo else 0
    if command == "apply":
        area, mapping_file = argv[1], argv[2]
        print(apply(area, json.loads(Path(mapping_file).read_text(encoding="utf-8"))), "filled")
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
