// The few platform globals the core uses, present in browsers and in Node 18+. Declared here so that the
// core compiles with `"lib": ["ES2022"], "types": []` and can use nothing else of the DOM or of Node.
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean });
  decode(input?: Uint8Array): string;
}
