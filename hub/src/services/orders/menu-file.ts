/** Reads the restaurant's menu file; a bad one stops start-up naming the place of each problem. */
import { readFileSync } from 'node:fs';
import { menuSchema, type Menu } from '@selfserve/shared';
import { ConfigError } from '../../config.js';

export function readMenuFile(file: string): Menu {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new ConfigError(`the menu ${file} cannot be read: ${(err as Error).message}`);
  }
  const result = menuSchema.safeParse(json);
  if (result.success) return result.data;
  const lines = result.error.issues.slice(0, 20).map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`);
  throw new ConfigError(`the menu ${file} is not valid:\n${lines.join('\n')}`);
}
