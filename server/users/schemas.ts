import { z } from '@hono/zod-openapi';
import { PASSWORD_MAX, PASSWORD_MIN } from '../auth/password.ts';
import { ROLES } from '../db/schema.ts';

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(
    /^[a-z0-9][a-z0-9._-]{1,31}$/,
    '2–32 characters: letters, digits, ".", "_" or "-", starting with a letter or digit',
  )
  .openapi({ example: 'kim.officer' });

export const newPasswordSchema = z
  .string()
  .min(PASSWORD_MIN, `at least ${PASSWORD_MIN} characters`)
  .max(PASSWORD_MAX, `at most ${PASSWORD_MAX} characters`);

const departmentSchema = z.string().trim().min(1).max(100).nullable();

export const publicUserSchema = z
  .object({
    id: z.uuid(),
    username: z.string(),
    displayName: z.string(),
    role: z.enum(ROLES),
    department: z.string().nullable(),
    mustChangePassword: z.boolean(),
  })
  .openapi('User');

export const adminUserSchema = publicUserSchema
  .extend({ disabled: z.boolean(), createdAt: z.string().openapi({ format: 'date-time' }) })
  .openapi('UserAccount');

export const createUserSchema = z
  .object({
    username: usernameSchema,
    displayName: z.string().trim().min(1).max(100),
    role: z.enum(ROLES).default('officer'),
    department: departmentSchema.default(null),
    /** Omitted: a one-time password is generated and returned once. */
    password: newPasswordSchema.optional(),
  })
  .strict()
  .openapi('NewUser');

export const updateUserSchema = z
  .object({
    displayName: z.string().trim().min(1).max(100).optional(),
    role: z.enum(ROLES).optional(),
    department: departmentSchema.optional(),
    disabled: z.boolean().optional(),
  })
  .strict()
  .openapi('UserChanges');

export const oneTimePasswordSchema = z
  .object({ user: adminUserSchema, oneTimePassword: z.string().optional() })
  .openapi('UserWithPassword');
