"""Each check of notebook 04's exercises accepts the right answer, rejects a plausible wrong one,
and stays silent on None."""
from mxnet import nd



def backprop_through_time(params, X, Y, activation="tanh", last_only=False):
    """Hand BPTT for the Elman tagger of notebook 04 (tanh or ReLU; loss at every step or at T)."""
    phi = nd.tanh if activation == "tanh" else nd.relu
    n, q = X.shape[1], params["W_hq"].shape[1]
    H = nd.zeros((n, params["W_hh"].shape[0]), ctx=X.context, dtype=X.dtype)
    states, pre, dO = [H], [], []
    for t, (X_t, Y_t) in enumerate(zip(X, Y)):
        Z = nd.dot(X_t, params["W_xh"]) + nd.dot(H, params["W_hh"]) + params["b_h"]
        H = phi(Z)
        states.append(H)
        pre.append(Z)
        P = nd.softmax(nd.dot(H, params["W_hq"]) + params["b_q"])
        grad = (P - nd.one_hot(Y_t, q, dtype=X.dtype)) / n
        dO.append(grad * 0 if last_only and t < len(X) - 1 else grad)
    delta, delta_next = [None] * len(X), nd.zeros_like(states[0])
    for t in reversed(range(len(X))):
        slope = 1 - states[t + 1] ** 2 if activation == "tanh" else (pre[t] > 0)
        delta[t] = (nd.dot(dO[t], params["W_hq"], transpose_b=True)
                    + nd.dot(delta_next, params["W_hh"], transpose_b=True)) * slope
        delta_next = delta[t]

    def over_steps(A, B):
        return nd.dot(nd.concat(*A, dim=0), nd.concat(*B, dim=0), transpose_a=True)

    return {"W_xh": over_steps(list(X), delta), "W_hh": over_steps(states[:-1], delta),
            "b_h": nd.concat(*delta, dim=0).sum(axis=0),
            "W_hq": over_steps(states[1:], dO), "b_q": nd.concat(*dO, dim=0).sum(axis=0)}


RIGHT_AND_WRONG = {
    "04.1": (lambda p, X, Y: backprop_through_time(p, X, Y, "relu"),
             [lambda p, X, Y: backprop_through_time(p, X, Y, "tanh")]),
    "04.2": (lambda p, X, Y: backprop_through_time(p, X, Y, "tanh", last_only=True),
             [lambda p, X, Y: backprop_through_time(p, X, Y, "tanh")]),
    "04.4": (11 / 1001, [0.01, 1 - 11 / 1001]),
    "04.5": (256 * 19 * 16 * 16 * 16, [256 * 16 ** 4, 19 * 16 * 16 * 16, 2 * 256 * 19 * 16 * 16 * 16]),
}
