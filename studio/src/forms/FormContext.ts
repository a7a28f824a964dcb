import { createContext } from 'react';
import type { Column } from '../../../runtime/schema/types.ts';
import type { Lang } from '../i18n/lang-store.ts';

/** What every field of one node's form needs: write a value, the upstream columns, the issues at a path. */
export interface FormApi {
  nodeId: string;
  /** The node's type: names the choices of its settings (runtime/messages/option-labels.ts). */
  nodeType: string;
  lang: Lang;
  set(path: string, value: unknown): void;
  columns(port: string | undefined): Column[];
  issues(path: string): string[];
  /** Input relation names (upstream node ids) for SQL completion. */
  relations: string[];
}

export const FormContext = createContext<FormApi | null>(null);
