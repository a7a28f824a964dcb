import { conf, language } from 'monaco-editor/languages/definitions/javascript/javascript';
import type { Column } from '../../../runtime/schema/types.ts';
import { monaco } from '../forms/monaco/monaco-setup.ts';
import { jsSuggestions } from './js-completion.ts';

const contexts = new Map<string, { inputs: string[]; columns: Column[] }>();
let registered = false;

/** The inputs and upstream columns one editor model completes. */
export function setJsContext(model: string, inputs: string[], columns: Column[]): void {
  if (inputs.length === 0 && columns.length === 0) contexts.delete(model);
  else contexts.set(model, { inputs, columns });
}

/**
 * `studio-js`: JavaScript highlighting from Monaco's Monarch grammar, without the TypeScript language
 * service (it would need its own worker), and completion of inputs and columns.
 */
export function registerJsLanguage(): void {
  if (registered) return;
  registered = true;
  monaco.languages.register({ id: 'studio-js', aliases: ['JavaScript'] });
  monaco.languages.setLanguageConfiguration('studio-js', conf);
  monaco.languages.setMonarchTokensProvider('studio-js', language);
  monaco.languages.registerCompletionItemProvider('studio-js', {
    triggerCharacters: ['.'],
    provideCompletionItems(model, position) {
      const word = model.getWordUntilPosition(position);
      const range = {
        startLineNumber: position.lineNumber,
        endLineNumber: position.lineNumber,
        startColumn: word.startColumn,
        endColumn: word.endColumn,
      };
      const before = model.getLineContent(position.lineNumber).slice(0, position.column - 1);
      const ctx = contexts.get(model.uri.toString()) ?? { inputs: [], columns: [] };
      return {
        suggestions: jsSuggestions(before, ctx.inputs, ctx.columns).map((s) => ({
          label: s.label,
          detail: s.detail,
          insertText: s.insert,
          range,
          kind:
            s.kind === 'input'
              ? monaco.languages.CompletionItemKind.Variable
              : s.kind === 'column'
                ? monaco.languages.CompletionItemKind.Field
                : monaco.languages.CompletionItemKind.Method,
        })),
      };
    },
  });
}
