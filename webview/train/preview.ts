/**
 * The data of a setup, generated on the page (the core's seeded generator is cheap and gives the
 * very points the worker will train on), so a view shows its points before anything trains.
 */
import {
  dataMessage,
  type DataMessage,
  type TrainSetup,
} from '../../src/core/protocol/workerProtocol';
import { generateDataset } from '../../src/core/train/datasets';

/** The points of `setup`'s dataset as a data message of run 0, or undefined. */
export function previewData(setup: TrainSetup): DataMessage | undefined {
  const d = generateDataset(setup.dataset.name, setup.dataset);
  if (!d) return undefined;
  return dataMessage(d, 0, []);
}
