import { EngineError, type EngineAdapter } from '@konstruktor/engine-adapter';
import { problems } from '../http/problem.js';
import type { ServiceVersion } from '../catalogue/service-version.entity.js';

/**
 * Deploys a service version's BPMN files and forms when it is published. What the engine
 * refuses (malformed or unsupported BPMN) stops the publication with 422 naming the element.
 */
export async function deployServiceProcess(engine: EngineAdapter, version: ServiceVersion): Promise<ServiceVersion['processDefinition']> {
  const process = version.card.process;
  if (!process) return null;
  const resources = Object.entries(version.files)
    .filter(([name]) => name.endsWith('.bpmn') || name.endsWith('.form'))
    .map(([name, file]) => ({ name, content: file.encoding === 'utf8' ? file.content : Buffer.from(file.content, 'base64').toString('utf8') }));
  try {
    const deployment = await engine.deploy(resources);
    const deployed = deployment.processes.find((p) => p.processId === process.processId);
    if (!deployed) {
      throw problems.unprocessable(`service.yaml names process "${process.processId}", but ${process.file} defines ${deployment.processes.map((p) => `"${p.processId}"`).join(', ')}`,
        [{ in: 'body', path: '/files/service.yaml/process/processId', message: 'is not a process of the package' }]);
    }
    return { processId: deployed.processId, version: deployed.version, key: deployed.processDefinitionKey };
  } catch (error) {
    if (error instanceof EngineError) {
      throw problems.unprocessable(`The process cannot be deployed: ${error.message}`, [{ in: 'body', path: `/files/${process.file}`, message: error.message }]);
    }
    throw error;
  }
}
