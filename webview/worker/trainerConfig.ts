import type { TrainSetup } from '../../src/core/protocol/workerProtocol';
import type { ActivationChoice, TrainerConfig } from '../../src/core/train/config';

/** The core trainer config of a setup, with one activation for every hidden layer. */
export function trainerConfig(setup: TrainSetup, activation: ActivationChoice): TrainerConfig {
  return {
    dataset: { ...setup.dataset },
    features: [...setup.features],
    hidden: [...setup.hidden],
    activation,
    init: setup.init,
    optimizer: { type: setup.optimizer },
    learningRate: setup.learningRate,
    batchSize: setup.batchSize,
    regularization: { type: setup.regularization, rate: setup.regularizationRate },
    seed: setup.seed,
  };
}
