#!/usr/bin/python3
"""Reference values for the activation catalog, computed by PyTorch in float64.

Writes test/fixtures/golden.json, which test/unit/catalogGolden.test.ts compares against; CI needs
no Python. Run with Debian's interpreter and torch (apt-get install -y python3-torch):

    /usr/bin/python3 scripts/golden/genGolden.py

Each case names its reference: a torch function when PyTorch has one ("torch"), otherwise the
framework's own formula written with torch operations ("formula"), with the source it comes from.
Derivatives come from autograd (so PyTorch's conventions at kinks are what the catalog must match);
second derivatives from double backward where the entry defines f''.
"""
import inspect
import json
import math
import os
import re
import sys

import torch
import torch.nn.functional as F

torch.set_default_dtype(torch.float64)
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, 'test', 'fixtures', 'golden.json')

BASE = sorted(
    set(
        [round(-6 + 0.1 * i, 10) for i in range(121)]
        + [s * v for v in (8, 10, 15, 20, 25, 30, 50, 100) for s in (-1, 1)]
        + [s * v for v in (1e-3, 1e-8) for s in (-1, 1)]
        + [0.0, 0.25, -0.75, 1.5, 2.2]
    )
)
NEAR = 1e-7


def grid(kinks):
    xs = set(BASE)
    for k in kinks:
        xs.update([k, k - NEAR, k + NEAR, k - 1e-3, k + 1e-3])
    return sorted(xs)


def sparsemax(z):
    zs, _ = torch.sort(z, dim=-1, descending=True)
    k = torch.arange(1, z.shape[-1] + 1, dtype=z.dtype)
    cum = torch.cumsum(zs, dim=-1)
    support = (1 + k * zs) > cum
    kz = support.sum(dim=-1, keepdim=True)
    tau = (cum.gather(-1, kz - 1) - 1) / kz
    return torch.clamp(z - tau, min=0)


def keras_relu(x, s, m, t):
    """Keras 3 ReLU.static_call (= tf-keras backend.relu) written with torch ops."""
    if s != 0.0:
        if m is None and t == 0:
            return F.leaky_relu(x, s)
        neg = F.relu(-x + t) if t != 0 else F.relu(-x)
    clip_max = m is not None
    if t != 0:
        y = x * (x > t).to(x.dtype)
    elif m == 6:
        y = F.relu6(x)
        clip_max = False
    else:
        y = F.relu(x)
    if clip_max:
        y = torch.clamp(y, 0.0, m)
    if s != 0.0:
        y = y - s * neg
    return y


def gelu_crossings(lo, hi):
    """Where gelu(x) = lo or = hi (the kinks of the clipped GELU), by bisection on a grid."""
    def g(x):
        return F.gelu(torch.tensor(x)).item()
    out = []
    top = max(hi, 0.0) + 2
    for level in (lo, hi):
        n = 400
        for i in range(n):
            a = -12 + (top + 12) * i / n
            b = -12 + (top + 12) * (i + 1) / n
            if (g(a) - level) * (g(b) - level) >= 0:
                continue
            for _ in range(80):
                m = (a + b) / 2
                if (g(a) - level) * (g(m) - level) <= 0:
                    b = m
                else:
                    a = m
            out.append((a + b) / 2)
    return sorted(out)


def halves(fn):
    def g(x):
        a, b = x.chunk(2, dim=-1)
        return a * fn(b)
    return g


