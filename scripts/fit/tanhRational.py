# Fits the trainer's rational tanh (dev-only; needs numpy and scipy): a minimax fit by bisection
# on the largest error, each step a linear feasibility problem (scipy HiGHS) over ~8,000 points.
# Run: python3 scripts/fit/tanhRational.py
import numpy as np, sys
from scipy.optimize import linprog
from numpy.polynomial import chebyshev as Ch, polynomial as Po

def fit(m, n, C, N=4000, unit_slope=True):
    xs = np.unique(np.concatenate([C*np.sin(np.linspace(0, np.pi/2, N)), np.linspace(0, C, N)]))[1:]
    ys = (xs/C)**2
    t = np.tanh(xs)
    T = lambda k, y: np.cos(k*np.arccos(np.clip(2*y-1, -1, 1)))
    Pb = np.stack([xs*T(k, ys) for k in range(m+1)], 1)
    Qb = np.stack([T(k, ys) for k in range(n+1)], 1)
    # value at y=0 of T_k(2y-1) = T_k(-1) = (-1)^k
    s0p = np.array([(-1)**k for k in range(m+1)], float)
    s0q = np.array([(-1)**k for k in range(n+1)], float)
    def feasible(d):
        A1 = np.hstack([-Pb, (t[:,None]-d)*Qb])
        A2 = np.hstack([Pb, (-t[:,None]-d)*Qb])
        A3 = np.hstack([np.zeros_like(Pb), -Qb])
        A = np.vstack([A1, A2, A3]); b = np.concatenate([np.zeros(len(xs)*2), -np.ones(len(xs))])
        Aeq = [np.concatenate([s0p, -s0q])] if unit_slope else None
        r = linprog(np.zeros(m+n+2), A_ub=A, b_ub=b, A_eq=Aeq, b_eq=[0.0] if unit_slope else None,
                    bounds=[(None, None)]*(m+n+2), method='highs',
                    options={'primal_feasibility_tolerance': 1e-10, 'dual_feasibility_tolerance':1e-10})
        return r.x if r.status == 0 else None
    lo, hi, best = 1e-12, 1e-2, None
    for _ in range(45):
        mid = np.sqrt(lo*hi)
        x = feasible(mid)
        if x is None: lo = mid
        else: hi, best = mid, x
    return hi, best

def tomono(c, C):
    u = Ch.cheb2poly(c)
    res = np.zeros(len(c))
    for k, a in enumerate(u):
        res[:k+1] += a * Po.polypow([-1, 2], k)
    return np.array([res[k] / C**(2*k) for k in range(len(c))])

def evaluate(P, Q, C, xs):
    c = np.clip(xs, -C, C); c2 = c*c
    return c*Po.polyval(c2, P) / Po.polyval(c2, Q)

if __name__ == '__main__':
    # The trainer's tanh (src/core/train/fastMath.ts): x·P(x²)/Q(x²), degrees 4 and 4 in x², on
    # [−9, 9], slope 1 at 0; printed scaled so that Q is monic, as fastMath.ts writes them.
    m, n, C = 4, 4, 9.0
    d, x = fit(m, n, C)
    P = tomono(x[:m+1], C); Q = tomono(x[m+1:], C)
    P, Q = P/Q[n], Q/Q[n]
    xs = np.linspace(0, 40, 4_000_001)
    err = np.max(np.abs(evaluate(P, Q, C, xs) - np.tanh(xs)))
    print(f"// fit {d:.3e}, largest error on [0, 40] {err:.3e}")
    for i, a in enumerate(P): print(f"const A{i} = {float(a)!r};")
    for i, b in enumerate(Q[1:n], 1): print(f"const B{i} = {float(b)!r};")
