// The host runs in Node and in the browser extension host, so it may use only the globals both
// provide. The ES2022 lib has none of these; declaring just these keeps DOM and Node types out.
declare function atob(data: string): string;
declare function btoa(data: string): string;
declare const crypto: { getRandomValues<T extends ArrayBufferView>(array: T): T };
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
declare const performance: { now(): number };
declare function setTimeout(handler: () => void, ms?: number): unknown;
declare function clearTimeout(handle: unknown): void;
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: Uint8Array): string;
}
/** Which extension host the bundle was built for, set by scripts/build.mjs: "node" or "web worker". */
declare const EXTENSION_HOST_KIND: string;
