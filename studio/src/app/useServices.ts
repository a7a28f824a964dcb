import { useContext } from 'react';
import { StudioContext } from './StudioContext.ts';
import type { StudioServices } from './services.ts';

export function useServices(): StudioServices {
  const services = useContext(StudioContext);
  if (!services) throw new Error('useServices() outside <StudioContext.Provider>');
  return services;
}
