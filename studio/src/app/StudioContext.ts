import { createContext } from 'react';
import type { StudioServices } from './services.ts';

export const StudioContext = createContext<StudioServices | null>(null);
