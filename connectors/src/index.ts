/** Public entry point of @konstruktor/connectors (built by its own issue). */
export {};
