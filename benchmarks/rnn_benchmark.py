"""Time one LSTM language-model training step in four implementations.

Runs the grid of notebook 11 (from scratch, LSTMCell.unroll, the same
hybridized, fused rnn.LSTM hybridized) over hidden sizes, sequence lengths and
batch sizes, and writes a CSV, a plot and a Markdown table. Run from the
repository root:

    .venv/bin/python benchmarks/rnn_benchmark.py                 # full grid, about 1.5 min on 2 cores
    .venv/bin/python benchmarks/rnn_benchmark.py --quick         # a few seconds
    .venv/bin/python benchmarks/rnn_benchmark.py --device gpu    # needs mxnet-cu117 and a GPU

The device comes from --device, else from GLUON_RNN_DEVICE (auto, cpu, gpu).
"""
import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # so that `utils` imports when run as a script

import matplotlib  # noqa: E402

matplotlib.use("Agg")  # no display needed

import mxnet as mx  # noqa: E402

import utils  # noqa: E402
from utils.benchmarking import (IMPLEMENTATIONS, BenchmarkConfig,  # noqa: E402
                                compare_implementations, cpu_description,
                                markdown_table, matmul_gflops, plot_grid, run_grid,
                                speedups, theoretical_peak_gflops, write_csv)


def positive_ints(text: str):
    try:
        values = [int(v) for v in text.split(",") if v.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected comma-separated integers; got {text!r}")
    if not values or min(values) < 1:
        raise argparse.ArgumentTypeError(f"expected integers >= 1; got {text!r}")
    return values


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--hidden-sizes", type=positive_ints, default=[64, 128, 256, 512],
                        help="hidden sizes h (and embedding sizes d = h), comma-separated")
    parser.add_argument("--seq-lens", type=positive_ints, default=[16, 64],
                        help="sequence lengths T, comma-separated")
    parser.add_argument("--batch-sizes", type=positive_ints, default=[16, 64],
                        help="batch sizes n, comma-separated")
    parser.add_argument("--vocab-size", type=int, default=128, help="vocabulary size V")
    parser.add_argument("--implementations", default=",".join(IMPLEMENTATIONS),
                        help=f"comma-separated subset of {','.join(IMPLEMENTATIONS)}")
    parser.add_argument("--min-time", type=float, default=1.0,
                        help="seconds to time each point for (at least 3 steps)")
    parser.add_argument("--device", choices=["auto", "cpu", "gpu"], default=None,
                        help="default: $GLUON_RNN_DEVICE, else auto")
    parser.add_argument("--output", default="build/benchmarks/rnn_benchmark.csv",
                        help="CSV path; the plot (.png) and table (.md) go beside it")
    parser.add_argument("--plot", default=None, help="plot path (default: CSV path with .png)")
    parser.add_argument("--quick", action="store_true",
                        help="tiny grid (h=32,64; T=8; n=8) to check the set-up")
    args = parser.parse_args(argv)
    args.implementations = [i.strip() for i in args.implementations.split(",") if i.strip()]
    unknown = set(args.implementations) - set(IMPLEMENTATIONS)
    if unknown:
        parser.error(f"--implementations: unknown {sorted(unknown)}; "
                     f"choose from {','.join(IMPLEMENTATIONS)}")
    if args.quick:
        args.hidden_sizes, args.seq_lens, args.batch_sizes, args.min_time = [32, 64], [8], [8], 0.1
    if args.vocab_size < 1 or not args.min_time > 0:
        parser.error("--vocab-size must be >= 1 and --min-time positive")
    return args