T = 'torch'
FORM = 'formula'
# (id, params, kind, source, fn, kinks, has_d2)
ELEMENTWISE = [
    ('relu', {}, T, 'torch.nn.functional.relu', F.relu, [0], False),
    ('relu6', {}, T, 'torch.nn.functional.relu6', F.relu6, [0, 6], False),
    ('leaky_relu', {'negativeSlope': 0.01}, T, 'torch.nn.functional.leaky_relu', lambda x: F.leaky_relu(x, 0.01), [0], False),
    ('leaky_relu', {'negativeSlope': 0.2}, T, 'torch.nn.functional.leaky_relu', lambda x: F.leaky_relu(x, 0.2), [0], False),
    ('leaky_relu', {'negativeSlope': 0.3}, T, 'torch.nn.functional.leaky_relu', lambda x: F.leaky_relu(x, 0.3), [0], False),
    ('prelu', {'negativeSlope': 0.25}, T, 'torch.nn.functional.prelu', lambda x: F.prelu(x, torch.tensor([0.25])), [0], False),
    ('prelu', {'negativeSlope': 0.1}, T, 'torch.nn.functional.prelu', lambda x: F.prelu(x, torch.tensor([0.1])), [0], False),
    ('rrelu', {'lower': 1 / 8, 'upper': 1 / 3}, T, 'torch.nn.functional.rrelu(training=False)', lambda x: F.rrelu(x, 1 / 8, 1 / 3, training=False), [0], False),
    ('rrelu', {'lower': 0.1, 'upper': 0.3}, T, 'torch.nn.functional.rrelu(training=False)', lambda x: F.rrelu(x, 0.1, 0.3, training=False), [0], False),
    ('threshold', {'threshold': 1.0, 'value': 0.0}, T, 'torch.nn.functional.threshold', lambda x: F.threshold(x, 1.0, 0.0), [1], False),
    ('threshold', {'threshold': 0.5, 'value': -1.0}, T, 'torch.nn.functional.threshold', lambda x: F.threshold(x, 0.5, -1.0), [0.5], False),
    ('elu', {'alpha': 1.0}, T, 'torch.nn.functional.elu', lambda x: F.elu(x, 1.0), [0], True),
    ('elu', {'alpha': 0.5}, T, 'torch.nn.functional.elu', lambda x: F.elu(x, 0.5), [0], True),
    ('elu', {'alpha': 2.0}, T, 'torch.nn.functional.elu', lambda x: F.elu(x, 2.0), [0], True),
    ('selu', {}, T, 'torch.nn.functional.selu', F.selu, [0], True),
    ('celu', {'alpha': 1.0}, T, 'torch.nn.functional.celu', lambda x: F.celu(x, 1.0), [0], True),
    ('celu', {'alpha': 0.5}, T, 'torch.nn.functional.celu', lambda x: F.celu(x, 0.5), [0], True),
    ('celu', {'alpha': 2.0}, T, 'torch.nn.functional.celu', lambda x: F.celu(x, 2.0), [0], True),
    ('exponential', {}, T, 'torch.exp (keras.activations.exponential = ops.exp)', torch.exp, [], True),
    ('sigmoid', {}, T, 'torch.sigmoid', torch.sigmoid, [], True),
    ('hard_sigmoid', {}, T, 'torch.nn.functional.hardsigmoid', F.hardsigmoid, [-3, 3], False),
    ('log_sigmoid', {}, T, 'torch.nn.functional.logsigmoid', F.logsigmoid, [], True),
    ('tanh', {}, T, 'torch.tanh', torch.tanh, [], True),
    ('hard_tanh', {'minVal': -1.0, 'maxVal': 1.0}, T, 'torch.nn.functional.hardtanh', F.hardtanh, [-1, 1], False),
    ('hard_tanh', {'minVal': -2.0, 'maxVal': 0.5}, T, 'torch.nn.functional.hardtanh', lambda x: F.hardtanh(x, -2.0, 0.5), [-2, 0.5], False),
    ('softsign', {}, T, 'torch.nn.functional.softsign', F.softsign, [0], True),
    ('arctan', {}, T, 'torch.atan', torch.atan, [], True),
    ('gelu', {}, T, "torch.nn.functional.gelu(approximate='none')", lambda x: F.gelu(x, approximate='none'), [], True),
    ('gelu_tanh', {}, T, "torch.nn.functional.gelu(approximate='tanh')", lambda x: F.gelu(x, approximate='tanh'), [], True),
    ('silu', {}, T, 'torch.nn.functional.silu', F.silu, [], True),
    ('mish', {}, T, 'torch.nn.functional.mish', F.mish, [], True),
    ('hard_swish', {}, T, 'torch.nn.functional.hardswish', F.hardswish, [-3, 3], False),
    ('softplus', {'beta': 1.0, 'threshold': 20.0}, T, 'torch.nn.functional.softplus', F.softplus, [20], True),
    ('softplus', {'beta': 2.0, 'threshold': 10.0}, T, 'torch.nn.functional.softplus', lambda x: F.softplus(x, 2.0, 10.0), [5], True),
    ('softplus', {'beta': 0.5, 'threshold': 20.0}, T, 'torch.nn.functional.softplus', lambda x: F.softplus(x, 0.5, 20.0), [40], True),
    ('softshrink', {'lambda': 0.5}, T, 'torch.nn.functional.softshrink', F.softshrink, [-0.5, 0.5], False),
    ('softshrink', {'lambda': 1.2}, T, 'torch.nn.functional.softshrink', lambda x: F.softshrink(x, 1.2), [-1.2, 1.2], False),
    ('hardshrink', {'lambda': 0.5}, T, 'torch.nn.functional.hardshrink', F.hardshrink, [-0.5, 0.5], False),
    ('hardshrink', {'lambda': 1.2}, T, 'torch.nn.functional.hardshrink', lambda x: F.hardshrink(x, 1.2), [-1.2, 1.2], False),
    ('tanhshrink', {}, T, 'torch.nn.functional.tanhshrink', F.tanhshrink, [], True),
    ('linear', {}, T, 'torch.nn.Identity', lambda x: x * 1.0, [], False),
    # No PyTorch twin: the framework's own formula, written with torch ops.
    ('keras_relu', {'negativeSlope': 0.0, 'maxValue': None, 'threshold': 0.0}, FORM, 'Keras 3 keras/src/activations/activations.py ReLU.static_call (= tf-keras backend.relu)', lambda x: keras_relu(x, 0.0, None, 0.0), [0], False),
    ('keras_relu', {'negativeSlope': 0.1, 'maxValue': None, 'threshold': 0.0}, FORM, 'Keras ReLU.static_call: leaky_relu path', lambda x: keras_relu(x, 0.1, None, 0.0), [0], False),
    ('keras_relu', {'negativeSlope': 0.0, 'maxValue': 6.0, 'threshold': 0.0}, FORM, 'Keras ReLU.static_call: relu6 path', lambda x: keras_relu(x, 0.0, 6.0, 0.0), [0, 6], False),
    ('keras_relu', {'negativeSlope': 0.2, 'maxValue': 4.0, 'threshold': 0.0}, FORM, 'Keras ReLU.static_call: relu, clip, minus slope·relu(−x)', lambda x: keras_relu(x, 0.2, 4.0, 0.0), [0, 4], False),
    ('keras_relu', {'negativeSlope': 0.0, 'maxValue': None, 'threshold': 1.5}, FORM, 'Keras ReLU.static_call: x·[x > t] (doctest relu(x, threshold=5))', lambda x: keras_relu(x, 0.0, None, 1.5), [1.5], False),
    ('keras_relu', {'negativeSlope': 0.3, 'maxValue': 5.0, 'threshold': 1.0}, FORM, 'Keras ReLU.static_call: all three arguments', lambda x: keras_relu(x, 0.3, 5.0, 1.0), [1, 5], False),
    ('keras_relu', {'negativeSlope': 0.1, 'maxValue': None, 'threshold': -1.0}, FORM, 'Keras ReLU.static_call: negative threshold', lambda x: keras_relu(x, 0.1, None, -1.0), [-1], False),
    ('squared_relu', {}, FORM, 'relu(x)**2 (So et al. 2021, Primer, arXiv:2109.08668)', lambda x: F.relu(x) ** 2, [0], True),
    ('star_relu', {'scale': 0.8944, 'bias': -0.4472}, FORM, 's*relu(x)**2 + b (Yu et al. 2022, MetaFormer, arXiv:2210.13452)', lambda x: 0.8944 * F.relu(x) ** 2 - 0.4472, [0], True),
    ('star_relu', {'scale': 1.0, 'bias': 0.0}, FORM, 's*relu(x)**2 + b, reference-code init', lambda x: F.relu(x) ** 2, [0], True),
    ('isrlu', {'alpha': 1.0}, FORM, 'x if x >= 0 else x/sqrt(1+a*x^2) (Carlile et al. 2017, arXiv:1710.09967)', lambda x: torch.where(x >= 0, x, x / torch.sqrt(1 + x * x)), [0], True),
    ('isrlu', {'alpha': 3.0}, FORM, 'x if x >= 0 else x/sqrt(1+a*x^2) (Carlile et al. 2017)', lambda x: torch.where(x >= 0, x, x / torch.sqrt(1 + 3 * x * x)), [0], True),
    ('isru', {'alpha': 1.0}, FORM, 'x/sqrt(1+a*x^2) (Carlile et al. 2017)', lambda x: x / torch.sqrt(1 + x * x), [], True),
    ('isru', {'alpha': 0.5}, FORM, 'x/sqrt(1+a*x^2) (Carlile et al. 2017)', lambda x: x / torch.sqrt(1 + 0.5 * x * x), [], True),
    ('hard_sigmoid_tf2', {}, FORM, 'clip(0.2*x + 0.5, 0, 1): tf-keras backend.hard_sigmoid (tf.keras 2 activations.hard_sigmoid)', lambda x: torch.clamp(0.2 * x + 0.5, 0.0, 1.0), [-2.5, 2.5], False),
    ('sparse_sigmoid', {}, FORM, '0.5*clip(x+1, 0, 2): jax.nn.sparse_sigmoid (Keras 3 ops.sparse_sigmoid)', lambda x: 0.5 * torch.clamp(x + 1, 0.0, 2.0), [-1, 1], False),
    ('sparse_plus', {}, FORM, 'where(x<=-1, 0, where(x>=1, x, (x+1)^2/4)): jax.nn.sparse_plus, Keras 3 sparse_plus', lambda x: torch.where(x <= -1, torch.zeros_like(x), torch.where(x >= 1, x, (x + 1) ** 2 / 4)), [-1, 1], True),
    ('squareplus', {'b': 4.0}, FORM, '(x + sqrt(x^2 + b))/2: jax.nn.squareplus, keras.activations.squareplus (Barron 2021, arXiv:2112.11687)', lambda x: (x + torch.sqrt(x * x + 4)) / 2, [], True),
    ('squareplus', {'b': 1.0}, FORM, '(x + sqrt(x^2 + b))/2 (Barron 2021)', lambda x: (x + torch.sqrt(x * x + 1)) / 2, [], True),
    ('softplus', {'beta': 1.0, 'threshold': None}, FORM, 'logaddexp(x, 0): jax.nn.softplus, Keras 3 numpy backend (no threshold)', lambda x: torch.logaddexp(x, torch.zeros_like(x)), [], True),
    ('gelu_sigmoid', {}, FORM, 'x*sigmoid(1.702x) (Hendrycks & Gimpel 2016 §2; mlx.nn.gelu_fast_approx)', lambda x: x * torch.sigmoid(1.702 * x), [], True),
    ('swish', {'beta': 1.5}, FORM, 'x*sigmoid(beta*x): tf.nn.silu(features, beta) (Ramachandran et al. 2017)', lambda x: x * torch.sigmoid(1.5 * x), [], True),
    ('swish', {'beta': 0.5}, FORM, 'x*sigmoid(beta*x): tf.nn.silu(features, beta)', lambda x: x * torch.sigmoid(0.5 * x), [], True),
    ('snake', {'alpha': 1.0}, FORM, 'x + sin(a*x)^2/a (Ziyin et al. 2020, arXiv:2006.08195)', lambda x: x + torch.sin(x) ** 2, [], True),
    ('snake', {'alpha': 2.5}, FORM, 'x + sin(a*x)^2/a (Ziyin et al. 2020)', lambda x: x + torch.sin(2.5 * x) ** 2 / 2.5, [], True),
    ('sine', {'omega': 1.0}, FORM, 'sin(w*x) (Sitzmann et al. 2020, SIREN, arXiv:2006.09661)', torch.sin, [], True),
    ('sine', {'omega': 30.0}, FORM, 'sin(w*x), SIREN w0 = 30', lambda x: torch.sin(30 * x), [], True),
    ('gaussian', {}, FORM, 'exp(-x^2)', lambda x: torch.exp(-x * x), [], True),
    ('bent_identity', {}, FORM, '(sqrt(x^2+1)-1)/2 + x', lambda x: (torch.sqrt(x * x + 1) - 1) / 2 + x, [], True),
    ('clipped_gelu', {'minVal': -10.0, 'maxVal': 10.0}, FORM, 'torch.clip(gelu(x), -10, 10): transformers ClippedGELUActivation (ACT2FN "gelu_10")', lambda x: torch.clip(F.gelu(x), -10.0, 10.0), gelu_crossings(-10.0, 10.0), False),
    ('clipped_gelu', {'minVal': -0.1, 'maxVal': 2.0}, FORM, 'torch.clip(gelu(x), min, max): transformers ClippedGELUActivation', lambda x: torch.clip(F.gelu(x), -0.1, 2.0), gelu_crossings(-0.1, 2.0), False),
    ('hard_mish', {}, FORM, '0.5*x*clamp(x+2, 0, 2): timm/layers/activations.py hard_mish', lambda x: 0.5 * x * torch.clamp(x + 2, min=0.0, max=2.0), [-2, 0], True),
    ('laplace', {'mu': 0.707107, 'sigma': 0.282095}, FORM, '0.5*(1 + erf((x - mu)/(sigma*sqrt(2)))): transformers LaplaceActivation (MEGA, arXiv:2209.10655)', lambda x: 0.5 * (1.0 + torch.erf((x - 0.707107) / (0.282095 * math.sqrt(2.0)))), [], True),
    ('laplace', {'mu': 0.0, 'sigma': 1.0}, FORM, '0.5*(1 + erf((x - mu)/(sigma*sqrt(2)))): the standard normal CDF', lambda x: 0.5 * (1.0 + torch.erf(x / math.sqrt(2.0))), [], True),
]

