#!/usr/bin/env python3
"""Deterministic synthetic graph in the corpus's shape, at scale factor SF.

  bench/generate.py --sf 1 --out bench/data/sf1

Writes graph.jsonl (APOC JSON lines for `innograph import`) and, for Kùzu's COPY, one CSV per
node label (id,name) and one per relationship table (from,to), plus counts.json with the exact
number of nodes per label and relationships per type.

At SF 1: 374 Region, 23 Zone, 2,000 Park, 3,000 University, 20,000 Institute, 500 Industry,
1,000,000 Enterprise. Relationships: 5 HOSTS per Park to Zipf-distributed Industries, one
LOCATED_IN per Park to a Region, PART_OF for every tenth Park to a Zone, 10 PARTNERS_WITH per
University to Parks, one AFFILIATED_WITH per Institute to a University, one LOCATED_IN per
Enterprise to a Zipf-distributed Park, 2 ACTIVE_IN per Enterprise to Zipf-distributed Industries,
COLLABORATES from every second Enterprise to a University. Counts scale with SF except Region,
Zone and Industry.
"""
import argparse, bisect, itertools, json, os, random

FIXED = {"Region": 374, "Zone": 23, "Industry": 500}
SCALED = {"Park": 2000, "University": 3000, "Institute": 20000, "Enterprise": 1000000}


class Zipf:
    """Draws indexes 0..n-1 with probability proportional to 1/(rank)^s, ranks shuffled."""

    def __init__(self, n, rng, s=1.0):
        weights = [1.0 / (r + 1) ** s for r in range(n)]
        self.cum = list(itertools.accumulate(weights))
        self.perm = list(range(n))
        rng.shuffle(self.perm)
        self.rng = rng

    def draw(self):
        x = self.rng.random() * self.cum[-1]
        return self.perm[min(bisect.bisect_left(self.cum, x), len(self.perm) - 1)]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sf", type=float, default=1.0)
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=20261122)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    counts = dict(FIXED)
    for label, n in SCALED.items():
        counts[label] = max(1, int(round(n * a.sf)))
    os.makedirs(a.out, exist_ok=True)

    # Global ids: labels in a fixed order, each a contiguous block.
    order = ["Region", "Zone", "Industry", "Park", "University", "Institute", "Enterprise"]
    base, nxt = {}, 0
    for label in order:
        base[label] = nxt
        nxt += counts[label]

    def gid(label, i):
        return base[label] + i

    rel_files = {}
    rel_counts = {}

    def rel_csv(table):
        if table not in rel_files:
            rel_files[table] = open(os.path.join(a.out, f"{table}.csv"), "w", encoding="utf-8")
        return rel_files[table]

    with open(os.path.join(a.out, "graph.jsonl"), "w", encoding="utf-8") as g:
        for label in order:
            with open(os.path.join(a.out, f"{label.lower()}.csv"), "w", encoding="utf-8") as c:
                for i in range(counts[label]):
                    name = f"{label}{i}"
                    g.write(f'{{"type":"node","id":"{gid(label, i)}","labels":["{label}"],'
                            f'"properties":{{"name":"{name}"}}}}\n')
                    c.write(f"{gid(label, i)},{name}\n")
        rid = itertools.count()

        def rel(rtype, table, sl, si, el, ei):
            s, e = gid(sl, si), gid(el, ei)
            g.write(f'{{"type":"relationship","id":"{next(rid)}","label":"{rtype}",'
                    f'"start":{{"id":"{s}"}},"end":{{"id":"{e}"}},"properties":{{}}}}\n')
            rel_csv(table).write(f"{s},{e}\n")
            rel_counts[rtype] = rel_counts.get(rtype, 0) + 1

        industries = Zipf(counts["Industry"], rng)
        parks_zipf = Zipf(counts["Park"], rng)
        for p in range(counts["Park"]):
            chosen = set()
            while len(chosen) < min(5, counts["Industry"]):
                chosen.add(industries.draw())
            for ind in sorted(chosen):
                rel("HOSTS", "hosts", "Park", p, "Industry", ind)
            rel("LOCATED_IN", "park_located_in", "Park", p, "Region", rng.randrange(counts["Region"]))
            if p % 10 == 0:
                rel("PART_OF", "part_of", "Park", p, "Zone", rng.randrange(counts["Zone"]))
        for u in range(counts["University"]):
            for park in sorted(rng.sample(range(counts["Park"]), min(10, counts["Park"]))):
                rel("PARTNERS_WITH", "partners_with", "University", u, "Park", park)
        for i in range(counts["Institute"]):
            rel("AFFILIATED_WITH", "affiliated_with", "Institute", i, "University",
                rng.randrange(counts["University"]))
        for e in range(counts["Enterprise"]):
            rel("LOCATED_IN", "enterprise_located_in", "Enterprise", e, "Park", parks_zipf.draw())
            first = industries.draw()
            second = industries.draw()
            while second == first and counts["Industry"] > 1:
                second = industries.draw()
            rel("ACTIVE_IN", "active_in", "Enterprise", e, "Industry", first)
            rel("ACTIVE_IN", "active_in", "Enterprise", e, "Industry", second)
            if e % 2 == 0:
                rel("COLLABORATES", "collaborates", "Enterprise", e, "University",
                    rng.randrange(counts["University"]))
    for f in rel_files.values():
        f.close()
    summary = {"sf": a.sf, "nodes": sum(counts.values()), "relationships": sum(rel_counts.values()),
               "nodesPerLabel": counts, "relationshipsPerType": rel_counts}
    with open(os.path.join(a.out, "counts.json"), "w") as f:
        json.dump(summary, f, indent=2, sort_keys=True)
    print(json.dumps(summary, sort_keys=True))


if __name__ == "__main__":
    main()
