#!/usr/bin/env python3
"""Runs our engine and the peers (../shared/bench/peers) on one JSON Lines file and
prints one table with the ratios. Medians of RUNS runs (default 3), one process each.

  bench/compare_peers.py DATA.jsonl [--peers DIR] [--build DIR] [--runs N]

DIR is a copy of ../shared/bench/peers where `npm ci` (or `npm install`) has been run;
the shared folder itself is read-only. Needs /usr/bin/time (apt-get install time).
Eligible counts of every run are checked against ref.js; a mismatch exits 2.
"""
import argparse, json, os, re, statistics, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
RULES = os.path.join(ROOT, "tests/bench/peers_w1w2.thidua")
RULES_W1 = os.path.join(ROOT, "tests/bench/peers_w1.thidua")  # one workload per process, as each peer runs


def timed(cmd, env=None):
    """Runs cmd under /usr/bin/time -v: (stdout, wall seconds, peak RSS MB)."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as t:
        p = subprocess.run(["/usr/bin/time", "-v", "-o", t.name] + cmd, capture_output=True, text=True, env=env)
        if p.returncode != 0:
            sys.exit(f"failed ({p.returncode}): {' '.join(cmd)}\n{p.stderr[-2000:]}")
        info = t.read()
    wall = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)", info)
    h, m, s = wall.groups()
    seconds = int(h or 0) * 3600 + int(m) * 60 + float(s)
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", info).group(1)) / 1024
    return p.stdout, seconds, rss


def med(xs):
    return statistics.median(xs)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("data")
    ap.add_argument("--peers", default="/tmp/peers")
    ap.add_argument("--build", default=os.path.join(ROOT, "build-perf"))
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--threads", default="2")
    a = ap.parse_args()
    data = os.path.abspath(a.data)
    size_mb = os.path.getsize(data) / 1e6
    ref = json.loads(subprocess.run(["node", os.path.join(a.peers, "ref.js"), data], capture_output=True, text=True,
                                    check=True).stdout)
    n = ref["n"]
    expected = {"W1": ref["w1"], "W2": ref["w2"]}
    bench = os.path.join(a.build, "tests/bench/thidua_peers_bench")
    thidua = os.path.join(a.build, "engine/thidua")
    ours = {}
    whole = {"1": [], a.threads: []}
    rss = {"1": [], a.threads: []}
    whole_w1, rss_w1 = [], []
    for _ in range(a.runs):
        out, _, bench_rss = timed([bench, RULES, data, "3"])
        for line in out.splitlines():
            if not line.startswith("RESULT "):
                continue
            kv = dict(x.split("=", 1) for x in line.split()[1:])
            key = (kv["measure"], kv.get("workload", ""), kv.get("threads", ""))
            if "eligible" in kv and int(kv["eligible"]) != expected[kv["workload"]]:
                print(f"MISMATCH {key}: {kv['eligible']} != ref {expected[kv['workload']]}", file=sys.stderr)
                sys.exit(2)
            if "seconds" in kv:
                # Stored as records per second: the explanation tree is timed on a sample.
                ours.setdefault(key, []).append(int(kv["n"]) / float(kv["seconds"]))
        for threads in whole:
            with tempfile.TemporaryDirectory() as tmp:
                csv = os.path.join(tmp, "out.csv")
                env = dict(os.environ, THIDUA_THREADS=threads)
                _, wall, peak = timed([thidua, "run", RULES, "--records", data, "--format", "csv", "-o", csv, "-q"], env)
                passed = {"W1": 0, "W2": 0}
                with open(csv, encoding="utf-8", newline="") as f:
                    for row in f:
                        if row.endswith(",passed,\r\n"):
                            passed[row.split(",")[-3]] += 1
                for w in passed:
                    if passed[w] != expected[w]:
                        sys.exit(f"MISMATCH thidua run {w}: {passed[w]} != ref {expected[w]}")
            whole[threads].append(wall)
            rss[threads].append(peak)
        with tempfile.TemporaryDirectory() as tmp:
            csv = os.path.join(tmp, "out.csv")
            env = dict(os.environ, THIDUA_THREADS=a.threads)
            _, wall, peak = timed([thidua, "run", RULES_W1, "--records", data, "--format", "csv", "-o", csv, "-q"], env)
            with open(csv, encoding="utf-8", newline="") as f:
                passed = sum(row.endswith(",passed,\r\n") for row in f)
            if passed != expected["W1"]:
                sys.exit(f"MISMATCH thidua run W1 alone: {passed} != ref {expected['W1']}")
            whole_w1.append(wall)
            rss_w1.append(peak)

    peers = [("plain-js", "bench-plainjs.js", "sync"), ("cel-js", "bench-cel.js", "env"),
             ("json-logic-js", "bench-json-logic.js", "apply"), ("json-rules-engine", "bench-json-rules-engine.js", "default")]
    peer = {}
    for name, script, variant in peers:
        for w in ("W1", "W2"):
            if name == "json-rules-engine" and w == "W2":
                continue
            evals, load, walls, peaks = [], [], [], []
            for _ in range(a.runs):
                out, wall, peak = timed(["node", os.path.join(a.peers, script), "--file", data, "--workload", w, "--variant",
                                         variant])
                r = json.loads(out.strip().splitlines()[-1])
                if not r["match"]:
                    sys.exit(f"MISMATCH {name} {w}")
                evals.append(r["evals_per_s"])
                load.append(r["load_ms"] / 1000)
                walls.append(wall)
                peaks.append(peak)
            peer[(name, w)] = (med(evals), med(load), med(walls), med(peaks))

    rate = lambda key: med(ours[key])
    print(f"\n## {os.path.basename(data)}: {n} records, {size_mb:.1f} MB; medians of {a.runs} runs; "
          f"ref eligible W1={expected['W1']} W2={expected['W2']} (ours equal: checked)\n")
    print("| engine | W1 records/s | W2 records/s | load s | whole process s | peak RSS MB |")
    print("|---|---|---|---|---|---|")
    fmt_rate = lambda r: f"{r / 1e6:.2f} M" if r >= 1e6 else f"{r / 1e3:.1f} k"
    print(f"| thidua, decide, blocks of participants, 1 thread | {fmt_rate(rate(('decide', 'W1', '1')))} | "
          f"{fmt_rate(rate(('decide', 'W2', '1')))} | "
          f"{n / med(ours[('load', '', '')]):.2f} | {med(whole['1']):.2f} (1 thread) | {med(rss['1']):.0f} |")
    if ("decide_one", "W1", "1") in ours:
        print(f"| thidua, decide, one participant at a time, 1 thread | {fmt_rate(rate(('decide_one', 'W1', '1')))} | "
              f"{fmt_rate(rate(('decide_one', 'W2', '1')))} | | | |")
    cores = [k for k in ours if k[0] == "batch" and k[2] != "1"]
    if cores:
        print(f"| thidua, `run` batch W1+W2, {cores[0][2]} threads | {fmt_rate(rate(cores[0]))} (both awards) | | | "
              f"{med(whole[a.threads]):.2f} ({a.threads} threads) | {med(rss[a.threads]):.0f} |")
    print(f"| thidua, `run` W1 alone (the peers' workload), {a.threads} threads | | | | {med(whole_w1):.2f} | "
          f"{med(rss_w1):.0f} |")
    print(f"| thidua, traced (every value recorded), 1 thread | {fmt_rate(rate(('trace', 'W1', '1')))} | "
          f"{fmt_rate(rate(('trace', 'W2', '1')))} | | | |")
    print(f"| thidua, explanation tree built, 1 thread | {fmt_rate(rate(('explain', 'W1', '1')))} | "
          f"{fmt_rate(rate(('explain', 'W2', '1')))} | | | |")
    if ("explain_render", "W1", "1") in ours:
        print(f"| thidua, explanation built and rendered (vi text + JSON), 1 thread | "
              f"{fmt_rate(rate(('explain_render', 'W1', '1')))} | {fmt_rate(rate(('explain_render', 'W2', '1')))} | | | |")
    print(f"| hand-written C++ loop (floor) | {fmt_rate(rate(('handwritten', 'W1', '')))} | "
          f"{fmt_rate(rate(('handwritten', 'W2', '')))} | | | |")
    print(f"| hand-written C++ loop on our record columns | {fmt_rate(rate(('handrows', 'W1', '')))} | "
          f"{fmt_rate(rate(('handrows', 'W2', '')))} | | | |")
    for name, _, variant in peers:
        w1 = peer.get((name, "W1"))
        w2 = peer.get((name, "W2"))
        print(f"| {name} ({variant}) | {fmt_rate(w1[0])} | {fmt_rate(w2[0]) if w2 else 'not expressible'} | {w1[1]:.2f} | "
              f"{w1[2]:.2f} | {w1[3]:.0f} |")
    fastest = max((v[0], k) for k, v in peer.items() if k[0] != "plain-js" and k[1] == "W1")
    fastest_whole = min(v[2] for k, v in peer.items() if k[0] != "plain-js")
    fastest_whole_w1 = min(v[2] for k, v in peer.items() if k[0] != "plain-js" and k[1] == "W1")
    explaining = peer[("json-rules-engine", "W1")][0]
    print("\nRatios (W1 unless noted):")
    print(f"- decide, 1 thread / fastest peer ({fastest[1][0]}): {rate(('decide', 'W1', '1')) / fastest[0]:.1f}x (target >= 10x)")
    print(f"- hand-written C++ / decide, 1 thread: {rate(('handwritten', 'W1', '')) / rate(('decide', 'W1', '1')):.2f}x "
          f"(target <= 3x); W2: {rate(('handwritten', 'W2', '')) / rate(('decide', 'W2', '1')):.2f}x; "
          f"hand-written on our rows / decide: {rate(('handrows', 'W1', '')) / rate(('decide', 'W1', '1')):.2f}x")
    print(f"- full explanation: traced {rate(('trace', 'W1', '1')) / 1e6:.2f} M/s, tree built "
          f"{rate(('explain', 'W1', '1')) / 1e6:.3f} M/s (target >= 1 M/s); tree built = "
          f"{rate(('explain', 'W1', '1')) / explaining:.0f}x json-rules-engine")
    print(f"- whole process, fastest peer / ours ({a.threads} threads): {fastest_whole / med(whole[a.threads]):.1f}x "
          f"(1 thread: {fastest_whole / med(whole['1']):.1f}x; target >= 5x); W1 alone against the peers' W1 "
          f"processes: {fastest_whole_w1 / med(whole_w1):.1f}x")
    print(f"- peak RSS / input size: {med(rss[a.threads]) / (size_mb / 1.048576):.2f}x (target <= 2x)")


if __name__ == "__main__":
    main()