ROWS = [
    [1.0, 2.0, 3.0, 4.0],
    [-1000.0, 0.0, 1000.0, 5.0],
    [0.5, -0.5, 2.0, -2.0, 3.0, -3.0],
    [100.0, 100.0, 100.0, 100.0],
    [-50.0, 20.0, 3.3, 7.0, 1e-3, 0.0],
    [0.1, 0.2, 0.15, 0.05, -0.3, 0.25, 0.0, 0.12],
]
VECTOR = [
    ('softmax', {}, T, 'torch.nn.functional.softmax(dim=-1)', lambda x: F.softmax(x, dim=-1)),
    ('log_softmax', {}, T, 'torch.nn.functional.log_softmax(dim=-1)', lambda x: F.log_softmax(x, dim=-1)),
    ('softmin', {}, T, 'torch.nn.functional.softmin(dim=-1)', lambda x: F.softmin(x, dim=-1)),
    ('glu', {}, T, 'torch.nn.functional.glu(dim=-1)', lambda x: F.glu(x, dim=-1)),
    ('sparsemax', {}, FORM, 'max(x - tau, 0), tau from the sorted row (Martins & Astudillo 2016; keras.activations.sparsemax)', sparsemax),
    ('swiglu', {'beta': 1.0}, FORM, 'a * silu(b), x = [a; b] (Shazeer 2020, arXiv:2002.05202)', halves(F.silu)),
    ('swiglu', {'beta': 1.7}, FORM, 'a * b*sigmoid(beta*b), x = [a; b] (Shazeer 2020)', halves(lambda b: b * torch.sigmoid(1.7 * b))),
    ('geglu', {}, FORM, 'a * gelu(b), x = [a; b] (Shazeer 2020)', halves(lambda b: F.gelu(b))),
    ('reglu', {}, FORM, 'a * relu(b), x = [a; b] (Shazeer 2020)', halves(F.relu)),
]


