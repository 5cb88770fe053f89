import { Router, type Request } from 'express';
import type { Resource } from '../../contract.js';
import type { EmbeddedEngine } from '../../embedded/index.js';
import { invalidArgument, route } from '../problem.js';
import { DEFAULT_TENANT } from '../request.js';

/** POST /deployments: multipart `resources` (BPMN and forms), as the official clients send them. */
export function deploymentRoutes(engine: EmbeddedEngine, bodyLimit: number): Router {
  const router = Router();
  router.post('/deployments', route(async (req, res) => {
    const resources = await resourcesOf(req, bodyLimit);
    const deployment = await engine.deploy(resources);
    const forms = resources.filter((r) => r.name.endsWith('.form'));
    res.json({
      deploymentKey: deployment.key, tenantId: DEFAULT_TENANT,
      deployments: [
        ...deployment.processes.map((p) => ({
          processDefinition: {
            processDefinitionId: p.processId, processDefinitionVersion: p.version, resourceName: p.resourceName,
            processDefinitionKey: p.processDefinitionKey, tenantId: DEFAULT_TENANT,
          },
        })),
        ...forms.map((f) => ({ form: { formId: formIdOf(f), version: 1, resourceName: f.name, tenantId: DEFAULT_TENANT } })),
      ],
    });
  }));
  return router;
}

function formIdOf(form: Resource): string {
  try {
    const id = (JSON.parse(form.content) as { id?: unknown }).id;
    return typeof id === 'string' ? id : form.name;
  } catch {
    return form.name;
  }
}

/** The files of a multipart/form-data body, read with the platform's own parser (undici's FormData). */
async function resourcesOf(req: Request, limit: number): Promise<Resource[]> {
  const type = req.headers['content-type'] ?? '';
  if (!/^multipart\/form-data/i.test(type)) throw invalidArgument('A deployment is sent as multipart/form-data with one or more resources.');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw Object.assign(new Error('too large'), { status: 413 });
    chunks.push(chunk);
  }
  let form: FormData;
  try {
    form = await new Response(Buffer.concat(chunks), { headers: { 'content-type': type } }).formData();
  } catch {
    throw invalidArgument('The multipart body could not be read.');
  }
  const resources: Resource[] = [];
  for (const [field, value] of form.entries()) {
    if (field !== 'resources') {
      if (field === 'tenantId' && (value === DEFAULT_TENANT || value === '')) continue;
      throw invalidArgument(`'${field}' is not a part of a deployment (expected resources).`);
    }
    if (typeof value === 'string') throw invalidArgument('Each resource must be a file with a name.');
    resources.push({ name: value.name, content: await value.text() });
  }
  if (!resources.length) throw invalidArgument('Expected to deploy at least one resource, but none given');
  return resources;
}
