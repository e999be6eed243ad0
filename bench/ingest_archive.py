#!/usr/bin/env python3
"""Document ingestion throughput on a large synthetic archive.

  bench/ingest_archive.py [--copies 20] [--threads 1,2] [--innograph build/app/innograph]
                          [--work DIR] [--out bench/results/ingest.md]

Builds an archive from data/corpus/: every document repeated COPIES times under its own id, the
k-th copy with the city names of data/lexicon/regions.txt rotated k places (沈阳市 becomes the
k-th city after it, short forms too), so the copies name different entities and merge into a
growing graph rather than into the first copy. Then ingests the whole archive into a fresh store
with `innograph ingest -q --threads T` for each T, and reports documents/s and MB/s: per wall
second, per core (wall throughput over min(T, cores)), and per CPU second (user + system of the
process, which stays honest on a machine shared with other work).
"""
import argparse, json, os, re, resource, shutil, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def cities():
    names, kind = [], None
    with open(os.path.join(ROOT, "data", "lexicon", "regions.txt"), encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line.startswith("@kind"):
                kind = line.split()[1]
                continue
            if not line or line.startswith("#") or line.startswith("@") or kind != "city":
                continue
            names.append(line.split())
    return names


def build_archive(copies, out):
    table = cities()
    forms = {}  # form -> (city index, form index)
    for i, entry in enumerate(table):
        for j, form in enumerate(entry):
            forms.setdefault(form, (i, j))
    pattern = re.compile("|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)))
    corpus = os.path.join(ROOT, "data", "corpus")
    docs = sorted(f for f in os.listdir(corpus) if f.endswith(".txt"))
    os.makedirs(out, exist_ok=True)
    total = 0
    for name in docs:
        with open(os.path.join(corpus, name), "rb") as f:
            raw = f.read()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = None  # GBK documents are copied as they are
        for k in range(copies):
            if text is None:
                data = raw
            else:
                def rotate(m):
                    i, j = forms[m.group(0)]
                    target = table[(i + k) % len(table)]
                    return target[min(j, len(target) - 1)]
                data = pattern.sub(rotate, text).encode("utf-8") if k else raw
            path = os.path.join(out, f"{k:04d}_{name}")
            with open(path, "wb") as f:
                f.write(data)
            total += len(data)
    return len(docs) * copies, total


def run(innograph, archive, threads, store):
    shutil.rmtree(store, ignore_errors=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    p = subprocess.run([innograph, "ingest", "-q", "--threads", str(threads), "--db", store, archive],
                       capture_output=True, text=True)
    wall = time.monotonic() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if p.returncode != 0:
        sys.exit(f"ingest failed ({p.returncode}): {p.stderr.strip()[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, p.stdout.strip().splitlines()[-1]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--copies", type=int, default=20)
    ap.add_argument("--threads", default=f"1,{os.cpu_count()}")
    ap.add_argument("--innograph", default=os.path.join(ROOT, "build", "app", "innograph"))
    ap.add_argument("--work", default=None, help="scratch directory (default: a temporary one)")
    ap.add_argument("--out", default=None, help="also write the table as Markdown here")
    a = ap.parse_args()
    work = a.work or tempfile.mkdtemp(prefix="innograph-ingest-")
    try:
        archive = os.path.join(work, "archive")
        shutil.rmtree(archive, ignore_errors=True)
        docs, size = build_archive(a.copies, archive)
        cores = os.cpu_count()
        load = os.getloadavg()[0]
        rows = []
        for t in sorted({int(x) for x in a.threads.split(",")}):
            wall, cpu, line = run(a.innograph, archive, t, os.path.join(work, "store"))
            mb = size / 1e6
            rows.append({"threads": t, "wallS": wall, "cpuS": cpu, "docsPerS": docs / wall,
                         "mbPerS": mb / wall, "mbPerSPerCore": mb / wall / min(t, cores),
                         "mbPerCpuS": mb / cpu, "docsPerCpuS": docs / cpu, "innograph": line})
        lines = [f"# Document ingestion: {docs} documents, {size / 1e6:.1f} MB "
                 f"({a.copies} rotated copies of data/corpus)", "",
                 f"{time.strftime('%Y-%m-%dT%H:%M:%SZ', time.gmtime())} · {cores} cores · "
                 f"load average {load:.1f} at the start", "",
                 "| threads | wall | docs/s | MB/s | MB/s per core | MB per CPU-s | docs per CPU-s |",
                 "|---:|---:|---:|---:|---:|---:|---:|"]
        for r in rows:
            lines.append(f"| {r['threads']} | {r['wallS']:.2f} s | {r['docsPerS']:.1f} | {r['mbPerS']:.2f} | "
                         f"{r['mbPerSPerCore']:.2f} | {r['mbPerCpuS']:.2f} | {r['docsPerCpuS']:.1f} |")
        lines += ["", "Target: ≥ 5 MB/s per core."]
        table = "\n".join(lines) + "\n"
        print(table)
        print(json.dumps(rows, indent=1), file=sys.stderr)
        if a.out:
            with open(a.out, "w", encoding="utf-8") as f:
                f.write(table)
    finally:
        if not a.work:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
