/** Shorthands for route declarations. */
export const json = <T>(description: string, schema: T) => ({
  description,
  content: { 'application/json': { schema } },
});
export const jsonBody = <T>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});
