import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { seen, seenAdmin } from '../helpers/contract';
import { http } from '../helpers/http';
import { adminRoutes } from '../../server/src/routes/admin';
import { fileBody } from '../../server/src/openapi/bodies';

type Json = Record<string, any>;
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/**
 * Runs last: the OpenAPI document is valid OpenAPI 3.1, and every answer the
 * suite received from a content-API route is one it documents — the status
 * for that operation and, for JSON bodies, the schema.
 */
export function contractSpec() {
  describe('API contracts', () => {
    let doc: Json;

    it('publishes a valid OpenAPI 3.1 document at /api/policy-ledger/openapi.json', async () => {
      const res = await http('/api/policy-ledger/openapi.json', {
        headers: { origin: 'https://x.kz' },
      });
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type') ?? '', /application\/json/);
      doc = res.body;
      assert.equal(doc.openapi, '3.1.0');
      const { Validator } = await import('@seriousme/openapi-schema-validator');
      const result = await new Validator().validate(structuredClone(doc));
      assert.equal(result.valid, true, JSON.stringify(result.errors, null, 1));
    });

    it('covers every answer the suite saw from the content API, and every route', () => {
      assert.ok(doc, 'the document was fetched');
      const ajv = new Ajv2020({ strict: false, allErrors: true });
      addFormats(ajv);
      ajv.addSchema(doc.components.schemas.Error, '#/components/schemas/Error');
      const operations = Object.entries(doc.paths as Json).flatMap(([template, item]) =>
        METHODS.filter((m) => item[m]).map((m) => ({
          method: m.toUpperCase(),
          template,
          re: new RegExp(`^${template.replace(/\{\w+\}/g, '[^/]+')}$`),
          op: item[m] as Json,
        })),
      );
      const validators = new Map<string, ReturnType<typeof ajv.compile>>();
      const validatorFor = (key: string, schema: Json) => {
        if (!validators.has(key)) {
          const resolved = schema.$ref ? doc.components.schemas.Error : schema;
          validators.set(key, ajv.compile(resolved));
        }
        return validators.get(key)!;
      };

      const problems: string[] = [];
      const covered = new Set<string>();
      let checked = 0;
      for (const s of seen) {
        if (s.method === 'OPTIONS') continue; // CORS preflight: answered by the app's CORS middleware
        const method = s.method === 'HEAD' ? 'GET' : s.method;
        const match = operations.find((o) => o.method === method && o.re.test(s.path));
        // An unknown path is Strapi's 404 from the router; nothing of ours to document.
        if (!match) {
          if (s.status !== 404 && s.status !== 405)
            problems.push(`${s.method} ${s.path}: no operation`);
          continue;
        }
        const name = `${method} ${match.template}`;
        const response = match.op.responses[String(s.status)];
        if (!response) {
          problems.push(`${name}: status ${s.status} is not documented`);
          continue;
        }
        covered.add(name);
        const schema = response.content?.['application/json']?.schema;
        if (!schema || s.method === 'HEAD') continue;
        // A documented page (the double opt-in link opened in a browser).
        if (/text\/html/.test(s.contentType) && response.content?.['text/html']) {
          checked++;
          continue;
        }
        if (!/application\/json/.test(s.contentType)) {
          problems.push(`${name} ${s.status}: content-type ${s.contentType}`);
          continue;
        }
        const validateBody = validatorFor(`${name} ${s.status}`, schema);
        if (!validateBody(JSON.parse(s.body))) {
          problems.push(
            `${name} ${s.status}: ${ajv.errorsText(validateBody.errors)} in ${s.body.slice(0, 300)}`,
          );
        }
        checked++;
      }
      assert.deepEqual(problems.slice(0, 20), [], `${problems.length} answers off the contract`);
      const all = operations.map((o) => `${o.method} ${o.template}`);
      assert.deepEqual(
        all.filter((n) => !covered.has(n)),
        [],
        'every documented route is exercised by the suite',
      );
      assert.ok(checked > 100, `${checked} bodies checked`);
    });

    it('checks every admin API answer against its route declaration, and every admin route', () => {
      const routes = adminRoutes.map((route) => ({
        route,
        re: new RegExp(`^/policy-ledger${route.path.replace(/:\w+/g, '[^/]+')}$`),
      }));
      const problems: string[] = [];
      const covered = new Set<string>();
      let checked = 0;
      for (const s of seenAdmin) {
        const match = routes.find((r) => r.route.method === s.method && r.re.test(s.path));
        if (!match) continue; // Strapi's own 404 for a path that is no route
        const { route } = match;
        if (s.status < 200 || s.status >= 300) continue; // errors: Strapi's error body
        covered.add(route.handler);
        // A file (CSV, NDJSON, an ISO 27560 download, an HTML page): not an enveloped answer.
        if (route.response === fileBody || !/application\/json/.test(s.contentType)) continue;
        const result = route.response.safeParse(JSON.parse(s.body));
        if (!result.success) {
          const issue = result.error.issues[0];
          problems.push(
            `${route.method} ${route.path} ${s.status}: ${issue?.path.join('.')} ${issue?.message} in ${s.body.slice(0, 200)}`,
          );
        }
        checked++;
      }
      assert.deepEqual(
        problems.slice(0, 20),
        [],
        `${problems.length} admin answers off the contract`,
      );
      assert.deepEqual(
        adminRoutes.map((r) => r.handler).filter((h) => !covered.has(h)),
        [],
        'every admin route answered the suite at least once',
      );
      assert.ok(checked > 100, `${checked} admin bodies checked`);
    });
  });
}
