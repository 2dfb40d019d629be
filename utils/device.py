"""Pick the MXNet context for the whole collection from one place."""
import os
import warnings

import mxnet as mx

DEVICE_VARIABLE = "GLUON_RNN_DEVICE"
DEVICE_CHOICES = ("auto", "cpu", "gpu")


def get_context(name: "str | None" = None) -> mx.Context:
    """Return the MXNet context to run on.

    ``name`` is ``"cpu"``, ``"gpu"`` or ``"auto"``; when it is ``None`` the
    environment variable ``GLUON_RNN_DEVICE`` is read (default ``"auto"``).
    ``auto`` takes GPU 0 when MXNet sees one that runs its kernels and the CPU
    otherwise (with a warning when the GPU is seen but cannot run them).

    Raises ``ValueError`` for an unknown name and ``RuntimeError`` when a GPU
    is asked for but MXNet sees none (for example, the CPU wheel ``mxnet`` is
    installed instead of ``mxnet-cu117``) or cannot run its kernels on it (a
    Hopper GPU, H100 or H200: MXNet 1.9.1 ships code up to sm_86 only).
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
        problem = gpu_problem()
        if problem is None:
            return mx.gpu(0)
        message = (f"MXNet sees a GPU but cannot run its kernels there ({problem}). MXNet 1.9.1's "
                   "GPU builds carry code for compute capability 8.6 and lower, not for Hopper "
                   "(H100, H200) or newer")
        if choice == "gpu":
            raise RuntimeError(f"{source} asks for 'gpu': {message}; use 'cpu' or 'auto'.")
        warnings.warn(f"{message}; running on the CPU.", RuntimeWarning, stacklevel=2)
    return mx.cpu()


def gpu_problem() -> "str | None":
    """Run one tiny kernel on GPU 0: ``None`` when it works, else the error's first line
    (on a Hopper GPU: ``no kernel image is available for execution on the device``)."""
    try:
        (mx.nd.ones((1,), ctx=mx.gpu(0)) * 2).asnumpy()
    except mx.base.MXNetError as error:
        lines = [line for line in str(error).splitlines() if line.strip()]
        text = next((line for line in lines if "ErrStr:" in line), lines[0] if lines else "")
        return text.split("ErrStr:")[-1].strip()[:200]
    return None
