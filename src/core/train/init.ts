/**
 * Weight initialisation. Every weight is σ·n with n ~ N(0, 1) drawn in a fixed order from the
 * seeded generator, and every bias starts at 0. Only σ depends on the scheme, so two networks of
 * the same shape built from the same seed start from the same draws (a fair race):
 * Xavier/Glorot σ² = 2/(fanIn + fanOut), He/Kaiming σ² = 2/fanIn, LeCun σ² = 1/fanIn.
 */
import type { InitScheme } from './config';
import type { Network } from './network';
import type { Rng } from './rng';

/** Standard deviation σ of the initial weights of a layer with the given fan-in and fan-out. */
function initStd(scheme: InitScheme, fanIn: number, fanOut: number): number {
  switch (scheme) {
    case 'he':
      return Math.sqrt(2 / fanIn);
    case 'lecun':
      return Math.sqrt(1 / fanIn);
    default:
      return Math.sqrt(2 / (fanIn + fanOut));
  }
}

/** Initialises `net.params` in place; `schemes[l − 1]` is the scheme of weight layer l. */
export function initNetwork(net: Network, schemes: readonly InitScheme[], rng: Rng): void {
  const p = net.params;
  for (let l = 1; l <= net.depth; l++) {
    const fanIn = net.sizes[l - 1];
    const fanOut = net.sizes[l];
    const s = initStd(schemes[l - 1], fanIn, fanOut);
    const w = net.wOff[l - 1];
    for (let k = 0; k < fanIn * fanOut; k++) p[w + k] = s * rng.normal();
    p.fill(0, net.bOff[l - 1], net.bOff[l - 1] + fanOut);
  }
}
