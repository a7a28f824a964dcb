import { loader } from '@monaco-editor/react';
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/register.all';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import { conf, language } from 'monaco-editor/languages/definitions/sql/sql';
import { completionItems } from './completion.ts';
import { DUCKDB_KEYWORDS } from './duckdb-keywords.ts';

/** Monaco from this bundle (never a CDN), one local worker, and the `duckdb` language: SQL + DuckDB's words. */
self.MonacoEnvironment = { getWorker: () => new EditorWorker() };
loader.config({ monaco });

monaco.languages.register({ id: 'duckdb', aliases: ['DuckDB SQL'] });
monaco.languages.setLanguageConfiguration('duckdb', conf);
monaco.languages.setMonarchTokensProvider('duckdb', {
  ...language,
  keywords: [...new Set([...(language.keywords as string[]), ...DUCKDB_KEYWORDS])],
});
monaco.languages.registerCompletionItemProvider('duckdb', {
  triggerCharacters: ['.', '"'],
  provideCompletionItems(model, position) {
    const word = model.getWordUntilPosition(position);
    const range = {
      startLineNumber: position.lineNumber,
      endLineNumber: position.lineNumber,
      startColumn: word.startColumn,
      endColumn: word.endColumn,
    };
    return {
      suggestions: completionItems(model.uri.toString()).map((s) => ({
        label: s.label,
        detail: s.detail,
        insertText: s.insert,
        range,
        kind:
          s.kind === 'relation'
            ? monaco.languages.CompletionItemKind.Struct
            : s.kind === 'column'
              ? monaco.languages.CompletionItemKind.Field
              : monaco.languages.CompletionItemKind.Keyword,
      })),
    };
  },
});

export { monaco };
