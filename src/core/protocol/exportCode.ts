/**
 * The parts of "Export as code" both channels carry (page ↔ worker, page ↔ host): which framework,
 * and the exported network (the core's `exportModel` source with the run's label and epoch).
 * Kept apart from the two protocol files so the page's first chunk does not load the trainer's.
 */
import * as v from 'valibot';
import { CODE_FRAMEWORKS } from '../snippets/frameworks';

/**
 * Longest exported source a message carries. The largest network the trainer accepts (30 hidden
 * layers of 32 units, about 31,000 weights of up to 24 characters each) prints about 0.8 MB.
 */
export const MAX_EXPORT_SOURCE = 2 * 1024 * 1024;

/** A framework an export is written for: PyTorch, Keras 3, JAX or NumPy. */
export const ExportFrameworkSchema = v.picklist(CODE_FRAMEWORKS);

/** An exported network: the Python source, the run's label and the epoch its weights are from. */
export const ExportedCodeSchema = v.object({
  source: v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_EXPORT_SOURCE)),
  label: v.pipe(v.string(), v.maxLength(200)),
  epoch: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(Number.MAX_SAFE_INTEGER)),
});
export type ExportedCode = v.InferOutput<typeof ExportedCodeSchema>;
