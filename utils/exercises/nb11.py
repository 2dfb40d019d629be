"""Checks for the exercises of notebook 11 (performance)."""
from . import _, close, exercise


def _step_flops(n: int, T: int, h: int, d: int, V: int) -> float:
    """3 x forward: per time step 2 n 4h (d + h) for the gates and 2 n h V for the decoder."""
    return 3.0 * T * (2 * n * 4 * h * (d + h) + 2 * n * h * V)


@exercise("11.1")
def check_1(answer):
    target = _step_flops(1, 32, 256, 256, 128) / 1e9
    # tolerance: the answer in GFLOP rounded to three significant digits
    if close(answer, target, 5e-3 * target):
        return True, _("3 T (8 n h (d + h) + 2 n h V) = {target:.4f} GFLOP at n = 1: the work is "
                       "proportional to n, so a batch of 1 does 1/32 of the work of n = 32 (0.107 "
                       "against 3.42 GFLOP), while the number of operator calls stays the same.",
                       target=target)
    if close(answer, target / 3, 5e-3 * target):
        return False, _("that is the forward pass alone; the backward pass costs two products per forward one (3x in all).")
    if close(answer, 32 * target, 5e-3 * target):
        return False, _("that is the work at n = 32; the exercise sets the batch size to 1.")
    return False, _("use FLOPs per step = 3 T (2 n 4h (d + h) + 2 n h V) with n = 1, T = 32, h = d = 256, V = 128, in GFLOP.")


@exercise("11.2")
def check_2(answer):
    n, h, word = 8, 512, 4  # float32: 4 bytes
    flops = 2 * n * h * 4 * h
    moved = word * (4 * h * h + n * h + n * 4 * h)  # read W (h x 4h) and H (n x h), write (n x 4h)
    target = flops / moved
    # tolerance: two significant digits
    if close(answer, target, 0.05):
        return True, _("{flops:,} FLOPs over {moved:,} bytes = {target:.2f} FLOP per byte, about "
                       "n / 2: every weight is read once and used for only n = 8 multiply-adds. "
                       "Read from main memory, at a few bytes per cycle, the weights would limit "
                       "this product, not the arithmetic; but they take 16 h^2 bytes, 4 MiB at "
                       "h = 512, which a large L3 cache can keep from one time step to the next, "
                       "and caches deliver several times more bytes per cycle. Which one limits it "
                       "depends on where the weights live.",
                       flops=flops, moved=moved, target=target)
    if close(answer, flops / (4 * h * h + n * h + n * 4 * h), 0.2):
        return False, _("that divides by a count of numbers; float32 numbers are 4 bytes each.")
    return False, _("FLOPs 2 n h 4h; bytes: 4 x (the h x 4h weights + the n x h input + the n x 4h output).")


@exercise("11.3")
def check_3(answer):
    per_gate_scratch = 4 * 2 + 1  # each gate: X_t W_x and H W_h; plus the decoder
    fused_gates = 2 + 1           # X_t [W_xi .. W_xo], H [W_hi .. W_ho], decoder
    scratch, one_product = (int(v) for v in answer)
    if (scratch, one_product) == (per_gate_scratch, fused_gates):
        return True, _("the loop makes two products per gate (input and recurrent) for four gates "
                       "plus the decoder's, 9; with the gates stacked into d x 4h and h x 4h "
                       "matrices it makes 3, each four times as wide.")
    if scratch == 8:
        return False, _("the decoder's product H_t W_hq is inside the loop too.")
    if one_product in (1, 2):
        return False, _("the input and the recurrent products stay separate (or you concatenate "
                        "[X_t, H_{t-1}] first, an extra call); and the decoder keeps its own product.")
    return False, _("count the nd.dot calls in the loop body of ScratchLSTMLM.forward.")


@exercise("11.4")
def check_4(answer):
    cores, ghz, fma_units, lanes = 2, 3.0, 2, 8  # AVX2: 256-bit registers, 8 float32 lanes
    target = cores * ghz * fma_units * lanes * 2
    if close(answer, target, 0.5):
        return True, _("2 FMA units x 8 lanes x 2 FLOPs (multiply and add) = 32 FLOPs per cycle "
                       "and core; x 3.0 GHz x 2 cores = {target:.0f} GFLOP/s.", target=target)
    if close(answer, target / 2, 0.5):
        return False, _("a fused multiply-add counts as 2 FLOPs (or: there are two FMA units).")
    if close(answer, 2 * target, 0.5):
        return False, _("AVX2 registers are 256 bits, 8 float32 lanes, not AVX-512's 16.")
    return False, _("peak = cores x clock x FMA units x lanes x 2.")
