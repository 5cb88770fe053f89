/** Public entry point of @konstruktor/designer (built by its own issue). */
export {};
