#!/usr/bin/env python3
"""Check the wh2025 question banks against their source material.

Standalone (needs only PyYAML). Usage, from the repository root:

    uv run python scripts/check_quotes.py            # or: python3 scripts/check_quotes.py
    python3 scripts/check_quotes.py --material PATH --banks DIR

Checks, for every bank file under question_banks/wh2025/:
  * bank header (schema comment on line 1, format 1, id, title, questions list);
  * question ids match ``<prefix>-NNN`` and are unique (per file and across files);
  * basic structure per type (single/multiple/judge/fill/short, options A.. in order,
    answer keys exist in options, fill ``{{n}}`` markers match ``len(blanks)``,
    short has a reference and 3-5 keywords, difficulty 1-5);
  * ``source.quote`` is a verbatim substring of the material, at most 60 characters,
    and contains no line break;
  * the key fact is in the quote: every number in the correct answer (option text,
    blanks, or the stem of a true judge question) occurs in the quote, and the named
    term of the answer (quotes/brackets and unit suffixes such as 余场/个/名 removed)
    is a substring of the quote; for a statement-like option that names terms in
    “…”/‘…’/《…》, those named terms must be in the quote.  For a multiple question the first correct option must
    pass; other correct options that fail are listed as notes (allowed when the facts
    come from two sentences).  Short questions need at least one keyword in the quote;
  * a wrong option whose full text is in the quote is reported (likely a true
    statement used as a distractor).

Problems make the exit status 1; notes are informational.  At the end the script
prints counts per type and per file, the position of correct answers of single
questions, and the true/false balance of judge questions.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_MATERIAL = Path("/work/shared/material/000_de40bf9945346dd4.txt")
DEFAULT_BANKS = ROOT / "question_banks" / "wh2025"
SCHEMA_LINE = "# yaml-language-server: $schema=../../resources/schema/bank.schema.json"
MAX_QUOTE = 60
TYPES = ("single", "multiple", "judge", "fill", "short")
PREFIXES = {
    "00-overview.yaml": "ov",
    "01-ningxin.yaml": "nx",
    "02-funeng.yaml": "fn",
    "03-qiangji.yaml": "qj",
    "04-qingfeng.yaml": "ql",
}

# Characters ignored when comparing an answer term with a quote.
_STRIP = str.maketrans("", "", "“”‘’《》「」\"' 　？?")
# Character variants that appear in the material (第十屆 vs 第十届).
_VARIANTS = str.maketrans({"屆": "届"})
# Unit suffixes / prefixes dropped from an answer term before the substring test.
_SUFFIXES = (
    "人次", "万元", "余场", "余次", "余名", "余项", "余家", "余个", "余本", "余头",
    "场", "个", "名", "次", "本", "期", "条", "项", "家", "头", "件", "人", "届", "年",
    "活动", "行动", "专栏", "品牌", "计划", "栏目", "案例", "精神",
)
_PREFIXES = ("第", "近", "超", "约")
_SPLIT = re.compile(r"[、，,；;/]|——|—|－|→")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_NAMED = re.compile(r"[“‘《]([^”’》]+)[”’》]")
_MARKER = re.compile(r"\{\{(\d+)\}\}")
_ID = re.compile(r"^([a-z]+)-(\d{3})$")


def norm(text: str) -> str:
    return str(text).translate(_STRIP).translate(_VARIANTS)


def numbers(text: str) -> list[str]:
    return _NUMBER.findall(str(text))


def strip_affixes(term: str) -> list[str]:
    """The term and its variants with unit suffixes / prefixes removed."""
    out = [term]
    changed = True
    while changed:
        changed = False
        for t in list(out):
            for s in _SUFFIXES:
                if t.endswith(s) and len(t) > len(s) and t[: -len(s)] not in out:
                    out.append(t[: -len(s)])
                    changed = True
            for p in _PREFIXES:
                if t.startswith(p) and len(t) > len(p) and t[len(p):] not in out:
                    out.append(t[len(p):])
                    changed = True
    return out


def term_in_quote(term: str, quote: str) -> tuple[bool, str]:
    """Is the key fact of `term` (an option text or a blank answer) in `quote`?"""
    qn = norm(quote)
    qnums = set(numbers(quote))
    missing_nums = [n for n in numbers(term) if n not in qnums]
    if missing_nums:
        return False, f"number(s) {missing_nums} not in quote"
    t = norm(term)
    if not t or t in qn:
        return True, ""
    # A statement-like option: its named terms (in “…”, ‘…’ or 《…》) carry the fact.
    named = [norm(x) for x in _NAMED.findall(str(term))]
    if named:
        missing = [x for x in named if x not in qn]
        if missing:
            return False, f"named term(s) {missing} not in quote"
        return True, ""
    for part in _SPLIT.split(t):
        part = part.strip()
        if not part:
            continue
        if any(v in qn for v in strip_affixes(part)):
            continue
        # a part that is only a number (with unit) was already checked above
        if numbers(part) and len(_NUMBER.sub("", part)) <= 3:
            continue
        return False, f"term {part!r} not in quote"
    return True, ""


class Report:
    def __init__(self) -> None:
        self.problems: list[str] = []
        self.notes: list[str] = []

    def problem(self, where: str, msg: str) -> None:
        self.problems.append(f"{where}: {msg}")

    def note(self, where: str, msg: str) -> None:
        self.notes.append(f"{where}: {msg}")


def check_question(q: dict, where: str, material: str, rep: Report) -> None:
    qtype = q.get("type")
    if qtype not in TYPES:
        rep.problem(where, f"unknown type {qtype!r}")
        return
    for key in ("stem", "explanation"):
        if not isinstance(q.get(key), str) or not q[key].strip():
            rep.problem(where, f"missing or non-string {key}")
    diff = q.get("difficulty", 2)
    if not isinstance(diff, int) or not 1 <= diff <= 5:
        rep.problem(where, f"difficulty {diff!r} not an integer 1-5")
    tags = q.get("tags", [])
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        rep.problem(where, "tags must be a list of strings")

    src = q.get("source")
    if not isinstance(src, dict) or not src.get("locator") or not src.get("quote"):
        rep.problem(where, "source needs locator and quote")
        return
    quote = src["quote"]
    if not isinstance(quote, str):
        rep.problem(where, f"quote is not a string: {quote!r}")
        return
    if "\n" in quote:
        rep.problem(where, "quote spans a line break")
    if len(quote) > MAX_QUOTE:
        rep.problem(where, f"quote has {len(quote)} characters (> {MAX_QUOTE})")
    if quote not in material:
        rep.problem(where, f"quote not in material: {quote!r}")

    stem = q.get("stem", "")
    if qtype in ("single", "multiple"):
        opts = q.get("options")
        if not isinstance(opts, dict) or not 2 <= len(opts) <= 8:
            rep.problem(where, "options must be a mapping with 2-8 entries")
            return
        keys = list(opts)
        if keys != [chr(ord("A") + i) for i in range(len(keys))]:
            rep.problem(where, f"option keys not A.. in order: {keys}")
        texts = [str(v) for v in opts.values()]
        if len(set(map(norm, texts))) != len(texts):
            rep.problem(where, "duplicate option texts")
        ans = q.get("answer")
        answers = [ans] if qtype == "single" else ans
        if qtype == "single" and not isinstance(ans, str):
            rep.problem(where, f"single answer must be one key, got {ans!r}")
            return
        if qtype == "multiple" and (
            not isinstance(ans, list) or len(ans) < 2 or len(set(ans)) != len(ans)
        ):
            rep.problem(where, f"multiple answer must be a list of >=2 distinct keys: {ans!r}")
            return
        for a in answers:
            if a not in opts:
                rep.problem(where, f"answer {a!r} is not an option")
                return
        if qtype == "multiple" and len(answers) == len(opts):
            rep.problem(where, "every option is correct")
        for i, a in enumerate(sorted(answers, key=keys.index)):
            ok, why = term_in_quote(str(opts[a]), quote)
            if not ok:
                if qtype == "multiple" and i > 0:
                    rep.note(where, f"correct option {a} ({opts[a]}): {why}")
                else:
                    rep.problem(where, f"correct option {a} ({opts[a]}): {why}")
        for k in keys:
            if k not in answers and norm(opts[k]) and norm(opts[k]) in norm(quote):
                rep.problem(where, f"wrong option {k} ({opts[k]}) appears verbatim in quote")
    elif qtype == "judge":
        ans = q.get("answer")
        if not isinstance(ans, bool):
            rep.problem(where, f"judge answer must be true/false, got {ans!r}")
            return
        if ans:
            missing = [n for n in numbers(stem) if n not in set(numbers(quote))]
            if missing:
                rep.problem(where, f"true judge: stem number(s) {missing} not in quote")
    elif qtype == "fill":
        marks = _MARKER.findall(stem)
        blanks = q.get("blanks")
        if not isinstance(blanks, list) or not blanks:
            rep.problem(where, "fill needs a non-empty blanks list")
            return
        if len(marks) != len(blanks):
            rep.problem(where, f"{len(marks)} markers but {len(blanks)} blanks")
        if marks != [str(i + 1) for i in range(len(marks))]:
            rep.problem(where, f"markers not numbered 1..n in order: {marks}")
        for i, b in enumerate(blanks, 1):
            accepted = [b] if isinstance(b, str) else b
            if not isinstance(accepted, list) or not accepted or not all(
                isinstance(x, str) and x.strip() for x in accepted
            ):
                rep.problem(where, f"blank {i}: accepted answers must be non-empty strings")
                continue
            if any(c in accepted[0] for c in "“”\"《》"):
                rep.problem(where, f"blank {i}: answer {accepted[0]!r} contains quote marks")
            ok, why = term_in_quote(accepted[0], quote)
            if not ok:
                rep.problem(where, f"blank {i} ({accepted[0]}): {why}")
    elif qtype == "short":
        if not isinstance(q.get("reference"), str) or not q["reference"].strip():
            rep.problem(where, "short needs a reference")
        kws = q.get("keywords")
        if not isinstance(kws, list) or not 3 <= len(kws) <= 5:
            rep.problem(where, "short needs 3-5 keywords")
            return
        found = 0
        for kw in kws:
            if not isinstance(kw, dict) or not isinstance(kw.get("word"), str):
                rep.problem(where, f"bad keyword entry {kw!r}")
                continue
            words = [kw["word"], *kw.get("aliases", [])]
            if any(norm(w) in norm(quote) for w in words):
                found += 1
        if found == 0:
            rep.problem(where, "no keyword of the short question occurs in the quote")
        elif found < len(kws):
            rep.note(where, f"{found}/{len(kws)} keywords occur in the quote")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--material", type=Path, default=DEFAULT_MATERIAL)
    ap.add_argument("--banks", type=Path, default=DEFAULT_BANKS)
    ap.add_argument("-q", "--quiet", action="store_true", help="do not print notes")
    args = ap.parse_args()

    material = args.material.read_text(encoding="utf-8")
    rep = Report()
    all_ids: dict[str, str] = {}
    per_file: dict[str, Counter] = {}
    single_pos: Counter = Counter()
    multi_pos: Counter = Counter()
    judge_tf: Counter = Counter()
    difficulty: Counter = Counter()

    files = sorted(p for p in args.banks.rglob("*") if p.suffix in (".yaml", ".yml"))
    if not files:
        print(f"no bank files under {args.banks}")
        return 1
    for path in files:
        name = path.relative_to(args.banks).as_posix()
        text = path.read_text(encoding="utf-8")
        if text.splitlines()[0] != SCHEMA_LINE:
            rep.problem(name, "first line is not the schema comment")
        try:
            bank = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            rep.problem(name, f"YAML error: {exc}")
            continue
        if not isinstance(bank, dict):
            rep.problem(name, "bank is not a mapping")
            continue
        if bank.get("format") != 1:
            rep.problem(name, "format must be 1")
        for key in ("id", "title"):
            if not isinstance(bank.get(key), str):
                rep.problem(name, f"bank {key} missing")
        questions = bank.get("questions")
        if not isinstance(questions, list) or not questions:
            rep.problem(name, "questions must be a non-empty list")
            continue
        counts: Counter = Counter()
        prefix = PREFIXES.get(path.name)
        for n, q in enumerate(questions, 1):
            if not isinstance(q, dict):
                rep.problem(f"{name}#{n}", "question is not a mapping")
                continue
            qid = q.get("id")
            where = f"{name}:{qid}"
            m = _ID.match(str(qid))
            if not m:
                rep.problem(where, "id must look like prefix-NNN")
            elif prefix and m.group(1) != prefix:
                rep.problem(where, f"id prefix should be {prefix}")
            if qid in all_ids:
                rep.problem(where, f"duplicate id (also in {all_ids[qid]})")
            all_ids[str(qid)] = name
            counts[q.get("type")] += 1
            difficulty[q.get("difficulty", 2)] += 1
            if q.get("type") == "single":
                single_pos[q.get("answer")] += 1
            elif q.get("type") == "multiple" and isinstance(q.get("answer"), list):
                for a in q["answer"]:
                    multi_pos[a] += 1
            elif q.get("type") == "judge":
                judge_tf[q.get("answer")] += 1
            check_question(q, where, material, rep)
        per_file[name] = counts

    if rep.notes and not args.quiet:
        print(f"NOTES ({len(rep.notes)}):")
        for line in rep.notes:
            print("  " + line)
    if rep.problems:
        print(f"PROBLEMS ({len(rep.problems)}):")
        for line in rep.problems:
            print("  " + line)

    total: Counter = Counter()
    print("\ncounts per file:")
    header = f"  {'file':<20}" + "".join(f"{t:>9}" for t in TYPES) + f"{'total':>8}"
    print(header)
    for name, c in per_file.items():
        total.update(c)
        row = "".join(f"{c.get(t, 0):>9}" for t in TYPES)
        print(f"  {name:<20}{row}{sum(c.values()):>8}")
    n = sum(total.values())
    row = "".join(f"{total.get(t, 0):>9}" for t in TYPES)
    print(f"  {'TOTAL':<20}{row}{n:>8}")
    if n:
        share = "".join(f"{100 * total.get(t, 0) / n:>8.1f}%" for t in TYPES)
        print(f"  {'share':<20}{share}")
    print(f"single answer positions: {dict(sorted(single_pos.items()))}")
    print(f"multiple correct keys:   {dict(sorted(multi_pos.items()))}")
    print(f"judge true/false:        {dict(judge_tf)}")
    print(f"difficulty:              {dict(sorted(difficulty.items()))}")
    print(
        f"\n{len(rep.problems)} problem(s), {len(rep.notes)} note(s)"
        if rep.problems
        else f"\nOK: no problems ({len(rep.notes)} note(s))"
    )
    return 1 if rep.problems else 0


if __name__ == "__main__":
    sys.exit(main())
