/** Public entry point of @konstruktor/engine-adapter (built by its own issue). */
export {};
