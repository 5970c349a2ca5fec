"""A small JAX / Flax (linen) MLP.

``jax.nn.gelu`` and ``flax.linen.gelu`` use the tanh approximation by default
(``approximate=True``), unlike PyTorch's ``nn.GELU()``.
"""

import flax.linen as nn
import jax
import jax.numpy as jnp


class MLP(nn.Module):
    hidden: int = 64
    out: int = 10

    @nn.compact
    def __call__(self, x: jax.Array) -> jax.Array:
        x = nn.Dense(self.hidden)(x)
        x = nn.gelu(x)
        x = nn.Dense(self.hidden)(x)
        x = nn.relu(x)
        x = nn.Dense(self.hidden)(x)
        x = nn.leaky_relu(x, negative_slope=0.1)
        x = nn.Dense(self.hidden)(x)
        x = nn.swish(x)
        x = nn.PReLU()(x)
        return nn.Dense(self.out)(x)


def gated_block(params: dict[str, jax.Array], x: jax.Array) -> jax.Array:
    """A hand-written GLU-style block using the jax.nn functions directly."""
    h = x @ params["w1"]
    g = jax.nn.sigmoid(x @ params["wg"])
    h = jax.nn.gelu(h) * g
    h = jax.nn.gelu(h, approximate=False)
    h = jax.nn.silu(h) + jnp.tanh(h)
    return jax.nn.softplus(h @ params["w2"])


if __name__ == "__main__":
    key = jax.random.PRNGKey(0)
    k1, k2, k3, k4 = jax.random.split(key, 4)
    x = jax.random.normal(k1, (4, 16))
    model = MLP()
    variables = model.init(k2, x)
    print(model.apply(variables, x).shape)  # (4, 10)

    params = {
        "w1": jax.random.normal(k3, (16, 32)) * 0.1,
        "wg": jax.random.normal(k4, (16, 32)) * 0.1,
        "w2": jnp.ones((32, 1)) * 0.1,
    }
    print(gated_block(params, x).shape)  # (4, 1)
    print(jax.nn.relu6(jnp.linspace(-2.0, 8.0, 6)))
    print(jax.nn.elu(jnp.linspace(-2.0, 2.0, 5), alpha=1.0))
    print(jax.grad(lambda v: jax.nn.relu(v))(0.0))  # 0.0: JAX defines relu'(0) = 0
