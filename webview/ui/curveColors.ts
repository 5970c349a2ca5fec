/**
 * Which palette colour an activation is drawn in, for every tab: GELU is the same orange in
 * Graphs and in Race. Each id has a preferred slot of the theme's palette; when that slot is
 * already taken in the same view (two Leaky ReLU curves, or two ids preferring one slot), the
 * next free slot is used.
 */

/** Slots of `Theme.palette` (blue, orange, green, purple, cyan, magenta, red, yellow). */
const PALETTE_SLOTS = 8;

/**
 * The slots of the activations people compare most, chosen so that no two of them share one
 * (the Graphs starters ReLU, GELU, Sigmoid and the race's ReLU, Tanh, Sigmoid keep distinct
 * colours). Other ids get a slot from a hash of the id.
 */
const PREFERRED: Readonly<Record<string, number>> = {
  relu: 0,
  gelu: 1,
  sigmoid: 2,
  tanh: 3,
  silu: 4,
  // Leaky ReLU in red, not magenta: magenta is hard to tell from Tanh's purple in most themes.
  leaky_relu: 6,
  elu: 7,
  softplus: 5,
};

/** The slot an id prefers: its entry in the table above, else a stable hash of the id. */
function preferredSlot(id: string): number {
  if (Object.prototype.hasOwnProperty.call(PREFERRED, id)) return PREFERRED[id];
  let h = 0;
  for (let i = 0; i < id.length; i++) h = (h * 31 + id.charCodeAt(i)) >>> 0;
  return h % PALETTE_SLOTS;
}

/**
 * Slots for `ids` in order: each id its preferred slot, or the next free one (cyclically) when
 * that is in `taken` or was given to an earlier id of the list. With more ids than slots the
 * colours repeat.
 */
export function assignSlots(ids: readonly string[], taken: Iterable<number> = []): number[] {
  const used = new Set<number>();
  for (const s of taken) used.add(s % PALETTE_SLOTS);
  return ids.map((id) => {
    let slot = preferredSlot(id);
    for (let k = 0; k < PALETTE_SLOTS && used.has(slot); k++) slot = (slot + 1) % PALETTE_SLOTS;
    used.add(slot);
    return slot;
  });
}
