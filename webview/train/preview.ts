/**
 * The data of a setup, generated on the page (the core's seeded generator is cheap and gives the
 * very points the worker will train on), so a view shows its points before anything trains.
 * With a data file's rows, the same standardised split the worker will make.
 */
import {
  dataMessage,
  type DataMessage,
  type TableRows,
  type TrainSetup,
} from '../../src/core/protocol/workerProtocol';
import { trainerConfig } from '../../src/core/session/runTrainer';
import { generateDataset } from '../../src/core/train/datasets';
import { buildTableDataset, resolveTableDataset } from '../../src/core/train/tableDataset';

/** The points of `setup`'s dataset (or of `table`) as a data message of run 0, or undefined. */
export function previewData(setup: TrainSetup, table?: TableRows): DataMessage | undefined {
  if (table) {
    const ignore = () => undefined;
    const resolved = resolveTableDataset(
      trainerConfig(setup, 'relu', table).dataset,
      ignore,
      ignore,
    );
    return resolved ? dataMessage(buildTableDataset(resolved), 0, []) : undefined;
  }
  const d = generateDataset(setup.dataset.name, setup.dataset);
  if (!d) return undefined;
  return dataMessage(d, 0, []);
}
