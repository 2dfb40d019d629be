"""Pick the MXNet context for the whole collection from one place."""
import os

import mxnet as mx

DEVICE_VARIABLE = "GLUON_RNN_DEVICE"
DEVICE_CHOICES = ("auto", "cpu", "gpu")


def get_context(name: "str | None" = None) -> mx.Context:
    """Return the MXNet context to run on.

    ``name`` is ``"cpu"``, ``"gpu"`` or ``"auto"``; when it is ``None`` the
    environment variable ``GLUON_RNN_DEVICE`` is read (default ``"auto"``).
    ``auto`` takes GPU 0 when MXNet sees one and the CPU otherwise.

    Raises ``ValueError`` for an unknown name and ``RuntimeError`` when a GPU
    is asked for but MXNet sees none (for example, the CPU wheel ``mxnet`` is
    installed instead of ``mxnet-cu117``).
    """
    source = "argument 'name'"
    if name is None:
        name = os.environ.get(DEVICE_VARIABLE, "auto")
        source = f"environment variable {DEVICE_VARIABLE}"
    choice = str(name).strip().lower()
    if choice not in DEVICE_CHOICES:
        raise ValueError(
            f"{source} must be one of {', '.join(DEVICE_CHOICES)}; got {name!r}")
    gpus = mx.context.num_gpus()
    if choice == "gpu" and gpus == 0:
        raise RuntimeError(
            f"{source} asks for 'gpu', but MXNet sees no GPU. Install the CUDA "
            "build (pip install mxnet-cu117==1.9.1 in place of mxnet) on a "
            "machine with an NVIDIA driver, or use 'cpu' or 'auto'.")
    if choice == "gpu" or (choice == "auto" and gpus > 0):
        return mx.gpu(0)
    return mx.cpu()
