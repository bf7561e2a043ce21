import { describe, expect, it } from 'vitest';
import { databaseProblem, redact } from './database-problem';

describe('database problems told in one sentence', () => {
  it('never shows a password, whether or not the URL parses', () => {
    expect(redact('postgres://desk:s3cret@db.example:5432/desk')).toBe(
      'postgres://desk:***@db.example:5432/desk',
    );
    expect(redact('postgres://desk@db.example/desk')).toBe('postgres://desk@db.example/desk');
    expect(redact('postgres://desk:s3cret@[bad/desk')).not.toContain('s3cret');
  });

  it('names the URL it could not reach, without its password', () => {
    const err = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    const text = databaseProblem(err, {
      dataDir: './data',
      databaseUrl: 'postgres://desk:s3cret@127.0.0.1:1/desk',
    });
    expect(text).toContain('postgres://desk:***@127.0.0.1:1/desk');
    expect(text).not.toContain('s3cret');
  });

  it('leaves an error that is not about the database to its own message', () => {
    expect(
      databaseProblem(new Error('boom'), { dataDir: './data', databaseUrl: undefined }),
    ).toBeUndefined();
  });
});
