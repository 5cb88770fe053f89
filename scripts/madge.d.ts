/** The part of madge 8's API that check-deps.ts uses (madge ships no types). */
declare module 'madge' {
  interface DetectiveOptions {
    skipTypeImports?: boolean;
    skipAsyncImports?: boolean;
  }
  interface MadgeConfig {
    baseDir?: string;
    fileExtensions?: string[];
    excludeRegExp?: RegExp[];
    tsConfig?: string;
    detectiveOptions?: { ts?: DetectiveOptions; tsx?: DetectiveOptions; es6?: DetectiveOptions };
  }
  interface MadgeResult {
    /** Each module and the modules it imports, relative to the base folder. */
    obj(): Record<string, string[]>;
    /** Each import cycle as the list of its modules. */
    circular(): string[][];
    warnings(): { skipped: string[] };
  }
  export default function madge(path: string | string[], config?: MadgeConfig): Promise<MadgeResult>;
}
