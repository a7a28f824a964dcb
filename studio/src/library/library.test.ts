import { describe, expect, it } from 'vitest';
import { LibraryError } from './api.ts';
import { parseHash } from './route.ts';
import { errorText, libText } from './text.ts';

describe('hash routes', () => {
  it('maps the library hashes and falls back to the editor', () => {
    expect(parseHash('#/login')).toEqual({ page: 'login' });
    expect(parseHash('#/pipelines')).toEqual({ page: 'pipelines' });
    expect(parseHash('#/templates')).toEqual({ page: 'templates' });
    expect(parseHash('#/templates/a%20b')).toEqual({ page: 'template', id: 'a b' });
    expect(parseHash('#/ranking')).toEqual({ page: 'ranking' });
    expect(parseHash('#/datasets')).toEqual({ page: 'datasets' });
    expect(parseHash('#/editor')).toEqual({ page: 'editor' });
    expect(parseHash('')).toEqual({ page: 'editor' });
    expect(parseHash('#/nope')).toEqual({ page: 'editor' });
  });
});

describe('error texts', () => {
  it('translates the common codes and keeps the server message otherwise', () => {
    const ko = libText('ko');
    const en = libText('en');
    for (const code of ['conflict', 'forbidden', 'not_found', 'rate_limited', 'invalid_pipeline']) {
      const e = new LibraryError(400, code, 'server text', {});
      expect(errorText(ko, e)).not.toBe('server text');
      expect(errorText(en, e)).not.toBe(errorText(ko, e));
    }
    expect(errorText(ko, new LibraryError(418, 'teapot', 'server text', {}))).toBe('server text');
    // The server's own words in the UI language come first: they name the field.
    const short = new LibraryError(400, 'invalid_request', 'newPassword: Too small', {
      messages: { ko: '새 비밀번호는 10자 이상이어야 합니다', en: 'newPassword: at least 10 characters' },
    });
    expect(errorText(ko, short)).toBe('새 비밀번호는 10자 이상이어야 합니다');
    expect(errorText(en, short)).toBe('newPassword: at least 10 characters');
    expect(ko('server.saved', { version: 3 })).toBe('서버에 저장했습니다 (v3)');
  });
});
