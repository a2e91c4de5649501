"""Reads every export of a running graphd with the tools its users use.

Usage: python3 exports.py DIR, where DIR holds export.FORMAT for each format
fetched from the same server with no write in between (run.sh does that).

Each format must load in its readers (networkx and igraph for GraphML,
pandas for CSV, rapper and rdflib for N-Quads, zipfile and csv for the Neo4j
CSVs) and hold every quote of every live stance with its document, as the
JSON export lists them; JSON Lines must hold at least those. Exits non-zero
naming the first format that fails.
"""

import collections
import csv
import io
import json
import subprocess
import sys
import zipfile

import networkx as nx
import pandas as pd
import rdflib

SG = "urn:stancegraph:"
NEO4J_ARRAY = "\x1f"


def fail(msg):
    sys.exit(f"export {msg}")


def quotes_json(d):
    doc = json.load(open(f"{d}/export.json", encoding="utf-8"))
    return {s["id"]: [(e["document"], e["quote"]) for e in s["evidence"]] for s in doc["stances"]}


def quotes_graphml(d):
    g = nx.read_graphml(f"{d}/export.graphml")
    if not all(a.get("label") for _, a in g.nodes(data=True)):
        fail("graphml: a node has no label")
    return {k: [(e["document"], e["quote"]) for e in json.loads(a["evidence"])] for _, _, k, a in g.edges(keys=True, data=True)}


def quotes_igraph(d):
    try:
        import igraph
    except ImportError:
        print("     igraph: not installed, skipped")
        return None
    g = igraph.Graph.Read_GraphML(f"{d}/export.graphml")
    return {e["id"]: [(x["document"], x["quote"]) for x in json.loads(e["evidence"])] for e in g.es}


def quotes_csv(d):
    df = pd.read_csv(f"{d}/export.csv", dtype=str, keep_default_na=False)
    df["evidence"] = df["evidence"].map(json.loads)
    return {r.id: [(e["document"], e["quote"]) for e in r.evidence] for r in df.itertuples()}


def quotes_nquads(d):
    path = f"{d}/export.nquads"
    lines = open(path, encoding="utf-8").read().splitlines()
    if len(set(lines)) != len(lines):
        fail(f"nquads: {len(lines) - len(set(lines))} triples written twice")
    out = subprocess.run(["rapper", "-i", "nquads", "-c", path], capture_output=True, text=True)
    if out.returncode != 0 or f"returned {len(lines)} triples" not in out.stderr:
        fail(f"nquads: rapper: {out.stderr.strip()}")
    print(f"     rapper: {len(lines)} triples, valid")
    g = rdflib.ConjunctiveGraph()
    g.parse(path, format="nquads")
    if len(g) != len(lines):
        fail(f"nquads: rdflib read {len(g)} triples of {len(lines)}")
    q = f"""SELECT ?st ?doc ?quote WHERE {{ ?st <{SG}evidence> ?ev . ?ev <{SG}quote> ?quote ; <{SG}document> ?doc .
              ?doc a <{SG}Document> . }} ORDER BY ?ev"""
    got = collections.defaultdict(list)
    for st, doc, quote in g.query(q):
        got[str(st).removeprefix("urn:uuid:")].append((str(doc).removeprefix("urn:uuid:"), str(quote)))
    unlabelled = set(g.subjects(rdflib.RDF.type, rdflib.URIRef(SG + "Actor"))) - set(g.subjects(rdflib.RDFS.label, None))
    if unlabelled:
        fail(f"nquads: actors without rdfs:label: {unlabelled}")
    return got


def quotes_neo4j(d):
    z = zipfile.ZipFile(f"{d}/export.neo4j")
    names = sorted(z.namelist())
    if names != ["actors.csv", "documents.csv", "stances.csv"]:
        fail(f"neo4j: files {names}")
    rows = list(csv.DictReader(io.TextIOWrapper(z.open("stances.csv"), encoding="utf-8", newline="")))
    for need in (":START_ID(Actor)", ":END_ID(Actor)", ":TYPE"):
        if need not in rows[0]:
            fail(f"neo4j: stances.csv lacks {need}")
    out = {}
    for r in rows:
        qs = r["quotes:string[]"].split(NEO4J_ARRAY) if r["quotes:string[]"] else []
        out[r["stanceId"]] = list(zip(r["documents:string[]"].split(NEO4J_ARRAY), qs))
    return out


def quotes_jsonl(d):
    out = {}
    for line in open(f"{d}/export.jsonl", encoding="utf-8"):
        rec = json.loads(line)
        if rec["record"] == "stance":
            out[rec["id"]] = [(e["document"], e["quote"]) for e in rec.get("evidence", [])]
    return out


def main(d):
    want = quotes_json(d)
    total = sum(len(v) for v in want.values())
    print(f"     json: {len(want)} stances, {total} quotes")
    for name, read in [("graphml (networkx)", quotes_graphml), ("graphml (igraph)", quotes_igraph), ("csv (pandas)", quotes_csv),
                       ("nquads (rdflib)", quotes_nquads), ("neo4j", quotes_neo4j), ("jsonl", quotes_jsonl)]:
        got = read(d)
        if got is None:
            continue
        for sid, qs in want.items():
            if sorted(got.get(sid, [])) != sorted(qs):
                fail(f"{name}: stance {sid}: quotes {got.get(sid)}, want {qs}")
        extra = set(got) - set(want)
        if extra and name != "jsonl":
            fail(f"{name}: stances the JSON export lacks: {sorted(extra)[:3]}")
        print(f"     {name}: every quote of {len(want)} stances" + (f", and {len(extra)} retracted" if extra else ""))


if __name__ == "__main__":
    main(sys.argv[1])
