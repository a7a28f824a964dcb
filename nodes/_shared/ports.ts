import type { PortSpec } from '../../runtime/nodes/define-node.ts';

export const IN: PortSpec = { name: 'in', label: { ko: '입력', en: 'Input' } };
export const OUT: PortSpec = { name: 'out', label: { ko: '출력', en: 'Output' } };
