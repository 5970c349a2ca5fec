/**
 * A per-neuron-object network in the style of TensorFlow Playground's `nn.ts`, written here from
 * its description (not copied) as the benchmark's reference point: one object per neuron and per
 * link, a forward and backward pass per training sample, derivatives accumulated on the links
 * and applied every `batchSize` samples. It uses the same math as the typed-array engine
 * (hidden activation, sigmoid output with binary cross-entropy, plain SGD) so the work compares.
 */
import type { Rng } from '../../src/core/train/rng';

/** An activation as the Playground passes it around: an object with two methods. */
export interface NeuronActivation {
  output(x: number): number;
  der(x: number): number;
}

export const RELU: NeuronActivation = {
  output: (x) => Math.max(0, x),
  der: (x) => (x <= 0 ? 0 : 1),
};
export const TANH: NeuronActivation = {
  output: (x) => Math.tanh(x),
  der: (x) => 1 - Math.tanh(x) ** 2,
};
export const SIGMOID: NeuronActivation = {
  output: (x) => 1 / (1 + Math.exp(-x)),
  der: (x) => {
    const s = 1 / (1 + Math.exp(-x));
    return s * (1 - s);
  },
};

/** A neuron: its inputs, bias, last total input and output, and accumulated derivatives. */
export class Neuron {
  inputLinks: Link[] = [];
  outputs: Link[] = [];
  bias = 0;
  totalInput = 0;
  output = 0;
  /** ∂E/∂output and ∂E/∂totalInput of the current sample. */
  outputDer = 0;
  inputDer = 0;
  /** ∂E/∂bias summed over the samples since the last update. */
  accInputDer = 0;
  numAccumulatedDers = 0;
  constructor(
    readonly id: string,
    readonly activation: NeuronActivation,
  ) {}

  /** totalInput = bias + Σ w·source.output; output = f(totalInput). */
  updateOutput(): number {
    let s = this.bias;
    for (const link of this.inputLinks) s += link.weight * link.source.output;
    this.totalInput = s;
    this.output = this.activation.output(s);
    return this.output;
  }
}

/** A weighted edge between two neurons, with its accumulated weight derivative. */
export class Link {
  errorDer = 0;
  accErrorDer = 0;
  numAccumulatedDers = 0;
  constructor(
    readonly source: Neuron,
    readonly dest: Neuron,
    public weight: number,
  ) {}
}

/** Builds layers of neurons, fully connected, weights N(0, gain/fanIn) from `rng`, biases 0. */
export function buildNetwork(
  shape: number[],
  hidden: NeuronActivation,
  gain: number,
  rng: Rng,
): Neuron[][] {
  const net: Neuron[][] = [];
  for (let l = 0; l < shape.length; l++) {
    const isOutput = l === shape.length - 1;
    const layer: Neuron[] = [];
    for (let i = 0; i < shape[l]; i++) {
      const n = new Neuron(`${l}:${i}`, isOutput ? SIGMOID : hidden);
      if (l > 0) {
        const std = Math.sqrt((isOutput ? 1 : gain) / shape[l - 1]);
        for (const src of net[l - 1]) {
          const link = new Link(src, n, std * rng.normal());
          src.outputs.push(link);
          n.inputLinks.push(link);
        }
      }
      layer.push(n);
    }
    net.push(layer);
  }
  return net;
}

/** Sets the input neurons' outputs, runs every neuron in order and returns the output. */
export function forwardProp(net: Neuron[][], inputs: number[]): number {
  const first = net[0];
  for (let i = 0; i < first.length; i++) first[i].output = inputs[i];
  for (let l = 1; l < net.length; l++) for (const n of net[l]) n.updateOutput();
  return net[net.length - 1][0].output;
}

/**
 * Backpropagates one sample with sigmoid + binary cross-entropy at the output
 * (∂E/∂totalInput = p − y), accumulating ∂E/∂w on the links and ∂E/∂b on the neurons.
 */
export function backProp(net: Neuron[][], target: number): void {
  const out = net[net.length - 1][0];
  out.inputDer = out.output - target;
  out.accInputDer += out.inputDer;
  out.numAccumulatedDers++;
  for (const link of out.inputLinks) {
    link.errorDer = out.inputDer * link.source.output;
    link.accErrorDer += link.errorDer;
    link.numAccumulatedDers++;
  }
  for (let l = net.length - 2; l >= 1; l--) {
    for (const n of net[l]) {
      n.outputDer = 0;
      for (const link of n.outputs) n.outputDer += link.weight * link.dest.inputDer;
      n.inputDer = n.outputDer * n.activation.der(n.totalInput);
      n.accInputDer += n.inputDer;
      n.numAccumulatedDers++;
      for (const link of n.inputLinks) {
        link.errorDer = n.inputDer * link.source.output;
        link.accErrorDer += link.errorDer;
        link.numAccumulatedDers++;
      }
    }
  }
}

/** w ← w − η·(mean accumulated ∂E/∂w), likewise for biases; resets the accumulators. */
export function updateWeights(net: Neuron[][], lr: number): void {
  for (let l = 1; l < net.length; l++) {
    for (const n of net[l]) {
      if (n.numAccumulatedDers > 0) {
        n.bias -= (lr * n.accInputDer) / n.numAccumulatedDers;
        n.accInputDer = 0;
        n.numAccumulatedDers = 0;
      }
      for (const link of n.inputLinks) {
        if (link.numAccumulatedDers > 0) {
          link.weight -= (lr * link.accErrorDer) / link.numAccumulatedDers;
          link.accErrorDer = 0;
          link.numAccumulatedDers = 0;
        }
      }
    }
  }
}
