import type { ParameterValue } from '../../../../runtime/document/pipeline-doc.ts';
import { ActionRefused, defineAction } from './define-action.ts';

export interface SetParameterArgs {
  name: string;
  /** The value the pipeline runs with unless a schedule or a template use gives another; undefined clears it. */
  value: ParameterValue | undefined;
}

/** Changes a declared parameter's value (its default) from the editor's 매개변수 form. */
export const setParameter = defineAction({
  name: 'set-parameter',
  label: { ko: '매개변수 값 변경', en: 'Change a parameter value' },
  perform(doc, args: SetParameterArgs) {
    const p = doc.parameters.find((x) => x.name === args.name);
    if (!p) throw new ActionRefused({ ko: `매개변수 "${args.name}"가 없습니다`, en: `No parameter "${args.name}"` });
    if (args.value === undefined) delete p.default;
    else p.default = args.value;
  },
});
