/** Texts of the model registry page (Korean first). */
import { useMemo } from 'react';
import type { Lang } from '../i18n/lang-store.ts';
import { useLang } from '../i18n/useLang.ts';

const KO = {
  'nav.models': '모델 저장소',
  'models.title': '모델 저장소',
  'models.intro':
    '파이프라인에서 학습해 등록한 모델과 올린 ONNX 모델입니다. "모델 채점" 단계와 예약 실행에서 이름으로 씁니다.',
  'models.upload': 'ONNX 모델 올리기',
  'models.file': 'ONNX 파일',
  'models.name': '모델 이름',
  'models.columns': '입력 열 (쉼표로 구분, 모델 입력 순서대로)',
  'models.description': '설명 (선택)',
  'models.submit': '올리기',
  'models.uploaded': '{name} v{version} 을(를) 올렸습니다',
  'models.model': '모델',
  'models.kind': '종류',
  'models.kind.screening': '학습 모델',
  'models.kind.onnx': 'ONNX',
  'models.precision': '정밀도',
  'models.auc': 'AUC',
  'models.rows': '학습 행',
  'models.owner': '등록자',
  'models.created': '등록일',
  'models.fingerprint': '학습 데이터 지문',
  'models.download': '내려받기',
  'models.delete': '삭제',
  'models.confirmDelete': '{name} v{version} 을(를) 삭제할까요? 이 모델을 쓰는 파이프라인은 실패합니다.',
  'models.none': '등록된 모델이 없습니다',
  'models.needFile': 'ONNX 파일을 고르세요',
  'models.revenue': '세액 비율',
  'models.metricsFrom':
    '정밀도·세액 비율·AUC 는 학습 단계가 과거 이력의 가장 최근 기간(검증 구간, 기본 20%)을 떼어 두고, 그 앞 기간으로 학습한 모델을 그 구간에 매겨 잰 값입니다(정밀도·세액 비율: 위험도 상위 집중 검사 비율 안의 적발 비율과 적발 세액 비율). "모델 평가" 단계의 값은 그 파이프라인이 넣은 다른 신고(보통 더 뒤의 기간)에서 잰 것이라 다를 수 있습니다.',
};

export type ModelsKey = keyof typeof KO;

const EN: Record<ModelsKey, string> = {
  'nav.models': 'Models',
  'models.title': 'Model registry',
  'models.intro':
    'Models trained and registered by pipelines, and uploaded ONNX models. The "Score with a model" step and scheduled runs use them by name.',
  'models.upload': 'Upload an ONNX model',
  'models.file': 'ONNX file',
  'models.name': 'Model name',
  'models.columns': 'Input columns (comma-separated, in the model’s input order)',
  'models.description': 'Description (optional)',
  'models.submit': 'Upload',
  'models.uploaded': 'Uploaded {name} v{version}',
  'models.model': 'Model',
  'models.kind': 'Kind',
  'models.kind.screening': 'Trained',
  'models.kind.onnx': 'ONNX',
  'models.precision': 'Precision',
  'models.auc': 'AUC',
  'models.rows': 'Training rows',
  'models.owner': 'Owner',
  'models.created': 'Registered',
  'models.fingerprint': 'Training data fingerprint',
  'models.download': 'Download',
  'models.delete': 'Delete',
  'models.revenue': 'Revenue share',
  'models.metricsFrom':
    'Precision, revenue share and AUC come from the training step: it holds back the latest period of the history (the validation split, 20 % by default), trains on the earlier rows and scores that period (precision and revenue share: hits and their duty within the focused share of riskiest declarations). The "Evaluate a model" step measures on the declarations its pipeline feeds it (usually later months), so its figures can differ.',
  'models.confirmDelete': 'Delete {name} v{version}? Pipelines using it will fail.',
  'models.none': 'No models registered yet',
  'models.needFile': 'Choose an ONNX file',
};

export type ModelsT = (key: ModelsKey, vars?: Record<string, string | number>) => string;

export function modelsText(lang: Lang): ModelsT {
  const table: Record<ModelsKey, string> = lang === 'en' ? EN : KO;
  return (key, vars) => table[key].replace(/\{(\w+)\}/g, (m, name: string) => String(vars?.[name] ?? m));
}

export function useModelsT(): ModelsT {
  const [lang] = useLang();
  return useMemo(() => modelsText(lang), [lang]);
}
