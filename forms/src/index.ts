/** Public entry point of @konstruktor/forms (built by its own issue). */
export {};
