import csv
import subprocess
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import mxnet as mx  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from mxnet import nd  # noqa: E402

from utils.benchmarking import (IMPLEMENTATIONS, WEIGHT_SHAPES,  # noqa: E402
                                BenchmarkConfig, Timing, build_model,
                                compare_implementations, cpu_description,
                                initial_weights, make_batch, make_train_step,
                                markdown_table, matmul_gflops, plot_grid,
                                profile_operators, run_grid, speedups, step_flops,
                                theoretical_peak_gflops, time_train_step, write_csv)

ROOT = Path(__file__).resolve().parents[1]
TINY = BenchmarkConfig(batch_size=3, seq_len=4, hidden_size=5, embed_size=6, vocab_size=7)
CPU = mx.cpu()


def test_config_rejects_bad_sizes():
    with pytest.raises(ValueError, match="hidden_size"):
        BenchmarkConfig(batch_size=2, seq_len=3, hidden_size=0, embed_size=4)
    with pytest.raises(ValueError, match="batch_size"):
        BenchmarkConfig(batch_size=2.5, seq_len=3, hidden_size=4, embed_size=4)


def test_initial_weights_have_the_documented_shapes():
    weights = initial_weights(TINY, seed=1)
    expected = {"embedding": (7, 6), "W_x": (20, 6), "W_h": (20, 5), "b_x": (20,),
                "b_h": (20,), "W_out": (7, 5), "b_out": (7,)}
    assert {k: v.shape for k, v in weights.items()} == expected
    assert set(weights) == set(WEIGHT_SHAPES)
    assert all(v.dtype == np.float32 for v in weights.values())
    np.testing.assert_array_equal(weights["W_h"], initial_weights(TINY, seed=1)["W_h"])


def test_make_batch_shifts_the_tokens_by_one():
    X, Y = make_batch(TINY, seed=2)
    assert X.shape == Y.shape == (3, 4)
    np.testing.assert_array_equal(X[:, 1:], Y[:, :-1])
    assert 0 <= X.min() and X.max() < 7


@pytest.mark.parametrize("implementation", IMPLEMENTATIONS)
def test_every_model_maps_ids_to_logits_and_keeps_its_weights(implementation):
    weights = initial_weights(TINY)
    net = build_model(implementation, TINY, CPU, weights)
    X, _ = make_batch(TINY)
    assert net(nd.array(X.T)).shape == (4, 3, 7)  # (T, n, V)


def test_build_model_rejects_unknown_names():
    with pytest.raises(ValueError, match="implementation"):
        build_model("numpy", TINY, CPU)
    with pytest.raises(ValueError, match="weights"):
        build_model("cell", TINY, CPU, {**initial_weights(TINY), "W_hy": np.zeros(3)})


def test_the_four_implementations_agree_on_loss_and_gradients():
    results = compare_implementations(TINY, CPU)
    assert list(results) == list(IMPLEMENTATIONS)
    assert abs(results["scratch"]["loss"] - np.log(7)) < 0.5  # near chance at the start
    for result in results.values():
        assert result["max_rel_diff"] < 1e-5


def test_train_step_lowers_the_loss_on_a_fixed_batch():
    step, _ = make_train_step("fused_hybrid", TINY, CPU, learning_rate=1.0)
    X, Y = (nd.array(a) for a in make_batch(TINY))
    losses = [float(step(X, Y).asscalar()) for _ in range(20)]
    assert losses[-1] < losses[0]
    with pytest.raises(ValueError, match="shape"):
        step(X[:, :2], Y[:, :2])
    with pytest.raises(ValueError, match="learning_rate"):
        make_train_step("cell", TINY, CPU, learning_rate=0)


def test_step_flops_counts_three_times_the_forward_products():
    n, T, h, d, V = 3, 4, 5, 6, 7
    assert step_flops(TINY) == 3 * T * (2 * n * 4 * h * (d + h) + 2 * n * h * V)


