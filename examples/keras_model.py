"""A small Keras 3 model that mixes string activations, activation layers and functions.

Note the defaults: ``activation="leaky_relu"`` uses a slope of 0.2, while
``layers.LeakyReLU()`` defaults to 0.3.
"""

import keras
import numpy as np
from keras import activations, layers


def build_classifier(num_classes: int = 10) -> keras.Model:
    inputs = keras.Input(shape=(28, 28, 1))
    x = layers.Conv2D(16, 3, padding="same", activation="relu")(inputs)
    x = layers.MaxPooling2D()(x)
    x = layers.Conv2D(32, 3, padding="same")(x)
    x = keras.layers.LeakyReLU()(x)
    x = layers.MaxPooling2D()(x)
    x = layers.Flatten()(x)
    x = layers.Dense(64, activation="leaky_relu")(x)
    x = layers.Dense(64, activation="gelu")(x)
    x = layers.Dense(32)(x)
    x = layers.Activation("selu")(x)
    x = layers.Dense(32, activation=activations.swish)(x)
    x = layers.ELU(alpha=1.0)(x)
    x = layers.ReLU(max_value=6.0)(x)
    outputs = layers.Dense(num_classes, activation="softmax")(x)
    return keras.Model(inputs, outputs, name="tiny_classifier")


def build_regressor() -> keras.Sequential:
    return keras.Sequential(
        [
            keras.Input(shape=(8,)),
            layers.Dense(32, activation="tanh"),
            layers.Dense(32, activation=keras.activations.mish),
            layers.PReLU(),
            layers.Dense(16, activation="hard_sigmoid"),
            layers.Dense(1, activation="softplus"),
        ],
        name="tiny_regressor",
    )


if __name__ == "__main__":
    x = np.linspace(-3.0, 3.0, 7).astype("float32")
    print(activations.relu(x, negative_slope=0.1, max_value=2.0))
    print(activations.gelu(x, approximate=False))
    print(keras.ops.gelu(x))  # the tanh approximation by default
    print(activations.leaky_relu(x))
    model = build_classifier()
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
    model.summary()
    build_regressor().summary()
