import random

import mxnet as mx
import numpy as np
import pytest

from utils import DEVICE_VARIABLE, device, get_context, set_seed, start_notebook


def test_cpu_by_name_and_by_environment(monkeypatch):
    assert get_context("cpu") == mx.cpu()
    assert get_context(" CPU ") == mx.cpu()
    monkeypatch.setenv(DEVICE_VARIABLE, "cpu")
    assert get_context() == mx.cpu()


def test_auto_follows_the_gpu_count(monkeypatch):
    monkeypatch.delenv(DEVICE_VARIABLE, raising=False)
    monkeypatch.setattr(mx.context, "num_gpus", lambda: 0)
    assert get_context() == mx.cpu()
    monkeypatch.setattr(mx.context, "num_gpus", lambda: 2)
    monkeypatch.setattr(device, "gpu_problem", lambda: None)
    assert get_context("auto") == mx.gpu(0)
    assert get_context("gpu") == mx.gpu(0)


def test_a_gpu_that_cannot_run_mxnet_kernels(monkeypatch):
    """On a Hopper GPU MXNet 1.9.1 sees the GPU, but every kernel fails: auto falls back
    to the CPU with a warning, gpu says why."""
    monkeypatch.setattr(mx.context, "num_gpus", lambda: 1)
    monkeypatch.setattr(device, "gpu_problem",
                        lambda: "no kernel image is available for execution on the device")
    with pytest.warns(RuntimeWarning, match="Hopper"):
        assert get_context("auto") == mx.cpu()
    with pytest.raises(RuntimeError, match="no kernel image"):
        get_context("gpu")


def test_gpu_problem_reports_the_error_of_a_failing_kernel(monkeypatch):
    def failing(*args, **kwargs):
        raise mx.base.MXNetError("[12:00:00] src/x.h:1120: Check failed: err == cudaSuccess "
                                 "(209 vs. 0) : mxnet_generic_kernel ErrStr:no kernel image is "
                                 "available for execution on the device\nStack trace: ...")
    monkeypatch.setattr(mx.nd, "ones", failing)
    assert device.gpu_problem() == "no kernel image is available for execution on the device"


def test_gpu_without_gpu_raises(monkeypatch):
    monkeypatch.setattr(mx.context, "num_gpus", lambda: 0)
    with pytest.raises(RuntimeError, match="mxnet-cu117"):
        get_context("gpu")
    monkeypatch.setenv(DEVICE_VARIABLE, "gpu")
    with pytest.raises(RuntimeError, match=DEVICE_VARIABLE):
        get_context()


def test_unknown_device_names_the_source(monkeypatch):
    with pytest.raises(ValueError, match="argument 'name'.*'tpu'"):
        get_context("tpu")
    monkeypatch.setenv(DEVICE_VARIABLE, "cuda")
    with pytest.raises(ValueError, match=f"{DEVICE_VARIABLE}.*'cuda'"):
        get_context()


def draw_everything():
    return (random.random(), np.random.rand(), mx.nd.random.uniform(shape=(3,)).asnumpy())


def test_set_seed_repeats_every_generator():
    set_seed(7)
    first = draw_everything()
    set_seed(7)
    second = draw_everything()
    assert first[0] == second[0] and first[1] == second[1]
    np.testing.assert_array_equal(first[2], second[2])
    set_seed(8)
    assert draw_everything()[0] != first[0]


@pytest.mark.parametrize("seed", [-1, 1.5, "3", True])
def test_set_seed_rejects_bad_seeds(seed):
    with pytest.raises(ValueError, match="seed"):
        set_seed(seed)


def test_start_notebook_prints_versions_and_returns_context(monkeypatch, capsys):
    monkeypatch.setenv(DEVICE_VARIABLE, "cpu")
    assert start_notebook(3) == mx.cpu()
    out = capsys.readouterr().out
    assert "MXNet 1.9.1" in out and "cpu(0)" in out and "seed 3" in out


def test_seed_shift_moves_every_seed(monkeypatch):
    from utils import SEED_VARIABLE, make_parity, rng, shifted_seed
    monkeypatch.delenv(SEED_VARIABLE, raising=False)
    assert shifted_seed(5) == 5
    base_draw, base_data = rng(5).random(), make_parity(3, 4, seed=5)[0]
    set_seed(5)
    base_global = draw_everything()
    monkeypatch.setenv(SEED_VARIABLE, "2")
    assert shifted_seed(5) == 20005
    assert rng(5).random() == np.random.default_rng(20005).random() != base_draw
    assert not np.array_equal(make_parity(3, 4, seed=5)[0], base_data)
    set_seed(5)
    assert draw_everything()[1] != base_global[1]
    monkeypatch.setenv(SEED_VARIABLE, "0")
    set_seed(5)
    assert draw_everything()[1] == base_global[1]


@pytest.mark.parametrize("value", ["-1", "one", "1.5"])
def test_bad_seed_shift_names_the_variable(monkeypatch, value):
    from utils import SEED_VARIABLE
    monkeypatch.setenv(SEED_VARIABLE, value)
    with pytest.raises(ValueError, match=SEED_VARIABLE):
        set_seed(0)


def test_start_notebook_prints_the_seed_shift(monkeypatch, capsys):
    monkeypatch.setenv(DEVICE_VARIABLE, "cpu")
    monkeypatch.setenv("GLUON_RNN_SEED", "1")
    start_notebook(0)
    assert "GLUON_RNN_SEED=1 (every seed shifted)" in capsys.readouterr().out