def test_time_train_step_counts_steps_and_rejects_bad_counts():
    calls = []
    timing = time_train_step(lambda X, Y: calls.append(1), None, None, warmup=2,
                             min_steps=4, min_time=0.0)
    assert isinstance(timing, Timing) and timing.num_steps == 4 and len(calls) == 6
    assert timing.steps_per_second == 1 / timing.median_seconds
    assert 0 <= timing.min_seconds <= timing.median_seconds
    with pytest.raises(ValueError, match="min_steps"):
        time_train_step(lambda X, Y: None, None, None, min_steps=0)
    with pytest.raises(ValueError, match="warmup"):
        time_train_step(lambda X, Y: None, None, None, warmup=-1)


def test_matmul_gflops_is_positive():
    assert matmul_gflops(CPU, size=64, repeats=2) > 0
    assert matmul_gflops(CPU, size=64, repeats=2, operator="dot") > 0
    with pytest.raises(ValueError, match="size"):
        matmul_gflops(CPU, size=0)
    with pytest.raises(ValueError, match="operator"):
        matmul_gflops(CPU, size=8, operator="einsum")


def test_run_grid_keeps_the_fastest_of_interleaved_rounds(monkeypatch):
    import utils.benchmarking as benchmarking
    calls = []
    medians = iter([0.4, 0.2, 0.1, 0.5, 0.3, 0.2, 0.2, 0.4])  # 4 implementations x 2 rounds

    def fake_timing(step, X, Y, warmup=2, **kwargs):
        calls.append(warmup)
        median = next(medians)
        return benchmarking.Timing(median, median, 3)

    monkeypatch.setattr(benchmarking, "time_train_step", fake_timing)
    rows = run_grid([BenchmarkConfig(2, 3, 4, 4, 5)], CPU, rounds=2)
    assert calls == [2, 2, 2, 2, 0, 0, 0, 0]  # warm up in the first round only
    # round 1: 0.4 0.2 0.1 0.5, round 2: 0.3 0.2 0.2 0.4 -> fastest 0.3 0.2 0.1 0.4
    assert [round(r["ms_per_step"]) for r in rows] == [300, 200, 100, 400]
    with pytest.raises(ValueError, match="rounds"):
        run_grid([BenchmarkConfig(2, 3, 4, 4, 5)], CPU, rounds=0)


def test_cpu_description_reads_cpuinfo(tmp_path):
    cpuinfo = tmp_path / "cpuinfo"
    block = "processor\t: {}\nmodel name\t: Test CPU\ncpu MHz\t\t: 2000.0\nflags\t\t: fma avx2\n\n"
    cpuinfo.write_text(block.format(0) + block.format(1))
    info = cpu_description(str(cpuinfo))
    assert {k: info[k] for k in ("model", "cores", "mhz", "flops_per_cycle")} == {
        "model": "Test CPU", "cores": 2, "mhz": 2000.0, "flops_per_cycle": 32}
    assert "AVX2" in info["basis"]
    assert cpu_description(str(tmp_path / "missing"))["cores"] >= 1
    # two logical CPUs that are SMT siblings of one core; AVX-512 on AMD runs on 256-bit pipes
    block = ("processor\t: {}\nvendor_id\t: AuthenticAMD\nmodel name\t: Zen 4\nphysical id\t: 0\n"
             "cpu cores\t: 1\nflags\t\t: fma avx2 avx512f\n\n")
    cpuinfo.write_text(block.format(0) + block.format(1))
    info = cpu_description(str(cpuinfo))
    assert (info["cores"], info["flops_per_cycle"]) == (1, 32)
    cpuinfo.write_text(block.replace("AuthenticAMD", "GenuineIntel").format(0))
    assert cpu_description(str(cpuinfo))["flops_per_cycle"] == 64


def test_theoretical_peak_multiplies_and_rejects_zero():
    assert theoretical_peak_gflops(2, 2000.0, 32) == 128.0
    with pytest.raises(ValueError, match="mhz"):
        theoretical_peak_gflops(2, 0.0, 32)


