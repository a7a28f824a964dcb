import { useMemo } from 'react';
import type { Label } from '../../../runtime/nodes/param-meta.ts';
import type { Lang } from '../i18n/lang-store.ts';
import { useLang } from '../i18n/useLang.ts';

/** Texts of the document's identity, the dataset picker and the save-upload dialog (Korean first). */
const KO = {
  'status.new': '새 문서',
  'status.saved': '저장됨',
  'status.unsaved': '저장 안 됨',
  'status.linkedTitle': '서버 파이프라인 "{name}" v{version}',
  'status.newTitle': '서버에 아직 저장하지 않은 문서입니다. 서버에 저장하면 새 파이프라인이 만들어집니다.',
  'save.done': '서버에 저장했습니다 · v{version}',
  'save.created': '새 파이프라인 "{name}"을(를) 서버에 저장했습니다 · v{version}',
  'upload.title': '데이터 파일을 서버에 올릴까요?',
  'upload.intro':
    '이 파이프라인은 이 브라우저에만 있는 파일을 읽습니다. 서버에서 예약·실행하려면 파일을 데이터셋으로 올려야 합니다.',
  'upload.private': '올린 데이터셋은 나만 볼 수 있습니다(데이터셋 화면에서 공유할 수 있습니다).',
  'upload.confirm': '올리고 저장',
  'upload.cancel': '저장 취소',
  'upload.missing': '"{file}" 파일이 이 브라우저에 없습니다. 파일을 다시 끌어다 놓은 뒤 저장하세요.',
  'upload.declined':
    '저장하지 않았습니다: 서버는 이 브라우저에 있는 파일을 읽을 수 없습니다. 파일을 데이터셋으로 올리면 저장할 수 있습니다.',
  'upload.failed': '"{file}"을(를) 올리지 못했습니다: {message}',
  'picker.choose': '데이터셋 선택…',
  'picker.title': '데이터셋 선택',
  'picker.search': '이름으로 검색',
  'picker.name': '이름',
  'picker.size': '크기',
  'picker.rows': '행 수',
  'picker.owner': '소유자',
  'picker.updated': '수정일',
  'picker.sample': '예제',
  'picker.signIn': '로그인하면 서버의 다른 데이터셋도 고를 수 있습니다.',
  'picker.none': '맞는 데이터셋이 없습니다',
  'picker.loading': '불러오는 중…',
  'picker.failed': '데이터셋 목록을 불러오지 못했습니다',
  'picker.unknown': '알 수 없는 데이터셋',
  'picker.close': '닫기',
  'open.asData': '"{file}"을(를) 데이터로 열었습니다',
} as const;

export type DocKey = keyof typeof KO;

const EN: Record<DocKey, string> = {
  'status.new': 'New document',
  'status.saved': 'Saved',
  'status.unsaved': 'Unsaved',
  'status.linkedTitle': 'Server pipeline "{name}" v{version}',
  'status.newTitle': 'Not on the server yet. Saving to the server creates a new pipeline.',
  'save.done': 'Saved to the server · v{version}',
  'save.created': 'Saved the new pipeline "{name}" to the server · v{version}',
  'upload.title': 'Upload the data files to the server?',
  'upload.intro':
    'This pipeline reads files that exist only in this browser. To schedule and run it on the server, upload them as datasets.',
  'upload.private': 'Uploaded datasets are visible only to you (share them on the Datasets page).',
  'upload.confirm': 'Upload and save',
  'upload.cancel': 'Cancel saving',
  'upload.missing': '"{file}" is not in this browser. Drop the file again, then save.',
  'upload.declined': 'Not saved: the server cannot read files kept in this browser. Upload them as datasets to save.',
  'upload.failed': 'Could not upload "{file}": {message}',
  'picker.choose': 'Choose a dataset…',
  'picker.title': 'Choose a dataset',
  'picker.search': 'Search by name',
  'picker.name': 'Name',
  'picker.size': 'Size',
  'picker.rows': 'Rows',
  'picker.owner': 'Owner',
  'picker.updated': 'Updated',
  'picker.sample': 'Sample',
  'picker.signIn': 'Sign in to choose from the other datasets on the server.',
  'picker.none': 'No matching dataset',
  'picker.loading': 'Loading…',
  'picker.failed': 'Could not load the dataset list',
  'picker.unknown': 'Unknown dataset',
  'picker.close': 'Close',
  'open.asData': 'Opened "{file}" as data',
};

export type DocT = (key: DocKey, vars?: Record<string, string | number>) => string;

const fill = (text: string, vars?: Record<string, string | number>) =>
  vars ? text.replace(/\{(\w+)\}/g, (m, k: string) => String(vars[k] ?? m)) : text;

export function docText(lang: Lang): DocT {
  const dict: Record<DocKey, string> = lang === 'ko' ? KO : EN;
  return (key, vars) => fill(dict[key], vars);
}

/** A message in both languages, for notices kept in the store. */
export function docLabel(key: DocKey, vars?: Record<string, string | number>): Label {
  return { ko: fill(KO[key], vars), en: fill(EN[key], vars) };
}

export function useDocT(): DocT {
  const [lang] = useLang();
  return useMemo(() => docText(lang), [lang]);
}
