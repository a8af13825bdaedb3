/** The JSON answers every hub HTTP route gives: `{ok: true, data}` or `{ok: false, error: {code, message}}`. */
import type { Response } from 'express';
import type { ErrorCode } from '@selfserve/shared';
import type { z } from 'zod';

export function failure(res: Response, status: number, code: ErrorCode, message: string): void {
  res.status(status).json({ ok: false, error: { code, message } });
}

export function badPayload(res: Response, error: z.ZodError): void {
  const issue = error.issues[0];
  const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
  failure(res, 400, 'bad-payload', `${where}${issue?.message ?? 'invalid body'}`);
}
