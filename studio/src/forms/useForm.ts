import { useContext } from 'react';
import { type FormApi, FormContext } from './FormContext.ts';

/** The enclosing `ParamsForm`'s API. */
export function useForm(): FormApi {
  const api = useContext(FormContext);
  if (!api) throw new Error('useForm outside ParamsForm');
  return api;
}
