#!/usr/bin/env python3
"""Fails when a C++ file under the given directories holds a Han character inside a string or
character literal, naming file:line for each: the extractor's words of the language live in
data/lexicon/, never in C++ (comments may quote them).

  han_literals.py DIR...      scan every *.cpp and *.h under the directories
  han_literals.py --self-test check the scanner on snippets
"""
import os
import re
import sys

# CJK Unified Ideographs, extension A, compatibility ideographs, extensions B and later.
HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
RAW = re.compile(r'R"([^()\\ \t\n]{0,16})\(')


def literals(src):
    """(line, text) of every string and character literal of C++ source `src`."""
    i, n, line = 0, len(src), 1
    while i < n:
        c = src[i]
        if c == "\n":
            line += 1
            i += 1
        elif src.startswith("//", i):
            j = src.find("\n", i)
            i = n if j < 0 else j
        elif src.startswith("/*", i):
            j = src.find("*/", i + 2)
            j = n if j < 0 else j + 2
            line += src.count("\n", i, j)
            i = j
        elif c == "R" and RAW.match(src, i) and (i == 0 or not (src[i - 1].isalnum() or src[i - 1] == "_")
                                                 or src[i - 1] in "uUL8"):
            m = RAW.match(src, i)
            close = ")" + m.group(1) + '"'
            j = src.find(close, m.end())
            j = n if j < 0 else j
            yield line, src[m.end():j]
            line += src.count("\n", i, j)
            i = j + len(close)
        elif c in "\"'":
            # 1'000: a digit separator, not a character literal.
            if c == "'" and i > 0 and (src[i - 1].isalnum() or src[i - 1] == "_") \
                    and src[i - 1] not in "uUL8":
                i += 1
                continue
            j = i + 1
            while j < n and src[j] != c and src[j] != "\n":
                j += 2 if src[j] == "\\" else 1
            yield line, src[i + 1:j]
            i = j + 1
        else:
            i += 1


def scan(path):
    with open(path, encoding="utf-8") as f:
        src = f.read()
    return [(line, text) for line, text in literals(src) if HAN.search(text)]


def self_test():
    cases = [
        ('auto a = U"高新区";\n', [1]),
        ("// 高新区 in a comment\nint x = 1;\n", []),
        ("/* 高新区\n 开发区 */ char32_t c = U'市';\n", [2]),
        ('auto s = "a\\"b"; auto t = "市";\n', [1]),
        ('auto r = R"x(line\n市)x";\nint y = 1\'000;\n', [1]),
        ('auto p = U"\\u3002"; auto q = U"、。";\n', []),
    ]
    bad = 0
    for src, want in cases:
        got = [line for line, text in literals(src) if HAN.search(text)]
        if got != want:
            print(f"self-test: {src!r}: found Han on lines {got}, want {want}")
            bad += 1
    if bad:
        sys.exit(1)
    print("han_literals: self-test OK")


def main():
    if sys.argv[1:] == ["--self-test"]:
        return self_test()
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    found = 0
    for root in sys.argv[1:]:
        for dirpath, _, files in sorted(os.walk(root)):
            for name in sorted(files):
                if not name.endswith((".cpp", ".h")):
                    continue
                path = os.path.join(dirpath, name)
                for line, text in scan(path):
                    print(f"{path}:{line}: Han text in a literal: \"{text[:40]}\" "
                          "(words of the language belong in data/lexicon/)")
                    found += 1
    if found:
        sys.exit(f"han_literals: {found} literal(s) hold Han text")
    print("han_literals: no Han text in the literals of", " ".join(sys.argv[1:]))


if __name__ == "__main__":
    main()
