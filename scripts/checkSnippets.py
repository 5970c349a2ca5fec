#!/usr/bin/python3
"""Runs the generated NumPy and PyTorch implementations against the catalog (dev-only, by hand).

    node scripts/build.mjs --only=core && /usr/bin/python3 scripts/checkSnippets.py

For every catalog entry, at its default parameters and at one other value of each parameter,
the code that "Insert Activation Implementation" writes is executed:
  * NumPy: f and f' (the `_grad` function) on a grid against the catalog's f and df, with
    floating-point warnings turned into errors (an overflow in an unused `np.where` branch fails);
    vector entries against the catalog's `apply`, and their `_vjp` against finite differences.
  * PyTorch (float64): the module's output against f, and autograd's gradient against df (a NaN
    gradient from an unused `torch.where` branch fails).
Tolerance: |got - want| <= 1e-9 * max(1, |want|) (1e-6 for finite-difference checks).
Needs numpy; torch is optional (apt: python3-numpy, python3-torch). Not part of CI.
"""
import json
import math
import subprocess
import sys
from pathlib import Path

import numpy as np

try:
    import torch
except ImportError:  # The PyTorch half is skipped, and said so.
    torch = None

ROOT = Path(__file__).resolve().parent.parent

# Asks the built core for the cases: generated code and the catalog's values on a grid.
DUMP = r"""
const c = require(process.argv[1]);
const grid = [];
for (let i = 0; i <= 1600; i++) grid.push(-8 + i * 0.01 + 1.234e-4);
const far = [-60, -30, 30, 60];
const enc = (v) => (v === Infinity ? 'inf' : v === -Infinity ? '-inf' : v);
const out = [];
for (const e of c.listActivations()) {
  const sets = [c.defaultParams(e.id)];
  for (const p of e.params) {
    const v = p.min + 0.37 * (p.max - p.min);
    if (v !== p.default && (p.valid?.min === undefined || v > p.valid.min)) sets.push({ ...sets[0], [p.name]: v });
  }
  for (const params of sets) {
    const py = Object.fromEntries(Object.entries(params).map(([k, v]) => [c.pyParamName(k), enc(v)]));
    const code = {};
    for (const fw of ['numpy', 'pytorch']) {
      const impl = c.generateImplementation(e, fw, params);
      code[fw] = impl ? { text: c.implementationText(impl), name: impl.name } : null;
    }
    const item = { id: e.id, kind: e.kind, params: py, code };
    if (e.kind === 'elementwise') {
      const xs = [...grid, ...far];
      item.xs = xs;
      item.f = xs.map((x) => enc(e.f(x, params)));
      item.df = xs.map((x) => enc(e.df(x, params)));
      item.kinks = e.kinks(params).filter(Number.isFinite);
    } else {
      const rows = [[0.5, -1.2, 3.0, 0.0], [10, 10.5, -3, 2], [-2, 0.3, 0.3, 1.7], [400, -400, 1, 0]];
      item.rows = rows;
      item.out = rows.map((r) => e.apply(r, params));
    }
    out.push(item);
  }
}
process.stdout.write(JSON.stringify(out));
"""


def dec(v):
    return float(v) if isinstance(v, str) else v


def close(got, want, tol=1e-9):
    got = np.asarray(got, dtype=float)
    want = np.asarray(want, dtype=float)
    return np.abs(got - want) <= tol * np.maximum(1.0, np.abs(want))


def worst(got, want):
    got = np.asarray(got, dtype=float)
    want = np.asarray(want, dtype=float)
    err = (np.abs(got - want) / np.maximum(1.0, np.abs(want))).ravel()
    i = int(np.argmax(np.where(np.isnan(err), np.inf, err)))
    return float(err[i]), i


def load(code):
    ns = {}
    exec(compile(code, "<generated>", "exec"), ns)  # noqa: S102 - our own generated code
    return ns


def check_numpy_elementwise(case, fails):
    src = case["code"]["numpy"]
    ns = load(src["text"])
    f, grad = ns[src["name"]], ns[src["name"] + "_grad"]
    xs = np.array(case["xs"])
    params = {k: dec(v) for k, v in case["params"].items()}
    want_f = np.array([dec(v) for v in case["f"]])
    want_df = np.array([dec(v) for v in case["df"]])
    away = np.all(np.abs(xs[:, None] - np.array(case["kinks"] or [1e300])[None, :]) > 1e-6, axis=1)
    # Underflow to 0 (e^-1800) is harmless; overflow, 0/0 and division by zero are not.
    with np.errstate(over="raise", invalid="raise", divide="raise", under="ignore"):
        got_f = f(xs, **params)
        got_df = grad(xs, **params)
    ok_f = close(got_f, want_f)
    ok_df = close(got_df, want_df) | ~away
    if not ok_f.all():
        err, i = worst(got_f, want_f)
        fails.append(f"numpy {case['id']} {params}: f off by {err:.2e} at x={xs[i]}")
    if not ok_df.all():
        err, i = worst(np.where(away, got_df, want_df), want_df)
        fails.append(f"numpy {case['id']} {params}: f' off by {err:.2e} at x={xs[i]}")
    return max(worst(got_f, want_f)[0], worst(np.where(away, got_df, want_df), want_df)[0])


