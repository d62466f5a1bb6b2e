import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_CSV_COLUMNS, auditEventSchema, auditListResponseSchema, type AuditEventView } from '../../shared/access-admin';
import { errorBodySchema } from '../../shared/errors';
import { recordAudit } from '../db/audit';
import { DEMO } from '../db/seed';
import { startTestWorld, unlimitedRates, SEEDED_AT, type TestWorld } from '../../test/helpers/test-server';

let world: TestWorld;
let tokens: Record<keyof typeof DEMO.users, string>;
const GENERATED = 1234;
beforeAll(async () => {
  world = await startTestWorld({ config: { rateLimit: unlimitedRates() }, listen: false });
  tokens = await world.signInAllDemoUsers();
  // Many events in Acme (more than two export batches), some at the same instant, one with a formula.
  await world.database.write(async (tx) => {
    for (let i = 0; i < GENERATED; i++) {
      await recordAudit(tx, {
        at: new Date(SEEDED_AT.getTime() - Math.floor(i / 3) * 1000), action: 'grant.edit', outcome: 'success', actorUserId: DEMO.users.contosoAdmin.id,
        subjectUserId: DEMO.users.contosoAnalyst.id, tenantId: DEMO.tenants.acme, ip: '10.0.0.1', reason: i === 7 ? '=HYPERLINK("x"), "quoted"\nline' : null,
        detail: { before: { role: 'operator', n: i }, after: { role: 'admin', n: i } },
      });
    }
    await recordAudit(tx, { at: SEEDED_AT, action: 'grant.edit', outcome: 'success', actorUserId: DEMO.users.fabrikamAdmin.id, tenantId: DEMO.tenants.wayne, detail: { before: null, after: null } });
  });
});
afterAll(() => world.close());

const get = (token: string, path: string) => world.app.request(path, { headers: { authorization: `Bearer ${token}` } });

async function allPages(token: string, query: string): Promise<AuditEventView[]> {
  const events: AuditEventView[] = [];
  let cursor: string | null = null;
  do {
    const res = await get(token, `/v1/audit?${query}&limit=500${cursor ? `&cursor=${cursor}` : ''}`);
    expect(res.status).toBe(200);
    const page = auditListResponseSchema.parse(await res.json());
    events.push(...page.events);
    cursor = page.next_cursor;
  } while (cursor);
  return events;
}

/** RFC 4180 reader for the test: quoted cells may hold commas, quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(cell), (cell = '');
    else if (ch === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += ch;
  }
  return rows;
}

describe('audit trail', () => {
  it('pages newest first by keyset, never repeating or skipping, with before and after', async () => {
    const events = await allPages(tokens.contosoAdmin, `tenant_id=${DEMO.tenants.acme}&action=grant.edit`);
    expect(events).toHaveLength(GENERATED);
    expect(new Set(events.map((e) => e.id)).size).toBe(GENERATED);
    const keys = events.map((e) => `${e.at}|${e.id}`);
    expect([...keys].sort().reverse()).toEqual(keys);
    expect(events.at(-1)).toMatchObject({ before: { role: 'operator', n: GENERATED - 1 }, after: { role: 'admin' }, subject_user_id: DEMO.users.contosoAnalyst.id });
  });

  it('filters by user and time range; sign-ins of the partner\'s users are in its scope', async () => {
    const from = new Date(SEEDED_AT.getTime() - 9_000).toISOString();
    const to = new Date(SEEDED_AT.getTime() - 3_000).toISOString();
    const range = await allPages(tokens.contosoAdmin, `from=${from}&to=${to}&action=grant.`);
    expect(range).toHaveLength(18);
    const signIns = await allPages(tokens.contosoAdmin, `user_id=${DEMO.users.contosoAnalyst.id}&action=session.create`);
    expect(signIns.length).toBeGreaterThan(0);
  });

  it('another partner\'s tenant or user looks missing; nothing of it leaks into the unfiltered trail', async () => {
    const foreign = await get(tokens.contosoAdmin, `/v1/audit?tenant_id=${DEMO.tenants.wayne}`);
    const missing = await get(tokens.contosoAdmin, '/v1/audit?tenant_id=t_missing');
    expect(foreign.status).toBe(404);
    expect(await foreign.text()).toBe(await missing.text());
    expect((await get(tokens.contosoAdmin, `/v1/audit?user_id=${DEMO.users.fabrikamAdmin.id}`)).status).toBe(404);
    const all = await allPages(tokens.contosoAdmin, '');
    expect(all.some((e) => e.tenant_id === DEMO.tenants.wayne || e.actor_user_id === DEMO.users.fabrikamAdmin.id)).toBe(false);
    const viewer = await get(tokens.acmeViewer, '/v1/audit');
    expect(viewer.status).toBe(403);
    expect(errorBodySchema.parse(await viewer.json()).error.message).toContain('requires Platform Administrator');
  });

  it('exports JSON lines, streamed, that parse back to the paged events', async () => {
    const res = await get(tokens.contosoAdmin, `/v1/audit/export?format=jsonl&tenant_id=${DEMO.tenants.acme}&action=grant.edit`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/x-ndjson');
    expect(res.body).toBeInstanceOf(ReadableStream);
    let chunks = 0;
    let text = '';
    const decoder = new TextDecoder();
    const reader = res.body!.getReader();
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      chunks++;
      text += decoder.decode(read.value, { stream: true });
    }
    expect(chunks).toBeGreaterThanOrEqual(3);
    const lines = text.trimEnd().split('\n').map((l) => auditEventSchema.parse(JSON.parse(l)));
    expect(lines).toEqual(await allPages(tokens.contosoAdmin, `tenant_id=${DEMO.tenants.acme}&action=grant.edit`));
  });

  it('exports CSV with a header, RFC 4180 quoting and formula cells neutralised', async () => {
    const res = await get(tokens.contosoAdmin, `/v1/audit/export?format=csv&tenant_id=${DEMO.tenants.acme}&action=grant.edit`);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const [header, ...rows] = parseCsv(await res.text());
    expect(header).toEqual([...AUDIT_CSV_COLUMNS]);
    expect(rows).toHaveLength(GENERATED);
    const paged = await allPages(tokens.contosoAdmin, `tenant_id=${DEMO.tenants.acme}&action=grant.edit`);
    expect(rows.map((r) => r[0])).toEqual(paged.map((e) => e.id));
    const formula = rows.find((r) => r[8]!.includes('HYPERLINK'))!;
    expect(formula[8]).toBe(`'=HYPERLINK("x"), "quoted"\nline`);
    expect(JSON.parse(rows[0]![9]!)).toEqual(paged[0]!.before);
  });

  it('rejects a bad cursor, format or action with 400', async () => {
    expect((await get(tokens.contosoAdmin, '/v1/audit?cursor=nope')).status).toBe(400);
    expect((await get(tokens.contosoAdmin, '/v1/audit/export?format=xml')).status).toBe(400);
    expect((await get(tokens.contosoAdmin, '/v1/audit?action=DROP%20TABLE')).status).toBe(400);
  });
});
