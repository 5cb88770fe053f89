// dmn-moddle ships no type declarations; its elements are read as plain objects (namespace.ts).
declare module 'dmn-moddle' {
  export function DmnModdle(packages?: Record<string, unknown>): {
    fromXML(xml: string, typeName?: string): Promise<{ rootElement: unknown; warnings: unknown[] }>;
    toXML(element: unknown, options?: { format?: boolean }): Promise<{ xml: string }>;
  };
}