def main(argv=None) -> int:
    args = parse_args(argv)
    try:
        ctx = utils.get_context(args.device)
    except RuntimeError as error:  # a GPU asked for, none present
        print(f"Skipping: {error}")
        return 0
    utils.set_seed(0)
    csv_path = Path(args.output)
    plot_path = Path(args.plot) if args.plot else csv_path.with_suffix(".png")
    table_path = csv_path.with_suffix(".md")

    cpu = cpu_description()
    rates = {op: matmul_gflops(ctx, operator=op) for op in ("FullyConnected", "dot")}
    peak = max(rates.values())
    if ctx.device_type == "cpu":
        machine = f"{cpu['model']}, {cpu['cores']} cores at {cpu['mhz']:.0f} MHz"
        theory = theoretical_peak_gflops(cpu["cores"], cpu["mhz"], cpu["flops_per_cycle"])
        print(f"{machine}; theoretical peak {theory:.0f} GFLOP/s "
              f"({cpu['flops_per_cycle']} FLOP/cycle/core assumed)")
    else:
        machine = f"GPU {ctx} (host: {cpu['model']})"
    print(f"MXNet {mx.__version__} on {ctx}: 2048x2048 matrix product "
          + ", ".join(f"{op} {rate:.0f} GFLOP/s" for op, rate in rates.items())
          + f"; peak used below: {peak:.0f} GFLOP/s")

    configs = [BenchmarkConfig(n, T, h, h, args.vocab_size) for h in args.hidden_sizes
               for T in args.seq_lens for n in args.batch_sizes]
    check = compare_implementations(BenchmarkConfig(4, 6, 16, 16, args.vocab_size), ctx,
                                    implementations=args.implementations)
    worst = max(r["max_rel_diff"] for r in check.values())
    if worst > 1e-4:
        print(f"The implementations disagree (largest relative difference {worst:.1e})")
        return 1
    print(f"The implementations agree on loss and gradients (largest relative difference "
          f"{worst:.1e}). Timing {len(configs)} configs x {len(args.implementations)} "
          "implementations:")

    start = time.perf_counter()

    def report(row):
        print(f"  n={row['batch_size']:4d} T={row['seq_len']:4d} h={row['hidden_size']:4d} "
              f"{row['implementation']:13s} {row['steps_per_s']:9.2f} steps/s "
              f"{row['gflops']:7.1f} GFLOP/s", flush=True)

    rows = run_grid(configs, ctx, args.implementations, min_time=args.min_time, progress=report)
    for row in rows:
        row.update({"percent_of_peak": 100 * row["gflops"] / peak, "peak_gflops": peak,
                    "machine": machine, "mxnet": mx.__version__,
                    "omp_num_threads": os.environ.get("OMP_NUM_THREADS", "")})
    write_csv(rows, str(csv_path))

    table = markdown_table(rows, peak)
    ratios = [r["fused_hybrid"] for r in speedups(rows) if "fused_hybrid" in r]
    lines = [f"Steps per second of one training step (forward, backward, SGD update) of an "
             f"LSTM language model (d = h, V = {args.vocab_size}) on {machine}, MXNet "
             f"{mx.__version__}; peak = {peak:.0f} GFLOP/s (2048x2048 matrix product).", "",
             table]
    if ratios:
        lines += ["", f"Fused vs scratch speed-up: {min(ratios):.1f}x to {max(ratios):.1f}x."]
    table_path.write_text("\n".join(lines) + "\n")

    n_plot, T_plot = max(args.batch_sizes), max(args.seq_lens)
    fused = [r for r in rows if r["implementation"] == "fused_hybrid"
             and r["batch_size"] == n_plot and r["seq_len"] == T_plot]
    title = f"One LSTM training step on {ctx}: implementations compared"
    if ratios and fused:
        title = (f"The fused LSTM is {min(ratios):.0f}-{max(ratios):.0f}x faster than scratch "
                 f"and reaches up to {max(r['percent_of_peak'] for r in fused):.0f}% of the measured GEMM peak")
    figure = plot_grid(rows, peak, title, batch_size=n_plot, seq_len=T_plot)
    plot_path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(plot_path, dpi=150, bbox_inches="tight")

    print(f"\n{table}\n")
    if ratios:
        print(lines[-1])
    print(f"{time.perf_counter() - start:.0f} s. Wrote {csv_path}, {plot_path} and {table_path}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