def elementwise_case(cid, params, kind, source, fn, kinks, has_d2):
    xs = grid(kinks)
    x = torch.tensor(xs, requires_grad=True)
    y = fn(x)
    (dy,) = torch.autograd.grad(y.sum(), x, create_graph=has_d2)
    case = {
        'id': cid,
        'params': params,
        'reference': kind,
        'source': source,
        'kinks': kinks,
        'x': xs,
        'f': y.detach().tolist(),
        'df': dy.detach().tolist(),
    }
    if has_d2:
        (d2,) = torch.autograd.grad(dy.sum(), x)
        case['d2f'] = d2.tolist()
    for k in ('f', 'df', 'd2f'):
        if k in case and not all(math.isfinite(v) for v in case[k]):
            raise SystemExit(f'{cid} {params}: non-finite {k}')
    return case


def vector_case(cid, params, kind, source, fn):
    out = [fn(torch.tensor([r]))[0].tolist() for r in ROWS]
    return {'id': cid, 'params': params, 'reference': kind, 'source': source, 'rows': ROWS, 'out': out}


def doc_defaults(obj):
    """Defaults of a C builtin from the first line of its docstring: `name(input, a=1) -> Tensor`."""
    doc = (getattr(obj, '__doc__', None) or '').strip().splitlines()
    m = re.match(r'^[\w.]+\((.*)\)\s*->', doc[0]) if doc else None
    if not m:
        return None
    d = {}
    for part in [p.strip() for p in m.group(1).split(',')]:
        if not part or part in ('input', '*') or part.startswith('*'):
            continue
        name, _, default = part.partition('=')
        d[name.strip()] = default.strip() or None
    return d


