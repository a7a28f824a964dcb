/** The OCR languages Debian's tesseract-ocr-eng / -kor packages install; nothing else reaches the OCR program. */
export const OCR_LANGS = ['eng', 'kor', 'eng+kor'] as const;
export type OcrLang = (typeof OCR_LANGS)[number];
