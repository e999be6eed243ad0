#!/usr/bin/env python3
"""Scores an exported graph against gold files with shared/eval/score.py and fails below the
given thresholds.

  score_gate.py --score SCORE_PY --graph export.jsonl --gold FILE|DIR [--min-f1 X]
                [--min-recall X] [--min-recall-of REL=X]... [--whole-entities]

The graph is first cut down to the gold's documents: the nodes those documents mention and the
relationships among them. Gold aliases are often the document's own short forms (市科技局 in a
辽阳 plan); in a graph of many documents the same short form is rightly also an alias of
济南市科技局, and the scorer would count that as one entity split over two nodes.
"""
import argparse, json, os, subprocess, sys, tempfile


def gold_lines(path):
    files = sorted(os.path.join(path, f) for f in os.listdir(path) if f.endswith(".jsonl")) \
        if os.path.isdir(path) else [path]
    out = []
    for f in files:
        out += [l for l in open(f, encoding="utf-8") if l.strip()]
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--score", required=True)
    ap.add_argument("--graph", required=True)
    ap.add_argument("--gold", required=True)
    ap.add_argument("--min-f1", type=float, default=0.0)
    ap.add_argument("--min-recall", type=float, default=0.0, help="for every relation type")
    ap.add_argument("--min-recall-of", action="append", default=[], metavar="REL=X")
    ap.add_argument("--whole-entities", action="store_true",
                    help="every gold entity found, with its label, on one node")
    a = ap.parse_args()

    gold = gold_lines(a.gold)
    if not gold:
        sys.exit(f"score_gate: no gold lines in {a.gold}")
    docs = {json.loads(l)["doc"] for l in gold}

    lines = [json.loads(l) for l in open(a.graph, encoding="utf-8") if l.strip()]
    doc_nodes = {o["id"] for o in lines if o["type"] == "node" and "Document" in o["labels"]
                 and o["properties"].get("docId") in docs}
    keep = set(doc_nodes)
    for o in lines:
        if o["type"] == "relationship" and o["label"] == "MENTIONS" and o["start"]["id"] in doc_nodes:
            keep.add(o["end"]["id"])

    with tempfile.TemporaryDirectory() as tmp:
        g = os.path.join(tmp, "graph.jsonl")
        with open(g, "w", encoding="utf-8") as f:
            for o in lines:
                if (o["type"] == "node" and o["id"] in keep) or (
                        o["type"] == "relationship" and o["start"]["id"] in keep
                        and o["end"]["id"] in keep):
                    f.write(json.dumps(o, ensure_ascii=False) + "\n")
        gf = os.path.join(tmp, "gold.jsonl")
        open(gf, "w", encoding="utf-8").writelines(gold)
        subprocess.run([sys.executable, a.score, "--graph", g, "--gold", gf, "--show-misses"],
                       check=True)
        s = json.loads(subprocess.run([sys.executable, a.score, "--graph", g, "--gold", gf, "--json"],
                                      check=True, capture_output=True, text=True).stdout)

    bad = []
    if a.whole_entities:
        if s["entities_found"] != s["entities"]: bad.append("gold entities missing")
        if s["entities_right_label"] != s["entities"]: bad.append("gold entities with a wrong label")
        if s["entities_duplicated"]: bad.append("gold entities split over several nodes")
    if s["f1"] < a.min_f1: bad.append(f"F1 {s['f1']} < {a.min_f1}")
    floors = {}
    for rel, r in s["relations"].items():
        floors[rel] = a.min_recall
    for spec in a.min_recall_of:
        rel, x = spec.split("=")
        floors[rel] = max(floors.get(rel, 0.0), float(x))
    for rel, floor in floors.items():
        r = s["relations"].get(rel, {}).get("recall")
        if r is not None and r < floor: bad.append(f"{rel} recall {r} < {floor}")
    if bad:
        print("score_gate: FAILED:", "; ".join(bad)); sys.exit(1)
    print(f"score_gate: OK (F1 {s['f1']}, {len(docs)} documents)")


if __name__ == "__main__":
    main()