def signature_defaults(obj):
    try:
        sig = inspect.signature(obj)
    except (TypeError, ValueError):
        return doc_defaults(obj)
    d = {}
    for name, p in sig.parameters.items():
        if name in ('self', 'input') or p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD):
            continue
        d[name] = None if p.default is inspect.Parameter.empty else repr(p.default)
    return d


def torch_apis():
    """Every PyTorch activation name the catalog may cite, with its Python-level defaults."""
    out = {}
    for name in torch.nn.modules.activation.__all__ + ['Identity']:
        cls = getattr(torch.nn, name, None)
        if cls is not None:
            out['torch.nn.' + name] = signature_defaults(cls.__init__)
    for name in dir(F):
        obj = getattr(F, name)
        if callable(obj) and not name.startswith('_'):
            out['torch.nn.functional.' + name] = signature_defaults(obj)
    for name in ['relu', 'sigmoid', 'tanh', 'selu', 'celu', 'rrelu', 'softmax', 'log_softmax', 'hardshrink', 'threshold', 'exp', 'atan']:
        if hasattr(torch, name):
            out['torch.' + name] = None
    for name in ['expit', 'softmax', 'log_softmax', 'erf', 'erfc']:
        if hasattr(torch.special, name):
            out['torch.special.' + name] = None
    for name in ['relu', 'sigmoid', 'tanh', 'softmax', 'log_softmax', 'exp']:
        if hasattr(torch.Tensor, name):
            out['torch.Tensor.' + name] = None
    return out


def main():
    erf_x = sorted(set([round(-6 + 0.01 * i, 10) for i in range(1201)] + [s * v for v in (1e-12, 1e-5, 0.46875, 4.0, 8.0, 10.0, 20.0, 26.0, 26.5) for s in (-1, 1)]))
    t = torch.tensor(erf_x)
    data = {
        'generator': 'scripts/golden/genGolden.py',
        'torch': torch.__version__,
        'python': sys.version.split()[0],
        'tolerance': {'relative': 1e-9, 'absolute': 1e-12},
        'erf': {'x': erf_x, 'erf': torch.erf(t).tolist(), 'erfc': torch.erfc(t).tolist()},
        'elementwise': [elementwise_case(*c) for c in ELEMENTWISE],
        'vector': [vector_case(*c) for c in VECTOR],
        'torchApis': torch_apis(),
    }
    with open(OUT, 'w') as f:
        json.dump(data, f, separators=(',', ':'))
        f.write('\n')
    print(f'wrote {OUT}: {len(data["elementwise"])} element-wise cases, {len(data["vector"])} vector cases')


if __name__ == '__main__':
    main()
