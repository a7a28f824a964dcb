/**
 * The `messages: { ko, en }` of an error answer for texts that are not in the message catalogue (limits with
 * numbers in them): passed as `ApiError` details, which the error handler spreads over its own `messages`.
 */
export const say = (ko: string, en: string) => ({ messages: { ko, en } });
