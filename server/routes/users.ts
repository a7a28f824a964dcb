import { createRoute } from '@hono/zod-openapi';
import { generatePassword, hashPassword } from '../auth/password.ts';
import { deleteUserSessions } from '../auth/sessions.ts';
import type { AppDeps, AppEnv } from '../context.ts';
import { ApiError, errorResponses, notFound } from '../errors.ts';
import { authed, requireUser } from '../middleware/require-user.ts';
import { insertUser, listUsers, toPublicUser, updateUser } from '../users/queries.ts';
import { adminUserSchema, createUserSchema, oneTimePasswordSchema, updateUserSchema } from '../users/schemas.ts';
import { idParam, router } from './router.ts';

const ok = <T>(description: string, schema: T) => ({ description, content: { 'application/json': { schema } } });
const body = <T>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });
const adminErrors = errorResponses(400, 401, 403, 404, 409, 415, 422);

const list = createRoute({
  method: 'get',
  path: '/',
  tags: ['users'],
  summary: 'All accounts (admin)',
  responses: { 200: ok('Accounts', adminUserSchema.array()), ...adminErrors },
});

const create = createRoute({
  method: 'post',
  path: '/',
  tags: ['users'],
  summary: 'Create an account (admin); without a password, a one-time password is generated and returned once',
  request: body(createUserSchema),
  responses: { 201: ok('Created', oneTimePasswordSchema), ...adminErrors },
});

const update = createRoute({
  method: 'patch',
  path: '/{id}',
  tags: ['users'],
  summary: 'Change role, department, name, or disable (admin); disabling signs the user out',
  request: { params: idParam, ...body(updateUserSchema) },
  responses: { 200: ok('Updated', adminUserSchema), ...adminErrors },
});

const resetPassword = createRoute({
  method: 'post',
  path: '/{id}/reset-password',
  tags: ['users'],
  summary: 'Replace the password with a one-time password (admin); signs the user out',
  request: { params: idParam },
  responses: { 200: ok('New one-time password', oneTimePasswordSchema), ...adminErrors },
});

export function userRoutes(deps: AppDeps) {
  const { db } = deps;
  const app = router<AppEnv>();
  app.use('*', requireUser({ roles: ['admin'] }));
  return app
    .openapi(list, async (c) => c.json((await listUsers(db)).map(toPublicUser), 200))
    .openapi(create, async (c) => {
      const { password, ...fields } = c.req.valid('json');
      const oneTimePassword = password ? undefined : generatePassword();
      const passwordHash = await hashPassword(password ?? oneTimePassword!);
      const row = await insertUser(db, { ...fields, passwordHash, mustChangePassword: !password });
      if (!row) throw new ApiError(409, 'username_taken', `the user name "${fields.username}" is taken`);
      return c.json({ user: toPublicUser(row), oneTimePassword }, 201);
    })
    .openapi(update, async (c) => {
      const { id } = c.req.valid('param');
      const { disabled, ...changes } = c.req.valid('json');
      if (id === authed(c).user.id && (disabled || (changes.role && changes.role !== 'admin'))) {
        throw new ApiError(422, 'own_account', 'an admin cannot disable or demote their own account');
      }
      const disabledAt = disabled === undefined ? {} : { disabledAt: disabled ? deps.now() : null };
      const row = await updateUser(db, id, { ...changes, ...disabledAt }, deps.now());
      if (!row) throw notFound('user');
      if (disabled) await deleteUserSessions(db, id);
      return c.json(toPublicUser(row), 200);
    })
    .openapi(resetPassword, async (c) => {
      const { id } = c.req.valid('param');
      const oneTimePassword = generatePassword();
      const passwordHash = await hashPassword(oneTimePassword);
      const row = await updateUser(db, id, { passwordHash, mustChangePassword: true }, deps.now());
      if (!row) throw notFound('user');
      await deleteUserSessions(db, id);
      return c.json({ user: toPublicUser(row), oneTimePassword }, 200);
    });
}