def test_run_grid_tables_and_plot(tmp_path):
    configs = [BenchmarkConfig(2, 3, h, h, 5) for h in (4, 8)]
    rows = run_grid(configs, CPU, min_time=0.0, min_steps=1)
    assert len(rows) == 8 and {r["implementation"] for r in rows} == set(IMPLEMENTATIONS)
    assert all(r["steps_per_s"] > 0 and r["gflops"] > 0 for r in rows)
    ratios = speedups(rows)
    assert len(ratios) == 2 and all(r["scratch"] == 1.0 for r in ratios)
    table = markdown_table(rows, peak_gflops=100.0)
    assert table.count("\n") == 3 and "fused / scratch" in table and "% of GEMM peak" in table
    write_csv(rows, str(tmp_path / "out" / "grid.csv"))
    with open(tmp_path / "out" / "grid.csv") as f:
        assert len(list(csv.DictReader(f))) == 8
    figure = plot_grid(rows, 100.0, "Takeaway")
    assert figure._suptitle.get_text() == "Takeaway" and len(figure.axes) >= 2
    plt.close(figure)
    with pytest.raises(ValueError, match="rows"):
        write_csv([], str(tmp_path / "empty.csv"))
    with pytest.raises(ValueError, match="peak_gflops"):
        plot_grid(rows, 0.0, "x")
    with pytest.raises(ValueError, match="implementation"):
        run_grid(configs, CPU, implementations=["fast"])


def test_profile_operators_ranks_operators():
    step, _ = make_train_step("cell", TINY, CPU)
    X, Y = (nd.array(a) for a in make_batch(TINY))
    table = profile_operators(step, X, Y, num_steps=2, top=5)
    assert 1 <= len(table) <= 5
    assert [r["total_ms"] for r in table] == sorted((r["total_ms"] for r in table), reverse=True)
    assert all(0 <= r["share"] <= 1 and r["calls"] >= 1 for r in table)
    top_ms = sum(r["total_ms"] for r in table) / 2
    assert table[0]["operator_ms_per_step"] >= top_ms * (1 - 1e-9)  # all operators >= the top ones
    assert table[0]["wall_ms_per_step"] > 0
    with pytest.raises(ValueError, match="num_steps"):
        profile_operators(step, X, Y, num_steps=0)
    fused, _ = make_train_step("fused_hybrid", TINY, CPU)
    labels = [r["label"] for r in profile_operators(fused, X, Y, num_steps=1, top=3)]
    assert any("RNN" in label and "," not in label for label in labels), labels


def test_script_runs_a_tiny_grid(tmp_path):
    out = tmp_path / "bench.csv"
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "rnn_benchmark.py"), "--hidden-sizes", "8",
         "--seq-lens", "3", "--batch-sizes", "2", "--min-time", "0.01", "--device", "cpu",
         "--output", str(out)], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert out.exists() and out.with_suffix(".png").exists() and out.with_suffix(".md").exists()
    assert "agree" in result.stdout


def test_best_seconds_keeps_each_functions_fastest_interleaved_round():
    from utils.benchmarking import best_seconds
    ticks = iter([0, 3, 3, 4, 4, 5, 5, 9])  # (start, stop) pairs: f 3, g 1, f 1, g 4
    order = []
    times = best_seconds([lambda: order.append("f"), lambda: order.append("g")], rounds=2,
                         clock=lambda: next(ticks))
    assert order == ["f", "g", "f", "g"]  # the rounds are interleaved
    assert times.tolist() == [1, 1]
    with pytest.raises(ValueError, match="rounds"):
        best_seconds([lambda: None], rounds=0)


def test_cost_clock_is_cpu_time_on_the_cpu():
    import time
    from utils.benchmarking import cost_clock
    assert cost_clock(CPU) == (time.process_time, "CPU time")
    assert cost_clock(mx.gpu(0)) == (time.perf_counter, "time")


def test_peak_memory_kb_sees_an_allocation_that_is_alive_at_the_end():
    from utils.benchmarking import peak_memory_kb
    kept = []
    small = peak_memory_kb(lambda: kept.append(nd.ones((16,), ctx=CPU)), CPU)
    large = peak_memory_kb(lambda: kept.append(nd.ones((1 << 18,), ctx=CPU)), CPU)  # 1 MiB
    assert large >= 1000 and large > small