def check_torch_elementwise(case, fails):
    src = case["code"]["pytorch"]
    ns = load(src["text"])
    params = {k: dec(v) for k, v in case["params"].items()}
    module = ns[src["name"]](**params).double()
    xs = torch.tensor(case["xs"], dtype=torch.float64, requires_grad=True)
    y = module(xs)
    (g,) = torch.autograd.grad(y.sum(), xs)
    got_f = y.detach().numpy()
    got_df = g.numpy()
    want_f = np.array([dec(v) for v in case["f"]])
    want_df = np.array([dec(v) for v in case["df"]])
    x = np.array(case["xs"])
    away = np.all(np.abs(x[:, None] - np.array(case["kinks"] or [1e300])[None, :]) > 1e-6, axis=1)
    if not close(got_f, want_f).all():
        err, i = worst(got_f, want_f)
        fails.append(f"torch {case['id']} {params}: f off by {err:.2e} at x={x[i]}")
    if np.isnan(got_df).any() or not (close(got_df, want_df) | ~away).all():
        err, i = worst(np.where(away, got_df, want_df), want_df)
        fails.append(f"torch {case['id']} {params}: autograd f' off by {err:.2e} at x={x[i]}")
    return max(worst(got_f, want_f)[0], worst(np.where(away, got_df, want_df), want_df)[0])


def check_numpy_vector(case, fails):
    src = case["code"]["numpy"]
    ns = load(src["text"])
    f, vjp = ns[src["name"]], ns[src["name"] + "_vjp"]
    params = {k: dec(v) for k, v in case["params"].items()}
    rows = np.array(case["rows"], dtype=float)
    with np.errstate(over="raise", invalid="raise", divide="raise", under="ignore"):
        got = f(rows, **params)
    want = np.array(case["out"], dtype=float)
    err = 0.0
    if got.shape != want.shape or not close(got, want).all():
        fails.append(f"numpy {case['id']}: output differs from the catalog")
    else:
        err = worst(got, want)[0]
    # The vector-Jacobian product against central differences of the generated f itself.
    rng = np.random.default_rng(0)
    x = rng.normal(size=(3, 4))
    g = rng.normal(size=f(x, **params).shape)
    num = np.zeros_like(x)
    h = 1e-6
    for idx in np.ndindex(x.shape):
        xp, xm = x.copy(), x.copy()
        xp[idx] += h
        xm[idx] -= h
        num[idx] = (np.sum(g * f(xp, **params)) - np.sum(g * f(xm, **params))) / (2 * h)
    if not close(vjp(x, g, **params), num, 1e-6).all():
        fails.append(f"numpy {case['id']}: vjp differs from finite differences")
    return err


def check_torch_vector(case, fails):
    src = case["code"]["pytorch"]
    ns = load(src["text"])
    params = {k: dec(v) for k, v in case["params"].items()}
    module = ns[src["name"]](**params)
    rows = torch.tensor(case["rows"], dtype=torch.float64)
    got = module(rows).numpy()
    want = np.array(case["out"], dtype=float)
    if got.shape != want.shape or not close(got, want).all():
        fails.append(f"torch {case['id']}: output differs from the catalog")
        return math.inf
    return worst(got, want)[0]


def main():
    if torch is not None:
        # Learnable parameters are created as tensors of the default dtype: float64 here, so
        # the comparison with the float64 catalog is not limited by float32 rounding.
        torch.set_default_dtype(torch.float64)
    core = ROOT / "dist" / "core.js"
    if not core.exists():
        sys.exit("dist/core.js is missing: run `node scripts/build.mjs --only=core` first")
    cases = json.loads(subprocess.run(["node", "-e", DUMP, str(core)], check=True, capture_output=True, text=True).stdout)
    fails = []
    table = {}
    for case in cases:
        checks = [("numpy", check_numpy_elementwise if case["kind"] == "elementwise" else check_numpy_vector)]
        if torch is not None:
            checks.append(("pytorch", check_torch_elementwise if case["kind"] == "elementwise" else check_torch_vector))
        for fw, check in checks:
            if case["code"][fw] is None:
                fails.append(f"{fw} {case['id']}: no implementation")
                continue
            try:
                err = check(case, fails)
            except Exception as exc:  # A crash of generated code is a failure, reported as such.
                fails.append(f"{fw} {case['id']} {case['params']}: {type(exc).__name__}: {exc}")
                err = math.inf
            key = (case["id"], fw)
            table[key] = max(table.get(key, 0.0), err)
    ids = sorted({k[0] for k in table})
    print(f"numpy {np.__version__}, torch {torch.__version__ if torch else 'not installed'}, "
          f"scipy {'yes' if _has_scipy() else 'no (math.erf fallback)'}")
    print(f"{'entry':<18} {'numpy':>10} {'pytorch':>10}   (largest relative error over grid and parameter sets)")
    for i in ids:
        cells = [table.get((i, fw)) for fw in ("numpy", "pytorch")]
        print(f"{i:<18} " + " ".join(f"{c:>10.1e}" if c is not None else f"{'-':>10}" for c in cells))
    print(f"\n{len(cases)} cases, {len(fails)} failures")
    for f in fails:
        print("FAIL", f)
    sys.exit(1 if fails else 0)


def _has_scipy():
    try:
        import scipy  # noqa: F401
        return True
    except ImportError:
        return False


if __name__ == "__main__":
    main()
