"""The plutus-bench-vector workload against a ChromaDB server, for the side-by-side record.

Same vectors (the same linear congruential generator and seed), same metadata, same batches and
queries; the server is started by the caller (`chroma run --path DIR --port PORT`).

usage: chroma_bench.py URL [--items N] [--dimension D] [--users U] [--batch B] [--queries Q]
"""
import argparse
import threading
import time

import chromadb
import numpy

MASK = (1 << 64) - 1


class RandomUnitVectors:
    def __init__(self, seed, dimension):
        self.state = seed
        self.dimension = dimension

    def next(self):
        raw = []
        for _ in range(self.dimension):
            self.state = (self.state * 6364136223846793005 + 1442695040888963407) & MASK
            raw.append(float((self.state >> 11) % 2000001 - 1000000) / 1000000)
        norm = sum(v * v for v in raw) ** 0.5
        return [v / norm for v in raw]


def percentile(samples, fraction):
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(len(ordered) * fraction))]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--dimension", type=int, default=384)
    parser.add_argument("--users", type=int, default=1_000)
    parser.add_argument("--batch", type=int, default=1_000)
    parser.add_argument("--queries", type=int, default=1_000)
    args = parser.parse_args()
    host, port = args.url.removeprefix("http://").split(":")
    client = chromadb.HttpClient(host=host, port=int(port))
    try:
        client.delete_collection("bench")
    except Exception:
        pass
    collection = client.create_collection("bench", metadata={"hnsw:space": "cosine"})
    source = RandomUnitVectors(42, args.dimension)
    print(f"ChromaDB {chromadb.__version__}: {args.items} items × {args.dimension} dimensions, {args.users} users, default HNSW")
    start = time.monotonic()
    for first in range(0, args.items, args.batch):
        ids = [f"item-{i}" for i in range(first, min(args.items, first + args.batch))]
        collection.add(
            ids=ids,
            embeddings=[source.next() for _ in ids],
            metadatas=[{"user_id": f"u{i % args.users}"} for i in range(first, first + len(ids))],
        )
    elapsed = time.monotonic() - start
    print(f"ingest: {args.items / elapsed:.0f} items/s ({elapsed:.1f} s)")
    queries = [source.next() for _ in range(args.queries)]

    def query(index, filtered):
        where = {"user_id": f"u{index % args.users}"} if filtered else None
        return collection.query(query_embeddings=[queries[index % len(queries)]], n_results=10, where=where)

    for filtered in (True, False):
        samples = []
        for index in range(args.queries):
            began = time.monotonic()
            query(index, filtered)
            samples.append((time.monotonic() - began) * 1000)
        label = "top-10, filtered to one user" if filtered else "top-10, unfiltered"
        print(f"{label}: p50 {percentile(samples, 0.5):.3f} ms, p99 {percentile(samples, 0.99):.3f} ms")
        counter = iter(range(args.queries))
        lock = threading.Lock()

        def worker():
            while True:
                with lock:
                    index = next(counter, None)
                if index is None:
                    return
                query(index, filtered)

        began = time.monotonic()
        threads = [threading.Thread(target=worker) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        print(f"  8 concurrent clients: {args.queries / (time.monotonic() - began):.0f} queries/s")

    # Recall against an exact scan of the same vectors (numpy comes with chromadb).
    replay = RandomUnitVectors(42, args.dimension)
    vectors = numpy.array([replay.next() for _ in range(args.items)], dtype=numpy.float32)
    found = 0
    recall_queries = min(args.queries, 200)
    for index in range(recall_queries):
        scores = vectors @ numpy.array(queries[index], dtype=numpy.float32)
        truth = {f"item-{i}" for i in numpy.argsort(-scores)[:10]}
        hits = query(index, False)["ids"][0]
        found += sum(1 for hit in hits if hit in truth)
    print(f"recall@10 (store vs exact scan): {found / (recall_queries * 10):.3f}")


if __name__ == "__main__":
    main()
