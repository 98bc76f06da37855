#!/usr/bin/env python3
"""Write the seed corpora of the fuzz targets (tests/fuzz/{csv,import,rules}/)
from the example province and the test fixtures. Run from anywhere:

    python3 tests/fuzz/make_seeds.py

The seeds are small on purpose: the first rows of each file of
examples/kontum-demo, the import fixtures, and the fixture rule sets.
Rerunning rewrites them (same content); other files in those folders, such
as inputs added by hand, are left alone.
"""
import os
import pathlib

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent
DEMO = ROOT / "examples" / "kontum-demo"
FIX = ROOT / "tests" / "fixtures"

TABLES = ["units", "people", "appraisals", "honours", "initiatives",
          "disciplines", "facts", "nominations"]


def head(path, lines):
    with open(path, "rb") as f:
        return b"".join(f.readline() for _ in range(lines))


def write(folder, name, data):
    d = HERE / folder
    d.mkdir(parents=True, exist_ok=True)
    (d / name).write_bytes(data)


def csv_seeds():
    for t in TABLES:
        write("csv", f"demo-{t}.csv", head(DEMO / f"{t}.csv", 6))
    good = FIX / "import" / "good"
    for t in ("units", "people", "initiatives"):  # BOM, quotes, multi-line
        write("csv", f"good-{t}.csv", (good / f"{t}.csv").read_bytes())
    write("csv", "crlf.csv", b"id,name\r\nU1,\"a\r\nb\"\r\n\r\nU2,\"x\"\"y\"\r\n")
    write("csv", "cr-only.csv", b"id,name\rU1,A\r\rU2,\"B\rC\"")
    write("csv", "no-final-newline.csv", b"id,name,parent_id\nU1,,\nU2,x,U1")
    bad = FIX / "import" / "bad"
    for case in ("unterminated-quote", "invalid-utf8", "wrong-cell-count"):
        for f in sorted((bad / case).glob("*.csv")):
            write("csv", f"bad-{case}.csv", f.read_bytes())


def sections(files, marker):
    """files: list of (name, bytes) -> one input with "marker name" lines."""
    out = b""
    for name, data in files:
        if out and not out.endswith(b"\n"):
            out += b"\n"
        out += marker + b" " + name.encode() + b"\n" + data
    return out


def demo_rows(table, n=3):
    """The header and the rows of the first n people and units only, so
    that the references hold."""
    keep = {f"P{i:06d}" for i in range(1, n + 1)} | \
        {f"U{i:04d}" for i in range(1, n + 1)} | \
        {f"N{i:06d}" for i in range(1, n + 1)} | \
        {f"SK{i:05d}" for i in range(1, n + 1)}
    with open(DEMO / f"{table}.csv", "rb") as f:
        lines = f.readlines()
    out = [lines[0]]
    for line in lines[1:]:
        ids = {c.decode() for c in line.split(b",")[:4]}
        if ids & keep and len(out) <= 4:
            refs = set(line.decode().replace("\n", "").split(","))
            if not any(r[:1] in "PU" and r[1:].isdigit() and r not in keep
                       for r in refs if r):
                out.append(line)
    return b"".join(out)


def import_seeds():
    demo = [(f"{t}.csv", demo_rows(t)) for t in TABLES]
    write("import", "demo-all", sections(demo, b"=="))
    write("import", "demo-units-people", sections(demo[:2], b"=="))
    # a folder import (names with "+") of the same rows
    write("import", "demo-folder",
          sections([("+" + n, d) for n, d in demo[:3]], b"=="))
    good = FIX / "import" / "good"
    files = [(f.name, f.read_bytes()) for f in sorted(good.glob("*.csv"))]
    write("import", "good-all", sections(files, b"=="))
    upd = FIX / "import" / "update"
    if upd.is_dir():
        files = [(f.name, f.read_bytes()) for f in sorted(upd.glob("*.csv"))]
        write("import", "update", sections(files, b"=="))
    # rows that refer to the records stored before each run (U1, U2, P1,
    # SK1, N1 in fuzz_import.c) and replace some of them
    write("import", "stored-refs", sections([
        ("people.csv", b"id,full_name,unit_id,is_leader,category,gender,"
         b"ethnic_minority,birth_year,hired\n"
         b"P1,Tr\xe1\xba\xa7n Tu\xe1\xba\xa5n Ki\xc3\xaan,U1,0,civil_servant,"
         b"male,,1980,2002-03-20\nP2,An,U2,0,public_employee,female,1,1990,\n"),
        ("honours.csv", b"subject_type,subject_id,code,year,kind,decision_no,"
         b"decision_date,initiatives\n"
         b"person,P2,cstd_cs,2023,,1/QD,2024-01-10,SK1\n"),
        ("facts.csv", b"subject_type,subject_id,year,key,value,source\n"
         b"nomination,N1,,movement_years,5,\nunit,U2,2023,internal_unity,1,\n"),
    ], b"=="))
    bad = FIX / "import" / "bad"
    for case in ("dangling-reference", "duplicate-key", "bad-date",
                 "unknown-code", "many-problems"):
        files = [(f.name, f.read_bytes()) for f in sorted((bad / case).glob("*"))
                 if f.is_file()]
        if files:
            write("import", f"bad-{case}", sections(files, b"=="))


def rules_seed(name, root, subdirs=None, first=None):
    """One input holding the rule files under root (or its subdirs); the
    file named first goes first (its folder is opened for odd sizes)."""
    files = []
    for sub in subdirs or [""]:
        base = root / sub if sub else root
        for p in sorted(base.rglob("*.lua")):
            files.append((str(p.relative_to(root)), p.read_bytes()))
    if first:
        files.sort(key=lambda f: f[0] != first)
    write("rules", name, sections(files, b"--@@"))


def rules_seeds():
    r = FIX / "rules"
    base = r / "basic"
    # the manifest alone and forms, t/base as the unnamed first part
    forms = [(f"t/base/forms/{p.name}", p.read_bytes())
             for p in sorted((base / "t/base/forms").glob("*.lua"))]
    write("rules", "base-no-tests",
          (base / "t/base/ruleset.lua").read_bytes() + b"\n" +
          sections(forms, b"--@@"))
    write("rules", "base-one-form",
          (base / "t/base/ruleset.lua").read_bytes() + b"\n" +
          sections(forms[1:2], b"--@@"))
    rules_seed("basic-all", base, first="t/base/ruleset.lua")
    rules_seed("amend", base, first="t/amend/ruleset.lua")
    rules_seed("hostile", r / "hostile")
    rules_seed("dates-regimes", r / "dates" / "regimes")
    rules_seed("dates-amendment", r / "dates" / "amendment")
    for case in ("syntax", "cycle", "unknown-parent", "amend-criterion",
                 "manifest-bad-param", "criterion-no-check", "form-kinds"):
        if (r / "errors" / case).is_dir():
            rules_seed(f"error-{case}", r / "errors" / case)


if __name__ == "__main__":
    csv_seeds()
    import_seeds()
    rules_seeds()
    for d in ("csv", "import", "rules"):
        n = len(os.listdir(HERE / d))
        print(f"tests/fuzz/{d}: {n} seeds")
