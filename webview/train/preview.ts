/**
 * The data of a setup, generated on the page (the core's seeded generator is cheap and gives the
 * very points the worker will train on), so a view shows its points before anything trains.
 */
import type { DataMessage, TrainSetup } from '../../src/core/protocol/workerProtocol';
import { generateDataset } from '../../src/core/train/datasets';

/** The points of `setup`'s dataset as a data message of run 0, or undefined. */
export function previewData(setup: TrainSetup): DataMessage | undefined {
  const d = generateDataset(setup.dataset.name, setup.dataset);
  if (!d) return undefined;
  return {
    type: 'train/data',
    runId: 0,
    kind: d.kind,
    classes: d.classes,
    inputDims: d.inputDims,
    extent: { ...d.extent },
    train: { x: d.train.x, y: d.train.y, label: d.train.label },
    test: { x: d.test.x, y: d.test.y, label: d.test.label },
    notes: [],
  };
}
