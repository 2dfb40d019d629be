import math

import matplotlib.pyplot as plt
import mxnet as mx
import numpy as np
import pytest
from mxnet import gluon
from mxnet.gluon import nn

from utils import fit, predict, set_seed


def regression_problem():
    set_seed(0)
    X = np.random.rand(256, 3).astype(np.float32)
    Y = X @ np.array([1.0, -2.0, 0.5], dtype=np.float32)
    data = gluon.data.DataLoader(gluon.data.ArrayDataset(X, Y), batch_size=32, shuffle=True)
    net = nn.Dense(1, in_units=3)
    net.initialize(ctx=mx.cpu())
    return X, Y, data, net


def test_fit_learns_and_records_every_step():
    X, Y, data, net = regression_problem()
    trainer = gluon.Trainer(net.collect_params(), "adam", {"learning_rate": 0.05})
    history = fit(net, data, gluon.loss.L2Loss(), trainer, num_epochs=30, ctx=mx.cpu(),
                  evaluate=lambda n: {"mse": float(((predict(n, X, ctx=mx.cpu())[:, 0] - Y) ** 2).mean())},
                  show_progress=False)
    assert len(history.train_loss) == 30 and len(history.metrics["mse"]) == 30
    assert len(history.grad_norms) == 30 * 8
    assert len(history.seconds_per_epoch) == 30 and history.samples_per_second > 0
    assert history.metrics["mse"][-1] < 0.01 < history.metrics["mse"][0]


def test_fit_clips_the_global_gradient_norm():
    X, Y, data, net = regression_problem()
    trainer = gluon.Trainer(net.collect_params(), "sgd", {"learning_rate": 0.0})
    clipped = []
    original_step = trainer.step

    def step_and_measure(batch_size):
        grads = [p.grad() for p in net.collect_params().values()]
        clipped.append(math.sqrt(sum(float((g ** 2).sum().asscalar()) for g in grads)))
        original_step(batch_size)

    trainer.step = step_and_measure
    history = fit(net, data, gluon.loss.L2Loss(), trainer, num_epochs=1, ctx=mx.cpu(),
                  clip_norm=1e-3, show_progress=False)
    assert min(history.grad_norms) > 1e-3  # the norms recorded are before clipping
    np.testing.assert_allclose(clipped, 1e-3, rtol=1e-3)


def test_fit_draws_one_progress_figure(capsys):
    _, _, data, net = regression_problem()
    trainer = gluon.Trainer(net.collect_params(), "adam", {"learning_rate": 0.05})
    plt.close("all")
    fit(net, data, gluon.loss.L2Loss(), trainer, num_epochs=2, ctx=mx.cpu(), title="Takeaway")
    assert len(plt.get_fignums()) == 1
    figure = plt.figure(plt.get_fignums()[0])
    assert figure._suptitle.get_text() == "Takeaway"
    assert figure.axes[0].get_ylabel() == "loss"
    assert "s/epoch" in capsys.readouterr().out
    plt.close("all")


def test_fit_is_silent_when_not_verbose(capsys):
    _, _, data, net = regression_problem()
    trainer = gluon.Trainer(net.collect_params(), "sgd", {"learning_rate": 0.01})
    fit(net, data, gluon.loss.L2Loss(), trainer, num_epochs=1, ctx=mx.cpu(),
        show_progress=False, verbose=False)
    assert capsys.readouterr().out == ""
    fit(net, data, gluon.loss.L2Loss(), trainer, num_epochs=1, ctx=mx.cpu(), show_progress=False)
    assert "s/epoch" in capsys.readouterr().out


@pytest.mark.parametrize("kwargs, name", [({"num_epochs": 0}, "num_epochs"),
                                          ({"num_epochs": 1, "clip_norm": 0}, "clip_norm")])
def test_fit_rejects_bad_arguments(kwargs, name):
    _, _, data, net = regression_problem()
    trainer = gluon.Trainer(net.collect_params(), "sgd")
    with pytest.raises(ValueError, match=name):
        fit(net, data, gluon.loss.L2Loss(), trainer, ctx=mx.cpu(), **kwargs)


def test_predict_batches_like_one_call():
    X, _, _, net = regression_problem()
    whole = net(mx.nd.array(X)).asnumpy()
    np.testing.assert_allclose(predict(net, X, batch_size=7, ctx=mx.cpu()), whole, rtol=1e-6)
    with pytest.raises(ValueError, match="batch_size"):
        predict(net, X, batch_size=0)
    with pytest.raises(ValueError, match="X"):
        predict(net, X[:0])
