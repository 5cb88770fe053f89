import { createContext, useContext } from 'react';
import type { Me } from './api-types.js';

/** The logged-in official, for the pages that act as him (his tasks, his groups). */
export const MeContext = createContext<Me | null>(null);
export const useMe = (): Me => useContext(MeContext)!;
