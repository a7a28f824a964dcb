import { defineAction } from './define-action.ts';

export interface RenamePipelineArgs {
  name: string;
  description?: string;
}

export const renamePipeline = defineAction({
  name: 'rename-pipeline',
  label: { ko: '파이프라인 이름 바꾸기', en: 'Rename pipeline' },
  perform(doc, args: RenamePipelineArgs) {
    doc.name = args.name;
    if (args.description !== undefined) {
      if (args.description) doc.description = args.description;
      else delete doc.description;
    }
  },
});
